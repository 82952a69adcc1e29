import Foundation
import Testing

/// Hostile sizes against the real binary: a 10 MB line in pipe mode, a 100 MB JSON-RPC message
/// in each framing, JSON nested 100 000 deep, 100 000 pipelined requests. Each gets a clear
/// French error (or its answers), the process goes on to the next command, and its peak
/// memory (`VmHWM`, read from /proc before it exits) stays bounded — far below the input for
/// the big messages, which are skipped as they stream by rather than held.
@Suite(.serialized) struct ResourceLimitTests {
    static let demo = ["--demo", "--today", "2026-11-22"]

    /// The peak resident memory of a running process, in MiB.
    static func peakMiB(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }

    /// Streams `chunks` to the process, then `last`, reads output lines until `done` says the
    /// last one is there (so that the process is through with the input but still alive), reads
    /// its peak memory, closes stdin and returns everything.
    static func drive(
        _ arguments: [String], chunks: some Sequence<Data>, last: String, until done: ([String]) -> Bool
    ) throws -> (lines: [String], peakMiB: Int?, rest: (stdout: String, stderr: String, status: Int32)) {
        let process = try LiveProcess(arguments)
        for chunk in chunks { process.send(chunk) }
        process.send(last)
        var lines: [String] = []
        while !done(lines), let line = process.readLine(timeout: 120) { lines.append(line) }
        let peak = peakMiB(process.pid)
        process.closeInput()
        return (lines, peak, process.finish())
    }

    /// `count` bytes of `byte`, one MiB at a time.
    static func filler(_ count: Int, _ byte: UInt8 = UInt8(ascii: "a")) -> some Sequence<Data> {
        let mebibyte = Data(repeating: byte, count: 1 << 20)
        return stride(from: 0, to: count, by: 1 << 20).lazy.map { mebibyte.prefix(min(1 << 20, count - $0)) }
    }

    @Test func aTenMegabyteLineInPipeModeIsRefusedAndTheNextAnswered() throws {
        let (lines, peak, rest) = try Self.drive(
            Self.demo, chunks: Self.filler(10_000_000), last: "\ncombien me doit Dupont ?\n",
            until: { $0.contains { $0.contains("Boulangerie Dupont") } })
        let output = (lines.joined(separator: "\n") + rest.stdout)
        #expect(output.contains("Ligne ignorée\u{00A0}: elle dépasse 1\u{00A0}Mio"), "\(output.prefix(300))")
        #expect(output.contains("Boulangerie Dupont"))
        #expect(try #require(peak) < 100, "peak \(peak ?? 0) MiB for a 10 MB line")
    }

    static let extract = #"{"jsonrpc":"2.0","id":2,"method":"extract","params":{"text":"le 15 mars"}}"# + "\n"

    @Test(arguments: ["lsp", "line"])
    func aHundredMegabyteMessageIsSkippedAndTheNextAnswered(framing: String) throws {
        let size = 100 << 20
        let head = Data(#"{"jsonrpc":"2.0","id":1,"method":"extract","params":{"text":""#.utf8)
        let tail = Data(#""}}"#.utf8)
        let header = framing == "lsp" ? Data("Content-Length: \(head.count + size + tail.count)\r\n\r\n".utf8) : Data()
        let chunks = [header + head].lazy.map { $0 } + Array(Self.filler(size)) + [tail + (framing == "line" ? Data("\n".utf8) : Data())]
        let (lines, peak, rest) = try Self.drive(
            ["rpc"] + Self.demo, chunks: chunks, last: Self.extract,
            until: { $0.last?.contains("2027-03-15") == true })
        let output = lines.joined(separator: "\n") + rest.stdout
        #expect(output.contains("-32600") && output.contains("dépasse la taille maximale"), "\(output.prefix(300))")
        #expect(output.contains(#""value":"2027-03-15""#), "the next request was not answered")
        #expect(rest.status == 0)
        // Bounded: at most the 64 MiB limit is ever held, not the 100 MiB message.
        #expect(try #require(peak) < 160, "peak \(peak ?? 0) MiB for a 100 MiB message")
    }

    @Test func deeplyNestedJSONIsRefusedWithoutRecursion() throws {
        let depth = 100_000
        let arrays =
            #"{"jsonrpc":"2.0","id":1,"method":"extract","params":"# + String(repeating: "[", count: depth)
            + String(repeating: "]", count: depth) + "}\n"
        let objects =
            #"{"jsonrpc":"2.0","id":3,"method":"extract","params":{"text":"# + String(repeating: #"{"a":"#, count: depth)
            + "1" + String(repeating: "}", count: depth) + "}}\n"
        let result = try BinaryRunner.run(["rpc"] + Self.demo, stdin: arrays + objects + Self.extract)
        let lines = result.stdout.split(separator: "\n")
        #expect(result.status == 0)
        #expect(lines.count == 3)
        #expect(
            lines.prefix(2).allSatisfy { $0.contains("-32700") && $0.contains("imbrication trop profonde") }, "\(result.stdout.prefix(400))"
        )
        #expect(lines.last?.contains(#""value":"2027-03-15""#) == true)
    }

    @Test func aHundredThousandPipelinedRequestsAreAllAnsweredInOrder() throws {
        let count = 100_000
        let requests = (0..<count).lazy.map { index in
            Data(
                (#"{"jsonrpc":"2.0","id":\#(index),"method":"extract","params":{"text":"\#(index % 28 + 1) mars, \#(index) €"}}"# + "\n")
                    .utf8)
        }
        // Written in batches of a thousand while the answers are read: a real pipeline.
        let batches = stride(from: 0, to: count, by: 1_000).lazy.map { start in
            requests[start..<min(count, start + 1_000)].reduce(Data(), +)
        }
        let (lines, peak, rest) = try Self.drive(["rpc"] + Self.demo, chunks: batches, last: "", until: { $0.count == count })
        #expect(lines.count == count)
        var inOrder = true
        for (index, line) in lines.enumerated() where !line.hasPrefix(#"{"id":\#(index),"#) {
            inOrder = false
            Issue.record("answer \(index): \(line.prefix(120))")
            break
        }
        #expect(inOrder)
        #expect(lines.allSatisfy { $0.contains(#""kind":"amount""#) })
        #expect(rest.status == 0 && rest.stdout.isEmpty)
        #expect(try #require(peak) < 100, "peak \(peak ?? 0) MiB for \(count) requests")
    }
}
