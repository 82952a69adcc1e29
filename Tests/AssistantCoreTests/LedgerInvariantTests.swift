import AssistantCore
import Foundation
import FrenchParsing
import GRDB
import PropertyBased
import Receivables
import Testing

@testable import Persistence

/// The money invariants, on random ledgers built by random sequences of operations (clients,
/// invoices, payments — on an invoice or not, over or under the debt —, undo, payment plans,
/// disputes, promises), each run through the assistant as the front-ends run it:
///
/// - no payment is allocated more than its amount, and what it does not cover is its credit;
/// - no invoice's outstanding is negative or above its amount, and it is always its amount less
///   the allocations made to it;
/// - a plan's installments sum to its total, which is the debt it covers;
/// - the monthly totals kept by triggers equal the invoices they sum;
/// - a refused operation changes nothing, and undo restores the exact state before the write
///   it undoes (every table but the audit trail, which records the undo itself).
@Suite("Ledger invariants under random operations")
struct LedgerInvariantTests {
    static let today = Day(year: 2026, month: 11, day: 22)!

    /// One step, drawn as five numbers so that the generator can shrink a failing sequence.
    enum Step: CustomStringConvertible {
        case addClient
        case invoice(client: Int, cents: Int64, daysAgo: Int, terms: Int)
        case payment(client: Int, cents: Int64, daysAgo: Int, onInvoice: Int?)
        case undo
        case plan(client: Int, installments: Int)
        case dispute(client: Int, invoice: Int)
        case promise(client: Int, cents: Int64, inDays: Int)

        init(_ draw: [Int]) {
            let (a, b, c, d) = (draw[1], draw[2], draw[3], draw[4])
            // Amounts: cents to a few thousand euros, and now and then a round or huge one.
            let cents = Int64(b % 7 == 0 ? (b % 50 + 1) * 10_000 : b % 500_000 + 1)
            switch draw[0] % 10 {
            case 0: self = .addClient
            case 1, 2, 3: self = .invoice(client: a, cents: cents, daysAgo: c % 400, terms: [0, 30, 45, 60][d % 4])
            case 4, 5: self = .payment(client: a, cents: cents, daysAgo: c % 60, onInvoice: d % 3 == 0 ? nil : d)
            case 6: self = .undo
            case 7: self = .plan(client: a, installments: 2 + c % 11)
            case 8: self = .dispute(client: a, invoice: c)
            default: self = .promise(client: a, cents: cents, inDays: 1 + c % 90)
            }
        }

        var kind: String { String(description.prefix { $0 != " " }) }

        var description: String {
            switch self {
            case .addClient: "client.add"
            case .invoice(let client, let cents, let daysAgo, let terms): "invoice.add c\(client) \(cents) −\(daysAgo) j \(terms) j"
            case .payment(let client, let cents, let daysAgo, let invoice):
                "payment.record c\(client) \(cents) −\(daysAgo) j f\(invoice.map(String.init) ?? "–")"
            case .undo: "undo"
            case .plan(let client, let installments): "plan.accept c\(client) ×\(installments)"
            case .dispute(let client, let invoice): "dispute.open c\(client) f\(invoice)"
            case .promise(let client, let cents, let inDays): "promise.record c\(client) \(cents) +\(inDays) j"
            }
        }
    }

    static let steps = Gen.int(in: 0...1_000_000).array(of: 5).array(of: 1...40)

    @Test("allocations, outstanding, plans, totals and undo hold after every step")
    func invariantsHold() async throws {
        let accepted = Tally()
        await propertyCheck(count: 60, input: Self.steps) { draws in
            do {
                let ledger = try Ledger()
                for step in draws.map(Step.init) {
                    if try ledger.apply(step) { accepted.add(step.kind) }
                    try ledger.checkInvariants()
                }
            } catch {
                Issue.record("\(error)")
            }
        }
        // The sequences reached every write, not only refusals.
        for kind in ["client.add", "invoice.add", "payment.record", "undo", "plan.accept", "dispute.open", "promise.record"] {
            #expect(accepted.count(kind) >= 3, "\(kind) accepted \(accepted.count(kind)) times")
        }
    }

    /// The checks can fail: a ledger broken behind the assistant's back is caught.
    @Test(
        "a corrupted ledger breaks the invariants",
        arguments: [
            "UPDATE invoice SET outstanding_cents = outstanding_cents - 1 WHERE id = 1",
            "UPDATE allocation SET amount_cents = amount_cents + 1 WHERE id = 1",
            "UPDATE plan_installment SET amount_cents = amount_cents + 1 WHERE id = 1",
            "DELETE FROM sales_month",
        ])
    func corruptionIsCaught(sql: String) throws {
        let ledger = try Ledger()
        for step: Step in [
            .addClient, .invoice(client: 0, cents: 120_000, daysAgo: 90, terms: 30),
            .payment(client: 0, cents: 50_000, daysAgo: 5, onInvoice: 0),
            .plan(client: 0, installments: 3),
        ] {
            #expect(try ledger.apply(step))
        }
        try ledger.checkInvariants()
        try ledger.database.writer.write { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
        withKnownIssue { try ledger.checkInvariants() }
    }

    /// Accepted steps by kind, across the property's runs.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func add(_ kind: String) { lock.withLock { counts[kind, default: 0] += 1 } }
        func count(_ kind: String) -> Int { lock.withLock { counts[kind, default: 0] } }
    }

