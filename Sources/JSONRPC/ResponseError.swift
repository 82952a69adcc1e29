import Foundation

/// A JSON-RPC error object (`{code, message, data}`), the one error type the protocol layer
/// produces. Every failure becomes one of these in exactly one place (`from(_:)`); messages
/// are French sentences meant for a person, with `« »` and non-breaking spaces.
public struct ResponseError: Error, Sendable, Hashable {
    /// The JSON-RPC error code (`-32700`…`-32600` are the protocol's; others are the
    /// application's, such as `-32001`…`-32004`).
    public var code: Int
    /// The French message, ready to show to a person.
    public var message: String
    /// Structured details for programs (for example `{field, reason}` for `-32602`).
    public var data: JSONValue?

    /// Any error, including application codes defined outside this module.
    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }
}

extension ResponseError {
    /// The codes JSON-RPC 2.0 reserves for the protocol itself.
    public enum Code {
        /// Invalid JSON (or an unreadable frame).
        public static let parseError = -32700
        /// A JSON value that is not a valid request.
        public static let invalidRequest = -32600
        /// No such method.
        public static let methodNotFound = -32601
        /// Wrong or missing parameters.
        public static let invalidParams = -32602
        /// A failure inside the server.
        public static let internalError = -32603
    }

    /// `-32700`: the bytes are not JSON. `detail` says what went wrong, in French.
    public static func parseError(_ detail: String) -> ResponseError {
        ResponseError(code: Code.parseError, message: "JSON invalide\u{A0}: \(detail)")
    }

    /// `-32700` for a frame whose headers cannot be read (such as a missing or negative
    /// `Content-Length`): the body could not even be located.
    public static func badHeader(_ detail: String) -> ResponseError {
        ResponseError(code: Code.parseError, message: "En-tête invalide\u{A0}: \(detail)")
    }

    /// `-32600`: valid JSON that is not a valid request.
    public static func invalidRequest(_ detail: String) -> ResponseError {
        ResponseError(code: Code.invalidRequest, message: "Requête invalide\u{A0}: \(detail)")
    }

    /// `-32601`: `method` names no known method; `data` repeats it as `{method}`.
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(
            code: Code.methodNotFound,
            message: "Méthode inconnue\u{A0}: \(quoted(method))",
            data: ["method": .string(method)]
        )
    }

    /// `-32602`: the parameter `field` is wrong; `data` is `{field, reason}` so an editor can
    /// point at it.
    public static func invalidParams(field: String, reason: String) -> ResponseError {
        ResponseError(
            code: Code.invalidParams,
            message: "Paramètres invalides\u{A0}: \(quoted(field)) \u{2014} \(reason)",
            data: ["field": .string(field), "reason": .string(reason)]
        )
    }

    /// `-32603`: the server failed while handling a valid request.
    public static func internalError(_ detail: String) -> ResponseError {
        ResponseError(code: Code.internalError, message: "Erreur interne\u{A0}: \(detail)")
    }

    /// The one place where any thrown error becomes a response error: a `ResponseError`
    /// passes through unchanged, anything else is a `-32603` carrying its description.
    public static func from(_ error: any Error) -> ResponseError {
        if let error = error as? ResponseError {
            return error
        }
        return .internalError(error.localizedDescription)
    }

    /// `text` between French guillemets with non-breaking spaces: `« text »`.
    public static func quoted(_ text: String) -> String {
        "\u{AB}\u{A0}\(text)\u{A0}\u{BB}"
    }
}

extension ResponseError: LocalizedError {
    public var errorDescription: String? { message }
}

extension ResponseError: CustomStringConvertible {
    public var description: String { "\(code) \(message)" }
}
