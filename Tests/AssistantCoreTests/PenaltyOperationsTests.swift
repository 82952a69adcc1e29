import Foundation
import FrenchParsing
import Persistence
import Receivables
import Testing

@testable import AssistantCore

/// penalty.compute, the rate table and the terms checks, on small ledgers computed by hand.
@Suite("Penalties, rates and legal terms")
struct PenaltyOperationsTests {
    /// One client, one invoice of 10 000,00 € due 2026-05-31; today 2026-07-15.
    struct Ledger {
        let database: AppDatabase
        let assistant: Assistant
        let client: Client
        static let today = Day(iso: "2026-07-15")!

        init(kind: ClientKind) throws {
            database = try AppDatabase.inMemory()
            client = try database.addClient(Client(code: "C1", name: "Client Témoin", kind: kind), day: Self.today)
            _ = try database.addInvoice(
                Invoice(
                    number: "F-1", clientID: client.id!, issueDay: Day(iso: "2026-05-01")!, dueDay: Day(iso: "2026-05-31")!,
                    amount: euros(10_000)), day: Self.today)
            assistant = try Assistant(database: database, today: Self.today)
        }

        func penalties() throws -> PenaltyData {
            var entities = Entities()
            entities.client = ClientReference(id: client.id, name: client.name)
            return try #require(try assistant.perform(.penaltyCompute, entities).data as? PenaltyData)
        }
    }

    @Test("B2B: ECB + 10 points per half-year, 40 € per invoice")
    func business() throws {
        let ledger = try Ledger(kind: .business)
        let data = try ledger.penalties()
        // 2026-06-01…06-30: 10 000 × 12,15 % × 30 / 365 = 99,863 → 99,86 €
        // 2026-07-01…07-15: 10 000 × 12,15 % × 15 / 365 = 49,931 → 49,93 €
        #expect(data.lines.count == 1)
        #expect(data.lines[0].periods.map(\.interest) == [euros(99, 86), euros(49, 93)])
        #expect(data.lines[0].periods.map(\.days) == [30, 15])
        #expect(data.interest == euros(149, 79))
        #expect(data.indemnity == euros(40))
        #expect(data.total == euros(189, 79))
        #expect(data.lines[0].daysLate == 45)
    }

    @Test("a partial payment splits the period; the paid part still owed interest up to its day")
    func partialPayment() throws {
        let ledger = try Ledger(kind: .business)
        _ = try ledger.database.recordPayment(
            Payment(clientID: ledger.client.id!, day: Day(iso: "2026-06-15")!, amount: euros(4_000)), today: Ledger.today)
        let data = try ledger.penalties()
        // 06-01…06-15: 15 j sur 10 000 € = 49,93 € ; 06-16…06-30: 15 j sur 6 000 € = 29,96 € ;
        // 07-01…07-15: 15 j sur 6 000 € = 29,96 €  → 109,85 €
        #expect(data.lines[0].periods.map(\.base) == [euros(10_000), euros(6_000), euros(6_000)])
        #expect(data.interest == euros(109, 85))
        #expect(data.indemnity == euros(40))
        #expect(data.principal == euros(6_000))
    }

    @Test("an invoice paid late keeps its penalties up to the payment day")
    func paidLate() throws {
        let ledger = try Ledger(kind: .business)
        _ = try ledger.database.recordPayment(
            Payment(clientID: ledger.client.id!, day: Day(iso: "2026-06-30")!, amount: euros(10_000)), today: Ledger.today)
        let data = try ledger.penalties()
        // 30 jours de retard : 99,86 € et 40 €.
        #expect(data.lines.first?.outstanding == .zero)
        #expect(data.interest == euros(99, 86))
        #expect(data.indemnity == euros(40))
    }

    @Test("public buyer: ECB + 8 points")
    func publicBuyer() throws {
        let data = try Ledger(kind: .publicBuyer).penalties()
        // 10 000 × 10,15 % × 30 / 365 = 83,42 € ; × 15 / 365 = 41,71 €
        #expect(data.interest == euros(125, 13))
        #expect(data.indemnity == euros(40))
    }

    @Test("B2C: nothing before a formal notice; legal rate from the day after it; a missing half-year is said")
    func consumer() throws {
        let ledger = try Ledger(kind: .consumer)
        var data = try ledger.penalties()
        #expect(data.total == .zero)
        #expect(data.warnings.contains { $0.contains("mise en demeure") })
        _ = try ledger.database.recordReminder(
            clientID: ledger.client.id!, day: Day(iso: "2026-06-10")!, level: .formalNotice, channel: .registeredLetter, invoices: ["F-1"],
            amount: euros(10_000), note: nil, today: Ledger.today)
        data = try ledger.penalties()
        // 06-11…06-30 : 20 j × 2,62 % = 14,36 € ; 2026-H2 : taux légal inconnu → 0 et un avertissement.
        #expect(data.interest == euros(14, 36))
        #expect(data.indemnity == .zero)
        #expect(data.warnings.contains { $0.contains("2e semestre 2026") })
        // The user adds the rate: 07-01…07-15 : 15 j × 2,60 % = 10,68 €.
        _ = try ledger.assistant.setRate(halfYear: "2026-H2", kind: "legal", value: "2,60")
        data = try ledger.penalties()
        #expect(data.interest == euros(25, 4))
        #expect(!data.warnings.contains { $0.contains("2e semestre 2026") })
        // Undo removes the rate again.
        _ = try ledger.assistant.perform(.undo, Entities())
        #expect(try ledger.penalties().interest == euros(14, 36))
    }

