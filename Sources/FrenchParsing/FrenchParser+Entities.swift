import Foundation
import Receivables

extension FrenchParser {
    /// Fills the entities the intent takes from what was recognised in the sentence.
    func fill(
        _ entities: inout Entities, intent: IntentID, tokens: [Token], words: [String], mentions: [Mention], today: Day,
        result: inout ParseResult, clientSpan: Set<Int> = []
    ) {
        func before(_ mention: Mention, within distance: Int = 3) -> [String] {
            let start = mention.tokens.lowerBound
            return Array(words[max(0, start - distance)..<start])
        }
        func after(_ mention: Mention, within distance: Int = 3) -> [String] {
            let end = mention.tokens.upperBound
            return Array(words[end..<min(words.count, end + distance)])
        }
        var lookingForward: Bool { Self.mentionsDue(words) }
        var orientation: DateOrientation { intent.looksBack ? .past : (intent == .invoiceList && !lookingForward ? .past : .future) }

        // A note: the free text after "note :" (or, for a call, after ":" or the name and a comma;
        // for a dispute or a reminder sent, after a colon or "car" / "parce que").
        var noteStart: Int? = nil
        let mentioned = Set(mentions.flatMap { Array($0.tokens) }).union(clientSpan)
        // Whether words of free text follow: "LITIGE : F-12" has none.
        func freeText(from start: Int) -> Bool {
            (start..<tokens.count).contains {
                !mentioned.contains($0) && words[$0].count > 1 && !Lexicon.stopwords.contains(words[$0])
                    && words[$0].contains(where: \.isLetter)
            }
        }
        let explains: Set<IntentID> = [.reminderSent, .disputeOpen, .disputeClose]
        if [.interactionLog, .clientUpdate, .promiseRecord, .reminderSent, .disputeOpen, .disputeClose].contains(intent),
            let colon = tokens.firstIndex(where: { $0.text == ":" }),
            intent == .interactionLog || (colon > 0 && words[colon - 1] == "note")
                || (explains.contains(intent) && colon > 0 && freeText(from: colon + 1))
        {
            noteStart = colon + 1
        } else if intent == .interactionLog, let comma = tokens.firstIndex(where: { $0.text == "," }), comma > 0,
            entities.client != nil || tokens[..<comma].contains(where: { $0.text == "note" })
        {
            noteStart = comma + 1
        } else if [.disputeOpen, .disputeClose].contains(intent),
            let marker = words.indices.first(where: {
                ["car", "puisque", "puisqu'"].contains(words[$0])
                    || (words[$0] == "parce" && $0 + 1 < words.count && ["que", "qu'"].contains(words[$0 + 1]))
            })
        {
            noteStart = words[marker] == "parce" ? marker + 2 : marker + 1
        }
        if let noteStart, noteStart < tokens.count {
            var note = ""
            for index in noteStart..<tokens.count {
                if index > noteStart, tokens[index].start > tokens[index - 1].end { note += " " }
                note += tokens[index].original
            }
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
            if trimmed.contains(where: \.isLetter) { entities.note = note.trimmingCharacters(in: .whitespaces).trimmingSuffix(".") }
        }
        let mentions = mentions.filter { noteStart == nil || entities.note == nil || $0.tokens.lowerBound < noteStart! }

        // Invoices, emails, phones, methods, statuses: wherever they are.
        var amounts: [Mention] = []
        var numbers: [Mention] = []
        var dates: [Mention] = []
        var durations: [Mention] = []
        // Invoices said to be left out ("sauf la F-12", "sans la F-12 ni la F-13") are not the invoice.
        var excluded: [String] = []
        var lastInvoice: (end: Int, excluded: Bool)? = nil
        for (index, mention) in mentions.enumerated() {
            switch mention.value {
            case .invoice(let number):
                let start = mention.tokens.lowerBound
                let since = max(lastInvoice?.end ?? 0, start - 4)
                var left = Self.excludes(before: words[since..<start])
                // "mais pas (pour) la F-13" in a letter, not "qui n'a pas payé la F-13".
                if !left, intent == .reminderDraft, let not = words[since..<start].lastIndex(of: "pas"),
                    words[(not + 1)..<start].allSatisfy({ ["pour", "la", "le", "l'", "les", "sur", "de", "facture"].contains($0) })
                {
                    left = true
                }
                // "sauf la F-12 et la F-13": the next one in the same list too.
                if let last = lastInvoice, last.excluded,
                    words[last.end..<start].allSatisfy({
                        ["et", ",", "ni", "ou", "la", "le", "les", "l'", "facture", "factures"].contains($0)
                    })
                {
                    left = true
                }
                lastInvoice = (mention.tokens.upperBound, left)
                if left {
                    excluded.append(number)
                } else {
                    entities.invoice = entities.invoice ?? number
                }
            case .email(let email): entities.email = entities.email ?? email
            case .phone(let phone): entities.phone = entities.phone ?? phone
            case .file(let name): entities.file = entities.file ?? name
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
        var channel: String? { Self.channel(words) }
        var level: String? { Self.level(words) }

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
        case .overdueList, .riskList:
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
            for mention in durations where before(mention, within: 3).contains(where: { ["plus", "depuis", "moins"].contains($0) }) {
                entities.minDaysLate = entities.minDaysLate ?? mention.value.durationDays
            }
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
            entities.penaltyRate = Self.penaltyRate(mentions: mentions, words: words)
            entities.invoice = nil
        case .invoiceAdd:
            if Self.isPeriodic(words) { entities.periodic = true }
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
        case .promiseRecord:
            entities.amount = amounts.first.flatMap(money)
            if let mention = dates.first { entities.date = resolveDay(mention, orientation: .future) }
        case .planPropose, .planAccept:
            // "en 4 fois", "4 mensualités", "sur 6 mois" (monthly), "tous les mois", "trimestriel".
            let countWords: Set<String> = [
                "fois", "mensualites", "echeances", "versements", "paiements", "traites", "trimestrialites", "prelevements",
            ]
            if let count = numbers.first(where: { after($0, within: 1).contains(where: countWords.contains) }) {
                entities.installments = number(count)
            }
            // "sur 6 mois": six monthly installments, or two quarterly ones; "sur 8 semaines": eight weekly ones.
            if let span = durations.first(where: { before($0, within: 1).contains("sur") }),
                case .duration(let days, let months) = span.value
            {
                let said = Self.frequency(words)
                let weeks = months > 0 ? Int((Double(months) * 52 / 12).rounded()) : days / 7
                let spacing = said ?? (months > 0 ? "monthly" : "weekly")
                var count: Int? = nil
                switch spacing {
                case "monthly" where months > 0: count = months
                case "quarterly" where months >= 3: count = (months + 2) / 3
                case "weekly" where weeks > 0 && (months > 0 || days % 7 == 0): count = weeks
                case "biweekly" where weeks >= 2 && (months > 0 || days % 7 == 0): count = (weeks + 1) / 2
                default: break
                }
                if let count {
                    entities.installments = entities.installments ?? count
                    entities.frequency = spacing
                }
            }
            if intent == .planAccept {
                entities.frequency = nil
                break
            }
            entities.format = Self.letterFormat(words)
            entities.frequency = Self.frequency(words) ?? entities.frequency
            for mention in amounts {
                guard let value = money(mention) else { continue }
                let previous = before(mention, within: 3)
                let next = after(mention, within: 3)
                if previous.contains("acompte") || previous.contains("apport") || next.contains("acompte") || next.contains("apport")
                    || Self.contains(["tout", "suite"], in: next) || next.first == "maintenant" || next.first == "comptant"
                    || next.first == "d'abord" || next.first == "immediatement"
                {
                    entities.downPayment = value
                } else if previous.contains("max") || previous.contains("maximum") || previous.contains("plafond")
                    || Self.contains(["pas", "plus", "de"], in: previous) || Self.contains(["au", "plus"], in: previous)
                    || next.first == "max" || next.first == "maximum"
                {
                    entities.maxInstallment = value
                    if Self.frequency(words) == nil, next.contains("semaine") { entities.frequency = "weekly" }
                } else if entities.amount == nil {
                    entities.amount = value
                }
            }
            if let mention = dates.first { entities.date = resolveDay(mention, orientation: .future) }
        case .penaltyCompute where dates.first.map({ !$0.value.isPeriodExpression }) ?? false:
            // "intérêts dus au 31 décembre": the day the interest runs to.
            entities.date = dates.first.flatMap { resolveDay($0, orientation: .future) }
            if let mention = amounts.first { entities.amount = money(mention) }
        case .forecastCash, .kpiDSO, .planShow, .riskConcentration, .riskScore, .penaltyCompute, .escalationAdvise:
            let direction: DateOrientation = intent == .forecastCash ? .future : .past
            if let mention = dates.first {
                if case .date(let expression) = mention.value, before(mention, within: 1).contains("depuis"),
                    let start = expression.resolvePeriod(today: today, orientation: .past)?.from
                {
                    entities.period = DayRange(from: start, to: today)  // "depuis janvier"
                } else {
                    entities.period = resolvePeriod(mention, orientation: direction)
                }
            } else if let span = durations.first(where: {
                before($0, within: 2).contains(where: { ["sur", "prochains", "prochaines", "dans"].contains($0) })
            }),
                case .duration(let days, let months) = span.value
            {
                let end = months > 0 ? today.adding(months: months).adding(days: days - 1) : today.adding(days: days - 1)
                entities.period =
                    intent == .forecastCash
                    ? DayRange(from: today, to: end) : DayRange(from: today.adding(days: today.days(until: end) * -1), to: today)
            }
            entities.limit = limit(numbers: numbers, words: words)
            if intent == .escalationAdvise, level == "formalNotice" { entities.level = level }
            if intent == .penaltyCompute, let mention = amounts.first { entities.amount = money(mention) }
        case .reminderDraft, .reminderSent:
            entities.channel = channel
            entities.level = level
            if let mention = dates.first { entities.date = resolveDay(mention, orientation: intent == .reminderSent ? .past : .future) }
            if intent == .reminderDraft {
                entities.format = Self.letterFormat(words)
                if !excluded.isEmpty { entities.exclude = excluded }
            }
        case .interactionLog:
            entities.channel = channel == "phone" || Self.isCall(words) ? "phone" : channel
            if let mention = dates.first { entities.date = resolveDay(mention, orientation: .past) }
        case .clientUpdate:
            if entities.email == nil && entities.phone == nil { entities.channel = channel }
            entities.tone = Self.tone(words)
            // "on vouvoie Dupont dans les courriers": where the tone applies, not a preferred channel.
            if entities.tone != nil || Self.dunning(words) != nil,
                !words.indices.contains(where: { words[$0] == "par" && $0 + 1 < words.count && Lexicon.channels[words[$0 + 1]] != nil })
            {
                entities.channel = nil
            }
            let covered = Set(mentions.flatMap { Array($0.tokens) }).union(clientSpan)
            entities.sequence = Self.sequenceName(tokens: tokens, words: words, excluded: covered)
            var spans = durations
            if let (value, at) = Self.dunning(words) {
                // "jusqu'au 3 décembre", "avant le 10", "pendant un mois": the pause ends that day.
                var value = value
                var end: Day? = nil
                if let mention = dates.first {
                    end = resolveDay(mention, orientation: .future)
                    // "pas avant janvier": the pause ends when January begins.
                    let previous = before(mention, within: 2)
                    let isStart = previous.contains("partir") || previous.contains("des") || previous.contains("apres")
                    if previous.last == "avant" || isStart, mention.value.isPeriodExpression {
                        end = resolvePeriod(mention, orientation: .future)?.from
                    }
                    let isLimit: Bool = {
                        if case .date(.until) = mention.value { return true }
                        return previous.contains(where: { ["avant", "jusqu'", "jusque", "jusqu'a"].contains($0) })
                    }()
                    // "pas de relance ce mois-ci": a pause to the end of the period.
                    if value == "stop", !isStart, !isLimit, mention.value.isPeriodExpression {
                        end = resolvePeriod(mention, orientation: .future)?.to
                        value = "pause"
                    }
                    if isLimit, value == "stop" { value = "pause" }
                } else if let span = durations.first(where: { before($0, within: 1) != ["a"] }),
                    case .duration(let days, let months) = span.value
                {
                    // "pendant un mois", "pour deux semaines", "15 jours".
                    end = today.adding(months: months).adding(days: days)
                    spans.removeAll { $0 == span }
                    if value == "stop" { value = "pause" }
                }
                entities.dunning = value
                entities.date = end
                if value != "resume", entities.note == nil {
                    entities.note = Self.dunningReason(
                        tokens: tokens, words: words, mentions: mentions, clientSpan: clientSpan, instruction: at)
                }
            } else if let proceeding = Self.insolvency(words) {
                entities.status = "insolvent"
                entities.note = entities.note ?? Self.text(of: tokens, in: proceeding)
            }
            if let terms = spans.first?.value.durationDays { entities.termsDays = terms }
            entities.penaltyRate = Self.penaltyRate(mentions: mentions, words: words)
        case .disputeOpen, .disputeClose:
            if let mention = amounts.first { entities.amount = money(mention) }
            if let mention = dates.first { entities.date = resolveDay(mention, orientation: .past) }
        case .dataImport, .dataExport:
            // "en ignorant les erreurs", "sans les lignes en erreur", "saute les erreurs".
            if intent == .dataImport,
                words.contains(where: { ["erreur", "erreurs", "invalides", "fausses", "mauvaises"].contains($0) }),
                words.contains(where: {
                    ["ignorant", "ignore", "ignorer", "sans", "sauf", "saute", "sauter", "passe", "reste"].contains($0)
                })
            {
                entities.skipErrors = true
            }
            entities.format =
                words.enumerated().first(where: {
                    Lexicon.fileFormats.contains($0.element)
                        && !($0.offset < tokens.count && tokens[$0.offset].text.utf8.contains(UInt8(ascii: ".")))
                })?.element
            if intent == .dataExport {
                // The report is what the rest of the sentence asks for: "exporte la balance âgée" → aging.report.
                let rest = Self.scoringWords(tokens: tokens, words: words, mentions: mentions, clientSpan: [])
                    .filter {
                        !["exporte", "exporter", "export", "exprote", "sauvegarde", "extrais", "enregistre", "csv", "json"].contains($0)
                    }
                let reportable: Set<IntentID> = [
                    .overdueList, .invoiceList, .clientList, .agingReport, .kpiDSO, .forecastCash, .riskList, .riskConcentration,
                    .reminderDue, .planShow, .penaltyCompute,
                ]
                if let report = Self.score(rest).filter({ reportable.contains($0.key) && $0.value > 0 }).max(by: {
                    $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue)
                })?.key {
                    entities.report = report.rawValue
                    var filters = Entities()
                    fill(&filters, intent: report, tokens: tokens, words: words, mentions: mentions, today: today, result: &result)
                    filters.client = nil
                    entities = entities.overridden(by: filters)
                }
            }
        case .reminderDue:
            entities.channel = channel
            entities.level = level
            for mention in durations { entities.minDaysLate = entities.minDaysLate ?? mention.value.durationDays }
            // "relances du jour": today is the default, not a filter.
            if let mention = dates.first, mention.value != .date(.today) { entities.period = resolvePeriod(mention, orientation: .future) }
        case .agingReport:
            if let mention = dates.first { entities.date = resolveDay(mention, orientation: .past) }
            if let mention = amounts.first { entities.minAmount = money(mention) }
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
        if ![
            .invoiceAdd, .paymentRecord, .invoiceList, .clientShow, .disputeOpen, .disputeClose, .penaltyCompute, .reminderDraft,
            .reminderSent, .escalationAdvise, .planPropose, .promiseRecord,
        ].contains(intent) {
            entities.invoice = nil
        }
        if ![.clientAdd, .clientUpdate].contains(intent) {
            entities.email = nil
            entities.phone = nil
        }
        if ![.paymentRecord, .promiseRecord].contains(intent) { entities.method = nil }
        if ![.dataImport, .dataExport].contains(intent) {
            entities.file = nil
            if ![.reminderDraft, .planPropose].contains(intent) { entities.format = nil }
        }
        // Conversation intents take no entity ("à demain" when leaving is not a date).
        if [.help, .smalltalk, .quit, .undo, .unknown].contains(intent) { entities = Entities() }
        if ![.clientAdd, .invoiceAdd, .clientUpdate].contains(intent) {
            entities.termsDays = nil
            entities.endOfMonth = nil
        }
    }

    /// "par mail", "en recommandé", "par téléphone", "SMS".
    static func channel(_ words: [String]) -> String? {
        for word in words { if let channel = Lexicon.channels[word], channel == "registeredLetter" { return channel } }
        for word in words { if let channel = Lexicon.channels[word] { return channel } }
        return nil
    }

    /// A call: "appelé", "au téléphone", "répondeur", "ça sonne".
    static func isCall(_ words: [String]) -> Bool {
        words.contains { ["appele", "appel", "telephone", "tel", "repondeur", "sonne", "portable", "telephonique", "joint"].contains($0) }
    }

    /// "première relance", "relance ferme", "troisième relance", "mise en demeure".
    static func level(_ words: [String]) -> String? {
        if contains(["mise", "demeure"], in: words) || contains(["mises", "demeure"], in: words) { return "formalNotice" }
        guard words.contains(where: { $0.hasPrefix("relance") }) else { return nil }
        for word in words {
            switch word {
            case "premiere", "1ere", "1re": return "reminder1"
            case "deuxieme", "seconde", "2e", "2eme", "ferme": return "reminder2"
            case "troisieme", "3e", "3eme", "derniere": return "reminder3"
            default: continue
            }
        }
        return nil
    }

    /// "tous les mois", "toutes les deux semaines", "chaque semaine", "trimestriel".
    static func frequency(_ words: [String]) -> String? {
        // "toutes les deux semaines", not "sur deux semaines" nor "plus de quinze jours".
        if contains(["toutes", "deux", "semaines"], in: words) || contains(["toutes", "2", "semaines"], in: words)
            || contains(["tous", "quinze", "jours"], in: words) || contains(["tous", "15", "jours"], in: words)
            || contains(["semaine", "sur", "deux"], in: words) || contains(["chaque", "quinzaine"], in: words)
        {
            return "biweekly"
        }
        if contains(["tous", "trois", "mois"], in: words) || contains(["tous", "3", "mois"], in: words)
            || contains(["chaque", "trimestre"], in: words) || contains(["par", "trimestre"], in: words)
            || contains(["tous", "trimestres"], in: words) || contains(["tous", "trimestre"], in: words)
        {
            return "quarterly"
        }
        if contains(["chaque", "semaine"], in: words) || contains(["toutes", "semaines"], in: words)
            || contains(["par", "semaine"], in: words)
        {
            return "weekly"
        }
        if contains(["tous", "mois"], in: words) || contains(["chaque", "mois"], in: words) || contains(["par", "mois"], in: words) {
            return "monthly"
        }
        for word in words { if let frequency = Lexicon.frequencies[word] { return frequency } }
        return nil
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

extension String {
    /// The string without one trailing `suffix`, if it ends with it.
    func trimmingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
