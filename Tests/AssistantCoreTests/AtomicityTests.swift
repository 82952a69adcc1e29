import AssistantCore
import FrenchParsing
import Persistence
import Receivables
import Testing

/// A write the assistant must refuse (or, for an intent not in this version, not run).
enum RefusedWrite: Sendable, CustomTestStringConvertible {
    /// A sentence, through `ask`.
    case said(String)
    /// An intent with its entities, through `perform` (the RPC methods).
    case direct(String, IntentID, Entities)

    var testDescription: String {
        switch self {
        case .said(let text): return "« \(text) »"
        case .direct(let label, let intent, _): return "\(intent.rawValue): \(label)"
        }
    }

    /// Runs it; any error is expected, and so is a reply that is not `.done`.
    func attempt(on assistant: Assistant) -> Reply? {
        switch self {
        case .said(let text): return try? assistant.ask(text)
        case .direct(_, let intent, let entities): return try? assistant.perform(intent, entities)
        }
    }
}

private func payment(_ build: (inout Entities) -> Void) -> Entities {
    entities {
        $0.client = named("Dupont")
        $0.amount = euros(100)
        build(&$0)
    }
}

@Suite("Atomicity: a refused write leaves the ledger as it was")
struct AtomicityTests {
    static let refusedWrites: [RefusedWrite] = [
        // Sentences of the `errors` transcript, and a few more.
        .said("Dupont a payé -50 €"),
        .said("Dupont a payé 0 €"),
        .said("Dupont a payé 5 000 000 000 000 €"),
        .said("Dupont a payé 100 € le 31 février"),
        .said("reçu 100 € pour la facture F-9999-0001"),
        .said("reçu 100 € de Martin SARL pour la facture F-2026-0235"),
        .said("Dupont a payé 50 € demain"),
        .said("Zorg a payé 100 €"),
        .said("Martin a payé 100 €"),
        .said("nouvelle facture pour Dupont"),
        .said("nouvelle facture F-2026-0235 pour Dupont de 200 €"),
        .said("ajoute le client Durand SAS"),
        .said("propose un échéancier pour Moreau en 400 fois"),
        .said("la facture F-2026-9999 est contestée"),
        .said("Moreau promet de payer 500 € hier"),
        .said("Dupont accepte l’échéancier"),
        // payment.record
        .direct("negative amount", .paymentRecord, payment { $0.amount = Money(cents: -5_000) }),
        .direct("zero amount", .paymentRecord, payment { $0.amount = .zero }),
        .direct("absurd amount", .paymentRecord, payment { $0.amount = euros(5_000_000_000_000) }),
        .direct("no amount", .paymentRecord, payment { $0.amount = nil }),
        .direct("no client", .paymentRecord, payment { $0.client = nil }),
        .direct("unknown client", .paymentRecord, payment { $0.client = named("Zorg") }),
        .direct("unknown client id", .paymentRecord, payment { $0.client = ClientReference(id: 424_242, name: "") }),
        .direct("ambiguous client", .paymentRecord, payment { $0.client = named("Martin") }),
        .direct("unknown invoice", .paymentRecord, payment { $0.invoice = "F-9999-0001" }),
        .direct("another client's invoice", .paymentRecord, payment { $0.invoice = "F-2026-0235" }),
        .direct("date in the future", .paymentRecord, payment { $0.date = Demo.today.adding(days: 1) }),
        // invoice.add
        .direct("negative amount", .invoiceAdd, payment { $0.amount = euros(-10) }),
        .direct("absurd amount", .invoiceAdd, payment { $0.amount = Money(euros: 1_000_000_000, cents: 1) }),
        .direct("duplicate number", .invoiceAdd, payment { $0.invoice = "F-2026-0235" }),
        .direct("duplicate number, other case", .invoiceAdd, payment { $0.invoice = "f-2026-0235" }),
        .direct("due before issue", .invoiceAdd, payment { $0.dueDate = Demo.today.adding(days: -10) }),
        .direct("implausible terms", .invoiceAdd, payment { $0.termsDays = 400 }),
        .direct("negative terms", .invoiceAdd, payment { $0.termsDays = -30 }),
        .direct("unknown client", .invoiceAdd, payment { $0.client = named("Zorg") }),
        .direct("no client", .invoiceAdd, payment { $0.client = nil }),
        // client.add
        .direct("duplicate name", .clientAdd, entities { $0.name = "Durand SAS" }),
        .direct("duplicate name, folded", .clientAdd, entities { $0.name = "GARAGE MOREAU" }),
        .direct("no name", .clientAdd, entities { $0.email = "x@y.fr" }),
        .direct(
            "bad email", .clientAdd,
            entities {
                $0.name = "Nouveau Client"
                $0.email = "nouveau@"
            }),
        .direct(
            "implausible terms", .clientAdd,
            entities {
                $0.name = "Nouveau Client"
                $0.termsDays = 1_000
            }),
        .direct(
            "unknown kind", .clientAdd,
            entities {
                $0.name = "Nouveau Client"
                $0.kind = "martien"
            }),
        // dunning, promises, disputes, plans: refused requests
        .direct(
            "plan too long", .planPropose,
            entities {
                $0.client = named("Moreau")
                $0.installments = 400
            }),
        .direct(
            "plan cap too low", .planPropose,
            entities {
                $0.client = named("Moreau")
                $0.installments = 2
                $0.maxInstallment = euros(100)
            }),
        .direct("accept without proposal", .planAccept, Entities()),
        .direct("unknown invoice in dispute", .disputeOpen, entities { $0.invoice = "F-1999-0001" }),
        .direct("dispute on an undisputed invoice", .disputeClose, entities { $0.invoice = "F-2026-0235" }),
        .direct("promise in the past", .promiseRecord, payment { $0.date = Demo.today.adding(days: -5) }),
        .direct("promise without date", .promiseRecord, payment { _ in }),
        .direct("reminder sent in the future", .reminderSent, payment { $0.date = Demo.today.adding(days: 2) }),
        .direct(
            "pause without end", .clientUpdate,
            entities {
                $0.client = named("Dupont")
                $0.dunning = "pause"
            }),
        .direct(
            "unknown channel", .clientUpdate,
            entities {
                $0.client = named("Dupont")
                $0.channel = "pigeon"
            }),
        .direct(
            "note without text", .interactionLog,
            entities {
                $0.client = named("Dupont")
            }),
    ]

