import AssistantCore
import Foundation
import FrenchParsing
import Persistence
import Receivables
import Testing

extension Demo {
    func propose(_ build: (inout Entities) -> Void, session: String = "") throws -> PlanProposalData {
        let reply = try assistant.perform(.planPropose, entities(build), session: session)
        #expect(reply.intent == .planPropose)
        return try #require(reply.data as? PlanProposalData)
    }

    func accept(_ build: (inout Entities) -> Void = { _ in }, session: String = "") throws -> PlanData {
        let reply = try assistant.perform(.planAccept, entities(build), session: session)
        #expect(reply.intent == .planAccept)
        return try #require(reply.data as? PlanData)
    }

    func planShow(_ name: String?) throws -> PlanListData {
        let reply = try assistant.perform(.planShow, entities { $0.client = name.map(named) })
        #expect(reply.intent == .planShow)
        return try #require(reply.data as? PlanListData)
    }
}

/// The checks every schedule must pass: dates in order from `start` on, amounts summing to the total.
func expectConsistent(_ schedule: ScheduleData, total: Money, from start: Day, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(schedule.total == total, sourceLocation: sourceLocation)
    #expect(schedule.installments.map(\.amount).sum() == total, sourceLocation: sourceLocation)
    #expect(schedule.installments.allSatisfy { $0.amount.isPositive }, sourceLocation: sourceLocation)
    #expect(schedule.installments.filter { !$0.isDownPayment }.count == schedule.count, sourceLocation: sourceLocation)
    // The regular installments are numbered from 1; a down payment comes first, numbered 0.
    #expect(
        schedule.installments.filter { !$0.isDownPayment }.map(\.number) == Array(1...schedule.count), sourceLocation: sourceLocation)
    #expect(schedule.installments.filter(\.isDownPayment).allSatisfy { $0.number == 0 }, sourceLocation: sourceLocation)
    #expect(
        schedule.installments.prefix { $0.isDownPayment }.count == schedule.installments.filter(\.isDownPayment).count,
        sourceLocation: sourceLocation)
    let days = schedule.installments.map(\.date)
    #expect(days == days.sorted(), sourceLocation: sourceLocation)
    #expect(Set(days).count == days.count, sourceLocation: sourceLocation)
    #expect(days.allSatisfy { $0 >= start }, sourceLocation: sourceLocation)
    #expect(schedule.firstDate == days.first, sourceLocation: sourceLocation)
    #expect(schedule.lastDate == days.last, sourceLocation: sourceLocation)
    // Equal installments, to the cent: the regular ones differ by at most a few cents.
    let regular = schedule.installments.filter { !$0.isDownPayment }.map(\.amount.cents)
    if let low = regular.min(), let high = regular.max() {
        #expect(high - low < Int64(regular.count), sourceLocation: sourceLocation)
    }
}

@Suite("Payment plans: plan.propose, plan.accept, plan.show")
struct PlanOperationsTests {
    // MARK: plan.propose

    @Test(
        "plan.propose without a count: two or three options, each summing to the overdue debt; nothing written",
        arguments: ["Garage Moreau", "Martin & Fils", "Transports Girard", "Martin SARL", "Optique François"])
    func options(_ name: String) throws {
        let demo = try Demo()
        let before = try demo.dunningHistory()
        let overdue = try demo.overdueInvoices(name)
        let debt = overdue.map(\.outstanding).sum()
        #expect(debt.isPositive)
        let data = try demo.propose { $0.client = named(name) }
        #expect(data.client.name == name)
        #expect(data.total == debt)
        #expect(data.invoices == overdue.map(\.number))
        #expect((2...3).contains(data.options.count), "\(data.options.count) options")
        #expect(data.options.indices.contains(data.recommended))
        #expect(Set(data.options.map(\.count)).count == data.options.count, "each option has its own count")
        #expect(data.options.map(\.count) == data.options.map(\.count).sorted())
        #expect(data.document == nil)
        #expect(data.emlFile == nil)
        for option in data.options {
            expectConsistent(option, total: debt, from: Demo.today)
            #expect(option.downPayment == nil)
            #expect(option.frequency == "monthly")
        }
        expectSameHistory(try demo.dunningHistory(), before, withTrail: true)
    }