    @Test("a bad rate file or rate changes nothing")
    func badRates() throws {
        let ledger = try Ledger(kind: .business)
        let before = try ledger.database.recentChanges()
        #expect(throws: AssistantError.self) { try ledger.assistant.importRates(json: Data("{\"ecb\": {\"2027-H3\": \"2\"}}".utf8)) }
        #expect(throws: AssistantError.self) { try ledger.assistant.importRates(json: Data("pas du json".utf8)) }
        #expect(throws: AssistantError.self) { try ledger.assistant.setRate(halfYear: "2027-H1", kind: "ecb", value: "deux") }
        #expect(throws: AssistantError.self) { try ledger.assistant.setRate(halfYear: "2027", kind: "ecb", value: "2,00") }
        #expect(try ledger.database.recentChanges() == before)
        _ = try ledger.assistant.importRates(json: Data("{\"ecb\": {\"2027-H1\": \"2,00\"}}".utf8))
        #expect(try ledger.assistant.rateTable().ecb[HalfYear(year: 2027, half: 1)] == 200)
    }

    @Test(
        "terms beyond the category's legal maximum are flagged",
        arguments: [
            (ClientKind.business, 60, false, false), (.business, 61, false, true), (.business, 45, true, false),
            (.business, 46, true, true),
            (.publicBuyer, 30, false, false), (.publicBuyer, 45, false, true), (.transport, 31, false, true), (.consumer, 90, false, false),
        ])
    func termsChecks(kind: ClientKind, days: Int, endOfMonth: Bool, flagged: Bool) throws {
        #expect(PaymentTerms(days: days, endOfMonth: endOfMonth).exceedsLegalMaximum(for: kind) == flagged)
    }

    @Test("client.add of a public buyer at 45 days warns with the category's limit")
    func publicBuyerTerms() throws {
        let ledger = try Ledger(kind: .business)
        var entities = Entities()
        entities.name = "Mairie de Tours"
        entities.kind = "PUBLIC"
        entities.termsDays = 45
        let reply = try ledger.assistant.perform(.clientAdd, entities)
        #expect(reply.text.contains("acheteur public"))
        #expect((reply.data as? ClientData)?.kind == "PUBLIC")
    }

    @Test("the end-of-month reading is a setting")
    func endOfMonthReading() throws {
        let terms = PaymentTerms(days: 45, endOfMonth: true)
        let issue = Day(iso: "2026-01-20")!
        #expect(terms.dueDay(issuedOn: issue) == Day(iso: "2026-03-31")!)  // 20/01 + 45 j = 06/03 → fin mars
        #expect(terms.dueDay(issuedOn: issue, reading: .endOfMonthThenAdd) == Day(iso: "2026-03-17")!)  // 31/01 + 45 j
        let ledger = try Ledger(kind: .business)
        _ = try ledger.assistant.setSetting("terms.endOfMonth", to: "endOfMonthThenAdd")
        #expect(try ledger.assistant.settings().endOfMonthReading == .endOfMonthThenAdd)
        #expect(throws: AssistantError.self) { try ledger.assistant.setSetting("terms.endOfMonth", to: "fin") }
    }

    @Test("letters use the rates in force and the client's category")
    func lettersFollowRatesAndCategory() throws {
        func draft(_ ledger: Ledger) throws -> DraftData {
            var entities = Entities()
            entities.client = ClientReference(id: ledger.client.id, name: ledger.client.name)
            entities.level = "reminder2"
            entities.channel = "letter"
            return try #require(try ledger.assistant.perform(.reminderDraft, entities).data as? DraftData)
        }
        let publicBuyer = try Ledger(kind: .publicBuyer)
        let letter = try draft(publicBuyer)
        #expect(letter.rate == "10,15\u{00A0}%")
        #expect(letter.text.contains("majoré de 8 points"))
        #expect(letter.interest == euros(125, 13))
        let business = try Ledger(kind: .business)
        _ = try business.assistant.setRate(halfYear: "2026-H2", kind: "ecb", value: "3,00")
        // 06-01…06-30 at 12,15 % = 99,86 € ; 07-01…07-15 at 13,00 % = 10 000 × 13 % × 15 / 365 = 53,42 €
        let updated = try draft(business)
        #expect(updated.rate == "13,00\u{00A0}%")
        #expect(updated.interest == euros(153, 28))
    }
}
