import Foundation
import FrenchParsing
import Persistence
import Receivables

/// The last plan proposed in a session: its client, invoices and options.
struct ProposalMemo {
    var clientID: Int64
    var invoices: [Invoice]
    var options: PlanOptions
}

/// A schedule in replies.
public struct ScheduleData: Encodable, Sendable {
    public struct Installment: Encodable, Sendable {
        public var number: Int
        public var date: Day
        public var amount: Money
        public var isDownPayment: Bool
        public var paid: Money?
        public var status: String?
    }

    public var total: Money
    public var frequency: String
    public var count: Int
    public var downPayment: Money?
    public var firstDate: Day
    public var lastDate: Day
    public var installments: [Installment]

    init(_ schedule: PlanSchedule) {
        total = schedule.total
        frequency = schedule.frequency.rawValue
        count = schedule.regularCount
        downPayment = schedule.downPayment
        firstDate = schedule.installments.first?.day ?? schedule.lastDay
        lastDate = schedule.lastDay
        installments = schedule.installments.map {
            .init(number: $0.number, date: $0.day, amount: $0.amount, isDownPayment: $0.isDownPayment, paid: nil, status: nil)
        }
    }
}

/// `plan.propose`.
public struct PlanProposalData: Encodable, Sendable {
    public var client: ClientReference
    public var total: Money
    public var invoices: [String]
    public var options: [ScheduleData]
    public var recommended: Int
    public var advice: String
    public var document: String?
    public var emlFile: String?
}

/// `plan.accept` and `plan.show`.
public struct PlanData: Encodable, Sendable {
    public var id: Int64
    public var client: ClientReference
    public var agreedDate: Day
    public var total: Money
    public var paid: Money
    public var remaining: Money
    public var status: String
    public var statusLabel: String
    public var invoices: [String]
    public var installments: [ScheduleData.Installment]
    public var nextDate: Day?
    public var nextAmount: Money?
}

/// `plan.show` without a client.
public struct PlanListData: Encodable, Sendable {
    public var count: Int
    public var plans: [PlanData]
}

extension Assistant {
    // MARK: plan.propose

