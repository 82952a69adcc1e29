import Foundation

/// What the risk score of one client is computed from, aggregated upstream over its ledger.
///
/// "Last year" and "the last 12 months" are the 12 months up to the report day.
public struct RiskFeatures: Hashable, Sendable, Codable {
    /// Invoiced over the last 12 months (TTC): the yardstick for the overdue amount.
    public var invoicedLastYear: Money
    /// Lateness of the invoices paid in the last 12 months, weighted by amount, in days
    /// (`PaymentDelay.weightedDaysLate`: early payments count as 0).
    public var weightedDaysLate: Double
    /// Share of the amount paid in the last 12 months more than 5 days after the due date, 0…1
    /// (`PaymentDelay.shareLate` with `toleranceDays: 5`).
    public var shareLate: Double
    /// Open amount past its due date today.
    public var overdue: Money
    /// Everything open today, due or not (shown, not scored: owing is not being late).
    public var outstanding: Money
    /// Days late of the oldest overdue invoice today (0 if none).
    public var maxDaysLate: Int
    /// Promises to pay not kept, last 12 months.
    public var brokenPromises: Int
    /// Payment plans broken, last 12 months.
    public var brokenPlans: Int
    /// Invoices disputed, last 12 months.
    public var disputes: Int
    /// Reminders and formal notices sent, last 12 months.
    public var remindersLastYear: Int
    /// Weighted lateness of the last 3 months minus that of the 9 months before, in days:
    /// positive when the client pays later than it used to (see `trend(recent:earlier:)`).
    public var trend: Double
    /// At least one invoice paid in the last 12 months; without it, lateness, share paid late
    /// and trend mean nothing and are not scored.
    public var hasHistory: Bool

    public init(
        invoicedLastYear: Money = .zero, weightedDaysLate: Double = 0, shareLate: Double = 0, overdue: Money = .zero,
        outstanding: Money = .zero, maxDaysLate: Int = 0, brokenPromises: Int = 0, brokenPlans: Int = 0, disputes: Int = 0,
        remindersLastYear: Int = 0, trend: Double = 0, hasHistory: Bool = true
    ) {
        self.invoicedLastYear = invoicedLastYear
        self.weightedDaysLate = weightedDaysLate
        self.shareLate = shareLate
        self.overdue = overdue
        self.outstanding = outstanding
        self.maxDaysLate = maxDaysLate
        self.brokenPromises = brokenPromises
        self.brokenPlans = brokenPlans
        self.disputes = disputes
        self.remindersLastYear = remindersLastYear
        self.trend = trend
        self.hasHistory = hasHistory
    }

    /// The trend from the payments of the last 3 months (`recent`) and of the 9 months before
    /// (`earlier`): the difference of their weighted lateness, 0 when either is empty.
    public static func trend(recent: PaymentDelay, earlier: PaymentDelay) -> Double {
        guard !recent.isEmpty, !earlier.isEmpty else { return 0 }
        return recent.weightedDaysLate - earlier.weightedDaysLate
    }
}

/// A letter from A (most reliable) to E (riskiest), from the score.
public enum RiskGrade: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"
    case e = "E"

    /// A from 80, B from 65, C from 50, D from 35, E below.
    public static func of(score: Int) -> RiskGrade {
        switch score {
        case 80...: return .a
        case 65..<80: return .b
        case 50..<65: return .c
        case 35..<50: return .d
        default: return .e
        }
    }

    /// The lowest score of the grade.
    public var minimumScore: Int {
        switch self {
        case .a: return 80
        case .b: return 65
        case .c: return 50
        case .d: return 35
        case .e: return 0
        }
    }

    public var letter: Character { Character(rawValue) }

    /// "très fiable", "fiable", "à surveiller", "risqué", "très risqué".
    public var frenchLabel: String {
        switch self {
        case .a: return "très fiable"
        case .b: return "fiable"
        case .c: return "à surveiller"
        case .d: return "risqué"
        case .e: return "très risqué"
        }
    }

    /// A before B: better grades sort first.
    public static func < (lhs: RiskGrade, rhs: RiskGrade) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One reason behind a score: a factor that cost points, or a good point.
