import Foundation
import JSONRPC
import Testing

/// Random streams built from protocol-shaped fragments: whatever arrives, in whatever chunks,
/// the connection neither crashes nor hangs, every frame it writes is valid JSON, and a clean
/// request is still answered once the stream has been brought back to a known state.
@Suite("Robustness")
struct RobustnessTests {
    /// SplitMix64: deterministic, so a failure can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\n", "\r\n", " ", "é", "\u{0}",
        "Content-Length: ", "content-length:", "Content-Length: 12\r\n\r\n", "Content-Type: x\r\n", "\r\n\r\n",
        "-1", "99999999999999999999", "1.5", "true", "null", "NaN",
        request(1), #"{"jsonrpc":"2.0","method":"echo"}"#, #"{"jsonrpc":"2.0","id":1,"result":1}"#,
        lsp(request(2)), "[" + request(3) + "]", #"{"id":{"a":1}}"#, "[[[[[[", "]]]]]]",
    ]

    @Test("random streams never break the server", arguments: 0..<40)
    func randomStreams(seed: Int) throws {
        var generator = Generator(state: UInt64(seed))
        var text = ""
        for _ in 0..<Int.random(in: 1...60, using: &generator) {
            text += Self.fragments.randomElement(using: &generator)!
        }
        // Back to a known state: close any open string and brackets, end any header block with
        // a blank line, then a `{}` that is either answered (-32600) or skipped as the body of
        // headers without a usable Content-Length. The request after it must be answered.
        text += "\"" + String(repeating: "]", count: 8) + String(repeating: "}", count: 8) + "\n\n{}\n"
        let sentinel = #"{"jsonrpc":"2.0","id":"fin","method":"echo","params":["ok"]}"#
        let chunkSizes = (0..<5).map { _ in Int.random(in: 1...40, using: &generator) }
        let (frames, _, _) = try serve(text + sentinel + "\n", chunkSizes: chunkSizes, maxMessageBytes: 4096)
        #expect(frames.last?.value == ["jsonrpc": "2.0", "id": "fin", "result": ["ok"]], "seed \(seed)")
    }

    @Test("random bytes never crash the reader", arguments: 0..<20)
    func randomBytes(seed: Int) {
        var generator = Generator(state: UInt64(seed) &+ 1000)
        let bytes = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var reader = MessageReader(maxMessageBytes: 256)
        var count = 0
        for chunk in bytes.chunks(of: 37) {
            reader.append(chunk)
            while reader.nextMessage() != nil {
                count += 1
            }
        }
        _ = reader.finish()
        #expect(count >= 0)
    }
}
