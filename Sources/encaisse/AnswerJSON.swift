import AssistantCore
import AssistantRPC
import Foundation

/// The structured result of `ask --json`: the same object as the RPC `ask` result, or the
/// application error.
enum AnswerJSON {
    static func encode(_ reply: Reply) throws -> String {
        try RPCResults.json(RPCResults.ask(reply))
    }

    static func encode(_ error: AssistantError) throws -> String {
        try RPCResults.json(RPCResults.error(error))
    }
}
