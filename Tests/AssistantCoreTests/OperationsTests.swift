import AssistantCore
import Foundation
import FrenchParsing
import Persistence
import Receivables
import Testing

// MARK: - Fixture shared by the AssistantCore tests

/// The demo ledger on 2026-11-22, with an assistant on it (the same day as the session
/// transcripts of `Scripts/sessions`).
struct Demo {
    static let today = Day(year: 2026, month: 11, day: 22)!

    let database: AppDatabase
    let assistant: Assistant

    init() throws {
        database = try AppDatabase.inMemory()
        try database.loadDemo(DemoLedger(today: Self.today))
        assistant = try Assistant(database: database, today: Self.today)
    }

    /// The id of the client with exactly this name.
    func id(_ name: String) throws -> Int64 {
        try #require(try database.clientNames().first { $0.name == name }, "no client named \(name)").id
    }

    func position(_ name: String) throws -> ClientPosition {
        try database.position(clientID: try id(name), asOf: Self.today)
    }

    func openInvoices(_ name: String) throws -> [Invoice] {
        try database.openInvoices(clientID: try id(name))
    }

    /// Everything a refused write must leave alone: the audit trail, the row counts, every
    /// client and every client's position (outstanding, overdue, credit…).
    func snapshot() throws -> LedgerSnapshot {
        let counts = try database.ledgerCounts()
        let names = try database.clientNames()
        var positions: [Int64: ClientPosition] = [:]
        for client in names { positions[client.id] = try database.position(clientID: client.id, asOf: Self.today) }
        return LedgerSnapshot(
            changes: try database.recentChanges(limit: 10_000), counts: [counts.clients, counts.invoices, counts.payments],
            clients: names, positions: positions, summaries: try database.clientSummaries(asOf: Self.today))
    }
}

struct LedgerSnapshot: Equatable {
    var changes: [ChangeEntry]
    var counts: [Int]
    var clients: [ClientName]
    var positions: [Int64: ClientPosition]
    var summaries: [ClientSummary]
}

/// Entities built in place: `entities { $0.client = named("Dupont") }`.
func entities(_ build: (inout Entities) -> Void = { _ in }) -> Entities {
    var value = Entities()
    build(&value)
    return value
}

/// A client given by name, as a direct call gives it.
func named(_ name: String) -> ClientReference { ClientReference(id: nil, name: name) }

func euros(_ value: Int64, _ cents: Int64 = 0) -> Money { Money(euros: value, cents: cents) }

extension AssistantError {
    /// The field of an `invalidValue`, else `nil`.
    var invalidField: String? {
        if case .invalidValue(let field, _) = self { return field }
        return nil
    }

    var ambiguousCandidates: [ClientReference]? {
        if case .ambiguousClient(_, let candidates) = self { return candidates }
        return nil
    }
}

// MARK: - Operations

@Suite("Operations on the demo ledger")
struct OperationsTests {
    // MARK: overdue.list

    struct OverdueCase: Sendable, CustomTestStringConvertible {
        var minDaysLate: Int?
        var minAmount: Money?
        var limit: Int?
        var testDescription: String {
            "minDaysLate \(minDaysLate.map(String.init) ?? "–"), minAmount \(minAmount?.formatted ?? "–"), limit \(limit.map(String.init) ?? "–")"
        }
    }

    static let overdueCases: [OverdueCase] = [
        OverdueCase(), OverdueCase(minDaysLate: 30), OverdueCase(minDaysLate: 60), OverdueCase(minAmount: euros(1_000)),
        OverdueCase(minDaysLate: 30, minAmount: euros(5_000)), OverdueCase(limit: 3), OverdueCase(minDaysLate: 10, limit: 2),
        OverdueCase(minDaysLate: 1_000), OverdueCase(minAmount: euros(1_000_000)),
    ]

    @Test("overdue.list: rows and totals are the ledger's", arguments: overdueCases)
    func overdueList(_ filter: OverdueCase) throws {
        let demo = try Demo()
        let reply = try demo.assistant.perform(
            .overdueList,
            entities {
                $0.minDaysLate = filter.minDaysLate
                $0.minAmount = filter.minAmount
                $0.limit = filter.limit
            })
        #expect(reply.intent == .overdueList)
        #expect(reply.outcome == .done)
        let data = try #require(reply.data as? OverdueData)
        let expected = try demo.database.overdueClients(
            OverdueQuery(
                asOf: Demo.today, minDaysLate: filter.minDaysLate ?? 1, minAmount: filter.minAmount ?? Money(cents: 1), limit: filter.limit)
        )
        #expect(data.asOf == Demo.today)
        #expect(data.clientCount == expected.clientCount)
        #expect(data.total == expected.total)
        #expect(data.rows.map(\.client.id) == expected.rows.map(\.clientID))
        #expect(data.rows.map(\.client.name) == expected.rows.map(\.name))
        #expect(data.rows.map(\.overdue) == expected.rows.map(\.overdue))
        #expect(data.rows.map(\.invoices) == expected.rows.map(\.invoiceCount))
        #expect(data.rows.map(\.maxDaysLate) == expected.rows.map(\.maxDaysLate))
        #expect(data.rows.map(\.oldestDueDate) == expected.rows.map(\.oldestDueDay))
        // The filters hold on every row, the largest amount comes first, the limit is kept.
        for row in data.rows {
            #expect(row.overdue >= (filter.minAmount ?? Money(cents: 1)))
            #expect(row.maxDaysLate >= (filter.minDaysLate ?? 1))
        }
        #expect(data.rows.map(\.overdue) == data.rows.map(\.overdue).sorted(by: >))
        if let limit = filter.limit {
            #expect(data.rows.count == min(limit, data.clientCount))
        } else {
            #expect(data.rows.count == data.clientCount)
            #expect(data.total == data.rows.map(\.overdue).sum())
        }
        if data.clientCount > 0 {
            #expect(reply.text.contains(data.total.formatted))
            #expect(reply.text.contains(data.rows[0].client.name))
        }
    }

