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

    public var isNumber: Bool { !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    public var intValue: Int? { isNumber && text.count <= 12 ? Int(text) : nil }
}

extension Character {
    /// 0–9 (checked on the ASCII value: Unicode property look-ups are slow in hot loops).
    var isASCIINumber: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
    var isASCIILetter: Bool { asciiValue.map { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 } ?? false }
}
