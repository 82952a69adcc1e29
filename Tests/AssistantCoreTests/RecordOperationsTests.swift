import AssistantCore
import Foundation
import FrenchParsing
import Persistence
import Receivables
import Testing

// MARK: - The dunning history of the demo, for "nothing changed" and "undo restores it exactly"

/// A plan as stored (`PlanEntry ==` compares ids only).
struct StoredPlanShape: Hashable {
    var id: Int64
    var clientID: Int64
    var agreedDay: Day
    var frequency: String
    var total: Money
    var cancelledDay: Day?
    var installments: [PlannedInstallment]
    var invoices: [String]
}

/// Everything the recording operations may touch: the ledger (`LedgerSnapshot`), the settings,
/// every client's record and open invoices, and the dunning history (reminders, promises,
/// notes, disputes, pauses, plans).
struct DunningHistorySnapshot: Equatable {
    var ledger: LedgerSnapshot
    var settings: [String: String]
    var clients: [Client]
    var openInvoices: [Invoice]
    var reminders: [ReminderEntry]
    var promises: [PromiseEntry]
    var interactions: [InteractionEntry]
    var disputes: [DisputeEntry]
    var pauses: [PauseEntry]
    var plans: [StoredPlanShape]
}

extension Demo {
    func dunningHistory() throws -> DunningHistorySnapshot {
        let names = try database.clientNames()
        var clients: [Client] = []
        var open: [Invoice] = []
        var reminders: [ReminderEntry] = []
        var promises: [PromiseEntry] = []
        var interactions: [InteractionEntry] = []
        for name in names {
            clients.append(try database.client(id: name.id))
            open += try database.openInvoices(clientID: name.id)
            reminders += try database.reminders(clientID: name.id)
            promises += try database.promises(clientID: name.id)
            interactions += try database.interactions(clientID: name.id, limit: 100_000)
        }
        let plans = try database.plans(includeCancelled: true).map {
            StoredPlanShape(
                id: $0.id, clientID: $0.clientID, agreedDay: $0.agreedDay, frequency: $0.frequency, total: $0.total,
                cancelledDay: $0.cancelledDay, installments: $0.installments, invoices: $0.invoices.map(\.number))
        }
        return DunningHistorySnapshot(
            ledger: try snapshot(), settings: try database.settings(), clients: clients, openInvoices: open, reminders: reminders,
            promises: promises, interactions: interactions, disputes: try database.disputes(), pauses: try database.pauses(),
            plans: plans)
    }

    /// The client's record, by its exact name.
    func client(_ name: String) throws -> Client { try database.client(id: try id(name)) }

    /// Today's dunning run (or with a filter).
    func reminderDue(_ build: (inout Entities) -> Void = { _ in }) throws -> ReminderDueData {
        let reply = try assistant.perform(.reminderDue, entities(build))
        #expect(reply.intent == .reminderDue)
        return try #require(reply.data as? ReminderDueData)
    }

    /// The advice for one client.
    func escalation(_ name: String) throws -> EscalationData {
        try #require(try assistant.perform(.escalationAdvise, entities { $0.client = named(name) }).data as? EscalationData)
    }

    /// Runs `undo`, which must undo `action`.
    func undo(expecting action: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let data = try #require(try assistant.perform(.undo, Entities()).data as? UndoData, sourceLocation: sourceLocation)
        #expect(data.action == action, sourceLocation: sourceLocation)
    }
}

extension ReminderDueData {
    func action(for name: String) -> Row? { actions.first { $0.client.name == name } }
    func skips(for name: String) -> [Skipped] { skipped.filter { $0.client.name == name } }
}

