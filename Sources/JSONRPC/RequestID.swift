/// The `id` of a request, echoed back exactly as received: same JSON type, same value
/// (an `Int64` never passes through `Double`; `1.5` stays `1.5`). JSON-RPC allows strings,
/// numbers and `null`; any other JSON type makes the request invalid.
public enum RequestID: Sendable, Hashable {
    case int(Int64)
    case double(Double)
    case string(String)
    case null

    /// The id held by a JSON value, or `nil` when JSON-RPC does not allow that type as an id
    /// (boolean, array, object).
    public init?(_ value: JSONValue) {
        switch value {
        case .int(let number):
            self = .int(number)
        case .double(let number):
            self = .double(number)
        case .string(let text):
            self = .string(text)
        case .null:
            self = .null
        case .bool, .array, .object:
            return nil
        }
    }

    /// The id as the JSON value to write in a response.
    public var jsonValue: JSONValue {
        switch self {
        case .int(let number):
            return .int(number)
        case .double(let number):
            return .double(number)
        case .string(let text):
            return .string(text)
        case .null:
            return .null
        }
    }
}

extension RequestID: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        guard let id = RequestID(value) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription: "un id doit être une chaîne, un nombre ou null"
                )
            )
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}

extension RequestID: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int64) {
        self = .int(value)
    }

    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension RequestID: CustomStringConvertible {
    public var description: String {
        switch self {
        case .int(let number):
            return String(number)
        case .double(let number):
            return String(number)
        case .string(let text):
            return "\"\(text)\""
        case .null:
            return "null"
        }
    }
}
