import Receivables

/// Reads a French sentence into an intent and its entities: normalise, recognise entities,
/// correct typos, find the client, score the intents on their cue words, then fill the
/// entities the chosen intent takes, using the dialogue context for "et Martin ?", "il",
/// "le deuxième". Deterministic and explainable: no state beyond `DialogueContext`.
public struct FrenchParser: Sendable {
    public var directory: ClientDirectory

    public init(directory: ClientDirectory) {
        self.directory = directory
    }

    /// Cue words, tokenised like sentences.
    static let compiledCues: [(intent: IntentID, cues: [IntentCues.Cue])] = IntentCues.all.map { entry in
        (
            entry.intent,
            entry.cues.map { cue in
                var copy = cue
                copy.words = cue.words.flatMap { TextNormalizer.tokenize($0).map(\.text) }
                return copy
            }
        )
    }

    /// Every word the lexicon knows (cue words, stop words, months…): such words are never
    /// "corrected" into something else, and match client names only exactly.
    static let knownWords: Set<String> = {
        var words = Lexicon.vocabulary.union(Lexicon.stopwords)
        for entry in compiledCues { for cue in entry.cues { words.formUnion(cue.words) } }
        words.formUnion(Lexicon.months.keys)
        words.formUnion(Lexicon.weekdays.keys)
        words.formUnion(NumberWords.units.keys)
        words.formUnion(Lexicon.commonWords)
        words.formUnion(Lexicon.channels.keys)
        words.formUnion(Lexicon.frequencies.keys)
        words.formUnion(Lexicon.settingWords)
        words.formUnion(Lexicon.dunningForms)
        words.formUnion([
            "prochain", "prochaine", "dernier", "derniere", "fin", "debut", "mois", "jours", "semaine", "depuis", "top", "premiers", "gros",
            "grosses", "fois",
        ])
        return words
    }()

    /// Words the typo corrector may map an unknown word to.
    static let correctionIndex = FuzzyIndex(knownWords.filter { $0.count >= 4 && $0.allSatisfy(\.isLetter) })