/// Every part of the state is the same; the audit trail is compared only when `withTrail`
/// (an undo marks its change undone instead of erasing it). Differences are named briefly.
func expectSameHistory(
    _ after: DunningHistorySnapshot, _ before: DunningHistorySnapshot, withTrail: Bool, sourceLocation: SourceLocation = #_sourceLocation
) {
    var differences: [String] = []
    func compare<T: Equatable>(_ label: String, _ a: [T], _ b: [T]) {
        guard a != b else { return }
        let extra = a.filter { !b.contains($0) }.prefix(3).map { "\($0)" }
        let missing = b.filter { !a.contains($0) }.prefix(3).map { "\($0)" }
        differences.append("\(label) (\(a.count) vs \(b.count)); now: \(extra); before: \(missing)")
    }
    if withTrail { compare("audit trail", after.ledger.changes, before.ledger.changes) }
    if after.ledger.counts != before.ledger.counts { differences.append("counts \(after.ledger.counts) vs \(before.ledger.counts)") }
    compare("client names", after.ledger.clients, before.ledger.clients)
    for (id, position) in after.ledger.positions where before.ledger.positions[id] != position {
        differences.append("position of client \(id): \(position) vs \(String(describing: before.ledger.positions[id]))")
    }
    if after.ledger.positions.count != before.ledger.positions.count { differences.append("positions count") }
    compare("summaries", after.ledger.summaries, before.ledger.summaries)
    if after.settings != before.settings { differences.append("settings \(after.settings) vs \(before.settings)") }
    compare("clients", after.clients, before.clients)
    compare("open invoices", after.openInvoices, before.openInvoices)
    compare("reminders", after.reminders, before.reminders)
    compare("promises", after.promises, before.promises)
    compare("interactions", after.interactions, before.interactions)
    compare("disputes", after.disputes, before.disputes)
    compare("pauses", after.pauses, before.pauses)
    compare("plans", after.plans, before.plans)
    #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))", sourceLocation: sourceLocation)
}

/// A request the assistant must refuse, built against the demo (some need its invoice numbers).
struct RefusedRecord: Sendable, CustomTestStringConvertible {
    var label: String
    var intent: IntentID
    /// The `invalidValue` field expected; `nil` for another `AssistantError`.
    var field: String?
    var build: @Sendable (Demo) throws -> Entities

    init(_ label: String, _ intent: IntentID, field: String?, _ build: @escaping @Sendable (Demo) throws -> Entities) {
        self.label = label
        self.intent = intent
        self.field = field
        self.build = build
    }

    var testDescription: String { "\(intent.rawValue): \(label)" }

    /// Runs it: it must throw an `AssistantError` (with the field), and change nothing at all.
    func expectRefused(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let demo = try Demo()
        let request = try build(demo)
        let before = try demo.dunningHistory()
        let error = #expect(throws: AssistantError.self, sourceLocation: sourceLocation) {
            try demo.assistant.perform(intent, request)
        }
        if let field { #expect(error?.invalidField == field, "\(String(describing: error))", sourceLocation: sourceLocation) }
        expectSameHistory(try demo.dunningHistory(), before, withTrail: true, sourceLocation: sourceLocation)
    }
}

extension Demo {
    /// An invoice of the client that is fully paid.
    func settledInvoice(_ name: String) throws -> Invoice {
        let all = try database.invoices(InvoiceFilter(clientID: try id(name)), asOf: Demo.today).map(\.invoice)
        return try #require(all.first { $0.isSettled }, "\(name) has no settled invoice")
    }

    /// The invoice of an open dispute of the demo (Serrurerie Lemoine's).
    func disputedInvoice() throws -> String {
        try #require(try database.disputes(openOnly: true).first).invoiceNumber
    }

    /// The client's overdue invoices, oldest first.
    func overdueInvoices(_ name: String) throws -> [Invoice] {
        try openInvoices(name).filter { $0.isOverdue(asOf: Demo.today) && !$0.disputed }.sorted {
            ($0.dueDay, $0.number) < ($1.dueDay, $1.number)
        }
    }
}

// MARK: - Tests

@Suite("Recording operations: client.update, promise.record, interaction.log, dispute.open/close")
struct RecordOperationsTests {
    // MARK: promise.record

