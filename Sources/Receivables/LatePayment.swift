import Foundation

/// What late-payment interest an invoice carries, and whether the 40 € indemnity applies.
public enum PenaltyBasis: Sendable, Hashable, Codable {
    /// Between businesses (L441-10 II): ECB rate + 10 points, plus 40 € per invoice.
    case business
    /// A public buyer (State, local authority, hospital, public enterprise): ECB rate + 8 points,
    /// plus 40 €.
    case publicBuyer
    /// The rate set by the contract, in basis points (9 % = 900), plus 40 €. The law forbids a
    /// rate below 3 × the legal interest rate: see `LatePayment.contractFloor(on:rates:)`.
    case contract(basisPoints: Int)
    /// A consumer (Code civil 1231-6): the legal interest rate for a creditor that is not a
    /// private individual, from the day after the formal notice (mise en demeure); no indemnity.
    /// `nil`: no formal notice yet, so no interest.
    case consumer(formalNoticeDay: Day?)

    /// The statutory basis for a client: `.business` or `.consumer(formalNoticeDay:)`.
    public static func standard(for kind: ClientKind, formalNoticeDay: Day? = nil) -> PenaltyBasis {
        switch kind {
        case .business, .transport: return .business
        case .publicBuyer: return .publicBuyer
        case .consumer: return .consumer(formalNoticeDay: formalNoticeDay)
        }
    }

    /// The basis for a given client: its contract's rate when it has one (a business, a
    /// public buyer or a carrier), else the statutory basis of its category. A consumer's
    /// interest always runs at the legal rate from the formal notice.
    public static func of(_ client: Client, formalNoticeDay: Day? = nil) -> PenaltyBasis {
        if client.kind.isBusiness, let rate = client.contractRate { return .contract(basisPoints: rate) }
        return standard(for: client.kind, formalNoticeDay: formalNoticeDay)
    }

    /// Whether the fixed 40 € recovery indemnity (D441-5) is owed on a late invoice.
    public var hasIndemnity: Bool {
        if case .consumer = self { return false }
        return true
    }

    /// "taux BCE + 10 points", "taux BCE + 8 points (acheteur public)",
    /// "taux contractuel de 9,00 %", "taux de l’intérêt légal".
    public var frenchLabel: String {
        switch self {
        case .business: return "taux BCE + 10 points"
        case .publicBuyer: return "taux BCE + 8 points (acheteur public)"
        case .contract(let basisPoints): return "taux contractuel de " + RateTable.formatPercent(basisPoints)
        case .consumer: return "taux de l’intérêt légal"
        }
    }
}

/// A stretch of days over which late interest accrues at one rate on one outstanding amount.
public struct InterestPeriod: Sendable, Hashable, Codable {
    /// First day of interest (inclusive).
    public var from: Day
    /// Last day of interest (inclusive).
    public var to: Day
    /// Number of days, `from` and `to` included.
    public var days: Int
    /// The principal still unpaid during the period.
    public var base: Money
    /// The annual rate in basis points; `nil` when the rate of `halfYear` is not in the table.
    public var rate: Int?
    /// The half-year whose rate applies; a period never straddles two.
    public var halfYear: HalfYear
    /// `base × rate × days / 365`, to the cent, half up; zero when `rate` is `nil`.
    public var interest: Money

    public init(from: Day, to: Day, days: Int, base: Money, rate: Int?, halfYear: HalfYear, interest: Money) {
        self.from = from
        self.to = to
        self.days = days
        self.base = base
        self.rate = rate
        self.halfYear = halfYear
        self.interest = interest
    }
}

/// The late-payment penalties of one invoice on a given day, period by period.
public struct PenaltyComputation: Sendable, Hashable, Codable {
    /// The interest periods, in order; empty when no interest runs.
    public var periods: [InterestPeriod]
    /// The sum of the periods' rounded interest, so that a detailed reply adds up.
    public var interest: Money
    /// The fixed recovery indemnity: 40 € or zero.
    public var indemnity: Money
    /// `interest + indemnity`.
    public var total: Money
    /// Half-years whose rate is missing from the table: their periods count zero interest and
    /// the total is understated. Never empty silently: say so to the user.
    public var missingHalfYears: [HalfYear]
    /// Days between the due day and the day the invoice was fully paid, or `asOf` if it is still
    /// unpaid (0 when it was paid on time or is not yet due). Unlike `Invoice.daysLate(asOf:)`,
    /// a settled invoice keeps the delay it had.
    public var daysLate: Int

    public init(
        periods: [InterestPeriod], interest: Money, indemnity: Money, total: Money, missingHalfYears: [HalfYear],
        daysLate: Int
    ) {
        self.periods = periods
        self.interest = interest
        self.indemnity = indemnity
        self.total = total
        self.missingHalfYears = missingHalfYears
        self.daysLate = daysLate
    }

