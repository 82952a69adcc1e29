import Foundation
import JSONRPC
import Testing

@Suite("MessageWriter")
struct MessageWriterTests {
    @Test("frames a body for each framing")
    func frames() throws {
        let body = Data(#"{"é":1}"#.utf8)
        #expect(MessageWriter.frame(body, framing: .contentLength) == Data("Content-Length: 8\r\n\r\n{\"é\":1}".utf8))
        #expect(MessageWriter.frame(body, framing: .newline) == Data("{\"é\":1}\n".utf8))
    }

    @Test("writes each frame in one call to the sink")
    func oneWritePerFrame() throws {
        let sink = MemoryByteSink()
        let writer = MessageWriter(sink: sink)
        try writer.write(Data("[]".utf8), framing: .contentLength)
        try writer.write(Data("{}".utf8), framing: .newline)
        #expect(sink.writes == [Data("Content-Length: 2\r\n\r\n[]".utf8), Data("{}\n".utf8)])
        #expect(sink.text == "Content-Length: 2\r\n\r\n[]{}\n")
    }

    @Test("the memory source serves the chunk sizes asked for")
    func memorySource() throws {
        let source = MemoryByteSource("abcdefg", chunkSizes: [1, 3])
        var reads: [String] = []
        while case let chunk = try source.read(maxLength: 2), !chunk.isEmpty {
            reads.append(String(decoding: chunk, as: UTF8.self))
        }
        #expect(reads == ["a", "bc", "d", "ef", "g"])
    }
}