    /// `plan.propose`: a payment plan for a client's overdue debt (or the invoices named): the
    /// count, spacing, down payment, cap and start asked, or two or three options judged on
    /// the client's history and the amount when no count is given.
    func planPropose(_ entities: Entities, session: String) throws -> Reply {
        let (client, named) = try clientAndInvoice(entities, for: .planPropose)
        let settings = try settings()
        let (invoices, options) = try buildProposal(client: client, named: named, entities: entities, settings: settings)
        proposals[session] = ProposalMemo(clientID: client.id!, invoices: invoices, options: options)
        let total = options.schedules[0].total
        let reference = ClientReference(id: client.id, name: client.name)
        var blocks: [ReplyBlock] = []
        var document: String? = nil
        var emlPath: String? = nil
        let numbers = invoices.map(\.number)
        let covered = numbers.count <= 6 ? numbers.joined(separator: ", ") : "\(numbers.count) factures"
        if options.schedules.count == 1 {
            let schedule = options.schedules[0]
            blocks.append(.paragraph(say("plan-propose", scheduleContext(schedule, client: client, covered: covered))))
            blocks.append(.table(scheduleTable(schedule)))
            var warnings: [String] = []
            let text = say(
                "plan-document", try documentContext(schedule, client: client, invoices: invoices, settings: settings, warnings: &warnings))
            document = text
            if entities.format == "eml" {
                emlPath = try writeEml(
                    client: client, subject: "Proposition d’échéancier — \(total.formatted)", body: text, settings: settings,
                    stem: "\(today.iso)-echeancier-\(client.code)")
            }
            blocks += warnings.map { .paragraph($0) }
            blocks.append(.paragraph("Le document à faire signer\u{00A0}:\n———\n\(text)\n———"))
            if let emlPath { blocks.append(.paragraph("Courriel écrit dans \(emlPath).")) }
            blocks.append(.paragraph("Quand \(client.name) accepte, dites « \(client.name) accepte » ou « valide l’échéancier »."))
        } else {
            let counts = options.schedules.map { "\($0.regularCount)" }
            blocks.append(
                .paragraph(
                    "Pour \(client.name), \(total.formatted) à étaler (\(covered)), \(options.schedules.count) possibilités\u{00A0}:"))
            blocks.append(
                .table(
                    TextTable(
                        columns: [
                            .init("Option"), .init("Échéances", .right), .init("Montant", .right), .init("Acompte", .right),
                            .init("Première"), .init("Dernière"),
                        ],
                        rows: options.schedules.enumerated().map { index, schedule in
                            let regular = schedule.regularInstallments
                            let amount =
                                regular.count > 1 && regular[0].amount != regular[1].amount
                                ? "\(regular[1].amount.formatted) (1re\u{00A0}: \(regular[0].amount.formatted))"
                                : (regular.first?.amount.formatted ?? "")
                            return [
                                "\(index + 1)\(index == options.recommended ? " (conseillée)" : "")",
                                "\(schedule.regularCount) \(schedule.frequency.frenchPlural)",
                                amount, schedule.downPayment?.formatted ?? "—", schedule.installments.first?.day.french ?? "",
                                schedule.lastDay.french,
                            ]
                        })))
            blocks.append(.paragraph(adviceText(options.advice, client: client)))
            blocks.append(
                .paragraph(
                    "Pour choisir\u{00A0}: \(counts.map { "« en \($0) fois »" }.dropLast().joined(separator: ", ")) ou « en \(counts.last!) fois », puis « \(client.name) accepte »."
                ))
        }
        var entities = entities
        entities.client = reference
        if options.schedules.count == 1 { entities.installments = options.schedules[0].regularCount }
        let data = PlanProposalData(
            client: reference, total: total, invoices: numbers, options: options.schedules.map(ScheduleData.init),
            recommended: options.recommended, advice: options.advice.rawValue, document: document, emlFile: emlPath)
        return Reply(intent: .planPropose, entities: entities, blocks: blocks, data: data)
    }

