import Foundation
import JSONRPC

/// A tiny application for the tests: `echo` returns its params, `fail` throws a plain error,
/// `invalid` throws a `-32602`, `progress` sends a notification before answering, `exit`
/// stops the loop; anything else is an unknown method.
final class TestHandler: JSONRPCHandler {
    struct PlainError: LocalizedError {
        var errorDescription: String? { "la base est verrouillée" }
    }

    private(set) var shouldStop = false
    private(set) var calls: [(method: String, isNotification: Bool)] = []

    func handle(
        method: String, params: JSONValue?, isNotification: Bool, connection: JSONRPCConnection
    ) throws -> JSONValue {
        calls.append((method, isNotification))
        switch method {
        case "echo":
            return params ?? "sans paramètres"
        case "fail":
            throw PlainError()
        case "invalid":
            throw ResponseError.invalidParams(field: "text", reason: "champ obligatoire manquant")
        case "progress":
            connection.sendNotification(method: "progress", params: ["done": 1, "total": 2])
            return "fini"
        case "nan":
            return .double(.nan)
        case "exit":
            shouldStop = true
            return .null
        default:
            throw ResponseError.methodNotFound(method)
        }
    }
}

/// A connection with nothing to read, for calling `respond(to:)` directly.
func makeDispatcher() -> (JSONRPCConnection, TestHandler, MemoryByteSink) {
    let sink = MemoryByteSink()
    let connection = JSONRPCConnection(input: MemoryByteSource(""), output: sink)
    return (connection, TestHandler(), sink)
}

/// The parsed response to one message body, or `nil` when there is none.
func respond(_ text: String) throws -> JSONValue? {
    let (connection, handler, _) = makeDispatcher()
    guard let data = connection.respond(to: Data(text.utf8), handler: handler) else { return nil }
    return try JSONValue(parsing: data)
}

/// Runs a whole connection over `input` and returns the frames written, parsed back.
func serve(
    _ input: some Sequence<UInt8>, chunkSizes: [Int] = [], maxMessageBytes: Int = 1 << 20
) throws -> (frames: [(framing: Framing, value: JSONValue)], handler: TestHandler, raw: String) {
    let sink = MemoryByteSink()
    let connection = JSONRPCConnection(
        input: MemoryByteSource(input, chunkSizes: chunkSizes), output: sink,
        maxMessageBytes: maxMessageBytes
    )
    let handler = TestHandler()
    connection.run(handler: handler)
    return (try frames(in: sink.data), handler, sink.text)
}

func serve(_ text: String, chunkSizes: [Int] = [], maxMessageBytes: Int = 1 << 20) throws -> (
    frames: [(framing: Framing, value: JSONValue)], handler: TestHandler, raw: String
) {
    try serve(Array(text.utf8), chunkSizes: chunkSizes, maxMessageBytes: maxMessageBytes)
}

/// Splits output back into frames with the reader under test.
func frames(in data: Data) throws -> [(framing: Framing, value: JSONValue)] {
    var reader = MessageReader()
    reader.append(data)
    var result: [(Framing, JSONValue)] = []
    while let message = reader.nextMessage() {
        guard case .data(let body) = message.payload else {
            throw ResponseError.internalError("trame illisible en sortie")
        }
        result.append((message.framing, try JSONValue(parsing: body)))
    }
    if reader.finish() != nil {
        throw ResponseError.internalError("sortie tronquée")
    }
    return result
}

/// A Content-Length frame.
func lsp(_ body: String) -> String {
    "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
}

/// A request body with a numeric id.
func request(_ id: Int, _ method: String = "echo", params: String = #"{"n":1}"#) -> String {
    #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
}

extension JSONValue {
    /// The `error.code` of a response.
    var errorCode: Int64? { self["error"]?["code"]?.intValue }
}
