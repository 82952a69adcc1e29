/// The application side of a connection: it receives each valid request or notification and
/// returns a result or throws. The protocol layer does everything else (framing, validation,
/// ids, batches, error responses). Called on the thread running `JSONRPCConnection.run`,
/// one message at a time.
public protocol JSONRPCHandler: AnyObject {
    /// Handles one call. Throw `ResponseError.methodNotFound(method)` for an unknown method,
    /// `.invalidParams(field:reason:)` for bad params; any other error becomes a `-32603`
    /// (see `ResponseError.from`). For a notification the result and any error are dropped.
    func handle(
        method: String, params: JSONValue?, isNotification: Bool, connection: JSONRPCConnection
    ) throws -> JSONValue

    /// Checked after each message: once true, `run` returns (set it on the `exit`
    /// notification). Defaults to `false`.
    var shouldStop: Bool { get }
}

extension JSONRPCHandler {
    public var shouldStop: Bool { false }
}
