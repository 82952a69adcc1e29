import AssistantCore
import FrenchParsing
import Persistence
import Receivables
import Testing

@Suite("Dialogue context")
struct DialogueTests {
    // MARK: "et Martin ?"

    @Test(
        "« et Durand ? » repeats the last question for another client",
        arguments: [
            ("combien me doit Dupont ?", IntentID.clientBalance), ("fiche Dupont", .clientShow), ("factures de Dupont", .invoiceList),
        ])
    func followUp(first: String, intent: IntentID) throws {
        let demo = try Demo()
        let opening = try demo.assistant.ask(first)
        #expect(opening.intent == intent)
        #expect(opening.entities.client?.name == "Boulangerie Dupont")
        let reply = try demo.assistant.ask("et Durand ?")
        #expect(reply.intent == intent)
        #expect(reply.entities.client?.name == "Durand SAS")
        #expect(reply.entities.client?.id == (try demo.id("Durand SAS")))
        #expect(reply.text.contains("Durand SAS"))
        #expect(!reply.text.contains("Boulangerie Dupont"))
        if intent == .clientBalance {
            let data = try #require(reply.data as? BalanceData)
            #expect(data.outstanding == (try demo.position("Durand SAS")).outstanding)
        }
    }

    @Test("« et Durand ? » keeps the filters of the last question (« factures en retard de Dupont »)")
    func followUpKeepsFilters() throws {
        // `FrenchParser.parse` starts a follow-up from `context.lastEntities`, then `fill`
        // (FrenchParser+Entities.swift:104, :109) overwrites `status` and `limit` with what the
        // new sentence says, i.e. nil: "et Durand ?" lists all of Durand's invoices.
        let demo = try Demo()
        let opening = try demo.assistant.ask("factures en retard de Dupont")
        #expect(opening.entities.status == "overdue")
        let reply = try demo.assistant.ask("et Durand ?")
        #expect(reply.intent == .invoiceList)
        #expect(reply.entities.client?.name == "Durand SAS")
        #expect(reply.entities.status == "overdue")
        let data = try #require(reply.data as? InvoiceListData)
        #expect(data.invoices.allSatisfy { $0.status == "overdue" })
    }

    @Test(
        "other ways of asking the same question for another client",
        arguments: ["et Durand ?", "pareil pour Durand", "et pour Durand SAS ?"])
    func followUpWordings(_ text: String) throws {
        let demo = try Demo()
        _ = try demo.assistant.ask("combien me doit Dupont ?")
        let reply = try demo.assistant.ask(text)
        #expect(reply.intent == .clientBalance)
        #expect((reply.data as? BalanceData)?.client.name == "Durand SAS")
    }

    @Test("a follow-up after a direct call repeats it too")
    func followUpAfterPerform() throws {
        let demo = try Demo()
        _ = try demo.assistant.perform(.clientBalance, entities { $0.client = named("Dupont") })
        let reply = try demo.assistant.ask("et Durand ?")
        #expect(reply.intent == .clientBalance)
        #expect(reply.entities.client?.name == "Durand SAS")
    }

    // MARK: ambiguity

    @Test(
        "an ambiguous name asks which one; the answer completes the question",
        arguments: [
            ("le deuxième", "Martin SARL"), ("2", "Martin SARL"), ("Martin SARL", "Martin SARL"), ("la SARL", "Martin SARL"),
            ("le premier", "Martin & Fils"), ("1", "Martin & Fils"), ("Martin & Fils", "Martin & Fils"), ("fils", "Martin & Fils"),
            ("le dernier", "Martin SARL"),
        ])
    func ambiguity(answer: String, chosen: String) throws {
        let demo = try Demo()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.ask("combien me doit Martin ?") }
        guard case .ambiguousClient(let query, let candidates)? = error else {
            Issue.record("expected ambiguousClient, got \(String(describing: error))")
            return
        }
        #expect(query == "Martin")
        #expect(candidates.map(\.name) == ["Martin & Fils", "Martin SARL"])
        let ids = [try demo.id("Martin & Fils"), try demo.id("Martin SARL")]
        #expect(candidates.map(\.id) == ids)
        #expect(error?.localizedDescription.contains("1. Martin & Fils") == true)
        #expect(error?.localizedDescription.contains("2. Martin SARL") == true)
        let pending = try #require(demo.assistant.context(for: "").pending)
        #expect(pending.intent == .clientBalance)
        #expect(pending.candidates.map(\.name) == ["Martin & Fils", "Martin SARL"])