    /// Whether every rate needed was known, so `total` is the full amount owed.
    public var isComplete: Bool { missingHalfYears.isEmpty }

    /// Nothing owed.
    public static let none = PenaltyComputation(
        periods: [], interest: .zero, indemnity: .zero, total: .zero, missingHalfYears: [], daysLate: 0)
}

/// A payment allocated to an invoice: the day it was received and how much of it went to the invoice.
public struct Settlement: Sendable, Hashable, Codable {
    public var day: Day
    public var amount: Money

    public init(day: Day, amount: Money) {
        self.day = day
        self.amount = amount
    }
}

/// Late-payment interest and indemnity under French law (law-fr.md).
///
/// Everything is exact: amounts in integer cents, rates in basis points, and the interest of a
/// period is `base × rate × days / (365 × 10 000)` computed in 128-bit integers, then rounded to
/// the cent half up. The year always counts 365 days, leap years included: the law states an
/// annual rate and the usual practice (and law-fr.md) divides by 365, so 29 February simply adds
/// one day of interest.
public enum LatePayment {
    /// The fixed recovery indemnity owed per late invoice by a business (D441-5): 40 €.
    public static let recoveryIndemnity = Money(cents: 4_000)
    /// Points added to the ECB rate between businesses: 10 points.
    public static let businessMargin = 1_000
    /// Points added to the ECB rate for a public buyer: 8 points.
    public static let publicBuyerMargin = 800
    /// Days in the year of interest computation, leap years included.
    public static let daysInYear = 365

    /// The penalties of one invoice on `asOf`.
    ///
    /// Interest accrues for each day `d` with `dueDay < d ≤ asOf` (for a consumer, also
    /// `formalNoticeDay < d`) on the principal still unpaid at the start of `d`: a settlement
    /// dated `p` still counts as unpaid on day `p`, so a full payment on due + 30 gives 30 days
    /// of interest, matching "30 jours de retard". Periods are split whenever that principal
    /// or the half-year changes; each period uses its half-year's rate (ECB + 10 points for a
    /// business, + 8 for a public buyer, the contract's rate, or the legal rate for a consumer).
    /// A missing rate gives a zero-interest period listed in `missingHalfYears`.
    ///
    /// The 40 € indemnity is owed (except by a consumer) once the invoice was late at all, and
    /// stays owed after a partial or full payment. An invoice not yet due, paid on time, or with
    /// a non-positive amount owes nothing.
    ///
    /// - Parameters:
    ///   - amount: the invoice's total (TTC).
    ///   - dueDay: the last day to pay without penalty.
    ///   - settlements: the payments allocated to the invoice, in any order, on any day
    ///     (before the due day included); overpayment counts as full payment, and a negative
    ///     settlement (a reversed payment, a bounced cheque) makes the principal due again.
    ///   - asOf: the day of the computation, included.
    ///   - basis: which rate and whether the indemnity applies.
    ///   - rates: the half-yearly rates.
    public static func compute(
        amount: Money, dueDay: Day, settlements: [Settlement], asOf: Day, basis: PenaltyBasis, rates: RateTable
    ) -> PenaltyComputation {
        guard amount.isPositive, dueDay < asOf else { return .none }
        let segments = outstandingSegments(amount: amount, from: dueDay.adding(days: 1), to: asOf, settlements: settlements)
        guard let lastLate = segments.last else { return .none }
        let daysLate = dueDay.days(until: lastLate.to)

        let interestStart: Day?
        switch basis {
        case .business, .publicBuyer, .contract: interestStart = dueDay.adding(days: 1)
        case .consumer(let notice): interestStart = notice.map { Swift.max($0, dueDay).adding(days: 1) }
        }
        var periods: [InterestPeriod] = []
        var missing: [HalfYear] = []
        if let start = interestStart {
            for segment in segments where segment.to >= start {
                let from = Swift.max(segment.from, start)
                let days = from.days(until: segment.to) + 1
                let rate = LatePayment.rate(for: basis, in: segment.halfYear, rates: rates)
                if rate == nil, missing.last != segment.halfYear { missing.append(segment.halfYear) }
                periods.append(
                    InterestPeriod(
                        from: from, to: segment.to, days: days, base: segment.base, rate: rate, halfYear: segment.halfYear,
                        interest: rate.map { LatePayment.interest(base: segment.base, basisPoints: $0, days: days) } ?? .zero))
            }
        }
        let interest = periods.map(\.interest).sum()
        let indemnity = basis.hasIndemnity && daysLate > 0 ? recoveryIndemnity : .zero
        return PenaltyComputation(
            periods: periods, interest: interest, indemnity: indemnity, total: interest + indemnity,
            missingHalfYears: missing, daysLate: daysLate)
    }

