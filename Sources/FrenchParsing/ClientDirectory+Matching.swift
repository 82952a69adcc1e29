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
    public func match(_ tokens: [Token], excluded: Set<Int> = [], restrictedTo allowed: Set<Int64>? = nil) -> (
        match: ClientMatch, span: [Int]
    ) {
        // 1. The name words the sentence contains: vocabulary token → (quality, position, ordinary word?).
        var found: [String: (quality: Double, position: Int, known: Bool)] = [:]
        var legalPositions: [String: Int] = [:]
        var codeHits: [(entry: Int32, position: Int)] = []
        let vocabulary = FrenchParser.knownWords
        for (position, token) in tokens.enumerated() where !excluded.contains(position) {
            var word = token.text
            if word == "&" { word = "et" }
            if word.count < 2 || word.hasSuffix("'") { continue }
            // Exact code: "MOREAU", "C000123".
            if word.count >= 3, let entry = codes[word] { codeHits.append((entry, position)) }
            // "et" stands for "&" only between two words of a name ("Martin et Fils"), never
            // at the start of a follow-up ("et Martin ?").
            if word == "et" && (position == 0 || position + 1 >= tokens.count || postings[tokens[position - 1].text] == nil) { continue }
            if Lexicon.legalForms.contains(word) || word == "et" {
                legalPositions[word == "et" ? "&" : word] = position
                continue
            }
            if Lexicon.stopwords.contains(word) && postings[word] == nil { continue }
            let isKnownWord = vocabulary.contains(word) || Lexicon.stopwords.contains(word)
            for candidate in candidates(for: word, exactOnly: isKnownWord) where (found[candidate.token]?.quality ?? 0) < candidate.quality
            {
                found[candidate.token] = (candidate.quality, position, isKnownWord)
            }
        }
        // 2. Score the clients those words name: rarer words weigh more (IDF). Scores add up in
        // flat arrays (a common word such as "garage" names thousands of clients).
        let total = Double(max(1, entries.count))
        var board = scoreboard.take(size: entries.count)
        defer { scoreboard.give(back: board) }
        func isAllowed(_ entry: Int32) -> Bool { allowed.map { $0.contains(entries[Int(entry)].id) } ?? true }
        // Rarest words first; once a rare word has named some clients, a common one ("garage",
        // "lyon") only adds to those: a client named by common words alone cannot outscore them.
        let ordered = found.compactMap { token, hit in postings[token].map { (token: token, hit: hit, posting: $0) } }
            .sorted { $0.posting.count < $1.posting.count }
        for (token, hit, posting) in ordered {
            let weight = (log(1 + total / Double(posting.count)) + 0.5) * hit.quality
            let common = posting.count * 20 > entries.count
            if allowed == nil, common, !board.touched.isEmpty, board.touched.count < posting.count, let id = wordIDs[token] {
                for entry in board.touched where entryWordIDs[Int(entry)].contains(id) {
                    board.add(weight, to: entry, distinctive: !hit.known)
                }
            } else if allowed == nil {
                board.add(weight, toAll: posting, distinctive: !hit.known)
            } else {
                for entry in posting where isAllowed(entry) { board.add(weight, to: entry, distinctive: !hit.known) }
            }
        }
        for hit in codeHits where isAllowed(hit.entry) {
            board.add(3, to: hit.entry, distinctive: true)
        }
        // A legal form typed adds a little ("Martin SARL"); among a few candidates it decides alone.
        for (legal, _) in legalPositions {
            for entry in postings[legal] ?? [] where isAllowed(entry) {
                if board.touches(entry) || allowed != nil { board.add(0.3, to: entry, distinctive: false) }
            }
        }
        // "comment ça marche" does not name "Pharmacie du Marché": ordinary words alone never name a client.
        var best = -Double.infinity
        for entry in board.touched where allowed != nil || board.isDistinctive(entry) { best = max(best, board.score(entry)) }
        guard best > -Double.infinity else { return (.none, []) }
        var tied = board.touched.filter { (allowed != nil || board.isDistinctive($0)) && best - board.score($0) < 0.05 }.sorted()
        // Choices are offered in name order ("le deuxième" must mean what the question listed).
        if tied.count <= 200 { tied.sort { (entries[Int($0)].name, $0) < (entries[Int($1)].name, $1) } }
        if tied.count > 1 {
            // A client whose every name word was typed beats one only partly named.
            // (Only clients with no more name words than were typed can be fully named: a cheap
            // count check spares looking up thousands of tied names.)
            let typed = found.count + legalPositions.count
            let complete = tied.filter { entryTokens[Int($0)].count <= typed && isFullyMatched($0, found: found, legal: legalPositions) }
            if complete.count == 1 { tied = complete }
        }
        var span = Set<Int>()
        for entry in tied.prefix(10) {
            for token in entryTokens[Int(entry)] {
                if let hit = found[token.text] { span.insert(hit.position) }
                if let position = legalPositions[token.text] { span.insert(position) }
            }
        }
        for hit in codeHits where tied.contains(hit.entry) { span.insert(hit.position) }
        let positions = span.sorted()
        if tied.count == 1 { return (.unique(entries[Int(tied[0])]), positions) }
        let query = positions.map { tokens[$0].original }.joined(separator: " ")
        return (.ambiguous(query: query, candidates: tied.prefix(10).map { entries[Int($0)] }), positions)
    }

    private func isFullyMatched(_ entry: Int32, found: [String: (quality: Double, position: Int, known: Bool)], legal: [String: Int])
        -> Bool
    {
        entryTokens[Int(entry)].allSatisfy { $0.isLegal ? legal[$0.text] != nil : found[$0.text] != nil }
    }

    /// The closest names to a query that matched nothing, for "Vouliez-vous dire : …": names
    /// with a word starting like the query first, then names a few typos away.
    public func suggestions(for query: String, limit: Int = 3) -> [Entry] {
        let words = TextNormalizer.tokenize(query).map(\.text).filter { $0.count >= 2 && !Lexicon.stopwords.contains($0) }
        guard !words.isEmpty else { return [] }
        var best: [Int32: Int] = [:]
        for word in words {
            for token in vocabulary.sorted where token.hasPrefix(word) && token != word {
                for entry in postings[token] ?? [] { best[entry] = 0 }
            }
            guard word.count >= 3 else { continue }
            let allowedDistance = word.count <= 4 ? 1 : (word.count <= 7 ? 2 : 3)
            for token in vocabulary.sorted {
                let distance = FuzzyIndex.editDistance(word, token, limit: allowedDistance)
                guard distance <= allowedDistance else { continue }
                for entry in postings[token] ?? [] { best[entry] = min(best[entry] ?? .max, distance) }
            }
        }
        return best.sorted { $0.value < $1.value || ($0.value == $1.value && entries[Int($0.key)].name < entries[Int($1.key)].name) }
            .prefix(limit).map { entries[Int($0.key)] }
    }
}
