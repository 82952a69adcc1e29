import Foundation
import JSONRPC
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Connection")
struct ConnectionTests {
    static let body = #"{"jsonrpc":"2.0","id":1,"method":"echo","params":{"n":1}}"#

    @Test("answers each message in its own framing, whatever the read sizes", arguments: [[], [1], [2, 5, 1], [4096]])
    func framingsFollowRequests(chunkSizes: [Int]) throws {
        let input =
            lsp(request(1)) + request(2) + "\n"
            + "{\n  \"jsonrpc\": \"2.0\",\n  \"id\": 3,\n  \"method\": \"echo\"\n}\n"
            + lsp(#"{"jsonrpc":"2.0","method":"echo"}"#)
            + lsp(#"[{"jsonrpc":"2.0","id":4,"method":"echo"},{"jsonrpc":"2.0","method":"echo"}]"#)
            + #"{"jsonrpc":"2.0","id":5,"method":"inconnue"}"# + "\n"
        let (frames, _, _) = try serve(input, chunkSizes: chunkSizes)
        #expect(frames.map(\.framing) == [.contentLength, .newline, .newline, .contentLength, .newline])
        #expect(frames.map { $0.value["id"] } == [1, 2, 3, nil, 5])
        #expect(frames[2].value["result"] == "sans paramètres")
        #expect(frames[3].value[0]?["id"] == 4)
        #expect(frames[3].value.arrayValue?.count == 1)
        #expect(frames[4].value.errorCode == -32601)
    }

    @Test("writes the exact bytes of both framings")
    func exactOutput() throws {
        let (_, _, raw) = try serve(lsp(request(1, params: "[1]")) + request(2, params: "[2]") + "\n")
        #expect(
            raw
                == "Content-Length: 37\r\n\r\n" + #"{"id":1,"jsonrpc":"2.0","result":[1]}"#
                + #"{"id":2,"jsonrpc":"2.0","result":[2]}"# + "\n"
        )
    }

    @Test("survives bad input and answers the next valid message")
    func survivesBadInput() throws {
        let input =
            "n'importe quoi\n" + "{\"jsonrpc\":\"2.0\",\"id\":1,\n" + "Content-Length: -3\r\n\r\n{\"x\":1}"
            + lsp("{]") + "[]\n" + "[1,2]\n" + lsp(request(7))
        let (frames, _, _) = try serve(input, chunkSizes: [3])
        #expect(
            frames.map { $0.value.errorCode ?? $0.value[0]?.errorCode } == [
                -32700, -32700, -32700, -32700, -32600, -32600, nil,
            ])
        #expect(frames.last?.value["id"] == 7)
        #expect(frames.last?.framing == .contentLength)
    }

    @Test("an oversized message is skipped and the next one answered", arguments: [Framing.contentLength, .newline])
    func oversized(framing: Framing) throws {
        let big = request(1, params: "[\"" + String(repeating: "x", count: 5000) + "\"]")
        let input = (framing == .newline ? big + "\n" : lsp(big)) + request(2) + "\n"
        let (frames, _, _) = try serve(input, chunkSizes: [100], maxMessageBytes: 1024)
        #expect(frames.count == 2)
        #expect(frames[0].framing == framing)
        #expect(frames[0].value.errorCode == -32600)
        #expect(frames[0].value["error"]?["message"]?.stringValue?.contains("(1\u{A0}Kio)") == true)
        #expect(frames[1].value["id"] == 2)
    }

