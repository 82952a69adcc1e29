/// A call that expects an answer: it carries an `id`, which the response echoes.
public struct JSONRPCRequest: Sendable, Hashable {
    public var id: RequestID
    public var method: String
    /// An object or an array; `nil` when absent or `null`.
    public var params: JSONValue?

    public init(id: RequestID, method: String, params: JSONValue? = nil) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// The request as it travels: `{"jsonrpc": "2.0", "id", "method", "params"?}`.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            "jsonrpc": "2.0", "id": id.jsonValue, "method": .string(method),
        ]
        members["params"] = params
        return .object(members)
    }
}
