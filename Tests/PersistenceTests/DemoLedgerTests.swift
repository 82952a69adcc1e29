import Persistence
import Receivables
import Testing

/// Proves the demo ledger is what product.md promises: the same on every load, with the two
/// colliding Martin names, consumers, a dispute, an overpayment kept as credit, partial
/// payments and several late payers; and that the scaled generator makes about the number
/// of clients and invoices asked for, with distinct names.
@Suite struct DemoLedgerTests {
    static func load(today: Day = Ledger.today) throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        try db.loadDemo(DemoLedger(today: today))
        return db
    }

    @Test func twoLoadsAreIdentical() throws {
        let a = try Self.load()
        let b = try Self.load()
        #expect(try a.clientSummaries(asOf: Ledger.today) == b.clientSummaries(asOf: Ledger.today))
        #expect(try a.invoices(InvoiceFilter(), asOf: Ledger.today) == b.invoices(InvoiceFilter(), asOf: Ledger.today))
        #expect(try a.overdueClients(OverdueQuery(asOf: Ledger.today)) == b.overdueClients(OverdueQuery(asOf: Ledger.today)))
        for client in try a.clientNames() {
            #expect(try a.payments(clientID: client.id, limit: 1_000) == b.payments(clientID: client.id, limit: 1_000))
        }
    }

    @Test func anotherDayGivesTheSameRosterButOtherInvoices() throws {
        let a = try Self.load()
        let b = try Self.load(today: Ledger.day("2027-03-01"))
        #expect(try a.clientNames().map(\.name) == b.clientNames().map(\.name))
        let lastA = try a.invoices(InvoiceFilter(limit: 1), asOf: Ledger.today).first?.invoice.issueDay
        let lastB = try b.invoices(InvoiceFilter(limit: 1), asOf: Ledger.day("2027-03-01")).first?.invoice.issueDay
        #expect(lastA != lastB)
    }

    @Test func rosterHasTheCollidingMartinsAndTheKnownClients() throws {
        let names = Set(try Self.load().clientNames().map(\.name))
        for name in [
            "Martin SARL", "Martin & Fils", "Garage Moreau", "Boulangerie Dupont", "Café de l'Étoile", "Clinique Vétérinaire Morel",
            "Serrurerie Lemoine", "Imprimerie Roux",
        ] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(names.count == 29)
    }

    @Test func everyRosterClientHasInvoices() throws {
        let db = try Self.load()
        for client in try db.clientNames() {
            #expect(try db.invoiceHistory(clientID: client.id).count > 0, "\(client.name)")
        }
    }

    @Test func containsConsumersAndBusinesses() throws {
        let summaries = try Self.load().clientSummaries(asOf: Ledger.today)
        let consumers = summaries.filter { $0.client.kind == .consumer }.map(\.client.name)
        #expect(Set(consumers) == ["Julien Perrin", "Claire Lefèvre", "Thomas Bertrand", "Sophie Robin"])
        #expect(summaries.filter { $0.client.kind == .business }.count == 25)
    }

    @Test func containsAtLeastOneOpenDisputedInvoice() throws {
        let db = try Self.load()
        let disputed = try db.invoices(InvoiceFilter(status: .disputed), asOf: Ledger.today)
        #expect(!disputed.isEmpty)
        #expect(disputed.allSatisfy { $0.invoice.disputed && $0.invoice.outstanding.isPositive })
        #expect(disputed.contains { $0.clientName == "Serrurerie Lemoine" })
    }

    @Test func containsAPaymentWithUnallocatedCredit() throws {
        let db = try Self.load()
        var creditors: [String] = []
        for client in try db.clientNames() {
            let payments = try db.payments(clientID: client.id, limit: 1_000)
            let unallocated = payments.map(\.unallocated).sum()
            #expect(try db.credit(clientID: client.id) == unallocated)
            if unallocated.isPositive { creditors.append(client.name) }
        }
        #expect(creditors.contains("Imprimerie Roux"))
    }

    @Test func containsPartiallyPaidInvoices() throws {
        let open = try Self.load().invoices(InvoiceFilter(status: .open), asOf: Ledger.today)
        #expect(open.contains { $0.invoice.outstanding < $0.invoice.amount })
    }

    @Test func severalClientsAreLateAndSomeAreNot() throws {
        let db = try Self.load()
        let report = try db.overdueClients(OverdueQuery(asOf: Ledger.today))
        #expect(report.clientCount >= 4)
        #expect(report.clientCount < 29)
        let late = Set(report.rows.map(\.name))
        #expect(late.contains("Garage Moreau"))
        #expect(!late.contains("Durand SAS"))
    }

    @Test func invoicesAreConsistent() throws {
        let db = try Self.load()
        let invoices = try db.invoices(InvoiceFilter(), asOf: Ledger.today).map(\.invoice)
        #expect(invoices.count > 300)
        #expect(Set(invoices.map(\.number)).count == invoices.count)
        for invoice in invoices {
            #expect(invoice.amount.isPositive)
            #expect(!invoice.outstanding.isNegative && invoice.outstanding <= invoice.amount)
            #expect(invoice.issueDay <= Ledger.today.adding(days: -3))
            #expect(invoice.issueDay < invoice.dueDay)
            #expect(invoice.number.hasPrefix("F-\(invoice.issueDay.year)-"))
        }
        #expect(try db.invoiceCount(numberPrefix: "F-2026-") > 0)
    }

    @Test func paymentsAreNeverInTheFuture() throws {
        let db = try Self.load()
        for client in try db.clientNames() {
            for payment in try db.payments(clientID: client.id, limit: 1_000) {
                #expect(payment.day <= Ledger.today)
                #expect(payment.amount.isPositive)
            }
        }
    }

    @Test func loadingIntoANonEmptyLedgerIsRefused() throws {
        let db = try AppDatabase.inMemory()
        try Ledger.client(db, "Garage Moreau")
        #expect(throws: PersistenceError.self) { try db.loadDemo(DemoLedger(today: Ledger.today)) }
        #expect(try db.clientCount() == 1)
    }

    @Test func progressReachesTheTotal() throws {
        let db = try AppDatabase.inMemory()
        let calls = ProgressLog()
        try db.loadDemo(DemoLedger(today: Ledger.today)) { done, total in calls.append(done, total) }
        let last = try #require(calls.entries.last)
        #expect(last.0 == last.1)
        #expect(last.1 == (try db.ledgerCounts().invoices))
    }

    // MARK: Scaled

    @Test func scaledGenerationMakesAboutTheRequestedSize() throws {
        let db = try AppDatabase.inMemory()
        try db.loadDemo(DemoLedger(today: Ledger.today, clientCount: 200, invoiceCount: 4_000))
        let counts = try db.ledgerCounts()
        #expect(counts.clients == 200)
        #expect((3_200...4_800).contains(counts.invoices), "\(counts.invoices) invoices")
        let names = try db.clientNames()
        #expect(Set(names.map(\.name)).count == 200)
        #expect(Set(names.map(\.code)).count == 200)
        #expect(try db.overdueClients(OverdueQuery(asOf: Ledger.today)).clientCount > 10)
    }

    @Test func scaledGenerationIsDeterministic() throws {
        let a = try AppDatabase.inMemory()
        let b = try AppDatabase.inMemory()
        try a.loadDemo(DemoLedger(today: Ledger.today, clientCount: 50, invoiceCount: 500))
        try b.loadDemo(DemoLedger(today: Ledger.today, clientCount: 50, invoiceCount: 500))
        #expect(try a.clientSummaries(asOf: Ledger.today) == b.clientSummaries(asOf: Ledger.today))
    }
}

/// Collects progress callbacks.
final class ProgressLog {
    private(set) var entries: [(Int, Int)] = []
    func append(_ done: Int, _ total: Int) { entries.append((done, total)) }
}
