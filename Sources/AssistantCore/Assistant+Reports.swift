import Foundation
import FrenchParsing
import Persistence
import Receivables

/// `kpi.dso`.
public struct DSOData: Encodable, Sendable {
    public var client: ClientReference?
    public var asOf: Day
    public var outstanding: Money
    public var countBack: DSOResult
    public var simple: DSOResult?
    public var delay: PaymentDelay
}

/// `risk.score` and `risk.list`.
public struct RiskData: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public var client: ClientReference
        public var score: Int
        public var grade: String
        public var reasons: [String]
        public var overdue: Money
        public var outstanding: Money
    }

    public var count: Int
    public var rows: [Row]
}

extension Assistant {
    /// "█████░░░" bars for the REPL: `share` of `width` cells.
    static func bar(_ share: Double, width: Int = 20) -> String {
        let cells = max(0, min(width, Int((share / 100 * Double(width)).rounded())))
        return String(repeating: "█", count: cells) + String(repeating: "░", count: width - cells)
    }

    static func percent(_ value: Double, decimals: Int = 0) -> String {
        String(format: "%.\(decimals)f", value).replacingOccurrences(of: ".", with: ",") + "\u{00A0}%"
    }

    static func days(_ value: Double) -> String {
        String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") + "\u{00A0}j"
    }

    // MARK: aging.report