    @Test("plan.propose with a count: one schedule and its document; with a down payment, paid first")
    func proposeWithCount() throws {
        let demo = try Demo()
        let debt = try demo.overdueInvoices("Garage Moreau").map(\.outstanding).sum()
        let four = try demo.propose {
            $0.client = named("Moreau")
            $0.installments = 4
        }
        #expect(four.options.count == 1)
        #expect(four.options[0].count == 4)
        expectConsistent(four.options[0], total: debt, from: Demo.today)
        let document = try #require(four.document)
        #expect(document.contains("Garage Moreau"))
        for installment in four.options[0].installments { #expect(document.contains(installment.amount.formatted)) }
        // A down payment, weekly.
        let down = try demo.propose {
            $0.client = named("Moreau")
            $0.installments = 3
            $0.downPayment = euros(500)
            $0.frequency = "weekly"
        }
        let schedule = try #require(down.options.first)
        #expect(down.options.count == 1)
        #expect(schedule.count == 3)
        #expect(schedule.downPayment == euros(500))
        #expect(schedule.frequency == "weekly")
        #expect(schedule.installments.first?.isDownPayment == true)
        #expect(schedule.installments.first?.amount == euros(500))
        #expect(schedule.installments.filter(\.isDownPayment).count == 1)
        expectConsistent(schedule, total: debt, from: Demo.today)
        // A cap on each installment sets the count.
        let capped = try demo.propose {
            $0.client = named("Moreau")
            $0.maxInstallment = euros(800)
        }
        #expect(capped.options.count == 1)
        #expect(capped.options[0].installments.allSatisfy { $0.amount <= euros(800) })
        expectConsistent(capped.options[0], total: debt, from: Demo.today)
        // Part of the debt.
        let part = try demo.propose {
            $0.client = named("Girard")
            $0.amount = euros(5_000)
            $0.installments = 2
        }
        #expect(part.total == euros(5_000))
        expectConsistent(part.options[0], total: euros(5_000), from: Demo.today)
    }

    // MARK: plan.accept

    @Test("plan.accept with a count after the options: that option becomes the plan")
    func acceptWithCount() throws {
        let demo = try Demo()
        let proposal = try demo.propose({ $0.client = named("Moreau") }, session: "s")
        let chosen = try #require(proposal.options.first { $0.count == 4 })
        let plan = try demo.accept({ $0.installments = 4 }, session: "s")
        #expect(plan.client.name == "Garage Moreau")
        #expect(plan.total == proposal.total)
        #expect(plan.invoices == proposal.invoices)
        #expect(plan.agreedDate == Demo.today)
        #expect(plan.status == "onTrack")
        #expect(plan.paid == .zero)
        #expect(plan.remaining == plan.total)
        #expect(plan.installments.map(\.date) == chosen.installments.map(\.date))
        #expect(plan.installments.map(\.amount) == chosen.installments.map(\.amount))
        #expect(plan.installments.allSatisfy { $0.status == "upcoming" })
        #expect(plan.nextDate == chosen.firstDate)
        let stored = try #require(try demo.database.plans(clientID: try demo.id("Garage Moreau")).first)
        #expect(stored.id == plan.id)
        #expect(stored.installments.map(\.amount) == chosen.installments.map(\.amount))
        #expect(stored.invoices.map(\.number) == proposal.invoices)
        // The proposal was used: accepting again needs a new one.
        let again = #expect(throws: AssistantError.self) { try demo.assistant.perform(.planAccept, Entities(), session: "s") }
        #expect(again?.invalidField == "client")
    }

    @Test("« en 3 fois » by a second plan.propose, then plan.accept without a count")
    func acceptAfterSecondProposal() throws {
        let demo = try Demo()
        _ = try demo.propose({ $0.client = named("Moreau") }, session: "s")
        let three = try demo.propose(
            {
                $0.client = named("Moreau")
                $0.installments = 3
            }, session: "s")
        let plan = try demo.accept(session: "s")
        #expect(plan.installments.count == 3)
        #expect(plan.installments.map(\.amount) == three.options[0].installments.map(\.amount))
        #expect(plan.installments.map(\.date) == three.options[0].installments.map(\.date))
    }

    @Test("the same through sentences: options, « en 6 fois », « Moreau accepte »")
    func acceptAsked() throws {
        let demo = try Demo()
        let proposed = try demo.assistant.ask("propose un échéancier pour Moreau", session: "t")
        #expect(proposed.intent == .planPropose)
        #expect((proposed.data as? PlanProposalData)?.options.count ?? 0 >= 2)
        let six = try demo.assistant.ask("propose un échéancier pour Moreau en 6 fois", session: "t")
        #expect((six.data as? PlanProposalData)?.options.map(\.count) == [6])
        let accepted = try demo.assistant.ask("Moreau accepte", session: "t")
        #expect(accepted.intent == .planAccept)
        let plan = try #require(accepted.data as? PlanData)
        #expect(plan.installments.count == 6)
        #expect(plan.total == (try demo.overdueInvoices("Garage Moreau")).map(\.outstanding).sum())
    }

    @Test("plan.accept with a count that is not among the options is refused; the options stay open")
    func acceptUnknownOption() throws {
        let demo = try Demo()
        let proposal = try demo.propose({ $0.client = named("Moreau") }, session: "s")
        let missing = try #require((1...12).first { count in !proposal.options.contains { $0.count == count } })
        let before = try demo.dunningHistory()
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(.planAccept, entities { $0.installments = missing }, session: "s")
        }
        #expect(error?.invalidField == "installments")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: true)
        let count = proposal.options[proposal.recommended].count
        let plan = try demo.accept({ $0.installments = count }, session: "s")
        #expect(plan.installments.count == count)
    }

