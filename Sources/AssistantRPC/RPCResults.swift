import AssistantCore
import Foundation
import JSONRPC

/// How replies and errors look on the wire: one place for the shape of `ask`, the intent
/// methods and the application errors -32001…-32004.
public enum RPCResults {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The result of `ask`.
    public static func ask(_ reply: Reply) throws -> JSONValue {
        .object([
            "intent": .string(reply.intent.rawValue),
            "entities": try JSONValue(encoding: reply.entities, encoder: encoder),
            "reply": .string(reply.text),
            "data": try JSONValue(encoding: reply.data, encoder: encoder),
            "outcome": .string(reply.outcome.rawValue),
        ])
    }

    /// The result of an intent method.
    public static func intent(_ reply: Reply) throws -> JSONValue {
        .object([
            "reply": .string(reply.text),
            "data": try JSONValue(encoding: reply.data, encoder: encoder),
            "outcome": .string(reply.outcome.rawValue),
        ])
    }

    /// An application error as JSON-RPC error: code, French message, data.
    public static func responseError(_ error: AssistantError) -> ResponseError {
        let message = error.localizedDescription
        switch error {
        case .clientNotFound(let query, let suggestions):
            return ResponseError(
                code: -32001, message: message,
                data: .object(["query": .string(query), "suggestions": .array(suggestions.map { .string($0) })]))
        case .ambiguousClient(let query, let candidates):
            return ResponseError(
                code: -32002, message: message,
                data: .object([
                    "query": .string(query),
                    "candidates": .array(candidates.map { .object(["id": .int($0.id ?? 0), "name": .string($0.name)]) }),
                ]))
        case .missingClient:
            return ResponseError(code: -32003, message: message, data: .object(["field": "client", "reason": .string(message)]))
        case .invalidValue(let field, let reason):
            return ResponseError(code: -32003, message: message, data: .object(["field": .string(field), "reason": .string(reason)]))
        case .notUnderstood(_, let suggestions):
            return ResponseError(code: -32004, message: message, data: .object(["suggestions": .array(suggestions.map { .string($0) })]))
        }
    }

    /// `{"error": {code, message, data}}`, for `ask --json`.
    public static func error(_ error: AssistantError) -> JSONValue {
        let response = responseError(error)
        return .object([
            "error": .object(["code": .int(Int64(response.code)), "message": .string(response.message), "data": response.data ?? .null])
        ])
    }

    /// Compact JSON text with sorted keys.
    public static func json(_ value: JSONValue) throws -> String { try value.jsonString() }
}
