import Foundation
import Persistence
import Receivables
import Testing

/// The ledger side of imports: one transaction, idempotent re-imports, exact undo, conflicts
/// that roll everything back.
@Suite struct ImportWriterTests {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// Imports two invoices for a known and a new client, then a payment over both.
    func importSample(_ db: AppDatabase) throws -> ImportCounts {
        try db.importing(action: "data.import", summary: "import de test.csv", day: Ledger.today, reading: .addThenEndOfMonth) {
            writer in
            let moreau = try #require(writer.clientID(named: "garage moreau"))
            let roux = try writer.clientID(creatingIfNeeded: "Imprimerie Roux")
            try writer.invoice(number: "I-1", clientID: moreau, issue: day("2026-09-01"), due: nil, amount: Money(cents: 10_000))
            try writer.invoice(
                number: "I-2", clientID: roux, issue: day("2026-09-10"), due: day("2026-10-10"), amount: Money(cents: 30_000))
            try writer.payment(
                key: "k1", clientID: moreau, day: day("2026-10-05"), amount: Money(cents: 15_000), method: .transfer, invoiceNumber: nil,
                note: nil)
            try writer.payment(
                key: "k2", clientID: roux, day: day("2026-10-20"), amount: Money(cents: 5_000), method: nil, invoiceNumber: "I-2",
                note: "VIR 12")
            return writer.counts
        }
    }

    @Test func importAddsClientsInvoicesAndAllocatedPayments() throws {
        let db = try AppDatabase.inMemory()
        let (moreau, _) = try UndoTests.seeded(db)
        let counts = try importSample(db)
        #expect(counts.clientsAdded == 1)
        #expect(counts.invoicesAdded == 2)
        #expect(counts.paymentsAdded == 2)
        #expect(counts.received == Money(cents: 20_000))
        // Moreau's 15 000 go to its oldest open invoices first: F-1 (7 500 left), then F-2.
        #expect(try db.invoice(number: "F-1")?.outstanding == .zero)
        #expect(try db.invoice(number: "F-2")?.outstanding == Money(cents: 12_500))
        #expect(try db.invoice(number: "I-1")?.outstanding == Money(cents: 10_000))
        // Due day from the client's terms (30 days): 2026-10-01.
        #expect(try db.invoice(number: "I-1")?.dueDay == day("2026-10-01"))
        #expect(try db.invoice(number: "I-2")?.outstanding == Money(cents: 25_000))
        #expect(try db.credit(clientID: moreau.id!) == .zero)
        #expect(try db.recentChanges().first?.summary == "import de test.csv : 1 client, 2 factures, 2 paiements")
    }

    @Test func reimportingTheSameLinesAddsNothing() throws {
        let db = try AppDatabase.inMemory()
        _ = try UndoTests.seeded(db)
        _ = try importSample(db)
        let before = try LedgerDump(db)
        let changes = try db.recentChanges()
        let again = try importSample(db)
        #expect(again.clientsAdded == 0 && again.invoicesAdded == 0 && again.paymentsAdded == 0)
        #expect(again.invoicesAlreadyPresent == 2 && again.paymentsAlreadyPresent == 2)
        #expect(try LedgerDump(db) == before)
        // Nothing added: no line in the audit trail either.
        #expect(try db.recentChanges() == changes)
    }

    @Test func undoRemovesTheWholeImportAndRestoresTouchedInvoices() throws {
        let db = try AppDatabase.inMemory()
        _ = try UndoTests.seeded(db)
        let before = try LedgerDump(db)
        _ = try importSample(db)
        #expect(try LedgerDump(db) != before)
        let undone = try db.undoLastChange()
        #expect(undone.action == "data.import")
        #expect(try LedgerDump(db) == before)
        #expect(try db.invoice(number: "I-1") == nil)
    }

    @Test func aConflictRollsBackEveryLine() throws {
        let db = try AppDatabase.inMemory()
        let (_, dupont) = try UndoTests.seeded(db)
        let before = try LedgerDump(db)
        #expect(throws: ImportConflict.self) {
            try db.importing(action: "data.import", summary: "import", day: Ledger.today, reading: .addThenEndOfMonth) { writer in
                try writer.invoice(
                    number: "I-9", clientID: dupont.id!, issue: day("2026-09-01"), due: nil, amount: Money(cents: 1_000))
                // F-1 is Moreau's: the same number for Dupont is refused.
                try writer.invoice(
                    number: "F-1", clientID: dupont.id!, issue: day("2026-09-01"), due: nil, amount: Money(cents: 10_000))
            }
        }
        #expect(try LedgerDump(db) == before)
    }

    @Test func statedSettlementsApplyAsGivenAndLeaveTheRestAsCredit() throws {
        let db = try AppDatabase.inMemory()
        let (_, dupont) = try UndoTests.seeded(db)
        try db.importing(action: "data.import", summary: "FEC", day: Ledger.today, reading: .addThenEndOfMonth) { writer in
            try writer.invoice(number: "FA-1", clientID: dupont.id!, issue: day("2026-09-01"), due: nil, amount: Money(cents: 8_000))
            try writer.settledPayment(
                key: "fec:1", clientID: dupont.id!, day: day("2026-10-01"), amount: Money(cents: 9_000), method: nil, note: nil,
                allocations: [("FA-1", Money(cents: 8_000))])
            #expect(throws: ImportConflict.self) {
                try writer.settledPayment(
                    key: "fec:2", clientID: dupont.id!, day: day("2026-10-02"), amount: Money(cents: 100), method: nil, note: nil,
                    allocations: [("FA-1", Money(cents: 100))])
            }
        }
        #expect(try db.invoice(number: "FA-1")?.outstanding == .zero)
        #expect(try db.credit(clientID: dupont.id!) == Money(cents: 1_000))
    }
}
