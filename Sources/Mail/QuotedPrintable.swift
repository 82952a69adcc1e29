/// RFC 2045 §6.7 quoted-printable for a UTF-8 text body.
enum QuotedPrintable {
    /// RFC 2045: encoded lines are no more than 76 characters long, the soft break `=` included.
    static let lineLimit = 76

    /// The encoded lines of `text`, without their CRLF. Line breaks (`\n`, `\r\n` or a lone `\r`)
    /// become hard line breaks; a final line break does not add an empty line.
    ///
    /// `=`, control characters other than tab and every non-ASCII octet are encoded, as are a
    /// space or tab ending a line. A `.` starting a line and the `F` of a line starting with
    /// `From ` are encoded too, so that the body survives SMTP and mbox untouched. Soft breaks
    /// fall between characters, never inside a UTF-8 sequence.
    static func encode(_ text: String) -> [String] {
        var lines: [[Unicode.Scalar]] = [[]]
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        if lines.count > 1 && lines[lines.count - 1].isEmpty { lines.removeLast() }
        if lines == [[]] { return [] }
        return lines.flatMap(encodeLine)
    }

    private static func encodeLine(_ scalars: [Unicode.Scalar]) -> [String] {
        let startsWithFrom = scalars.starts(with: Array("From ".unicodeScalars))
        var tokens: [String] = []
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            let isLast = index == scalars.count - 1
            let mustEncode =
                scalar == "=" || value > 0x7E || (value < 0x20 && scalar != "\t")
                || (isLast && (scalar == " " || scalar == "\t"))
                || (index == 0 && (scalar == "." || startsWithFrom))
            if mustEncode {
                tokens.append(String(scalar).utf8.map { "=" + EncodedWord.hex($0) }.joined())
            } else {
                tokens.append(String(scalar))
            }
        }
        var lines: [String] = []
        var current = ""
        for (index, token) in tokens.enumerated() {
            // Every line but the last needs room for its soft break.
            let limit = index == tokens.count - 1 ? lineLimit : lineLimit - 1
            if current.utf8.count + token.utf8.count > limit {
                lines.append(current + "=")
                current = ""
            }
            current += token
        }
        lines.append(current)
        return lines
    }
}
