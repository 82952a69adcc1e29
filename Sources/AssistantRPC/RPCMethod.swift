import AssistantCore
import Foundation
import JSONRPC

/// One JSON-RPC method: its name, its params and result types, and what it does.
/// Every method is listed once, in `MethodRegistry`.
protocol RPCMethod {
    associatedtype Params: Decodable
    associatedtype Result: Encodable
    static var method: String { get }
    static func handle(_ params: Params, server: AssistantServer) throws -> Result
}

/// A method with its types erased, as the registry keeps it.
struct AnyRPCMethod: Sendable {
    let name: String
    let run: @Sendable (JSONValue?, AssistantServer) throws -> JSONValue

    init<M: RPCMethod>(_ method: M.Type) {
        name = M.method
        run = { params, server in
            let decoded = try JSONValue.decodeParams(M.Params.self, from: params)
            return try JSONValue(encoding: try M.handle(decoded, server: server), encoder: RPCResults.encoder)
        }
    }

    init(name: String, run: @escaping @Sendable (JSONValue?, AssistantServer) throws -> JSONValue) {
        self.name = name
        self.run = run
    }
}

/// Params of methods that take none; anything given is ignored.
struct NoParams: Decodable {}
