import Foundation
import FrenchParsing
import Mail
import Persistence
import Receivables

/// The last reminder drafted in a session.
struct DraftMemo {
    var clientID: Int64
    var level: DunningLevel
    var channel: Channel
    var invoices: [String]
    var amount: Money
}

/// `reminder.due`.
public struct ReminderDueData: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public var client: ClientReference
        public var level: String
        public var levelLabel: String
        public var channels: [String]
        public var amount: Money
        public var invoices: [String]
        public var maxDaysLate: Int
        public var reasons: [String]
        /// The day the step falls due (today, or later for a period's plan).
        public var date: Day
        public var previousLevel: String?
        public var previousDate: Day?
    }

    public struct Skipped: Encodable, Sendable {
        public var client: ClientReference
        public var reason: String
        public var text: String
    }

    public var asOf: Day
    public var period: DayRange?
    public var count: Int
    public var total: Money
    public var actions: [Row]
    public var skipped: [Skipped]
}

/// `reminder.draft`.
public struct DraftData: Encodable, Sendable {
    public var client: ClientReference
    public var level: String
    public var levelLabel: String
    public var channel: String
    public var addressForm: String
    public var tone: String
    public var subject: String?
    public var text: String
    public var invoices: [InvoiceData]
    public var total: Money
    public var interest: Money
    public var indemnity: Money
    public var rate: String?
    public var warnings: [String]
    public var emlFile: String?
}

/// `reminder.sent`.
public struct ReminderSentData: Encodable, Sendable {
    public var client: ClientReference
    public var level: String
    public var channel: String?
    public var date: Day
    public var invoices: [String]
    public var amount: Money
    public var nextLevel: String?
    public var nextDate: Day?
}

extension Assistant {
    /// The planner for a client, from the settings.
    func planner(for client: Client, settings: LedgerSettings) -> DunningPlanner {
        DunningPlanner(sequence: settings.sequence(named: client.sequence), minimumGap: settings.minimumGap)
    }

    // MARK: reminder.due

