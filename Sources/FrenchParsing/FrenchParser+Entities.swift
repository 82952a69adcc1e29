import Receivables

extension FrenchParser {
    /// Fills the entities the intent takes from what was recognised in the sentence.
    func fill(
        _ entities: inout Entities, intent: IntentID, tokens: [Token], words: [String], mentions: [Mention], today: Day,
        result: inout ParseResult
    ) {
        func before(_ mention: Mention, within distance: Int = 3) -> [String] {
            let start = mention.tokens.lowerBound
            return Array(words[max(0, start - distance)..<start])
        }
        func after(_ mention: Mention, within distance: Int = 3) -> [String] {
            let end = mention.tokens.upperBound
            return Array(words[end..<min(words.count, end + distance)])
        }
        let lookingForward = Self.mentionsDue(words)
        let orientation: DateOrientation =
            intent.looksBack ? .past : (intent == .invoiceList && !lookingForward ? .past : .future)

        // Invoices, emails, phones, methods, statuses: wherever they are.
        var amounts: [Mention] = []
        var numbers: [Mention] = []
        var dates: [Mention] = []
        var durations: [Mention] = []
        for (index, mention) in mentions.enumerated() {
            switch mention.value {
            case .invoice(let number): entities.invoice = entities.invoice ?? number
            case .email(let email): entities.email = entities.email ?? email
            case .phone(let phone): entities.phone = entities.phone ?? phone
            case .amount: amounts.append(mention)
            case .number, .decimal: numbers.append(mention)
            case .date(let expression):
                // "45 jours fin de mois": the end of month belongs to the terms.
                if index > 0, case .duration = mentions[index - 1].value,
                    mentions[index - 1].tokens.upperBound == mention.tokens.lowerBound,
                    case .endOfMonth(nil, nil, 0) = expression
                {
                    entities.endOfMonth = true
                    continue
                }
                dates.append(mention)
            case .duration: durations.append(mention)
            case .ordinal: break
            }
        }
        if words.contains("fdm") || Self.contains(["fin", "mois"], in: words) && durations.isEmpty == false && entities.endOfMonth == nil {
            if Self.contains(["fin", "mois"], in: words) || words.contains("fdm") { entities.endOfMonth = true }
        }
        for word in words {
            if entities.method == nil, let method = Lexicon.paymentMethods[word] { entities.method = PaymentMethod(rawValue: method) }
        }
        if words.contains("carte") || words.contains("cb") { entities.method = entities.method ?? .card }

        func resolveDay(_ mention: Mention, orientation: DateOrientation) -> Day? {
            guard case .date(let expression) = mention.value else { return nil }
            let day = expression.resolveDay(today: today, orientation: orientation)
            if day == nil { result.invalidDate = tokens[mention.tokens].map(\.original).joined(separator: " ") }
            return day
        }
        func resolvePeriod(_ mention: Mention, orientation: DateOrientation) -> DayRange? {
            guard case .date(let expression) = mention.value else { return nil }
            let period = expression.resolvePeriod(today: today, orientation: orientation)
            if period == nil { result.invalidDate = tokens[mention.tokens].map(\.original).joined(separator: " ") }
            return period
        }
        func number(_ mention: Mention) -> Int? {
            if case .number(let n) = mention.value { return n }
            return nil
        }
        func money(_ mention: Mention) -> Money? {
            switch mention.value {
            case .amount(let m), .decimal(let m): return m
            case .number(let n): return Money(cents: Int64(n) * 100)
            default: return nil
            }
        }

        switch intent {
        case .overdueList, .riskList, .reminderDue, .agingReport:
            for mention in amounts { entities.minAmount = entities.minAmount ?? money(mention) }
            for mention in durations { entities.minDaysLate = entities.minDaysLate ?? mention.value.durationDays }
            if entities.minDaysLate == nil, let since = dates.first, before(since, within: 2).contains("depuis"),
                let day = resolveDay(since, orientation: .past)
            {
                entities.minDaysLate = max(1, day.days(until: today))
            }
            entities.limit = limit(numbers: numbers, words: words)
            if entities.minAmount == nil,
                let mention = numbers.first(where: {
                    before($0).contains(where: { ["plus", "moins", "dessus", "superieur"].contains($0) }) && number($0) != entities.limit
                })
            {
                entities.minAmount = money(mention)
            }
        case .clientList:
            entities.status = Self.status(words)
            if words.contains("particuliers") || words.contains("particulier") || words.contains("b2c") { entities.kind = "B2C" }
            if words.contains("pros") || words.contains("professionnels") || words.contains("entreprises") || words.contains("b2b") {
                entities.kind = "B2B"
            }
            if entities.status == "overdue" { entities.status = nil }
        case .invoiceList:
            entities.status = Self.status(words) ?? (words.contains("a") && words.contains("payer") ? "open" : nil)
            if let mention = dates.first {
                entities.period = resolvePeriod(mention, orientation: orientation)
                entities.periodIsDue = lookingForward
            }
            entities.limit = limit(numbers: numbers, words: words)
            if let mention = amounts.first { entities.minAmount = money(mention) }
        case .clientAdd:
            entities.name = newClientName(tokens: tokens, words: words, mentions: mentions)
            if let terms = durations.first?.value.durationDays { entities.termsDays = terms }
            if words.contains("particulier") || words.contains("particuliere") || words.contains("b2c") || words.contains("consommateur") {
                entities.kind = "B2C"
            } else if words.contains("entreprise") || words.contains("professionnel") || words.contains("b2b") || words.contains("pro")
                || words.contains("societe")
            {
                entities.kind = "B2B"
            }
            entities.invoice = nil
        case .invoiceAdd:
            entities.amount = amounts.first.flatMap(money) ?? numbers.first(where: { (number($0) ?? 10) >= 10 }).flatMap(money)
            for mention in dates {
                let context = before(mention, within: 3)
                let isDue = context.contains(where: {
                    ["echeance", "payable", "payer", "avant", "due", "echeant", "regler", "paiement"].contains($0)
                })
                if isDue {
                    entities.dueDate = resolveDay(mention, orientation: .future)
                } else if entities.date == nil {
                    entities.date = resolveDay(mention, orientation: .past)
                }
            }
            if let terms = durations.first, !before(terms, within: 1).contains("dans") {
                entities.termsDays = terms.value.durationDays
            }
            if entities.termsDays == nil { entities.endOfMonth = nil }
        case .paymentRecord:
            entities.amount =
                amounts.first.flatMap(money)
                ?? (numbers + amounts).first(where: { mention in
                    !before(mention, within: 1).contains("le")
                }).flatMap(money)
            if let mention = dates.first { entities.date = resolveDay(mention, orientation: .past) }
        case .promiseRecord, .planPropose:
            entities.amount = amounts.first.flatMap(money)
            if let mention = dates.first { entities.date = resolveDay(mention, orientation: .future) }
            if intent == .planPropose,
                let count = numbers.first(where: {
                    after($0, within: 1).contains(where: { ["fois", "mensualites", "echeances", "versements"].contains($0) })
                })
            {
                entities.installments = number(count)
            }
        default:
            if let mention = amounts.first { entities.amount = money(mention) }
            if let mention = dates.first {
                if mention.value.isPeriodExpression {
                    entities.period = resolvePeriod(mention, orientation: orientation)
                } else {
                    entities.date = resolveDay(mention, orientation: orientation)
                }
            }
        }
        if !([.invoiceAdd, .paymentRecord, .invoiceList, .clientShow, .disputeOpen, .disputeClose, .penaltyCompute].contains(intent)) {
            entities.invoice = nil
        }
        if ![.clientAdd, .clientUpdate].contains(intent) {
            entities.email = nil
            entities.phone = nil
        }
        if ![.paymentRecord].contains(intent) { entities.method = nil }
        // Conversation intents take no entity ("à demain" when leaving is not a date).
        if [.help, .smalltalk, .quit, .undo, .unknown].contains(intent) { entities = Entities() }
        if ![.clientAdd, .invoiceAdd, .clientUpdate].contains(intent) {
            entities.termsDays = nil
            entities.endOfMonth = nil
        }
    }

