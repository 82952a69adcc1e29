import Console
import Dispatch
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Feeds `pieces` into a pipe made with `pipe()` from another thread (one `write` per piece,
/// with a pause between pieces so that they arrive in separate reads), and reads every line
/// back with a `StdinLineReader` on the read end until it returns `nil`.
func readLines(_ pieces: [[UInt8]], maxLineBytes: Int = 1 << 20, pause: useconds_t = 20_000) throws -> [LineInput] {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    let (readEnd, writeEnd) = (ends[0], ends[1])
    defer { close(readEnd) }
    let written = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        for (index, piece) in pieces.enumerated() {
            if index > 0 { usleep(pause) }
            var offset = 0
            while offset < piece.count {
                let count = piece.withUnsafeBytes { write(writeEnd, $0.baseAddress! + offset, piece.count - offset) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                offset += count
            }
        }
        close(writeEnd)
        written.signal()
    }
    let reader = StdinLineReader(fileDescriptor: readEnd, maxLineBytes: maxLineBytes)
    var lines: [LineInput] = []
    while let line = reader.nextLine(prompt: "") {
        lines.append(line)
        if lines.count > 100_000 { break }
    }
    // End of input is sticky.
    #expect(reader.nextLine(prompt: "") == nil)
    written.wait()
    return lines
}

func readLines(_ text: String, maxLineBytes: Int = 1 << 20) throws -> [LineInput] {
    try readLines([Array(text.utf8)], maxLineBytes: maxLineBytes)
}

extension LineInput {
    var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }

    var invalidReason: String? {
        if case .invalid(let reason) = self { return reason }
        return nil
    }
}

@Suite("StdinLineReader")
struct StdinLineReaderTests {
    @Test("empty input: nil at once")
    func emptyInput() throws {
        #expect(try readLines("") == [])
        #expect(try readLines([]) == [])
    }

    @Test(
        "LF, CRLF and a last line without newline",
        arguments: [
            ("un\ndeux\n", ["un", "deux"]), ("un\r\ndeux\r\n", ["un", "deux"]), ("un\r\ndeux\ntrois\r\n", ["un", "deux", "trois"]),
            ("un\ndeux", ["un", "deux"]), ("un\r\ndeux", ["un", "deux"]), ("seule", ["seule"]), ("\n", [""]), ("\n\n", ["", ""]),
            ("\r\n", [""]), ("a\n\nb\n", ["a", "", "b"]), ("  espaces gardés  \n", ["  espaces gardés  "]),
            ("qui est en retard ?\ncombien me doit Dupont ?", ["qui est en retard ?", "combien me doit Dupont ?"]),
        ])
    func lineEndings(input: String, expected: [String]) throws {
        #expect(try readLines(input) == expected.map(LineInput.text))
    }

    @Test("French text in UTF-8 is read as is")
    func frenchText() throws {
        let text = "Dupont a payé 1 200,50 € — reçu\nCafé de l’Étoile « ok »\n"
        #expect(try readLines(text) == [.text("Dupont a payé 1 200,50 € — reçu"), .text("Café de l’Étoile « ok »")])
    }

    @Test("a UTF-8 byte-order mark at the start is dropped")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("combien me doit Dupont ?\r\naide\n".utf8)
        #expect(try readLines([bytes]) == [.text("combien me doit Dupont ?"), .text("aide")])
        #expect(try readLines([[0xEF, 0xBB, 0xBF]]) == [.text("")])
    }

    @Test(
        "a line that is not UTF-8 is invalid, and the next one is read",
        arguments: [
            [0x63, 0x61, 0x66, 0xE9],  // "café" in Windows-1252
            [0xFF, 0xFE, 0x00, 0x41],  // UTF-16 little-endian
            [0xC3],  // a truncated sequence
            [0xED, 0xA0, 0x80],  // a surrogate
            [0xC0, 0xAF],  // an overlong encoding
        ] as [[UInt8]])
    func invalidUTF8(_ bad: [UInt8]) throws {
        let lines = try readLines([Array("avant\n".utf8) + bad + Array("\napres\n".utf8)])
        #expect(lines.count == 3)
        #expect(lines.first == .text("avant"))
        #expect(lines.dropFirst().first?.isInvalid == true)
        #expect(lines.dropFirst().first?.invalidReason?.contains("UTF-8") == true)
        #expect(lines.last == .text("apres"))
        // Also as the very last line, without newline.
        let last = try readLines([Array("avant\n".utf8) + bad])
        #expect(last.count == 2)
        #expect(last.last?.isInvalid == true)
    }

    @Test("a character split across two reads is put back together")
    func splitCharacter() throws {
        let bytes = Array("café €\n".utf8)
        let euro = bytes.count - 2  // inside "€" (3 bytes)
        let pieces = [Array(bytes[..<4]), Array(bytes[4..<euro]), Array(bytes[euro...])]
        #expect(try readLines(pieces) == [.text("café €")])
        #expect(try readLines([Array("un\r".utf8), Array("\ndeux".utf8)]) == [.text("un"), .text("deux")])
    }

    @Test("many lines across many reads, in order")
    func manyLines() throws {
        let lines = (1...20_000).map { "ligne n°\($0) — combien me doit Dupont ?" }
        let text = lines.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        #expect(bytes.count > 3 * 65_536)
        let pieces = stride(from: 0, to: bytes.count, by: 50_000).map { Array(bytes[$0..<min(bytes.count, $0 + 50_000)]) }
        #expect(try readLines(pieces, pause: 1_000) == lines.map(LineInput.text))
    }

    @Test("a line at the limit is read")
    func lineAtLimit() throws {
        let line = String(repeating: "a", count: 64)
        #expect(try readLines(line + "\nsuite\n", maxLineBytes: 64) == [.text(line), .text("suite")])
    }

    @Test("a line longer than maxLineBytes is invalid and the next line is still read (line spread over several reads)")
    func oversizedAcrossReads() throws {
        // 200 000 bytes: more than a pipe holds and than one read of the reader.
        let long = Array(repeating: UInt8(ascii: "x"), count: 200_000)
        let lines = try readLines([long, Array("\nsuite\n".utf8)], maxLineBytes: 1_024)
        #expect(lines.count == 2)
        #expect(lines.first?.isInvalid == true)
        #expect(lines.first?.invalidReason?.contains("dépasse") == true)
        #expect(lines.last == .text("suite"))
        // The same as the last line of the input.
        let last = try readLines([Array("avant\n".utf8), long], maxLineBytes: 1_024)
        #expect(last.first == .text("avant"))
        #expect(last.count == 2)
        #expect(last.last?.isInvalid == true)
    }

    @Test(
        "a line longer than maxLineBytes is invalid even when it arrives in one read with its newline",
        arguments: [100, 1_000, 60_000])
    func oversizedInOneRead(length: Int) throws {
        // `StdinLineReader.nextLine` (StdinLineReader.swift:29-36) returns any line whose
        // newline is already in the buffer without comparing its length to `maxLineBytes`:
        // the limit only catches lines still without newline after a read.
        let text = String(repeating: "x", count: length) + "\nsuite\n"
        let lines = try readLines(text, maxLineBytes: 16)
        #expect(lines.count == 2)
        #expect(lines.first?.isInvalid == true, "a \(length)-byte line passed a 16-byte limit")
        #expect(lines.last == .text("suite"))
    }
}
