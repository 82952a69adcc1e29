import Foundation

/// How a client is handled, as said in a sentence: the tone of the letters ("tutoie Dupont"),
/// the dunning ("ne plus relancer", "mets en pause jusqu'au 3", "reprends les relances"),
/// insolvency proceedings ("en redressement judiciaire"), the dunning sequence ("passe sur la
/// séquence douce"); and for a letter, its format ("en eml", "dans la boîte d'envoi") and the
/// invoices it leaves out ("sauf la F-12").
extension FrenchParser {
    /// Settings of a known client are a client update, however the sentence says them; a
    /// letter put in the outbox is a draft, not a letter sent.
    static func addSettingEvidence(
        to scores: inout [IntentID: Double], mentions: [Mention], hasClient: Bool, words: [String], scoringWords: [String]
    ) {
        let hasInvoice = mentions.contains { if case .invoice = $0.value { return true } else { return false } }
        let asks = scoringWords.last == "?" || scoringWords.first == "est-ce" || scoringWords.first == "pourquoi"
        // A question about a setting ("Dupont est-il en redressement ?") changes nothing: the file answers it.
        let boost: (IntentID, Double) = asks ? (.clientShow, 3) : (.clientUpdate, 8)
        if tone(words) != nil { scores[boost.0, default: 0] += boost.1 }
        // "reprends les relances sur la F-12" is about a dispute; about a client, its dunning.
        if dunning(words) != nil, !hasInvoice {
            scores[boost.0, default: 0] += boost.1
        } else if insolvency(words) != nil, hasClient {
            scores[boost.0, default: 0] += asks ? boost.1 : boost.1 - 2
        }
        if hasClient, words.contains(where: { ["sequence", "scenario"].contains($0) }) { scores[.clientUpdate, default: 0] += 6 }
        // "le taux contractuel de Dupont est de 12 %": a setting, not a computation.
        if hasClient, !asks, penaltyRate(mentions: mentions, words: words) != nil,
            !words.contains(where: { ["combien", "calcule", "calculer", "montant"].contains($0) })
        {
            scores[.clientUpdate, default: 0] += 8
        }
        if mentionsOutbox(words) {
            if let sent = scores[.reminderSent] { scores[.reminderSent] = sent - 5 }
            scores[.reminderDraft, default: 0] += 2
        }
        // "échéancier sur 8 semaines", "étale sur 6 mois": a plan over a span is a proposal.
        if scores[.planPropose] != nil,
            scoringWords.indices.contains(where: { scoringWords[$0] == "<duration>" && $0 > 0 && scoringWords[$0 - 1] == "sur" })
        {
            scores[.planPropose, default: 0] += 2
        }
    }

