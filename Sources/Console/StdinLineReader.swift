import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor (stdin in pipe mode): no prompt, no echo, no history.
/// Lines longer than `maxLineBytes` are skipped (reported as invalid) without being kept in
/// memory, and bytes that are not UTF-8 make the line invalid rather than crashing.
public final class StdinLineReader: LineReader {
    private let fileDescriptor: Int32
    private let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    public init(fileDescriptor: Int32 = 0, maxLineBytes: Int = 1 << 20) {
        self.fileDescriptor = fileDescriptor
        self.maxLineBytes = maxLineBytes
    }

    public func remember(_ line: String) {}

    public func nextLine(prompt: String) -> LineInput? {
        var oversized = false
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = Array(buffer[start..<end])
                start = newline + 1
                compact()
                if oversized || line.count > maxLineBytes { return .invalid(reason: tooLong) }
                return decode(line)
            }
            if buffer.count - start > maxLineBytes {
                // Drop what we have of the oversized line and keep reading to its end.
                oversized = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if atEnd {
                guard start < buffer.count || oversized else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                if oversized || line.count > maxLineBytes { return .invalid(reason: tooLong) }
                return decode(line)
            }
            fill()
        }
    }

    private var tooLong: String {
        let limit =
            maxLineBytes >= 1 << 20 && maxLineBytes % (1 << 20) == 0
            ? "\(maxLineBytes >> 20)\u{A0}Mio" : maxLineBytes >= 1024 ? "\(maxLineBytes / 1024)\u{A0}Kio" : "\(maxLineBytes)\u{A0}octets"
        return "elle dépasse \(limit) (une commande tient sur une ligne)"
    }

    private func decode(_ bytes: [UInt8]) -> LineInput {
        var bytes = bytes
        // A byte-order mark at the start of a file is not part of the command.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .invalid(reason: "la ligne n’est pas du texte UTF-8 (encodage Windows-1252 ou fichier binaire\u{202F}?)")
        }
        return .text(text)
    }

    private func compact() {
        if start > 65_536 && start * 2 > buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func fill() {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, 65_536) }
            if count > 0 {
                buffer.append(contentsOf: chunk[0..<count])
                return
            }
            if count < 0 && errno == EINTR { continue }
            atEnd = true
            return
        }
    }
}
