/// A set of words that finds, for a typed word, the same word, a word one typo away
/// (deletion, insertion, substitution or transposition; two for long words), or a word it
/// begins (at least four letters). Uses the SymSpell deletion index, so lookups stay fast
/// with tens of thousands of words.
struct FuzzyIndex: Sendable {
    let words: Set<String>
    /// Each word with one character deleted → the words it came from.
    let deletions: [String: [String]]
    /// Sorted words, for prefix search.
    let sorted: [String]

    init(_ words: some Sequence<String>) {
        self.words = Set(words)
        var deletions: [String: [String]] = [:]
        for word in self.words where word.count >= 4 {
            for variant in Self.deletionVariants(word) { deletions[variant, default: []].append(word) }
        }
        self.deletions = deletions
        self.sorted = self.words.sorted()
    }

    /// Longer words are not looked up for typos.
    static let maximumWordLength = 40

    static func deletionVariants(_ token: String) -> [String] {
        let characters = Array(token)
        return (0..<characters.count).map { index in
            var copy = characters
            copy.remove(at: index)
            return String(copy)
        }
    }

    /// Words within one typo of `word` (two for words of eight letters or more).
    func typoNeighbours(of word: String) -> [String] {
        // No word of a lexicon or of a name is that long: a 10 000-letter "word" is noise, and
        // its deletion variants would cost quadratic time and memory.
        guard word.count >= 4, word.count <= Self.maximumWordLength else { return [] }
        var found: Set<String> = []
        if let sources = deletions[word] { found.formUnion(sources) }  // a letter was dropped
        for variant in Self.deletionVariants(word) {
            if variant.count >= 4, words.contains(variant) { found.insert(variant) }  // a letter was added
            if let sources = deletions[variant] { found.formUnion(sources) }  // substituted or swapped
        }
        let allowed = word.count >= 8 ? 2 : 1
        return found.filter { Self.editDistance(word, $0, limit: allowed) <= allowed }.sorted()
    }

    /// Words beginning with `prefix` (at least four letters), at most `limit`.
    func completions(of prefix: String, limit: Int = 20) -> [String] {
        guard prefix.count >= 4 else { return [] }
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var result: [String] = []
        var index = low
        while index < sorted.count, sorted[index].hasPrefix(prefix), result.count < limit {
            if sorted[index] != prefix { result.append(sorted[index]) }
            index += 1
        }
        return result
    }

    /// Damerau-Levenshtein distance (optimal string alignment), stopping early past `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
