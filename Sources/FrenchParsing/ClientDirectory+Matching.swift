import Foundation

/// What a sentence says about a client.
public enum ClientMatch: Hashable, Sendable {
    case none
    case unique(ClientDirectory.Entry)
    /// Several clients fit equally well: ask which one, never guess.
    case ambiguous(query: String, candidates: [ClientDirectory.Entry])
}

extension ClientDirectory {
    /// Finds the client named in `tokens`, ignoring the positions in `excluded` (already
    /// read as amounts, dates…). Returns the match and the token positions of the name.
    public func match(_ tokens: [Token], excluded: Set<Int> = [], restrictedTo allowed: Set<Int64>? = nil) -> (match: ClientMatch, span: [Int]) {
        var scores: [Int32: Double] = [:]
        var legalBonus: [Int32: Double] = [:]
        var matchedTokens: [Int32: Set<String>] = [:]
        var usedPositions: [Int32: [Int]] = [:]
        // Entries named by at least one word that is not an ordinary French word of the lexicon.
        var distinctive: Set<Int32> = []
        let vocabulary = FrenchParser.knownWords
        let total = Double(max(1, entries.count))
        for (position, token) in tokens.enumerated() where !excluded.contains(position) {
            var word = token.text
            if word == "&" { word = "et" }
            if word.count < 2 || word.hasSuffix("'") { continue }
            // Exact code: "MOREAU", "C000123".
            if let entry = codes[word], word.count >= 3, allowed.map({ $0.contains(entries[Int(entry)].id) }) ?? true {
                scores[entry, default: 0] += 3
                usedPositions[entry, default: []].append(position)
                distinctive.insert(entry)
                matchedTokens[entry, default: []].insert("#code")
            }
            // "et" stands for "&" only between two words of a name ("Martin et Fils"), never
            // at the start of a follow-up ("et Martin ?").
            if word == "et" && (position == 0 || position + 1 >= tokens.count || postings[tokens[position - 1].text] == nil) { continue }
            if Lexicon.legalForms.contains(word) || word == "et" {
                let legal = word == "et" ? "&" : word
                if let posting = postings[legal] {
                    for entry in posting where allowed.map({ $0.contains(entries[Int(entry)].id) }) ?? true {
                        legalBonus[entry, default: 0] += 0.3
                        if word != "et" { usedPositions[entry, default: []].append(position) }
                    }
                }
                continue
            }
            if Lexicon.stopwords.contains(word) && postings[word] == nil { continue }
            let isKnownWord = vocabulary.contains(word) || Lexicon.stopwords.contains(word)
            for candidate in candidates(for: word, exactOnly: isKnownWord) {
                guard let posting = postings[candidate.token] else { continue }
                let weight = log(1 + total / Double(posting.count)) + 0.5
                for entry in posting where allowed.map({ $0.contains(entries[Int(entry)].id) }) ?? true {
                    guard matchedTokens[entry, default: []].insert(candidate.token).inserted else { continue }
                    scores[entry, default: 0] += weight * candidate.quality
                    usedPositions[entry, default: []].append(position)
                    if !isKnownWord { distinctive.insert(entry) }
                }
            }
        }
        // "comment ça marche" does not name "Pharmacie du Marché": ordinary words alone never name a client.
        if allowed == nil { scores = scores.filter { distinctive.contains($0.key) } }
        // Choosing among a few candidates, a legal form alone decides: "la SARL".
        if scores.isEmpty, allowed != nil {
            for (entry, bonus) in legalBonus { scores[entry] = bonus }
            legalBonus = [:]
        }
        guard !scores.isEmpty else { return (.none, []) }
        var ranked = scores.map { (entry: $0.key, score: $0.value + (legalBonus[$0.key] ?? 0)) }
        ranked.sort { $0.score > $1.score || ($0.score == $1.score && entries[Int($0.entry)].name < entries[Int($1.entry)].name) }
        let best = ranked[0].score
        var tied = ranked.filter { best - $0.score < 0.05 }
        if tied.count > 1 {
            // A client whose every name word was typed beats one only partly named.
            let complete = tied.filter { isFullyMatched($0.entry, matched: matchedTokens[$0.entry] ?? [], tokens: tokens) }
            if complete.count == 1 { tied = complete }
        }
        let span = Array(Set(tied.flatMap { usedPositions[$0.entry] ?? [] })).sorted()
        if tied.count == 1 { return (.unique(entries[Int(tied[0].entry)]), span) }
        let query = span.map { tokens[$0].original }.joined(separator: " ")
        return (.ambiguous(query: query, candidates: tied.prefix(10).map { entries[Int($0.entry)] }), span)
    }

    private func isFullyMatched(_ entry: Int32, matched: Set<String>, tokens: [Token]) -> Bool {
        let typed = Set(tokens.map { $0.text == "&" ? "&" : $0.text })
        return entryTokens[Int(entry)].allSatisfy { $0.isLegal ? typed.contains($0.text) || ($0.text == "&" && typed.contains("et")) : matched.contains($0.text) }
    }

    /// The closest names to a query that matched nothing, for "Vouliez-vous dire : …".
    public func suggestions(for query: String, limit: Int = 3) -> [Entry] {
        let words = TextNormalizer.tokenize(query).map(\.text).filter { $0.count >= 3 }
        guard !words.isEmpty else { return [] }
        var best: [Int32: Int] = [:]
        for word in words {
            for token in vocabulary.sorted {
                let distance = FuzzyIndex.editDistance(word, token, limit: 3)
                let allowedDistance = word.count <= 4 ? 2 : 3
                guard distance <= allowedDistance else { continue }
                for entry in postings[token] ?? [] { best[entry] = min(best[entry] ?? .max, distance) }
            }
        }
        return best.sorted { $0.value < $1.value || ($0.value == $1.value && entries[Int($0.key)].name < entries[Int($1.key)].name) }
            .prefix(limit).map { entries[Int($0.key)] }
    }
}
