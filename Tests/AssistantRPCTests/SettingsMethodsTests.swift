import AssistantCore
import AssistantRPC
import Foundation
import FrenchParsing
import JSONRPC
import Persistence
import Receivables
import Testing

/// An `AssistantServer` on the demo ledger, one newline-framed request per connection.
private final class SettingsServer {
    let database: AppDatabase
    let assistant: Assistant
    let server: AssistantServer
    private var nextID: Int64 = 1

    init() throws {
        database = try AppDatabase.inMemory()
        try database.loadDemo(DemoLedger(today: Day(year: 2026, month: 11, day: 22)!))
        assistant = try Assistant(database: database, today: Day(year: 2026, month: 11, day: 22)!)
        server = AssistantServer(assistant: assistant)
    }

    /// The whole response to one request.
    func call(_ method: String, _ params: JSONValue? = nil) throws -> JSONValue {
        let id = nextID
        nextID += 1
        var request: [String: JSONValue] = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method)]
        if let params { request["params"] = params }
        let sink = MemoryByteSink()
        let input = try JSONValue.object(request).jsonString() + "\n"
        JSONRPCConnection(input: MemoryByteSource(Array(input.utf8)), output: sink).run(handler: server)
        let lines = sink.text.split(separator: "\n").map(String.init)
        try #require(lines.count == 1, "one response expected to \(method), got \(lines.count)")
        let response = try JSONValue(parsing: lines[0])
        #expect(response["id"] == .int(id))
        return response
    }

    func result(_ method: String, _ params: JSONValue? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let response = try call(method, params)
        #expect(response["error"] == nil, "\(method): \(String(describing: response["error"]))", sourceLocation: sourceLocation)
        return try #require(response["result"], sourceLocation: sourceLocation)
    }

    func error(_ method: String, _ params: JSONValue? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
        let response = try call(method, params)
        #expect(response["result"] == nil, "\(method) succeeded", sourceLocation: sourceLocation)
        return try #require(response["error"], sourceLocation: sourceLocation)
    }

    /// Every setting by key, as `settings.get` lists it: (value, isDefault).
    func listed() throws -> [String: (value: String?, isDefault: Bool)] {
        let rows = try #require(try result("settings.get")["data"]?["settings"]?.arrayValue)
        var settings: [String: (value: String?, isDefault: Bool)] = [:]
        for row in rows {
            let key = try #require(row["key"]?.stringValue)
            settings[key] = (row["value"]?.stringValue, try #require(row["isDefault"]?.boolValue as Bool?))
        }
        return settings
    }

    /// What a refused write must leave alone.
    struct State: Equatable {
        var stored: [String: String]
        var changes: [ChangeEntry]
    }

    func state() throws -> State { State(stored: try database.settings(), changes: try database.recentChanges(limit: 10_000)) }
}