    /// The annual rate of `basis` in `halfYear`, in basis points; `nil` when the table lacks the
    /// rate it depends on (a contract rate is always known). For a consumer, the legal rate
    /// whether or not a formal notice was sent.
    public static func rate(for basis: PenaltyBasis, in halfYear: HalfYear, rates: RateTable) -> Int? {
        switch basis {
        case .business: return rates.ecb[halfYear].map { $0 + businessMargin }
        case .publicBuyer: return rates.ecb[halfYear].map { $0 + publicBuyerMargin }
        case .contract(let basisPoints): return basisPoints
        case .consumer: return rates.legalProfessionalCreditor[halfYear]
        }
    }

    /// Interest for one period: `base × basisPoints × days / (365 × 10 000)` cents, rounded to
    /// the cent half up (half away from zero for a negative result).
    ///
    /// Integer arithmetic only: the product is taken in 128 bits, so 10¹² cents at 100 % over
    /// ten years is exact. Traps only if the result itself leaves the `Int64` range.
    /// - Precondition: `days ≥ 0`.
    public static func interest(base: Money, basisPoints: Int, days: Int) -> Money {
        precondition(days >= 0, "a period has a non-negative number of days")
        guard base.cents != 0, basisPoints != 0, days > 0 else { return .zero }
        let negative = (base.cents < 0) != (basisPoints < 0)
        let (factor, factorOverflow) = UInt64(basisPoints.magnitude).multipliedReportingOverflow(by: UInt64(days))
        precondition(!factorOverflow, "rate × days out of range")
        let product = base.cents.magnitude.multipliedFullWidth(by: factor)
        let divisor = UInt64(daysInYear) * 10_000
        precondition(product.high < divisor, "interest out of range")
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        let cents = quotient + (remainder >= divisor - remainder ? 1 : 0)
        precondition(cents <= UInt64(Int64.max), "interest out of range")
        return Money(cents: negative ? -Int64(cents) : Int64(cents))
    }

    /// The legal floor of a contract rate on `day`: 3 × the legal interest rate of its
    /// half-year (creditor other than a private individual), in basis points; `nil` when that
    /// rate is not in the table. A contract rate below it must be flagged.
    public static func contractFloor(on day: Day, rates: RateTable) -> Int? {
        contractFloor(in: HalfYear(containing: day), rates: rates)
    }

    /// The legal floor of a contract rate in `halfYear` (see `contractFloor(on:rates:)`).
    public static func contractFloor(in halfYear: HalfYear, rates: RateTable) -> Int? {
        rates.legalProfessionalCreditor[halfYear].map { 3 * $0 }
    }

    /// The last day of the limitation period (prescription), counted from the due day:
    /// 5 years between traders (Code de commerce L110-4), 2 years for a professional's claim
    /// against a consumer (Code de la consommation L218-2).
    ///
    /// Counted in calendar months: a period starting on 29 February ends on 28 February when
    /// the final year has no 29th (the usual rule for periods in months or years). A formal
    /// notice does not interrupt it; an acknowledgement of debt or a court action does, which
    /// callers account for by passing the day of that event instead.
    public static func limitationDay(dueDay: Day, consumer: Bool) -> Day {
        dueDay.adding(months: consumer ? 24 : 60)
    }

    /// Days from `from` to `to` (both included) on which principal was outstanding, split at
    /// half-year boundaries and at every change of the outstanding amount.
    static func outstandingSegments(amount: Money, from start: Day, to end: Day, settlements: [Settlement])
        -> [(from: Day, to: Day, base: Money, halfYear: HalfYear)]
    {
        let sorted = settlements.sorted { $0.day < $1.day }
        var segments: [(from: Day, to: Day, base: Money, halfYear: HalfYear)] = []
        var index = 0
        var paid = Money.zero  // settled on days before `cursor`
        var cursor = start
        while cursor <= end {
            while index < sorted.count, sorted[index].day < cursor {
                paid += sorted[index].amount
                index += 1
            }
            let halfYear = HalfYear(containing: cursor)
            var segmentEnd = Swift.min(end, halfYear.lastDay)
            // A settlement dated p lowers the principal from p + 1 on.
            if index < sorted.count { segmentEnd = Swift.min(segmentEnd, sorted[index].day) }
            let base = Money.min(amount, amount - paid)
            if base.isPositive {
                if let last = segments.last, last.base == base, last.halfYear == halfYear,
                    last.to.adding(days: 1) == cursor
                {
                    segments[segments.count - 1].to = segmentEnd
                } else {
                    segments.append((cursor, segmentEnd, base, halfYear))
                }
            }
            cursor = segmentEnd.adding(days: 1)
        }
        return segments
    }
}