    /// The invoices a plan covers and its options.
    func buildProposal(client: Client, named: Invoice?, entities: Entities, settings: LedgerSettings) throws -> ([Invoice], PlanOptions) {
        let plans = try database.plans(clientID: client.id!)
        if let running = plans.first(where: {
            let status = $0.progress(asOf: today, graceDays: settings.graceDays).status
            if case .broken = status { return false }
            return status != .completed
        }) {
            throw AssistantError.invalidValue(
                field: "client",
                reason:
                    "\(client.name) a déjà un échéancier en cours (\(running.total.formatted), accepté le \(running.agreedDay.french)). Voyez « où en est l’échéancier de \(client.name) ? »."
            )
        }
        let inKeptPlan = Set<Int64>()
        let open = try database.openInvoices(clientID: client.id!).filter { !$0.disputed && !inKeptPlan.contains($0.id ?? -1) }
        var invoices: [Invoice]
        if let named {
            guard !named.isSettled else {
                throw AssistantError.invalidValue(field: "invoice", reason: "La facture \(named.number) est soldée\u{00A0}: rien à étaler.")
            }
            guard !named.disputed else {
                throw AssistantError.invalidValue(
                    field: "invoice", reason: "La facture \(named.number) est en litige\u{00A0}: réglez d’abord le litige.")
            }
            invoices = [named]
        } else {
            invoices = open.filter { $0.isOverdue(asOf: today) }
            if invoices.isEmpty { invoices = open }
        }
        invoices.sort { ($0.dueDay, $0.number) < ($1.dueDay, $1.number) }
        guard !invoices.isEmpty else {
            throw AssistantError.invalidValue(
                field: "client", reason: "\(client.name) n’a aucune facture à étaler (rien d’ouvert hors litige).")
        }
        var debt = invoices.reduce(Money.zero) { $0 + $1.outstanding }
        if let amount = entities.amount {
            try validate(amount, field: "amount", what: "Le montant à étaler")
            guard amount <= debt else {
                throw AssistantError.invalidValue(
                    field: "amount",
                    reason:
                        "\(client.name) ne doit que \(debt.formatted) sur ces factures\u{00A0}: impossible d’étaler \(amount.formatted).")
            }
            // The oldest invoices first, up to the amount.
            var covered: [Invoice] = []
            var sum = Money.zero
            for invoice in invoices where sum < amount {
                covered.append(invoice)
                sum = sum + invoice.outstanding
            }
            invoices = covered
            debt = amount
        }
        var frequency = PlanFrequency.monthly
        if let raw = entities.frequency {
            guard let parsed = PlanFrequency(rawValue: raw) else {
                throw AssistantError.invalidValue(
                    field: "frequency", reason: "Rythme « \(raw) » inconnu (weekly, biweekly, monthly, quarterly).")
            }
            frequency = parsed
        }
        if let count = entities.installments, !(1...settings.maxInstallments).contains(count) {
            throw AssistantError.invalidValue(
                field: "installments",
                reason: "Un échéancier compte de 1 à \(settings.maxInstallments) échéances (demandé\u{00A0}: \(count)).")
        }
        if let down = entities.downPayment { try validate(down, field: "downPayment", what: "L’acompte") }
        if let cap = entities.maxInstallment { try validate(cap, field: "maxInstallment", what: "Le plafond par échéance") }
        let start = entities.date ?? (entities.downPayment != nil ? today : today.adding(days: 7))
        guard start >= today else {
            throw AssistantError.invalidValue(field: "date", reason: "Un échéancier ne peut pas commencer dans le passé (\(start.french)).")
        }
        let request = PlanRequest(
            debt: debt, installments: entities.installments, frequency: frequency, downPayment: entities.downPayment,
            maxInstallment: entities.maxInstallment, start: start, maxInstallments: settings.maxInstallments)
        do {
            if entities.installments != nil || entities.maxInstallment != nil {
                return (invoices, PlanOptions(schedules: [try PlanCalculator.schedule(request)], recommended: 0, advice: .standard))
            }
            let habits = try database.paymentHabits(clientID: client.id!, today: today)
            let promises = try database.promises(clientID: client.id!)
            let profile = PayerProfile(
                lateShare: habits.lateShare, averageDaysLate: habits.averageDaysLate,
                brokenPlans: plans.filter {
                    if case .broken = $0.progress(asOf: today, graceDays: settings.graceDays).status { return true }
                    return false
                }.count,
                brokenPromises: promises.filter { $0.status(asOf: today) == "broken" }.count, isNewClient: habits.settled == 0)
            return (invoices, try PlanCalculator.options(for: request, profile: profile))
        } catch let error as PlanError {
            throw AssistantError.invalidValue(field: "installments", reason: error.frenchMessage + " Rien n’a été proposé.")
        }
    }

    func adviceText(_ advice: PlanAdvice, client: Client) -> String {
        switch advice {
        case .smallDebt: return "La somme est modeste\u{00A0}: un échéancier court suffit."
        case .standard: return "L’option conseillée équilibre la durée et le montant de chaque échéance."
        case .largeDebt: return "Le montant justifie un étalement plus long\u{202F}; plus il est court, moins le risque est grand."
        case .riskyPayer:
            return "Vu les retards et engagements non tenus de \(client.name), mieux vaut un échéancier court, avec un acompte si possible."
        }
    }

