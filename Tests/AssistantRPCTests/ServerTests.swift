import AssistantCore
import AssistantRPC
import Foundation
import FrenchParsing
import JSONRPC
import Persistence
import Receivables
import Testing

// MARK: - Harness

let demoToday = Day(year: 2026, month: 11, day: 22)!

/// One frame written by the server, parsed back.
struct Frame {
    var framing: Framing
    var value: JSONValue
}

/// An `AssistantServer` on the demo ledger, driven through `JSONRPCConnection` over memory.
final class Harness {
    let database: AppDatabase
    let assistant: Assistant
    let server: AssistantServer

    init() throws {
        database = try AppDatabase.inMemory()
        try database.loadDemo(DemoLedger(today: demoToday))
        assistant = try Assistant(database: database, today: demoToday)
        server = AssistantServer(assistant: assistant)
    }

    func id(_ name: String) throws -> Int64 {
        try #require(try database.clientNames().first { $0.name == name }, "no client named \(name)").id
    }

    func position(_ name: String) throws -> ClientPosition {
        try database.position(clientID: try id(name), asOf: demoToday)
    }

    /// Serves `input` until its end (or `exit`) and returns every frame written.
    func serve(_ input: String, chunkSizes: [Int] = []) throws -> [Frame] {
        let sink = MemoryByteSink()
        JSONRPCConnection(input: MemoryByteSource(input, chunkSizes: chunkSizes), output: sink).run(handler: server)
        var reader = MessageReader()
        reader.append(sink.data)
        var frames: [Frame] = []
        while let message = reader.nextMessage() {
            guard case .data(let body) = message.payload else {
                Issue.record("unreadable frame in the output")
                continue
            }
            frames.append(Frame(framing: message.framing, value: try JSONValue(parsing: body)))
        }
        #expect(reader.finish() == nil, "truncated output")
        return frames
    }

    /// One request, newline-framed; its response.
    func call(_ method: String, _ params: JSONValue? = nil, id: JSONValue = 1) throws -> JSONValue {
        let frames = try serve(try line(request(id, method, params)))
        try #require(frames.count == 1, "expected one response to \(method)")
        #expect(frames[0].value["id"] == id)
        return frames[0].value
    }

    /// The result of a call that must succeed.
    func result(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        let response = try call(method, params)
        #expect(response["error"] == nil, "\(method): \(String(describing: response["error"]))")
        return try #require(response["result"], "\(method) has no result")
    }

    /// The error of a call that must fail.
    func error(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        let response = try call(method, params)
        #expect(response["result"] == nil, "\(method) succeeded: \(String(describing: response["result"]))")
        return try #require(response["error"], "\(method) has no error")
    }
}

func request(_ id: JSONValue, _ method: String, _ params: JSONValue? = nil) -> JSONValue {
    var members: [String: JSONValue] = ["jsonrpc": "2.0", "id": id, "method": .string(method)]
    if let params { members["params"] = params }
    return .object(members)
}

func notification(_ method: String, _ params: JSONValue? = nil) -> JSONValue {
    var members: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
    if let params { members["params"] = params }
    return .object(members)
}

/// Newline-delimited framing.
func line(_ message: JSONValue) throws -> String { try message.jsonString() + "\n" }