    /// `aging.report`: the outstanding by age (not due, 1–30, 31–60, 61–90, over 90 days),
    /// totals with their share and a bar each, then per client.
    func agingReport(_ entities: Entities) throws -> Reply {
        let asOf = entities.date ?? today
        var rows = try database.agingRows(asOf: asOf)
        if let id = entities.client?.id { rows = rows.filter { $0.clientID == id } }
        if let minimum = entities.minAmount { rows = rows.filter { $0.total >= minimum } }
        let report = AgingReport(
            asOf: asOf, lines: rows.map { AgingLine(clientID: $0.clientID, name: $0.name, amounts: $0.amounts) })
        let prose = say(
            "report-aging",
            [
                "scope": entities.client.map { " de \($0.name)" } ?? "", "asOf": asOf.french, "total": report.total.formatted,
                "hasTotal": report.total.isPositive, "overdue": report.overdue.formatted,
                "overdueShare": Self.percent(100 - report.shares[0]), "over90": report.totals[4].formatted,
            ])
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        blocks.append(
            .table(
                TextTable(
                    columns: [.init("Ancienneté"), .init("Montant", .right), .init("Part", .right), .init("")],
                    rows: AgingBucket.allCases.map { bucket in
                        [
                            bucket.frenchLabel, report.totals[bucket.rawValue].formatted, Self.percent(report.shares[bucket.rawValue]),
                            Self.bar(report.shares[bucket.rawValue]),
                        ]
                    })))
        if entities.client == nil, !report.lines.isEmpty {
            let limit = entities.limit ?? 15
            let shown = report.lines.prefix(limit)
            blocks.append(.paragraph(say("report-aging-by-client", ["shown": shown.count, "count": report.lines.count])))
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("Client")] + AgingBucket.allCases.map { .init($0.frenchLabel, .right) } + [.init("Total", .right)],
                        rows: shown.map { line in
                            [line.name] + line.amounts.map { $0.isZero ? "—" : $0.formatted } + [line.total.formatted]
                        })))
        }
        return Reply(intent: .agingReport, entities: entities, blocks: blocks, data: report)
    }

    // MARK: kpi.dso

    /// `kpi.dso`: DSO by the count-back method (the reference) and the simple method over the
    /// last 90 days, overall or for one client, with the average payment delay weighted by amount.
    func kpiDSO(_ entities: Entities) throws -> Reply {
        let asOf = today
        let clientID = entities.client?.id
        let outstanding = try database.outstanding(clientID: clientID, asOf: asOf)
        let months = try database.salesByMonth(clientID: clientID, from: asOf.adding(days: -730).firstOfMonth, to: asOf)
            .map { MonthSales(first: $0.first, last: $0.last, sales: $0.sales) }
        let countBack = DSO.countBack(outstanding: outstanding, months: months)
        let quarterStart = asOf.adding(days: -89)
        let lastQuarterSales = try database.salesByMonth(clientID: clientID, from: quarterStart, to: asOf).reduce(Money.zero) {
            $0 + $1.sales
        }
        let simple = DSO.simpleResult(outstanding: outstanding, sales: lastQuarterSales, days: 90)
        let delay = DSO.weightedDelay(
            try database.paidDelayTotals(clientID: clientID, from: asOf.adding(days: -365), to: asOf),
            toleranceDays: AppDatabase.lateToleranceDays)
        let prose = say(
            "report-dso",
            [
                "scope": entities.client.map { "de \($0.name)" } ?? "de votre portefeuille", "asOf": asOf.french,
                "countBack": countBack.frenchText, "hasSimple": simple != nil, "simple": simple.map { Self.days($0.days) } ?? "",
                "outstanding": outstanding.formatted, "hasDelay": !delay.isEmpty, "paidCount": delay.count,
                "weighted": Self.days(delay.weightedDelay), "average": Self.days(delay.averageDelay),
                "lateShare": Self.percent(delay.shareLate * 100),
            ])
        return Reply(
            intent: .kpiDSO, entities: entities, blocks: [.paragraph(prose)],
            data: DSOData(client: entities.client, asOf: asOf, outstanding: outstanding, countBack: countBack, simple: simple, delay: delay)
        )
    }

    // MARK: risk.score / risk.list

    /// Every client's (or one client's) risk inputs, in client order; with `owingOnly`, the
    /// clients with something open.
    func riskInputs(clientID: Int64? = nil, owingOnly: Bool = false) throws -> [RiskInputRow] {
        let settings = try settings()
        var inputs = try database.riskInputs(asOf: today, graceDays: settings.graceDays, clientID: clientID)
        if owingOnly { inputs.removeAll { !$0.outstanding.isPositive } }
        return inputs
    }

    static func riskFeatures(_ row: RiskInputRow) -> RiskFeatures {
        let delay = row.delay
        var trend = 0.0
        if let recent = delay?.recentWeightedDaysLate, let earlier = delay?.earlierWeightedDaysLate { trend = recent - earlier }
        return RiskFeatures(
            invoicedLastYear: row.invoicedLast12Months, weightedDaysLate: delay?.weightedDaysLate ?? 0, shareLate: delay?.lateShare ?? 0,
            overdue: row.overdue, outstanding: row.outstanding, maxDaysLate: row.maxDaysLate, brokenPromises: row.brokenPromises,
            brokenPlans: row.brokenPlans, disputes: row.disputesLast12Months, remindersLastYear: row.remindersLast12Months, trend: trend,
            hasHistory: (delay?.paidCount ?? 0) > 0)
    }

    func riskRow(_ row: RiskInputRow, _ assessment: RiskAssessment) -> RiskData.Row {
        RiskData.Row(
            client: ClientReference(id: row.clientID, name: row.name), score: assessment.score, grade: String(assessment.grade.letter),
            reasons: assessment.reasons.map(\.frenchText), overdue: row.overdue, outstanding: row.outstanding)
    }

    /// `risk.score`: one client's score (100 = the most reliable) and grade A–E, with the three
    /// reasons that weigh most.
    func riskScore(_ entities: Entities) throws -> Reply {
        let client = try requiredClient(entities, for: .riskScore)
        guard let input = try riskInputs(clientID: client.id).first(where: { $0.clientID == client.id }) else {
            throw AssistantError.invalidValue(field: "client", reason: "Pas de données pour noter \(client.name).")
        }
        let assessment = RiskScore.assess(Self.riskFeatures(input))
        let row = riskRow(input, assessment)
        let prose = say(
            "report-risk-score",
            [
                "name": client.name, "score": row.score, "grade": row.grade, "gradeLabel": assessment.grade.frenchLabel,
                "reasons": row.reasons.joined(separator: "\u{202F}; "),
            ])
        return Reply(intent: .riskScore, entities: entities, blocks: [.paragraph(prose)], data: RiskData(count: 1, rows: [row]))
    }

    /// `risk.list`: clients ranked from the riskiest, with their reasons.
    func riskList(_ entities: Entities) throws -> Reply {
        try validateLimit(entities.limit)
        let inputs = try riskInputs(owingOnly: true)
        var kept = Array(inputs.indices)
        if let minimum = entities.minAmount { kept.removeAll { inputs[$0].overdue < minimum } }
        // Riskiest first: lowest score, then largest overdue, then client order. Every client
        // is scored (on every core), and only those shown get their reasons; the keys are
        // sorted apart from the rows (50 000 rows with their names are costly to move).
        let limit = entities.limit ?? 10
        let scores = inputs.concurrentMap { RiskScore.score(Self.riskFeatures($0)) }
        let overdue = inputs.map(\.overdue.cents)
        kept.sort { a, b in scores[a] != scores[b] ? scores[a] < scores[b] : overdue[a] != overdue[b] ? overdue[a] > overdue[b] : a < b }
        let rows = kept.prefix(limit).map { riskRow(inputs[$0], RiskScore.assess(Self.riskFeatures(inputs[$0]))) }
        let risky = kept.count { RiskGrade.of(score: scores[$0]) >= .d }
        let count = kept.count
        let prose = say("report-risk-list", ["count": count, "risky": risky, "shown": rows.count])
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        if !rows.isEmpty {
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("Client"), .init("Note", .right), .init("Classe"), .init("En retard", .right), .init("Raisons")],
                        rows: rows.map {
                            [
                                $0.client.name, "\($0.score)", $0.grade, $0.overdue.isPositive ? $0.overdue.formatted : "—",
                                $0.reasons.joined(separator: "\u{202F}; "),
                            ]
                        })))
        }
        return Reply(intent: .riskList, entities: entities, blocks: blocks, data: RiskData(count: count, rows: Array(rows)))
    }

    // MARK: risk.concentration

    /// `risk.concentration`: the share of sales (last twelve months, or the period asked) and of
    /// the outstanding held by the largest clients, with a warning above 20 %.
    func riskConcentration(_ entities: Entities) throws -> Reply {
        try validateLimit(entities.limit)
        let period = entities.period ?? DayRange(from: today.adding(days: -364), to: today)
        let shares = try database.clientShares(from: period.from, to: period.to).map {
            ClientShare(clientID: $0.clientID, name: $0.name, sales: $0.sales, outstanding: $0.outstanding)
        }
        let report = Concentration.assess(shares, top: entities.limit ?? 5)
        var blocks: [ReplyBlock] = [
            .paragraph(
                say(
                    "report-concentration",
                    [
                        "from": period.from.french, "to": period.to.french, "salesTop": report.bySales.top.count,
                        "salesShare": Self.percent(report.bySales.topShare), "salesTotal": report.bySales.total.formatted,
                        "outstandingTop": report.byOutstanding.top.count,
                        "outstandingShare": Self.percent(report.byOutstanding.topShare),
                        "outstandingTotal": report.byOutstanding.total.formatted,
                    ]))
        ]
        for view in [report.bySales, report.byOutstanding] where !view.top.isEmpty {
            blocks.append(.paragraph(view.measure == .sales ? "Chiffre d’affaires\u{00A0}:" : "Encours\u{00A0}:"))
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("Client"), .init("Montant", .right), .init("Part", .right), .init("Cumul", .right), .init("")],
                        rows: view.top.map {
                            [
                                $0.name, $0.amount.formatted, Self.percent($0.share, decimals: 1),
                                Self.percent($0.cumulativeShare, decimals: 1), Self.bar($0.share),
                            ]
                        })))
        }
        blocks += report.warnings.map { .paragraph("Attention\u{00A0}: \($0.frenchText)") }
        if report.warnings.isEmpty {
            blocks.append(.paragraph(say("report-concentration-none", ["threshold": Self.percent(report.threshold)])))
        }
        return Reply(intent: .riskConcentration, entities: entities, blocks: blocks, data: report)
    }

    // MARK: forecast.cash

    /// `forecast.cash`: expected receipts per week (periods up to six weeks) or month, from the
    /// open invoices' due dates shifted by each client's observed delay, plan installments and
    /// promises; optimistic (on the due date) and pessimistic (twice the delay, weighted by the
    /// chance of being paid) figures beside the expected one.
    func forecastCash(_ entities: Entities) throws -> Reply {
        let period = entities.period ?? DayRange(from: today, to: today.adding(months: 3).adding(days: -1))
        let from = max(period.from, today)
        let to = max(period.to, from)
        let inputs = try database.forecastInputs(asOf: today)
        let clientFilter = entities.client?.id
        let delays = try database.paymentTendencies(clientID: clientFilter, since: today.adding(days: -365), asOf: today)
        var flows: [ExpectedFlow] = []
        for due in inputs.open where clientFilter == nil || due.clientID == clientFilter {
            let delay = delays[due.clientID]
            let days = max(0, Int((delay?.weightedDelay ?? 0).rounded()))
            let payable = due.outstanding - due.disputed
            guard payable.isPositive else { continue }
            let expected = max(due.dueDay.adding(days: days), today)
            let probability = delay.map { max(0.4, 1 - $0.lateShare * 0.5) } ?? 0.8
            flows.append(
                ExpectedFlow(
                    day: expected, amount: payable, kind: .invoice, optimisticDay: max(due.dueDay, today),
                    pessimisticDay: max(due.dueDay.adding(days: max(15, days * 2)), today), probability: probability))
        }
        for installment in inputs.plans where clientFilter == nil || installment.clientID == clientFilter {
            flows.append(
                ExpectedFlow(
                    day: max(installment.day, today), amount: installment.amount, kind: .installment,
                    pessimisticDay: max(installment.day, today).adding(days: 7), probability: 0.85))
        }
        for promise in inputs.promises where clientFilter == nil || promise.clientID == clientFilter {
            flows.append(
                ExpectedFlow(
                    day: max(promise.dueDay, today), amount: promise.amount, kind: .promise,
                    pessimisticDay: max(promise.dueDay, today).adding(days: 15), probability: 0.6))
        }
        let granularity: ForecastGranularity = from.days(until: to) <= 42 ? .week : .month
        let report = CashForecast.build(flows, from: from, to: to, granularity: granularity)
        let prose = say(
            "report-forecast",
            [
                "scope": entities.client.map { " de \($0.name)" } ?? "", "from": from.french, "to": to.french,
                "expected": report.total.expected.formatted, "pessimistic": report.total.pessimistic.formatted,
                "optimistic": report.total.optimistic.formatted,
            ])
        let peak = report.buckets.map(\.expected.cents).max() ?? 0
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        blocks.append(
            .table(
                TextTable(
                    columns: [
                        .init(granularity == .week ? "Semaine" : "Mois"), .init("Attendu", .right), .init("Bas", .right),
                        .init("Haut", .right), .init(""),
                    ],
                    rows: report.buckets.map {
                        [
                            $0.frenchLabel, $0.expected.formatted, $0.pessimistic.formatted, $0.optimistic.formatted,
                            Self.bar(peak > 0 ? Double($0.expected.cents) * 100 / Double(peak) : 0, width: 16),
                        ]
                    })))
        if report.later.expected.isPositive {
            blocks.append(.paragraph(say("report-forecast-later", ["to": to.french, "later": report.later.expected.formatted])))
        }
        return Reply(intent: .forecastCash, entities: entities, blocks: blocks, data: report)
    }
}
