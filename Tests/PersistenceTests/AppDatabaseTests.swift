import Foundation
import Persistence
import Receivables
import Testing

/// A ledger file in a fresh temporary folder, removed when the value goes away.
final class TemporaryLedgerFile: Sendable {
    let folder: URL
    let path: String

    init(name: String = "ledger.sqlite") throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent(name).path
    }

    func open() throws -> AppDatabase { try AppDatabase.openFile(at: path) }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

/// Fixed days and small builders shared by the persistence tests.
enum Ledger {
    static let today = Day(iso: "2026-11-22")!

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    @discardableResult
    static func client(_ db: AppDatabase, _ name: String, code: String = "", kind: ClientKind = .business) throws -> Client {
        try db.addClient(Client(code: code, name: name, kind: kind), day: today)
    }

    @discardableResult
    static func invoice(
        _ db: AppDatabase, _ number: String, client: Client, issue: String = "2026-09-01", due: String, cents: Int64,
        disputed: Bool = false
    ) throws -> Invoice {
        try db.addInvoice(
            Invoice(
                number: number, clientID: client.id!, issueDay: day(issue), dueDay: day(due), amount: Money(cents: cents),
                disputed: disputed),
            day: today)
    }

    @discardableResult
    static func payment(_ db: AppDatabase, client: Client, cents: Int64, on iso: String = "2026-11-20", invoice: Invoice? = nil)
        throws -> PaymentReceipt
    {
        try db.recordPayment(
            Payment(clientID: client.id!, day: day(iso), amount: Money(cents: cents), method: .transfer, invoiceID: invoice?.id),
            today: today)
    }
}

/// Proves the ledger gateway on a real SQLite file: the file is created, migrated and in WAL
/// mode, reopens with its data intact, and the writes keep their rules (client codes made
/// unique, invoice numbers never duplicated, payments allocated oldest first with the rest as
/// credit, a payment naming a settled invoice kept as credit).
@Suite struct AppDatabaseTests {
    // MARK: File, migrations, WAL

    @Test func openingANewFileCreatesAnEmptyMigratedLedger() throws {
        let file = try TemporaryLedgerFile()
        let db = try file.open()
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(db.location == file.path)
        let counts = try db.ledgerCounts()
        #expect(counts.clients == 0 && counts.invoices == 0 && counts.payments == 0)
        #expect(try db.recentChanges().isEmpty)
        #expect(try db.clientSummaries(asOf: Ledger.today).isEmpty)
        #expect(try db.integrityCheck() == ["ok"])
    }

    @Test func openingCreatesMissingFolders() throws {
        let file = try TemporaryLedgerFile()
        let nested = file.folder.appendingPathComponent("a/b/c/ledger.sqlite").path
        let db = try AppDatabase.openFile(at: nested)
        try Ledger.client(db, "Garage Moreau")
        #expect(FileManager.default.fileExists(atPath: nested))
    }

    @Test func fileIsInWALMode() throws {
        let file = try TemporaryLedgerFile()
        let db = try file.open()
        try Ledger.client(db, "Garage Moreau")
        // SQLite file header, bytes 18 and 19: file format write/read version, 2 = WAL.
        let header = try #require(FileManager.default.contents(atPath: file.path))
        #expect(header.prefix(16) == Data("SQLite format 3\0".utf8))
        #expect(header[18] == 2)
        #expect(header[19] == 2)
    }

    @Test func reopeningKeepsDataAndRunsMigrationsOnlyOnce() throws {
        let file = try TemporaryLedgerFile()
        do {
            let db = try file.open()
            let client = try Ledger.client(db, "Garage Moreau")
            try Ledger.invoice(db, "F-2026-001", client: client, due: "2026-10-01", cents: 120_050)
        }
        let again = try file.open()
        let third = try file.open()
        #expect(try again.integrityCheck() == ["ok"])
        #expect(try again.ledgerCounts().invoices == 1)
        #expect(try third.invoice(number: "F-2026-001")?.amount == Money(cents: 120_050))
        #expect(try third.recentChanges().count == 2)
    }