    /// `reminder.due`: today's dunning run — who, which step, which channel, why; and who is
    /// not dunned, and why. With a period ("cette semaine"), the steps falling due in it too.
    func reminderDue(_ entities: Entities) throws -> Reply {
        let settings = try settings()
        let horizon = entities.period.map { max($0.to, today) } ?? today
        var rows: [ReminderDueData.Row] = []
        var skipped: [ReminderDueData.Skipped] = []
        let levelFilter = entities.level.flatMap(DunningLevel.init(rawValue:))
        let channelFilter = entities.channel.flatMap(Channel.init(rawValue:))
        // One planner per sequence: parsing a sequence's text is not free, and clients share few.
        var planners: [String: DunningPlanner] = [:]
        // Client by client as the ledger is read: only the decisions are kept.
        try database.forEachDunningFacts(today: today, graceDays: settings.graceDays) { fact in
            let key = fact.client.sequence ?? ""
            let planner = planners[key] ?? self.planner(for: fact.client, settings: settings)
            planners[key] = planner
            var decision = planner.decide(fact, today: today)
            var date = today
            if decision.action == nil, horizon > today,
                case .waiting(_, let on)? = decision.skips.last, on <= horizon
            {
                decision = planner.decide(fact, today: on)
                date = on
            }
            let reference = ClientReference(id: fact.client.id, name: fact.client.name)
            for skip in decision.skips {
                if let text = skipText(skip) { skipped.append(.init(client: reference, reason: skipID(skip), text: text)) }
            }
            guard let action = decision.action else { return }
            if let levelFilter, action.level != levelFilter { return }
            if let channelFilter, !action.channels.contains(channelFilter) { return }
            let maxDaysLate = action.invoices.map { $0.daysLate(asOf: today) }.max() ?? 0
            if let minimum = entities.minDaysLate, maxDaysLate < minimum { return }
            rows.append(
                .init(
                    client: reference, level: action.level.rawValue, levelLabel: action.level.frenchLabel,
                    channels: action.channels.map(\.rawValue), amount: action.amount, invoices: action.invoices.map(\.number),
                    maxDaysLate: maxDaysLate, reasons: reasons(of: action, client: fact.client), date: date,
                    previousLevel: action.previous?.level.rawValue, previousDate: action.previous?.day))
        }
        // Soonest first, then the highest step, then the largest amount.
        rows =
            rows.map { row in ((row.date.ordinal, -(DunningLevel(rawValue: row.level)?.rank ?? 0), -row.amount.cents), row) }
            .sorted { $0.0 < $1.0 }.map(\.1)
        // By name, accents and case aside; the keys are folded once (the list can be long).
        skipped = skipped.map { (TextNormalizer.fold($0.client.name), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        let total = rows.reduce(Money.zero) { $0 + $1.amount }
        let data = ReminderDueData(
            asOf: today, period: entities.period, count: rows.count, total: total, actions: rows, skipped: skipped)
        var counts: [String] = []
        for level in DunningLevel.allCases.reversed() {
            let n = rows.filter { $0.level == level.rawValue }.count
            if n > 0 { counts.append("\(n) \(n > 1 ? Self.plural(level) : level.frenchLabel)") }
        }
        let inPeriod = entities.period.map { " d’ici le \($0.to.french)" } ?? " aujourd’hui"
        var prose: String
        if rows.isEmpty {
            prose = "Aucune relance à faire\(inPeriod)."
        } else {
            prose =
                "\(rows.count) relance\(rows.count > 1 ? "s" : "") à faire\(inPeriod), pour \(total.formatted)\u{00A0}: \(counts.joined(separator: ", "))."
        }
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        if !rows.isEmpty {
            let shown = rows.prefix(40)
            var columns: [TextTable.Column] = [
                .init("Client"), .init("Étape"), .init("Canal"), .init("Montant", .right), .init("Pourquoi"),
            ]
            if horizon > today { columns.insert(.init("Date"), at: 0) }
            blocks.append(
                .table(
                    TextTable(
                        columns: columns,
                        rows: shown.map { row in
                            var cells = [
                                row.client.name, row.levelLabel,
                                row.channels.compactMap { Channel(rawValue: $0)?.shortLabel }.joined(separator: " + ").nonEmpty ?? "—",
                                row.amount.formatted, row.reasons.joined(separator: "\u{202F}; "),
                            ]
                            if horizon > today { cells.insert(row.date.frenchShort, at: 0) }
                            return cells
                        })))
            if rows.count > shown.count { blocks.append(.paragraph("… et \(rows.count - shown.count) autres (toutes dans les données).")) }
        }
        if !skipped.isEmpty {
            let lines = skipped.prefix(40).map { "– \($0.client.name)\u{00A0}: \($0.text)" }
            blocks.append(
                .paragraph(
                    "Non relancés\u{00A0}:\n" + lines.joined(separator: "\n")
                        + (skipped.count > 40 ? "\n… et \(skipped.count - 40) autres." : "")))
        }
        if let first = rows.first {
            blocks.append(.paragraph("Pour rédiger la première\u{00A0}: « rédige une relance pour \(first.client.name) »."))
        }
        return Reply(intent: .reminderDue, entities: entities, blocks: blocks, data: data)
    }

    static func plural(_ level: DunningLevel) -> String {
        switch level {
        case .courtesy: return "rappels de courtoisie"
        case .reminder1: return "premières relances"
        case .reminder2: return "deuxièmes relances"
        case .reminder3: return "troisièmes relances"
        case .formalNotice: return "mises en demeure"
        case .escalation: return "suites contentieuses à décider"
        }
    }

    /// Why a step is due, in words; the escalation also says what was already done and what to ask next.
    func reasons(of action: DunningAction, client: Client) -> [String] {
        var texts = action.reasons.map(reasonText)
        if action.level == .escalation {
            if let previous = action.previous { texts.append("\(previous.level.frenchLabel) du \(previous.day.frenchShort) sans effet") }
            texts.append("voir « que faire pour \(client.name) ? »")
        }
        return texts
    }

    func reasonText(_ reason: DunningReason) -> String {
        switch reason {
        case .daysLate(let days): return "\(days) jour\(days > 1 ? "s" : "") de retard"
        case .dueSoon(let days): return days == 0 ? "échéance aujourd’hui" : "échéance dans \(days) jour\(days > 1 ? "s" : "")"
        case .sincePrevious(let day, let level): return "\(level.frenchLabel) le \(day.frenchShort)"
        case .brokenPromise(let due, let amount): return "promesse de \(amount.formatted) du \(due.frenchShort) non tenue"
        case .missedInstallment(let day, let amount): return "échéance de \(amount.formatted) du \(day.frenchShort) impayée"
        case .brokenPlan(let since): return "échéancier rompu le \(since.frenchShort)"
        }
    }

    func skipID(_ skip: DunningSkip) -> String {
        switch skip {
        case .stopped: return "stopped"
        case .insolvent: return "insolvent"
        case .paused: return "paused"
        case .promise: return "promise"
        case .dispute: return "dispute"
        case .plan: return "plan"
        case .waiting: return "waiting"
        case .sequenceDone: return "sequenceDone"
        }
    }

    /// Why a client is not dunned, in words; `nil` when there is nothing worth saying.
    func skipText(_ skip: DunningSkip) -> String? {
        switch skip {
        case .stopped(let reason): return "ne pas relancer (\(reason))"
        case .insolvent(let procedure): return "procédure collective (\(procedure))\u{202F}: déclarer la créance au mandataire"
        case .paused(let until, let reason): return "en pause jusqu’au \(until.french) (\(reason))"
        case .promise(let due, let amount): return "promesse de \(amount.formatted) pour le \(due.french)"
        case .dispute(let since, let invoices):
            return "litige depuis le \(since.french)" + (invoices > 1 ? " (\(invoices) factures)" : "")
        case .plan(let day, let amount):
            if let day, let amount { return "échéancier respecté, prochaine échéance de \(amount.formatted) le \(day.french)" }
            return "échéancier respecté"
        case .waiting: return nil
        case .sequenceDone: return "relances terminées\u{202F}: voir « que faire pour … ? »"
        }
    }

    // MARK: reminder.draft

    /// `reminder.draft`: the text of a reminder (or formal notice) for a client, at its level
    /// and channel, listing its overdue invoices (less those left out), with penalties from
    /// the first firm reminder on; as `.eml` in the outbox when asked.
    func reminderDraft(_ entities: Entities, session: String) throws -> Reply {
        let (client, named) = try clientAndInvoice(entities, for: .reminderDraft)
        let settings = try settings()
        guard let facts = try database.dunningFacts(clientID: client.id!, today: today, graceDays: settings.graceDays).first else {
            throw AssistantError.invalidValue(
                field: "client", reason: "\(client.name) ne doit rien\u{00A0}: il n’y a pas de relance à écrire.")
        }
        let planner = planner(for: client, settings: settings)
        let decision = planner.decide(facts, today: today)
        var warnings: [String] = decision.skips.compactMap { skip in
            switch skip {
            case .waiting, .sequenceDone, .dispute, .plan: return nil
            default: return skipText(skip).map { "Attention\u{00A0}: \(client.name) est à ne pas relancer pour l’instant — \($0)." }
            }
        }
        let lastSent = facts.reminders.last
        var level: DunningLevel
        if let raw = entities.level {
            guard let parsed = DunningLevel(rawValue: raw) else {
                throw AssistantError.invalidValue(
                    field: "level", reason: "Niveau « \(raw) » inconnu (reminder1, reminder2, reminder3, formalNotice).")
            }
            level = parsed
        } else if let action = decision.action {
            level = action.level
        } else if facts.openInvoices.contains(where: { $0.isOverdue(asOf: today) && !$0.disputed }) {
            level = planner.sequence.step(after: lastSent?.level)?.level ?? .formalNotice
        } else {
            level = .courtesy
        }
        if level == .escalation {
            throw AssistantError.invalidValue(
                field: "level",
                reason:
                    "Les relances de \(client.name) sont épuisées (mise en demeure comprise). Demandez « que faire pour \(client.name) ? » pour la suite."
            )
        }
        // The invoices: the one named, else those of today's step, else every overdue one not disputed.
        var invoices: [Invoice]
        if let named {
            guard !named.isSettled else {
                throw AssistantError.invalidValue(
                    field: "invoice", reason: "La facture \(named.number) est soldée\u{00A0}: rien à relancer.")
            }
            invoices = [named]
        } else if let action = decision.action, action.level == level || entities.level != nil, !action.invoices.isEmpty, level != .courtesy
        {
            invoices = action.invoices
        } else if level == .courtesy {
            invoices = facts.openInvoices.filter { !$0.isOverdue(asOf: today) && !$0.disputed }
        } else {
            invoices = facts.openInvoices.filter { $0.isOverdue(asOf: today) && !$0.disputed }
        }
        let excluded = Set((entities.exclude ?? []).map { $0.uppercased() })
        if !excluded.isEmpty {
            let unknown = excluded.filter { number in !invoices.contains { $0.number.uppercased() == number } }
            if !unknown.isEmpty {
                warnings.append(
                    "Non trouvée parmi les factures relancées, donc sans effet\u{00A0}: \(unknown.sorted().joined(separator: ", ")).")
            }
            invoices.removeAll { excluded.contains($0.number.uppercased()) }
        }
        invoices.sort { ($0.dueDay, $0.number) < ($1.dueDay, $1.number) }
        guard !invoices.isEmpty else {
            let why = decision.skips.compactMap(skipText).first.map { " (\($0))" } ?? ""
            throw AssistantError.invalidValue(field: "invoice", reason: "Aucune facture de \(client.name) à relancer\(why).")
        }
        let channel: Channel
        if let raw = entities.channel {
            guard let parsed = Channel(rawValue: raw) else {
                throw AssistantError.invalidValue(
                    field: "channel", reason: "Canal « \(raw) » inconnu (email, letter, registeredLetter, phone, sms).")
            }
            channel = parsed
        } else if level == .formalNotice {
            channel = .registeredLetter
        } else if let action = decision.action, action.level == level, let first = action.channels.first {
            channel = first
        } else {
            channel =
                planner.channels(
                    planner.sequence.step(level) ?? DunningStep(level: level, delay: 0, channels: [.email], tone: .firm), client
                ).first ?? .email
        }
        if level == .formalNotice, channel == .sms || channel == .phone {
            throw AssistantError.invalidValue(
                field: "channel",
                reason:
                    "Une mise en demeure est une lettre datée (recommandé avec accusé de réception de préférence), pas un \(channel == .sms ? "SMS" : "appel")."
            )
        }
        let letter = try composeReminder(
            client: client, level: level, channel: channel, invoices: invoices, facts: facts, settings: settings,
            brokenPromise: decision.action?.reasons.compactMap { reason -> (Day, Money)? in
                if case .brokenPromise(let due, let amount) = reason { return (due, amount) }
                return nil
            }.first)
        warnings += letter.warnings
        var emlPath: String? = nil
        if entities.format == "eml" {
            emlPath = try writeEml(
                client: client, subject: letter.subject ?? "\(level.frenchLabel.capitalizedFirst) — \(client.name)", body: letter.text,
                settings: settings, stem: "\(today.iso)-\(level.rawValue)-\(client.code)")
        }
        drafts[session] = DraftMemo(
            clientID: client.id!, level: level, channel: channel, invoices: invoices.map(\.number), amount: letter.total)
        var entities = entities
        entities.level = level.rawValue
        entities.channel = channel.rawValue
        var summary =
            "\(level.frenchLabel.capitalizedFirst) pour \(client.name), \(channel.frenchLabel), ton \(letter.tone)\u{00A0}: \(invoices.count) facture\(invoices.count > 1 ? "s" : "") pour \(letter.total.formatted)"
        if letter.interest.isPositive || letter.indemnity.isPositive {
            summary += ", plus \(letter.interest.formatted) d’intérêts de retard\(letter.rate.map { " (\($0))" } ?? "")"
            if letter.indemnity.isPositive { summary += " et \(letter.indemnity.formatted) d’indemnités forfaitaires" }
        }
        summary += "."
        if let emlPath { summary += " Courriel écrit dans \(emlPath)." }
        var blocks: [ReplyBlock] = [.paragraph(summary)]
        blocks += warnings.map { .paragraph($0) }
        let body = letter.subject.map { "Objet\u{00A0}: \($0)\n\n\(letter.text)" } ?? letter.text
        blocks.append(.paragraph("———\n" + body + "\n———"))
        blocks.append(.paragraph("Une fois envoyée, dites « c’est envoyé » pour l’enregistrer."))
        let data = DraftData(
            client: ClientReference(id: client.id, name: client.name), level: level.rawValue, levelLabel: level.frenchLabel,
            channel: channel.rawValue, addressForm: client.addressForm.rawValue, tone: letter.tone, subject: letter.subject,
            text: letter.text, invoices: invoices.map { InvoiceData($0, clientName: client.name, asOf: today) }, total: letter.total,
            interest: letter.interest, indemnity: letter.indemnity, rate: letter.rate, warnings: warnings, emlFile: emlPath)
        return Reply(intent: .reminderDraft, entities: entities, blocks: blocks, data: data)
    }

    struct ComposedLetter {
        var subject: String?
        var text: String
        var total: Money
        var interest: Money
        var indemnity: Money
        var rate: String?
        var tone: String
        var warnings: [String]
    }

    /// How a client has paid: a good payer's first slip, a chronic late payer, or neither.
    func payerHistory(_ client: Client, facts: DunningFacts) throws -> (goodPayer: Bool, chronic: Bool) {
        let habits = try database.paymentHabits(clientID: client.id!, today: today)
        let yearAgo = today.adding(days: -365)
        let remindersThisYear = facts.reminders.filter { $0.day >= yearAgo && $0.level != .courtesy }.count
        let brokenPromises = facts.promises.filter { !$0.isKept && $0.dueDay < today }.count
        let chronic = habits.lateShare > 0.5 || habits.averageDaysLate > 20 || remindersThisYear >= 4 || brokenPromises >= 2
        let goodPayer = !chronic && habits.settled >= 2 && habits.lateShare < 0.2 && remindersThisYear <= 1
        return (goodPayer, chronic)
    }

    /// Renders a reminder with the templates of `Prompts/`.
    func composeReminder(
        client: Client, level: DunningLevel, channel: Channel, invoices: [Invoice], facts: DunningFacts, settings: LedgerSettings,
        brokenPromise: (Day, Money)?
    ) throws -> ComposedLetter {
        var warnings: [String] = []
        let history = try payerHistory(client, facts: facts)
        let total = invoices.reduce(Money.zero) { $0 + $1.outstanding }
        // Penalties, for the business client from the first firm reminder on.
        var interest = Money.zero
        var indemnity = Money.zero
        var indemnityCount = 0
        var rateText: String? = nil
        let showPenalties = client.kind.isBusiness && level.mentionsPenalties
        // The rates in force (the user's updates included) and the client's category: ECB + 10
        // points, + 8 for a public buyer.
        let rates = try rateTable()
        let basis = PenaltyBasis.of(client)
        if showPenalties {
            var missing = Set<HalfYear>()
            for (_, computation) in try penalties(of: invoices, client: client, asOf: today, rates: rates) {
                interest = interest + computation.interest
                if computation.indemnity.isPositive {
                    indemnity = indemnity + computation.indemnity
                    indemnityCount += 1
                }
                missing.formUnion(computation.missingHalfYears)
            }
            if let rate = LatePayment.rate(for: basis, in: HalfYear(containing: today), rates: rates) {
                rateText = RateTable.formatPercent(rate)
            }
            if !missing.isEmpty {
                warnings.append(
                    "Taux BCE inconnu pour \(missing.sorted().map(\.french).joined(separator: ", "))\u{00A0}: les intérêts de ces périodes ne sont pas comptés. Mettez la table des taux à jour."
                )
            }
        }
        let sender = senderContext(settings, warnings: &warnings)
        let ecb = rates.ecb[HalfYear(containing: today)]
        let margin = basis == .publicBuyer ? LatePayment.publicBuyerMargin : LatePayment.businessMargin
        var context: [String: Any] = sender
        context.merge(
            [
                "clientName": client.name, "clientAddress": client.address?.replacingOccurrences(of: " / ", with: "\n") ?? "",
                "hasClientAddress": client.address != nil, "tu": client.addressForm == .tu, "vous": client.addressForm == .vous,
                "courtesy": level == .courtesy, "reminder1": level == .reminder1, "reminder2": level == .reminder2,
                "reminder3": level == .reminder3, "formalNotice": level == .formalNotice, "levelLabel": level.frenchLabel,
                "goodPayer": history.goodPayer && level <= .reminder2, "chronic": history.chronic,
                "invoices": invoices.map { invoice -> [String: Any] in
                    [
                        "number": invoice.number, "issueDate": invoice.issueDay.french, "dueDate": invoice.dueDay.french,
                        "amount": invoice.amount.formatted, "outstanding": invoice.outstanding.formatted,
                        "daysLate": invoice.daysLate(asOf: today), "late": invoice.isOverdue(asOf: today),
                        "partiallyPaid": invoice.outstanding < invoice.amount,
                    ]
                },
                "invoiceCount": invoices.count, "manyInvoices": invoices.count > 1, "total": total.formatted,
                "showPenalties": showPenalties || (level == .formalNotice && client.kind.isBusiness),
                "business": client.kind.isBusiness, "consumer": client.kind == .consumer, "rate": rateText ?? "",
                "interest": interest.formatted, "indemnity": indemnity.formatted, "indemnityCount": indemnityCount,
                "penaltyTotal": (interest + indemnity).formatted, "totalWithPenalties": (total + interest + indemnity).formatted,
                "rateNote": ecb.map { "taux de refinancement de la BCE de \(RateTable.formatPercent($0)) majoré de \(margin / 100) points" }
                    ?? "",
                // A registered letter takes a few days to arrive: its deadline counts from then.
                "deadline":
                    (level == .formalNotice
                    ? FrenchCalendar.nextWorkingDay(
                        onOrAfter: FrenchCalendar.nextWorkingDay(onOrAfter: today.adding(days: 3)).adding(days: settings.formalNoticeDays))
                    : today.adding(days: settings.formalNoticeDays)).french, "deadlineDays": settings.formalNoticeDays,
                "hasPrevious": facts.reminders.last != nil, "previousLevel": facts.reminders.last?.level.frenchLabel ?? "",
                "previousDate": facts.reminders.last?.day.french ?? "", "promiseBroken": brokenPromise != nil,
                "promiseDate": brokenPromise?.0.french ?? "", "promiseAmount": brokenPromise?.1.formatted ?? "",
                "todayLong": Self.longDate(today), "today": today.french,
            ], uniquingKeysWith: { _, new in new })
        var subject: String? = nil
        let text: String
        switch channel {
        case .email:
            subject = say("reminder-email-subject", context)
            text = say("reminder-email", context)
            if client.email == nil {
                warnings.append(
                    "Aucune adresse électronique pour \(client.name)\u{00A0}: ajoutez-la (« l’email de \(client.name) est … ») ou choisissez le courrier."
                )
            }
        case .letter, .registeredLetter: text = say("reminder-letter", context)
        case .sms:
            text = say("reminder-sms", context)
            if client.phone == nil { warnings.append("Aucun numéro de téléphone pour \(client.name).") }
        case .phone:
            text = say("reminder-phone", context)
            if client.phone == nil { warnings.append("Aucun numéro de téléphone pour \(client.name).") }
        }
        let tone =
            level == .formalNotice
            ? "formel"
            : level == .courtesy
                ? "cordial"
                : history.chronic
                    ? "ferme" : history.goodPayer && level <= .reminder2 ? "bienveillant" : level >= .reminder2 ? "ferme" : "cordial"
        return ComposedLetter(
            subject: subject, text: text, total: total, interest: interest, indemnity: indemnity, rate: rateText, tone: tone,
            warnings: warnings)
    }

    /// The sender's details from the settings; what is missing becomes a visible placeholder
    /// and a warning (never a "no-reply").
    func senderContext(_ settings: LedgerSettings, warnings: inout [String]) -> [String: Any] {
        var missing: [String] = []
        func value(_ key: String, _ placeholder: String) -> String {
            if let value = settings[key] { return value }
            missing.append(key)
            return placeholder
        }
        let context: [String: Any] = [
            "senderName": value("sender.name", "[votre nom]"), "company": value("sender.company", "[votre entreprise]"),
            "senderAddress": settings["sender.address"]?.replacingOccurrences(of: " / ", with: "\n") ?? "",
            "hasSenderAddress": settings["sender.address"] != nil, "senderEmail": settings["sender.email"] ?? "",
            "hasSenderEmail": settings["sender.email"] != nil, "senderPhone": settings["sender.phone"] ?? "",
            "hasSenderPhone": settings["sender.phone"] != nil, "senderCity": settings["sender.city"] ?? "[ville]",
            "iban": settings["bank.iban"] ?? "", "bic": settings["bank.bic"] ?? "", "hasIban": settings["bank.iban"] != nil,
            "paymentMethods": settings["payment.methods"] ?? "virement ou chèque",
        ]
        if settings["sender.email"] == nil && settings["sender.phone"] == nil { missing.append("sender.email ou sender.phone") }
        if !missing.isEmpty {
            warnings.append(
                "Vos coordonnées sont incomplètes (\(missing.joined(separator: ", ")))\u{00A0}: complétez-les avec « encaisse settings CLÉ VALEUR » avant d’envoyer."
            )
        }
        return context
    }

    /// "22 novembre 2026".
    static func longDate(_ day: Day) -> String {
        "\(day.day == 1 ? "1er" : String(day.day)) \(Day.frenchMonthNames[day.month - 1]) \(day.year)"
    }

    /// Writes an email to the outbox; returns its path.
    func writeEml(client: Client, subject: String, body: String, settings: LedgerSettings, stem: String) throws -> String {
        guard let to = client.email, MailAddress.isValid(to) else {
            throw AssistantError.invalidValue(
                field: "format",
                reason:
                    "Pas de courriel possible\u{00A0}: \(client.name) n’a pas d’adresse électronique valide. Ajoutez-la (« l’email de \(client.name) est … »)."
            )
        }
        guard let from = settings["sender.email"], MailAddress.isValid(from) else {
            throw AssistantError.invalidValue(
                field: "format", reason: "Réglez d’abord votre adresse d’expéditeur\u{00A0}: encaisse settings sender.email vous@exemple.fr"
            )
        }
        let senderName = [settings["sender.name"], settings["sender.company"]].compactMap { $0 }.joined(separator: " — ")
        let message = EmailMessage(
            from: MailAddress(name: senderName.isEmpty ? nil : senderName, address: from),
            to: [MailAddress(name: client.name, address: to)],
            subject: subject, body: body, date: now, timeZone: Day.paris, extraHeaders: [("X-Encaisse-Client", client.name)])
        do {
            let url = try Outbox.write(message, to: outboxDirectory(settings), stem: stem)
            return url.path
        } catch let error as MailError {
            throw AssistantError.invalidValue(field: "format", reason: error.message)
        } catch {
            throw AssistantError.invalidValue(
                field: "format", reason: "Impossible d’écrire le courriel dans la boîte d’envoi\u{00A0}: \(error.localizedDescription)")
        }
    }

    /// The outbox folder: the `outbox` setting, else `$ENCAISSE_OUTBOX`, else `outbox/` in the
    /// user's data directory.
    func outboxDirectory(_ settings: LedgerSettings) -> URL {
        if let path = settings["outbox"] { return URL(fileURLWithPath: (path as NSString).expandingTildeInPath) }
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["ENCAISSE_OUTBOX"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.local/share")
        return URL(fileURLWithPath: data).appendingPathComponent("encaisse/outbox")
    }

    // MARK: reminder.sent

    /// `reminder.sent`: records that a reminder went out (the one just drafted, by default).
    func reminderSent(_ entities: Entities, session: String) throws -> Reply {
        let (client, named) = try clientAndInvoice(entities, for: .reminderSent)
        if let named, named.isSettled {
            throw AssistantError.invalidValue(
                field: "invoice",
                reason:
                    "La facture \(named.number) est soldée\u{00A0}: une relance à son sujet n’a pas lieu d’être. Rien n’a été enregistré.")
        }
        let settings = try settings()
        let facts = try database.dunningFacts(clientID: client.id!, today: today, graceDays: settings.graceDays).first
        guard facts != nil else {
            throw AssistantError.invalidValue(
                field: "client",
                reason: "\(client.name) ne doit rien\u{00A0}: il n’y a pas de relance à enregistrer. Rien n’a été enregistré.")
        }
        let planner = planner(for: client, settings: settings)
        let decision = facts.map { planner.decide($0, today: today) }
        let memo = drafts[session].flatMap { $0.clientID == client.id ? $0 : nil }
        let level: DunningLevel
        if let raw = entities.level {
            guard let parsed = DunningLevel(rawValue: raw) else {
                throw AssistantError.invalidValue(
                    field: "level", reason: "Niveau « \(raw) » inconnu (reminder1, reminder2, reminder3, formalNotice).")
            }
            level = parsed
        } else if let memo {
            level = memo.level
        } else if let action = decision?.action {
            level = action.level
        } else {
            level = planner.sequence.step(after: facts?.reminders.last?.level)?.level ?? .reminder1
        }
        let channel =
            try entities.channel.map { raw -> Channel in
                guard let channel = Channel(rawValue: raw) else {
                    throw AssistantError.invalidValue(field: "channel", reason: "Canal « \(raw) » inconnu.")
                }
                return channel
            } ?? memo?.channel ?? (decision?.action?.level == level ? decision?.action?.channels.first : nil)
            ?? planner.sequence.step(level)?.channels.first
        let day = entities.date ?? today
        guard day <= today else {
            throw AssistantError.invalidValue(
                field: "date", reason: "Une relance envoyée ne peut pas être datée du \(day.french), dans le futur.")
        }
        let overdue = (facts?.openInvoices ?? []).filter { $0.isOverdue(asOf: today) && !$0.disputed }
        var invoices = memo?.invoices ?? decision?.action?.invoices.map(\.number) ?? overdue.map(\.number)
        if let named { invoices = [named.number] }
        let amount = memo?.amount ?? decision?.action?.amount ?? overdue.reduce(.zero) { $0 + $1.outstanding }
        _ = try database.recordReminder(
            clientID: client.id!, day: day, level: level, channel: channel, invoices: invoices, amount: amount, note: entities.note,
            today: today)
        if memo != nil { drafts[session] = nil }
        // What comes next, if nothing is paid.
        var nextLevel: DunningLevel? = nil
        var nextDate: Day? = nil
        if let updated = try database.dunningFacts(clientID: client.id!, today: today, graceDays: settings.graceDays).first {
            for skip in planner.decide(updated, today: today).skips {
                if case .waiting(let next, let on) = skip {
                    nextLevel = next
                    nextDate = on
                }
            }
        }
        var entities = entities
        entities.level = level.rawValue
        entities.channel = channel?.rawValue
        entities.date = day
        let prose = say(
            "reminder-sent",
            [
                "levelCap": level.frenchLabel.capitalizedFirst, "client": client.name, "date": day.french, "hasChannel": channel != nil,
                "channel": channel?.frenchLabel ?? "", "amount": amount.formatted, "hasInvoices": !invoices.isEmpty,
                "invoices": invoices.prefix(10).joined(separator: ", ") + (invoices.count > 10 ? "…" : ""), "hasNext": nextLevel != nil,
                "nextLevel": nextLevel?.frenchLabel ?? "", "nextDate": nextDate?.french ?? "",
            ])
        return Reply(
            intent: .reminderSent, entities: entities, blocks: [.paragraph(prose)],
            data: ReminderSentData(
                client: ClientReference(id: client.id, name: client.name), level: level.rawValue, channel: channel?.rawValue, date: day,
                invoices: invoices, amount: amount, nextLevel: nextLevel?.rawValue, nextDate: nextDate))
    }
}

extension String {
    /// "première relance" → "Première relance".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    var nonEmpty: String? { isEmpty ? nil : self }
}