    @Test("overdue.list without filters agrees with the clients' own balances")
    func overdueAgreesWithBalances() throws {
        let demo = try Demo()
        let data = try #require(try demo.assistant.perform(.overdueList, Entities()).data as? OverdueData)
        let late = try demo.database.clientSummaries(asOf: Demo.today).filter { $0.overdue.isPositive }
        #expect(data.clientCount == late.count)
        #expect(data.total == late.map(\.overdue).sum())
        #expect(Set(data.rows.compactMap(\.client.id)) == Set(late.compactMap(\.client.id)))
        for row in data.rows {
            let position = try demo.database.position(clientID: try #require(row.client.id), asOf: Demo.today)
            #expect(row.overdue == position.overdue, "\(row.client.name)")
            #expect(row.maxDaysLate == position.maxDaysLate, "\(row.client.name)")
        }
        // The figures of the transcript `overdue.expected`.
        #expect(data.clientCount == 13)
        #expect(data.total == euros(45_308, 12))
        #expect(data.rows.first?.client.name == "Transports Girard")
        #expect(data.rows.contains { $0.client.name == "Serrurerie Lemoine" && $0.disputed.isPositive })
    }

    struct OverdueSentence: Sendable {
        var text: String
        var minDaysLate: Int?
        var minAmount: Money?
        var limit: Int?
    }

    static let overdueSentences: [OverdueSentence] = [
        OverdueSentence(text: "qui est en retard ?"),
        OverdueSentence(text: "quels clients n'ont pas payé ?"),
        OverdueSentence(text: "qui me doit plus de 5 000 € depuis plus de 30 jours ?", minDaysLate: 30, minAmount: euros(5_000)),
        OverdueSentence(text: "les 3 plus gros retards", limit: 3),
        OverdueSentence(text: "QUI EST EN RETARD DEPUIS DEUX MOIS", minDaysLate: 60),
        OverdueSentence(text: "liste des impayés de plus de 1 000 euros", minAmount: euros(1_000)),
    ]

    @Test("overdue.list through ask: the filters said are the ones applied", arguments: overdueSentences)
    func overdueAsked(_ sentence: OverdueSentence) throws {
        let demo = try Demo()
        let reply = try demo.assistant.ask(sentence.text)
        #expect(reply.intent == .overdueList)
        #expect(reply.entities.minDaysLate == sentence.minDaysLate)
        #expect(reply.entities.minAmount == sentence.minAmount)
        #expect(reply.entities.limit == sentence.limit)
        let data = try #require(reply.data as? OverdueData)
        let expected = try demo.database.overdueClients(
            OverdueQuery(
                asOf: Demo.today, minDaysLate: sentence.minDaysLate ?? 1, minAmount: sentence.minAmount ?? Money(cents: 1),
                limit: sentence.limit))
        #expect(data.clientCount == expected.clientCount)
        #expect(data.total == expected.total)
        #expect(data.rows.map(\.client.id) == expected.rows.map(\.clientID))
        #expect(reply.text.contains("\(data.clientCount) clients"))
    }

    @Test(
        "overdue.list refuses negative thresholds and a limit under 1",
        arguments: [
            ("minAmount", entities { $0.minAmount = euros(-1) }), ("minDaysLate", entities { $0.minDaysLate = -5 }),
            ("limit", entities { $0.limit = 0 }), ("limit", entities { $0.limit = -3 }),
        ])
    func overdueRefusesNonsense(field: String, filter: Entities) throws {
        let demo = try Demo()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.perform(.overdueList, filter) }
        #expect(error?.invalidField == field)
    }

    // MARK: client.balance / client.show / client.list / invoice.list

    static let balanceClients = [
        "Boulangerie Dupont", "Durand SAS", "Garage Moreau", "Martin SARL", "Martin & Fils", "Julien Perrin", "Imprimerie Roux",
        "Serrurerie Lemoine", "Sophie Robin",
    ]