    @Test("plan.accept « en 6 fois » after a proposal in 4: never a plan in 4")
    func acceptOtherCountThanProposed() throws {
        // The session's proposal has one schedule (4 installments); the client accepts 6.
        let demo = try Demo()
        _ = try demo.propose(
            {
                $0.client = named("Moreau")
                $0.installments = 4
            }, session: "s")
        let before = try demo.dunningHistory()
        do {
            let reply = try demo.assistant.perform(.planAccept, entities { $0.installments = 6 }, session: "s")
            let plan = try #require(reply.data as? PlanData)
            #expect(plan.installments.count == 6, "accepted in \(plan.installments.count) installments, 6 asked")
        } catch let error as AssistantError {
            // Refusing (asking to propose again) is fine too, as long as nothing is written.
            #expect(error.invalidField == "installments")
            expectSameHistory(try demo.dunningHistory(), before, withTrail: true)
        }
    }

    @Test("plan.accept directly, with a client and a count")
    func acceptDirect() throws {
        let demo = try Demo()
        let plan = try demo.accept {
            $0.client = named("Martin & Fils")
            $0.installments = 5
        }
        #expect(plan.client.name == "Martin & Fils")
        #expect(plan.installments.count == 5)
        #expect(plan.total == (try demo.overdueInvoices("Martin & Fils")).map(\.outstanding).sum())
        #expect(plan.installments.map(\.amount).sum() == plan.total)
    }