    func scheduleContext(_ schedule: PlanSchedule, client: Client, covered: String) -> [String: Any] {
        let regular = schedule.regularInstallments
        let equal = regular.count < 2 || regular[0].amount == regular[1].amount
        return [
            "client": client.name, "total": schedule.total.formatted, "count": schedule.regularCount,
            "plural": schedule.regularCount > 1 ? schedule.frequency.frenchPlural : schedule.frequency.frenchNoun,
            "amount": (regular.count > 1 ? regular[1].amount : regular.first?.amount ?? .zero).formatted, "equal": equal,
            "firstAmount": regular.first?.amount.formatted ?? "", "hasDownPayment": schedule.downPayment != nil,
            "downPayment": schedule.downPayment?.formatted ?? "", "firstDate": schedule.installments.first?.day.french ?? "",
            "lastDate": schedule.lastDay.french, "covered": covered,
        ]
    }

    func scheduleTable(_ schedule: PlanSchedule, progress: PlanProgress? = nil) -> TextTable {
        var columns: [TextTable.Column] = [.init("N°"), .init("Date"), .init("Montant", .right)]
        if progress != nil { columns += [.init("Payé", .right), .init("Statut")] }
        return TextTable(
            columns: columns,
            rows: schedule.installments.enumerated().map { index, installment in
                var row = [
                    installment.isDownPayment ? "acompte" : "\(installment.number)", installment.day.frenchLong,
                    installment.amount.formatted,
                ]
                if let line = progress?.lines[index] {
                    row += [
                        line.paid.isPositive ? line.paid.formatted : "—",
                        line.status.frenchLabel + (line.paidOn.map { " le \($0.french)" } ?? ""),
                    ]
                }
                return row
            })
    }

    func documentContext(_ schedule: PlanSchedule, client: Client, invoices: [Invoice], settings: LedgerSettings, warnings: inout [String])
        throws -> [String: Any]
    {
        var context = senderContext(settings, warnings: &warnings)
        let regular = schedule.regularInstallments
        context.merge(
            [
                "clientName": client.name, "clientAddress": client.address?.replacingOccurrences(of: " / ", with: "\n") ?? "",
                "hasClientAddress": client.address != nil, "tu": client.addressForm == .tu, "vous": client.addressForm == .vous,
                "total": schedule.total.formatted,
                "invoices": invoices.map { invoice -> [String: Any] in
                    [
                        "number": invoice.number, "issueDate": invoice.issueDay.french, "dueDate": invoice.dueDay.french,
                        "amount": invoice.amount.formatted, "outstanding": invoice.outstanding.formatted,
                        "daysLate": invoice.daysLate(asOf: today), "late": invoice.isOverdue(asOf: today),
                        "partiallyPaid": invoice.outstanding < invoice.amount,
                    ]
                },
                "installments": schedule.installments.map { installment -> [String: Any] in
                    [
                        "number": installment.number, "date": installment.day.french, "amount": installment.amount.formatted,
                        "isDownPayment": installment.isDownPayment,
                    ]
                },
                "count": schedule.regularCount, "frequencyPlural": schedule.frequency.frenchPlural,
                "hasDownPayment": schedule.downPayment != nil, "downPayment": schedule.downPayment?.formatted ?? "",
                "downPaymentDate": schedule.installments.first(where: \.isDownPayment)?.day.french ?? "",
                "firstDate": regular.first?.day.french ?? "", "lastDate": schedule.lastDay.french, "graceDays": settings.graceDays,
                "rate": LatePayment.rate(
                    for: PenaltyBasis.of(client), in: HalfYear(containing: today), rates: try rateTable()
                ).map(
                    RateTable.formatPercent)
                    ?? "",
                "business": client.kind.isBusiness, "consumer": client.kind == .consumer,
                "hasIncentive": settings["plan.incentive"] != nil, "incentive": settings["plan.incentive"] ?? "",
                "todayLong": Self.longDate(today),
            ], uniquingKeysWith: { _, new in new })
        return context
    }

    // MARK: plan.accept

