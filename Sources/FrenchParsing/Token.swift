/// A word of the utterance: its normalised form for matching, and where it came from.
public struct Token: Hashable, Sendable {
    /// Lower-case, accent-free, straight-apostrophe form ("échéance" → "echeance").
    public var text: String
    /// The text as typed.
    public var original: String
    /// UTF-16 offsets of `original` in the utterance (what editors use).
    public var start: Int
    public var end: Int

    public init(text: String, original: String, start: Int, end: Int) {
        self.text = text
        self.original = original
        self.start = start
        self.end = end
    }

    public var isNumber: Bool { !text.isEmpty && text.allSatisfy(\.isASCIINumber) }
    public var intValue: Int? { isNumber && text.count <= 12 ? Int(text) : nil }
}

extension Character {
    var isASCIINumber: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
