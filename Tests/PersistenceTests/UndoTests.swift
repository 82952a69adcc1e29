import Foundation
import Persistence
import Receivables
import Testing

import struct GRDB.Configuration
import class GRDB.DatabaseQueue
import class GRDB.Row

/// Everything the ledger shows through its public reads, for before/after comparisons.
struct LedgerDump: Equatable, CustomStringConvertible {
    var clients: [ClientSummary]
    var invoices: [InvoiceLine]
    var payments: [Int64: [Payment]]
    var credits: [Int64: Money]
    var openInvoices: [Int64: [Invoice]]
    var positions: [Int64: ClientPosition]
    var overdue: OverdueReport
    var counts: [Int]

    init(_ db: AppDatabase, asOf day: Day = Ledger.today) throws {
        clients = try db.clientSummaries(asOf: day)
        invoices = try db.invoices(InvoiceFilter(), asOf: day)
        let ids = clients.compactMap(\.client.id)
        payments = try Dictionary(uniqueKeysWithValues: ids.map { ($0, try db.payments(clientID: $0, limit: 10_000)) })
        credits = try Dictionary(uniqueKeysWithValues: ids.map { ($0, try db.credit(clientID: $0)) })
        openInvoices = try Dictionary(uniqueKeysWithValues: ids.map { ($0, try db.openInvoices(clientID: $0)) })
        positions = try Dictionary(uniqueKeysWithValues: ids.map { ($0, try db.position(clientID: $0, asOf: day)) })
        overdue = try db.overdueClients(OverdueQuery(asOf: day))
        let c = try db.ledgerCounts()
        counts = [c.clients, c.invoices, c.payments]
    }

    var description: String {
        "\(counts) clients=\(clients.map(\.client.code)) invoices=\(invoices.map { "\($0.invoice.number):\($0.invoice.outstanding.cents)" }) credits=\(credits)"
    }
}

/// Every row of the four ledger tables, read straight from the file (allocations have no
/// public read of their own).
struct RawTables: Equatable {
    var tables: [String: [Row]]

    init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        tables = try queue.read { db in
            var result: [String: [Row]] = [:]
            for table in ["client", "invoice", "payment", "allocation"] {
                result[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id")
            }
            return result
        }
    }
}

/// Proves that every change can be taken back exactly: after a client, an invoice or a
/// payment (several allocations and a credit), `undoLastChange()` puts every public read and
/// every ledger row back as it was, marks the change undone in the audit trail, goes back
/// one change per call, refuses when nothing is left; and a failing change writes nothing.
@Suite struct UndoTests {
    /// A small ledger: two clients, three invoices, one partial payment.
    static func seeded(_ db: AppDatabase) throws -> (moreau: Client, dupont: Client) {
        let moreau = try Ledger.client(db, "Garage Moreau")
        let dupont = try Ledger.client(db, "Boulangerie Dupont")
        try Ledger.invoice(db, "F-1", client: moreau, issue: "2026-08-01", due: "2026-09-01", cents: 10_000)
        try Ledger.invoice(db, "F-2", client: moreau, issue: "2026-09-01", due: "2026-10-01", cents: 20_000)
        try Ledger.invoice(db, "F-3", client: dupont, issue: "2026-10-01", due: "2026-12-01", cents: 5_000, disputed: true)
        try Ledger.payment(db, client: moreau, cents: 2_500, on: "2026-09-15")
        return (moreau, dupont)
    }

    @Test func undoingAClientAddRestoresTheLedger() throws {
        let db = try AppDatabase.inMemory()
        _ = try Self.seeded(db)
        let before = try LedgerDump(db)
        let changesBefore = try db.recentChanges()
        try Ledger.client(db, "Martin SARL")
        #expect(try LedgerDump(db) != before)

        let undone = try db.undoLastChange()
        #expect(undone.action == "client.add")
        #expect(undone.summary.contains("Martin SARL"))
        #expect(try LedgerDump(db) == before)
        let changes = try db.recentChanges()
        #expect(changes.count == changesBefore.count + 1)
        #expect(changes[0].action == "client.add" && changes[0].undone)
        #expect(Array(changes.dropFirst()) == changesBefore)
    }

    @Test func undoingAnInvoiceAddRestoresTheLedger() throws {
        let db = try AppDatabase.inMemory()
        let (moreau, _) = try Self.seeded(db)
        let before = try LedgerDump(db)
        try Ledger.invoice(db, "F-9", client: moreau, due: "2026-11-01", cents: 99_999)

        let undone = try db.undoLastChange()
        #expect(undone.action == "invoice.add")
        #expect(undone.summary.contains("F-9"))
        #expect(undone.day == Ledger.today)
        #expect(try LedgerDump(db) == before)
        #expect(try db.invoice(number: "F-9") == nil)
        #expect(try db.recentChanges().first?.undone == true)
    }

    @Test func undoingAPaymentWithSeveralAllocationsAndCreditRestoresTheLedger() throws {
        let db = try AppDatabase.inMemory()
        let (moreau, _) = try Self.seeded(db)
        let before = try LedgerDump(db)
        let receipt = try Ledger.payment(db, client: moreau, cents: 40_000)
        #expect(receipt.lines.count == 2)
        #expect(receipt.credit == Money(cents: 12_500))

        let undone = try db.undoLastChange()
        #expect(undone.action == "payment.record")
        #expect(try LedgerDump(db) == before)
        #expect(try db.credit(clientID: moreau.id!) == .zero)
        #expect(try db.openInvoices(clientID: moreau.id!).map(\.outstanding) == [Money(cents: 7_500), Money(cents: 20_000)])
    }

