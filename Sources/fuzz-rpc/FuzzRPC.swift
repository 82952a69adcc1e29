import AssistantCore
import AssistantRPC
import Foundation
import FrenchParsing
import FuzzSupport
import JSONRPC
import Persistence
import Receivables

/// libFuzzer target for the JSON-RPC side: any bytes on the server's input (framed by
/// `Content-Length` headers or by lines, several messages, broken ones, batches) are framed,
/// validated and dispatched to the real methods on the demo ledger without crashing, and
/// every message the server writes is a JSON-RPC 2.0 object (or a batch of them) with a
/// result or an error, never both.
///
/// Methods that touch files (`data.import`, `data.export`) and any message naming a path
/// (a `/` in it) are answered by the harness with an error instead: the fuzzer must not read
/// or write the machine's files. Built like the parser target (`Scripts/fuzz.sh`); a normal
/// build replays the files given on the command line (`Fuzz/corpus/rpc`).
enum RPCTarget {
    static let today = Day(year: 2026, month: 11, day: 22)!

    nonisolated(unsafe) static let assistant: Assistant = {
        do {
            let database = try AppDatabase.inMemory()
            try database.loadDemo(DemoLedger(today: today))
            return try Assistant(database: database, today: today)
        } catch {
            fatalError("demo ledger: \(error)")
        }
    }()

    /// The server, with the file-touching methods fenced off.
    final class Fence: JSONRPCHandler {
        let server = AssistantServer(assistant: RPCTarget.assistant)
        var shouldStop: Bool { server.shouldStop }

        func handle(method: String, params: JSONValue?, isNotification: Bool, connection: JSONRPCConnection) throws -> JSONValue {
            if method == "data.import" || method == "data.export" || "\(params ?? .null)".contains("/") {
                throw ResponseError.invalidParams(field: "params", reason: "fichiers hors du banc de fuzzing")
            }
            return try server.handle(method: method, params: params, isNotification: isNotification, connection: connection)
        }
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) {
        let output = MemoryByteSink()
        JSONRPCConnection(input: MemoryByteSource(Array(bytes)), output: output).run(handler: Fence())
        restoreDemo()
        for message in output.writes {
            // Content-Length framing puts headers before a blank line; line framing has none.
            var body = message[...]
            if let headerEnd = message.firstRange(of: Data("\r\n\r\n".utf8)) { body = message[headerEnd.upperBound...] }
            let objects: [JSONValue]
            switch try? JSONValue(parsing: Data(body)) {
            case .object(let object): objects = [.object(object)]
            case .array(let batch) where !batch.isEmpty: objects = batch  // a batch's responses
            default: preconditionFailure("not a JSON-RPC message: \(String(decoding: message.prefix(200), as: UTF8.self))")
            }
            for case .object(let object) in objects {
                precondition(object["jsonrpc"] == .string("2.0"), "no jsonrpc 2.0 member")
                precondition((object["result"] == nil) != (object["error"] == nil) || object["method"] != nil, "result xor error")
            }
            precondition(objects.allSatisfy { if case .object = $0 { true } else { false } }, "a batch of non-objects")
        }
    }
}

extension RPCTarget {
    /// Undoes every write an input made, so that each input meets the demo ledger as it was
    /// generated (the demo itself has nothing to undo): the ledger does not grow over a long
    /// run, and an input found crashing replays the same in a fresh process.
    static func restoreDemo() {
        while let changes = try? assistant.database.recentChanges(limit: 1_000), changes.contains(where: { !$0.undone }) {
            guard (try? assistant.perform(.undo, Entities())) != nil else { break }
        }
    }
}

#if FUZZING
    /// The program's `main` in a fuzzing build (SwiftPM links `main` to this symbol): libFuzzer
    /// runs with the command line's options and corpus directories.
    @_cdecl("fuzz_rpc_main")
    public func fuzzRPCMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        runFuzzer(argc: argc, argv: argv) { data, size in
            RPCTarget.check(UnsafeBufferPointer(start: data, count: size))
            return 0
        }
    }
#else
    @main struct ReplayRPCCorpus {
        static func main() throws {
            try Replay.run(name: "fuzz-rpc") { RPCTarget.check($0) }
        }
    }
#endif