@Suite("RPC settings.get / settings.set")
struct SettingsMethodsTests {
    @Test("settings.get lists every setting: the demo's sender, the defaults marked as such")
    func getAll() throws {
        let server = try SettingsServer()
        let result = try server.result("settings.get")
        #expect(result["reply"]?.stringValue?.isEmpty == false)
        let rows = try #require(result["data"]?["settings"]?.arrayValue)
        #expect(rows.compactMap { $0["key"]?.stringValue } == LedgerSettings.definitions.map(\.key))
        #expect(rows.allSatisfy { $0["label"]?.stringValue?.isEmpty == false })
        let settings = try server.listed()
        #expect(settings["sender.name"]?.value == "Nadia Benali")
        #expect(settings["sender.name"]?.isDefault == false)
        #expect(settings["sender.email"]?.value == "nadia.benali@atelier-benali.fr")
        #expect(settings["bank.iban"]?.value == "FR76 3000 6000 0112 3456 7890 189")
        #expect(settings["dunning.minimumGap"]?.value == "7")
        #expect(settings["dunning.minimumGap"]?.isDefault == true)
        #expect(settings["payment.methods"]?.value == "virement ou chèque")
        #expect(settings["payment.methods"]?.isDefault == true)
        #expect(settings["outbox"]?.value == nil)
        #expect(settings["outbox"]?.isDefault == true)
        // Each value is the assistant's.
        let typed = try server.assistant.settings()
        for (key, setting) in settings { #expect(setting.value == typed[key], "\(key)") }
    }

    @Test("settings.get of one key, and of an unknown key (-32003 on « key »)")
    func getOne() throws {
        let server = try SettingsServer()
        let one = try #require(try server.result("settings.get", ["key": "sender.city"])["data"]?["settings"]?.arrayValue)
        #expect(one.count == 1)
        #expect(one.first?["key"] == "sender.city")
        #expect(one.first?["value"] == "Tours")
        let error = try server.error("settings.get", ["key": "sender.nom"])
        #expect(error["code"]?.intValue == -32003)
        #expect(error["data"]?["field"] == "key")
        #expect(error["message"]?.stringValue?.contains("sender.name") == true)
    }

    @Test("settings.set stores, settings.get reads it back, the letters use it; undo restores the previous value")
    func setThenUndo() throws {
        let server = try SettingsServer()
        let before = try server.state()
        let result = try server.result("settings.set", ["key": "sender.name", "value": "  Marie Durand  "])
        let row = try #require(result["data"]?["settings"]?[0])
        #expect(row["key"] == "sender.name")
        #expect(row["value"] == "Marie Durand")
        #expect(row["isDefault"] == false)
        #expect(try server.listed()["sender.name"]?.value == "Marie Durand")
        #expect(try server.database.settings()["sender.name"] == "Marie Durand")
        let changes = try server.database.recentChanges()
        #expect(changes.count == before.changes.count + 1)
        #expect(changes.first?.action == "settings.set")
        // The next letter is signed with it.
        let draft = try server.result("reminder.draft", ["client": "Martin SARL"])
        #expect(draft["data"]?["text"]?.stringValue?.contains("Marie Durand") == true)
        #expect(draft["data"]?["text"]?.stringValue?.contains("Nadia Benali") == false)
        // Undo.
        #expect(try server.result("undo")["data"]?["action"] == "settings.set")
        #expect(try server.database.settings() == before.stored)
        #expect(try server.listed()["sender.name"]?.value == "Nadia Benali")
    }

    @Test("settings.set with null or \"\" goes back to the default; undo brings the value back")
    func reset() throws {
        let server = try SettingsServer()
        let before = try server.state()
        for value: JSONValue in [.null, ""] {
            let result = try server.result("settings.set", ["key": "payment.methods", "value": "virement uniquement"])
            #expect(result["data"]?["settings"]?[0]?["value"] == "virement uniquement")
            let reset = try server.result("settings.set", ["key": "payment.methods", "value": value])
            let row = try #require(reset["data"]?["settings"]?[0])
            #expect(row["value"] == "virement ou chèque")
            #expect(row["isDefault"] == true)
            #expect(try server.database.settings()["payment.methods"] == nil)
            _ = try server.result("undo")
            #expect(try server.database.settings()["payment.methods"] == "virement uniquement")
            _ = try server.result("undo")
        }
        #expect(try server.database.settings() == before.stored)
        // Removing a sender setting of the demo, then undo.
        _ = try server.result("settings.set", ["key": "sender.phone"])
        #expect(try server.listed()["sender.phone"]?.value == nil)
        _ = try server.result("undo")
        #expect(try server.database.settings() == before.stored)
    }

    @Test(
        "settings.set of a valid IBAN, in any case and spacing: stored in groups of four",
        arguments: ["fr7630006000011234567890189", "FR76 3000 6000 0112 3456 7890 189", "  FR76300060000112345678 90189 "])
    func validIBAN(_ iban: String) throws {
        let server = try SettingsServer()
        _ = try server.result("settings.set", ["key": "bank.iban", "value": .string(iban)])
        #expect(try server.database.settings()["bank.iban"] == "FR76 3000 6000 0112 3456 7890 189")
        // Another valid one (GB test IBAN) replaces it.
        _ = try server.result("settings.set", ["key": "bank.iban", "value": "GB82WEST12345698765432"])
        #expect(try server.listed()["bank.iban"]?.value == "GB82 WEST 1234 5698 7654 32")
        let draft = try server.result("reminder.draft", ["client": "Martin SARL"])
        #expect(draft["data"]?["text"]?.stringValue?.contains("GB82 WEST 1234 5698 7654 32") == true)
    }

    struct Refused: Sendable, CustomTestStringConvertible {
        var key: String
        var value: String
        var field: String
        var testDescription: String { "\(key) = « \(value) »" }
    }

    static let refused: [Refused] = [
        // IBANs: a wrong check digit, a typo, too short, letters where digits go.
        Refused(key: "bank.iban", value: "FR76 3000 6000 0112 3456 7890 188", field: "bank.iban"),
        Refused(key: "bank.iban", value: "FR77 3000 6000 0112 3456 7890 189", field: "bank.iban"),
        Refused(key: "bank.iban", value: "FR76 3000", field: "bank.iban"),
        Refused(key: "bank.iban", value: "FR76-3000-6000-0112-3456-7890-189", field: "bank.iban"),
        Refused(key: "bank.iban", value: "IBAN inconnu", field: "bank.iban"),
        // A sender address nobody can answer.
        Refused(key: "sender.email", value: "no-reply@atelier-benali.fr", field: "sender.email"),
        Refused(key: "sender.email", value: "NoReply@atelier-benali.fr", field: "sender.email"),
        Refused(key: "sender.email", value: "factures.no-reply@atelier-benali.fr", field: "sender.email"),
        Refused(key: "sender.email", value: "nadia.benali@", field: "sender.email"),
        Refused(key: "sender.email", value: "nadia benali@atelier-benali.fr", field: "sender.email"),
        // Other checks.
        Refused(key: "bank.bic", value: "AGRI", field: "bank.bic"),
        Refused(key: "dunning.minimumGap", value: "0", field: "dunning.minimumGap"),
        Refused(key: "plan.maxInstallments", value: "beaucoup", field: "plan.maxInstallments"),
        Refused(key: "formalNotice.days", value: "365", field: "formalNotice.days"),
        Refused(key: "dunning.anchor", value: "invoiceDate", field: "dunning.anchor"),
        Refused(key: "dunning.sequence", value: "reminder1:3:pigeon", field: "dunning.sequence"),
        Refused(key: "dunning.sequence", value: "reminder2:15:email; reminder1:30:email", field: "dunning.sequence"),
        Refused(key: "dunning.sequence.express", value: "courtesy:-5:email", field: "dunning.sequence.express"),
        // Unknown keys.
        Refused(key: "sender.nom", value: "Marie", field: "key"),
        Refused(key: "dunning.sequence.", value: "reminder1:3:email", field: "key"),
        Refused(key: "", value: "x", field: "key"),
    ]

    @Test("settings.set refuses an invalid value or an unknown key (-32003 on the field); nothing changes", arguments: refused)
    func refusedSetting(_ request: Refused) throws {
        let server = try SettingsServer()
        let before = try server.state()
        let listed = try server.listed().mapValues(\.value)
        let error = try server.error("settings.set", ["key": .string(request.key), "value": .string(request.value)])
        #expect(error["code"]?.intValue == -32003)
        #expect(error["data"]?["field"] == .string(request.field))
        #expect(error["message"]?.stringValue?.isEmpty == false)
        #expect(try server.state() == before)
        #expect(try server.listed().mapValues(\.value) == listed)
        // Nothing to undo.
        let undo = try server.error("undo")
        #expect(undo["data"]?["field"] == "undo")
    }

    @Test("a client's own sequence: settings.set dunning.sequence.NAME, then client.update uses it")
    func ownSequence() throws {
        let server = try SettingsServer()
        _ = try server.result(
            "settings.set", ["key": "dunning.sequence.express", "value": "reminder1:1:email; formalNotice:10:registeredLetter"])
        let listed = try server.listed()
        #expect(listed["dunning.sequence.express"]?.value == "reminder1:1:email; formalNotice:10:registeredLetter")
        _ = try server.result("client.update", ["client": "Martin SARL", "sequence": "express"])
        #expect(
            try server.database.client(id: try #require(try server.database.clientNames().first { $0.name == "Martin SARL" }).id).sequence
                == "express")
        // Martin SARL's second reminder is gone from its sequence: it is now due for its formal notice.
        let due = try server.result("reminder.due")
        let rows = try #require(due["data"]?["actions"]?.arrayValue)
        let martin = try #require(rows.first { $0["client"]?["name"] == "Martin SARL" })
        #expect(martin["level"] == "formalNotice")
    }

    @Test("settings.set without a key is a -32602 on « key »")
    func missingKey() throws {
        let server = try SettingsServer()
        let before = try server.state()
        let error = try server.error("settings.set", ["value": "x"])
        #expect(error["code"]?.intValue == -32602)
        #expect(try server.state() == before)
    }
}