    @Test func twoConnectionsOnOneFileSeeEachOthersWrites() throws {
        let file = try TemporaryLedgerFile()
        let first = try file.open()
        let second = try file.open()
        try Ledger.client(first, "Garage Moreau")
        #expect(try second.clientCount() == 1)
        try Ledger.client(second, "Martin SARL")
        #expect(try first.clientNames().map(\.name) == ["Garage Moreau", "Martin SARL"])
    }

    @Test func inMemoryLedgersAreIndependent() throws {
        let a = try AppDatabase.inMemory()
        let b = try AppDatabase.inMemory()
        try Ledger.client(a, "Garage Moreau")
        #expect(try a.clientCount() == 1)
        #expect(try b.clientCount() == 0)
        #expect(a.location == ":memory:")
    }

    // MARK: Clients

    @Test(arguments: [
        ("Boulangerie Dupont", "BOULANGERIE-DUPONT"),
        ("Garage Moreau", "GARAGE-MOREAU"),
        ("Café de l'Étoile", "CAFE-DE-L"),
        ("Électricité Mercier", "ELECTRICITE-MERCIER"),
        ("Martin & Fils", "MARTIN-FILS"),
        ("Restaurant La Table de Léa", "RESTAURANT-LA-TABLE"),
        ("Durand", "DURAND"),
        ("!!!", "CLIENT"),
        ("Établissements Quincaillerie Générale", "ETABLISSEMENTS-QUINCAILL"),
    ])
    func emptyCodeIsDerivedFromTheName(name: String, code: String) throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, name)
        #expect(client.code == code)
        #expect(client.code.count <= 24)
        #expect(client.id != nil)
        #expect(try db.client(id: client.id!) == client)
    }

    @Test func derivedCodesAreMadeUnique() throws {
        let db = try AppDatabase.inMemory()
        let codes = try (0..<4).map { _ in try Ledger.client(db, "Boulangerie Dupont").code }
        #expect(codes == ["BOULANGERIE-DUPONT", "BOULANGERIE-DUPONT-2", "BOULANGERIE-DUPONT-3", "BOULANGERIE-DUPONT-4"])
    }

    @Test func derivedCodeAvoidsACodeTypedByHand() throws {
        let db = try AppDatabase.inMemory()
        try Ledger.client(db, "Autre", code: "GARAGE-MOREAU")
        #expect(try Ledger.client(db, "Garage Moreau").code == "GARAGE-MOREAU-2")
    }

    @Test func givenCodeIsKept() throws {
        let db = try AppDatabase.inMemory()
        let client = try db.addClient(
            Client(
                code: "411DUPONT", name: "Boulangerie Dupont", email: "a@b.fr", phone: "0561234567",
                terms: PaymentTerms(days: 45, endOfMonth: true), kind: .consumer),
            day: Ledger.today)
        let stored = try db.client(id: client.id!)
        #expect(stored.code == "411DUPONT")
        #expect(stored.email == "a@b.fr" && stored.phone == "0561234567")
        #expect(stored.terms == PaymentTerms(days: 45, endOfMonth: true))
        #expect(stored.kind == .consumer)
    }

    @Test func duplicateGivenCodeIsRefused() throws {
        let db = try AppDatabase.inMemory()
        try Ledger.client(db, "Boulangerie Dupont", code: "DUPONT")
        #expect(throws: PersistenceError.duplicateClientCode("DUPONT")) {
            try Ledger.client(db, "Autre Dupont", code: "DUPONT")
        }
        #expect(try db.clientCount() == 1)
    }

    @Test func unknownClientIsAnError() throws {
        let db = try AppDatabase.inMemory()
        #expect(throws: PersistenceError.unknownClient(42)) { try db.client(id: 42) }
    }

    // MARK: Invoices

    @Test func invoiceIsStoredWithItsOutstanding() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        let invoice = try Ledger.invoice(db, "F-2026-014", client: client, due: "2026-10-01", cents: 120_050)
        #expect(invoice.id != nil)
        let stored = try #require(try db.invoice(number: "F-2026-014"))
        #expect(stored == invoice)
        #expect(stored.outstanding == Money(cents: 120_050))
        #expect(try db.invoice(number: "f-2026-014") == invoice)
        #expect(try db.invoice(number: "F-2026-015") == nil)
    }

    @Test(arguments: ["F-2026-001", "f-2026-001"])
    func duplicateInvoiceNumberIsRefused(number: String) throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        try Ledger.invoice(db, "F-2026-001", client: client, due: "2026-10-01", cents: 10_000)
        #expect(throws: PersistenceError.duplicateInvoiceNumber(number)) {
            try Ledger.invoice(db, number, client: client, due: "2026-12-01", cents: 20_000)
        }
        #expect(try db.ledgerCounts().invoices == 1)
        #expect(try db.invoice(number: "F-2026-001")?.amount == Money(cents: 10_000))
    }

    @Test func invoiceForAnUnknownClientIsRefused() throws {
        let db = try AppDatabase.inMemory()
        let ghost = Client(id: 99, code: "X", name: "Fantôme")
        #expect(throws: PersistenceError.unknownClient(99)) {
            try Ledger.invoice(db, "F-1", client: ghost, due: "2026-12-01", cents: 100)
        }
    }

    @Test func invoiceCountByNumberPrefix() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        for number in ["F-2026-001", "F-2026-002", "F-2025-099", "A-2026-001"] {
            try Ledger.invoice(db, number, client: client, due: "2026-12-01", cents: 100)
        }
        #expect(try db.invoiceCount(numberPrefix: "F-2026-") == 2)
        #expect(try db.invoiceCount(numberPrefix: "F-") == 3)
        #expect(try db.invoiceCount(numberPrefix: "Z") == 0)
    }

    // MARK: Payments

    @Test func paymentIsAllocatedOldestFirstWithTheRestAsCredit() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        let newer = try Ledger.invoice(db, "F-2", client: client, issue: "2026-10-01", due: "2026-10-31", cents: 20_000)
        let older = try Ledger.invoice(db, "F-1", client: client, issue: "2026-09-01", due: "2026-10-01", cents: 10_000)
        let receipt = try Ledger.payment(db, client: client, cents: 35_000)
        #expect(receipt.lines.map(\.invoiceNumber) == ["F-1", "F-2"])
        #expect(receipt.lines.map(\.amount) == [Money(cents: 10_000), Money(cents: 20_000)])
        #expect(receipt.lines.map(\.remaining) == [.zero, .zero])
        #expect(receipt.credit == Money(cents: 5_000))
        #expect(receipt.payment.unallocated == Money(cents: 5_000))
        #expect(receipt.payment.id != nil)
        #expect(try db.invoice(number: older.number)?.outstanding == .zero)
        #expect(try db.invoice(number: newer.number)?.outstanding == .zero)
        #expect(try db.credit(clientID: client.id!) == Money(cents: 5_000))
        #expect(try db.openInvoices(clientID: client.id!).isEmpty)
    }

    @Test func partialPaymentLeavesTheRemainderOnTheOldest() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        try Ledger.invoice(db, "F-1", client: client, due: "2026-10-01", cents: 10_000)
        try Ledger.invoice(db, "F-2", client: client, due: "2026-11-01", cents: 10_000)
        let receipt = try Ledger.payment(db, client: client, cents: 2_550)
        #expect(receipt.lines.map(\.invoiceNumber) == ["F-1"])
        #expect(receipt.lines.map(\.amount) == [Money(cents: 2_550)])
        #expect(receipt.lines.map(\.remaining) == [Money(cents: 7_450)])
        #expect(receipt.credit == .zero)
        #expect(try db.openInvoices(clientID: client.id!).map(\.outstanding) == [Money(cents: 7_450), Money(cents: 10_000)])
        let position = try db.position(clientID: client.id!, asOf: Ledger.today)
        #expect(position.outstanding == Money(cents: 17_450))
        #expect(position.overdue == Money(cents: 17_450))
        #expect(position.maxDaysLate == 52)
    }

    @Test func namedInvoiceIsPaidFirstAndExcessIsCredit() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        try Ledger.invoice(db, "F-1", client: client, due: "2026-10-01", cents: 10_000)
        let named = try Ledger.invoice(db, "F-2", client: client, due: "2026-11-01", cents: 5_000)
        let receipt = try Ledger.payment(db, client: client, cents: 8_000, invoice: named)
        #expect(receipt.lines.map(\.invoiceNumber) == ["F-2"])
        #expect(receipt.credit == Money(cents: 3_000))
        #expect(receipt.payment.invoiceID == named.id)
        #expect(try db.invoice(number: "F-1")?.outstanding == Money(cents: 10_000))
    }

    @Test func paymentOnASettledNamedInvoiceGoesToCredit() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        let named = try Ledger.invoice(db, "F-1", client: client, due: "2026-10-01", cents: 10_000)
        try Ledger.invoice(db, "F-2", client: client, due: "2026-11-01", cents: 5_000)
        try Ledger.payment(db, client: client, cents: 10_000, invoice: named)
        let second = try Ledger.payment(db, client: client, cents: 10_000, invoice: named)
        #expect(second.lines.isEmpty)
        #expect(second.credit == Money(cents: 10_000))
        #expect(try db.credit(clientID: client.id!) == Money(cents: 10_000))
        // The other open invoice is left alone: the client named F-1.
        #expect(try db.invoice(number: "F-2")?.outstanding == Money(cents: 5_000))
    }

    @Test func disputedInvoiceIsSkippedUnlessNamed() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Serrurerie Lemoine")
        let disputed = try Ledger.invoice(db, "F-1", client: client, due: "2026-09-01", cents: 10_000, disputed: true)
        try Ledger.invoice(db, "F-2", client: client, due: "2026-10-01", cents: 4_000)
        let onAccount = try Ledger.payment(db, client: client, cents: 5_000)
        #expect(onAccount.lines.map(\.invoiceNumber) == ["F-2"])
        #expect(onAccount.credit == Money(cents: 1_000))
        let byName = try Ledger.payment(db, client: client, cents: 10_000, invoice: disputed)
        #expect(byName.lines.map(\.invoiceNumber) == ["F-1"])
        #expect(try db.invoice(number: "F-1")?.outstanding == .zero)
    }

    @Test func paymentsOfAnotherClientDoNotTouchThisOne() throws {
        let db = try AppDatabase.inMemory()
        let a = try Ledger.client(db, "Garage Moreau")
        let b = try Ledger.client(db, "Martin SARL")
        try Ledger.invoice(db, "F-A", client: a, due: "2026-10-01", cents: 10_000)
        try Ledger.invoice(db, "F-B", client: b, due: "2026-09-01", cents: 10_000)
        try Ledger.payment(db, client: a, cents: 12_000)
        #expect(try db.invoice(number: "F-B")?.outstanding == Money(cents: 10_000))
        #expect(try db.credit(clientID: a.id!) == Money(cents: 2_000))
        #expect(try db.credit(clientID: b.id!) == .zero)
    }

    @Test func paymentForAnUnknownClientIsRefused() throws {
        let db = try AppDatabase.inMemory()
        #expect(throws: PersistenceError.unknownClient(7)) {
            try db.recordPayment(Payment(clientID: 7, day: Ledger.today, amount: Money(cents: 100)), today: Ledger.today)
        }
        #expect(try db.recentChanges().isEmpty)
    }

    @Test func paymentsAreListedMostRecentFirst() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        for (index, iso) in ["2026-11-01", "2026-11-20", "2026-10-15"].enumerated() {
            try Ledger.payment(db, client: client, cents: Int64(100 * (index + 1)), on: iso)
        }
        #expect(try db.payments(clientID: client.id!).map(\.day.iso) == ["2026-11-20", "2026-11-01", "2026-10-15"])
        #expect(try db.payments(clientID: client.id!, limit: 1).count == 1)
    }

    // MARK: Reads

    @Test(
        "client summaries filtered and limited in SQL are the whole list filtered in Swift",
        arguments: [nil] + ClientFilter.Status.allCases,
        [nil, ClientKind.business, .consumer].flatMap { kind in [nil, 0, 1, 7].map { (kind, $0) } })
    func clientSummariesFilter(status: ClientFilter.Status?, kindAndLimit: (ClientKind?, Int?)) throws {
        let (kind, limit) = kindAndLimit
        let db = try DemoLedgerTests.load()
        let all = try db.clientSummaries(asOf: Ledger.today)
        for summary in all.prefix(12) {
            let position = try db.position(clientID: summary.client.id!, asOf: Ledger.today)
            #expect(summary.outstanding == position.outstanding, "\(summary.client.name)")
        }
        let kept = all.filter { summary in
            let byStatus: Bool
            switch status {
            case .overdue?: byStatus = summary.overdue.isPositive
            case .open?: byStatus = summary.outstanding.isPositive
            case .paid?: byStatus = !summary.outstanding.isPositive
            case .disputed?: byStatus = summary.disputedInvoices > 0
            case nil: byStatus = true
            }
            return byStatus && (kind == nil || summary.client.kind == kind)
        }
        let (total, rows) = try db.clientSummaries(asOf: Ledger.today, filter: ClientFilter(status: status, kind: kind, limit: limit))
        #expect(total == kept.count)
        #expect(rows == Array(kept.prefix(limit ?? .max)))
    }

    @Test func clientSummariesGiveBalancesByName() throws {
        let db = try AppDatabase.inMemory()
        let moreau = try Ledger.client(db, "Garage Moreau")
        let dupont = try Ledger.client(db, "Boulangerie Dupont")
        try Ledger.client(db, "Atelier Blanc")
        try Ledger.invoice(db, "F-1", client: moreau, due: "2026-10-01", cents: 10_000)
        try Ledger.invoice(db, "F-2", client: moreau, due: "2026-12-01", cents: 5_000, disputed: true)
        try Ledger.invoice(db, "F-3", client: dupont, due: "2026-11-21", cents: 2_000)
        let summaries = try db.clientSummaries(asOf: Ledger.today)
        #expect(summaries.map(\.client.name) == ["Atelier Blanc", "Boulangerie Dupont", "Garage Moreau"])
        let byName = Dictionary(uniqueKeysWithValues: summaries.map { ($0.client.name, $0) })
        #expect(byName["Atelier Blanc"]?.outstanding == .zero)
        #expect(byName["Atelier Blanc"]?.maxDaysLate == 0)
        #expect(byName["Boulangerie Dupont"]?.overdue == Money(cents: 2_000))
        #expect(byName["Boulangerie Dupont"]?.maxDaysLate == 1)
        #expect(byName["Garage Moreau"]?.outstanding == Money(cents: 15_000))
        #expect(byName["Garage Moreau"]?.overdue == Money(cents: 10_000))
        #expect(byName["Garage Moreau"]?.disputedInvoices == 1)
        #expect(byName["Garage Moreau"]?.maxDaysLate == 52)
    }

    @Test func invoiceFiltersSelectByStatusClientAndDays() throws {
        let db = try AppDatabase.inMemory()
        let moreau = try Ledger.client(db, "Garage Moreau")
        let dupont = try Ledger.client(db, "Boulangerie Dupont")
        try Ledger.invoice(db, "F-1", client: moreau, issue: "2026-09-01", due: "2026-10-01", cents: 10_000)
        try Ledger.invoice(db, "F-2", client: moreau, issue: "2026-10-01", due: "2026-12-01", cents: 5_000, disputed: true)
        try Ledger.invoice(db, "F-3", client: dupont, issue: "2026-10-15", due: "2026-11-01", cents: 2_000)
        try Ledger.invoice(db, "F-4", client: dupont, issue: "2026-11-01", due: "2026-12-01", cents: 1_000)
        try Ledger.payment(db, client: dupont, cents: 2_000)

        func numbers(_ filter: InvoiceFilter) throws -> [String] {
            try db.invoices(filter, asOf: Ledger.today).map(\.invoice.number)
        }
        #expect(try numbers(InvoiceFilter()) == ["F-4", "F-3", "F-2", "F-1"])
        #expect(try numbers(InvoiceFilter(status: .open)) == ["F-4", "F-2", "F-1"])
        #expect(try numbers(InvoiceFilter(status: .overdue)) == ["F-1"])
        #expect(try numbers(InvoiceFilter(status: .paid)) == ["F-3"])
        #expect(try numbers(InvoiceFilter(status: .disputed)) == ["F-2"])
        #expect(try numbers(InvoiceFilter(clientID: dupont.id)) == ["F-4", "F-3"])
        #expect(try numbers(InvoiceFilter(issuedFrom: Ledger.day("2026-10-01"), issuedTo: Ledger.day("2026-10-31"))) == ["F-3", "F-2"])
        #expect(try numbers(InvoiceFilter(dueFrom: Ledger.day("2026-11-01"))) == ["F-3", "F-2", "F-4"])
        #expect(try numbers(InvoiceFilter(dueTo: Ledger.day("2026-11-01"))) == ["F-3", "F-1"])
        #expect(try numbers(InvoiceFilter(limit: 2)) == ["F-4", "F-3"])
        #expect(try db.invoices(InvoiceFilter(clientID: moreau.id), asOf: Ledger.today).allSatisfy { $0.clientName == "Garage Moreau" })
    }

    @Test func invoiceHistoryCountsEveryInvoice() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        try Ledger.invoice(db, "F-1", client: client, due: "2026-10-01", cents: 10_000)
        try Ledger.invoice(db, "F-2", client: client, due: "2026-10-01", cents: 2_500)
        try Ledger.payment(db, client: client, cents: 12_500)
        let history = try db.invoiceHistory(clientID: client.id!)
        #expect(history.count == 2)
        #expect(history.total == Money(cents: 12_500))
    }

    @Test func auditTrailListsChangesMostRecentFirst() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        try Ledger.invoice(db, "F-1", client: client, due: "2026-10-01", cents: 120_050)
        try Ledger.payment(db, client: client, cents: 100)
        let changes = try db.recentChanges()
        #expect(changes.map(\.action) == ["payment.record", "invoice.add", "client.add"])
        #expect(changes.allSatisfy { !$0.undone && $0.day == Ledger.today })
        #expect(changes[1].summary.contains("F-1"))
        #expect(changes[1].summary.contains(Money(cents: 120_050).formatted))
        #expect(changes[2].summary.contains("Garage Moreau"))
        #expect(try db.recentChanges(limit: 1).map(\.action) == ["payment.record"])
    }

    @Test func invalidAmountsAreRefusedWithoutWriting() throws {
        let db = try AppDatabase.inMemory()
        let client = try Ledger.client(db, "Garage Moreau")
        #expect(throws: PersistenceError.self) {
            try Ledger.invoice(db, "F-0", client: client, due: "2026-10-01", cents: 0)
        }
        #expect(try db.ledgerCounts().invoices == 0)
        #expect(try db.recentChanges().count == 1)
    }
}

