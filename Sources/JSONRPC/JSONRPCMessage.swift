import Foundation

/// Any single JSON-RPC 2.0 message, as validated from a JSON value. The server receives
/// requests and notifications, and ignores the responses a peer might send.
public enum JSONRPCMessage: Sendable, Hashable {
    case request(JSONRPCRequest)
    case notification(JSONRPCNotification)
    case response(JSONRPCResponse)

    /// Why a JSON value is not a valid message: the `-32600` error to send, and the id to
    /// echo (`null` unless the value carried a valid id).
    public struct Invalid: Error, Sendable, Hashable {
        public var id: RequestID
        public var error: ResponseError

        public init(id: RequestID, error: ResponseError) {
            self.id = id
            self.error = error
        }

        /// The error response to send back.
        public var response: JSONRPCResponse {
            JSONRPCResponse(id: id, error: error)
        }
    }

    /// The message as it travels.
    public var jsonValue: JSONValue {
        switch self {
        case .request(let request):
            return request.jsonValue
        case .notification(let notification):
            return notification.jsonValue
        case .response(let response):
            return response.jsonValue
        }
    }

    /// Whether a value looks like a response (no `method`, but a `result` or an `error`):
    /// those are dropped silently rather than answered with an error.
    public static func isResponse(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value, members["method"] == nil else { return false }
        return members["result"] != nil || members["error"] != nil
    }
}

extension JSONRPCMessage: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            try self.init(validating: value)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: error.error.message
                )
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}