    @Test("promise.record: the client leaves the dunning run until the day; undo brings it back exactly")
    func promiseThenUndo() throws {
        let demo = try Demo()
        let name = "Optique François"
        let dueBefore = try demo.reminderDue()
        let action = try #require(dueBefore.action(for: name), "\(name) is due today in the demo")
        let before = try demo.dunningHistory()
        let promised = Demo.today.adding(days: 6)
        let reply = try demo.assistant.perform(
            .promiseRecord,
            entities {
                $0.client = named("Optique")
                $0.date = promised
            })
        #expect(reply.intent == .promiseRecord)
        let data = try #require(reply.data as? RecordData)
        #expect(data.kind == "promise")
        #expect(data.client.name == name)
        #expect(data.date == promised)
        // Without an amount, the promise is for what is overdue.
        let overdue = try demo.position(name).overdue
        #expect(data.amount == overdue)
        #expect(reply.entities.amount == overdue)
        let stored = try #require(try demo.database.promises(clientID: try demo.id(name)).first)
        #expect(stored.dueDay == promised)
        #expect(stored.madeDay == Demo.today)
        #expect(stored.amount == overdue)
        #expect(stored.status(asOf: Demo.today) == "pending")
        // The run skips it, saying why.
        let due = try demo.reminderDue()
        #expect(due.action(for: name) == nil)
        let skips = due.skips(for: name)
        #expect(skips.map(\.reason) == ["promise"])
        #expect(skips.first?.text.contains(promised.french) == true)
        #expect(skips.first?.text.contains(overdue.formatted) == true)
        #expect(due.count == dueBefore.count - 1)
        #expect(due.total == dueBefore.total - action.amount)
        // The advice is to wait.
        #expect(try demo.escalation(name).advice.step == "wait")
        // Undo: the promise is gone, the client is due again, as before.
        try demo.undo(expecting: "promise.record")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        let again = try demo.reminderDue()
        #expect(again.action(for: name)?.level == action.level)
        #expect(again.action(for: name)?.amount == action.amount)
        #expect(again.skips(for: name).isEmpty)
        #expect(again.count == dueBefore.count)
    }

    @Test("promise.record on one invoice: the amount defaults to that invoice's outstanding")
    func promiseOnInvoice() throws {
        let demo = try Demo()
        let invoice = try #require(try demo.overdueInvoices("Transports Girard").last)
        let reply = try demo.assistant.perform(
            .promiseRecord,
            entities {
                $0.invoice = invoice.number
                $0.date = Demo.today
                $0.method = .transfer
            })
        let data = try #require(reply.data as? RecordData)
        // The client comes from the invoice.
        #expect(data.client.name == "Transports Girard")
        #expect(data.invoice == invoice.number)
        #expect(data.amount == invoice.outstanding)
        let stored = try #require(try demo.database.promises(clientID: try demo.id("Transports Girard")).first)
        #expect(stored.invoiceNumber == invoice.number)
        #expect(stored.method == .transfer)
        #expect(stored.amount == invoice.outstanding)
    }