        let reply = try demo.assistant.ask(answer)
        #expect(reply.intent == .clientBalance)
        #expect(reply.entities.client?.name == chosen)
        let data = try #require(reply.data as? BalanceData)
        #expect(data.client.id == (try demo.id(chosen)))
        #expect(data.outstanding == (try demo.position(chosen)).outstanding)
        #expect(demo.assistant.context(for: "").pending == nil)
        #expect(demo.assistant.context(for: "").lastClient?.name == chosen)
    }

    @Test("an ambiguity in a follow-up: « et Martin ? » then « le deuxième »")
    func ambiguousFollowUp() throws {
        let demo = try Demo()
        _ = try demo.assistant.ask("combien me doit Dupont ?")
        _ = try demo.assistant.ask("et Durand ?")
        let error = #expect(throws: AssistantError.self) { try demo.assistant.ask("et Martin ?") }
        #expect(error?.ambiguousCandidates?.map(\.name) == ["Martin & Fils", "Martin SARL"])
        let reply = try demo.assistant.ask("le deuxième")
        #expect(reply.intent == .clientBalance)
        #expect((reply.data as? BalanceData)?.client.name == "Martin SARL")
    }

    @Test("the pending question keeps its other entities: a payment waits for its client")
    func ambiguousPayment() throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        let error = #expect(throws: AssistantError.self) { try demo.assistant.ask("Martin a payé 100 € par chèque") }
        #expect(error?.ambiguousCandidates?.count == 2)
        #expect(try demo.snapshot() == before)
        let reply = try demo.assistant.ask("Martin SARL")
        #expect(reply.intent == .paymentRecord)
        let data = try #require(reply.data as? PaymentData)
        #expect(data.client.name == "Martin SARL")
        #expect(data.amount == euros(100))
        #expect(data.method == "cheque")
        #expect(try demo.database.recentChanges().count == 1)
    }

    @Test("an ambiguous name in a direct call: the next sentence of that session answers it")
    func ambiguousDirectCall() throws {
        let demo = try Demo()
        let error = #expect(throws: AssistantError.self) {
            try demo.assistant.perform(.clientShow, entities { $0.client = named("Martin") }, session: "éditeur")
        }
        #expect(error?.ambiguousCandidates?.map(\.name) == ["Martin & Fils", "Martin SARL"])
        #expect(demo.assistant.context(for: "éditeur").pending?.intent == .clientShow)
        let reply = try demo.assistant.ask("le deuxième", session: "éditeur")
        #expect(reply.intent == .clientShow)
        #expect((reply.data as? ClientFileData)?.client.name == "Martin SARL")
    }

    @Test(
        "a new unrelated sentence drops the pending question",
        arguments: ["qui est en retard ?", "combien me doit Durand ?", "aide", "asdfgh qwerty"])
    func pendingDropped(_ unrelated: String) throws {
        let demo = try Demo()
        #expect(throws: AssistantError.self) { try demo.assistant.ask("combien me doit Martin ?") }
        #expect(demo.assistant.context(for: "").pending != nil)
        _ = try? demo.assistant.ask(unrelated)
        #expect(demo.assistant.context(for: "").pending == nil)
        // "le deuxième" no longer means Martin SARL.
        let late = try? demo.assistant.ask("le deuxième")
        #expect(late?.entities.client?.name != "Martin SARL")
        #expect(late.map { $0.intent != .clientBalance || $0.entities.client?.name != "Martin SARL" } ?? true)
    }

    @Test("after the answer, the question is no longer pending")
    func pendingAnsweredOnce() throws {
        let demo = try Demo()
        #expect(throws: AssistantError.self) { try demo.assistant.ask("combien me doit Martin ?") }
        _ = try demo.assistant.ask("le deuxième")
        #expect(demo.assistant.context(for: "").pending == nil)
        let error = #expect(throws: AssistantError.self) { try demo.assistant.ask("le premier") }
        guard case .notUnderstood? = error else {
            Issue.record("expected notUnderstood, got \(String(describing: error))")
            return
        }
    }

    // MARK: pronouns

    @Test(
        "« il », « lui », « ce client » refer to the last client",
        arguments: [
            ("combien il doit ?", IntentID.clientBalance), ("combien lui reste-t-il à payer ?", .clientBalance),
            ("fiche de ce client", .clientShow), ("combien doit ce client ?", .clientBalance),
            ("il a payé 200 € hier", .paymentRecord), ("ce client a payé 100 €", .paymentRecord),
            ("ses factures", .invoiceList),
        ])
    func pronouns(text: String, intent: IntentID) throws {
        let demo = try Demo()
        _ = try demo.assistant.ask("fiche Julien Perrin")
        let reply = try demo.assistant.ask(text)
        #expect(reply.intent == intent)
        #expect(reply.entities.client?.name == "Julien Perrin")
        #expect(reply.entities.client?.id == (try demo.id("Julien Perrin")))
        if intent == .paymentRecord {
            #expect((reply.data as? PaymentData)?.client.name == "Julien Perrin")
        }
    }

    @Test("the pronoun follows the latest client named")
    func pronounFollowsLatest() throws {
        let demo = try Demo()
        _ = try demo.assistant.ask("combien me doit Dupont ?")
        _ = try demo.assistant.ask("fiche Moreau")
        let payment = try demo.assistant.ask("il a payé 200 € hier")
        let data = try #require(payment.data as? PaymentData)
        #expect(data.client.name == "Garage Moreau")
        #expect(data.date == Demo.today.adding(days: -1))
        #expect(data.amount == euros(200))
        #expect(demo.assistant.context(for: "").lastClient?.name == "Garage Moreau")
    }

    @Test("a pronoun with no client before it does not guess")
    func pronounWithoutContext() throws {
        let demo = try Demo()
        let before = try demo.snapshot()
        #expect(throws: AssistantError.self) { try demo.assistant.ask("il a payé 200 €") }
        #expect(throws: AssistantError.self) { try demo.assistant.ask("combien il doit ?") }
        #expect(try demo.snapshot() == before)
    }

    @Test("a failed request does not change the last client")
    func failureKeepsContext() throws {
        let demo = try Demo()
        _ = try demo.assistant.ask("combien me doit Dupont ?")
        #expect(throws: AssistantError.self) { try demo.assistant.ask("combien me doit Zorg ?") }
        #expect(throws: AssistantError.self) { try demo.assistant.ask("Dupont a payé -5 €") }
        let reply = try demo.assistant.ask("combien il doit ?")
        #expect(reply.entities.client?.name == "Boulangerie Dupont")
    }

    // MARK: sessions

    @Test("two sessions keep separate contexts")
    func sessionsIndependent() throws {
        let demo = try Demo()
        _ = try demo.assistant.ask("combien me doit Dupont ?", session: "a")
        #expect(demo.assistant.context(for: "a").lastClient?.name == "Boulangerie Dupont")
        #expect(demo.assistant.context(for: "a").lastIntent == .clientBalance)
        #expect(demo.assistant.context(for: "b") == DialogueContext())
        #expect(demo.assistant.context(for: "") == DialogueContext())

        // "il" in b does not reach a's client.
        #expect(throws: AssistantError.self) { try demo.assistant.ask("combien il doit ?", session: "b") }
        let inA = try demo.assistant.ask("combien il doit ?", session: "a")
        #expect(inA.entities.client?.name == "Boulangerie Dupont")

        // "et Durand ?" in b does not repeat a's question.
        let inB = try? demo.assistant.ask("et Durand ?", session: "b")
        #expect(inB?.intent != .clientBalance)

        // A question pending in a is not answered from b, and stays pending in a.
        #expect(throws: AssistantError.self) { try demo.assistant.ask("combien me doit Martin ?", session: "a") }
        let fromB = try? demo.assistant.ask("le deuxième", session: "b")
        #expect(fromB?.entities.client?.name != "Martin SARL")
        #expect(demo.assistant.context(for: "a").pending != nil)
        let answered = try demo.assistant.ask("le deuxième", session: "a")
        #expect((answered.data as? BalanceData)?.client.name == "Martin SARL")

        // b's own history is b's.
        _ = try demo.assistant.ask("fiche Moreau", session: "b")
        #expect(demo.assistant.context(for: "b").lastClient?.name == "Garage Moreau")
        #expect(demo.assistant.context(for: "a").lastClient?.name == "Martin SARL")
        let paid = try demo.assistant.ask("il a payé 10 €", session: "b")
        #expect((paid.data as? PaymentData)?.client.name == "Garage Moreau")
    }

    @Test("parse reads without changing the context")
    func parseHasNoSideEffect() throws {
        let demo = try Demo()
        _ = try demo.assistant.ask("combien me doit Dupont ?")
        let context = demo.assistant.context(for: "")
        let parsed = demo.assistant.parse("et Durand ?")
        #expect(parsed.intent == .clientBalance)
        #expect(parsed.entities.client?.name == "Durand SAS")
        _ = demo.assistant.parse("combien me doit Martin ?")
        #expect(demo.assistant.context(for: "") == context)
    }

    @Test("help, smalltalk and undo do not replace the last question")
    func conversationKeepsLastQuestion() throws {
        let demo = try Demo()
        _ = try demo.assistant.ask("combien me doit Dupont ?")
        _ = try demo.assistant.ask("merci")
        _ = try demo.assistant.ask("aide")
        let reply = try demo.assistant.ask("et Durand ?")
        #expect(reply.intent == .clientBalance)
        #expect(reply.entities.client?.name == "Durand SAS")
    }
}