    @Test("client.balance: the numbers are the ledger's position", arguments: balanceClients)
    func balance(_ name: String) throws {
        let demo = try Demo()
        let position = try demo.position(name)
        let id = try demo.id(name)
        for reply in [
            try demo.assistant.perform(.clientBalance, entities { $0.client = named(name) }),
            try demo.assistant.perform(.clientBalance, entities { $0.client = ClientReference(id: id, name: "") }),
        ] {
            #expect(reply.intent == .clientBalance)
            #expect(reply.entities.client == ClientReference(id: id, name: name))
            let data = try #require(reply.data as? BalanceData)
            #expect(data.client.name == name)
            #expect(data.client.id == id)
            #expect(data.asOf == Demo.today)
            #expect(data.outstanding == position.outstanding)
            #expect(data.overdue == position.overdue)
            #expect(data.credit == position.credit)
            #expect(data.netDue == position.netDue)
            #expect(data.openInvoices == position.openInvoiceCount)
            #expect(data.overdueInvoices == position.overdueInvoiceCount)
            #expect(data.maxDaysLate == position.maxDaysLate)
            #expect(data.nextDueDate == position.nextDueDay)
            #expect(data.nextDueAmount == position.nextDueAmount)
            #expect(reply.text.contains(name))
            if position.outstanding.isPositive { #expect(reply.text.contains(position.outstanding.formatted)) }
            if position.overdue.isPositive { #expect(reply.text.contains(position.overdue.formatted)) }
        }
    }

    @Test(
        "client.balance through ask, names typed partially or with typos",
        arguments: [
            ("combien me doit Dupont ?", "Boulangerie Dupont"), ("encours de la boulangerie dupont", "Boulangerie Dupont"),
            ("solde Durand", "Durand SAS"), ("c koi l'encours de etoile", "Café de l'Étoile"),
            ("combien me doit le garage ?", "Garage Moreau"), ("combien me doit Martin SARL ?", "Martin SARL"),
        ])
    func balanceAsked(text: String, name: String) throws {
        let demo = try Demo()
        let reply = try demo.assistant.ask(text)
        #expect(reply.intent == .clientBalance)
        #expect(reply.entities.client?.name == name)
        let data = try #require(reply.data as? BalanceData)
        let position = try demo.position(name)
        let id = try demo.id(name)
        #expect(data.client.id == id)
        #expect(data.outstanding == position.outstanding)
        #expect(data.overdue == position.overdue)
    }

    @Test("client.balance of Boulangerie Dupont: the figures of the transcript")
    func dupontFigures() throws {
        let demo = try Demo()
        let data = try #require(try demo.assistant.ask("combien me doit Dupont ?").data as? BalanceData)
        #expect(data.outstanding == euros(1_085, 16))
        #expect(data.overdue == euros(493, 75))
        #expect(data.overdueInvoices == 1)
        #expect(data.maxDaysLate == 57)
        #expect(data.nextDueDate == Day(year: 2026, month: 11, day: 23))
        #expect(data.nextDueAmount == euros(591, 41))
    }

    @Test("client.show: the file holds the client, its balance and its open invoices")
    func clientShow() throws {
        let demo = try Demo()
        for reply in [
            try demo.assistant.perform(.clientShow, entities { $0.client = named("Moreau") }),
            try demo.assistant.ask("fiche Moreaux"),
        ] {
            #expect(reply.intent == .clientShow)
            let data = try #require(reply.data as? ClientFileData)
            #expect(data.client.name == "Garage Moreau")
            #expect(data.client.code == "MOREAU")
            #expect(data.client.email == "compta@garage-moreau.fr")
            let open = try demo.openInvoices("Garage Moreau")
            #expect(data.openInvoices.map(\.number) == open.map(\.number))
            #expect(data.openInvoices.map(\.outstanding) == open.map(\.outstanding))
            #expect(data.balance.outstanding == (try demo.position("Garage Moreau")).outstanding)
            #expect(data.lastPayments.count <= 5)
            #expect(!data.lastPayments.isEmpty)
            for invoice in open { #expect(reply.text.contains(invoice.number)) }
            #expect(reply.text.contains("MOREAU"))
        }
    }

    @Test(
        "client.list, with and without filters",
        arguments: [
            (nil, nil, nil), ("disputed", nil, nil), ("overdue", nil, nil), ("open", nil, nil), ("paid", nil, nil),
            (nil, "B2C", nil), (nil, "B2B", nil), (nil, nil, 5),
        ] as [(String?, String?, Int?)])
    func clientList(status: String?, kind: String?, limit: Int?) throws {
        let demo = try Demo()
        let reply = try demo.assistant.perform(
            .clientList,
            entities {
                $0.status = status
                $0.kind = kind
                $0.limit = limit
            })
        #expect(reply.intent == .clientList)
        let data = try #require(reply.data as? ClientListData)
        var expected = try demo.database.clientSummaries(asOf: Demo.today)
        switch status {
        case "disputed": expected = expected.filter { $0.disputedInvoices > 0 }
        case "overdue": expected = expected.filter { $0.overdue.isPositive }
        case "open": expected = expected.filter { $0.outstanding.isPositive }
        case "paid": expected = expected.filter { !$0.outstanding.isPositive }
        default: break
        }
        if let kind { expected = expected.filter { $0.client.kind.rawValue == kind } }
        #expect(data.count == expected.count)
        let shown = limit.map { Array(expected.prefix($0)) } ?? expected
        #expect(data.rows.map(\.client.name) == shown.map(\.client.name))
        #expect(data.rows.map(\.outstanding) == shown.map(\.outstanding))
        #expect(data.rows.map(\.overdue) == shown.map(\.overdue))
        #expect(reply.text.contains("\(data.count) client"))
        if status == "disputed" { #expect(data.rows.map(\.client.name) == ["Serrurerie Lemoine"]) }
        if kind == "B2C" { #expect(data.count == 4) }
        if status == nil && kind == nil { #expect(data.count == (try demo.database.clientCount())) }
    }

    @Test("client.list through ask")
    func clientListAsked() throws {
        let demo = try Demo()
        let all = try #require(try demo.assistant.ask("liste des clients").data as? ClientListData)
        #expect(all.count == (try demo.database.clientCount()))
        let disputed = try demo.assistant.ask("mes clients en litige")
        #expect(disputed.intent == .clientList)
        #expect((disputed.data as? ClientListData)?.rows.map(\.client.name) == ["Serrurerie Lemoine"])
        let consumers = try #require(try demo.assistant.ask("liste des clients particuliers").data as? ClientListData)
        #expect(consumers.rows.allSatisfy { $0.kind == "B2C" })
        #expect(consumers.count == 4)
    }

    @Test("client.list and invoice.list refuse an unknown filter", arguments: [IntentID.clientList, .invoiceList])
    func unknownStatus(_ intent: IntentID) throws {
        let demo = try Demo()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.perform(intent, entities { $0.status = "bizarre" }) }
        #expect(error?.invalidField == "status")
    }

    @Test("invoice.list of a client: every invoice, totals and outstanding from the ledger")
    func invoiceListOfClient() throws {
        let demo = try Demo()
        for reply in [
            try demo.assistant.perform(.invoiceList, entities { $0.client = named("Durand SAS") }),
            try demo.assistant.ask("factures de Durand SAS"),
        ] {
            #expect(reply.intent == .invoiceList)
            let data = try #require(reply.data as? InvoiceListData)
            let all = try demo.database.invoices(InvoiceFilter(clientID: try demo.id("Durand SAS")), asOf: Demo.today)
            #expect(data.count == all.count)
            #expect(data.count == 16)
            #expect(Set(data.invoices.map(\.number)) == Set(all.map(\.invoice.number)))
            #expect(data.total == all.map(\.invoice.amount).sum())
            #expect(data.outstanding == (try demo.position("Durand SAS")).outstanding)
            #expect(data.invoices.allSatisfy { $0.client.name == "Durand SAS" })
        }
    }

    @Test("invoice.list of overdue invoices of one client")
    func invoiceListOverdue() throws {
        let demo = try Demo()
        let reply = try demo.assistant.perform(
            .invoiceList,
            entities {
                $0.client = named("Martin SARL")
                $0.status = "overdue"
            })
        let data = try #require(reply.data as? InvoiceListData)
        let late = try demo.openInvoices("Martin SARL").filter { $0.isOverdue(asOf: Demo.today) }
        #expect(data.invoices.map(\.number) == late.map(\.number))
        #expect(data.invoices.map(\.number) == ["F-2026-0238"])
        #expect(data.invoices.allSatisfy { $0.status == "overdue" && $0.daysLate > 0 })
        let asked = try #require(try demo.assistant.ask("factures en retard de Martin SARL").data as? InvoiceListData)
        #expect(asked.invoices.map(\.number) == data.invoices.map(\.number))
    }

    @Test("invoice.list over a window of due dates")
    func invoiceListWindow() throws {
        let demo = try Demo()
        let from = Day(year: 2026, month: 11, day: 16)!
        let to = Day(year: 2026, month: 11, day: 22)!
        let reply = try demo.assistant.perform(.invoiceList, entities { $0.period = DayRange(from: from, to: to) })
        let data = try #require(reply.data as? InvoiceListData)
        // A past window is about issue dates: every invoice shown was issued in it.
        #expect(data.invoices.allSatisfy { from <= $0.issueDate && $0.issueDate <= to })
        let ahead = try demo.assistant.perform(
            .invoiceList, entities { $0.period = DayRange(from: Demo.today, to: Demo.today.adding(days: 14)) })
        let upcoming = try #require(ahead.data as? InvoiceListData)
        #expect(!upcoming.invoices.isEmpty)
        #expect(
            upcoming.invoices.allSatisfy {
                Demo.today <= $0.dueDate && $0.dueDate <= Demo.today.adding(days: 14) && $0.outstanding.isPositive
            })
        let backwards = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(.invoiceList, entities { $0.period = DayRange(from: to, to: from) })
        }
        #expect(backwards?.invalidField == "period")
    }

    @Test("invoice.list with a negative limit answers (an error or a list) instead of crashing")
    func invoiceListNegativeLimit() async {
        // `Assistant+Invoices.swift:33` calls `prefix(limit)` with the limit as given:
        // a negative one traps ("Can't take a prefix of negative length"), and over RPC
        // `invoice.list {"limit": -1}` kills the server. Run in a child process.
        await #expect(processExitsWith: .success) {
            let demo = try Demo()
            do {
                _ = try demo.assistant.perform(.invoiceList, entities { $0.limit = -1 })
            } catch let error as AssistantError {
                guard error.invalidField == "limit" else { exit(2) }
            }
        }
    }

    // MARK: payment.record

    @Test("payment.record: allocated to the oldest open invoices first")
    func paymentOldestFirst() throws {
        let demo = try Demo()
        let before = try demo.position("Boulangerie Dupont")
        let open = try demo.openInvoices("Boulangerie Dupont")
        #expect(open.count >= 2)
        let amount = euros(500)
        let reply = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Dupont")
                $0.amount = amount
                $0.method = .transfer
            })
        #expect(reply.intent == .paymentRecord)
        let data = try #require(reply.data as? PaymentData)
        // Expected allocation: oldest due first, each invoice up to what it still owes.
        var left = amount
        var expected: [(String, Money, Money)] = []
        for invoice in open where left.isPositive {
            let applied = Money.min(left, invoice.outstanding)
            expected.append((invoice.number, applied, invoice.outstanding - applied))
            left -= applied
        }
        #expect(data.allocations.map(\.invoice) == expected.map(\.0))
        #expect(data.allocations.map(\.amount) == expected.map(\.1))
        #expect(data.allocations.map(\.remaining) == expected.map(\.2))
        #expect(data.allocations.map(\.invoice) == ["F-2026-0203", "F-2026-0255"])
        #expect(data.allocations.map(\.amount).sum() == amount)
        #expect(data.credit == .zero)
        #expect(data.client.name == "Boulangerie Dupont")
        #expect(data.date == Demo.today)
        #expect(data.method == "transfer")
        let after = try demo.position("Boulangerie Dupont")
        #expect(after.outstanding == before.outstanding - amount)
        #expect(data.balance.outstanding == after.outstanding)
        #expect(data.balance.overdue == after.overdue)
        #expect(after.overdue == .zero)
        #expect(reply.text.contains(amount.formatted))
        #expect(reply.text.contains("F-2026-0203"))
        let change = try #require(try demo.database.recentChanges().first)
        #expect(change.action == "payment.record")
        #expect(!change.undone)
    }

