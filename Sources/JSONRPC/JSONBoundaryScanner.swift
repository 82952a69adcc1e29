/// Finds where a newline-delimited JSON message ends, resuming across partial reads.
///
/// A message ends at a newline where the bracket depth (counted outside strings, honouring
/// escapes) is back to zero, so pretty-printed values spanning lines work. Two more rules
/// keep one malformed message from swallowing the ones after it, and never split valid JSON:
/// a raw newline inside a string ends the message (JSON strings cannot contain one), and a
/// line break where JSON cannot continue (a value followed by another value, such as `}`
/// then `{`) ends the message before the break.
struct JSONBoundaryScanner: Sendable {
    /// Where the message ends and where the next one starts, relative to the scanned bytes.
    enum Outcome: Equatable {
        case needMore
        case complete(end: Int, resume: Int)
    }

    /// Also end the message at the bracket that closes it (used to skip a body whose
    /// `Content-Length` was unreadable, where no newline need follow).
    let endsAtClosingBracket: Bool

    private var depth = 0
    private var inString = false
    private var escaped = false
    private var lastSignificant: UInt8 = 0
    /// The offset of a newline seen at depth > 0, while waiting for the next significant byte
    /// to tell whether the value continues on the next line.
    private var pendingLineEnd: Int?

    init(endsAtClosingBracket: Bool = false) {
        self.endsAtClosingBracket = endsAtClosingBracket
    }

    /// Scans `bytes[start...]`, the bytes of one message from its first byte on.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Outcome {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if let lineEnd = pendingLineEnd {
                if ASCII.isWhitespace(byte) {
                    index += 1
                    continue
                }
                pendingLineEnd = nil
                if !Self.valueContinues(after: lastSignificant, with: byte) {
                    return .complete(end: lineEnd, resume: index)
                }
            }
            if inString {
                if byte == ASCII.lineFeed {
                    return .complete(end: index, resume: index + 1)
                } else if escaped {
                    escaped = false
                } else if byte == ASCII.backslash {
                    escaped = true
                } else if byte == ASCII.quote {
                    inString = false
                }
                index += 1
                continue
            }
            switch byte {
            case ASCII.quote:
                inString = true
            case ASCII.openBrace, ASCII.openBracket:
                depth += 1
            case ASCII.closeBrace, ASCII.closeBracket:
                depth -= 1
                if endsAtClosingBracket && depth <= 0 {
                    return .complete(end: index + 1, resume: index + 1)
                }
            case ASCII.lineFeed:
                if depth <= 0 {
                    return .complete(end: index, resume: index + 1)
                }
                pendingLineEnd = index
                index += 1
                continue
            case ASCII.space, ASCII.tab, ASCII.carriageReturn:
                index += 1
                continue
            default:
                break
            }
            lastSignificant = byte
            index += 1
        }
        return .needMore
    }

    /// Whether JSON allows `next` to follow `last` across a line break: `next` must be able
    /// to start a JSON token (so a header line such as `Content-Length:` cannot continue a
    /// value), and come after an opening bracket, a comma or a colon, or be a closing
    /// bracket, a comma or a colon.
    private static func valueContinues(after last: UInt8, with next: UInt8) -> Bool {
        guard canStartToken(next) else { return false }
        switch last {
        case ASCII.openBrace, ASCII.openBracket, ASCII.comma, ASCII.colon:
            return true
        default:
            break
        }
        switch next {
        case ASCII.closeBrace, ASCII.closeBracket, ASCII.comma, ASCII.colon:
            return true
        default:
            return false
        }
    }

    /// `{ [ ] } , : "`, a digit, `-`, or the first letter of `true`, `false`, `null`.
    private static func canStartToken(_ byte: UInt8) -> Bool {
        switch byte {
        case ASCII.openBrace, ASCII.openBracket, ASCII.closeBrace, ASCII.closeBracket, ASCII.comma,
            ASCII.colon, ASCII.quote, UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }
}