    /// "les 5 plus gros", "top 10", "les dix premiers".
    func limit(numbers: [Mention], words: [String]) -> Int? {
        for mention in numbers {
            guard case .number(let n) = mention.value, n > 0, n <= 1000 else { continue }
            let start = mention.tokens.lowerBound
            let previous = start > 0 ? words[start - 1] : ""
            let next = mention.tokens.upperBound < words.count ? words[mention.tokens.upperBound] : ""
            if previous == "top"
                || ["premiers", "premieres", "plus", "pires", "principaux", "gros", "clients", "derniers", "dernieres", "factures"]
                    .contains(next)
            {
                return n
            }
            if previous == "les" && !["jours", "j", "mois", "semaines"].contains(next) { return n }
        }
        return nil
    }

    static func status(_ words: [String]) -> String? {
        for (index, word) in words.enumerated() where index > 0 && Lexicon.negations.contains(words[index - 1]) {
            if Lexicon.paymentVerbs.contains(word) { return "open" }
        }
        if words.contains("contestation") || words.contains("contestent") || words.contains("conteste") { return "disputed" }
        if contains(["tout", "paye"], in: words) || contains(["a", "jour"], in: words) { return "paid" }
        for word in words { if let status = Lexicon.statusWords[word] { return status } }
        return nil
    }

