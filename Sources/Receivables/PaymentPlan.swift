import Foundation

// Payment plans (échéanciers): a debt split into a down payment and equal regular
// installments on working days. `PlanCalculator.schedule` builds one plan from a request;
// `PlanCalculator.options` proposes two or three plans suited to the amount and the payer.

/// How often the regular installments of a plan fall due.
public enum PlanFrequency: String, CaseIterable, Sendable, Codable {
    case weekly, biweekly, monthly, quarterly

    /// The nominal day of period `n` counted from `start`, before any move to a working day.
    ///
    /// Always anchored on `start`, never cumulative: monthly from 31 January gives
    /// 28 (or 29) February, then 31 March, because it is `start.adding(months: n)`.
    public func day(after start: Day, periods n: Int) -> Day {
        switch self {
        case .weekly: start.adding(days: 7 * n)
        case .biweekly: start.adding(days: 14 * n)
        case .monthly: start.adding(months: n)
        case .quarterly: start.adding(months: 3 * n)
        }
    }

    /// One regular installment, as in "1 mensualité": "mensualité", "échéance hebdomadaire"…
    public var frenchNoun: String {
        switch self {
        case .weekly: "échéance hebdomadaire"
        case .biweekly: "échéance par quinzaine"
        case .monthly: "mensualité"
        case .quarterly: "échéance trimestrielle"
        }
    }

    /// Several regular installments, as in "4 mensualités".
    public var frenchPlural: String {
        switch self {
        case .weekly: "échéances hebdomadaires"
        case .biweekly: "échéances par quinzaine"
        case .monthly: "mensualités"
        case .quarterly: "échéances trimestrielles"
        }
    }

    /// The rhythm as an adverbial phrase: "chaque semaine", "toutes les deux semaines"…
    public var frenchAdverb: String {
        switch self {
        case .weekly: "chaque semaine"
        case .biweekly: "toutes les deux semaines"
        case .monthly: "chaque mois"
        case .quarterly: "chaque trimestre"
        }
    }
}

/// One payment of a plan: the down payment (number 0) or a regular installment (1, 2, …).
public struct PlannedInstallment: Hashable, Sendable, Codable {
    /// 0 for the down payment, then 1, 2, … for the regular installments.
    public var number: Int
    /// The due day, always a working day.
    public var day: Day
    /// Always positive.
    public var amount: Money
    public var isDownPayment: Bool

    public init(number: Int, day: Day, amount: Money, isDownPayment: Bool) {
        self.number = number
        self.day = day
        self.amount = amount
        self.isDownPayment = isDownPayment
    }
}

/// A computed payment plan: the dated installments that together pay `total` exactly.
public struct PlanSchedule: Hashable, Sendable, Codable {
    /// The debt covered: the exact sum of the installments' amounts.
    public var total: Money
    public var frequency: PlanFrequency
    /// In date order, the down payment first if there is one.
    public var installments: [PlannedInstallment]
    /// The down payment's amount, if the plan starts with one.
    public var downPayment: Money?
    /// The number of installments, the down payment excluded.
    public var regularCount: Int
    /// The day of the last installment.
    public var lastDay: Day

    /// A schedule from its installments (at least one), deriving the total, down payment,
    /// regular count and last day from them.
    public init(frequency: PlanFrequency, installments: [PlannedInstallment]) {
        precondition(!installments.isEmpty, "a payment plan has at least one installment")
        self.frequency = frequency
        self.installments = installments
        total = installments.map(\.amount).sum()
        downPayment = installments.first(where: \.isDownPayment)?.amount
        regularCount = installments.count(where: { !$0.isDownPayment })
        lastDay = installments.map(\.day).max()!
    }

    /// The regular installments, the down payment excluded.
    public var regularInstallments: [PlannedInstallment] { installments.filter { !$0.isDownPayment } }
}

/// What the user asks for: a debt to spread, and the constraints the plan must meet.
public struct PlanRequest: Sendable, Hashable {
    /// The amount to spread, down payment included.
    public var debt: Money
    /// The number of regular installments; `nil` lets the calculator choose (from the cap in
    /// `schedule`, or two or three options in `options`).
    public var installments: Int?
    public var frequency: PlanFrequency
    /// Paid on `start`; must be positive and below the debt.
    public var downPayment: Money?
    /// The most a regular installment may be.
    public var maxInstallment: Money?
    /// The day of the down payment if any, else of the first regular installment (each
    /// moved to the next working day).
    public var start: Day
    /// The longest plan allowed, in regular installments (a setting upstream).
    public var maxInstallments: Int

