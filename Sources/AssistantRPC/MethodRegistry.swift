import AssistantCore
import FrenchParsing
import JSONRPC

/// The protocol surface, in one place: every method the server answers, with its params and
/// result types. Intent methods are the ids of `intents.md`; their params are the entities of
/// that catalog plus an optional `sessionId`.
enum MethodRegistry {
    static let methods: [String: AnyRPCMethod] = {
        var all: [AnyRPCMethod] = [
            AnyRPCMethod(InitializeMethod.self),
            AnyRPCMethod(ParseMethod.self),
            AnyRPCMethod(ExtractMethod.self),
            AnyRPCMethod(ClientsCompleteMethod.self),
            AnyRPCMethod(AskMethod.self),
            AnyRPCMethod(ShutdownMethod.self),
            AnyRPCMethod(ExitMethod.self),
            AnyRPCMethod(SettingsGetMethod.self),
            AnyRPCMethod(SettingsSetMethod.self),
        ]
        // Every intent of the catalog is a method.
        for intent in IntentID.allCases where intent != .unknown {
            all.append(
                AnyRPCMethod(name: intent.rawValue) { params, server in
                    try IntentMethod.run(intent, params: params, server: server)
                })
        }
        return Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
    }()

    /// Method names, sorted, as `initialize` lists them.
    static var names: [String] { methods.keys.sorted() }
}
