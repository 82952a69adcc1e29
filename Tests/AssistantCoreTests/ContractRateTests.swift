import Foundation
import FrenchParsing
import Persistence
import Receivables
import Testing

@testable import AssistantCore

/// A client's contract penalty rate (entered by `client.update`, used by `penalty.compute`,
/// flagged below 3 × the legal rate) and the 45-day limit of periodic invoices.
@Suite("Contract rates and periodic invoices")
struct ContractRateTests {
    typealias Ledger = PenaltyOperationsTests.Ledger

    func update(_ ledger: Ledger, rate: Int) throws -> Reply {
        var entities = Entities()
        entities.client = ClientReference(id: ledger.client.id, name: ledger.client.name)
        entities.penaltyRate = rate
        return try ledger.assistant.perform(.clientUpdate, entities)
    }

    @Test("a contract rate replaces ECB + 10 for every half-year, and is stored on the client")
    func contractRate() throws {
        let ledger = try Ledger(kind: .business)
        let reply = try update(ledger, rate: 1_500)
        #expect(reply.text.contains("taux contractuel de pénalités de 15,00\u{00A0}%"))
        #expect(!reply.text.contains("plancher"))
        #expect(try ledger.database.client(id: ledger.client.id!).contractRate == 1_500)
        let data = try ledger.penalties()
        // 06-01…06-30: 10 000 × 15 % × 30 / 365 = 123,287 → 123,29 € ;
        // 07-01…07-15: 10 000 × 15 % × 15 / 365 = 61,643 → 61,64 €.
        #expect(data.lines[0].periods.map(\.interest) == [euros(123, 29), euros(61, 64)])
        #expect(data.indemnity == euros(40))
        #expect(data.basis == "taux contractuel de 15,00\u{00A0}%")
        #expect(data.warnings.isEmpty)
    }

    @Test("a rate below 3 × the legal rate (7,86 % in 2026 H1) is flagged, on update and in the computation")
    func floor() throws {
        let ledger = try Ledger(kind: .business)
        let reply = try update(ledger, rate: 700)
        #expect(reply.text.contains("plancher légal de 7,86\u{00A0}%"))
        let data = try ledger.penalties()
        #expect(data.warnings.contains { $0.contains("7,86\u{00A0}%") })
        // 7 % × 10 000 × 30 / 365 = 57,534 → 57,53 €.
        #expect(data.lines[0].periods.first?.interest == euros(57, 53))
        // 7,86 % itself is the floor, not below it.
        #expect(!(try update(ledger, rate: 786)).text.contains("plancher"))
    }

    @Test("0 puts the client back on the statutory rate; undo restores the contract rate")
    func reset() throws {
        let ledger = try Ledger(kind: .business)
        _ = try update(ledger, rate: 1_200)
        _ = try update(ledger, rate: 0)
        #expect(try ledger.database.client(id: ledger.client.id!).contractRate == nil)
        #expect(try ledger.penalties().basis == "taux BCE + 10 points")
        _ = try ledger.assistant.perform(.undo, Entities())
        #expect(try ledger.database.client(id: ledger.client.id!).contractRate == 1_200)
    }

    @Test("a consumer has no contract rate: refused, nothing written")
    func consumer() throws {
        let ledger = try Ledger(kind: .consumer)
        #expect(throws: AssistantError.self) { try update(ledger, rate: 1_200) }
        #expect(try ledger.database.client(id: ledger.client.id!).contractRate == nil)
    }

    @Test("a periodic invoice is due at most 45 days after its issue", arguments: [(45, false), (46, true), (60, true)])
    func periodic(days: Int, warned: Bool) throws {
        let ledger = try Ledger(kind: .business)
        var entities = Entities()
        entities.client = ClientReference(id: ledger.client.id, name: ledger.client.name)
        entities.amount = euros(1_000)
        entities.termsDays = days
        entities.periodic = true
        let reply = try ledger.assistant.perform(.invoiceAdd, entities)
        #expect(reply.text.contains("facture périodique") == warned)
        // The same terms on an ordinary invoice are lawful up to 60 days.
        entities.periodic = nil
        #expect(!(try ledger.assistant.perform(.invoiceAdd, entities)).text.contains("Attention"))
    }
}
