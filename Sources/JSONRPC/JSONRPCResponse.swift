/// The answer to a request: the request's `id` and either a result or an error.
public struct JSONRPCResponse: Sendable, Hashable {
    /// The id of the request answered, `null` when it could not be read.
    public var id: RequestID
    public var result: Result<JSONValue, ResponseError>

    public init(id: RequestID, result: Result<JSONValue, ResponseError>) {
        self.id = id
        self.result = result
    }

    /// A successful response.
    public init(id: RequestID, result: JSONValue) {
        self.init(id: id, result: .success(result))
    }

    /// An error response.
    public init(id: RequestID, error: ResponseError) {
        self.init(id: id, result: .failure(error))
    }

    /// The response as it travels: `{"jsonrpc": "2.0", "id", "result"}` or
    /// `{"jsonrpc": "2.0", "id", "error"}`.
    public var jsonValue: JSONValue {
        switch result {
        case .success(let value):
            return ["jsonrpc": "2.0", "id": id.jsonValue, "result": value]
        case .failure(let error):
            return ["jsonrpc": "2.0", "id": id.jsonValue, "error": error.jsonValue]
        }
    }
}
