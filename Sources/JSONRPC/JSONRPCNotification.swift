/// A one-way message: no `id`, so it never gets a response, not even an error.
public struct JSONRPCNotification: Sendable, Hashable {
    public var method: String
    /// An object or an array; `nil` when absent or `null`.
    public var params: JSONValue?

    public init(method: String, params: JSONValue? = nil) {
        self.method = method
        self.params = params
    }

    /// The notification as it travels: `{"jsonrpc": "2.0", "method", "params"?}`.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        members["params"] = params
        return .object(members)
    }
}
