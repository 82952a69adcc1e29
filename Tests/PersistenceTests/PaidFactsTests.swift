import Foundation
import GRDB
import Receivables
import Testing

@testable import Persistence

/// v3 stores each fully paid invoice's day paid and delay; triggers keep them true on every
/// write path. Each test compares them with a computation from scratch over the allocations.
@Suite struct PaidFactsTests {
    /// Invoices whose stored facts differ from the allocations' (empty when all is right).
    static func mismatches(_ db: AppDatabase) throws -> [String] {
        try db.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT i.number || ': ' || COALESCE(i.paid_day, 'NULL') || '/' || COALESCE(i.paid_delay, 'NULL')
                           || ' expected ' || COALESCE(x.day, 'NULL') || '/'
                           || COALESCE(CAST(julianday(x.day) - julianday(i.due_day) AS INTEGER), 'NULL')
                    FROM invoice i
                    LEFT JOIN (SELECT a.invoice_id, MAX(p.day) AS day FROM allocation a JOIN payment p ON p.id = a.payment_id
                               GROUP BY a.invoice_id) x ON x.invoice_id = i.id
                    WHERE (i.outstanding_cents = 0 AND x.day IS NOT NULL) IS NOT (i.paid_day IS NOT NULL)
                       OR (i.paid_day IS NOT NULL AND (i.paid_day IS NOT x.day
                           OR i.paid_delay IS NOT CAST(julianday(x.day) - julianday(i.due_day) AS INTEGER)))
                    """)
        }
    }

    /// Months whose stored totals (v5) differ from the invoices' (empty when all is right).
    static func monthMismatches(_ db: AppDatabase) throws -> [String] {
        try db.read { db in
            let sales = try String.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(s.month, x.month) FROM sales_month s
                    FULL OUTER JOIN (SELECT substr(issue_day, 1, 7) AS month, SUM(amount_cents) AS cents, COUNT(*) AS count
                                     FROM invoice GROUP BY 1) x ON x.month = s.month
                    WHERE COALESCE(s.cents, 0) != COALESCE(x.cents, 0) OR COALESCE(s.count, 0) != COALESCE(x.count, 0)
                    """)
            let paid = try String.fetchAll(
                db,
                sql: """
                    SELECT 'paid ' || COALESCE(p.month, x.month) FROM paid_month p
                    FULL OUTER JOIN (SELECT substr(paid_day, 1, 7) AS month, COUNT(*) AS count, SUM(amount_cents) AS cents,
                                            SUM(paid_delay) AS delay_sum, TOTAL(amount_cents * paid_delay) AS weighted,
                                            SUM(CASE WHEN paid_delay > 5 THEN amount_cents ELSE 0 END) AS late
                                     FROM invoice WHERE paid_day IS NOT NULL AND amount_cents > 0 GROUP BY 1) x ON x.month = p.month
                    WHERE COALESCE(p.count, 0) != COALESCE(x.count, 0) OR COALESCE(p.cents, 0) != COALESCE(x.cents, 0)
                       OR COALESCE(p.delay_sum, 0) != COALESCE(x.delay_sum, 0) OR COALESCE(p.weighted_delay, 0) != COALESCE(x.weighted, 0)
                       OR COALESCE(p.late_cents, 0) != COALESCE(x.late, 0)
                    """)
            return sales + paid
        }
    }

    @Test func monthlyTotalsFollowEveryWriteAndTheDSOReadsAgreeWithTheInvoices() throws {
        let db = try AppDatabase.inMemory()
        try db.loadDemo(DemoLedger(today: Ledger.today))
        #expect(try Self.monthMismatches(db).isEmpty)
        let client = try db.clientNames()[3]
        let invoice = try #require(try db.openInvoices(clientID: client.id).first)
        _ = try db.recordPayment(
            Payment(clientID: client.id, day: Ledger.today, amount: invoice.outstanding, invoiceID: invoice.id), today: Ledger.today)
        #expect(try Self.monthMismatches(db).isEmpty)
        try db.undoLastChange()
        #expect(try Self.monthMismatches(db).isEmpty)
        // Windows with partial months at both ends, one month, and several whole ones.
        let windows: [(String, String)] = [
            ("2025-11-23", "2026-11-22"), ("2026-03-05", "2026-03-20"), ("2026-01-01", "2026-06-30"), ("2025-12-31", "2026-02-01"),
            ("2026-04-01", "2026-04-25"), ("2026-05-10", "2026-07-31"),
        ]
        for (first, last) in windows {
            let from = Day(iso: first)!
            let to = Day(iso: last)!
            let expected = try db.paidInvoiceDelays(clientID: nil, since: from).filter { $0.paidDay <= to }
            var totals = DelayTotals()
            for paid in expected {
                totals.add(amount: paid.amount, delay: paid.dueDay.days(until: paid.paidDay), toleranceDays: AppDatabase.lateToleranceDays)
            }
            #expect(try db.paidDelayTotals(clientID: nil, from: from, to: to) == totals, "\(first)…\(last)")
            let sales = try db.salesByMonth(clientID: nil, from: from, to: to).reduce(Int64(0)) { $0 + $1.sales.cents }
            let direct = try db.read {
                try Int64.fetchOne(
                    $0, sql: "SELECT COALESCE(SUM(amount_cents), 0) FROM invoice WHERE issue_day BETWEEN ? AND ?", arguments: [first, last])
            }
            #expect(sales == direct, "\(first)…\(last)")
        }
    }

    func pay(_ db: AppDatabase, _ client: Client, _ cents: Int64, on day: String, invoice: Invoice? = nil) throws {
        _ = try db.recordPayment(
            Payment(clientID: client.id!, day: Day(iso: day)!, amount: Money(cents: cents), invoiceID: invoice?.id), today: Ledger.today)
    }

    @Test func paymentsFullPartialSeveralAndOverpaidThenUndone() throws {
        let db = try AppDatabase.inMemory()
        let (moreau, dupont) = try UndoTests.seeded(db)
        // Seeded: F-1 (100 €, 25 € paid), F-2 (200 €) for Moreau; F-3 (50 €, disputed) for Dupont.
        try pay(db, moreau, 7_500, on: "2026-10-03")  // F-1 settled in two payments: paid 10-03
        try pay(db, moreau, 5_000, on: "2026-10-10")  // F-2 partly
        try pay(db, moreau, 20_000, on: "2026-10-20")  // F-2 settled, 5 000 of credit
        try pay(db, dupont, 5_000, on: "2026-12-05", invoice: try db.invoice(number: "F-3"))
        #expect(try Self.mismatches(db).isEmpty)
        let f1 = try #require(try db.read { try Row.fetchOne($0, sql: "SELECT paid_day, paid_delay FROM invoice WHERE number = 'F-1'") })
        #expect(f1["paid_day"] as String? == "2026-10-03")
        #expect(f1["paid_delay"] as Int? == 32)  // due 2026-09-01
        #expect(try Self.monthMismatches(db).isEmpty)
        for _ in 0..<4 {
            try db.undoLastChange()
            #expect(try Self.mismatches(db).isEmpty)
            #expect(try Self.monthMismatches(db).isEmpty)
        }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM invoice WHERE paid_day IS NOT NULL") } == 0)
    }

    @Test func theDemoLedgerAndAnImportAreRightToo() throws {
        let db = try AppDatabase.inMemory()
        try db.loadDemo(DemoLedger(today: Ledger.today))
        #expect(try Self.mismatches(db).isEmpty)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM invoice WHERE paid_day IS NOT NULL") }! > 100)
        let client = try db.clientNames()[0]
        let schema = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE tbl_name = 'invoice' ORDER BY name)"
        let before = try db.read { try String.fetchOne($0, sql: schema) }
        // A bulk load (indexes and insert triggers set aside, then rebuilt) keeps every fact true.
        try db.importing(action: "data.import", summary: "test", day: Ledger.today, reading: .addThenEndOfMonth, bulkLoad: true) {
            writer in
            try writer.invoice(
                number: "IMP-1", clientID: client.id, issue: Day(iso: "2026-10-01")!, due: nil, amount: Money(cents: 1_000))
            try writer.settledPayment(
                key: "k", clientID: client.id, day: Day(iso: "2026-11-02")!, amount: Money(cents: 1_000), method: nil, note: nil,
                allocations: [("IMP-1", Money(cents: 1_000))])
        }
        #expect(try Self.mismatches(db).isEmpty)
        #expect(try Self.monthMismatches(db).isEmpty)
        #expect(try db.read { try String.fetchOne($0, sql: schema) } == before, "every index and trigger is back")
        try db.undoLastChange()
        #expect(try Self.mismatches(db).isEmpty)
        #expect(try Self.monthMismatches(db).isEmpty)
    }
}