    /// A sequence that reaches every kind of write, so that the property above never passes by
    /// refusing everything: each of these must be accepted.
    @Test("a fixed sequence exercises every write")
    func everyWriteIsReached() throws {
        let ledger = try Ledger()
        for step: Step in [
            .addClient, .addClient, .invoice(client: 0, cents: 120_000, daysAgo: 90, terms: 30),
            .invoice(client: 0, cents: 45_050, daysAgo: 10, terms: 30), .payment(client: 0, cents: 50_000, daysAgo: 5, onInvoice: nil),
            .payment(client: 0, cents: 10_000, daysAgo: 1, onInvoice: 1), .plan(client: 0, installments: 3),
            .invoice(client: 1, cents: 99_999, daysAgo: 40, terms: 30), .dispute(client: 1, invoice: 0),
            .promise(client: 1, cents: 20_000, inDays: 10), .undo, .undo,
        ] {
            let accepted = try ledger.apply(step)
            #expect(accepted, "refused: \(step): \(ledger.lastRefusal)")
            try ledger.checkInvariants()
        }
    }

    /// A fresh ledger, its assistant, and the states that undo must bring back.
    final class Ledger {
        let database: AppDatabase
        let assistant: Assistant
        var clients: [String] = []
        /// The ledger before each write still undoable, the last one last.
        var before: [TableDump] = []
        /// Why the last refused step was refused.
        var lastRefusal = ""

        init() throws {
            database = try AppDatabase.inMemory()
            assistant = try Assistant(database: database, today: LedgerInvariantTests.today)
        }

        /// Runs one step; `true` when the assistant accepted it. A refusal must change nothing.
        func apply(_ step: Step) throws -> Bool {
            let dump = try TableDump(database)
            let activeChanges = try self.activeChanges()
            var entities = Entities()
            let intent: IntentID
            switch step {
            case .addClient:
                intent = .clientAdd
                entities.name = "Client \(clients.count + 1) SARL"
            case .invoice(let client, let cents, let daysAgo, let terms):
                intent = .invoiceAdd
                entities.client = try reference(client)
                entities.amount = Money(cents: cents)
                entities.date = LedgerInvariantTests.today.adding(days: -daysAgo)
                entities.termsDays = terms
            case .payment(let client, let cents, let daysAgo, let invoice):
                intent = .paymentRecord
                entities.client = try reference(client)
                entities.amount = Money(cents: cents)
                entities.date = LedgerInvariantTests.today.adding(days: -daysAgo)
                if let invoice { entities.invoice = try invoiceNumber(client: client, pick: invoice) }
            case .undo:
                intent = .undo
            case .plan(let client, let installments):
                intent = .planAccept
                entities.client = try reference(client)
                entities.installments = installments
            case .dispute(let client, let invoice):
                intent = .disputeOpen
                entities.client = try reference(client)
                entities.invoice = try invoiceNumber(client: client, pick: invoice)
            case .promise(let client, let cents, let inDays):
                intent = .promiseRecord
                entities.client = try reference(client)
                entities.amount = Money(cents: cents)
                entities.date = LedgerInvariantTests.today.adding(days: inDays)
            }
            let reply: Reply
            do {
                reply = try assistant.perform(intent, entities)
            } catch let error as AssistantError {
                lastRefusal = "\(error)"
                #expect(try TableDump(database) == dump, "\(step) was refused but changed the ledger")
                #expect(try self.activeChanges() == activeChanges, "\(step) was refused but is in the audit trail")
                return false
            }
            #expect(reply.outcome == .done)
            let changes = try self.activeChanges()
            if intent == .undo {
                let popped = before.popLast()
                let restored = try #require(popped, "undo with nothing to undo was accepted")
                let after = try TableDump(database)
                #expect(after == restored, "undo did not restore the ledger:\n\(after.difference(from: restored))")
                #expect(changes == activeChanges - 1)
            } else if changes > activeChanges {
                #expect(changes == activeChanges + 1, "\(step): one write, one change")
                before.append(dump)
                if intent == .clientAdd { clients.append(entities.name!) }
            } else {
                #expect(try TableDump(database) == dump, "\(step) changed the ledger without an audit entry")
            }
            return true
        }