    public init(
        debt: Money, installments: Int? = nil, frequency: PlanFrequency = .monthly, downPayment: Money? = nil,
        maxInstallment: Money? = nil, start: Day, maxInstallments: Int = 36
    ) {
        self.debt = debt
        self.installments = installments
        self.frequency = frequency
        self.downPayment = downPayment
        self.maxInstallment = maxInstallment
        self.start = start
        self.maxInstallments = maxInstallments
    }

    /// The part of the debt left for the regular installments.
    public var remaining: Money { debt - (downPayment ?? .zero) }
}

/// Why a payment plan cannot be built as asked; `frenchMessage` tells the user what to change.
public enum PlanError: Error, Equatable, Sendable {
    /// The debt is zero or negative.
    case nonPositiveDebt
    /// Fewer than one installment, or more installments than there are cents to spread.
    case invalidCount(Int)
    /// The down payment is not strictly between zero and the debt.
    case downPaymentNotBelowDebt(downPayment: Money, debt: Money)
    /// The requested count would put more than `cap` on an installment; `minimumCount` is the
    /// smallest count that keeps within it.
    case capTooLow(cap: Money, minimumCount: Int)
    /// The plan would need more installments than the configured maximum.
    case tooManyInstallments(count: Int, maximum: Int)
    /// The cap per installment is zero or negative.
    case nonPositiveCap

    /// A French sentence the user can act on.
    public var frenchMessage: String {
        let colon = FrenchTypography.noBreakSpace + ":"
        switch self {
        case .nonPositiveDebt:
            return "Le montant à échelonner doit être supérieur à zéro."
        case .invalidCount(let count) where count < 1:
            return "Un échéancier compte au moins une échéance (demandé\(colon) \(count))."
        case .invalidCount(let count):
            return "Impossible de répartir la somme en \(count) échéances d’au moins 0,01\(FrenchTypography.noBreakSpace)€"
                + "\(FrenchTypography.narrowNoBreakSpace); demandez moins d’échéances."
        case .downPaymentNotBelowDebt(let downPayment, let debt) where downPayment.cents <= 0:
            return "L’acompte doit être supérieur à zéro (demandé\(colon) \(downPayment.formatted) pour une dette de \(debt.formatted))."
        case .downPaymentNotBelowDebt(let downPayment, let debt):
            return "L’acompte (\(downPayment.formatted)) doit être inférieur à la dette (\(debt.formatted))."
        case .capTooLow(let cap, let minimumCount):
            return "Avec au plus \(cap.formatted) par échéance, il faut au moins \(minimumCount) échéances."
        case .tooManyInstallments(let count, let maximum):
            return "Il faudrait \(count) échéances, au-delà du maximum de \(maximum) fixé dans les réglages."
        case .nonPositiveCap:
            return "Le plafond par échéance doit être supérieur à zéro."
        }
    }
}

extension PlanError: LocalizedError {
    public var errorDescription: String? { frenchMessage }
}

/// What is known of the payer's habits, used to choose which plans to propose.
public struct PayerProfile: Sendable, Hashable {
    /// Share of past invoices paid late, from 0 to 1.
    public var lateShare: Double
    /// Average days late of the invoices paid late.
    public var averageDaysLate: Int
    /// Payment plans the payer did not keep.
    public var brokenPlans: Int
    /// Payment promises the payer did not keep.
    public var brokenPromises: Int
    /// No history yet: the calculator then recommends the shortest plan.
    public var isNewClient: Bool

    /// The defaults describe a good payer with a history.
    public init(
        lateShare: Double = 0, averageDaysLate: Int = 0, brokenPlans: Int = 0, brokenPromises: Int = 0, isNewClient: Bool = false
    ) {
        self.lateShare = lateShare
        self.averageDaysLate = averageDaysLate
        self.brokenPlans = brokenPlans
        self.brokenPromises = brokenPromises
        self.isNewClient = isNewClient
    }

    /// More than half the invoices paid late, a broken plan, or more than one broken promise.
    public var isRisky: Bool { lateShare > 0.5 || brokenPlans > 0 || brokenPromises > 1 }
}

/// Why `PlanCalculator.options` proposed the plans it did; upstream words it in French.
public enum PlanAdvice: String, Sendable, Codable {
    /// Less than 1 000 € to spread: short plans.
    case smallDebt
    /// 1 000 € to 5 000 € to spread.
    case standard
    /// 5 000 € or more to spread: longer plans are offered.
    case largeDebt
    /// The payer's history calls for short plans, whatever the amount.
    case riskyPayer
}

