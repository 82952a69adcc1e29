import Foundation

/// Where an expected receipt comes from.
public enum FlowKind: String, Hashable, Sendable, Codable, CodingKeyRepresentable, CaseIterable {
    /// An open invoice (its outstanding amount).
    case invoice
    /// An installment of an agreed payment plan.
    case installment
    /// A promise to pay.
    case promise

    /// "facture", "échéance de plan", "promesse".
    public var frenchLabel: String {
        switch self {
        case .invoice: return "facture"
        case .installment: return "échéance de plan"
        case .promise: return "promesse"
        }
    }
}

/// A receipt expected from the ledger, its days and probability computed upstream.
public struct ExpectedFlow: Hashable, Sendable, Codable {
    /// The expected day: the due date shifted by the client's observed delay (or the
    /// installment's or promise's day).
    public let day: Day
    public let amount: Money
    public let kind: FlowKind
    /// The day if the client pays at its best (usually the due date).
    public let optimisticDay: Day
    /// The day if the client pays at its worst.
    public let pessimisticDay: Day
    /// The chance, 0…1, that the money comes in at all (from the client's score or history).
    public let probability: Double

    public init(day: Day, amount: Money, kind: FlowKind, optimisticDay: Day? = nil, pessimisticDay: Day? = nil, probability: Double = 1) {
        self.day = day
        self.amount = amount
        self.kind = kind
        self.optimisticDay = optimisticDay ?? day
        self.pessimisticDay = pessimisticDay ?? day
        self.probability = probability
    }

    /// `amount × probability`, rounded to the cent half away from zero; the probability is
    /// clamped to 0…1 (a non-finite one counts as 0).
    public var pessimisticAmount: Money {
        let p = probability.isFinite ? min(1, max(0, probability)) : 0
        if p == 1 { return amount }
        return Money(cents: Int64((Double(amount.cents) * p).rounded(.toNearestOrAwayFromZero)))
    }
}

/// Bucket size of a forecast.
public enum ForecastGranularity: String, Hashable, Sendable, Codable, CaseIterable {
    /// Monday to Sunday.
    case week
    /// Calendar month.
    case month
}

/// The three figures of a forecast.
public struct ForecastAmounts: Hashable, Sendable, Codable {
    /// Every amount on its expected day.
    public var expected: Money
    /// Every amount on its optimistic day.
    public var optimistic: Money
    /// Every amount × its probability on its pessimistic day.
    public var pessimistic: Money

    public init(expected: Money = .zero, optimistic: Money = .zero, pessimistic: Money = .zero) {
        self.expected = expected
        self.optimistic = optimistic
        self.pessimistic = pessimistic
    }

    public static let zero = ForecastAmounts()

    public static func + (lhs: ForecastAmounts, rhs: ForecastAmounts) -> ForecastAmounts {
        ForecastAmounts(
            expected: lhs.expected + rhs.expected, optimistic: lhs.optimistic + rhs.optimistic,
            pessimistic: lhs.pessimistic + rhs.pessimistic)
    }
}

/// One week or month of the forecast.
public struct ForecastBucket: Hashable, Sendable, Codable {
    /// First day of the bucket within the period (a Monday or a 1st, unless the period starts later).
    public let first: Day
    /// Last day of the bucket within the period (a Sunday or a month's end, unless the period ends sooner).
    public let last: Day
    public let granularity: ForecastGranularity
    public var expected: Money
    public var optimistic: Money
    public var pessimistic: Money
    /// Flows whose expected day falls in the bucket.
    public var flowCount: Int

    public var amounts: ForecastAmounts { ForecastAmounts(expected: expected, optimistic: optimistic, pessimistic: pessimistic) }

    /// The bucket is cut by the period (a week or month not covered in full).
    public var isPartial: Bool {
        switch granularity {
        case .week: return first.weekday != 1 || last.weekday != 7
        case .month: return first != first.firstOfMonth || last != last.lastOfMonth
        }
    }

    /// "semaine du 02/03" (the Monday of the week, even when the period starts later) or
    /// "mars 2026".
    public var frenchLabel: String {
        switch granularity {
        case .week: return "semaine du " + first.adding(days: 1 - first.weekday).frenchShort
        case .month: return "\(Day.frenchMonthNames[first.month - 1]) \(first.year)"
        }
    }
}

