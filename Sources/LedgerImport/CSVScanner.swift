import Foundation

/// An RFC 4180 record reader over the raw bytes of a file: separators inside quotes, doubled
/// quotes, newlines inside quoted fields, CRLF, LF or CR line ends, and the physical line on
/// which each record starts.
///
/// Written over bytes rather than with a CSV package: SwiftCSV parses a whole `String` in
/// memory and CSV.swift reads Unicode scalars from a stream in UTF-8/16/32 only; neither keeps
/// physical line numbers for records with embedded newlines, nor reads Windows-1252. Scanning
/// the memory-mapped bytes and decoding only the fields used reads a million lines in well
/// under a second (see `encaisse-bench`).
struct CSVScanner {
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
        var escapedQuotes: Bool
    }

    struct Record {
        var line: Int
        var fields: [Field]
        /// A quote opened and never closed before the end of the file.
        var unterminated: Bool
    }

    let text: TextBytes
    let separator: UInt8
    private(set) var position: Int
    private(set) var line = 1

    init(text: TextBytes, separator: UInt8) {
        self.text = text
        self.separator = separator
        self.position = text.start
    }

    var bytesRead: Int { position }

    /// The next record, or `nil` at the end; blank lines are skipped.
    mutating func next() -> Record? {
        let separator = self.separator
        var position = self.position
        var line = self.line
        let result: Record? = text.data.withUnsafeBytes { raw -> Record? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let count = bytes.count
            while position < count {
                // Skip blank lines.
                let byte = bytes[position]
                if byte == 0x0A {
                    line += 1
                    position += 1
                    continue
                }
                if byte == 0x0D {
                    line += 1
                    position += (position + 1 < count && bytes[position + 1] == 0x0A) ? 2 : 1
                    continue
                }
                break
            }
            guard position < count else { return nil }
            var record = Record(line: line, fields: [], unterminated: false)
            while true {
                if position < count && bytes[position] == 0x22 {
                    // Quoted field.
                    position += 1
                    let start = position
                    var escaped = false
                    var closed = false
                    while position < count {
                        let byte = bytes[position]
                        if byte == 0x22 {
                            if position + 1 < count && bytes[position + 1] == 0x22 {
                                escaped = true
                                position += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        if byte == 0x0A || (byte == 0x0D && !(position + 1 < count && bytes[position + 1] == 0x0A)) { line += 1 }
                        position += 1
                    }
                    var field = Field(start: start, end: position, quoted: true, escapedQuotes: escaped)
                    if !closed {
                        record.unterminated = true
                        record.fields.append(field)
                        return record
                    }
                    position += 1  // the closing quote
                    // Text after the closing quote up to the separator is kept: `"abc"def`.
                    while position < count && bytes[position] != separator && bytes[position] != 0x0A && bytes[position] != 0x0D {
                        position += 1
                    }
                    if position > field.end + 1 { field = Field(start: start, end: position, quoted: true, escapedQuotes: true) }
                    record.fields.append(field)
                } else {
                    let start = position
                    while position < count && bytes[position] != separator && bytes[position] != 0x0A && bytes[position] != 0x0D {
                        position += 1
                    }
                    record.fields.append(Field(start: start, end: position, quoted: false, escapedQuotes: false))
                }
                if position < count && bytes[position] == separator {
                    position += 1
                    continue
                }
                // End of record.
                if position < count {
                    line += 1
                    position += (bytes[position] == 0x0D && position + 1 < count && bytes[position + 1] == 0x0A) ? 2 : 1
                }
                return record
            }
        }
        self.position = position
        self.line = line
        return result
    }

    /// The text of a field, unquoted and trimmed.
    func string(_ field: Field) -> String {
        let value: String = text.data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            // Spaces and tabs around the value are trimmed on the bytes, before decoding.
            var start = field.start
            var end = field.end
            while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
            while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
            return text.decode(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        guard field.escapedQuotes else { return value }
        // `""` stands for one quote; a lone quote is the end of `"abc"def`.
        return value.replacingOccurrences(of: "\"\"", with: "\u{0}").replacingOccurrences(of: "\"", with: "")
            .replacingOccurrences(of: "\u{0}", with: "\"").trimmingCharacters(in: .whitespaces)
    }

    /// Counts the candidate separators, outside quotes, on each of the first ten lines and
    /// picks the one a line has most of (`;` wins a tie, then tab, then `,`, then `|`): a title
    /// line above the table has none.
    static func detectSeparator(_ text: TextBytes) -> UInt8? {
        text.data.withUnsafeBytes { raw -> UInt8? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let order: [UInt8] = [0x3B, 0x09, 0x2C, 0x7C]
            var best: [UInt8: Int] = [0x3B: 0, 0x09: 0, 0x2C: 0, 0x7C: 0]
            var counts = best
            var inQuotes = false
            var lines = 0
            var index = text.start
            while index < bytes.count && lines < 10 {
                let byte = bytes[index]
                if byte == 0x22 { inQuotes.toggle() }
                if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                    for candidate in order { best[candidate] = max(best[candidate]!, counts[candidate]!) }
                    counts = [0x3B: 0, 0x09: 0, 0x2C: 0, 0x7C: 0]
                    if byte == 0x0A { lines += 1 }
                } else if !inQuotes, counts[byte] != nil {
                    counts[byte]! += 1
                }
                index += 1
            }
            for candidate in order { best[candidate] = max(best[candidate]!, counts[candidate]!) }
            var choice: UInt8 = 0x3B
            for candidate in order.dropFirst() where best[candidate]! > best[choice]! { choice = candidate }
            return best[choice]! > 0 ? choice : nil
        }
    }
}
