import Foundation

/// The sales of one period for the count-back DSO: usually a calendar month, the most recent
/// one cut at the report day.
public struct MonthSales: Hashable, Sendable, Codable {
    /// First day of the period, included.
    public let first: Day
    /// Last day of the period, included.
    public let last: Day
    /// Sales invoiced in the period (TTC, like the receivables they become).
    public let sales: Money

    public init(first: Day, last: Day, sales: Money) {
        self.first = first
        self.last = last
        self.sales = sales
    }

    /// Days in the period, both ends included (0 if `last` is before `first`).
    public var days: Int { max(0, first.days(until: last) + 1) }
}

/// Which formula gave a DSO figure; the reply must always say it.
public enum DSOMethod: String, Hashable, Sendable, Codable {
    /// Count-back (méthode par épuisement du chiffre d'affaires): see `DSO.countBack`.
    case countBack
    /// Simple (encours ÷ chiffre d'affaires × jours): see `DSO.simple`.
    case simple

    /// "méthode par épuisement du chiffre d’affaires", "méthode simple (encours ÷ CA × jours)".
    public var frenchLabel: String {
        switch self {
        case .countBack: return "méthode par épuisement du chiffre d’affaires"
        case .simple: return "méthode simple (encours ÷ CA × jours)"
        }
    }
}

/// A DSO (délai moyen de recouvrement, in days) and how it was obtained.
public struct DSOResult: Hashable, Sendable, Codable {
    /// The DSO in days. When `exhausted` is true this is a lower bound: the days of all the
    /// history given.
    public let days: Double
    /// Periods consumed by the count-back, the last one possibly in part (0 for the simple method).
    public let monthsUsed: Int
    /// The sales history ran out before the outstanding was exhausted.
    public let exhausted: Bool
    public let method: DSOMethod

    public init(days: Double, monthsUsed: Int, exhausted: Bool, method: DSOMethod) {
        self.days = days
        self.monthsUsed = monthsUsed
        self.exhausted = exhausted
        self.method = method
    }

    /// "54,8 jours (méthode par épuisement du chiffre d’affaires, sur 2 mois)", or for an
    /// exhausted history "plus de 92,0 jours (…, historique de 3 mois épuisé)".
    public var frenchText: String {
        let figure = ReportText.decimal(days, places: 1) + " jours"
        switch method {
        case .simple:
            return "\(figure) (\(method.frenchLabel))"
        case .countBack:
            if exhausted {
                return "plus de \(figure) (\(method.frenchLabel), historique de \(monthsUsed) mois épuisé)"
            }
            return "\(figure) (\(method.frenchLabel), sur \(monthsUsed) mois)"
        }
    }
}

/// A paid invoice, for the average payment delay.
public struct PaidInvoice: Hashable, Sendable, Codable {
    public let amount: Money
    public let dueDay: Day
    /// The day the invoice was settled (the last payment that completed it).
    public let paidDay: Day

    public init(amount: Money, dueDay: Day, paidDay: Day) {
        self.amount = amount
        self.dueDay = dueDay
        self.paidDay = paidDay
    }

    /// Days between the due date and the payment: negative when paid early, 0 on the due date.
    public var delay: Int { dueDay.days(until: paidDay) }
}

/// How late a set of invoices was paid: plain averages and averages weighted by amount.
///
/// The delay of an invoice is its paid day minus its due day (negative if paid early). Its
/// lateness is the delay counted only when positive (an early payment counts as 0 day late,
/// not as a credit of days that would hide other clients' lateness).
public struct PaymentDelay: Hashable, Sendable, Codable {
    /// Invoices taken into account (those with a positive amount).
    public let count: Int
    /// Their total amount.
    public let amount: Money
    /// Mean of the delays, each invoice counting once, early payments negative.
    public let averageDelay: Double
    /// Mean of the delays weighted by amount (Σ amount × delay ÷ Σ amount).
    public let weightedDelay: Double
    /// Mean of the lateness (delays below 0 counted as 0), each invoice counting once.
    public let averageDaysLate: Double
    /// Mean of the lateness weighted by amount: the figure the risk score uses.
    public let weightedDaysLate: Double
    /// Share of the amount paid more than `toleranceDays` after the due date, 0…1.
    public let shareLate: Double
    /// Share of the invoices paid more than `toleranceDays` after the due date, 0…1.
    public let shareLateByCount: Double
    /// Days of delay still regarded as on time when computing the shares.
    public let toleranceDays: Int