    @Test("plan.accept after the debt changed is refused; nothing is written")
    func acceptAfterPayment() throws {
        let demo = try Demo()
        _ = try demo.propose({ $0.client = named("Moreau") }, session: "s")
        _ = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Moreau")
                $0.amount = euros(100)
            })
        let before = try demo.dunningHistory()
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(.planAccept, entities { $0.installments = 3 }, session: "s")
        }
        #expect(error?.invalidField == "client")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: true)
        #expect(try demo.database.plans(clientID: try demo.id("Garage Moreau")).isEmpty)
    }

    // MARK: the plan in the dunning run, plan.show, undo

    @Test("an accepted plan shelters its invoices from reminder.due, shows in plan.show; undo removes it exactly")
    func acceptedPlan() throws {
        let demo = try Demo()
        let name = "Garage Moreau"
        let before = try demo.dunningHistory()
        let dueBefore = try demo.reminderDue()
        #expect(dueBefore.action(for: name) != nil)
        _ = try demo.propose({ $0.client = named("Moreau") }, session: "s")
        let plan = try demo.accept({ $0.installments = 3 }, session: "s")
        // plan.show of the client.
        let shown = try demo.planShow("Moreau")
        #expect(shown.count == 1)
        let mine = try #require(shown.plans.first)
        #expect(mine.id == plan.id)
        #expect(mine.total == plan.total)
        #expect(mine.status == "onTrack")
        #expect(mine.installments.map(\.amount) == plan.installments.map(\.amount))
        // plan.show of everyone: this plan and Électricité Mercier's.
        let running = try demo.planShow(nil)
        #expect(Set(running.plans.map(\.client.name)) == [name, "Électricité Mercier"])
        #expect(running.count == 2)
        // The dunning run leaves the client alone, saying when the next installment falls.
        let due = try demo.reminderDue()
        #expect(due.action(for: name) == nil)
        let skip = try #require(due.skips(for: name).first)
        #expect(skip.reason == "plan")
        #expect(skip.text.contains(try #require(plan.nextDate).french))
        #expect(try demo.escalation(name).advice.step == "keepPlan")
        // A second plan is refused while this one runs.
        let second = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(.planPropose, entities { $0.client = named("Moreau") })
        }
        #expect(second?.invalidField == "client")
        // Undo.
        try demo.undo(expecting: "plan.accept")
        expectSameHistory(try demo.dunningHistory(), before, withTrail: false)
        #expect(try demo.planShow("Moreau").count == 0)
        #expect(try demo.reminderDue().action(for: name)?.level == dueBefore.action(for: name)?.level)
    }

    @Test("payments then plan.show: the installments paid are kept, the rest is what remains")
    func installmentsKept() throws {
        let demo = try Demo()
        let plan = try demo.accept {
            $0.client = named("Moreau")
            $0.installments = 3
        }
        let first = plan.installments[0]
        let second = plan.installments[1]
        _ = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Moreau")
                $0.amount = first.amount
            })
        let afterOne = try #require(try demo.planShow("Moreau").plans.first)
        #expect(afterOne.installments[0].status == "kept")
        #expect(afterOne.installments[0].paid == first.amount)
        #expect(afterOne.installments[1].status == "upcoming")
        #expect(afterOne.paid == first.amount)
        #expect(afterOne.remaining == plan.total - first.amount)
        #expect(afterOne.nextDate == second.date)
        // The second one, paid on its day.
        demo.assistant.fixToday(second.date.adding(days: 1))
        _ = try demo.assistant.perform(
            .paymentRecord,
            entities {
                $0.client = named("Moreau")
                $0.amount = second.amount
                $0.date = second.date
            })
        let afterTwo = try #require(try demo.planShow("Moreau").plans.first)
        #expect(afterTwo.installments.prefix(2).allSatisfy { $0.status == "kept" })
        #expect(afterTwo.paid == first.amount + second.amount)
        #expect(afterTwo.remaining == plan.total - first.amount - second.amount)
        #expect(afterTwo.status == "onTrack")
        #expect(afterTwo.nextDate == plan.installments[2].date)
        // The plan's invoice is still sheltered.
        let due = try demo.reminderDue()
        #expect(due.action(for: "Garage Moreau")?.invoices.contains(plan.invoices[0]) != true)
        #expect(due.skips(for: "Garage Moreau").map(\.reason).contains("plan"))
    }

    @Test("an installment unpaid: reminded within the grace days, then the plan is broken and the debt dunned again")
    func installmentMissed() throws {
        let demo = try Demo()
        let plan = try demo.accept {
            $0.client = named("Moreau")
            $0.installments = 3
        }
        let first = plan.installments[0]
        let grace = (try demo.assistant.settings()).graceDays
        // A few days late: still "late", a reminder of that installment only.
        demo.assistant.fixToday(first.date.adding(days: 2))
        let late = try #require(try demo.planShow("Moreau").plans.first)
        #expect(late.status == "late")
        #expect(late.installments[0].status == "late")
        let reminder = try #require(try demo.reminderDue().action(for: "Garage Moreau"))
        #expect(reminder.level == "reminder1")
        #expect(reminder.amount == first.amount)
        #expect(reminder.reasons.contains { $0.contains(first.amount.formatted) })
        // Past the grace days: broken, the whole debt is dunned again.
        demo.assistant.fixToday(first.date.adding(days: grace + 2))
        let broken = try #require(try demo.planShow("Moreau").plans.first)
        #expect(broken.status == "broken")
        #expect(broken.installments[0].status == "missed")
        let action = try #require(try demo.reminderDue().action(for: "Garage Moreau"))
        #expect(action.invoices.contains(plan.invoices[0]))
        #expect(action.reasons.contains { $0.contains("échéancier rompu") })
        #expect(try demo.escalation("Garage Moreau").advice.step != "keepPlan")
        // A new plan may be proposed.
        #expect(try demo.propose { $0.client = named("Moreau") }.total.isPositive)
    }

    @Test("Électricité Mercier's plan in the demo: the first installment kept, the next one ahead")
    func demoPlan() throws {
        let demo = try Demo()
        let data = try demo.planShow("Mercier")
        #expect(data.count == 1)
        let plan = try #require(data.plans.first)
        #expect(plan.status == "onTrack")
        let past = plan.installments.filter { $0.date < Demo.today }
        #expect(!past.isEmpty)
        #expect(past.allSatisfy { $0.status == "kept" && $0.paid == $0.amount })
        #expect(plan.paid == past.map(\.amount).sum())
        #expect(plan.remaining == plan.total - plan.paid)
        #expect(plan.installments.map(\.amount).sum() == plan.total)
        let next = try #require(plan.installments.first { $0.date >= Demo.today })
        #expect(plan.nextDate == next.date)
        #expect(plan.nextAmount == next.amount)
        // A client without a plan.
        let none = try demo.planShow("Dupont")
        #expect(none.count == 0)
        #expect(none.plans.isEmpty)
    }

    // MARK: refused

    static let refused: [RefusedRecord] = [
        RefusedRecord("accept without a proposal", .planAccept, field: "client") { _ in Entities() },
        RefusedRecord("accept with a client but no count among several options", .planAccept, field: "installments") { _ in
            entities { $0.client = named("Moreau") }
        },
        RefusedRecord("accept for a client with a running plan", .planAccept, field: "client") { _ in
            entities {
                $0.client = named("Mercier")
                $0.installments = 3
            }
        },
        RefusedRecord("a cap too low for the count", .planPropose, field: "installments") { _ in
            entities {
                $0.client = named("Moreau")
                $0.installments = 2
                $0.maxInstallment = euros(100)
            }
        },
        RefusedRecord("400 installments", .planPropose, field: "installments") { _ in
            entities {
                $0.client = named("Moreau")
                $0.installments = 400
            }
        },
        RefusedRecord("zero installments", .planPropose, field: "installments") { _ in
            entities {
                $0.client = named("Moreau")
                $0.installments = 0
            }
        },
        RefusedRecord("a client with a running plan", .planPropose, field: "client") { _ in
            entities { $0.client = named("Électricité Mercier") }
        },
        RefusedRecord("more than the debt", .planPropose, field: "amount") { _ in
            entities {
                $0.client = named("Moreau")
                $0.amount = euros(1_000_000)
            }
        },
        RefusedRecord("starting in the past", .planPropose, field: "date") { _ in
            entities {
                $0.client = named("Moreau")
                $0.installments = 3
                $0.date = Demo.today.adding(days: -3)
            }
        },
        RefusedRecord("a negative down payment", .planPropose, field: "downPayment") { _ in
            entities {
                $0.client = named("Moreau")
                $0.installments = 3
                $0.downPayment = euros(-50)
            }
        },
        RefusedRecord("an unknown frequency", .planPropose, field: "frequency") { _ in
            entities {
                $0.client = named("Moreau")
                $0.frequency = "daily"
            }
        },
        RefusedRecord("a disputed invoice", .planPropose, field: "invoice") { demo in
            let number = try demo.disputedInvoice()
            return entities { $0.invoice = number }
        },
        RefusedRecord("another client's invoice", .planPropose, field: "invoice") { demo in
            let number = try #require(try demo.overdueInvoices("Martin SARL").first).number
            return entities {
                $0.client = named("Moreau")
                $0.invoice = number
            }
        },
        RefusedRecord("a client with nothing to spread", .planPropose, field: "client") { _ in
            entities { $0.client = named("Atelier Blanc") }
        },
        RefusedRecord("no client", .planPropose, field: nil) { _ in Entities() },
    ]

    @Test("refused plan requests: an AssistantError, nothing written", arguments: refused)
    func refusedPlan(_ request: RefusedRecord) throws {
        try request.expectRefused()
    }

    @Test("a refused proposal does not replace the session's last one")
    func refusedKeepsProposal() throws {
        let demo = try Demo()
        let proposal = try demo.propose(
            {
                $0.client = named("Moreau")
                $0.installments = 4
            }, session: "s")
        _ = try? demo.assistant.perform(
            .planPropose,
            entities {
                $0.client = named("Moreau")
                $0.installments = 400
            }, session: "s")
        let plan = try demo.accept(session: "s")
        #expect(plan.installments.map(\.amount) == proposal.options[0].installments.map(\.amount))
    }
}