    @Test("payment.record: what exceeds the debt is kept as the client's credit")
    func paymentOverpaid() throws {
        let demo = try Demo()
        let before = try demo.position("Julien Perrin")
        let open = try demo.openInvoices("Julien Perrin")
        let reply = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Julien Perrin")
                $0.amount = euros(1_000)
                $0.method = .cash
            })
        let data = try #require(reply.data as? PaymentData)
        #expect(data.allocations.map(\.invoice) == open.map(\.number))
        #expect(data.allocations.allSatisfy { $0.remaining == .zero })
        #expect(data.credit == euros(1_000) - before.outstanding)
        #expect(data.credit == euros(680, 69))
        let after = try demo.position("Julien Perrin")
        #expect(after.outstanding == .zero)
        #expect(after.credit == before.credit + data.credit)
        #expect(data.balance.credit == after.credit)
        #expect(data.balance.netDue == .zero)
        #expect(reply.text.contains(data.credit.formatted))
        // Said in French, the same.
        let asked = try Demo()
        let spoken = try #require(try asked.assistant.ask("Julien Perrin a réglé mille euros en espèces").data as? PaymentData)
        #expect(spoken.amount == euros(1_000))
        #expect(spoken.method == "cash")
        #expect(spoken.credit == data.credit)
    }

    @Test("payment.record on a named invoice goes to that invoice, even if it is not the oldest")
    func paymentNamedInvoice() throws {
        let demo = try Demo()
        let open = try demo.openInvoices("Garage Moreau")
        let newest = try #require(open.last)
        #expect(open.count >= 2)
        let reply = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Garage Moreau")
                $0.invoice = newest.number
                $0.amount = euros(100)
            })
        let data = try #require(reply.data as? PaymentData)
        #expect(data.allocations.map(\.invoice) == [newest.number])
        #expect(data.allocations.first?.remaining == newest.outstanding - euros(100))
        let oldest = try #require(try demo.database.invoice(number: open[0].number))
        #expect(oldest.outstanding == open[0].outstanding)
    }

    @Test("payment.record with an invoice and no client pays that invoice's client")
    func paymentInvoiceOnly() throws {
        let demo = try Demo()
        let reply = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.invoice = "F-2026-0235"
                $0.amount = euros(3_068, 22)
            })
        let data = try #require(reply.data as? PaymentData)
        #expect(data.client.name == "Garage Moreau")
        #expect(data.allocations.map(\.invoice) == ["F-2026-0235"])
        #expect(data.allocations.first?.remaining == .zero)
        let asked = try Demo()
        let spoken = try asked.assistant.ask("reçu un chèque de 3 068,22 € de Garage Moreau pour la facture F-2026-0235")
        #expect((spoken.data as? PaymentData)?.allocations.map(\.invoice) == ["F-2026-0235"])
        #expect(spoken.entities.method == .cheque)
    }

    @Test("payment.record refuses an invoice of another client, and writes nothing")
    func paymentOtherClientsInvoice() throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .paymentRecord,
                entities {
                    $0.client = named("Martin SARL")
                    $0.invoice = "F-2026-0235"
                    $0.amount = euros(100)
                })
        }
        #expect(error?.invalidField == "invoice")
        #expect(error?.localizedDescription.contains("F-2026-0235") == true)
        #expect(try demo.snapshot() == before)
        let spoken = #expect(throws: AssistantError.self) {
            try demo.assistant.ask("reçu 100 € de Martin SARL pour la facture F-2026-0235")
        }
        #expect(spoken?.invalidField == "invoice")
        #expect(try demo.snapshot() == before)
    }

    @Test("payment.record with a date: past accepted, future refused")
    func paymentDates() throws {
        let demo = try Demo()
        let yesterday = Demo.today.adding(days: -1)
        let reply = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Dupont")
                $0.amount = euros(10)
                $0.date = yesterday
            })
        #expect((reply.data as? PaymentData)?.date == yesterday)
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .paymentRecord,
                entities {
                    $0.client = named("Dupont")
                    $0.amount = euros(10)
                    $0.date = Demo.today.adding(days: 1)
                })
        }
        #expect(error?.invalidField == "date")
        #expect(try demo.snapshot() == before)
    }

    @Test("payment.record without a client or an amount asks for it", arguments: [IntentID.paymentRecord, .invoiceAdd])
    func missingPieces(_ intent: IntentID) throws {
        let demo = try Demo()
        let noClient = #expect(throws: AssistantError.self) { try demo.assistant.perform(intent, entities { $0.amount = euros(10) }) }
        #expect(noClient == .missingClient(intent))
        let noAmount = #expect(throws: AssistantError.self) { try demo.assistant.perform(intent, entities { $0.client = named("Dupont") }) }
        #expect(noAmount?.invalidField == "amount")
    }

    // MARK: amounts

    static let badAmounts: [Money] = [
        Money(cents: -5_000), .zero, Money(cents: -1), Money(euros: 5_000_000_000_000), Money(euros: 1_000_000_000, cents: 1),
    ]

    @Test("zero, negative and absurd amounts are refused and change nothing", arguments: [IntentID.paymentRecord, .invoiceAdd], badAmounts)
    func badAmount(_ intent: IntentID, _ amount: Money) throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                intent,
                entities {
                    $0.client = named("Dupont")
                    $0.amount = amount
                })
        }
        #expect(error?.invalidField == "amount")
        #expect(error?.localizedDescription.contains(amount.formatted) == true)
        #expect(try demo.snapshot() == before)
    }

    @Test("the largest plausible amount is accepted")
    func largestAmount() throws {
        let demo = try Demo()
        let reply = try demo.assistant.perform(
            .invoiceAdd,
            entities {
                $0.client = named("Dupont")
                $0.amount = Money.plausibleMaximum
            })
        #expect((reply.data as? InvoiceData)?.amount == Money.plausibleMaximum)
    }

    @Test(
        "amounts said in French that make no sense are refused",
        arguments: ["Dupont a payé -50 €", "Dupont a payé 0 €", "Dupont a payé 5 000 000 000 000 €"])
    func badAmountSaid(_ text: String) throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.ask(text) }
        #expect(error?.invalidField == "amount")
        #expect(try demo.snapshot() == before)
    }

    @Test("an impossible date is refused", arguments: ["Dupont a payé 100 € le 31 février", "Dupont a payé 100 € le 30/02"])
    func impossibleDate(_ text: String) throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.ask(text) }
        #expect(error?.invalidField == "date")
        #expect(error?.localizedDescription.contains("n’existe pas") == true)
        #expect(try demo.snapshot() == before)
    }

    // MARK: invoice.add

    /// The highest sequence among the ledger's "F-YYYY-NNNN" numbers of that year.
    static func highestSequence(_ demo: Demo, year: Int) throws -> Int {
        try demo.database.invoices(InvoiceFilter(), asOf: Demo.today).compactMap { line -> Int? in
            let parts = line.invoice.number.split(separator: "-")
            guard parts.count == 3, parts[0] == "F", parts[1] == "\(year)" else { return nil }
            return Int(parts[2])
        }.max() ?? 0
    }

    @Test("invoice.add numbers F-AAAA-NNNN after the highest, due by the client's terms")
    func invoiceAutoNumber() throws {
        let demo = try Demo()
        let highest = try Self.highestSequence(demo, year: 2026)
        let reply = try demo.assistant.perform(
            .invoiceAdd,
            entities {
                $0.client = named("Dupont")
                $0.amount = euros(1_500)
            })
        #expect(reply.intent == .invoiceAdd)
        let data = try #require(reply.data as? InvoiceData)
        #expect(data.number == String(format: "F-2026-%04d", highest + 1))
        #expect(data.number.wholeMatch(of: /F-2026-\d{4}/) != nil)
        #expect(reply.entities.invoice == data.number)
        #expect(data.client.name == "Boulangerie Dupont")
        #expect(data.issueDate == Demo.today)
        #expect(data.dueDate == Demo.today.adding(days: 30))
        #expect(data.amount == euros(1_500))
        #expect(data.outstanding == euros(1_500))
        #expect(reply.text.contains(data.number))
        let stored = try #require(try demo.database.invoice(number: data.number))
        #expect(stored.amount == euros(1_500))
        // The next one follows.
        let second = try #require(
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Dupont")
                    $0.amount = euros(20)
                }
            ).data as? InvoiceData)
        #expect(second.number == String(format: "F-2026-%04d", highest + 2))
        // An invoice of another year starts that year's sequence.
        let nextYear = try #require(
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Dupont")
                    $0.amount = euros(20)
                    $0.date = Day(year: 2027, month: 1, day: 5)
                }
            ).data as? InvoiceData)
        #expect(nextYear.number == "F-2027-0001")
    }

    @Test("invoice.add with terms, an end-of-month, or a due date said")
    func invoiceTerms() throws {
        let demo = try Demo()
        let days45 = try #require(
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Dupont")
                    $0.amount = euros(100)
                    $0.termsDays = 45
                    $0.endOfMonth = true
                }
            ).data as? InvoiceData)
        #expect(days45.dueDate == Demo.today.adding(days: 45).lastOfMonth)
        let due = Day(year: 2026, month: 12, day: 31)!
        let dated = try #require(
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Dupont")
                    $0.amount = euros(100)
                    $0.dueDate = due
                }
            ).data as? InvoiceData)
        #expect(dated.dueDate == due)
        let before = try demo.snapshot()
        let early = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Dupont")
                    $0.amount = euros(100)
                    $0.dueDate = Demo.today.adding(days: -1)
                })
        }
        #expect(early?.invalidField == "dueDate")
        let tooLong = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Dupont")
                    $0.amount = euros(100)
                    $0.termsDays = 400
                })
        }
        #expect(tooLong?.invalidField == "termsDays")
        #expect(try demo.snapshot() == before)
    }

    @Test("invoice.add through ask, then a duplicate number is refused", arguments: ["F-2026-900", "f-2026-900"])
    func invoiceDuplicate(_ duplicate: String) throws {
        let demo = try Demo()
        let reply = try demo.assistant.ask("nouvelle facture F-2026-900 pour Dupont de 1 500 € à 30 jours")
        #expect(reply.intent == .invoiceAdd)
        let data = try #require(reply.data as? InvoiceData)
        #expect(data.number == "F-2026-900")
        #expect(data.amount == euros(1_500))
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Durand SAS")
                    $0.invoice = duplicate
                    $0.amount = euros(200)
                })
        }
        #expect(error?.invalidField == "invoice")
        #expect(try demo.snapshot() == before)
        let demoNumber = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Dupont")
                    $0.invoice = "F-2026-0235"
                    $0.amount = euros(200)
                })
        }
        #expect(demoNumber?.invalidField == "invoice")
        #expect(try demo.snapshot() == before)
    }

    @Test("invoice.add refuses an empty or blank invoice number", arguments: ["", "   "])
    func invoiceBlankNumber(_ number: String) throws {
        // Today `invoiceAdd` takes `entities.invoice` as given: "" and "   " are stored as
        // invoice numbers (RPC `invoice.add {"invoice": ""}` succeeds).
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Dupont")
                    $0.invoice = number
                    $0.amount = euros(10)
                })
        }
        #expect(error?.invalidField == "invoice")
        #expect(try demo.snapshot() == before)
    }

    // MARK: client.add

    @Test("client.add creates a client that can be named at once")
    func clientAdd() throws {
        let demo = try Demo()
        let reply = try demo.assistant.ask(
            "ajoute le client Durand Frères SAS, email compta@durand-freres.fr, paiement à 45 jours fin de mois")
        #expect(reply.intent == .clientAdd)
        let data = try #require(reply.data as? ClientData)
        #expect(data.name == "Durand Frères SAS")
        #expect(data.code == "DURAND-FRERES-SAS")
        #expect(data.email == "compta@durand-freres.fr")
        #expect(data.termsDays == 45)
        #expect(data.endOfMonth)
        #expect(data.kind == "B2B")
        #expect(try demo.database.client(id: data.id).name == "Durand Frères SAS")
        #expect(demo.assistant.clientNames(matching: "Durand F").contains("Durand Frères SAS"))
        let balance = try demo.assistant.perform(.clientBalance, entities { $0.client = named("Durand Frères SAS") })
        #expect((balance.data as? BalanceData)?.client.id == data.id)
        #expect((balance.data as? BalanceData)?.outstanding == .zero)
        // By a direct call, with every field.
        let direct = try #require(
            try demo.assistant.perform(
                .clientAdd,
                entities {
                    $0.name = "Sophie Martinez"
                    $0.kind = "B2C"
                    $0.phone = "0612345678"
                    $0.termsDays = 0
                }
            ).data as? ClientData)
        #expect(direct.kind == "B2C")
        #expect(direct.termsDays == 0)
        #expect(direct.phone == "0612345678")
    }

    @Test(
        "client.add refuses a name that exists, whatever its case and accents",
        arguments: ["Durand SAS", "durand sas", "  Durand SAS  ", "CAFE DE L'ETOILE", "Martin & Fils"])
    func clientAddDuplicate(_ name: String) throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.perform(.clientAdd, entities { $0.name = name }) }
        #expect(error?.invalidField == "name")
        #expect(error?.localizedDescription.contains("existe déjà") == true)
        #expect(try demo.snapshot() == before)
    }

    @Test(
        "client.add refuses a missing name, a bad email, implausible terms and an unknown kind",
        arguments: [
            ("name", entities { $0.name = "   " }), ("name", entities { $0.email = "a@b.fr" }),
            ("name", entities { $0.name = String(repeating: "x", count: 121) }),
            (
                "email",
                entities {
                    $0.name = "Nouveau Client"
                    $0.email = "pas-une-adresse"
                }
            ),
            (
                "termsDays",
                entities {
                    $0.name = "Nouveau Client"
                    $0.termsDays = 366
                }
            ),
            (
                "termsDays",
                entities {
                    $0.name = "Nouveau Client"
                    $0.termsDays = -1
                }
            ),
            (
                "kind",
                entities {
                    $0.name = "Nouveau Client"
                    $0.kind = "B2X"
                }
            ),
        ])
    func clientAddInvalid(field: String, request: Entities) throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.perform(.clientAdd, request) }
        #expect(error?.invalidField == field)
        #expect(try demo.snapshot() == before)
    }

    // MARK: undo

    @Test("undo restores the balance after a payment, then the one before")
    func undoPayments() throws {
        let demo = try Demo()
        let initial = try demo.position("Boulangerie Dupont")
        let initialOpen = try demo.openInvoices("Boulangerie Dupont")
        let initialSnapshot = try demo.snapshot()
        _ = try demo.assistant.ask("Dupont a payé 500 € par virement")
        let afterFirst = try demo.position("Boulangerie Dupont")
        _ = try demo.assistant.ask("il a payé 200 € hier")
        #expect(try demo.position("Boulangerie Dupont").outstanding == initial.outstanding - euros(700))
        let first = try demo.assistant.ask("annule")
        #expect(first.intent == .undo)
        let undone = try #require(first.data as? UndoData)
        #expect(undone.action == "payment.record")
        #expect(undone.summary.contains(euros(200).formatted))
        #expect(try demo.position("Boulangerie Dupont") == afterFirst)
        let second = try demo.assistant.perform(.undo, Entities())
        #expect((second.data as? UndoData)?.summary.contains(euros(500).formatted) == true)
        #expect(try demo.position("Boulangerie Dupont") == initial)
        #expect(try demo.openInvoices("Boulangerie Dupont") == initialOpen)
        let afterUndo = try demo.snapshot()
        #expect(afterUndo.positions == initialSnapshot.positions)
        #expect(afterUndo.counts == initialSnapshot.counts)
        #expect(afterUndo.changes.count == 2)
        #expect(afterUndo.changes.allSatisfy { $0.undone })
        let nothing = #expect(throws: AssistantError.self) { try demo.assistant.ask("annule") }
        #expect(nothing?.invalidField == "undo")
    }

    @Test("undo of an overpayment removes the credit too")
    func undoCredit() throws {
        let demo = try Demo()
        let before = try demo.position("Julien Perrin")
        _ = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Perrin")
                $0.amount = euros(1_000)
            })
        #expect(try demo.position("Julien Perrin").credit.isPositive)
        _ = try demo.assistant.perform(.undo, Entities())
        #expect(try demo.position("Julien Perrin") == before)
    }

    @Test("undo of invoice.add and client.add: the invoice and the client are gone")
    func undoCreations() throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        _ = try demo.assistant.perform(.clientAdd, entities { $0.name = "Durand Frères SAS" })
        let invoice = try #require(
            try demo.assistant.perform(
                .invoiceAdd,
                entities {
                    $0.client = named("Durand Frères SAS")
                    $0.amount = euros(1_500)
                }
            ).data as? InvoiceData)
        #expect((try demo.assistant.perform(.undo, Entities()).data as? UndoData)?.action == "invoice.add")
        #expect(try demo.database.invoice(number: invoice.number) == nil)
        #expect((try demo.assistant.perform(.undo, Entities()).data as? UndoData)?.action == "client.add")
        #expect(!demo.assistant.clientNames().contains("Durand Frères SAS"))
        let after = try demo.snapshot()
        #expect(after.clients == before.clients)
        #expect(after.positions == before.positions)
        #expect(after.counts == before.counts)
        // The name is free again.
        let again = try demo.assistant.perform(.clientAdd, entities { $0.name = "Durand Frères SAS" })
        #expect((again.data as? ClientData)?.name == "Durand Frères SAS")
    }

    // MARK: unknown clients

    @Test("an unknown client is an error with suggestions")
    func unknownClient() throws {
        let demo = try Demo()
        let typo = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(.clientBalance, entities { $0.client = named("Dupuis") })
        }
        guard case .clientNotFound(let query, let suggestions)? = typo else {
            Issue.record("expected clientNotFound, got \(String(describing: typo))")
            return
        }
        #expect(query == "Dupuis")
        let names = try demo.database.clientNames().map(\.name)
        #expect(!suggestions.isEmpty)
        #expect(suggestions.count <= 3)
        #expect(suggestions.allSatisfy { names.contains($0) })
        #expect(suggestions.contains("Agence Dubois Immobilier"))
        #expect(typo?.localizedDescription.contains("« \(suggestions[0]) »") == true)
        let nothingClose = #expect(throws: AssistantError.self) { try demo.assistant.ask("combien me doit Zorg ?") }
        #expect(nothingClose == .clientNotFound(query: "Zorg", suggestions: []))
        let spoken = #expect(throws: AssistantError.self) { try demo.assistant.ask("combien me doit Dupuis ?") }
        guard case .clientNotFound(let spokenQuery, let spokenSuggestions)? = spoken else {
            Issue.record("expected clientNotFound, got \(String(describing: spoken))")
            return
        }
        #expect(spokenQuery == "Dupuis")
        #expect(spokenSuggestions == suggestions)
        let byID = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(.clientBalance, entities { $0.client = ClientReference(id: 999_999, name: "") })
        }
        guard case .clientNotFound? = byID else {
            Issue.record("expected clientNotFound, got \(String(describing: byID))")
            return
        }
    }

    @Test("a request that needs a client and names none asks which one", arguments: [IntentID.clientBalance, .clientShow])
    func missingClient(_ intent: IntentID) throws {
        let demo = try Demo()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.perform(intent, Entities()) }
        #expect(error == .missingClient(intent))
    }

    @Test("data.import of a file that is not there: a clear error, nothing written")
    func importAsked() throws {
        let demo = try Demo()
        #expect(Assistant.availableIntents.contains(.dataImport))
        let before = try demo.snapshot()
        #expect(demo.assistant.parse("importe le fichier factures.csv").entities.file == "factures.csv")
        #expect {
            try demo.assistant.ask("importe le fichier absent-\(UUID().uuidString).csv")
        } throws: { error in
            (error as? AssistantError)?.localizedDescription.contains("introuvable") == true
        }
        #expect(try demo.snapshot() == before)
    }

    @Test("available intents are run: every one answers .done")
    func availableIntentsRun() throws {
        #expect(Assistant.availableIntents.contains(.overdueList))
        #expect(!Assistant.availableIntents.contains(.unknown))
        let demo = try Demo()
        for intent in Assistant.availableIntents where intent != .undo {
            var request = Entities()
            if intent.needsClient || [.clientShow, .planAccept, .penaltyCompute].contains(intent) {
                request.client = named("Martin SARL")
            }
            if intent == .dataExport {
                request.report = "aging.report"
                request.file =
                    FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-export-\(UUID().uuidString).csv").path
            }
            if intent == .dataImport {
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-import-\(UUID().uuidString).csv")
                try "numero;client;date;montant\nT-1;Martin SARL;01/11/2026;10,00\n".write(to: file, atomically: true, encoding: .utf8)
                request.file = file.path
            }
            if [.paymentRecord, .invoiceAdd].contains(intent) { request.amount = euros(10) }
            if intent == .clientAdd { request.name = "Client de test \(intent.rawValue)" }
            if [.planPropose, .planAccept].contains(intent) { request.installments = 3 }
            if intent == .promiseRecord { request.date = Demo.today.adding(days: 5) }
            if intent == .interactionLog { request.note = "appel, rappeler lundi" }
            if intent == .clientUpdate { request.tone = "tu" }
            if [.disputeOpen, .disputeClose].contains(intent) { request.invoice = "F-2026-0238" }
            let reply = try demo.assistant.perform(intent, request)
            #expect(reply.intent == intent)
            #expect(reply.outcome == .done, "\(intent.rawValue)")
            #expect(!reply.text.isEmpty, "\(intent.rawValue)")
        }
        #expect(try demo.assistant.perform(.undo, Entities()).outcome == .done)
    }

    // MARK: conversation intents

    @Test("help lists an example of every available operation")
    func help() throws {
        let demo = try Demo()
        let reply = try demo.assistant.ask("aide")
        #expect(reply.intent == .help)
        let data = try #require(reply.data as? HelpData)
        let expected = Assistant.availableIntents.filter { ![.help, .smalltalk, .quit].contains($0) }
        #expect(data.examples.map(\.intent) == expected.map(\.rawValue))
        for intent in expected { #expect(reply.text.contains(intent.example)) }
    }

    @Test("smalltalk and quit")
    func smalltalkAndQuit() throws {
        let demo = try Demo()
        let hello = try demo.assistant.ask("bonjour")
        #expect(hello.intent == .smalltalk)
        #expect(hello.data is NoData)
        #expect(!hello.endsSession)
        let bye = try demo.assistant.ask("au revoir")
        #expect(bye.intent == .quit)
        #expect(bye.endsSession)
    }

    @Test("a sentence not understood is an error with suggestions", arguments: ["asdfgh qwerty", "", "???"])
    func notUnderstood(_ text: String) throws {
        let demo = try Demo()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.ask(text) }
        guard case .notUnderstood(_, let suggestions)? = error else {
            Issue.record("expected notUnderstood, got \(String(describing: error))")
            return
        }
        #expect(!suggestions.isEmpty)
        #expect(error?.localizedDescription.contains(suggestions[0]) == true)
        let direct = #expect(throws: AssistantError.self) { try demo.assistant.perform(.unknown, Entities()) }
        guard case .notUnderstood? = direct else {
            Issue.record("expected notUnderstood, got \(String(describing: direct))")
            return
        }
    }
}