/// The cash forecast (`forecast.cash`).
public struct ForecastReport: Hashable, Sendable, Codable {
    public let from: Day
    public let to: Day
    public let granularity: ForecastGranularity
    /// The weeks or months covering `from…to`, in order, empty when `to` is before `from`.
    public let buckets: [ForecastBucket]
    /// The sum of the buckets: what is expected within the period.
    public let total: ForecastAmounts
    /// Expected before `from` but not received: late beyond the client's habits, not counted
    /// in the period ("en retard, à relancer").
    public let overdue: ForecastAmounts
    /// Expected after `to`.
    public let later: ForecastAmounts
    /// Within the period, by kind of flow.
    public let byKind: [FlowKind: ForecastAmounts]

    /// Everything: overdue + period + later. Expected and optimistic are both the sum of all
    /// amounts; pessimistic is the sum of the weighted amounts.
    public var grandTotal: ForecastAmounts { overdue + total + later }
}

/// Expected receipts per week or month (`forecast.cash`).
public enum CashForecast {
    /// Spreads the flows over the weeks or months of `from…to` (both included).
    ///
    /// Rules:
    /// - Three scenarios, each flow placed by its own day in each: expected = the full amount
    ///   on `day`; optimistic = the full amount on `optimisticDay`; pessimistic = amount ×
    ///   probability (rounded to the cent, half away from zero) on `pessimisticDay`. Bucket
    ///   figures are exact sums of those cents, so buckets add up to `total` to the cent.
    /// - Weeks run Monday to Sunday, months are calendar months; the first and last buckets
    ///   are cut at `from` and `to` (`isPartial`).
    /// - A day before `from` goes to `overdue` (expected but not received: the reply should
    ///   say it apart rather than pretend it will arrive in the first bucket); a day after `to`
    ///   goes to `later`. Each scenario is placed on its own, so one flow can be in the period
    ///   when optimistic and `later` when pessimistic.
    /// - Amounts are taken as given (a negative one, a refund, lowers its bucket).
    ///
    /// O(n + buckets).
    public static func build(_ flows: [ExpectedFlow], from: Day, to: Day, granularity: ForecastGranularity) -> ForecastReport {
        // Bucket boundaries.
        var bounds: [(first: Day, last: Day)] = []
        let anchor: Day  // Monday of the first week, or 1st of the first month.
        switch granularity {
        case .week: anchor = from.adding(days: 1 - from.weekday)
        case .month: anchor = from.firstOfMonth
        }
        if from <= to {
            var start = anchor
            while start <= to {
                let end: Day
                switch granularity {
                case .week: end = start.adding(days: 6)
                case .month: end = start.lastOfMonth
                }
                bounds.append((first: max(start, from), last: min(end, to)))
                start = end.adding(days: 1)
            }
        }
        func index(of day: Day) -> Int {
            switch granularity {
            case .week: return (day.ordinal - anchor.ordinal) / 7
            case .month:
                let c = day.components
                return (c.year * 12 + c.month) - (anchor.year * 12 + anchor.month)
            }
        }
        enum Place {
            case before, inside(Int), after
        }
        func place(_ day: Day) -> Place {
            if day < from { return .before }
            if day > to { return .after }
            return .inside(index(of: day))
        }

        var buckets = bounds.map {
            ForecastBucket(
                first: $0.first, last: $0.last, granularity: granularity, expected: .zero, optimistic: .zero, pessimistic: .zero,
                flowCount: 0)
        }
        var overdue = ForecastAmounts.zero
        var later = ForecastAmounts.zero
        var byKind: [FlowKind: ForecastAmounts] = [:]
        for flow in flows {
            switch place(flow.day) {
            case .before: overdue.expected += flow.amount
            case .after: later.expected += flow.amount
            case .inside(let i):
                buckets[i].expected += flow.amount
                buckets[i].flowCount += 1
                byKind[flow.kind, default: .zero].expected += flow.amount
            }
            switch place(flow.optimisticDay) {
            case .before: overdue.optimistic += flow.amount
            case .after: later.optimistic += flow.amount
            case .inside(let i):
                buckets[i].optimistic += flow.amount
                byKind[flow.kind, default: .zero].optimistic += flow.amount
            }
            let weighted = flow.pessimisticAmount
            switch place(flow.pessimisticDay) {
            case .before: overdue.pessimistic += weighted
            case .after: later.pessimistic += weighted
            case .inside(let i):
                buckets[i].pessimistic += weighted
                byKind[flow.kind, default: .zero].pessimistic += weighted
            }
        }
        let total = buckets.reduce(ForecastAmounts.zero) { $0 + $1.amounts }
        return ForecastReport(
            from: from, to: to, granularity: granularity, buckets: buckets, total: total, overdue: overdue, later: later, byKind: byKind)
    }
}
