import Foundation
import Testing

@testable import JSONRPC

@Suite("MessageReader")
struct MessageReaderTests {
    /// Every message read from `text` fed in chunks of `chunkSize` bytes, then EOF.
    static func read(_ text: String, chunkSize: Int = .max, maxMessageBytes: Int = 1 << 20) -> [FramedMessage] {
        read(Array(text.utf8), chunkSize: chunkSize, maxMessageBytes: maxMessageBytes)
    }

    static func read(_ bytes: [UInt8], chunkSize: Int = .max, maxMessageBytes: Int = 1 << 20) -> [FramedMessage] {
        var reader = MessageReader(maxMessageBytes: maxMessageBytes)
        var messages: [FramedMessage] = []
        var offset = 0
        while offset < bytes.count {
            let end = offset + min(chunkSize, bytes.count - offset)
            reader.append(bytes[offset..<end])
            offset = end
            while let message = reader.nextMessage() {
                messages.append(message)
            }
        }
        if let last = reader.finish() {
            messages.append(last)
        }
        return messages
    }

    static func lines(_ framing: Framing, _ bodies: String...) -> [FramedMessage] {
        bodies.map { FramedMessage(framing: framing, payload: .data(Data($0.utf8))) }
    }

    static let body = #"{"jsonrpc":"2.0","id":1,"method":"echo"}"#

    @Test(
        "Content-Length frames, with the headers clients send",
        arguments: [
            "Content-Length: 40\r\n\r\n",
            "content-length: 40\r\n\r\n",
            "CONTENT-LENGTH:40\r\n\r\n",
            "Content-Length: 40\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
            "Content-Type: application/json\r\nContent-Length:   40  \r\n\r\n",
            "Content-Length: 40\n\n",
            "Content-Length: 40\r\n\n",
        ]
    )
    func contentLength(headers: String) {
        #expect(Self.read(headers + Self.body) == Self.lines(.contentLength, Self.body))
    }

    @Test("newline-delimited messages, blank lines and CRLF tolerated")
    func newlineDelimited() {
        let text = "\n\n\(Self.body)\n\r\n  \n[1,2]\r\n{\"a\":\"}\\\"{[\"}\n"
        #expect(Self.read(text) == Self.lines(.newline, Self.body, "[1,2]\r", #"{"a":"}\"{["}"#))
    }

    @Test("a pretty-printed value spanning lines is one message")
    func prettyPrinted() {
        let pretty = """
            {
              "jsonrpc": "2.0",
              "id": 1,
              "method": "echo",
              "params": {
                "lines": [
                  1,
                  2
                ],
                "text": "une ligne\\navec } et ]"
              }
            }
            """
        #expect(Self.read(pretty + "\n" + Self.body + "\n") == Self.lines(.newline, pretty, Self.body))
    }

    @Test("a line that is not JSON ends at its newline")
    func garbageLine() {
        #expect(Self.read("bonjour\n\(Self.body)\n") == Self.lines(.newline, "bonjour", Self.body))
        #expect(Self.read("42 \n\"x\"\n") == Self.lines(.newline, "42 ", "\"x\""))
    }

    @Test("a malformed value does not swallow the messages after it")
    func malformedDoesNotSwallow() {
        // A missing closing brace, then a raw newline inside a string.
        let text = "{\"a\":1\n\(Self.body)\n{\"b\":\"x\n\(Self.body)\n}}\n\(Self.body)\n"
        #expect(
            Self.read(text)
                == Self.lines(.newline, #"{"a":1"#, Self.body, #"{"b":"x"#, Self.body, "}}", Self.body)
        )
    }

    @Test("both framings mixed in one stream, whatever the chunk size", arguments: [1, 2, 3, 7, 64, 4096])
    func mixedFramings(chunkSize: Int) {
        let pretty = "{\n  \"jsonrpc\": \"2.0\",\n  \"method\": \"echo\"\n}"
        let text = lsp(Self.body) + Self.body + "\n" + lsp("[]") + "\n" + pretty + "\n" + lsp(pretty)
        let expected =
            Self.lines(.contentLength, Self.body) + Self.lines(.newline, Self.body)
            + Self.lines(.contentLength, "[]") + Self.lines(.newline, pretty) + Self.lines(.contentLength, pretty)
        #expect(Self.read(text, chunkSize: chunkSize) == expected)
    }