public struct RiskReason: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        // Factors that cost points, in the order used to break ties.
        /// `value` = weighted days late.
        case lateness
        /// `value` = share of the amount paid more than 5 days late, 0…1.
        case shareLate
        /// `value` = days late of the oldest overdue invoice; `amount` = the overdue amount.
        case overdue
        /// `value` = number of promises not kept.
        case brokenPromises
        /// `value` = number of broken payment plans.
        case brokenPlans
        /// `value` = number of disputes.
        case disputes
        /// `value` = number of reminders in the year.
        case reminders
        /// `value` = days by which the lateness rose (3 last months against the 9 before).
        case worseningTrend
        // Statements.
        /// No payment in the last 12 months: the score is the neutral one.
        case noHistory
        /// Weighted lateness within 5 days; `value` = the share paid late (0 = always on time).
        case paysOnTime
        /// Nothing overdue today.
        case nothingOverdue
        /// No broken promise or plan, no dispute.
        case noIncidents
        /// `value` = days by which the lateness fell (positive number).
        case improvingTrend

        /// The place of the kind in the declaration: ties between factors of equal points go
        /// to the one declared first.
        var tieRank: Int { Self.ranks[self]! }
        private static let ranks = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
    }

    public let kind: Kind
    /// Points taken off the score by this factor (0 for statements and good points).
    public let points: Double
    /// The figure behind the reason (see each `Kind`).
    public let value: Double
    /// The amount behind the reason (`overdue` only).
    public let amount: Money?

    public init(kind: Kind, points: Double, value: Double, amount: Money? = nil) {
        self.kind = kind
        self.points = points
        self.value = value
        self.amount = amount
    }

    /// True for the good points ("paie toujours à l’heure").
    public var isPositive: Bool {
        switch kind {
        case .paysOnTime, .nothingOverdue, .noIncidents, .improvingTrend: return true
        default: return false
        }
    }

    /// The reason in French, figures rounded to whole days and percents:
    /// "paie en moyenne 34 jours après l’échéance", "41 % des montants payés avec plus de 5
    /// jours de retard", "12 400,00 € en retard, jusqu’à 94 jours", "2 promesses non tenues",
    /// "1 échéancier rompu", "3 litiges", "4 relances sur l’année", "retards en hausse de 12
    /// jours sur 3 mois", "aucun historique de paiement", "paie toujours à l’heure", "paie en
    /// général à l’heure", "aucun retard en cours", "ni promesse non tenue, ni échéancier
    /// rompu, ni litige", "retards en baisse de 8 jours sur 3 mois".
    public var frenchText: String {
        let whole = ReportText.whole(value)
        switch kind {
        case .lateness:
            return "paie en moyenne \(ReportText.count(whole, "jour", "jours")) après l’échéance"
        case .shareLate:
            return "\(ReportText.percent(value * 100)) des montants payés avec plus de \(RiskScore.toleranceDays) jours de retard"
        case .overdue:
            let amountText = (amount ?? .zero).formatted
            return "\(amountText) en retard, jusqu’à \(ReportText.count(whole, "jour", "jours"))"
        case .brokenPromises:
            return whole <= 1 ? "\(whole) promesse non tenue" : "\(whole) promesses non tenues"
        case .brokenPlans:
            return whole <= 1 ? "\(whole) échéancier rompu" : "\(whole) échéanciers rompus"
        case .disputes:
            return ReportText.count(whole, "litige", "litiges")
        case .reminders:
            return ReportText.count(whole, "relance", "relances") + " sur l’année"
        case .worseningTrend:
            return "retards en hausse de \(ReportText.count(whole, "jour", "jours")) sur 3 mois"
        case .noHistory:
            return "aucun historique de paiement"
        case .paysOnTime:
            return value == 0 ? "paie toujours à l’heure" : "paie en général à l’heure"
        case .nothingOverdue:
            return "aucun retard en cours"
        case .noIncidents:
            return "ni promesse non tenue, ni échéancier rompu, ni litige"
        case .improvingTrend:
            return "retards en baisse de \(ReportText.count(whole, "jour", "jours")) sur 3 mois"
        }
    }
}

/// A client's score, grade and the reasons that explain them.
public struct RiskAssessment: Hashable, Sendable, Codable {
    /// 0 (riskiest) to 100 (most reliable).
    public let score: Int
    public let grade: RiskGrade
    /// At most three reasons, the weightiest first (see `RiskScore.assess`).
    public let reasons: [RiskReason]
    /// Every factor that cost points, the weightiest first: the full breakdown.
    public let deductions: [RiskReason]

