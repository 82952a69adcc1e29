import Foundation

/// The five columns of the balance âgée, by days past the due date on the report day.
///
/// Days late are counted as in `Invoice.daysLate(asOf:)`: the report day minus the due day.
/// An invoice due on the report day itself is 0 day late, hence not due ("non échu"); it is
/// 1 day late the next day. Columns: ≤ 0 non échu, 1–30, 31–60, 61–90, 91 and more.
public enum AgingBucket: Int, CaseIterable, Hashable, Sendable, Codable {
    case notDue = 0
    case upTo30
    case upTo60
    case upTo90
    case over90

    /// The column for an amount `daysLate` days past its due date (0 or negative: not due).
    public static func of(daysLate: Int) -> AgingBucket {
        switch daysLate {
        case ...0: return .notDue
        case 1...30: return .upTo30
        case 31...60: return .upTo60
        case 61...90: return .upTo90
        default: return .over90
        }
    }

    /// The column of an amount due on `dueDay`, seen on `asOf`.
    public static func of(dueDay: Day, asOf: Day) -> AgingBucket { of(daysLate: dueDay.days(until: asOf)) }

    /// "non échu", "1 à 30 j", "31 à 60 j", "61 à 90 j", "plus de 90 j".
    public var frenchLabel: String {
        switch self {
        case .notDue: return "non échu"
        case .upTo30: return "1 à 30 j"
        case .upTo60: return "31 à 60 j"
        case .upTo90: return "61 à 90 j"
        case .over90: return "plus de 90 j"
        }
    }

    /// The days late the column holds: `nil` bounds are open (`notDue` is ...0, `over90` 91...).
    public var daysLate: (lower: Int?, upper: Int?) {
        switch self {
        case .notDue: return (nil, 0)
        case .upTo30: return (1, 30)
        case .upTo60: return (31, 60)
        case .upTo90: return (61, 90)
        case .over90: return (91, nil)
        }
    }
}

/// One client's row of the balance âgée: what it owes in each column.
public struct AgingLine: Hashable, Sendable, Codable {
    public let clientID: Int64
    public let name: String
    /// Five amounts, indexed by `AgingBucket.rawValue` (non échu first).
    public let amounts: [Money]
    /// The sum of the five amounts: the client's outstanding.
    public let total: Money

    /// `amounts` must hold exactly five amounts, in `AgingBucket` order; they are taken as given
    /// (a credit may be passed as a negative amount and then lowers the client's total).
    public init(clientID: Int64, name: String, amounts: [Money]) {
        precondition(amounts.count == AgingBucket.allCases.count, "une ligne de balance âgée a cinq colonnes")
        self.clientID = clientID
        self.name = name
        self.amounts = amounts
        self.total = amounts.sum()
    }

    /// The amount in one column.
    public subscript(bucket: AgingBucket) -> Money { amounts[bucket.rawValue] }

    /// What is past due: every column but "non échu".
    public var overdue: Money { total - amounts[AgingBucket.notDue.rawValue] }
}

/// One aggregated row as SQL returns it: a client, a column and the amount in it.
public struct AgingRow: Hashable, Sendable, Codable {
    public let clientID: Int64
    public let name: String
    public let bucket: AgingBucket
    public let amount: Money

    public init(clientID: Int64, name: String, bucket: AgingBucket, amount: Money) {
        self.clientID = clientID
        self.name = name
        self.bucket = bucket
        self.amount = amount
    }

    /// The row of an open amount due on `dueDay`, placed in its column on `asOf`.
    public init(clientID: Int64, name: String, dueDay: Day, amount: Money, asOf: Day) {
        self.init(clientID: clientID, name: name, bucket: .of(dueDay: dueDay, asOf: asOf), amount: amount)
    }
}

