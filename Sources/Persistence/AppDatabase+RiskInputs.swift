import Dispatch
import Foundation
import GRDB
import GRDBSQLite
import Receivables

/// The per-client reads of the risk score, cut into client-id slices read side by side.
///
/// On a million invoices the heavy part of `risk.list` is two scans: the invoices fully paid
/// in the year (their delays, ~670 000 index entries in the bench ledger) and the sales of the
/// year. SQLite spends most of the delays' time evaluating the ten `CASE` aggregates, so the
/// rows are read plain from the covering index `invoice_paid` (client order, no sort) and
/// summed here — `DelaySums` adds exactly what `delaysCTE` does. Each scan is cut into
/// client-id slices, and the slices and the small per-client facts run on the pool's readers,
/// one per core (`ParallelReads`). On an in-memory ledger (one connection) they run in turn.
/// The slices are separate read transactions: a payment recorded while they run may be seen
/// by some and not others, as with any report read during a write.
extension AppDatabase {
    /// The running sums of one client's delays (the columns of `delaysCTE`).
    struct DelaySums {
        var count = 0
        var cents: Int64 = 0
        var weightedDelay = 0.0
        var weightedLate = 0.0
        var lateCount = 0
        var lateCents: Int64 = 0
        var recentCount = 0
        var recentCents: Int64 = 0
        var recentWeightedLate = 0.0

        mutating func add(amount: Int64, delay: Int64, recent: Bool) {
            let late = max(delay, 0)
            count += 1
            cents += amount
            weightedDelay += Double(amount) * Double(delay)
            weightedLate += Double(amount) * Double(late)
            if delay > lateToleranceDays {
                lateCount += 1
                lateCents += amount
            }
            if recent {
                recentCount += 1
                recentCents += amount
                recentWeightedLate += Double(amount) * Double(late)
            }
        }

        func clientDelay(_ clientID: Int64) -> ClientDelay {
            func average(_ weighted: Double, _ cents: Int64) -> Double? { cents > 0 ? weighted / Double(cents) : nil }
            return ClientDelay(
                clientID: clientID, paidCount: count, paidAmount: Money(cents: cents), weightedDelay: average(weightedDelay, cents) ?? 0,
                weightedDaysLate: average(weightedLate, cents) ?? 0, lateCount: lateCount, lateAmount: Money(cents: lateCents),
                recentCount: recentCount, recentAmount: Money(cents: recentCents),
                recentWeightedDaysLate: average(recentWeightedLate, recentCents), earlierCount: count - recentCount,
                earlierAmount: Money(cents: cents - recentCents),
                earlierWeightedDaysLate: average(weightedLate - recentWeightedLate, cents - recentCents))
        }
    }

    /// A slice of client ids, `nil` bounds meaning open.
    struct ClientSlice: Sendable {
        var from: Int64?
        var to: Int64?

        static let all = ClientSlice(from: nil, to: nil)
        static func only(_ id: Int64) -> ClientSlice { ClientSlice(from: id, to: id) }

        /// `AND column BETWEEN …` for this slice, with its values added to `values`.
        func filter(_ column: String, _ values: inout [String: DatabaseValue]) -> String {
            var sql = ""
            if let from {
                sql += " AND \(column) >= :sliceFrom"
                values["sliceFrom"] = from.databaseValue
            }
            if let to {
                sql += " AND \(column) <= :sliceTo"
                values["sliceTo"] = to.databaseValue
            }
            return sql
        }
    }

    /// The client ids cut into `count` slices of equal span (one when there are fewer ids).
    func clientSlices(_ db: Database, count: Int) throws -> [ClientSlice] {
        guard count > 1, let row = try Row.fetchOne(db, sql: "SELECT MIN(id), MAX(id) FROM client"),
            let low = row[0] as Int64?, let high = row[1] as Int64?, high - low + 1 >= Int64(count)
        else { return [.all] }
        let span = (high - low) / Int64(count) + 1
        return (0..<count).map { index in
            let from = low + Int64(index) * span
            return ClientSlice(from: index == 0 ? nil : from, to: index == count - 1 ? nil : from + span - 1)
        }
    }