    @Test("end of input mid-message ends the loop without a crash")
    func endOfInputMidMessage() throws {
        #expect(try serve("Content-Length: 80\r\n\r\n{\"jsonrpc\":").frames.isEmpty)
        let truncatedLine = try serve(#"{"jsonrpc":"2.0","id":1,"method":"echo""#)
        #expect(truncatedLine.frames.map(\.value.errorCode) == [-32700])
        let lastLine = try serve(request(1))
        #expect(lastLine.frames.map { $0.value["id"] } == [1])
        #expect(try serve("").frames.isEmpty)
    }

    @Test("the exit notification stops the loop")
    func exitStops() throws {
        let input = request(1) + "\n" + #"{"jsonrpc":"2.0","method":"exit"}"# + "\n" + request(2) + "\n"
        let (frames, handler, _) = try serve(input)
        #expect(frames.map { $0.value["id"] } == [1])
        #expect(handler.shouldStop)
        #expect(handler.calls.map(\.method) == ["echo", "exit"])
    }

    @Test("notifications sent while handling use the request's framing")
    func progressNotifications() throws {
        let input = lsp(request(1, "progress")) + request(2, "progress") + "\n"
        let (frames, _, _) = try serve(input, chunkSizes: [1])
        #expect(frames.map(\.framing) == [.contentLength, .contentLength, .newline, .newline])
        #expect(frames.map { $0.value["method"] } == ["progress", nil, "progress", nil])
        #expect(frames[0].value == ["jsonrpc": "2.0", "method": "progress", "params": ["done": 1, "total": 2]])
        #expect(frames[1].value["result"] == "fini")
    }

    @Test("notifications sent between messages use the last framing, else Content-Length")
    func idleNotifications() throws {
        let sink = MemoryByteSink()
        let connection = JSONRPCConnection(input: MemoryByteSource(request(1) + "\n"), output: sink)
        connection.sendNotification(method: "progress", params: nil)
        connection.run(handler: TestHandler())
        connection.sendNotification(method: "progress", params: ["done": 2])
        let frames = try frames(in: sink.data)
        #expect(frames.map(\.framing) == [.contentLength, .newline, .newline])
        #expect(frames.map { $0.value["method"] } == ["progress", nil, "progress"])
    }

    @Test("notifications from other threads never interleave with responses")
    func concurrentNotifications() throws {
        final class Flooding: JSONRPCHandler {
            func handle(
                method: String, params: JSONValue?, isNotification: Bool, connection: JSONRPCConnection
            ) throws -> JSONValue {
                DispatchQueue.concurrentPerform(iterations: 50) { index in
                    connection.sendNotification(method: "progress", params: ["done": .int(Int64(index))])
                }
                return params ?? .null
            }
        }
        let sink = MemoryByteSink()
        let input = (1...20).map { lsp(request($0)) }.joined()
        let connection = JSONRPCConnection(input: MemoryByteSource(input, chunkSizes: [10]), output: sink)
        connection.run(handler: Flooding())
        let frames = try frames(in: sink.data)
        #expect(frames.count == 20 * 51)
        #expect(sink.writes.count == frames.count)
        #expect(frames.compactMap { $0.value["id"]?.intValue } == Array(1...20))
    }

    @Test("a failed write ends the loop")
    func failedWrite() {
        struct BrokenPipe: ByteSink {
            func write(_ data: Data) throws {
                throw TransportError.writeFailed(errno: EPIPE)
            }
        }
        let handler = TestHandler()
        let input = request(1) + "\n" + request(2) + "\n"
        JSONRPCConnection(input: MemoryByteSource(input), output: BrokenPipe()).run(handler: handler)
        #expect(handler.calls.count == 1)
        #expect(TransportError.writeFailed(errno: EPIPE).localizedDescription.hasPrefix("Écriture impossible"))
    }

    @Test("reads and writes real file descriptors, large messages included")
    func fileDescriptors() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "jsonrpc-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = open(outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(output >= 0)

        let big = String(repeating: "é", count: 150_000)
        let input = Data((lsp(request(1, params: "[\"\(big)\"]")) + request(2) + "\n").utf8)
        let feeder = Thread {
            try? FileDescriptorSink(fileDescriptor: writeEnd).write(input)
            close(writeEnd)
        }
        feeder.start()
        JSONRPCConnection(
            input: FileDescriptorSource(fileDescriptor: readEnd),
            output: FileDescriptorSink(fileDescriptor: output)
        ).run(handler: TestHandler())
        close(readEnd)
        close(output)

        let frames = try frames(in: Data(contentsOf: outputURL))
        #expect(frames.map(\.framing) == [.contentLength, .newline])
        #expect(frames.first?.value["result"] == [.string(big)])
        #expect(frames.last?.value["id"] == 2)
    }

    @Test("standard output can be reserved for the protocol")
    func reservedStandardOutput() throws {
        func identity(_ descriptor: Int32) -> [UInt64] {
            var status = stat()
            _ = fstat(descriptor, &status)
            return [UInt64(status.st_dev), UInt64(status.st_ino)]
        }
        // Files stand for standard output and standard error, which the test must not touch.
        let directory = FileManager.default.temporaryDirectory
        let outputURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errorURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let output = open(outputURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let error = open(errorURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer {
            close(output)
            close(error)
        }
        let originalOutput = identity(output)
        let sink = try FileDescriptorSink.reservingStandardOutput(output, redirectingTo: error)
        defer { close(sink.fileDescriptor) }
        #expect(identity(sink.fileDescriptor) == originalOutput)
        #expect(identity(output) == identity(error))
        try sink.write(Data("protocole".utf8))
        _ = "journal".withCString { write(output, $0, 7) }
        #expect(try String(contentsOf: outputURL, encoding: .utf8) == "protocole")
        #expect(try String(contentsOf: errorURL, encoding: .utf8) == "journal")
    }
}