    /// `plan.accept`: the last proposal (or, with a client and a count, a new one) becomes an
    /// agreed plan; its invoices leave the dunning while it is kept.
    func planAccept(_ entities: Entities, session: String) throws -> Reply {
        var memo = proposals[session]
        if let id = entities.client?.id, memo?.clientID != id { memo = nil }
        let settings = try settings()
        if memo == nil {
            guard entities.client != nil else {
                throw AssistantError.invalidValue(
                    field: "client", reason: "Aucun échéancier proposé à valider. Commencez par « propose un échéancier pour … en 4 fois »."
                )
            }
            let client = try requiredClient(entities, for: .planAccept)
            let (invoices, options) = try buildProposal(client: client, named: nil, entities: entities, settings: settings)
            memo = ProposalMemo(clientID: client.id!, invoices: invoices, options: options)
        }
        guard let memo else { throw AssistantError.missingClient(.planAccept) }
        let client = try database.client(id: memo.clientID)
        let schedule: PlanSchedule
        if memo.options.schedules.count == 1 {
            schedule = memo.options.schedules[0]
            if let count = entities.installments, count != schedule.regularCount {
                throw AssistantError.invalidValue(
                    field: "installments",
                    reason:
                        "La proposition faite à \(client.name) est en \(schedule.regularCount) fois, pas en \(count)\u{00A0}: refaites-la (« propose un échéancier pour \(client.name) en \(count) fois »). Rien n’a été enregistré."
                )
            }
        } else if let count = entities.installments, let chosen = memo.options.schedules.first(where: { $0.regularCount == count }) {
            schedule = chosen
        } else {
            let counts = memo.options.schedules.map { "en \($0.regularCount) fois" }
            proposals[session] = memo
            throw AssistantError.invalidValue(
                field: "installments",
                reason:
                    "Quelle option pour \(client.name)\u{202F}? \(counts.joined(separator: ", ")) — par exemple « \(client.name) accepte en \(memo.options.schedules[memo.options.recommended].regularCount) fois »."
            )
        }
        // The debt must not have changed since the proposal.
        let current = try database.openInvoices(clientID: client.id!)
        let coveredNow = memo.invoices.compactMap { invoice in current.first { $0.id == invoice.id } }
        let changed =
            coveredNow.count != memo.invoices.count
            || zip(coveredNow, memo.invoices).contains { $0.outstanding != $1.outstanding || $0.disputed }
        if changed {
            proposals[session] = nil
            throw AssistantError.invalidValue(
                field: "client",
                reason:
                    "Le solde de \(client.name) a changé depuis la proposition\u{00A0}: refaites-la (« propose un échéancier pour \(client.name) »). Rien n’a été enregistré."
            )
        }
        let plan = try database.agreePlan(
            clientID: client.id!, day: today, frequency: schedule.frequency.rawValue,
            installments: schedule.installments, invoices: memo.invoices)
        proposals[session] = nil
        var context = scheduleContext(schedule, client: client, covered: memo.invoices.map(\.number).joined(separator: ", "))
        context["graceDays"] = settings.graceDays
        let prose = say("plan-accept", context)
        var entities = entities
        entities.client = ClientReference(id: client.id, name: client.name)
        entities.installments = schedule.regularCount
        return Reply(
            intent: .planAccept, entities: entities, blocks: [.paragraph(prose), .table(scheduleTable(schedule))],
            data: planData(plan, graceDays: settings.graceDays))
    }

    func planData(_ plan: PlanEntry, graceDays: Int) -> PlanData {
        let progress = plan.progress(asOf: today, graceDays: graceDays)
        return PlanData(
            id: plan.id, client: ClientReference(id: plan.clientID, name: plan.clientName), agreedDate: plan.agreedDay, total: plan.total,
            paid: progress.paid, remaining: progress.remaining, status: progress.status.id, statusLabel: progress.status.frenchLabel,
            invoices: plan.invoices.map(\.number),
            installments: zip(plan.installments, progress.lines).map { installment, line in
                .init(
                    number: installment.number, date: installment.day, amount: installment.amount, isDownPayment: installment.isDownPayment,
                    paid: line.paid, status: line.status.rawValue)
            }, nextDate: progress.next?.day, nextAmount: progress.next.map { $0.amount - $0.paid })
    }