    /// Nothing was paid: every figure is 0.
    public var isEmpty: Bool { count == 0 }

    /// The weighted delay in words, rounded to whole days: "paie en moyenne 24 jours après
    /// l’échéance", "… 3 jours avant l’échéance", "paie en moyenne à l’échéance" (under half a
    /// day either way), or "aucune facture payée".
    public var frenchText: String {
        if isEmpty { return "aucune facture payée" }
        let days = ReportText.whole(weightedDelay)
        if days == 0 { return "paie en moyenne à l’échéance" }
        if days < 0 { return "paie en moyenne \(ReportText.count(-days, "jour", "jours")) avant l’échéance" }
        return "paie en moyenne \(ReportText.count(days, "jour", "jours")) après l’échéance"
    }
}

/// Days sales outstanding (DSO) and payment delays (`kpi.dso`), overall or for one client: the
/// caller gives the aggregates of the ledger or of the client.
public enum DSO {
    /// DSO by the count-back method (méthode par épuisement du chiffre d'affaires).
    ///
    /// `months` are the sales periods, MOST RECENT FIRST; the first one is normally the current
    /// month cut at the report day (1st of the month … report day, see `periods(asOf:count:)`).
    /// Starting from the outstanding, each period's sales are subtracted in turn, counting all
    /// the period's days, as long as the remainder exceeds that period's sales; the first
    /// period whose sales reach the remainder adds only its proportional part (remainder ÷
    /// sales × days of the period: all of them when equal), and the count stops there.
    ///
    /// Example: outstanding 50 000 €, November 30 000 € (30 d), October 25 000 € (31 d):
    /// 50 000 − 30 000 = 20 000 → 30 days, then 20 000 ÷ 25 000 × 31 = 24,8 → 54,8 days, 2 months.
    ///
    /// A period with no sales (or net negative sales, after credit notes) is counted in full,
    /// since nothing of it can absorb the remainder. An outstanding of zero or less gives 0
    /// days. When the history runs out before the outstanding does, `exhausted` is set and
    /// `days` is the length of the whole history: the true DSO is longer.
    public static func countBack(outstanding: Money, months: [MonthSales]) -> DSOResult {
        guard outstanding.isPositive else { return DSOResult(days: 0, monthsUsed: 0, exhausted: false, method: .countBack) }
        var remaining = outstanding
        var days = 0.0
        var used = 0
        for month in months {
            used += 1
            let sales = Money.max(.zero, month.sales)
            if remaining > sales {
                // Covers the whole period (always so for a period without sales).
                remaining -= sales
                days += Double(month.days)
                continue
            }
            // 0 < remaining ≤ sales: the proportional part ends the count.
            days += Double(remaining.cents) / Double(sales.cents) * Double(month.days)
            remaining = .zero
            break
        }
        return DSOResult(days: days, monthsUsed: used, exhausted: remaining.isPositive, method: .countBack)
    }

    /// DSO by the simple method: outstanding ÷ sales × days, where `sales` are those of the
    /// `days` last days (e.g. 12 months of sales and 365 days, or a quarter and 90 days).
    /// `nil` when there were no sales (zero or negative), as the ratio then means nothing.
    public static func simple(outstanding: Money, sales: Money, days: Int) -> Double? {
        guard sales.isPositive else { return nil }
        return Double(outstanding.cents) / Double(sales.cents) * Double(days)
    }

    /// The simple DSO as a result that states its method (`nil` when there were no sales).
    public static func simpleResult(outstanding: Money, sales: Money, days: Int) -> DSOResult? {
        simple(outstanding: outstanding, sales: sales, days: days).map {
            DSOResult(days: $0, monthsUsed: 0, exhausted: false, method: .simple)
        }
    }

    /// The periods of a count-back ending on `asOf`, most recent first: the current month from
    /// its 1st to `asOf` included, then `count − 1` whole calendar months before it.
    public static func periods(asOf: Day, count: Int) -> [ClosedRange<Day>] {
        guard count > 0 else { return [] }
        var result: [ClosedRange<Day>] = [asOf.firstOfMonth...asOf]
        var first = asOf.firstOfMonth
        for _ in 1..<count {
            let last = first.adding(days: -1)
            first = last.firstOfMonth
            result.append(first...last)
        }
        return result
    }

