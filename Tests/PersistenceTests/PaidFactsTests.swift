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
        for _ in 0..<4 {
            try db.undoLastChange()
            #expect(try Self.mismatches(db).isEmpty)
        }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM invoice WHERE paid_day IS NOT NULL") } == 0)
    }

    @Test func theDemoLedgerAndAnImportAreRightToo() throws {
        let db = try AppDatabase.inMemory()
        try db.loadDemo(DemoLedger(today: Ledger.today))
        #expect(try Self.mismatches(db).isEmpty)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM invoice WHERE paid_day IS NOT NULL") }! > 100)
        let client = try db.clientNames()[0]
        try db.importing(action: "data.import", summary: "test", day: Ledger.today, reading: .addThenEndOfMonth) { writer in
            try writer.invoice(
                number: "IMP-1", clientID: client.id, issue: Day(iso: "2026-10-01")!, due: nil, amount: Money(cents: 1_000))
            try writer.settledPayment(
                key: "k", clientID: client.id, day: Day(iso: "2026-11-02")!, amount: Money(cents: 1_000), method: nil, note: nil,
                allocations: [("IMP-1", Money(cents: 1_000))])
        }
        #expect(try Self.mismatches(db).isEmpty)
        try db.undoLastChange()
        #expect(try Self.mismatches(db).isEmpty)
    }
}