    /// Whether the sentence looks at due dates ahead ("arrive à échéance", "à payer en décembre").
    static func mentionsDue(_ words: [String]) -> Bool {
        words.contains {
            [
                "echeance", "echeances", "echoir", "echeant", "tombe", "tombent", "arrive", "arrivent", "payer", "venir", "prochaines",
                "prevues", "attendues",
            ].contains($0)
        }
    }

    /// The new client's name in "ajoute le client Durand SAS, email …": the words after
    /// "client" (or "nouveau client") up to a comma, an entity or a keyword, as typed.
    func newClientName(tokens: [Token], words: [String], mentions: [Mention]) -> String? {
        let covered = Set(mentions.flatMap { Array($0.tokens) })
        guard
            let anchor = words.firstIndex(where: { ["client", "cliente"].contains($0) })
                ?? words.firstIndex(where: {
                    ["ajoute", "ajoutez", "ajouter", "cree", "creez", "creer", "nouveau", "nouvelle", "enregistre"].contains($0)
                })
        else { return nil }
        var start = anchor + 1
        while start < words.count,
            [
                "le", "la", "l'", ",", "nomme", "nommee", "appele", "appelee", ":", "«", "\"", "suivant", "pro", "particulier",
                "particuliere", "professionnel", "entreprise", "societe", "de", "d'", "fiche", "client", "cliente", "un", "une", "nouveau",
                "nouvelle",
            ].contains(words[start])
        {
            start += 1
        }
        let stops: Set<String> = [
            ",", ";", "(", "?", "!", "facturation", "a-t-il", "il", "elle", "son", "sa", "ses", "c'", "email", "mail", "e-mail", "courriel",
            "tel", "telephone", "tél", "portable", "avec", "paiement", "paye", "payant", "a", "delai", "conditions", "en", "b2b", "b2c",
            "qui", "dont", "joignable", "adresse", "»", "\"", "-", "type", "particulier", "professionnel", "reglement", "net", "au",
        ]
        var end = start
        while end < tokens.count, !covered.contains(end), !stops.contains(words[end]) { end += 1 }
        guard end > start else { return nil }
        let original = tokens[start..<end].map(\.original)
        // Rebuild with the spacing of the sentence (keeps "Café de l'Étoile").
        var name = ""
        for (offset, piece) in original.enumerated() {
            let token = tokens[start + offset]
            if offset > 0, token.start > tokens[start + offset - 1].end { name += " " }
            name += piece
        }
        return name.isEmpty ? nil : name
    }
}

extension Mention.Value {
    var isPeriodExpression: Bool {
        if case .date(let expression) = self { return expression.isPeriod }
        return false
    }
}