/// The plans proposed for one request, in increasing number of installments.
public struct PlanOptions: Sendable, Hashable {
    /// One to three plans, shortest first (one only when the debt is too small to split or a
    /// count was requested).
    public var schedules: [PlanSchedule]
    /// Index in `schedules` of the plan to put forward.
    public var recommended: Int
    public var advice: PlanAdvice

    public init(schedules: [PlanSchedule], recommended: Int, advice: PlanAdvice) {
        self.schedules = schedules
        self.recommended = recommended
        self.advice = advice
    }
}

/// Builds payment plans.
///
/// Rules of a schedule:
/// - the down payment, if any, falls on `start`; the remaining debt is split into `n` regular
///   installments of `remaining / n` cents, the leftover cents (`remaining % n`) going on the
///   first one, so that every other installment is equal and the sum is the debt exactly;
/// - regular installment `k` (from 1) falls on `frequency.day(after: start, periods:)` with
///   `k − 1` periods, or `k` when there is a down payment;
/// - every date is then moved to the next working day (`FrenchCalendar`), which keeps the dates
///   strictly increasing: no run of non-working days is as long as a week.
public enum PlanCalculator {
    /// Smallest regular installment `options` proposes: 50 €.
    public static let minimumProposedInstallment = Money(euros: 50)

    /// The plan described by `request`.
    ///
    /// The number of regular installments is `request.installments`; if it is `nil`, the
    /// smallest count that keeps every installment (the first one with its leftover cents
    /// included) within `maxInstallment`; with neither, the plan `options` recommends for a
    /// good payer.
    public static func schedule(_ request: PlanRequest) throws(PlanError) -> PlanSchedule {
        let remaining = try validate(request)
        let count: Int
        if let requested = request.installments {
            guard requested >= 1 else { throw .invalidCount(requested) }
            guard requested <= request.maxInstallments else {
                throw .tooManyInstallments(count: requested, maximum: request.maxInstallments)
            }
            guard Int64(requested) <= remaining.cents else { throw .invalidCount(requested) }
            if let cap = request.maxInstallment, !fits(remaining: remaining, count: requested, cap: cap) {
                throw .capTooLow(cap: cap, minimumCount: minimumCount(remaining: remaining, cap: cap))
            }
            count = requested
        } else if let cap = request.maxInstallment {
            count = minimumCount(remaining: remaining, cap: cap)
            guard count <= request.maxInstallments else {
                throw .tooManyInstallments(count: count, maximum: request.maxInstallments)
            }
        } else {
            let options = try options(for: request, profile: PayerProfile())
            return options.schedules[options.recommended]
        }
        return build(request, remaining: remaining, count: count)
    }

    /// Two or three plans suited to the amount and the payer, or the one plan asked for when
    /// `request.installments` is set.
    ///
    /// Counts of regular installments, from the remaining debt (after the down payment):
    /// - less than 1 000 € → 2, 3, 4 (`.smallDebt`); less than 5 000 € → 3, 4, 6 (`.standard`);
    ///   otherwise 3, 6, 10 (`.largeDebt`);
    /// - a risky payer (`PayerProfile.isRisky`) gets no plan longer than 6: 2, 3, 4 below
    ///   1 000 €, else 3, 4, 6 (`.riskyPayer`);
    /// - a count below the minimum that `maxInstallment` imposes is replaced by that minimum;
    ///   counts above `maxInstallments` are dropped, and so are counts that would make a regular
    ///   installment smaller than 50 € (`minimumProposedInstallment`);
    /// - if nothing is left: 2 installments if the debt allows two of 50 €, else a single one
    ///   (raised to the cap's minimum if need be);
    /// - duplicates are removed and the plans sorted shortest first.
    ///
    /// The recommended plan is the middle one (the shorter middle one of two) for a good payer,
    /// the shortest for a risky payer or a new client.
    ///
    /// Throws what `schedule` would throw for an invalid debt, down payment or cap, and
    /// `tooManyInstallments` when the cap needs more installments than `maxInstallments`.
    public static func options(for request: PlanRequest, profile: PayerProfile) throws(PlanError) -> PlanOptions {
        let remaining = try validate(request)
        let advice: PlanAdvice
        var counts: [Int]
        switch remaining.cents {
        case ..<100_000: (advice, counts) = (.smallDebt, [2, 3, 4])
        case ..<500_000: (advice, counts) = (.standard, [3, 4, 6])
        default: (advice, counts) = (.largeDebt, [3, 6, 10])
        }
        let risky = profile.isRisky
        if risky { counts = remaining.cents < 100_000 ? [2, 3, 4] : [3, 4, 6] }
        let finalAdvice = risky ? PlanAdvice.riskyPayer : advice

        if request.installments != nil {
            return PlanOptions(schedules: [try schedule(request)], recommended: 0, advice: finalAdvice)
        }

        let cap = request.maxInstallment
        let minimum = cap.map { minimumCount(remaining: remaining, cap: $0) } ?? 1
        guard minimum <= request.maxInstallments else {
            throw .tooManyInstallments(count: minimum, maximum: request.maxInstallments)
        }
        let floor = minimumProposedInstallment.cents
        var chosen = counts.map { max($0, minimum) }
            .filter { count in
                count <= request.maxInstallments && remaining.cents / Int64(count) >= floor
                    && cap.map { fits(remaining: remaining, count: count, cap: $0) } ?? true
            }
        if chosen.isEmpty {
            let fallback = remaining.cents >= 2 * floor ? 2 : 1
            chosen = [min(max(fallback, minimum), request.maxInstallments)]
        }
        chosen = Array(Set(chosen)).sorted()

        let schedules = chosen.map { build(request, remaining: remaining, count: $0) }
        let recommended = risky || profile.isNewClient ? 0 : (schedules.count - 1) / 2
        return PlanOptions(schedules: schedules, recommended: recommended, advice: finalAdvice)
    }