/// The balance âgée (`aging.report`): every client's outstanding split by days past due,
/// with the column totals and each column's share of the whole.
///
/// Rules:
/// - Amounts are open amounts (what remains to be paid), taken as given: a credit passed as a
///   negative amount lowers its column and its client's total.
/// - Rows of the same client (same `clientID`) are added together; the name kept is the first
///   one seen. Clients whose five amounts are all zero are left out.
/// - Lines are sorted by total, largest first; equal totals by name (case and accents ignored,
///   then exact spelling), then by `clientID`, so that the order never depends on the input
///   order.
/// - `totals[i]` is the exact sum of column `i` over the lines, `total` the sum of the totals.
/// - `shares[i]` is `totals[i] / total × 100`, in percent (0 to 100, adding up to 100 up to
///   floating-point rounding); all zero when `total` is zero or negative.
///
/// O(n log n) for n lines (a hash merge, then a sort).
public struct AgingReport: Hashable, Sendable, Codable {
    /// The day the days late are counted on.
    public let asOf: Day
    public let lines: [AgingLine]
    /// Five column totals, indexed by `AgingBucket.rawValue`.
    public let totals: [Money]
    /// The grand total: everything outstanding.
    public let total: Money
    /// Each column's share of `total`, in percent.
    public let shares: [Double]

    /// Builds the report from one line per client (duplicates are merged).
    public init(asOf: Day, lines input: [AgingLine]) {
        var merger = Merger(capacity: input.count)
        for line in input {
            let index = merger.index(of: line.clientID, name: line.name)
            for bucket in 0..<Merger.width { merger.cents[index * Merger.width + bucket] += line.amounts[bucket].cents }
        }
        self.init(asOf: asOf, mergedLines: merger.lines())
    }

    /// Builds the report from (client, column, amount) rows, any number per client.
    public init(asOf: Day, rows: [AgingRow]) {
        var merger = Merger(capacity: rows.count)
        for row in rows {
            let index = merger.index(of: row.clientID, name: row.name)
            merger.cents[index * Merger.width + row.bucket.rawValue] += row.amount.cents
        }
        self.init(asOf: asOf, mergedLines: merger.lines())
    }

    /// Adds amounts per client in one flat array of cents, five per client in order of arrival.
    private struct Merger {
        static let width = AgingBucket.allCases.count
        var indexOf: [Int64: Int] = [:]
        var ids: [Int64] = []
        var names: [String] = []
        var cents: [Int64] = []

        init(capacity: Int) { indexOf.reserveCapacity(capacity) }

        mutating func index(of clientID: Int64, name: String) -> Int {
            if let known = indexOf[clientID] { return known }
            let index = ids.count
            indexOf[clientID] = index
            ids.append(clientID)
            names.append(name)
            cents.append(contentsOf: repeatElement(0, count: Merger.width))
            return index
        }

        /// The clients with at least one non-zero amount.
        func lines() -> [AgingLine] {
            var lines: [AgingLine] = []
            lines.reserveCapacity(ids.count)
            for index in ids.indices {
                let slice = cents[(index * Merger.width)..<((index + 1) * Merger.width)]
                guard slice.contains(where: { $0 != 0 }) else { continue }
                lines.append(AgingLine(clientID: ids[index], name: names[index], amounts: slice.map { Money(cents: $0) }))
            }
            return lines
        }
    }

    private init(asOf: Day, mergedLines: [AgingLine]) {
        self.asOf = asOf
        var totals = Array(repeating: Money.zero, count: AgingBucket.allCases.count)
        for line in mergedLines {
            for bucket in totals.indices { totals[bucket] += line.amounts[bucket] }
        }
        let total = totals.sum()
        self.totals = totals
        self.total = total
        self.shares = totals.map { ReportText.share($0, of: total) }
        // Larger total first, then name (case and accents ignored), then client id.
        let order = ReportText.descendingOrder(
            mergedLines.map(\.total.cents), names: mergedLines.map(\.name), ids: mergedLines.map(\.clientID))
        self.lines = order.map { mergedLines[$0] }
    }

    /// The total of one column.
    public subscript(bucket: AgingBucket) -> Money { totals[bucket.rawValue] }

    /// The share of one column, in percent.
    public func share(_ bucket: AgingBucket) -> Double { shares[bucket.rawValue] }

    /// Everything past due: the grand total minus the "non échu" column.
    public var overdue: Money { total - totals[AgingBucket.notDue.rawValue] }
}