    // MARK: plan.show

    /// `plan.show`: a client's plans with each installment kept, late or missed; without a
    /// client, every running plan.
    func planShow(_ entities: Entities) throws -> Reply {
        let settings = try settings()
        if let reference = entities.client, let id = reference.id {
            let plans = try database.plans(clientID: id)
            guard let plan = plans.first else {
                let prose =
                    "\(reference.name) n’a aucun échéancier. Pour en proposer un\u{00A0}: « propose un échéancier pour \(reference.name) »."
                return Reply(intent: .planShow, entities: entities, blocks: [.paragraph(prose)], data: PlanListData(count: 0, plans: []))
            }
            let progress = plan.progress(asOf: today, graceDays: settings.graceDays)
            let kept = progress.lines.filter { $0.status == .kept || $0.status == .paidLate }.count
            var prose =
                "Échéancier de \(plan.clientName), accepté le \(plan.agreedDay.french)\u{00A0}: \(plan.total.formatted) en \(plan.installments.count) versements, \(progress.paid.formatted) payés (\(kept) échéance\(kept > 1 ? "s" : "") réglée\(kept > 1 ? "s" : "")), reste \(progress.remaining.formatted). Statut\u{00A0}: \(progress.status.frenchLabel)"
            switch progress.status {
            case .late(let day, let amount):
                prose +=
                    " — l’échéance du \(day.french) (\(amount.formatted)) n’est pas payée\u{202F}; l’échéancier sera rompu sans paiement d’ici le \(day.adding(days: settings.graceDays).french)."
            case .broken(let since):
                prose += " depuis le \(since.french)\u{202F}: tout le solde est de nouveau exigible et la relance a repris."
            case .onTrack:
                if let next = progress.next {
                    prose += " — prochaine échéance le \(next.day.french)\u{00A0}: \((next.amount - next.paid).formatted)."
                } else {
                    prose += "."
                }
            case .completed: prose += "."
            }
            let schedule = PlanSchedule(
                frequency: PlanFrequency(rawValue: plan.frequency) ?? .monthly,
                installments: plan.installments)
            var blocks: [ReplyBlock] = [.paragraph(prose), .table(scheduleTable(schedule, progress: progress))]
            if plans.count > 1 {
                blocks.append(
                    .paragraph("\(plans.count - 1) échéancier\(plans.count > 2 ? "s" : "") plus ancien\(plans.count > 2 ? "s" : "")."))
            }
            return Reply(
                intent: .planShow, entities: entities, blocks: blocks,
                data: PlanListData(count: plans.count, plans: plans.map { planData($0, graceDays: settings.graceDays) }))
        }
        let all = try database.plans().map { planData($0, graceDays: settings.graceDays) }
        let running = all.filter { $0.status != "completed" }
        let prose =
            running.isEmpty
            ? "Aucun échéancier en cours."
            : "\(running.count) échéancier\(running.count > 1 ? "s" : "") en cours, \(running.reduce(Money.zero) { $0 + $1.remaining }.formatted) restant à encaisser\u{00A0}:"
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        if !running.isEmpty {
            blocks.append(
                .table(
                    TextTable(
                        columns: [
                            .init("Client"), .init("Total", .right), .init("Payé", .right), .init("Prochaine échéance"), .init("Statut"),
                        ],
                        rows: running.map {
                            [
                                $0.client.name, $0.total.formatted, $0.paid.formatted,
                                $0.nextDate.map { "\($0.french)" } ?? "—", $0.statusLabel,
                            ]
                        })))
        }
        return Reply(intent: .planShow, entities: entities, blocks: blocks, data: PlanListData(count: running.count, plans: running))
    }
}