    @Test("nothing is written: audit trail, counts and every balance unchanged", arguments: refusedWrites, [false, true])
    func refused(_ write: RefusedWrite, afterHistory: Bool) throws {
        let demo = try Demo()
        if afterHistory {
            // A trail that is not empty: a payment and an invoice, recorded and kept.
            _ = try demo.assistant.perform(.paymentRecord, payment { $0.amount = euros(50) })
            _ = try demo.assistant.perform(.invoiceAdd, payment { $0.amount = euros(75) })
        }
        let before = try demo.snapshot()
        let reply = write.attempt(on: demo.assistant)
        #expect(reply == nil || reply?.outcome != .done, "the write was accepted: \(reply?.text ?? "")")
        let after = try demo.snapshot()
        #expect(after.changes == before.changes)
        #expect(after.counts == before.counts)
        #expect(after.clients == before.clients)
        #expect(after.positions == before.positions)
        #expect(after.summaries == before.summaries)
        // "annule" then undoes the last write that was accepted, not the refused one.
        if afterHistory {
            let undone = try #require(try demo.assistant.perform(.undo, Entities()).data as? UndoData)
            #expect(undone.action == "invoice.add")
        } else {
            let error = #expect(throws: AssistantError.self) { try demo.assistant.perform(.undo, Entities()) }
            #expect(error?.invalidField == "undo")
        }
    }

    @Test("a refused write does not block the next valid one")
    func nextWriteSucceeds() throws {
        let demo = try Demo()
        for write in Self.refusedWrites { _ = write.attempt(on: demo.assistant) }
        let before = try demo.position("Boulangerie Dupont")
        let reply = try demo.assistant.ask("Dupont a payé 100 €")
        #expect(reply.outcome == .done)
        #expect(try demo.position("Boulangerie Dupont").outstanding == before.outstanding - euros(100))
        #expect(try demo.database.recentChanges().count == 1)
    }

    @Test("undo with nothing to undo changes nothing")
    func undoNothing() throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.ask("annule") }
        #expect(error?.invalidField == "undo")
        #expect(try demo.snapshot() == before)
    }

    @Test(
        "reads write nothing",
        arguments: [
            "qui est en retard ?", "combien me doit Dupont ?", "fiche Moreau", "liste des clients", "factures de Dupont", "aide",
            "bonjour", "et Durand ?",
        ])
    func readsWriteNothing(_ text: String) throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        _ = try? demo.assistant.ask(text)
        _ = demo.assistant.parse("Dupont a payé 500 €")
        #expect(try demo.snapshot() == before)
    }
}