    /// "tutoie Dupont", "passe au vouvoiement", "avec Dupont on se dit tu" → "tu" / "vous".
    static func tone(_ words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            // "tu peux me tutoyer": the assistant, not a client.
            let aboutMe = index > 0 && ["me", "m'"].contains(words[index - 1]) || index + 1 < words.count && words[index + 1] == "moi"
            if word.hasPrefix("tutoi") || word.hasPrefix("tutoy") { return aboutMe ? nil : "tu" }
            if word.hasPrefix("vouvoi") || word.hasPrefix("vouvoy") { return aboutMe ? nil : "vous" }
            // "on se dit tu", "on peut se dire vous".
            if word == "tu" || word == "vous", index >= 2, ["dit", "dire", "disons", "dites"].contains(words[index - 1]),
                ["se", "s'", "on", "nous"].contains(words[index - 2])
            {
                return word
            }
        }
        return nil
    }

    /// The dunning instruction of the sentence — "stop", "pause" or "resume" — and the
    /// position of its first word. A note ("note pour Dupont : …") is not an instruction.
    static func dunning(_ allWords: [String]) -> (value: String, at: Int)? {
        // Every reading below needs a word of dunning or pausing: most sentences have none.
        guard
            allWords.contains(where: {
                Lexicon.dunningForms.contains($0) || Lexicon.dunningPauseWords.contains($0) || $0 == "pause" || $0 == "nouveau"
            })
        else { return nil }
        var words = allWords
        if let colon = words.firstIndex(of: ":"), words[..<colon].suffix(3).contains("note") { words = Array(words[..<colon]) }
        let forms = Lexicon.dunningForms
        func window(_ index: Int, _ before: Int, _ after: Int) -> ArraySlice<String> {
            words[max(0, index - before)..<min(words.count, index + after + 1)]
        }
        let modal: Set<String> = ["peut", "peux", "pouvons", "pouvez", "possible", "faut", "dois", "doit"]
        // Resume: "reprends les relances", "relances réactivées", "fin de la pause", "relancer à nouveau".
        for (index, word) in words.enumerated() {
            if Lexicon.dunningResumeVerbs.contains(word), window(index, 2, 3).contains(where: forms.contains) {
                return ("resume", index)
            }
            if word == "pause", window(index, 3, 0).contains(where: Lexicon.pauseEnders.contains),
                !window(index, 3, 0).contains(where: { ["en", "mets", "met", "mettre", "mettez"].contains($0) })
                    || window(index, 3, 0).contains("plus")
            {
                return ("resume", index)
            }
            if word == "nouveau", index > 0, ["a", "de"].contains(words[index - 1]) {
                let around = window(index, 4, 4)
                if around.contains("relancer") || (around.contains(where: forms.contains) && words.contains(where: modal.contains)) {
                    return ("resume", index - 1)
                }
            }
        }
        // Stop: "ne plus relancer", "on ne le relance pas", "plus de relances", "arrête les relances".
        for (index, word) in words.enumerated() {
            if word == "ne" || word == "n'" {
                let after = words[(index + 1)..<min(words.count, index + 5)]
                let past = ["a", "ai", "as", "avons", "avez", "ont", "avait", "avais"]
                if after.contains(where: { ["plus", "pas", "jamais"].contains($0) }), after.contains(where: forms.contains),
                    !after.contains("ete"), !(after.first.map(past.contains) ?? false)
                {
                    return ("stop", index)
                }
            }
            if ["plus", "pas", "aucune", "aucun", "jamais"].contains(word), index == 0 || words[index - 1] != "le" {
                var next = index + 1
                if next < words.count, ["de", "d'", "aucune"].contains(words[next]) { next += 1 }
                if next < words.count, forms.contains(words[next]) { return ("stop", index) }
            }
            // "relance pas Dupont", "relance-le pas" (familiar, without "ne").
            if forms.contains(word), index + 1 < words.count,
                ["pas", "jamais"].contains(words[index + 1])
                    || (index + 2 < words.count && ["le", "la", "les"].contains(words[index + 1]) && words[index + 2] == "pas")
            {
                return ("stop", index)
            }
            if Lexicon.dunningStopVerbs.contains(word), window(index, 0, 3).contains(where: forms.contains) {
                return ("stop", index)
            }
        }
        // Pause: "mets en pause", "suspends les relances", "gèle les relances".
        for (index, word) in words.enumerated() where Lexicon.dunningPauseWords.contains(word) {
            return ("pause", index)
        }
        return nil
    }

    /// Words that may start an insolvency proceeding besides `Lexicon.insolvencyHeads`.
    static let insolvencyTriggers: Set<String> = [
        "sauvegarde", "procedure", "procedures", "depot", "cessation", "depose", "deposer", "deposee",
    ]

    /// The token positions naming an insolvency proceeding: "redressement judiciaire",
    /// "liquidation", "procédure de sauvegarde", "RJ", "dépôt de bilan".
    static func insolvency(_ words: [String]) -> Range<Int>? {
        // Most sentences say none of these words: answer at once (this runs on every parse).
        guard words.contains(where: { Lexicon.insolvencyHeads.contains($0) || insolvencyTriggers.contains($0) }) else { return nil }
        for (index, word) in words.enumerated() {
            var isHead = Lexicon.insolvencyHeads.contains(word)
            if word == "sauvegarde", index > 0, ["en", "de", "procedure", "plan", "sous"].contains(words[index - 1]) { isHead = true }
            let named: [String: Set<String>] = [
                "procedure": ["sauvegarde", "redressement", "liquidation"], "procedures": ["sauvegarde", "redressement", "liquidation"],
                "depot": ["bilan"], "cessation": ["paiements", "paiement"],
            ]
            if let objects = named[word], index + 2 < words.count, ["de", "des", "d'"].contains(words[index + 1]),
                objects.contains(words[index + 2])
            {
                isHead = true
            }
            if word == "procedure" || word == "procedures", index + 1 < words.count, words[index + 1] == "collective" { isHead = true }
            if ["depose", "deposer", "deposee"].contains(word), index + 2 < words.count, ["le", "son"].contains(words[index + 1]),
                words[index + 2] == "bilan"
            {
                isHead = true
            }
            guard isHead else { continue }
            var end = index + 1
            while end < words.count {
                if Lexicon.insolvencyTails.contains(words[end]) {
                    end += 1
                } else if ["de", "des", "d'", "le", "son"].contains(words[end]), end + 1 < words.count,
                    Lexicon.insolvencyTails.contains(words[end + 1])
                {
                    end += 2
                } else {
                    break
                }
            }
            return index..<end
        }
        return nil
    }

    /// The sequence named after "séquence" or "scénario": "passe sur la séquence douce" → "douce".
    static func sequenceName(tokens: [Token], words: [String], excluded: Set<Int>) -> String? {
        guard let anchor = words.firstIndex(where: { ["sequence", "scenario", "sequences", "scenarios"].contains($0) }) else {
            return nil
        }
        var index = anchor + 1
        let skipped: Set<String> = [
            "de", "d'", "relance", "relances", "la", "le", "l'", "du", "des", ":", "nommee", "nomme", "appelee", "dite",
        ]
        while index < words.count, skipped.contains(words[index]) { index += 1 }
        guard index < tokens.count else { return nil }
        let quotes: Set<String> = ["«", "»", "\"", "“", "”"]
        if quotes.contains(words[index]) {
            // « grands comptes »: the words up to the closing quote.
            guard let close = words[(index + 1)...].firstIndex(where: quotes.contains), close > index + 1 else { return nil }
            return text(of: tokens, in: (index + 1)..<close)
        }
        let stops: Set<String> = ["pour", "avec", "a", "au", "chez", "et", "?", ",", ".", "!", "stp", "svp", "merci"]
        guard !excluded.contains(index), !stops.contains(words[index]), words[index].contains(where: \.isLetter) else { return nil }
        return tokens[index].original
    }

    /// The format of a letter or proposal: "en eml", "en .eml", "au format eml", "dans la
    /// boîte d'envoi", "dans l'outbox" → "eml"; "en texte" → "text".
    static func letterFormat(_ words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == "eml" || word == ".eml" || word == "outbox" { return "eml" }
            if word == "boite",
                words[(index + 1)..<min(words.count, index + 4)].contains(where: { ["envoi", "sortie", "envois"].contains($0) })
            {
                return "eml"
            }
            if ["texte", "txt", ".txt"].contains(word),
                index > 0 && ["en", "format"].contains(words[index - 1])
                    || index + 1 < words.count && ["brut", "simple"].contains(words[index + 1])
            {
                return "text"
            }
        }
        return nil
    }

    /// Whether the sentence puts the letter in the outbox ("dans la boîte d'envoi"): not a
    /// letter already sent.
    static func mentionsOutbox(_ words: [String]) -> Bool {
        words.contains("outbox")
            || words.indices.contains { words[$0] == "boite" && words[($0 + 1)..<min(words.count, $0 + 4)].contains("envoi") }
    }

    /// Words that leave an invoice out: "sauf la F-12", "sans la F-13", "hors F-14", "à part", "mais pas".
    static func excludes(before words: ArraySlice<String>) -> Bool {
        let cues: Set<String> = [
            "sauf", "sans", "hors", "excepte", "exceptee", "exceptees", "exceptes", "hormis", "excluant", "exclus", "exclue", "ni",
        ]
        if words.contains(where: cues.contains) { return true }
        let list = Array(words)
        return contains(["a", "part"], in: list) || contains(["en", "dehors"], in: list) || contains(["mais", "pas"], in: list)
            || list.last == "pas" || list.dropLast().last == "pas"
    }

    /// The original text of some tokens, with the sentence's spacing.
    static func text(of tokens: [Token], in range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        var text = ""
        for index in range {
            if index > range.lowerBound, tokens[index].start > tokens[index - 1].end { text += " " }
            text += tokens[index].original
        }
        return text
    }

    /// Why the dunning stops or pauses: the words after "car", "parce que", "puisque", or a
    /// colon after the instruction; else a clause of its own that is not the instruction
    /// ("Martin est en congés jusqu'au 3, ne pas relancer" → "en congés"), without the client
    /// and the dates.
    static func dunningReason(tokens: [Token], words: [String], mentions: [Mention], clientSpan: Set<Int>, instruction: Int)
        -> String?
    {
        let trailing = CharacterSet.whitespaces.union(.punctuationCharacters)
        func clean(_ text: String?) -> String? {
            guard let text else { return nil }
            let trimmed = text.trimmingCharacters(in: trailing)
            return trimmed.contains(where: \.isLetter) ? trimmed : nil
        }
        // An explicit reason.
        for index in words.indices {
            var start: Int? = nil
            switch words[index] {
            case "car", "puisque", "puisqu'": start = index + 1
            case "parce" where index + 1 < words.count && ["que", "qu'"].contains(words[index + 1]): start = index + 2
            case "vu" where index + 1 < words.count && ["que", "qu'"].contains(words[index + 1]): start = index + 2
            case ":" where index > instruction: start = index + 1
            default: break
            }
            if let start, let reason = clean(text(of: tokens, in: start..<tokens.count)) { return reason }
        }
        // A clause that is not the instruction.
        var covered = clientSpan
        for mention in mentions {
            switch mention.value {
            case .date, .duration: covered.formUnion(mention.tokens)
            default: break
            }
        }
        let instructionWords = Lexicon.dunningForms.union(Lexicon.dunningPauseWords).union(Lexicon.dunningStopVerbs)
            .union(Lexicon.dunningResumeVerbs)
        var clauseStart = 0
        for end in words.indices.map({ $0 + 1 }) where end == words.count || [",", ";"].contains(words[end]) {
            let clause = clauseStart..<end
            clauseStart = end + 1
            guard !clause.contains(instruction), !clause.contains(where: { instructionWords.contains(words[$0]) }) else { continue }
            // The first run of words that are neither the client nor a date.
            var run: [Int] = []
            for index in clause {
                if covered.contains(index) || words[index] == "jusqu'" {
                    if !run.isEmpty { break }
                    continue
                }
                run.append(index)
            }
            while let first = run.first, ["est", "sont", "etait", "etaient", "et", "mais", "donc", "alors", "vu"].contains(words[first]) {
                run.removeFirst()
            }
            guard let first = run.first, let last = run.last,
                run.contains(where: {
                    words[$0].count > 1 && words[$0].contains(where: \.isLetter) && !Lexicon.stopwords.contains(words[$0])
                })
            else { continue }
            if let reason = clean(text(of: tokens, in: first..<(last + 1))) { return reason }
        }
        return nil
    }
}