    @Test("Martin & Fils's promise of the demo is pending; a payment of the amount keeps it and the advice changes")
    func demoPendingPromise() throws {
        let demo = try Demo()
        let promise = try #require(try demo.database.promises(clientID: try demo.id("Martin & Fils")).first)
        #expect(promise.status(asOf: Demo.today) == "pending")
        #expect(try demo.escalation("Martin & Fils").advice.step == "wait")
        // Garage Moreau's promise was not kept.
        let moreau = try #require(try demo.database.promises(clientID: try demo.id("Garage Moreau")).first)
        #expect(moreau.status(asOf: Demo.today) == "broken")
        _ = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Martin & Fils")
                $0.amount = promise.amount
            })
        let kept = try #require(try demo.database.promises(clientID: try demo.id("Martin & Fils")).first)
        #expect(kept.status(asOf: Demo.today) == "kept")
        #expect(try demo.reminderDue().skips(for: "Martin & Fils").allSatisfy { $0.reason != "promise" })
        #expect(try demo.escalation("Martin & Fils").advice.step != "wait")
    }

    // MARK: interaction.log

    @Test("interaction.log keeps the note, dated and with its channel; undo removes it")
    func interactionThenUndo() throws {
        let demo = try Demo()
        let before = try demo.dunningHistory()
        let day = Demo.today.adding(days: -2)
        let reply = try demo.assistant.perform(
            .interactionLog,
            entities {
                $0.client = named("Dupont")
                $0.note = "  rappeler lundi, la gérante est absente  "
                $0.channel = "phone"
                $0.date = day
            })
        let data = try #require(reply.data as? RecordData)
        #expect(data.kind == "interaction")
        #expect(data.note == "rappeler lundi, la gérante est absente")
        #expect(data.channel == "phone")
        #expect(data.date == day)
        let stored = try #require(try demo.database.interactions(clientID: try demo.id("Boulangerie Dupont")).first)
        #expect(stored.note == "rappeler lundi, la gérante est absente")
        #expect(stored.channel == .phone)
        #expect(stored.day == day)
        // The client file shows it.
        let file = try #require(
            try demo.assistant.perform(.clientShow, entities { $0.client = named("Dupont") }).data as? ClientFileData)
        #expect(file.history.contains { $0.kind == "interaction" && $0.text.contains("rappeler lundi") })
        // Without a date, today.
        let today = try #require(
            try demo.assistant.perform(
                .interactionLog,
                entities {
                    $0.client = named("Dupont")
                    $0.note = "courriel reçu"
                }
            ).data as? RecordData)
        #expect(today.date == Demo.today)
        #expect(today.channel == nil)
        try demo.undo(expecting: "interaction.log")
        try demo.undo(expecting: "interaction.log")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
    }

    // MARK: dispute.open / dispute.close

    @Test("dispute.open: the invoice leaves the dunning, the advice is mediation; undo restores it")
    func disputeOpenThenUndo() throws {
        let demo = try Demo()
        let name = "Martin SARL"
        let invoice = try #require(try demo.overdueInvoices(name).first)
        #expect(try demo.reminderDue().action(for: name)?.invoices.contains(invoice.number) == true)
        let before = try demo.dunningHistory()
        let reply = try demo.assistant.perform(
            .disputeOpen,
            entities {
                $0.invoice = invoice.number
                $0.note = "conteste la quantité livrée"
            })
        let data = try #require(reply.data as? RecordData)
        #expect(data.kind == "dispute")
        #expect(data.client.name == name)
        #expect(data.invoice == invoice.number)
        #expect(data.amount == invoice.outstanding)
        #expect(reply.entities.client?.name == name)
        #expect(try demo.database.invoice(number: invoice.number)?.disputed == true)
        let opened = try #require(try demo.database.disputes(clientID: try demo.id(name), openOnly: true).first)
        #expect(opened.invoiceNumber == invoice.number)
        #expect(opened.openedDay == Demo.today)
        #expect(opened.note == "conteste la quantité livrée")
        // The balance is unchanged: a dispute is not a payment.
        #expect(try demo.position(name).outstanding == before.ledger.positions[try demo.id(name)]?.outstanding)
        let due = try demo.reminderDue()
        #expect(due.action(for: name) == nil, "only its disputed invoice was overdue")
        #expect(due.skips(for: name).map(\.reason) == ["dispute"])
        let advice = try demo.escalation(name)
        #expect(advice.advice.step == "mediation")
        #expect(advice.overdue == .zero)
        #expect(advice.disputed == invoice.outstanding)
        try demo.undo(expecting: "dispute.open")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        #expect(try demo.reminderDue().action(for: name)?.invoices.contains(invoice.number) == true)
    }

    @Test("dispute.close on Serrurerie Lemoine: dunned again; undo reopens the dispute")
    func disputeCloseThenUndo() throws {
        let demo = try Demo()
        let name = "Serrurerie Lemoine"
        let number = try demo.disputedInvoice()
        #expect(try demo.database.invoice(number: number)?.clientID == (try demo.id(name)))
        #expect(try demo.reminderDue().skips(for: name).map(\.reason) == ["dispute"])
        let before = try demo.dunningHistory()
        // By the client alone: its only disputed invoice.
        let reply = try demo.assistant.perform(
            .disputeClose,
            entities {
                $0.client = named("Lemoine")
                $0.note = "avoir de 10 % accordé"
            })
        let data = try #require(reply.data as? RecordData)
        #expect(data.invoice == number)
        #expect(try demo.database.invoice(number: number)?.disputed == false)
        let closed = try #require(try demo.database.disputes(clientID: try demo.id(name)).first)
        #expect(closed.closedDay == Demo.today)
        #expect(closed.resolution == "avoir de 10 % accordé")
        #expect(try demo.database.disputes(clientID: try demo.id(name), openOnly: true).isEmpty)
        let due = try demo.reminderDue()
        #expect(due.skips(for: name).isEmpty)
        #expect(due.action(for: name)?.invoices.contains(number) == true)
        #expect(try demo.escalation(name).advice.step != "mediation")
        try demo.undo(expecting: "dispute.close")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        #expect(try demo.reminderDue().skips(for: name).map(\.reason) == ["dispute"])
    }

    // MARK: client.update

    @Test("client.update pause: the run says until when; the advice is to wait; undo ends it")
    func pauseThenUndo() throws {
        let demo = try Demo()
        let name = "Garage Moreau"
        #expect(try demo.reminderDue().action(for: name) != nil)
        let before = try demo.dunningHistory()
        let until = Day(year: 2026, month: 12, day: 5)!
        let reply = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Moreau")
                $0.dunning = "pause"
                $0.date = until
                $0.note = "inventaire annuel"
            })
        let data = try #require(reply.data as? RecordData)
        #expect(data.until == until)
        #expect(data.date == Demo.today)
        let pause = try #require(try demo.database.pauses(clientID: try demo.id(name)).first)
        #expect(pause.from == Demo.today)
        #expect(pause.until == until)
        #expect(pause.reason == "inventaire annuel")
        // The client record itself is unchanged.
        #expect(try demo.client(name) == before.clients.first { $0.name == name })
        let due = try demo.reminderDue()
        #expect(due.action(for: name) == nil)
        let skip = try #require(due.skips(for: name).first)
        #expect(skip.reason == "paused")
        #expect(skip.text.contains("05/12/2026"))
        #expect(skip.text.contains("inventaire annuel"))
        #expect(try demo.escalation(name).advice.step == "wait")
        // After the pause, dunned again.
        demo.assistant.fixToday(until.adding(days: 1))
        #expect(try demo.reminderDue().skips(for: name).allSatisfy { $0.reason != "paused" })
        demo.assistant.fixToday(Demo.today)
        try demo.undo(expecting: "client.update")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        #expect(try demo.reminderDue().action(for: name) != nil)
    }

    @Test("client.update stop, then resume: out of the run with the reason, then back in")
    func stopAndResume() throws {
        let demo = try Demo()
        let name = "Garage Moreau"
        let action = try #require(try demo.reminderDue().action(for: name))
        let stop = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Moreau")
                $0.dunning = "stop"
                $0.note = "client historique, voir avec le gérant"
            })
        #expect(stop.outcome == .done)
        #expect(try demo.client(name).dunningStop == "client historique, voir avec le gérant")
        let stopped = try demo.reminderDue()
        #expect(stopped.action(for: name) == nil)
        #expect(stopped.skips(for: name).map(\.reason) == ["stopped"])
        #expect(stopped.skips(for: name).first?.text.contains("client historique") == true)
        _ = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Moreau")
                $0.dunning = "resume"
            })
        #expect(try demo.client(name).dunningStop == nil)
        let resumed = try demo.reminderDue()
        #expect(resumed.action(for: name)?.level == action.level)
        #expect(resumed.skips(for: name).isEmpty)
    }

    @Test("client.update resume ends a running pause")
    func resumeEndsPause() throws {
        let demo = try Demo()
        let name = "Transports Girard"
        #expect(try demo.reminderDue().skips(for: name).map(\.reason) == ["paused"])
        _ = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Girard")
                $0.dunning = "resume"
            })
        let pauses = try demo.database.pauses(clientID: try demo.id(name))
        #expect(pauses.allSatisfy { $0.until < Demo.today })
        let due = try demo.reminderDue()
        #expect(due.skips(for: name).isEmpty)
        #expect(due.action(for: name) != nil)
    }

    @Test("undo of client.update resume puts the stop back (one request, one undo)")
    func undoResume() throws {
        // `clientUpdate` writes the client (`client.update`) and then always ends the pauses
        // (`dunning.resume`, an empty change when there is none): two journal entries for one
        // request, so one undo only reverts the empty one and the stop stays lifted.
        let demo = try Demo()
        let name = "Garage Moreau"
        _ = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Moreau")
                $0.dunning = "stop"
                $0.note = "à voir"
            })
        let stopped = try demo.dunningHistory()
        _ = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Moreau")
                $0.dunning = "resume"
            })
        #expect(try demo.client(name).dunningStop == nil)
        _ = try demo.assistant.perform(.undo, Entities())
        #expect(try demo.client(name).dunningStop == "à voir")
        expectSameHistory(try demo.dunningHistory(), stopped, withTrail: false)
        #expect(try demo.reminderDue().skips(for: name).map(\.reason) == ["stopped"])
    }

    @Test("undo of a client.update that changes the tone and pauses reverts both")
    func undoTonePlusPause() throws {
        // Same cause: the client row and the pause are two journaled changes.
        let demo = try Demo()
        let before = try demo.dunningHistory()
        _ = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Moreau")
                $0.tone = "tu"
                $0.dunning = "pause"
                $0.date = Demo.today.adding(days: 10)
            })
        #expect(try demo.client("Garage Moreau").addressForm == .tu)
        #expect(try demo.database.pauses(clientID: try demo.id("Garage Moreau")).count == 1)
        _ = try demo.assistant.perform(.undo, Entities())
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        #expect(try demo.client("Garage Moreau").addressForm == .vous)
    }

    @Test("client.update insolvent: out of the run, advice to declare the claim; undo restores the advice")
    func insolvent() throws {
        let demo = try Demo()
        let name = "Bâtiment Garnier SA"
        let adviceBefore = try demo.escalation(name)
        #expect(adviceBefore.advice.step == "injunction")
        #expect(try demo.reminderDue().action(for: name) != nil)
        let before = try demo.dunningHistory()
        let reply = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Garnier")
                $0.status = "insolvent"
                $0.note = "redressement judiciaire"
            })
        #expect(reply.outcome == .done)
        #expect(try demo.client(name).insolvency == "redressement judiciaire")
        let due = try demo.reminderDue()
        #expect(due.action(for: name) == nil)
        #expect(due.skips(for: name).map(\.reason) == ["insolvent"])
        #expect(due.skips(for: name).first?.text.contains("redressement judiciaire") == true)
        let advice = try demo.escalation(name)
        #expect(advice.advice.step == "declareClaim")
        #expect(advice.advice.cost == .zero)
        #expect(!advice.warnings.isEmpty)
        // A reminder drafted anyway carries a warning.
        let draft = try #require(
            try demo.assistant.perform(
                .reminderDraft,
                entities {
                    $0.client = named(name)
                    $0.level = "reminder3"
                }
            ).data as? DraftData)
        #expect(draft.warnings.contains { $0.contains("procédure collective") })
        try demo.undo(expecting: "client.update")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        #expect(try demo.escalation(name).advice.step == "injunction")
    }

    @Test("client.update channel: the run proposes the preferred channel first; undo restores it")
    func preferredChannel() throws {
        let demo = try Demo()
        let name = "Martin SARL"
        let action = try #require(try demo.reminderDue().action(for: name))
        #expect(action.channels.first == "email")
        let before = try demo.dunningHistory()
        let data = try #require(
            try demo.assistant.perform(
                .clientUpdate,
                entities {
                    $0.client = named(name)
                    $0.channel = "sms"
                }
            ).data as? RecordData)
        #expect(data.channel == "sms")
        #expect(try demo.client(name).preferredChannel == .sms)
        let after = try #require(try demo.reminderDue().action(for: name))
        #expect(after.channels.first == "sms")
        #expect(Set(after.channels) == Set(action.channels + ["sms"]))
        try demo.undo(expecting: "client.update")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        #expect(try demo.reminderDue().action(for: name)?.channels == action.channels)
    }

    @Test("client.update of contacts and terms: stored, one change, undone exactly")
    func contactsAndTerms() throws {
        let demo = try Demo()
        let before = try demo.dunningHistory()
        let reply = try demo.assistant.perform(
            .clientUpdate,
            entities {
                $0.client = named("Dupont")
                $0.email = "compta@boulangerie-dupont.fr"
                $0.phone = "0247000000"
                $0.termsDays = 45
                $0.endOfMonth = true
            })
        #expect(reply.outcome == .done)
        let client = try demo.client("Boulangerie Dupont")
        #expect(client.email == "compta@boulangerie-dupont.fr")
        #expect(client.phone == "0247000000")
        #expect(client.terms.days == 45)
        #expect(client.terms.endOfMonth)
        #expect(try demo.database.recentChanges().count == 1)
        try demo.undo(expecting: "client.update")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
    }

    // MARK: refused requests

    static let refused: [RefusedRecord] = [
        // promise.record
        RefusedRecord("promise in the past", .promiseRecord, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.date = Demo.today.adding(days: -1)
            }
        },
        RefusedRecord("promise without a date", .promiseRecord, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.amount = euros(500)
            }
        },
        RefusedRecord("promise more than two years ahead", .promiseRecord, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.date = Demo.today.adding(days: 800)
            }
        },
        RefusedRecord("promise of a negative amount", .promiseRecord, field: "amount") { _ in
            entities {
                $0.client = named("Moreau")
                $0.date = Demo.today.adding(days: 3)
                $0.amount = euros(-20)
            }
        },
        RefusedRecord("promise on an unknown invoice", .promiseRecord, field: "invoice") { _ in
            entities {
                $0.client = named("Moreau")
                $0.date = Demo.today.adding(days: 3)
                $0.invoice = "F-1999-0001"
            }
        },
        RefusedRecord("promise on another client's invoice", .promiseRecord, field: "invoice") { demo in
            let number = try #require(try demo.overdueInvoices("Garage Moreau").first).number
            return entities {
                $0.client = named("Dupont")
                $0.date = Demo.today.adding(days: 3)
                $0.invoice = number
            }
        },
        RefusedRecord("promise from a client who owes nothing", .promiseRecord, field: "amount") { _ in
            entities {
                $0.client = named("Atelier Blanc")
                $0.date = Demo.today.adding(days: 3)
            }
        },
        RefusedRecord("promise of an unknown client", .promiseRecord, field: nil) { _ in
            entities {
                $0.client = named("Zorg")
                $0.date = Demo.today.adding(days: 3)
            }
        },
        RefusedRecord("promise without a client", .promiseRecord, field: nil) { _ in
            entities { $0.date = Demo.today.adding(days: 3) }
        },
        // client.update
        RefusedRecord("pause without a date", .clientUpdate, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.dunning = "pause"
            }
        },
        RefusedRecord("pause ending yesterday", .clientUpdate, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.dunning = "pause"
                $0.date = Demo.today.adding(days: -1)
            }
        },
        RefusedRecord("pause with a valid tone change but no date", .clientUpdate, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.tone = "tu"
                $0.dunning = "pause"
            }
        },
        RefusedRecord("bad channel", .clientUpdate, field: "channel") { _ in
            entities {
                $0.client = named("Moreau")
                $0.channel = "pigeon"
            }
        },
        RefusedRecord("bad tone", .clientUpdate, field: "tone") { _ in
            entities {
                $0.client = named("Moreau")
                $0.tone = "toi"
            }
        },
        RefusedRecord("unknown dunning action", .clientUpdate, field: "dunning") { _ in
            entities {
                $0.client = named("Moreau")
                $0.dunning = "suspendre"
            }
        },
        RefusedRecord("bad email", .clientUpdate, field: "email") { _ in
            entities {
                $0.client = named("Moreau")
                $0.email = "compta@"
            }
        },
        RefusedRecord("implausible terms", .clientUpdate, field: "termsDays") { _ in
            entities {
                $0.client = named("Moreau")
                $0.termsDays = 400
            }
        },
        RefusedRecord("unknown kind", .clientUpdate, field: "kind") { _ in
            entities {
                $0.client = named("Moreau")
                $0.kind = "B2X"
            }
        },
        RefusedRecord("unknown sequence", .clientUpdate, field: "sequence") { _ in
            entities {
                $0.client = named("Moreau")
                $0.sequence = "express"
            }
        },
        RefusedRecord("nothing to change", .clientUpdate, field: "client") { _ in
            entities { $0.client = named("Moreau") }
        },
        // interaction.log
        RefusedRecord("note without text", .interactionLog, field: "note") { _ in
            entities { $0.client = named("Moreau") }
        },
        RefusedRecord("blank note", .interactionLog, field: "note") { _ in
            entities {
                $0.client = named("Moreau")
                $0.note = "   \n "
            }
        },
        RefusedRecord("note too long", .interactionLog, field: "note") { _ in
            entities {
                $0.client = named("Moreau")
                $0.note = String(repeating: "a", count: 2_001)
            }
        },
        RefusedRecord("note dated tomorrow", .interactionLog, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.note = "appel"
                $0.date = Demo.today.adding(days: 1)
            }
        },
        RefusedRecord("note with a bad channel", .interactionLog, field: "channel") { _ in
            entities {
                $0.client = named("Moreau")
                $0.note = "appel"
                $0.channel = "fax"
            }
        },
        // dispute.open / dispute.close
        RefusedRecord("dispute on an unknown invoice", .disputeOpen, field: "invoice") { _ in
            entities { $0.invoice = "F-1999-0001" }
        },
        RefusedRecord("dispute on another client's invoice", .disputeOpen, field: "invoice") { demo in
            let number = try #require(try demo.overdueInvoices("Garage Moreau").first).number
            return entities {
                $0.client = named("Dupont")
                $0.invoice = number
            }
        },
        RefusedRecord("dispute on a settled invoice", .disputeOpen, field: "invoice") { demo in
            let number = try demo.settledInvoice("Garage Moreau").number
            return entities { $0.invoice = number }
        },
        RefusedRecord("duplicate dispute", .disputeOpen, field: "invoice") { demo in
            let number = try demo.disputedInvoice()
            return entities { $0.invoice = number }
        },
        RefusedRecord("dispute by a client with several open invoices, none named", .disputeOpen, field: "invoice") { _ in
            entities { $0.client = named("Girard") }
        },
        RefusedRecord("dispute without invoice nor client", .disputeOpen, field: "invoice") { _ in Entities() },
        RefusedRecord("closing a dispute on an undisputed invoice", .disputeClose, field: "invoice") { demo in
            let number = try #require(try demo.overdueInvoices("Garage Moreau").first).number
            return entities { $0.invoice = number }
        },
        RefusedRecord("closing a dispute of a client without one", .disputeClose, field: "invoice") { _ in
            entities { $0.client = named("Moreau") }
        },
        RefusedRecord("closing a dispute on an unknown invoice", .disputeClose, field: "invoice") { _ in
            entities { $0.invoice = "F-1999-0001" }
        },
    ]

    @Test("a refused record throws AssistantError and changes nothing", arguments: refused)
    func refusedRecord(_ request: RefusedRecord) throws {
        try request.expectRefused()
    }
}