    public init(score: Int, grade: RiskGrade, reasons: [RiskReason], deductions: [RiskReason]) {
        self.score = score
        self.grade = grade
        self.reasons = reasons
        self.deductions = deductions
    }

    /// "72/100 (B, fiable) : paie en moyenne 34 jours après l’échéance ; 4 relances sur l’année".
    public var frenchText: String {
        let head = "\(score)/100 (\(grade.rawValue), \(grade.frenchLabel))"
        guard !reasons.isEmpty else { return head }
        return head + FrenchTypography.noBreakSpace + ": "
            + reasons.map(\.frenchText).joined(separator: FrenchTypography.narrowNoBreakSpace + "; ")
    }
}

/// The payment-risk score (`risk.score`, `risk.list`): 100 = most reliable, 0 = riskiest.
///
/// A client with a payment history starts from 100; each factor takes off points, each with a
/// cap, and the score is the start minus the sum of the points, rounded half away from zero
/// and kept within 0…100:
///
/// | factor | points taken off | at most |
/// |---|---|---|
/// | weighted lateness `w` (days) | (w − 5) × 0,8 beyond 5 days | 30 |
/// | share of the amount paid > 5 days late `s` | s × 15 | 15 |
/// | overdue today (if any) | oldest days late ÷ 6 (≤ 15) + months of sales overdue × 4 (≤ 10) | 25 |
/// | broken promises | 6 each | 18 |
/// | broken plans | 10 each | 20 |
/// | disputes | 3 each | 9 |
/// | reminders in the year | 2 each beyond the first | 10 |
/// | trend `t` (days) | (t − 3) × 0,5 beyond 3 days | 10 |
///
/// "Months of sales overdue" is overdue ÷ (invoiced last year ÷ 12); with nothing invoiced in
/// the year, any overdue amount costs the full 10 points.
///
/// A client without history (`hasHistory` false) starts from a neutral 60 (grade C): lateness,
/// share paid late and trend are not scored, the current situation (overdue, promises, plans,
/// disputes, reminders) is; its first reason is "aucun historique de paiement".
///
/// Grades: A from 80, B from 65, C from 50, D from 35, E below (`RiskGrade.of(score:)`).
///
/// Reasons: the factors that cost points, the weightiest first (ties in the order of the
/// table), at most three, after "aucun historique de paiement" for a client without history;
/// when fewer than three cost anything, the good points that hold complete the list, in this
/// order: "paie toujours à l’heure" (weighted lateness within 5 days and nothing paid more
/// than 5 days late; "paie en général à l’heure" when the lateness is within 5 days but some
/// was), "aucun retard en cours" (nothing overdue), "ni promesse non tenue, ni échéancier
/// rompu, ni litige", "retards en baisse de N jours sur 3 mois" (trend below −3 days).
///
/// The score is deterministic and monotonic: more lateness, a larger share paid late, more
/// overdue or older overdue, more broken promises or plans, disputes or reminders, or a worse
/// trend never raise it. Non-finite figures count as 0, negative lateness and counts as 0,
/// and the share paid late is kept within 0…1.
public enum RiskScore {
    /// Days after the due date still counted as on time.
    public static let toleranceDays = 5
    /// The score of a client with no history, before its current situation is scored.
    public static let neutralScore = 60

    /// The score alone, as `assess` gives it, without building the reasons: what ranking
    /// 50 000 clients needs (the reasons are built for the clients shown). O(1), no allocation.
    public static func score(_ f: RiskFeatures) -> Int {
        var total = 0.0
        forEachDeduction(f) { _, points, _, _ in total += points }
        return score(base: f.hasHistory ? 100.0 : Double(neutralScore), deducted: total)
    }

    static func score(base: Double, deducted: Double) -> Int {
        min(100, max(0, Int((base - deducted).rounded(.toNearestOrAwayFromZero))))
    }