// MARK: - Contract rates and periodic invoices

extension FrenchParser {
    /// The words that make a percentage a late-payment rate of the contract.
    static let penaltyRateWords: Set<String> = [
        "taux", "contractuel", "contractuelle", "contrat", "cgv", "penalite", "penalites", "interet", "interets",
    ]

    /// "taux contractuel de 12 %", "pénalités à 10,5 % dans ses CGV", "Dupont repasse au taux
    /// légal" → the rate in basis points (1 200, 1 050), 0 for the statutory rate; `nil` when
    /// the sentence sets no rate.
    static func penaltyRate(mentions: [Mention], words: [String]) -> Int? {
        guard words.contains(where: penaltyRateWords.contains) else { return nil }
        for mention in mentions {
            let next = mention.tokens.upperBound
            guard next < words.count,
                words[next] == "%" || words[next] == "pourcent"
                    || (words[next] == "pour" && next + 1 < words.count && words[next + 1] == "cent")
            else { continue }
            switch mention.value {
            case .number(let value) where (0...100).contains(value): return value * 100
            case .decimal(let value) where (0...10_000).contains(value.cents): return Int(value.cents)
            case .amount(let value) where (0...10_000).contains(value.cents): return Int(value.cents)
            default: continue
            }
        }
        // "au taux légal", "taux par défaut", "plus de taux contractuel": back to the statute.
        if let at = words.firstIndex(of: "taux") {
            let after = words[(at + 1)..<min(words.count, at + 4)]
            if after.contains(where: { ["legal", "statutaire", "defaut", "loi"].contains($0) })
                || (words[..<at].suffix(2).contains("plus") && after.first == "contractuel")
                || words.contains(where: { ["supprime", "retire", "enleve", "efface"].contains($0) })
            {
                return 0
            }
        }
        return nil
    }

    /// "facture périodique", "facture récapitulative du mois": terms of 45 days at most.
    static func isPeriodic(_ words: [String]) -> Bool {
        words.contains { ["periodique", "recapitulative", "recapitulatif", "recap", "mensuelle", "recapitulatives"].contains($0) }
    }
}