/// `Content-Length` framing.
func lsp(_ message: JSONValue) throws -> String { lspBody(try message.jsonString()) }
func lspBody(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n" + body }

extension JSONValue {
    var code: Int64? { self["code"]?.intValue }
    var cents: Int64? { self["cents"]?.intValue }
    var strings: [String]? { arrayValue?.compactMap(\.stringValue) }
}

/// What a money value must look like on the wire.
func expectMoney(_ value: JSONValue?, _ money: Money, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(value?["cents"] == .int(money.cents), sourceLocation: sourceLocation)
    #expect(value?["currency"] == "EUR", sourceLocation: sourceLocation)
    #expect(value?["display"] == .string(money.formatted), sourceLocation: sourceLocation)
}

// MARK: - Tests

@Suite("AssistantServer")
struct ServerTests {
    // MARK: initialize

    @Test("initialize lists the intents and the methods; every available intent is a method")
    func initialize() throws {
        let harness = try Harness()
        let result = try harness.result("initialize", ["clientName": "tests"])
        #expect(result["name"] == "encaisse")
        #expect(result["version"]?.stringValue?.isEmpty == false)
        #expect(result["today"] == "2026-11-22")
        #expect(result["intents"]?.strings == IntentID.allCases.map(\.rawValue))
        let methods = try #require(result["methods"]?.strings)
        for intent in Assistant.availableIntents { #expect(methods.contains(intent.rawValue), "\(intent.rawValue)") }
        for method in ["initialize", "ask", "parse", "shutdown", "exit"] { #expect(methods.contains(method), "\(method)") }
        #expect(methods == methods.sorted())
        #expect(Set(methods).count == methods.count)
        // Every method listed answers (none is -32601).
        for method in methods where !["exit", "shutdown"].contains(method) {
            let response = try harness.call(
                method, ["text": "bonjour", "client": "Dupont", "name": .string("Client \(method)"), "amount": 1])
            #expect(response["error"]?.code != -32601, "\(method)")
        }
    }

    @Test("initialize is optional, and its today fixes the reference day")
    func initializeToday() throws {
        let harness = try Harness()
        #expect(try harness.result("ask", ["text": "qui est en retard ?"])["data"]?["asOf"] == "2026-11-22")
        let result = try harness.result("initialize", ["today": "2026-12-15"])
        #expect(result["today"] == "2026-12-15")
        #expect(try harness.result("overdue.list")["data"]?["asOf"] == "2026-12-15")
        let bad = try harness.error("initialize", ["today": "2026-02-30"])
        #expect(bad.code == -32602)
        #expect(bad["data"]?["field"] == "today")
    }

    // MARK: ask

    @Test("ask answers with intent, entities, reply, data and outcome")
    func ask() throws {
        let harness = try Harness()
        let result = try harness.result("ask", ["text": "combien me doit Dupont ?"])
        #expect(result["intent"] == "client.balance")
        #expect(result["outcome"] == "done")
        #expect(result["entities"]?["client"]?["name"] == "Boulangerie Dupont")
        #expect(result["entities"]?["client"]?["id"] == .int(try harness.id("Boulangerie Dupont")))
        let position = try harness.position("Boulangerie Dupont")
        let reply = try #require(result["reply"]?.stringValue)
        #expect(reply.contains("Boulangerie Dupont vous doit"))
        #expect(reply.contains(position.outstanding.formatted))
        let data = try #require(result["data"])
        #expect(data["client"]?["name"] == "Boulangerie Dupont")
        #expect(data["asOf"] == "2026-11-22")
        expectMoney(data["outstanding"], position.outstanding)
        expectMoney(data["overdue"], position.overdue)
        expectMoney(data["credit"], position.credit)
        #expect(data["nextDueDate"] == .string(try #require(position.nextDueDay).iso))
        #expect(data["openInvoices"] == .int(Int64(position.openInvoiceCount)))
    }

    @Test("ask with a table: data holds the rows as objects")
    func askTable() throws {
        let harness = try Harness()
        let result = try harness.result("ask", ["text": "qui est en retard ?"])
        #expect(result["intent"] == "overdue.list")
        let rows = try #require(result["data"]?["rows"]?.arrayValue)
        #expect(rows.count == 13)
        #expect(result["data"]?["clientCount"] == 13)
        #expect(result["data"]?["total"]?.cents == 4_530_812)
        #expect(rows.first?["client"]?["name"] == "Transports Girard")
        #expect(rows.first?["oldestDueDate"]?.stringValue?.count == 10)
        #expect(result["reply"]?.stringValue?.contains("Transports Girard") == true)
    }

    @Test("ask to import a file that is not there: -32003 naming the file, nothing written")
    func askImportMissingFile() throws {
        let harness = try Harness()
        let error = try harness.error("ask", ["text": "importe le fichier absent-de-partout.csv"])
        #expect(error["code"] == -32003)
        #expect(error["data"]?["field"] == "file")
        #expect(error["message"]?.stringValue?.contains("absent-de-partout.csv") == true)
        #expect(try harness.database.recentChanges().isEmpty)
    }

    // MARK: intent methods

    @Test("overdue.list with filters")
    func overdueList() throws {
        let harness = try Harness()
        let result = try harness.result("overdue.list", ["minDaysLate": 30, "minAmount": 5000, "limit": 1])
        #expect(result["outcome"] == "done")
        let data = try #require(result["data"])
        let expected = try harness.database.overdueClients(
            OverdueQuery(asOf: demoToday, minDaysLate: 30, minAmount: Money(euros: 5_000), limit: 1))
        #expect(data["clientCount"] == .int(Int64(expected.clientCount)))
        expectMoney(data["total"], expected.total)
        #expect(data["rows"]?.arrayValue?.count == 1)
        #expect(data["rows"]?[0]?["client"]?["id"] == .int(try #require(expected.rows.first).clientID))
        #expect(expected.clientCount == 2)
        let cents = try harness.result("overdue.list", ["minAmount": ["cents": 500_000, "currency": "EUR"], "minDaysLate": 30])
        #expect(cents["data"]?["total"] == data["total"])
        #expect(result["reply"]?.stringValue?.contains(expected.total.formatted) == true)
    }

    @Test(
        "client.balance: the client by name, by id, or as an object",
        arguments: ["name", "id", "object with id", "object with name"])
    func clientBalance(_ form: String) throws {
        let harness = try Harness()
        let id = try harness.id("Durand SAS")
        let client: JSONValue
        switch form {
        case "name": client = "Durand"
        case "id": client = .int(id)
        case "object with id": client = ["id": .int(id)]
        default: client = ["name": "Durand SAS"]
        }
        let result = try harness.result("client.balance", ["client": client])
        #expect(result["data"]?["client"] == ["id": .int(id), "name": "Durand SAS"])
        expectMoney(result["data"]?["outstanding"], try harness.position("Durand SAS").outstanding)
        #expect(result["reply"]?.stringValue?.contains("Durand SAS") == true)
    }

    @Test("client.show, client.list, invoice.list")
    func readMethods() throws {
        let harness = try Harness()
        let show = try harness.result("client.show", ["client": "Moreau"])
        #expect(show["data"]?["client"]?["code"] == "MOREAU")
        let open = try harness.database.openInvoices(clientID: try harness.id("Garage Moreau"))
        #expect(show["data"]?["openInvoices"]?.arrayValue?.compactMap { $0["number"]?.stringValue } == open.map(\.number))

        let all = try harness.result("client.list")
        #expect(all["data"]?["count"] == .int(Int64(try harness.database.clientCount())))
        let disputed = try harness.result("client.list", ["status": "disputed"])
        #expect(disputed["data"]?["rows"]?.arrayValue?.compactMap { $0["client"]?["name"]?.stringValue } == ["Serrurerie Lemoine"])
        let consumers = try harness.result("client.list", ["kind": "B2C", "limit": 2])
        #expect(consumers["data"]?["count"] == 4)
        #expect(consumers["data"]?["rows"]?.arrayValue?.count == 2)

        let late = try harness.result("invoice.list", ["client": "Martin SARL", "status": "overdue"])
        #expect(late["data"]?["invoices"]?.arrayValue?.compactMap { $0["number"]?.stringValue } == ["F-2026-0238"])
        let window = try harness.result("invoice.list", ["period": ["from": "2026-11-23", "to": "2026-12-06"]])
        let invoices = try #require(window["data"]?["invoices"]?.arrayValue)
        #expect(!invoices.isEmpty)
        for invoice in invoices {
            let due = try #require(invoice["dueDate"]?.stringValue)
            #expect("2026-11-23" <= due && due <= "2026-12-06")
        }
    }

    @Test(
        "payment.record: amount as euros, with cents, as an object or as French text; date as YYYY-MM-DD",
        arguments: [
            (.int(500), 50_000), (.double(500.5), 50_050), (["cents": 12_345], 12_345),
            (["cents": 12_345, "currency": "EUR", "display": "123,45 €"], 12_345), ("1 200,50 €", 120_050),
        ] as [(JSONValue, Int64)])
    func paymentRecord(amount: JSONValue, cents: Int64) throws {
        let harness = try Harness()
        let before = try harness.position("Boulangerie Dupont")
        let result = try harness.result(
            "payment.record", ["client": "Dupont", "amount": amount, "method": "cheque", "date": "2026-11-21", "sessionId": "s"])
        #expect(result["outcome"] == "done")
        let data = try #require(result["data"])
        #expect(data["amount"]?.cents == cents)
        #expect(data["date"] == "2026-11-21")
        #expect(data["method"] == "cheque")
        #expect(data["client"]?["name"] == "Boulangerie Dupont")
        let allocated = data["allocations"]?.arrayValue?.compactMap { $0["amount"]?.cents }.reduce(0, +) ?? 0
        #expect(allocated + (data["credit"]?.cents ?? 0) == cents)
        #expect(data["allocations"]?[0]?["invoice"] == "F-2026-0203")
        let after = try harness.position("Boulangerie Dupont")
        #expect(after.outstanding.cents == before.outstanding.cents - allocated)
        expectMoney(data["balance"]?["outstanding"], after.outstanding)
        #expect(try harness.database.recentChanges().first?.action == "payment.record")
    }

    @Test("invoice.add, client.add and undo")
    func writeMethods() throws {
        let harness = try Harness()
        let client = try harness.result(
            "client.add", ["name": "Durand Frères SAS", "email": "compta@durand-freres.fr", "termsDays": 45, "endOfMonth": true])
        #expect(client["data"]?["code"] == "DURAND-FRERES-SAS")
        #expect(client["data"]?["termsDays"] == 45)
        #expect(client["data"]?["endOfMonth"] == true)
        let newID = try #require(client["data"]?["id"]?.intValue)

        let invoice = try harness.result(
            "invoice.add", ["client": .int(newID), "amount": ["cents": 150_000], "date": "2026-11-20", "dueDate": "2026-12-31"])
        let number = try #require(invoice["data"]?["number"]?.stringValue)
        #expect(number.wholeMatch(of: /F-2026-\d{4}/) != nil)
        #expect(invoice["data"]?["issueDate"] == "2026-11-20")
        #expect(invoice["data"]?["dueDate"] == "2026-12-31")
        #expect(invoice["data"]?["client"]?["name"] == "Durand Frères SAS")
        expectMoney(invoice["data"]?["amount"], Money(cents: 150_000))

        let duplicate = try harness.error("invoice.add", ["client": "Dupont", "amount": 10, "invoice": .string(number)])
        #expect(duplicate.code == -32003)
        #expect(duplicate["data"]?["field"] == "invoice")

        #expect(try harness.result("undo")["data"]?["action"] == "invoice.add")
        #expect(try harness.database.invoice(number: number) == nil)
        #expect(try harness.result("undo", nil)["data"]?["action"] == "client.add")
        let nothing = try harness.error("undo")
        #expect(nothing.code == -32003)
        #expect(nothing["data"]?["field"] == "undo")
    }

    @Test("help, smalltalk and quit", arguments: ["help", "smalltalk", "quit"])
    func conversationMethods(_ method: String) throws {
        let harness = try Harness()
        let result = try harness.result(method)
        #expect(result["reply"]?.stringValue?.isEmpty == false)
        #expect(result["outcome"] == "done")
        if method == "help" {
            #expect(result["data"]?["examples"]?.arrayValue?.count == Assistant.availableIntents.count - 3)
        }
    }

    @Test("data.import as a method: a CSV file into the ledger, counted in data, one change")
    func importMethod() throws {
        // rpc.md: "each intent id (e.g. overdue.list, plan.propose) | the entities of
        // intents.md | {reply, data} — the same operation as ask".
        let harness = try Harness()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-rpc-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try "numero;client;date;montant\nRPC-1;Garage Moreau;01/11/2026;120,00\n".write(to: file, atomically: true, encoding: .utf8)
        let frames = try harness.serve(try line(request(1, "data.import", ["file": JSONValue.string(file.path)])))
        // progress notifications {token, done, total, message} first, then the response.
        let progress = frames.dropLast().map { $0.value }
        #expect(!progress.isEmpty && progress.allSatisfy { $0["method"] == "progress" && $0["params"]?["token"] == "data.import" })
        let result = try #require(frames.last?.value["result"])
        #expect(result["outcome"] == "done")
        #expect(result["data"]?["counts"]?["invoicesAdded"] == 1)
        #expect(result["data"]?["kind"] == "invoices")
        #expect(try harness.database.recentChanges().count == 1)
    }

    @Test("plan.propose as a method: the schedule in data, the installments summing to the debt, nothing written")
    func planProposeMethod() throws {
        let harness = try Harness()
        let response = try harness.call("plan.propose", ["client": "Moreau", "installments": 4])
        #expect(response["result"]?["outcome"] == "done")
        let option = try #require(response["result"]?["data"]?["options"]?[0])
        #expect(option["count"] == 4)
        let total = try #require(option["total"]?.cents)
        let installments = try #require(option["installments"]?.arrayValue)
        #expect(installments.count == 4)
        #expect(installments.compactMap { $0["amount"]?.cents }.reduce(0, +) == total)
        #expect(try harness.database.recentChanges().isEmpty)
    }

    // MARK: application errors

    @Test("-32001: client not found, with the query and suggestions")
    func clientNotFound() throws {
        let harness = try Harness()
        let error = try harness.error("client.balance", ["client": "Dupuis"])
        #expect(error.code == -32001)
        #expect(error["data"]?["query"] == "Dupuis")
        let suggestions = try #require(error["data"]?["suggestions"]?.strings)
        #expect(!suggestions.isEmpty)
        #expect(suggestions.contains("Agence Dubois Immobilier"))
        let names = try harness.database.clientNames().map(\.name)
        #expect(suggestions.allSatisfy { names.contains($0) })
        #expect(error["message"]?.stringValue?.contains("introuvable") == true)
        let asked = try harness.error("ask", ["text": "combien me doit Zorg ?"])
        #expect(asked.code == -32001)
        #expect(asked["data"]?["query"] == "Zorg")
        #expect(asked["data"]?["suggestions"] == [])
        let byID = try harness.error("client.balance", ["client": 999_999])
        #expect(byID.code == -32001)
    }

    @Test("-32002: ambiguous client with candidates; « le deuxième » in the same session completes it")
    func ambiguous() throws {
        let harness = try Harness()
        let error = try harness.error("client.balance", ["client": "Martin", "sessionId": "éditeur-1"])
        #expect(error.code == -32002)
        #expect(error["data"]?["query"] == "Martin")
        let fils = try harness.id("Martin & Fils")
        let sarl = try harness.id("Martin SARL")
        #expect(error["data"]?["candidates"] == [["id": .int(fils), "name": "Martin & Fils"], ["id": .int(sarl), "name": "Martin SARL"]])
        #expect(error["message"]?.stringValue?.contains("Lequel") == true)

        // Another session does not answer it.
        let other = try harness.call("ask", ["text": "le deuxième", "sessionId": "éditeur-2"])
        #expect(other["result"]?["data"]?["client"]?["name"] != "Martin SARL")

        let result = try harness.result("ask", ["text": "le deuxième", "sessionId": "éditeur-1"])
        #expect(result["intent"] == "client.balance")
        #expect(result["entities"]?["client"]?["name"] == "Martin SARL")
        #expect(result["data"]?["client"]?["id"] == .int(sarl))
        expectMoney(result["data"]?["outstanding"], try harness.position("Martin SARL").outstanding)
    }

    @Test("-32002 through ask, answered by name in the same session")
    func ambiguousAsked() throws {
        let harness = try Harness()
        let error = try harness.error("ask", ["text": "combien me doit Martin ?", "sessionId": "s"])
        #expect(error.code == -32002)
        #expect(error["data"]?["candidates"]?.arrayValue?.count == 2)
        let result = try harness.result("ask", ["text": "Martin & Fils", "sessionId": "s"])
        #expect(result["data"]?["client"]?["name"] == "Martin & Fils")
    }

    @Test(
        "payment.record: the method by its id or its French word",
        arguments: [("cheque", "cheque"), ("virement", "transfer"), ("Chèque", "cheque"), ("CB", "card"), ("prélèvement", "directDebit")])
    func paymentMethodWords(word: String, id: String) throws {
        let harness = try Harness()
        let result = try harness.result("payment.record", ["client": "Dupont", "amount": 10, "method": .string(word)])
        #expect(result["outcome"] == "done")
        #expect(try harness.database.recentChanges().count == 1)
        #expect(result["data"]?["method"] == .string(id))
    }

    @Test("an unknown payment method is refused in French, naming the field")
    func unknownPaymentMethod() throws {
        let harness = try Harness()
        let error = try harness.error("payment.record", ["client": "Dupont", "amount": 10, "method": "bitcoin"])
        #expect(error.code == -32602)
        #expect(error["data"]?["field"] == "method")
        let reason = try #require(error["data"]?["reason"]?.stringValue)
        #expect(reason.contains("bitcoin") && reason.contains("virement"))
        let status = try harness.error("client.list", ["kind": "martien"])
        #expect(status["data"]?["reason"]?.stringValue?.contains("Cannot") == false)
        #expect(try harness.database.recentChanges().isEmpty)
    }

    @Test(
        "-32003: invalid values, with the field",
        arguments: [
            ("payment.record", ["client": "Dupont", "amount": -50], "amount"),
            ("payment.record", ["client": "Dupont", "amount": 0], "amount"),
            ("payment.record", ["client": "Dupont", "amount": 5_000_000_000_000], "amount"),
            ("payment.record", ["client": "Dupont", "amount": 10, "date": "2026-11-23"], "date"),
            ("payment.record", ["client": "Martin SARL", "amount": 10, "invoice": "F-2026-0235"], "invoice"),
            ("payment.record", ["client": "Dupont", "amount": 10, "invoice": "F-9999-0001"], "invoice"),
            ("payment.record", ["amount": 10], "client"),
            ("invoice.add", ["client": "Dupont", "amount": 10, "invoice": "F-2026-0235"], "invoice"),
            ("client.add", ["name": "Durand SAS"], "name"),
            ("client.add", ["name": "Nouveau", "email": "nouveau@"], "email"),
            ("overdue.list", ["minDaysLate": -1], "minDaysLate"),
            ("client.list", ["status": "bizarre"], "status"),
            ("ask", ["text": "Dupont a payé 100 € le 31 février"], "date"),
            ("ask", ["text": "Dupont a payé -50 €"], "amount"),
        ] as [(String, JSONValue, String)])
    func invalidValue(method: String, params: JSONValue, field: String) throws {
        let harness = try Harness()
        let error = try harness.error(method, params)
        #expect(error.code == -32003)
        #expect(error["data"]?["field"] == .string(field))
        #expect(error["data"]?["reason"]?.stringValue?.isEmpty == false)
        #expect(error["message"]?.stringValue?.isEmpty == false)
        #expect(try harness.database.recentChanges().isEmpty)
    }

    @Test("-32004: not understood, with suggestions")
    func notUnderstood() throws {
        let harness = try Harness()
        let error = try harness.error("ask", ["text": "asdfgh qwerty"])
        #expect(error.code == -32004)
        let suggestions = try #require(error["data"]?["suggestions"]?.strings)
        #expect(!suggestions.isEmpty)
        #expect(error["message"]?.stringValue?.contains("asdfgh qwerty") == true)
    }

    // MARK: protocol

    @Test(
        "wrong param types: -32602 naming the field",
        arguments: [
            ("client.balance", #"{"client":true}"#, "client"),
            ("client.balance", #"{"client":"Dupont","sessionId":7}"#, "sessionId"),
            ("client.balance", #"[1,2]"#, "params"),
            ("overdue.list", #"{"limit":"cinq"}"#, "limit"),
            ("overdue.list", #"{"minAmount":[1]}"#, "minAmount"),
            ("payment.record", #"{"client":"Dupont","amount":"beaucoup"}"#, "amount"),
            ("payment.record", #"{"client":"Dupont","amount":{"cents":"100"}}"#, "amount"),
            ("payment.record", #"{"client":"Dupont","amount":10.005}"#, "amount"),
            ("payment.record", #"{"client":"Dupont","amount":10,"date":"2026-02-31"}"#, "date"),
            ("payment.record", #"{"client":"Dupont","amount":10,"date":20261121}"#, "date"),
            ("payment.record", #"{"client":"Dupont","amount":10,"date":"21/11/2026"}"#, "date"),
            ("payment.record", #"{"client":"Dupont","amount":10,"method":"bitcoin"}"#, "method"),
            ("invoice.list", #"{"period":{"from":"2026-11-01"}}"#, "period.to"),
            ("client.add", #"{"name":42}"#, "name"),
            ("client.add", #"{"name":"X","endOfMonth":"oui"}"#, "endOfMonth"),
            ("ask", #"{"text":5}"#, "text"),
            ("ask", #"{}"#, "text"),
            ("ask", #"{"text":"   "}"#, "text"),
            ("ask", #"{"text":"aide","sessionId":["a"]}"#, "sessionId"),
            ("parse", #"{"text":null}"#, "text"),
            ("initialize", #"{"today":"demain"}"#, "today"),
        ])
    func wrongParams(method: String, params: String, field: String) throws {
        let harness = try Harness()
        let frames = try harness.serve(#"{"jsonrpc":"2.0","id":"x","method":"\#(method)","params":\#(params)}"# + "\n")
        let response = try #require(frames.first?.value)
        #expect(response["id"] == "x")
        #expect(response["error"]?.code == -32602)
        #expect(response["error"]?["data"]?["field"] == .string(field))
        #expect(response["error"]?["message"]?.stringValue?.hasPrefix("Paramètres invalides") == true)
        #expect(try harness.database.recentChanges().isEmpty)
    }

    @Test(
        "a number that is not an integer, for an integer entity: -32602 naming the field",
        arguments: [
            ("overdue.list", #"{"minDaysLate":1.5}"#, "minDaysLate"), ("client.list", #"{"limit":2.5}"#, "limit"),
            ("overdue.list", #"{"limit":99999999999999999999}"#, "limit"),
        ])
    func nonIntegerParams(method: String, params: String, field: String) throws {
        // A number with a fraction, or too large for Int, where an integer entity is expected:
        // the error must name that entity, not the params as a whole.
        let harness = try Harness()
        let frames = try harness.serve(#"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":\#(params)}"# + "\n")
        let response = try #require(frames.first?.value)
        #expect(response["error"]?.code == -32602)
        #expect(response["error"]?["data"]?["field"] == .string(field))
    }

    @Test(
        "params null (or absent) is accepted as no params",
        arguments: ["initialize", "overdue.list", "client.list", "invoice.list", "help", "smalltalk", "shutdown"])
    func nullParams(_ method: String) throws {
        let harness = try Harness()
        let input =
            #"{"jsonrpc":"2.0","id":1,"method":"\#(method)","params":null}"# + "\n" + #"{"jsonrpc":"2.0","id":2,"method":"\#(method)"}"#
            + "\n"
        let frames = try harness.serve(input)
        #expect(frames.count == 2)
        for frame in frames {
            #expect(frame.value["error"] == nil, "\(method): \(String(describing: frame.value["error"]))")
            #expect(frame.value["result"] != nil)
        }
        // A method that needs params says which.
        let missing = try harness.serve(#"{"jsonrpc":"2.0","id":3,"method":"client.balance","params":null}"# + "\n")
        #expect(missing.first?.value["error"]?.code == -32003)
        #expect(missing.first?.value["error"]?["data"]?["field"] == "client")
    }

    @Test("a batch mixing requests and notifications: one array, no member for notifications")
    func batch() throws {
        let harness = try Harness()
        let before = try harness.position("Boulangerie Dupont")
        let batch: JSONValue = [
            request(1, "ask", ["text": "bonjour"]),
            notification("payment.record", ["client": "Dupont", "amount": 100]),
            request("deux", "client.balance", ["client": "Dupont"]),
            notification("smalltalk"),
            request(3, "méthode.inconnue"),
            request(4, "client.balance", ["client": "Zorg"]),
        ]
        let frames = try harness.serve(try line(batch))
        try #require(frames.count == 1)
        let responses = try #require(frames[0].value.arrayValue)
        #expect(responses.map { $0["id"] } == [1, "deux", 3, 4])
        #expect(responses[0]["result"]?["intent"] == "smalltalk")
        // The notification ran before the next member: the balance already shows the payment.
        expectMoney(responses[1]["result"]?["data"]?["outstanding"], before.outstanding - Money(euros: 100))
        #expect(responses[2]["error"]?.code == -32601)
        #expect(responses[3]["error"]?.code == -32001)
        #expect(try harness.position("Boulangerie Dupont").outstanding == before.outstanding - Money(euros: 100))

        // Only notifications: nothing at all.
        let silent = try harness.serve(try line([notification("smalltalk"), notification("help")]))
        #expect(silent.isEmpty)
        // An empty batch: one -32600.
        let empty = try harness.serve("[]\n")
        #expect(empty.first?.value["error"]?.code == -32600)
    }

    @Test("both framings in one stream: each response in the framing of its request", arguments: [[], [1], [7, 3], [4096]])
    func framings(chunkSizes: [Int]) throws {
        let harness = try Harness()
        let input =
            try lsp(request(1, "ask", ["text": "combien me doit Dupont ?"]))
            + line(request(2, "ask", ["text": "et Durand ?"]))
            + lsp(request(3, "client.list", ["status": "disputed"]))
            + lspBody("{pas du json")
            + "n'importe quoi\n"
            + line(request(4, "overdue.list", ["limit": 2]))
            + lsp(notification("smalltalk"))
            + lsp(request(5, "client.balance", ["client": "Martin"]))
            + line(request(6, "ask", ["text": "le deuxième"]))
        let frames = try harness.serve(input, chunkSizes: chunkSizes)
        #expect(
            frames.map(\.framing) == [
                .contentLength, .newline, .contentLength, .contentLength, .newline, .newline, .contentLength, .newline,
            ])
        #expect(frames.map { $0.value["id"] } == [1, 2, 3, .null, .null, 4, 5, 6])
        #expect(frames[0].value["result"]?["data"]?["client"]?["name"] == "Boulangerie Dupont")
        #expect(frames[1].value["result"]?["data"]?["client"]?["name"] == "Durand SAS")
        #expect(frames[2].value["result"]?["data"]?["count"] == 1)
        #expect(frames[3].value["error"]?.code == -32700)
        #expect(frames[4].value["error"]?.code == -32700)
        #expect(frames[5].value["result"]?["data"]?["rows"]?.arrayValue?.count == 2)
        #expect(frames[6].value["error"]?.code == -32002)
        #expect(frames[7].value["result"]?["data"]?["client"]?["name"] == "Martin SARL")
    }

    @Test("ids are echoed exactly", arguments: [JSONValue.int(9_007_199_254_740_991), .int(-3), "abc", "", .double(1.5), .null])
    func ids(_ id: JSONValue) throws {
        let harness = try Harness()
        let frames = try harness.serve(try line(request(id, "smalltalk")))
        #expect(frames.first?.value["id"] == id)
        #expect(frames.first?.value["result"] != nil)
    }

    @Test("shutdown then exit stops the loop: nothing after exit is read")
    func shutdownExit() throws {
        let harness = try Harness()
        let input =
            try line(request(1, "initialize"))
            + line(request(2, "shutdown"))
            + line(notification("exit"))
            + line(request(3, "payment.record", ["client": "Dupont", "amount": 100]))
            + line(request(4, "ask", ["text": "bonjour"]))
        let frames = try harness.serve(input)
        #expect(frames.map { $0.value["id"] } == [1, 2])
        #expect(frames[1].value["result"] == .null)
        #expect(frames[1].value["error"] == nil)
        #expect(harness.server.shouldStop)
        #expect(try harness.database.recentChanges().isEmpty)
    }

    @Test("exit framed with Content-Length stops too, and end of input ends the loop without exit")
    func exitFramings() throws {
        let harness = try Harness()
        let frames = try harness.serve(try lsp(request(1, "shutdown")) + lsp(notification("exit")) + lsp(request(2, "help")))
        #expect(frames.map { $0.value["id"] } == [1])
        #expect(frames.first?.framing == .contentLength)

        let other = try Harness()
        let served = try other.serve(try line(request(1, "smalltalk")) + line(request(2, "help")))
        #expect(served.count == 2)
        #expect(!other.server.shouldStop)
    }

    @Test("bad input never stops the server: the next valid message is answered")
    func robust() throws {
        let harness = try Harness()
        let input =
            "n'importe quoi\n" + "[1,2]\n" + #"{"jsonrpc":"1.0","id":1,"method":"help"}"# + "\n"
            + #"{"jsonrpc":"2.0","id":2,"method":"ask","params":"texte"}"# + "\n"
            + #"{"jsonrpc":"2.0","id":3,"method":"client.balance","params":{"client":{"id":"quatre"}}}"# + "\n"
            + (try line(request(9, "ask", ["text": "combien me doit Dupont ?"])))
        let frames = try harness.serve(input)
        let last = try #require(frames.last?.value)
        #expect(last["id"] == 9)
        #expect(last["result"]?["intent"] == "client.balance")
        #expect(frames.dropLast().allSatisfy { $0.value["error"] != nil || $0.value.arrayValue != nil })
    }
}