        /// The undo of a client.add removes it: the names follow the ledger.
        func reference(_ pick: Int) throws -> ClientReference? {
            let names = try database.clientNames().map(\.name)
            guard !names.isEmpty else { return ClientReference(id: nil, name: "Personne") }
            return ClientReference(id: nil, name: names[pick % names.count])
        }

        func invoiceNumber(client: Int, pick: Int) throws -> String? {
            guard let reference = try reference(client) else { return nil }
            let numbers = try database.writer.read { db in
                try String.fetchAll(
                    db, sql: "SELECT i.number FROM invoice i JOIN client c ON c.id = i.client_id WHERE c.name = ? ORDER BY i.id",
                    arguments: [reference.name])
            }
            return numbers.isEmpty ? "F-0000" : numbers[pick % numbers.count]
        }

        func activeChanges() throws -> Int {
            try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM change WHERE undone_at IS NULL") ?? 0 }
        }

        func checkInvariants() throws {
            try database.writer.read { db in
                let overAllocated = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.id, p.amount_cents, p.unallocated_cents, COALESCE(SUM(a.amount_cents), 0) AS allocated
                        FROM payment p LEFT JOIN allocation a ON a.payment_id = p.id GROUP BY p.id
                        HAVING allocated > p.amount_cents OR allocated + p.unallocated_cents != p.amount_cents
                        """)
                #expect(overAllocated.isEmpty, "payments allocated beyond their amount: \(overAllocated)")
                let wrongOutstanding = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT i.number, i.amount_cents, i.outstanding_cents, COALESCE(SUM(a.amount_cents), 0) AS allocated
                        FROM invoice i LEFT JOIN allocation a ON a.invoice_id = i.id GROUP BY i.id
                        HAVING i.outstanding_cents < 0 OR i.outstanding_cents > i.amount_cents
                            OR i.outstanding_cents != i.amount_cents - allocated
                        """)
                #expect(wrongOutstanding.isEmpty, "outstanding is not amount − allocations: \(wrongOutstanding)")
                let unevenPlans = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.id, p.total_cents,
                            (SELECT SUM(amount_cents) FROM plan_installment WHERE plan_id = p.id) AS installments,
                            (SELECT SUM(amount_cents) FROM plan_invoice WHERE plan_id = p.id) AS debt
                        FROM plan p WHERE installments IS NOT p.total_cents OR debt IS NOT p.total_cents
                        """)
                #expect(unevenPlans.isEmpty, "plans whose installments are not the debt: \(unevenPlans)")
                let sales = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT month, cents, count FROM sales_month WHERE count != 0
                        EXCEPT SELECT substr(issue_day, 1, 7), SUM(amount_cents), COUNT(*) FROM invoice GROUP BY 1
                        """)
                let missing = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT substr(issue_day, 1, 7), SUM(amount_cents), COUNT(*) FROM invoice GROUP BY 1
                        EXCEPT SELECT month, cents, count FROM sales_month
                        """)
                #expect(sales.isEmpty && missing.isEmpty, "monthly sales out of step: \(sales) \(missing)")
                let zeroRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sales_month WHERE count = 0 AND cents != 0") ?? 0
                #expect(zeroRows == 0, "an empty month with an amount")
            }
        }
    }

    /// Every row of every ledger table but the audit trail, in id order. Monthly totals that
    /// have gone back to zero are left out: a month emptied by an undo holds the same as one
    /// never written.
    struct TableDump: Equatable {
        var tables: [String: [[DatabaseValue]]]

        init(_ database: AppDatabase) throws {
            tables = try database.writer.read { db in
                let names = try String.fetchAll(
                    db,
                    sql: """
                        SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                            AND name NOT IN ('change', 'change_row', 'grdb_migrations', 'client_version') ORDER BY name
                        """)
                var tables: [String: [[DatabaseValue]]] = [:]
                for name in names {
                    let filter = ["sales_month", "paid_month"].contains(name) ? " WHERE count != 0" : ""
                    let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(name)\(filter) ORDER BY 1, 2")
                    tables[name] = rows.map { row in row.databaseValues.map(Self.rounded) }
                }
                return tables
            }
        }

        /// Weighted delays are REAL sums: adding then subtracting a term may leave the last bit.
        static func rounded(_ value: DatabaseValue) -> DatabaseValue {
            if case .double(let double) = value.storage { return (double * 1_000).rounded().databaseValue }
            return value
        }

        func difference(from other: TableDump) -> String {
            tables.keys.sorted().compactMap { name in
                tables[name] == other.tables[name]
                    ? nil
                    : "\(name): \(other.tables[name]?.count ?? 0) → \(tables[name]?.count ?? 0) lignes\n  avant \(other.tables[name] ?? [])\n  après \(tables[name] ?? [])"
            }.joined(separator: "\n")
        }
    }
}