    /// Steps through the rows of `query`, calling `body` with the statement, whose columns it
    /// reads straight through the C API (`sqlite3_column_int64`…): no `Row` decoding in the
    /// loops that see hundreds of thousands of rows.
    static func eachRow(_ db: Database, _ query: ReportQuery, _ body: (SQLiteStatement) throws -> Void) throws {
        let statement = try db.cachedStatement(sql: query.sql)
        statement.arguments = query.arguments
        let cursor = try Row.fetchCursor(statement)
        let handle = statement.sqliteStatement
        while try cursor.next() != nil { try body(handle) }
    }

    /// The invoices fully paid from `since` to `asOf`, plain, in client order.
    static func paidRowsQuery(since: Day, asOf: Day, slice: ClientSlice) -> ReportQuery {
        var values: [String: DatabaseValue] = [
            "since": since.iso.databaseValue, "until": asOf.iso.databaseValue, "recent": asOf.adding(days: -90).iso.databaseValue,
        ]
        let filter = slice.filter("client_id", &values)
        return ReportQuery(
            sql: """
                SELECT client_id, amount_cents, paid_delay, paid_day > :recent FROM invoice INDEXED BY invoice_paid
                WHERE paid_day IS NOT NULL AND paid_day BETWEEN :since AND :until\(filter)
                ORDER BY client_id
                """, values: values)
    }

    /// The per-client delays of one slice, summed from the plain rows (see the type's comment).
    static func readDelays(_ db: Database, since: Day, asOf: Day, slice: ClientSlice) throws -> [ClientDelay] {
        var result: [ClientDelay] = []
        var current: Int64?
        var sums = DelaySums()
        try eachRow(db, paidRowsQuery(since: since, asOf: asOf, slice: slice)) { row in
            let clientID = sqlite3_column_int64(row, 0)
            if clientID != current {
                if let current { result.append(sums.clientDelay(current)) }
                current = clientID
                sums = DelaySums()
            }
            sums.add(amount: sqlite3_column_int64(row, 1), delay: sqlite3_column_int64(row, 2), recent: sqlite3_column_int64(row, 3) != 0)
        }
        if let current { result.append(sums.clientDelay(current)) }
        return result
    }

    /// Each client's sales (issue day) from `from` to `to`, in client order.
    static func salesQuery(from: Day, to: Day, slice: ClientSlice) -> ReportQuery {
        var values: [String: DatabaseValue] = ["from": from.iso.databaseValue, "to": to.iso.databaseValue]
        let filter = slice.filter("client_id", &values)
        return ReportQuery(
            sql: """
                SELECT client_id, SUM(amount_cents) FROM invoice INDEXED BY invoice_sales
                WHERE issue_day >= :from AND issue_day <= :to\(filter) GROUP BY client_id ORDER BY client_id
                """, values: values)
    }

    static func readSales(_ db: Database, from: Day, to: Day, slice: ClientSlice) throws -> [(client: Int64, cents: Int64)] {
        var result: [(client: Int64, cents: Int64)] = []
        try eachRow(db, salesQuery(from: from, to: to, slice: slice)) { row in
            result.append((sqlite3_column_int64(row, 0), sqlite3_column_int64(row, 1)))
        }
        return result
    }

    /// One client's open invoices on `asOf`: their outstanding, the part past due, and the
    /// oldest due day past.
    struct Debt: Sendable {
        var clientID: Int64
        var outstanding: Int64 = 0
        var overdue: Int64 = 0
        var oldestDue: Day?
    }

    /// The open invoices, plain, from the covering index `invoice_open` (client, then due day).
    static func openRowsQuery(asOf: Day, slice: ClientSlice) -> ReportQuery {
        var values: [String: DatabaseValue] = ["asOf": asOf.iso.databaseValue]
        let filter = slice.filter("client_id", &values)
        return ReportQuery(
            sql: """
                SELECT client_id, outstanding_cents, due_day < :asOf, due_day FROM invoice INDEXED BY invoice_open
                WHERE outstanding_cents > 0\(filter) ORDER BY client_id, due_day
                """, values: values)
    }