    /// Checks the debt, down payment and cap, and returns the amount left for the regular
    /// installments.
    private static func validate(_ request: PlanRequest) throws(PlanError) -> Money {
        guard request.debt.isPositive else { throw .nonPositiveDebt }
        if let downPayment = request.downPayment, !downPayment.isPositive || downPayment >= request.debt {
            throw .downPaymentNotBelowDebt(downPayment: downPayment, debt: request.debt)
        }
        if let cap = request.maxInstallment, !cap.isPositive { throw .nonPositiveCap }
        return request.remaining
    }

    /// The smallest count whose first installment (with the leftover cents) stays within `cap`.
    ///
    /// At least ⌈remaining / cap⌉, and more when the leftover cents push the first installment
    /// over the cap (1 000,01 € capped at 333,34 € needs 4 installments, not 3). Walks the
    /// counts by blocks of equal quotient, so a cap of a few cents on a large debt stays fast.
    static func minimumCount(remaining: Money, cap: Money) -> Int {
        let r = remaining.cents
        let c = cap.cents
        guard r > c else { return 1 }
        var n = r / c + (r % c == 0 ? 0 : 1)
        while true {
            let q = r / n  // ≥ 1, since n ≤ r
            let last = r / q  // the largest count with the same quotient
            // first(n) = r − (n − 1)·q, which is ≤ c from n = ⌈(r − c) / q⌉ + 1 on.
            let needed = (r - c + q - 1) / q + 1
            if needed <= last { return Int(max(n, needed)) }
            n = last + 1
        }
    }

    /// Whether `count` installments keep the first one, the largest, within `cap`.
    ///
    /// Not monotonic in `count` for sums of a few euros (1,00 € capped at 0,10 € fits in 10 or
    /// 11 installments but not in 12, whose first is 0,12 €), hence a check per count.
    static func fits(remaining: Money, count: Int, cap: Money) -> Bool {
        let n = Int64(count)
        return remaining.cents / n + remaining.cents % n <= cap.cents
    }

    /// The dated installments of a validated request with `count` regular installments.
    private static func build(_ request: PlanRequest, remaining: Money, count: Int) -> PlanSchedule {
        var installments: [PlannedInstallment] = []
        if let downPayment = request.downPayment {
            installments.append(
                PlannedInstallment(
                    number: 0, day: FrenchCalendar.nextWorkingDay(onOrAfter: request.start), amount: downPayment,
                    isDownPayment: true))
        }
        let offset = request.downPayment == nil ? -1 : 0
        let share = remaining.cents / Int64(count)
        let leftover = remaining.cents % Int64(count)
        for k in 1...count {
            let nominal = request.frequency.day(after: request.start, periods: k + offset)
            installments.append(
                PlannedInstallment(
                    number: k, day: FrenchCalendar.nextWorkingDay(onOrAfter: nominal),
                    amount: Money(cents: k == 1 ? share + leftover : share), isDownPayment: false))
        }
        return PlanSchedule(frequency: request.frequency, installments: installments)
    }
}