    @Test func undoRestoresEveryRowOfTheFileExactly() throws {
        let file = try TemporaryLedgerFile()
        let db = try file.open()
        let (moreau, dupont) = try Self.seeded(db)
        let tables = try RawTables(path: file.path)
        #expect(tables.tables["allocation"]?.count == 1)

        try Ledger.payment(db, client: moreau, cents: 40_000)
        #expect(try RawTables(path: file.path).tables["allocation"]?.count == 3)
        try db.undoLastChange()
        #expect(try RawTables(path: file.path) == tables)

        try Ledger.client(db, "Martin SARL")
        try db.undoLastChange()
        #expect(try RawTables(path: file.path) == tables)

        let named = try #require(try db.invoice(number: "F-3"))
        try Ledger.payment(db, client: dupont, cents: 6_000, invoice: named)
        try db.undoLastChange()
        #expect(try RawTables(path: file.path) == tables)
    }

    @Test func undoTwiceUndoesTwoChangesInReverseOrder() throws {
        let db = try AppDatabase.inMemory()
        let (moreau, _) = try Self.seeded(db)
        let state0 = try LedgerDump(db)
        try Ledger.invoice(db, "F-9", client: moreau, due: "2026-11-01", cents: 1_000)
        let state1 = try LedgerDump(db)
        try Ledger.payment(db, client: moreau, cents: 31_000)

        #expect(try db.undoLastChange().action == "payment.record")
        #expect(try LedgerDump(db) == state1)
        #expect(try db.undoLastChange().action == "invoice.add")
        #expect(try LedgerDump(db) == state0)
        let changes = try db.recentChanges()
        #expect(changes.prefix(2).allSatisfy { $0.undone })
        #expect(changes.dropFirst(2).allSatisfy { !$0.undone })
    }

    @Test func undoSkipsChangesAlreadyUndone() throws {
        let db = try AppDatabase.inMemory()
        let (moreau, _) = try Self.seeded(db)
        let state0 = try LedgerDump(db)
        try Ledger.invoice(db, "F-9", client: moreau, due: "2026-11-01", cents: 1_000)
        try db.undoLastChange()
        try Ledger.client(db, "Martin SARL")
        #expect(try db.undoLastChange().action == "client.add")
        #expect(try LedgerDump(db) == state0)
        // The next one back is the seeded payment, not the invoice already undone.
        #expect(try db.undoLastChange().action == "payment.record")
        #expect(try db.credit(clientID: moreau.id!) == .zero)
        #expect(try db.openInvoices(clientID: moreau.id!).map(\.outstanding) == [Money(cents: 10_000), Money(cents: 20_000)])
    }

    @Test func undoingEverythingLeavesAnEmptyLedgerThenRefuses() throws {
        let db = try AppDatabase.inMemory()
        _ = try Self.seeded(db)
        for _ in 0..<6 { try db.undoLastChange() }
        let counts = try db.ledgerCounts()
        #expect(counts.clients == 0 && counts.invoices == 0 && counts.payments == 0)
        #expect(try db.recentChanges().count == 6)
        #expect(try db.recentChanges().allSatisfy { $0.undone })
        #expect(throws: PersistenceError.nothingToUndo) { try db.undoLastChange() }
    }

    @Test func undoOnAnEmptyJournalThrowsNothingToUndo() throws {
        let db = try AppDatabase.inMemory()
        #expect(throws: PersistenceError.nothingToUndo) { try db.undoLastChange() }
        #expect(try db.recentChanges().isEmpty)
    }

    @Test func demoGenerationIsNotAnUndoableChange() throws {
        let db = try AppDatabase.inMemory()
        try db.loadDemo(DemoLedger(today: Ledger.today))
        let before = try db.ledgerCounts()
        #expect(throws: PersistenceError.nothingToUndo) { try db.undoLastChange() }
        #expect(try db.ledgerCounts() == before)
    }

    @Test func failingChangeWritesNothingNotEvenAnAuditLine() throws {
        let db = try AppDatabase.inMemory()
        let (moreau, _) = try Self.seeded(db)
        let before = try LedgerDump(db)
        let changesBefore = try db.recentChanges()
        #expect(throws: PersistenceError.duplicateInvoiceNumber("F-1")) {
            try Ledger.invoice(db, "F-1", client: moreau, due: "2026-12-01", cents: 1)
        }
        #expect(throws: PersistenceError.duplicateClientCode("GARAGE-MOREAU")) {
            try Ledger.client(db, "Autre", code: "GARAGE-MOREAU")
        }
        #expect(try LedgerDump(db) == before)
        #expect(try db.recentChanges() == changesBefore)
        // And undo still takes back the last change that did happen.
        #expect(try db.undoLastChange().action == "payment.record")
    }

    @Test func undoIsPersistedInTheFile() throws {
        let file = try TemporaryLedgerFile()
        do {
            let db = try file.open()
            _ = try Self.seeded(db)
            try db.undoLastChange()
        }
        let reopened = try file.open()
        #expect(try reopened.ledgerCounts().payments == 0)
        #expect(try reopened.recentChanges().first?.undone == true)
        #expect(try reopened.undoLastChange().action == "invoice.add")
    }
}