    @Test(
        "an unreadable Content-Length is reported, and the next message is read",
        arguments: [
            (
                "Content-Length: abc\r\n\r\n",
                "valeur de \u{AB}\u{A0}Content-Length\u{A0}\u{BB} non numérique\u{A0}: \u{AB}\u{A0}abc\u{A0}\u{BB}"
            ),
            (
                "Content-Length: -5\r\n\r\n",
                "valeur de \u{AB}\u{A0}Content-Length\u{A0}\u{BB} négative\u{A0}: \u{AB}\u{A0}-5\u{A0}\u{BB}"
            ),
            (
                "Content-Length:\r\n\r\n",
                "valeur de \u{AB}\u{A0}Content-Length\u{A0}\u{BB} non numérique\u{A0}: \u{AB}\u{A0}\u{A0}\u{BB}"
            ),
            (
                "Content-Length: 99999999999999999999999\r\n\r\n",
                "valeur de \u{AB}\u{A0}Content-Length\u{A0}\u{BB} trop grande\u{A0}: \u{AB}\u{A0}99999999999999999999999\u{A0}\u{BB}"
            ),
            ("Content-Type: application/json\r\n\r\n", "en-tête \u{AB}\u{A0}Content-Length\u{A0}\u{BB} absent"),
        ] as [(String, String)]
    )
    func badContentLength(headers: String, reason: String) {
        let skipped = "{\"jsonrpc\":\"2.0\",\"id\":9,\n\"method\":\"echo\"}"
        let expected = [FramedMessage(framing: .contentLength, payload: .badHeader(reason))]
        for chunkSize in [1, 5, .max] {
            // The body that follows is skipped, whether the next message is LSP or a line.
            #expect(
                Self.read(headers + skipped + lsp(Self.body), chunkSize: chunkSize)
                    == expected + Self.lines(.contentLength, Self.body)
            )
            #expect(
                Self.read(headers + skipped + "\n" + Self.body + "\n", chunkSize: chunkSize)
                    == expected + Self.lines(.newline, Self.body)
            )
        }
    }

    @Test("headers without their blank line are reported, and the line after is read")
    func missingBlankLine() {
        let messages = Self.read("Content-Length: 40\r\n\(Self.body)\n")
        #expect(messages.count == 2)
        #expect(messages.first?.payload == .badHeader("ligne vide attendue après les en-têtes"))
        #expect(messages.last == Self.lines(.newline, Self.body).first)
    }

    @Test("endless headers are cut short")
    func endlessHeaders() {
        let header = "X-Long: " + String(repeating: "a", count: MessageReader.maxHeaderBytes) + "\r\n"
        let messages = Self.read(header + "\r\n" + Self.body + "\n", chunkSize: 100)
        #expect(messages.first?.payload == .badHeader("en-têtes trop longs"))
        #expect(messages.last == Self.lines(.newline, Self.body).first)
    }

    @Test("an oversized Content-Length body is skipped as it streams")
    func oversizedContentLength() {
        let limit = 1000
        let big =
            #"{"jsonrpc":"2.0","id":1,"method":"echo","params":[""# + String(repeating: "x", count: 100_000) + "\"]}"
        let text = lsp(big) + lsp(Self.body)
        var reader = MessageReader(maxMessageBytes: limit)
        var messages: [FramedMessage] = []
        var peak = 0
        for chunk in Array(text.utf8).chunks(of: 512) {
            reader.append(chunk)
            peak = max(peak, reader.bufferedByteCount)
            while let message = reader.nextMessage() {
                messages.append(message)
            }
        }
        #expect(
            messages == [FramedMessage(framing: .contentLength, payload: .oversized)]
                + Self.lines(.contentLength, Self.body))
        #expect(peak < 2 * (limit + 512))
    }

    @Test("an oversized line is skipped to its end without buffering it")
    func oversizedLine() {
        let limit = 1000
        let prettyBig = "{\"params\": [\n\"" + String(repeating: "y", count: 50_000) + "\"\n]}"
        for big in [
            String(repeating: "x", count: 100_000), "[\"" + String(repeating: "x", count: 100_000) + "\"]", prettyBig,
        ] {
            let text = big + "\n" + Self.body + "\n"
            var reader = MessageReader(maxMessageBytes: limit)
            var messages: [FramedMessage] = []
            var peak = 0
            for chunk in Array(text.utf8).chunks(of: 300) {
                reader.append(chunk)
                peak = max(peak, reader.bufferedByteCount)
                while let message = reader.nextMessage() {
                    messages.append(message)
                }
            }
            #expect(
                messages == [FramedMessage(framing: .newline, payload: .oversized)] + Self.lines(.newline, Self.body))
            #expect(peak < 2 * (limit + 300))
        }
    }

    @Test("a message exactly at the limit is accepted", arguments: [Framing.contentLength, .newline])
    func atLimit(framing: Framing) {
        let body = #"{"a":""# + String(repeating: "z", count: 92) + #""}"#
        #expect(body.utf8.count == 100)
        let text = framing == .newline ? body + "\n" : lsp(body)
        #expect(Self.read(text, chunkSize: 7, maxMessageBytes: 100) == Self.lines(framing, body))
        #expect(Self.read(text, chunkSize: 7, maxMessageBytes: 99).map(\.payload) == [.oversized])
    }

    @Test("at EOF, a last line without newline is a message; a cut frame is dropped")
    func endOfInput() {
        #expect(Self.read(Self.body) == Self.lines(.newline, Self.body))
        #expect(Self.read("{\"a\": [1,\n 2") == Self.lines(.newline, "{\"a\": [1,\n 2"))
        #expect(Self.read("bonjour") == Self.lines(.newline, "bonjour"))
        #expect(Self.read("Content-Length: 40\r\n\r\n{\"jsonrpc\"").isEmpty)
        #expect(Self.read("Content-Length: 4").isEmpty)
        #expect(Self.read(" \n\r\n").isEmpty)
    }

    @Test("any split of a stream gives the same messages")
    func splitsAreEquivalent() {
        let text = lsp(Self.body) + "\n" + Self.body + "\nbonjour\n" + "Content-Length: x\r\n\r\n{}" + lsp("[1]")
        let whole = Self.read(text)
        #expect(whole.count == 5)
        let bytes = Array(text.utf8)
        for split in 0...bytes.count {
            var reader = MessageReader()
            var messages: [FramedMessage] = []
            for part in [bytes[..<split], bytes[split...]] {
                reader.append(part)
                while let message = reader.nextMessage() {
                    messages.append(message)
                }
            }
            if let last = reader.finish() {
                messages.append(last)
            }
            #expect(messages == whole, "split at \(split)")
        }
    }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
