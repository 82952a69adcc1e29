import Foundation

/// The wire form of an error object: `{"code", "message", "data"?}`.
extension ResponseError: Codable {
    /// The error object as it travels inside a response.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["code": .int(Int64(code)), "message": .string(message)]
        members["data"] = data
        return .object(members)
    }

    /// Reads an error object received from a peer; `nil` unless it has an integer `code`
    /// and a string `message`.
    public init?(jsonValue: JSONValue) {
        guard let number = jsonValue["code"]?.intValue, let code = Int(exactly: number),
            let message = jsonValue["message"]?.stringValue
        else { return nil }
        self.init(code: code, message: message, data: jsonValue["data"])
    }

    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        guard let error = ResponseError(jsonValue: value) else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "un objet d’erreur doit avoir \(Self.quoted("code")) et \(Self.quoted("message"))"
                )
            )
        }
        self = error
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}