    /// Calls `body` with each factor that costs points (kind, points, value, amount), in the
    /// order of `RiskReason.Kind`.
    static func forEachDeduction(_ f: RiskFeatures, _ body: (RiskReason.Kind, Double, Double, Money?) -> Void) {
        func finite(_ x: Double) -> Double { x.isFinite ? x : 0 }
        func deduct(_ kind: RiskReason.Kind, _ points: Double, _ value: Double, amount: Money? = nil) {
            if points > 0 { body(kind, points, value, amount) }
        }
        let lateness = max(0, finite(f.weightedDaysLate))
        let shareLate = min(1, max(0, finite(f.shareLate)))
        let trend = finite(f.trend)
        if f.hasHistory {
            deduct(.lateness, min(30, max(0, (lateness - Double(toleranceDays)) * 0.8)), lateness)
            deduct(.shareLate, shareLate * 15, shareLate)
        }
        if f.overdue.isPositive {
            let daysLate = max(0, f.maxDaysLate)
            let agePoints = min(15, Double(daysLate) / 6)
            let amountPoints: Double
            if f.invoicedLastYear.isPositive {
                let monthsOfSales = Double(f.overdue.cents) / (Double(f.invoicedLastYear.cents) / 12)
                amountPoints = min(10, monthsOfSales * 4)
            } else {
                amountPoints = 10
            }
            deduct(.overdue, agePoints + amountPoints, Double(daysLate), amount: f.overdue)
        }
        let promises = max(0, f.brokenPromises)
        let plans = max(0, f.brokenPlans)
        let disputes = max(0, f.disputes)
        let reminders = max(0, f.remindersLastYear)
        deduct(.brokenPromises, min(18, Double(promises) * 6), Double(promises))
        deduct(.brokenPlans, min(20, Double(plans) * 10), Double(plans))
        deduct(.disputes, min(9, Double(disputes) * 3), Double(disputes))
        deduct(.reminders, min(10, Double(max(0, reminders - 1)) * 2), Double(reminders))
        if f.hasHistory {
            deduct(.worseningTrend, min(10, max(0, (trend - 3) * 0.5)), trend)
        }
    }

    /// Scores one client, with its reasons. O(1).
    public static func assess(_ f: RiskFeatures) -> RiskAssessment {
        func finite(_ x: Double) -> Double { x.isFinite ? x : 0 }
        var deductions: [RiskReason] = []
        deductions.reserveCapacity(8)
        forEachDeduction(f) { kind, points, value, amount in
            deductions.append(RiskReason(kind: kind, points: points, value: value, amount: amount))
        }
        let lateness = max(0, finite(f.weightedDaysLate))
        let shareLate = min(1, max(0, finite(f.shareLate)))
        let trend = finite(f.trend)
        let promises = max(0, f.brokenPromises)
        let plans = max(0, f.brokenPlans)
        let disputes = max(0, f.disputes)
        let score = score(base: f.hasHistory ? 100.0 : Double(neutralScore), deducted: deductions.reduce(0) { $0 + $1.points })

        deductions.sort { a, b in a.points != b.points ? a.points > b.points : a.kind.tieRank < b.kind.tieRank }
        var reasons: [RiskReason] = []
        if !f.hasHistory { reasons.append(RiskReason(kind: .noHistory, points: 0, value: 0)) }
        reasons.append(contentsOf: deductions.prefix(3 - reasons.count))
        if reasons.count < 3 {
            var good: [RiskReason] = []
            if f.hasHistory && lateness <= Double(toleranceDays) {
                good.append(RiskReason(kind: .paysOnTime, points: 0, value: shareLate))
            }
            if !f.overdue.isPositive { good.append(RiskReason(kind: .nothingOverdue, points: 0, value: 0)) }
            if promises == 0 && plans == 0 && disputes == 0 { good.append(RiskReason(kind: .noIncidents, points: 0, value: 0)) }
            if f.hasHistory && trend < -3 { good.append(RiskReason(kind: .improvingTrend, points: 0, value: -trend)) }
            reasons.append(contentsOf: good.prefix(3 - reasons.count))
        }
        return RiskAssessment(score: score, grade: .of(score: score), reasons: reasons, deductions: deductions)
    }

    /// Scores many clients and ranks them riskiest first: lower score first, then larger
    /// overdue, then smaller id. O(n log n).
    public static func ranked(_ clients: [(id: Int64, features: RiskFeatures)]) -> [(id: Int64, assessment: RiskAssessment)] {
        let assessments = clients.map { assess($0.features) }
        let scores = assessments.map(\.score)
        let overdue = clients.map(\.features.overdue.cents)
        let ids = clients.map(\.id)
        let order = clients.indices.sorted { i, j in
            if scores[i] != scores[j] { return scores[i] < scores[j] }
            if overdue[i] != overdue[j] { return overdue[i] > overdue[j] }
            return ids[i] < ids[j]
        }
        return order.map { (id: ids[$0], assessment: assessments[$0]) }
    }
}