/// The risk inputs read their two halves side by side on a ledger file (a pool of readers)
/// and one after the other in memory: the same rows either way.
@Suite struct ConcurrentRiskReadTests {
    @Test func aFileLedgerAndAnInMemoryOneGiveTheSameRiskInputs() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-risk-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let file = try AppDatabase.openFile(at: path)
        try file.loadDemo(DemoLedger(today: Ledger.today))
        let memory = try AppDatabase.inMemory()
        try memory.loadDemo(DemoLedger(today: Ledger.today))
        let fromFile = try file.riskInputs(asOf: Ledger.today)
        #expect(fromFile.count > 20)
        #expect(fromFile.contains { $0.delay != nil })
        #expect(fromFile == (try memory.riskInputs(asOf: Ledger.today)))
        // The delays summed from the plain rows, slice by slice, are SQLite's own sums.
        for db in [file, memory] {
            let query = AppDatabase.paymentDelayQuery(since: Ledger.today.adding(months: -12).adding(days: 1), asOf: Ledger.today)
            let bySQL = try db.read { db in
                try Row.fetchAll(db, sql: query.sql, arguments: query.arguments).map { AppDatabase.clientDelay($0, offset: 0) }
            }
            #expect(bySQL.count > 10)
            #expect(try db.paymentDelayByClient(since: Ledger.today.adding(months: -12).adding(days: 1), asOf: Ledger.today) == bySQL)
            #expect(fromFile.compactMap(\.delay) == bySQL.filter { $0.paidCount > 0 })
        }
        #expect(try file.read { db in try file.clientSlices(db, count: 2) }.count == 2, "the file ledger is read in slices")
        // The concentration's shares, read in slices and merged, are the rows of the one SQL statement.
        let yearAgo = Ledger.today.adding(days: -364)
        let sharesQuery = AppDatabase.clientSharesQuery(from: yearAgo, to: Ledger.today)
        let sharesBySQL = try memory.read { db in
            try Row.fetchAll(db, sql: sharesQuery.sql, arguments: sharesQuery.arguments).map { row in
                ClientShareRow(clientID: row[0], code: row[1], name: row[2], sales: Money(cents: row[3]), outstanding: Money(cents: row[4]))
            }
        }
        #expect(sharesBySQL.count > 20)
        #expect(try file.clientShares(from: yearAgo, to: Ledger.today) == sharesBySQL)
        #expect(try memory.clientShares(from: yearAgo, to: Ledger.today) == sharesBySQL)
        // The aging, summed from the plain open invoices, is the rows of its SQL statement.
        for asOf in [Ledger.today, Ledger.today.adding(days: -45), Ledger.today.adding(days: 60)] {
            let agingQuery = AppDatabase.agingQuery(asOf: asOf)
            let agingBySQL = try memory.read { db in
                try Row.fetchAll(db, sql: agingQuery.sql, arguments: agingQuery.arguments).map { row in
                    ClientAgingRow(
                        clientID: row[0], code: row[1], name: row[2], notDue: Money(cents: row[3]), days1to30: Money(cents: row[4]),
                        days31to60: Money(cents: row[5]), days61to90: Money(cents: row[6]), over90: Money(cents: row[7]))
                }
            }
            #expect(agingBySQL.count > 10)
            #expect(try file.agingRows(asOf: asOf) == agingBySQL)
            #expect(try memory.agingRows(asOf: asOf) == agingBySQL)
        }
        // One client's inputs, read alone, are its row of the whole ledger.
        for row in fromFile.prefix(12) {
            #expect(try file.riskInputs(asOf: Ledger.today, clientID: row.clientID) == [row])
            #expect(try memory.riskInputs(asOf: Ledger.today, clientID: row.clientID) == [row])
        }
    }
}
