import Foundation

/// The clients' names, indexed for fuzzy matching in sentences: accents, case and legal
/// forms ignored, partial names ("Dupont" for "Boulangerie Dupont"), typos ("Moreaux"),
/// prefixes ("véto" for "Vétérinaire"). Built once per ledger and refreshed on `client.add`.
public struct ClientDirectory: Sendable {
    /// A client as the parser sees it.
    public struct Entry: Hashable, Sendable {
        public var id: Int64
        public var name: String
        public var code: String

        public init(id: Int64, name: String, code: String) {
            self.id = id
            self.name = name
            self.code = code
        }
    }

    public let entries: [Entry]
    /// Folded tokens of each entry, with legal forms marked.
    let entryTokens: [[(text: String, isLegal: Bool)]]
    /// token → entries containing it.
    let postings: [String: [Int32]]
    /// The name words, for typo and prefix lookups.
    let vocabulary: FuzzyIndex
    /// Each name word's number, and each entry's words as numbers (cheap membership tests).
    let wordIDs: [String: Int32]
    let entryWordIDs: [[Int32]]
    /// folded code → entry.
    let codes: [String: Int32]
    /// folded whole name → entry, or −1 when two clients share it.
    let names: [String: Int32]
    /// Reusable score arrays for `match` (one per concurrent caller).
    let scoreboard = Scoreboard.Pool()

    public init(_ entries: [Entry]) {
        self.entries = entries
        var entryTokens: [[(String, Bool)]] = []
        var postings: [String: [Int32]] = [:]
        var codes: [String: Int32] = [:]
        var names: [String: Int32] = [:]
        entryTokens.reserveCapacity(entries.count)
        names.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let folded = TextNormalizer.fold(entry.name)
            names[folded] = names[folded] == nil ? Int32(index) : -1
            let tokens = Self.nameTokens(folded: folded)
            entryTokens.append(tokens)
            for token in Set(tokens.map(\.text)) { postings[token, default: []].append(Int32(index)) }
            codes[TextNormalizer.fold(entry.code)] = Int32(index)
        }
        self.entryTokens = entryTokens
        self.postings = postings
        self.vocabulary = FuzzyIndex(postings.keys)
        var wordIDs: [String: Int32] = [:]
        for (index, word) in postings.keys.enumerated() { wordIDs[word] = Int32(index) }
        self.wordIDs = wordIDs
        self.entryWordIDs = entryTokens.map { tokens in tokens.compactMap { wordIDs[$0.0] } }
        self.codes = codes
        self.names = names
    }

    /// The one client whose whole name (or code) is this text, accents, case and outer spaces
    /// aside: how an editor or a script names a client it read from the ledger. `nil` when no
    /// client, or more than one, has that name.
    public func entry(exactlyNamed text: String) -> Entry? {
        let folded = TextNormalizer.fold(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let index = names[folded], index >= 0 { return entries[Int(index)] }
        if names[folded] == nil, let index = codes[folded] { return entries[Int(index)] }
        return nil
    }

    /// "Café de l'Étoile" → [cafe, etoile]; "Martin & Fils" → [martin, fils, &(legal)].
    static func nameTokens(_ name: String) -> [(text: String, isLegal: Bool)] {
        nameTokens(folded: TextNormalizer.fold(name))
    }

    /// `nameTokens(_:)` of a name already folded.
    static func nameTokens(folded: String) -> [(text: String, isLegal: Bool)] {
        var result: [(String, Bool)] = []
        // A light split (names are many, sentences few): fold, then cut at anything that is
        // not a letter, a digit, "&" or an apostrophe; drop elisions ("l'etoile" → "etoile").
        for piece in words(of: folded) {
            var text = piece
            if let apostrophe = text.firstIndex(of: "'") {
                let head = String(text[..<apostrophe])
                text =
                    TextNormalizer.elisions.contains(head)
                    ? String(text[text.index(after: apostrophe)...]) : text.replacingOccurrences(of: "'", with: "")
            }
            if text.isEmpty { continue }
            if text == "&" { text = "et" }
            if Lexicon.legalForms.contains(text) {
                result.append((text == "et" ? "&" : text, true))
            } else if !Self.linkWords.contains(text) {
                result.append((text, false))
            }
        }
        return result
    }

    /// Small words a name is not matched on.
    static let linkWords: Set<String> = ["de", "du", "des", "la", "le", "les", "d", "l"]

    /// The pieces of a folded name between anything that is not a letter, a digit, "&" or an
    /// apostrophe. Names are mostly ASCII once folded: those are cut byte by byte (the
    /// directory of 50 000 names is rebuilt after a client is added), the others by character.
    static func words(of folded: String) -> [String] {
        let utf8 = folded.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            return folded.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "&" || $0 == "'") }).map(String.init)
        }
        var words: [String] = []
        var start: String.UTF8View.Index? = nil
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            let isWord =
                (97...122).contains(byte) || (65...90).contains(byte) || (48...57).contains(byte) || byte == UInt8(ascii: "&")
                || byte == UInt8(ascii: "'")
            if isWord, start == nil { start = index }
            if !isWord, let first = start {
                words.append(String(folded[first..<index]))
                start = nil
            }
            index = utf8.index(after: index)
        }
        if let first = start { words.append(String(folded[first...])) }
        return words
    }

    /// Vocabulary tokens close to a typed word, with a match quality (1 exact, less for fuzzy).
    func candidates(for word: String, exactOnly: Bool) -> [(token: String, quality: Double)] {
        var found: [(String, Double)] = []
        if postings[word] != nil { found.append((word, 1.0)) }
        if word.hasSuffix("s"), word.count > 4, postings[String(word.dropLast())] != nil { found.append((String(word.dropLast()), 0.95)) }
        if let full = Lexicon.nameAbbreviations[word], postings[full] != nil { found.append((full, 0.9)) }
        if !found.isEmpty || exactOnly { return found }
        for token in vocabulary.typoNeighbours(of: word) { found.append((token, 0.8)) }
        if !found.isEmpty { return found }
        // A prefix of at least four letters: "véto" → "veterinaire", "boulang" → "boulangerie".
        for token in vocabulary.completions(of: word) { found.append((token, 0.7)) }
        return found
    }
}