    /// Average payment delays of paid invoices, plain and weighted by amount (see
    /// `PaymentDelay`). Invoices with an amount of zero or less (credit notes) are ignored.
    /// `toleranceDays` sets what counts as paid late for the shares: a delay strictly greater
    /// (0 by default: one day after the due date is late; the risk score uses 5). O(n).
    public static func weightedDelay(_ paid: [PaidInvoice], toleranceDays: Int = 0) -> PaymentDelay {
        var totals = DelayTotals()
        for invoice in paid { totals.add(amount: invoice.amount, delay: invoice.delay, toleranceDays: toleranceDays) }
        return weightedDelay(totals, toleranceDays: toleranceDays)
    }

    /// The same figures from sums kept by the ledger (`DelayTotals`).
    public static func weightedDelay(_ totals: DelayTotals, toleranceDays: Int) -> PaymentDelay {
        guard totals.count > 0, totals.amountCents > 0 else {
            return PaymentDelay(
                count: 0, amount: .zero, averageDelay: 0, weightedDelay: 0, averageDaysLate: 0, weightedDaysLate: 0, shareLate: 0,
                shareLateByCount: 0, toleranceDays: toleranceDays)
        }
        let total = Double(totals.amountCents)
        let count = Double(totals.count)
        return PaymentDelay(
            count: totals.count, amount: Money(cents: totals.amountCents), averageDelay: Double(totals.delaySum) / count,
            weightedDelay: totals.weightedDelaySum / total, averageDaysLate: Double(totals.lateSum) / count,
            weightedDaysLate: totals.weightedLateSum / total, shareLate: Double(totals.lateAmountCents) / total,
            shareLateByCount: Double(totals.lateCount) / count, toleranceDays: toleranceDays)
    }
}

/// The sums behind a `PaymentDelay`, which add up: kept per month by the ledger, so that the
/// delays of a year are read from twelve rows rather than from every invoice paid.
public struct DelayTotals: Hashable, Sendable {
    public var count = 0
    public var amountCents: Int64 = 0
    /// Σ delay and Σ max(0, delay), in days.
    public var delaySum: Int64 = 0
    public var lateSum: Int64 = 0
    /// Σ amount × delay and Σ amount × max(0, delay), in cent-days.
    public var weightedDelaySum = 0.0
    public var weightedLateSum = 0.0
    /// The invoices paid more than the tolerance after their due date.
    public var lateAmountCents: Int64 = 0
    public var lateCount = 0

    public init() {}

    public init(
        count: Int, amountCents: Int64, delaySum: Int64, lateSum: Int64, weightedDelaySum: Double, weightedLateSum: Double,
        lateAmountCents: Int64, lateCount: Int
    ) {
        self.count = count
        self.amountCents = amountCents
        self.delaySum = delaySum
        self.lateSum = lateSum
        self.weightedDelaySum = weightedDelaySum
        self.weightedLateSum = weightedLateSum
        self.lateAmountCents = lateAmountCents
        self.lateCount = lateCount
    }

    /// One invoice paid `delay` days after its due date; credit notes (amount ≤ 0) are ignored.
    public mutating func add(amount: Money, delay: Int, toleranceDays: Int) {
        guard amount.isPositive else { return }
        let weight = Double(amount.cents)
        count += 1
        amountCents += amount.cents
        delaySum += Int64(delay)
        lateSum += Int64(max(0, delay))
        weightedDelaySum += weight * Double(delay)
        weightedLateSum += weight * Double(max(0, delay))
        if delay > toleranceDays {
            lateAmountCents += amount.cents
            lateCount += 1
        }
    }

    public static func - (lhs: DelayTotals, rhs: DelayTotals) -> DelayTotals {
        lhs
            + DelayTotals(
                count: -rhs.count, amountCents: -rhs.amountCents, delaySum: -rhs.delaySum, lateSum: -rhs.lateSum,
                weightedDelaySum: -rhs.weightedDelaySum, weightedLateSum: -rhs.weightedLateSum, lateAmountCents: -rhs.lateAmountCents,
                lateCount: -rhs.lateCount)
    }

    public static func + (lhs: DelayTotals, rhs: DelayTotals) -> DelayTotals {
        DelayTotals(
            count: lhs.count + rhs.count, amountCents: lhs.amountCents + rhs.amountCents, delaySum: lhs.delaySum + rhs.delaySum,
            lateSum: lhs.lateSum + rhs.lateSum, weightedDelaySum: lhs.weightedDelaySum + rhs.weightedDelaySum,
            weightedLateSum: lhs.weightedLateSum + rhs.weightedLateSum, lateAmountCents: lhs.lateAmountCents + rhs.lateAmountCents,
            lateCount: lhs.lateCount + rhs.lateCount)
    }
}
