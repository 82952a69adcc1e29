import AssistantCore
import Foundation
import FrenchParsing
import JSONRPC
import Receivables

/// `initialize {clientName?, today?}` → `{name, version, intents, methods}`. Optional: a
/// script may call `ask` straight away. `today` fixes the reference day for this server.
struct InitializeMethod: RPCMethod {
    struct Params: Decodable {
        var clientName: String?
        var today: String?
    }

    struct Result: Encodable {
        var name = "encaisse"
        var version = "0.1.0"
        var intents: [String]
        var methods: [String]
        var today: Day
    }

    static let method = "initialize"

    static func handle(_ params: Params, server: AssistantServer) throws -> Result {
        if let text = params.today {
            guard let day = Day(iso: text) else { throw ResponseError.invalidParams(field: "today", reason: "date AAAA-MM-JJ attendue") }
            server.assistant.fixToday(day)
        }
        return Result(intents: IntentID.allCases.map(\.rawValue), methods: MethodRegistry.names, today: server.assistant.today)
    }
}

/// `parse {text, sessionId?}` → the reading of the sentence, without running it.
struct ParseMethod: RPCMethod {
    struct Params: Decodable {
        var text: String
        var sessionId: String?
    }

    struct Clarification: Encodable {
        var question: String
        var candidates: [ClientReference]
    }

    struct Result: Encodable {
        var intent: IntentID
        var confidence: Double
        var entities: Entities
        var clarification: Clarification?
        var unknownClient: String?
        var suggestions: [String]?
    }

    static let method = "parse"

    static func handle(_ params: Params, server: AssistantServer) throws -> Result {
        let parsed = server.assistant.parse(params.text, session: params.sessionId ?? "")
        let clarification = parsed.ambiguity.map { ambiguity in
            let candidates = ambiguity.candidates.map { ClientReference(id: $0.id, name: $0.name) }
            return Clarification(
                question: AssistantError.ambiguousClient(query: ambiguity.query, candidates: candidates).localizedDescription,
                candidates: candidates)
        }
        return Result(
            intent: parsed.intent, confidence: (parsed.confidence * 100).rounded() / 100, entities: parsed.entities,
            clarification: clarification, unknownClient: parsed.unknownClient,
            suggestions: parsed.intent == .unknown ? parsed.suggestions.map(\.example) : nil)
    }
}

/// `extract {text, today?}` → `{entities: [{kind, text, start, end, value}]}`: the dates,
/// periods, amounts, numbers and durations of any French text, with UTF-16 offsets.
struct ExtractMethod: RPCMethod {
    struct Params: Decodable {
        var text: String
        var today: String?
    }

    struct Result: Encodable {
        var entities: [ExtractedEntity]
    }

    static let method = "extract"

    static func handle(_ params: Params, server: AssistantServer) throws -> Result {
        var today = server.assistant.today
        if let text = params.today {
            guard let day = Day(iso: text) else { throw ResponseError.invalidParams(field: "today", reason: "date AAAA-MM-JJ attendue") }
            today = day
        }
        return Result(entities: EntityExtractor.entities(in: params.text, today: today))
    }
}

/// `clients.complete {prefix?, limit?}` → `{names: [name]}`: client names starting with the
/// prefix (or with a word starting with it), accents and case ignored; for editors' completion.
struct ClientsCompleteMethod: RPCMethod {
    struct Params: Decodable {
        var prefix: String?
        var limit: Int?
    }

    struct Result: Encodable {
        var names: [String]
    }

    static let method = "clients.complete"

    static func handle(_ params: Params, server: AssistantServer) throws -> Result {
        let limit = params.limit ?? 50
        guard (1...10_000).contains(limit) else { throw ResponseError.invalidParams(field: "limit", reason: "entre 1 et 10 000") }
        return Result(names: server.assistant.clientNames(matching: params.prefix ?? "", limit: limit))
    }
}

/// `ask {text, sessionId?}` → `{intent, entities, reply, data, outcome}`: understands and runs.
struct AskMethod: RPCMethod {
    struct Params: Decodable {
        var text: String
        var sessionId: String?
    }

    static let method = "ask"

    static func handle(_ params: Params, server: AssistantServer) throws -> JSONValue {
        guard !params.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ResponseError.invalidParams(field: "text", reason: "la question est vide")
        }
        do {
            return try RPCResults.ask(server.assistant.ask(params.text, session: params.sessionId ?? ""))
        } catch let error as AssistantError {
            throw RPCResults.responseError(error)
        }
    }
}

/// `shutdown` → `null`; the process then ends on `exit` or end of input.
struct ShutdownMethod: RPCMethod {
    static let method = "shutdown"

    static func handle(_ params: NoParams, server: AssistantServer) throws -> JSONValue {
        server.isShutDown = true
        return .null
    }
}

/// `exit` (a notification): ends the server.
struct ExitMethod: RPCMethod {
    static let method = "exit"

    static func handle(_ params: NoParams, server: AssistantServer) throws -> JSONValue {
        server.shouldStop = true
        return .null
    }
}

/// The intent methods (`overdue.list`, `client.balance`…): params are the entities, plus
/// `sessionId`; the result is `{reply, data}`, the same operation as `ask`.
enum IntentMethod {
    struct Session: Decodable {
        var sessionId: String?
    }

    static func run(_ intent: IntentID, params: JSONValue?, server: AssistantServer) throws -> JSONValue {
        if let params, params.objectValue == nil, !params.isNull {
            throw ResponseError.invalidParams(field: "params", reason: "un objet d’entités est attendu (voir intents.md)")
        }
        let entities = try JSONValue.decodeParams(Entities.self, from: params)
        let session = try JSONValue.decodeParams(Session.self, from: params)
        do {
            let reply = try server.assistant.perform(intent, entities, session: session.sessionId ?? "")
            return try RPCResults.intent(reply)
        } catch let error as AssistantError {
            throw RPCResults.responseError(error)
        }
    }
}

/// `settings.get {key?}` → `{reply, data: {settings: [{key, label, value, isDefault}]}}`.
struct SettingsGetMethod: RPCMethod {
    struct Params: Decodable {
        var key: String?
    }

    static let method = "settings.get"

    static func handle(_ params: Params, server: AssistantServer) throws -> JSONValue {
        do {
            return try RPCResults.intent(server.assistant.settingsReply(key: params.key))
        } catch let error as AssistantError {
            throw RPCResults.responseError(error)
        }
    }
}

/// `settings.set {key, value}` (value `null` or "" restores the default) → `{reply, data}`.
/// Journaled: `undo` reverts it.
struct SettingsSetMethod: RPCMethod {
    struct Params: Decodable {
        var key: String
        var value: String?
    }

    static let method = "settings.set"

    static func handle(_ params: Params, server: AssistantServer) throws -> JSONValue {
        do {
            return try RPCResults.intent(server.assistant.setSetting(params.key, to: params.value))
        } catch let error as AssistantError {
            throw RPCResults.responseError(error)
        }
    }
}
