import Receivables

/// A date or period as said, before it is placed on the calendar: "vendredi", "le 15 mars",
/// "fin du mois", "la semaine prochaine". Resolution needs today and whether the sentence is
/// about the past (a payment received) or the future (a due date).
public indirect enum DateExpression: Hashable, Sendable {
    case today
    case relativeDays(Int)
    case relativeMonths(Int)
    /// 1 = lundi … 7 = dimanche; `direction` +1 next, -1 last, 0 unspecified; `extraWeeks` for "lundi en huit".
    case weekday(Int, direction: Int, extraWeeks: Int)
    case dayOfMonth(Int)
    case dayMonth(day: Int, month: Int, year: Int?)
    case endOfMonth(month: Int?, year: Int?, monthOffset: Int)
    case startOfMonth(month: Int?, year: Int?, monthOffset: Int)
    case midMonth(month: Int?, year: Int?)
    case endOfYear
    // Periods.
    case week(offset: Int)
    case month(offset: Int)
    case namedMonth(Int, year: Int?)
    case quarter(Int?, offset: Int, year: Int?)
    case year(offset: Int)
    case namedYear(Int)
    /// "première quinzaine de décembre": half 1 or 2 of a month.
    case fortnight(half: Int, month: Int?, year: Int?)
    /// "d'ici fin juin", "jusqu'au 15": from today to the day.
    case until(DateExpression)
    /// "entre le 1er et le 15 novembre": from one day to another.
    case between(DateExpression, DateExpression)
    /// "les douze derniers mois", "les 30 derniers jours": the span ending today.
    case trailing(days: Int, months: Int)

    /// Whether the expression names a span rather than a day.
    public var isPeriod: Bool {
        switch self {
        case .week, .month, .namedMonth, .quarter, .year, .namedYear, .fortnight, .until, .trailing, .between: return true
        default: return false
        }
    }
}

/// Whether an unanchored date ("le 3 mars", "vendredi") is read forward or backward.
public enum DateOrientation: Sendable {
    /// The next such day not yet past (default: due dates, promises).
    case future
    /// The latest such day not in the future (payments received, "depuis le", invoices issued).
    case past
}

/// A span of days, both ends included.
public struct DayRange: Hashable, Sendable, Codable {
    public var from: Day
    public var to: Day

    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}

extension DateExpression {
    /// Places a day expression on the calendar; `nil` if it names an impossible day.
    public func resolveDay(today: Day, orientation: DateOrientation) -> Day? {
        switch self {
        case .today: return today
        case .relativeDays(let n): return today.adding(days: n)
        case .relativeMonths(let n): return today.adding(months: n)
        case .weekday(let weekday, let direction, let extraWeeks):
            var delta = (weekday - today.weekday + 7) % 7
            if direction < 0 || (direction == 0 && orientation == .past) {
                delta = delta == 0 ? -7 : delta - 7
            } else if delta == 0 {
                delta = 7
            }
            return today.adding(days: delta + 7 * extraWeeks)
        case .dayOfMonth(let d):
            var candidate = Day(year: today.year, month: today.month, day: d)
            if orientation == .future {
                var probe = today.firstOfMonth
                for _ in 0..<12 {
                    if let day = Day(year: probe.year, month: probe.month, day: d), day >= today { return day }
                    probe = probe.adding(months: 1)
                }
                return nil
            }
            var probe = today.firstOfMonth
            for _ in 0..<12 {
                candidate = Day(year: probe.year, month: probe.month, day: d)
                if let day = candidate, day <= today { return day }
                probe = probe.adding(months: -1)
            }
            return nil
        case .dayMonth(let d, let m, let year):
            if let year { return Day(year: year, month: m, day: d) }
            // Impossible in every year (31 février): nil. 29 février: the next leap year.
            guard d <= Day.daysIn(month: m, year: 2024) else { return nil }
            for offset in 0...8 {
                let y = orientation == .future ? today.year + offset : today.year - offset
                if let day = Day(year: y, month: m, day: d), orientation == .future ? day >= today : day <= today { return day }
            }
            return nil
        case .endOfMonth(let month, let year, let offset):
            return monthAnchor(month: month, year: year, offset: offset, today: today, orientation: orientation)?.lastOfMonth
        case .startOfMonth(let month, let year, let offset):
            return monthAnchor(month: month, year: year, offset: offset, today: today, orientation: orientation)?.firstOfMonth
        case .midMonth(let month, let year):
            return monthAnchor(month: month, year: year, offset: 0, today: today, orientation: orientation)?.firstOfMonth.adding(days: 14)
        case .endOfYear:
            return Day(year: today.year, month: 12, day: 31)
        default:
            return resolvePeriod(today: today, orientation: orientation)?.to
        }
    }

