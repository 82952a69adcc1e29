import AssistantCore
import Foundation
import JSONRPC

/// The JSON-RPC server of Encaisse: the protocol layer frames and validates, this handler
/// looks the method up in `MethodRegistry` and runs it on the assistant.
public final class AssistantServer: JSONRPCHandler {
    public let assistant: Assistant
    public var shouldStop = false
    /// After `shutdown`, the server waits for `exit` or the end of input.
    var isShutDown = false

    public init(assistant: Assistant) {
        self.assistant = assistant
    }

    /// Serves until end of input or `exit`.
    public func run(input: any ByteSource, output: any ByteSink) {
        JSONRPCConnection(input: input, output: output).run(handler: self)
    }

    public func handle(method: String, params: JSONValue?, isNotification: Bool, connection: JSONRPCConnection) throws -> JSONValue {
        guard let entry = MethodRegistry.methods[method] else { throw ResponseError.methodNotFound(method) }
        // Long work (an import) reports `progress` notifications {token, done, total, message};
        // the token is the caller's `progressToken`, else the method name.
        let token = params?["progressToken"] ?? .string(method)
        assistant.progress = { done, total, message in
            connection.sendNotification(
                method: "progress",
                params: .object([
                    "token": token, "done": .int(Int64(done)), "total": .int(Int64(total)), "message": .string(message),
                ]))
        }
        defer { assistant.progress = nil }
        do {
            return try entry.run(params, self)
        } catch let error as ResponseError {
            throw error
        } catch let error as AssistantError {
            throw RPCResults.responseError(error)
        } catch {
            throw ResponseError(code: ResponseError.Code.internalError, message: error.localizedDescription)
        }
    }
}