    public func parse(_ text: String, today: Day, context: DialogueContext = DialogueContext()) -> ParseResult {
        let tokens = TextNormalizer.tokenize(text)
        guard
            tokens.contains(where: { $0.text.contains(where: { $0.isLetter || $0.isNumber }) })
                || tokens.contains(where: { $0.text == "?" })
        else {
            return ParseResult(intent: .unknown, confidence: 0)
        }
        if let pending = context.pending, let answer = answer(to: pending, tokens: tokens) {
            var result = ParseResult(intent: pending.intent, confidence: 1, entities: pending.entities)
            result.entities.client = ClientReference(id: answer.id, name: answer.name)
            result.answeredClarification = true
            return result
        }
        // "et pour l'autre ?" after a choice between two clients: the one not chosen.
        if context.lastChoices.count == 2, let last = context.lastIntent, tokens.contains(where: { $0.text == "autre" }), tokens.count <= 6,
            let other = context.lastChoices.first(where: { $0.id != context.lastClient?.id })
        {
            var entities = context.lastEntities
            entities.client = ClientReference(id: other.id, name: other.name)
            return ParseResult(intent: last, confidence: 0.9, entities: entities)
        }
        let mentions = EntityExtractor.extract(tokens)
        var covered = Set<Int>()
        for mention in mentions { covered.formUnion(mention.tokens) }
        let words = corrected(tokens, skipping: covered)
        let (clientMatch, span) = directory.match(tokens, excluded: covered)
        let spanSet = Set(span)
        // The free text of a note ("note : attend le paiement de son client") says nothing of the intent.
        let cut =
            tokens.indices.first(where: { $0 > 0 && tokens[$0].text == ":" && words[$0 - 1] == "note" }).map { $0 + 1 } ?? tokens.count
        let scoringWords = Self.scoringWords(
            tokens: Array(tokens[..<cut]), words: Array(words[..<cut]), mentions: mentions.filter { $0.tokens.upperBound <= cut },
            clientSpan: spanSet)
        var scores = Self.score(scoringWords)
        Self.addEntityEvidence(to: &scores, mentions: mentions, hasClient: clientMatch != .none, words: scoringWords)
        Self.addSettingEvidence(to: &scores, mentions: mentions, hasClient: clientMatch != .none, words: words, scoringWords: scoringWords)

        let ranked = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key.rawValue < $1.key.rawValue) }
        var intent = ranked.first.map { $0.value >= 1.5 ? $0.key : .unknown } ?? .unknown
        let best = ranked.first?.value ?? 0
        let second = max(0, ranked.dropFirst().first?.value ?? 0)
        var confidence = best <= 0 ? 0 : min(1, max(0, min(1, best / 5) * (best / (best + second))))
        var entities = Entities()
        var result = ParseResult(intent: .unknown, confidence: confidence)

        // "oui", "ok", "valide" right after a proposed plan: it is accepted.
        if context.lastIntent == .planPropose, Self.isAffirmative(scoringWords) {
            var accepted = Entities()
            accepted.client = context.lastEntities.client ?? context.lastClient
            var result = ParseResult(intent: .planAccept, confidence: 0.9, entities: accepted)
            result.answeredClarification = false
            return result
        }
        // "et Martin ?", "pareil pour Dupont", "et sur 6 mois ?", "par SMS plutôt": the last
        // question again, with what the new sentence changes.
        let says =
            context.lastIntent != nil
            && (clientMatch != .none || !mentions.isEmpty || Self.channel(words) != nil || Self.level(words) != nil
                || Self.frequency(words) != nil || Self.letterFormat(words) != nil)
        // A bare fragment is a follow-up only when every word of it is a filler or a value
        // ("en recommandé", "pas plus de 400 € par mois"), never "quel temps fera-t-il demain".
        let leftover = scoringWords.filter {
            !$0.hasPrefix("<") && $0 != "?" && !Lexicon.stopwords.contains($0) && !Self.followUpFillers.contains($0)
                && Lexicon.channels[$0] == nil && Lexicon.frequencies[$0] == nil
        }
        let explicitFollowUp = Self.isFollowUp(scoringWords) && best < 3
        let isFollowUp =
            context.lastIntent != nil && says
            && (explicitFollowUp || (best < 3 && leftover.isEmpty && scoringWords.count <= 8))
        if isFollowUp, let last = context.lastIntent {
            intent = last
            confidence = 0.9
        } else if intent == .unknown, clientMatch != .none, best < 1.5,
            scoringWords.filter({ $0 != "<client>" && !Lexicon.stopwords.contains($0) && $0 != "?" }).count <= 1
        {
            // A client's name alone: show its file.
            intent = .clientShow
            confidence = 0.6
        }
        result.intent = intent
        result.confidence = confidence
        if intent == .unknown {
            result.suggestions = ranked.filter { $0.value > 0 && $0.key != .unknown }.prefix(3).map(\.key)
            return result
        }

        // The client: named, ambiguous, a pronoun, or named but unknown.
        switch clientMatch {
        case .unique(let entry):
            entities.client = ClientReference(id: entry.id, name: entry.name)
        case .ambiguous(let query, let candidates):
            if intent.takesClient || isFollowUp {
                result.ambiguity = PendingClarification(intent: intent, entities: entities, query: query, candidates: candidates)
            }
        case .none:
            if intent.takesClient {
                if let last = context.lastClient, Self.refersToLastClient(words) {
                    entities.client = last
                } else if intent.needsClient, let query = unknownName(tokens: tokens, words: words, covered: covered) {
                    result.unknownClient = query
                } else if intent.needsClient, !intent.isListing, let last = context.lastClient {
                    // "rédige la mise en demeure alors": an action with no one named is about the last client.
                    entities.client = last
                }
            }
        }
        if intent == .clientAdd { entities.client = nil }

        fill(
            &entities, intent: intent, tokens: tokens, words: words, mentions: mentions, today: today, result: &result,
            clientSpan: spanSet)
        // A bare fragment ("le premier") continues the last question only with values that
        // question takes; otherwise it is not understood.
        if isFollowUp, !explicitFollowUp, result.ambiguity == nil, !entities.setKeys.isSubset(of: intent.entityKeys) || entities.isEmpty {
            var unknown = ParseResult(intent: .unknown, confidence: 0)
            unknown.suggestions = ranked.filter { $0.value > 0 && $0.key != .unknown }.prefix(3).map(\.key)
            return unknown
        }
        if isFollowUp {
            // "et de plus de 90 ?" after "plus de 60 jours": a bare number replaces the number of the last question.
            let bare = mentions.compactMap { mention -> Int? in if case .number(let n) = mention.value { return n } else { return nil } }
            if bare.count == 1, mentions.count == 1 {
                let last = context.lastEntities
                var changed = Entities()
                if last.minDaysLate != nil {
                    changed.minDaysLate = bare[0]
                } else if last.limit != nil {
                    changed.limit = bare[0]
                } else if last.installments != nil {
                    changed.installments = bare[0]
                }
                if !changed.isEmpty {
                    entities.minAmount = nil
                    entities.limit = nil
                    entities = entities.overridden(by: changed)
                }
            }
            entities = context.lastEntities.overridden(by: entities)
        }
        // "finalement le litige est clos": about the invoice just discussed.
        if [.disputeOpen, .disputeClose, .penaltyCompute].contains(intent), entities.invoice == nil, entities.client == nil {
            entities.invoice = context.lastInvoice
        }
        // "c'est envoyé" after a draft: the reminder just written went out.
        if intent == .reminderSent, context.lastIntent == .reminderDraft {
            var sent = Entities()
            sent.client = context.lastEntities.client
            sent.channel = context.lastEntities.channel
            sent.level = context.lastEntities.level
            sent.invoice = context.lastEntities.invoice
            entities = sent.overridden(by: entities)
        }
        if result.ambiguity != nil { result.ambiguity!.entities = entities }
        result.entities = entities
        return result
    }

    /// Folded words with typos corrected against the lexicon (positions inside entities kept).
    func corrected(_ tokens: [Token], skipping covered: Set<Int>) -> [String] {
        tokens.enumerated().map { index, token in
            var word = token.text
            guard !covered.contains(index) else { return word }
            if let full = Lexicon.shorthand[word], directory.postings[word] == nil { word = full }
            guard word.count >= 4, !Self.knownWords.contains(word), directory.postings[word] == nil, word.allSatisfy(\.isLetter) else {
                return word
            }
            // A capitalised word inside the sentence is a proper noun ("Dupuis"): never "corrected".
            let isProperNoun =
                index > 0 && token.original.first?.isUppercase == true && token.original.dropFirst().contains(where: \.isLowercase)
            if isProperNoun { return word }
            // "tutoi", "vouvoye": forms of tutoyer and vouvoyer, read by their stem.
            if ["tutoi", "tutoy", "vouvoi", "vouvoy"].contains(where: word.hasPrefix) { return word }
            let neighbours = Self.correctionIndex.typoNeighbours(of: word)
            return neighbours.count == 1 ? neighbours[0] : (neighbours.first ?? word)
        }
    }

    /// The sentence as the scorer sees it: entities replaced by placeholders, punctuation dropped.
    static func scoringWords(tokens: [Token], words: [String], mentions: [Mention], clientSpan: Set<Int>) -> [String] {
        var result: [String] = []
        var mentionAt: [Int: Mention] = [:]
        for mention in mentions { mentionAt[mention.tokens.lowerBound] = mention }
        var index = 0
        while index < tokens.count {
            if let mention = mentionAt[index] {
                result.append(placeholder(mention.value))
                index = mention.tokens.upperBound
                continue
            }
            if clientSpan.contains(index) {
                if result.last != "<client>" { result.append("<client>") }
            } else {
                let word = words[index]
                if word == "?" || word == "+" || word.contains(where: { $0.isLetter || $0.isNumber }) { result.append(word) }
            }
            index += 1
        }
        return negated(result)
    }

    /// "n'a pas payé", "pa réglé", "jamais payé" → "impaye": the payment verb is gone and the
    /// negation read as unpaid, so that a question about unpaid invoices is not a payment.
    static func negated(_ input: [String]) -> [String] {
        var result: [String] = []
        var pendingNegation = false
        // Politeness padding says nothing about the intent: "stp", "svp", "s'il vous/te plaît".
        var words: [String] = []
        words.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let word = input[index]
            if word == "stp" || word == "svp" {
                index += 1
                continue
            }
            if word == "s'", index + 3 < input.count, input[index + 1] == "il", input[index + 2] == "vous" || input[index + 2] == "te",
                input[index + 3] == "plait"
            {
                index += 4
                continue
            }
            words.append(word)
            index += 1
        }
        // "paye pas", "regle pa": the negation after the verb.
        for index in words.indices.dropLast()
        where Lexicon.paymentVerbs.contains(words[index]) && ["pas", "pa", "jamais"].contains(words[index + 1]) {
            words[index] = "impaye"
            words[index + 1] = ""
        }
        words.removeAll { $0.isEmpty }
        for word in words {
            if Lexicon.negations.contains(word) {
                pendingNegation = true
                continue
            }
            if pendingNegation && Lexicon.paymentVerbs.contains(word) {
                result.append("impaye")
                pendingNegation = false
                continue
            }
            if pendingNegation
                && !["encore", "toujours", "a", "ete", "rien", "tout", "m'", "me", "nous", "completement", "entierement"].contains(word)
            {
                pendingNegation = false
                result.append(contentsOf: ["pas", word])
                continue
            }
            if word == "n'" || word == "ne" { continue }
            result.append(word)
        }
        if pendingNegation { result.append("pas") }
        return result
    }

    static func placeholder(_ value: Mention.Value) -> String {
        switch value {
        case .amount: return "<amount>"
        case .number, .decimal: return "<number>"
        case .date: return "<date>"
        case .duration: return "<duration>"
        case .invoice: return "<invoice>"
        case .email: return "<email>"
        case .phone: return "<phone>"
        case .ordinal: return "<ordinal>"
        case .file: return "<file>"
        }
    }

    /// Sums the weights of the cues found in the words. Stronger cues are matched first and a
    /// word serves one cue per intent, so "liste des clients" is not also counted as "clients".
    static func score(_ words: [String]) -> [IntentID: Double] {
        // Only the cues whose first word is in the sentence are tried (an inverted index),
        // each intent's longest first.
        var candidates: [Int: [Int]] = [:]
        var seen = Set<String>(minimumCapacity: words.count)
        for word in words where seen.insert(word).inserted {
            for reference in cueIndex[word] ?? [] { candidates[reference.intent, default: []].append(reference.cue) }
        }
        var scores: [IntentID: Double] = [:]
        var used = [Bool](repeating: false, count: words.count)
        for (intentIndex, cueIndices) in candidates {
            let entry = sortedCues[intentIndex]
            var total = 0.0
            for position in used.indices { used[position] = false }
            for cueIndex in cueIndices.sorted() {
                let cue = entry.cues[cueIndex]
                if cue.whole {
                    if words.filter({ $0 != "?" }) == cue.words { total += cue.weight }
                } else if let positions = match(cue.words, in: words, avoiding: used) {
                    total += cue.weight
                    for position in positions { used[position] = true }
                }
            }
            if total != 0 { scores[entry.intent] = total }
        }
        return scores
    }

    /// First word of a cue → (intent, cue) positions in `sortedCues`.
    static let cueIndex: [String: [(intent: Int, cue: Int)]] = {
        var index: [String: [(intent: Int, cue: Int)]] = [:]
        for (intentIndex, entry) in sortedCues.enumerated() {
            for (cueIndex, cue) in entry.cues.enumerated() {
                guard let first = cue.words.first else { continue }
                index[first, default: []].append((intentIndex, cueIndex))
            }
        }
        return index
    }()

    /// Each intent's cues, strongest first (then longest): a word serves the best cue it is part of.
    static let sortedCues = compiledCues.map { entry in
        (intent: entry.intent, cues: entry.cues.sorted { ($0.weight, $0.words.count) > ($1.weight, $1.words.count) })
    }

    /// Whether `cue` appears in order, with at most two words between consecutive cue words.
    static func contains(_ cue: [String], in words: [String]) -> Bool {
        guard let first = cue.first else { return false }
        for start in words.indices where words[start] == first {
            var at = start
            var matched = true
            for word in cue.dropFirst() {
                var probe = at + 1
                while probe < min(words.count, at + 4) && words[probe] != word { probe += 1 }
                guard probe < min(words.count, at + 4) else {
                    matched = false
                    break
                }
                at = probe
            }
            if matched { return true }
        }
        return false
    }

    /// The positions where `cue` appears in order (at most two words between consecutive cue
    /// words), using none of the positions in `used`.
    static func match(_ cue: [String], in words: [String], avoiding used: [Bool]) -> [Int]? {
        guard let first = cue.first, !words.isEmpty else { return nil }
        for start in words.indices where words[start] == first && !used[start] {
            var positions = [start]
            positions.reserveCapacity(cue.count)
            var at = start
            var matched = true
            for word in cue.dropFirst() {
                var next: Int? = nil
                var probe = at + 1
                while probe < min(words.count, at + 4) {
                    if words[probe] == word && !used[probe] {
                        next = probe
                        break
                    }
                    probe += 1
                }
                guard let found = next else {
                    matched = false
                    break
                }
                positions.append(found)
                at = found
            }
            if matched { return positions }
        }
        return nil
    }

    /// Entities that make an intent more likely: an amount for a payment, a number for a new invoice.
    static func addEntityEvidence(to scores: inout [IntentID: Double], mentions: [Mention], hasClient: Bool, words: [String]) {
        let hasAmount = mentions.contains { if case .amount = $0.value { return true } else { return false } }
        let hasInvoice = mentions.contains { if case .invoice = $0.value { return true } else { return false } }
        let hasEmail = mentions.contains { if case .email = $0.value { return true } else { return false } }
        for (intent, score) in scores {
            var bonus = 0.0
            switch intent {
            case .paymentRecord: bonus = (hasAmount ? 1.5 : 0) + (hasClient ? 0.5 : 0) - (hasAmount || hasClient ? 0 : 2)
            case .invoiceAdd: bonus = (hasAmount ? 1 : 0) + (hasInvoice ? 1.5 : 0) + (hasClient ? 0.5 : 0)
            case .clientBalance, .clientShow: bonus = hasClient ? 1 : 0
            case .invoiceList: bonus = hasClient ? 0.5 : 0
            case .clientAdd: bonus = hasEmail ? 1 : 0
            case .overdueList: bonus = hasClient ? -1 : 0
            default: break
            }
            scores[intent] = score + bonus
        }
        // "ajoute Couverture Roussel, 30 j FDM, tél …": creating something with contact details or terms is a new client.
        let hasPhone = mentions.contains { if case .phone = $0.value { return true } else { return false } }
        let hasTerms = mentions.contains { if case .duration = $0.value { return true } else { return false } }
        let creates = words.contains {
            ["ajoute", "ajouter", "ajoutez", "cree", "creer", "creez", "nouveau", "nouvelle", "enregistre", "creation"].contains($0)
        }
        if creates && (hasEmail || hasPhone || hasTerms) && !hasAmount && !hasInvoice {
            scores[.clientAdd, default: 0] += 4
        }
        // "l'email de Dupont est …", "nouveau numéro pour Girard : 06…": contact details of a known client.
        if hasClient && (hasEmail || hasPhone) && !(creates && scores[.clientAdd, default: 0] >= 5) {
            scores[.clientUpdate, default: 0] += 4
        }
        // A risk question about one client is its score; about all, the list.
        if hasClient, let list = scores[.riskList] {
            scores[.riskScore, default: 0] += 2
            scores[.riskList] = list - 2
        }
        // A file named: imported from, or exported to ("… dans relances.csv").
        let hasFile = mentions.contains { if case .file = $0.value { return true } else { return false } }
        if hasFile {
            if words.contains(where: { ["dans", "vers", "sous"].contains($0) }) && scores[.dataImport] == nil {
                scores[.dataExport, default: 0] += 8
            } else if scores[.dataExport] == nil {
                scores[.dataImport, default: 0] += 3
            }
        }
        // "Est-ce que Moreau a réglé sa facture ?": a question about a payment is not one to record.
        let asks = words.last == "?" || words.first == "est-ce" || (words.first == "est" && words.dropFirst().first == "ce")
        if asks && !hasAmount, let payment = scores[.paymentRecord] {
            scores[.paymentRecord] = payment - 3
            if hasClient { scores[.clientBalance, default: 0] += 2 }
        }
        // "passe Durand SAS à 60 jours fin de mois": new terms for a known client.
        if hasClient && hasTerms && !hasAmount && !hasInvoice && !creates {
            scores[.clientUpdate, default: 0] += 3
        }
        // "en 4 échéances", "en 6 fois": a number of installments is a payment plan.
        let countWords: Set<String> = ["fois", "mensualites", "echeances", "versements", "trimestrialites"]
        if words.indices.contains(where: {
            words[$0] == "<number>" && $0 + 1 < words.count && countWords.contains(words[$0 + 1])
                && ($0 > 0 && words[$0 - 1] == "en" || words[$0 + 1] != "fois")
        }) {
            scores[.planPropose, default: 0] += 3
        }
        // "Durand accepte l'étalement en 6 fois": accepting is the verb, the plan its object.
        if let accept = scores[.planAccept], accept >= 6, let propose = scores[.planPropose], propose >= accept {
            scores[.planPropose] = accept - 1
        }
        // "le litige sur la F-12 est réglé": a dispute and a word of resolution close it.
        if scores[.disputeOpen] != nil || words.contains(where: { ["litige", "contestation", "differend", "reclamation"].contains($0) }),
            words.contains(where: {
                ["regle", "reglee", "resolu", "resolue", "clos", "close", "termine", "terminee", "leve", "levee", "fini"].contains($0)
            })
        {
            scores[.disputeClose, default: 0] += 5
        }
        // "facture F-12 de 500 € pour Dupont": a new invoice even without "nouvelle".
        if hasAmount && hasInvoice && hasClient && scores[.paymentRecord, default: 0] < 3 && scores[.invoiceAdd] == nil {
            scores[.invoiceAdd] = 2.5
        }
    }

    static func isFollowUp(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        if first == "et" { return true }
        let joined = words.prefix(3).joined(separator: " ")
        return joined.hasPrefix("pareil pour") || joined.hasPrefix("idem pour") || joined.hasPrefix("meme chose pour")
            || joined.hasPrefix("meme question pour") || joined.hasPrefix("pour <client>") && words.count <= 3
    }

    /// Words a follow-up fragment may hold besides its values ("par SMS plutôt").
    static let followUpFillers: Set<String> = [
        "plutot", "seulement", "aussi", "alors", "finalement", "enfin", "mois", "semaine", "semaines", "jours", "max", "maximum",
        "uniquement", "juste", "sinon", "pourquoi", "combien", "acompte", "d'acompte", "sauf", "sans", "hors", "excepte", "ni",
        "format", "eml", ".eml", "texte", "boite", "envoi", "outbox",
    ]

    /// A short yes: "oui", "ok", "valide", "d'accord", "c'est bon".
    static func isAffirmative(_ words: [String]) -> Bool {
        let content = words.filter {
            !["?", "!", "c'", "est", "je", "on", "le", "la", "l'", "alors", "bon", "ca", "marche", "merci", "parfait"].contains($0)
                || $0 == "bon"
        }
        guard !content.isEmpty, content.count <= 4 else { return false }
        let yes: Set<String> = [
            "oui", "ok", "okay", "valide", "d'", "accord", "bon", "go", "vas-y", "parfait", "accepte", "confirme", "yes", "ouais", "dac",
            "entendu",
        ]
        return content.allSatisfy(yes.contains) || content == ["elle", "accepte"] || content == ["il", "accepte"]
    }

    static func refersToLastClient(_ words: [String]) -> Bool {
        let pronouns: Set<String> = [
            "il", "elle", "lui", "sa", "son", "ses", "celui-ci", "celle-ci", "celui-la", "celle-la", "leur", "ils", "elles", "eux", "leurs",
        ]
        if words.contains(where: pronouns.contains) { return true }
        return contains(["ce", "client"], in: words) || contains(["cette", "cliente"], in: words) || contains(["ce", "dernier"], in: words)
            || contains(["le", "client"], in: words) || contains(["meme", "client"], in: words)
    }

    /// What was typed in place of a client's name, when no client matches it.
    func unknownName(tokens: [Token], words: [String], covered: Set<Int>) -> String? {
        var pieces: [String] = []
        for (index, token) in tokens.enumerated() where !covered.contains(index) {
            let word = words[index]
            guard word.count >= 2, word.contains(where: \.isLetter), !word.hasSuffix("'"),
                !Self.knownWords.contains(word), !Lexicon.legalForms.contains(word), !Lexicon.stopwords.contains(word),
                Lexicon.paymentMethods[word] == nil, Lexicon.statusWords[word] == nil
            else {
                if !pieces.isEmpty && index > 0 { break }
                continue
            }
            pieces.append(token.original)
        }
        return pieces.isEmpty ? nil : pieces.joined(separator: " ")
    }

    /// The answer to "Lequel ?": "le deuxième", "2", "Martin & Fils", "fils", "le dernier".
    func answer(to pending: PendingClarification, tokens: [Token]) -> ClientDirectory.Entry? {
        let words = tokens.map(\.text).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
        let meaningful = words.filter {
            !["le", "la", "l'", "c'", "est", "du", "de", "plutot", "alors", "celui", "celle", "choix", "numero", "n"].contains($0)
        }
        if meaningful.count == 1 {
            let word = meaningful[0]
            var rank = NumberWords.ordinal(word) ?? Int(word) ?? NumberWords.value(of: [word])
            if word == "second" || word == "seconde" { rank = 2 }
            if let rank {
                if rank == -1 { return pending.candidates.last }
                if (1...pending.candidates.count).contains(rank) { return pending.candidates[rank - 1] }
            }
        }
        let allowed = Set(pending.candidates.map(\.id))
        if case .unique(let entry) = directory.match(tokens, restrictedTo: allowed).match { return entry }
        return nil
    }
}