/// The dunning run reads its facts client slice by client slice: the same facts as one read.
@Suite struct DunningFactsSliceTests {
    static func summary(_ facts: DunningFacts) -> String {
        [
            "\(facts.client.id!)", facts.openInvoices.map { "\($0.id!):\($0.outstanding.cents)" }.joined(separator: ","),
            facts.reminders.map { "\($0.day.iso)\($0.level)" }.joined(separator: ","),
            facts.promises.map { "\($0.dueDay.iso)\($0.amount.cents)\($0.paidSince.cents)" }.joined(separator: ","),
            "\(facts.pauses.count)", facts.disputes.map { "\($0.invoiceID)" }.joined(separator: ","), "\(facts.plans.count)",
        ].joined(separator: "|")
    }

    @Test func slicedFactsAreTheWholeReadsFacts() throws {
        let db = try DemoLedgerTests.load()
        let whole = try db.dunningFacts(today: Ledger.today, graceDays: 5).map(Self.summary)
        var sliced: [String] = []
        try db.forEachDunningFacts(today: Ledger.today, graceDays: 5) { sliced.append(Self.summary($0)) }
        #expect(whole.count > 10)
        #expect(sliced.sorted() == whole.sorted())
        #expect(Set(sliced).count == sliced.count)
    }
}