    /// Places an expression on the calendar as a span (a day becomes a one-day span).
    public func resolvePeriod(today: Day, orientation: DateOrientation) -> DayRange? {
        switch self {
        case .week(let offset):
            let monday = today.adding(days: 1 - today.weekday + 7 * offset)
            return DayRange(from: monday, to: monday.adding(days: 6))
        case .month(let offset):
            let first = today.firstOfMonth.adding(months: offset)
            return DayRange(from: first, to: first.lastOfMonth)
        case .namedMonth(let m, let year):
            guard let first = monthAnchor(month: m, year: year, offset: 0, today: today, orientation: orientation, periodic: true)
            else { return nil }
            return DayRange(from: first, to: first.lastOfMonth)
        case .quarter(let q, let offset, let year):
            let currentQuarter = (today.month - 1) / 3 + 1
            var y = year ?? today.year
            var quarter = q ?? currentQuarter
            if q == nil {
                quarter += offset
                while quarter > 4 { quarter -= 4; y += 1 }
                while quarter < 1 { quarter += 4; y -= 1 }
            }
            guard (1...4).contains(quarter), let first = Day(year: y, month: quarter * 3 - 2, day: 1) else { return nil }
            return DayRange(from: first, to: first.adding(months: 2).lastOfMonth)
        case .year(let offset):
            let y = today.year + offset
            return DayRange(from: Day(year: y, month: 1, day: 1)!, to: Day(year: y, month: 12, day: 31)!)
        case .namedYear(let y):
            guard let from = Day(year: y, month: 1, day: 1), let to = Day(year: y, month: 12, day: 31) else { return nil }
            return DayRange(from: from, to: to)
        case .fortnight(let half, let month, let year):
            guard let first = monthAnchor(month: month, year: year, offset: 0, today: today, orientation: orientation, periodic: true)
            else { return nil }
            return half == 1
                ? DayRange(from: first, to: first.adding(days: 14)) : DayRange(from: first.adding(days: 15), to: first.lastOfMonth)
        case .between(let first, let second):
            guard let from = first.resolveDay(today: today, orientation: orientation),
                let to = second.resolveDay(today: today, orientation: orientation)
            else { return nil }
            return DayRange(from: Swift.min(from, to), to: Swift.max(from, to))
        case .trailing(let days, let months):
            let start = today.adding(months: -months).adding(days: -days + 1)
            return DayRange(from: start, to: today)
        case .until(let end):
            guard let last = end.resolveDay(today: today, orientation: .future) else { return nil }
            return DayRange(from: Swift.min(today, last), to: Swift.max(today, last))
        default:
            guard let day = resolveDay(today: today, orientation: orientation) else { return nil }
            return DayRange(from: day, to: day)
        }
    }

    /// The first day of the month meant: "mars" is the next March not yet over (or, looking
    /// back, the latest one begun); with `periodic`, a month of the current year is kept as is.
    private func monthAnchor(
        month: Int?, year: Int?, offset: Int, today: Day, orientation: DateOrientation, periodic: Bool = false
    ) -> Day? {
        guard let month else { return today.firstOfMonth.adding(months: offset) }
        if let year { return Day(year: year, month: month, day: 1) }
        let thisYear = Day(year: today.year, month: month, day: 1)!
        switch orientation {
        case .future:
            // "fin mars" in November: next March; "fin novembre" in November: this month.
            return month < today.month ? Day(year: today.year + 1, month: month, day: 1) : thisYear
        case .past:
            if periodic { return month > today.month ? Day(year: today.year - 1, month: month, day: 1) : thisYear }
            return month > today.month ? Day(year: today.year - 1, month: month, day: 1) : thisYear
        }
    }
}