    /// The same sums by SQLite, for the `sqlite3` reference of the bench.
    static func debtQuery(asOf: Day) -> ReportQuery {
        ReportQuery(
            sql: """
                SELECT client_id, SUM(outstanding_cents), SUM(CASE WHEN due_day < :asOf THEN outstanding_cents ELSE 0 END),
                       MIN(CASE WHEN due_day < :asOf THEN due_day END)
                FROM invoice INDEXED BY invoice_open WHERE outstanding_cents > 0 GROUP BY client_id ORDER BY client_id
                """, values: ["asOf": asOf.iso.databaseValue])
    }

    static func readDebts(_ db: Database, asOf: Day, slice: ClientSlice) throws -> [Debt] {
        var result: [Debt] = []
        try eachRow(db, openRowsQuery(asOf: asOf, slice: slice)) { row in
            let clientID = sqlite3_column_int64(row, 0)
            if result.last?.clientID != clientID { result.append(Debt(clientID: clientID)) }
            let cents = sqlite3_column_int64(row, 1)
            result[result.count - 1].outstanding += cents
            guard sqlite3_column_int64(row, 2) != 0 else { return }
            result[result.count - 1].overdue += cents
            // Rows come by due day: the first one past due is the oldest.
            if result[result.count - 1].oldestDue == nil, let text = sqlite3_column_text(row, 3) {
                result[result.count - 1].oldestDue = Day(iso: String(cString: text))
            }
        }
        return result
    }

    /// Every client's id, code and name, in id order.
    static func readClientNames(_ db: Database) throws -> [ClientName] {
        var clients: [ClientName] = []
        try eachRow(db, ReportQuery(sql: "SELECT id, code, name FROM client ORDER BY id", values: [:])) { row in
            func text(_ column: Int32) -> String { sqlite3_column_text(row, column).map { String(cString: $0) } ?? "" }
            clients.append(ClientName(id: sqlite3_column_int64(row, 0), code: text(1), name: text(2)))
        }
        return clients
    }

    /// `rows` by `first` descending, then `second` descending, then name (byte order, as
    /// SQLite's BINARY collation), then the order they came in (client id). The keys are
    /// sorted apart from the rows: moving 50 000 rows with their names is what costs.
    static func sorted<Row>(_ rows: [Row], by first: [Int64], then second: [Int64]? = nil, name: (Row) -> String) -> [Row] {
        let order = rows.indices.sorted { a, b in
            if first[a] != first[b] { return first[a] > first[b] }
            if let second, second[a] != second[b] { return second[a] > second[b] }
            let (x, y) = (name(rows[a]), name(rows[b]))
            if x != y { return x.utf8.lexicographicallyPrecedes(y.utf8) }
            return a < b
        }
        return order.map { rows[$0] }
    }

    /// Runs `bodies` as reads, side by side on a pool (one per core), in turn on a queue.
    func parallelReads<T: Sendable>(_ bodies: [@Sendable (Database) throws -> T]) throws -> [T] {
        guard writer is DatabasePool, bodies.count > 1 else { return try bodies.map { body in try read(body) } }
        let results = ParallelResults<T>(count: bodies.count)
        DispatchQueue.concurrentPerform(iterations: bodies.count) { index in
            results.set(index, Result { try self.read(bodies[index]) })
        }
        return try results.values()
    }

    /// How many slices to cut a whole-ledger scan into: one per core on a pool.
    var scanSlices: Int { writer is DatabasePool ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)) : 1 }
}

/// The results of `parallelReads`, filled from several threads.
final class ParallelResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<T, any Error>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<T, any Error>) { lock.withLock { results[index] = result } }

    func values() throws -> [T] { try lock.withLock { try results.map { try $0!.get() } } }
}
