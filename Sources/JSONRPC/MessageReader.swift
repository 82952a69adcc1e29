import Foundation

/// Cuts an input byte stream into messages, detecting the framing of each one: LSP
/// `Content-Length` headers or newline-delimited JSON. A pure state machine with no I/O:
/// feed it bytes in chunks of any size (even one at a time) with `append`, then take
/// messages with `nextMessage()` until it returns `nil`, and call `finish()` at end of input.
///
/// Memory stays bounded: a message over `maxMessageBytes` is reported as `.oversized` as soon
/// as that is known, and the rest of it is dropped as it streams in.
public struct MessageReader: Sendable {
    /// 64 MiB.
    public static let defaultMaxMessageBytes = 64 << 20
    /// The most header bytes accepted before the blank line that ends them.
    public static let maxHeaderBytes = 8 << 10
    /// The longest header name: a longer run of name characters is an invalid line.
    static let maxHeaderNameBytes = 256

    /// The largest body accepted, in bytes.
    public let maxMessageBytes: Int

    private var buffer: [UInt8] = []
    /// Where unconsumed bytes start in `buffer`; every offset in `state` is relative to it.
    private var head = 0
    private var state = State.idle

    private enum State: Sendable {
        /// Between messages: skipping blank space, then deciding the framing.
        case idle
        /// Reading `Name: value` lines; `scanned` bytes of the current line already searched.
        case headers(contentLength: ContentLength, size: Int, scanned: Int)
        /// Waiting for a body of `length` bytes.
        case body(length: Int)
        /// Dropping the rest of an oversized `Content-Length` body.
        case skipBody(remaining: Int)
        /// After unusable headers: skip the body that follows if it is a JSON value.
        case resync
        /// A newline-framed JSON value, kept or (when oversized or after bad headers) dropped.
        case json(JSONBoundaryScanner, scanned: Int, discarding: Bool)
        /// A line that is neither headers nor JSON: an invalid message ending at its newline.
        case line(scanned: Int, discarding: Bool)
    }

    private enum ContentLength: Sendable {
        case missing
        case value(Int)
        case invalid(String)
    }

    /// What one step of the state machine produced.
    private enum Step {
        case message(FramedMessage)
        case needMore
        case proceed
    }

    public init(maxMessageBytes: Int = MessageReader.defaultMaxMessageBytes) {
        self.maxMessageBytes = maxMessageBytes
    }

    /// Bytes held in memory, consumed or not: what the memory bound is about (for tests).
    var bufferedByteCount: Int { buffer.count }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if head > 0 && head >= buffer.count / 2 {
            buffer.removeSubrange(0..<head)
            head = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message, or `nil` when more bytes are needed.
    public mutating func nextMessage() -> FramedMessage? {
        while true {
            let step: Step
            switch state {
            case .idle:
                step = startMessage()
            case .headers(let contentLength, let size, let scanned):
                step = readHeaderLine(contentLength: contentLength, size: size, scanned: scanned)
            case .body(let length):
                step = readBody(length: length)
            case .skipBody(let remaining):
                step = skipBody(remaining: remaining)
            case .resync:
                step = resynchronise()
            case .json(let scanner, let scanned, let discarding):
                step = readJSON(scanner, scanned: scanned, discarding: discarding)
            case .line(let scanned, let discarding):
                step = readLine(scanned: scanned, discarding: discarding)
            }
            switch step {
            case .message(let message):
                return message
            case .needMore:
                return nil
            case .proceed:
                continue
            }
        }
    }

    /// At end of input: the last newline-framed message if it lacked its final newline.
    /// Call once `nextMessage()` has returned `nil`; a partial `Content-Length` frame is
    /// dropped. The reader is empty afterwards.
    public mutating func finish() -> FramedMessage? {
        defer {
            buffer = []
            head = 0
            state = .idle
        }
        switch state {
        case .idle, .json(_, _, false), .line(_, false):
            let rest = buffer[head...]
            guard rest.contains(where: { !ASCII.isWhitespace($0) }) else { return nil }
            guard rest.count <= maxMessageBytes else {
                return FramedMessage(framing: .newline, payload: .oversized)
            }
            return FramedMessage(framing: .newline, payload: .data(Data(rest)))
        default:
            return nil
        }
    }

    // MARK: - Steps

    /// Skips blank space, then picks the framing from the first bytes: JSON starts with a
    /// bracket, headers with `Name:`, anything else is an invalid line.
    private mutating func startMessage() -> Step {
        skipWhitespace()
        guard head < buffer.count else { return .needMore }
        let first = buffer[head]
        if first == ASCII.openBrace || first == ASCII.openBracket {
            state = .json(JSONBoundaryScanner(), scanned: 0, discarding: false)
            return .proceed
        }
        var index = head
        while index < buffer.count && index - head <= Self.maxHeaderNameBytes
            && ASCII.isTokenCharacter(buffer[index])
        {
            index += 1
        }
        if index == buffer.count && index - head <= Self.maxHeaderNameBytes {
            return .needMore
        }
        if index > head && index < buffer.count && buffer[index] == ASCII.colon {
            state = .headers(contentLength: .missing, size: 0, scanned: 0)
        } else {
            state = .line(scanned: 0, discarding: false)
        }
        return .proceed
    }

    /// Reads one header line, or the blank line that ends the headers.
    private mutating func readHeaderLine(contentLength: ContentLength, size: Int, scanned: Int) -> Step {
        guard let lineEnd = firstLineFeed(from: head + scanned, to: buffer.count) else {
            let scanned = buffer.count - head
            guard size + scanned <= Self.maxHeaderBytes else {
                state = .line(scanned: scanned, discarding: true)
                return .message(badHeader("en-têtes trop longs"))
            }
            state = .headers(contentLength: contentLength, size: size, scanned: scanned)
            return .needMore
        }
        let line = self.line(endingAt: lineEnd)
        if line.isEmpty {
            head = lineEnd + 1
            return endOfHeaders(contentLength)
        }
        guard let (name, value) = Self.header(in: line) else {
            // Not a header: the blank line is missing. Report the frame, and read this line
            // again as the start of the next message.
            state = .idle
            return .message(badHeader("ligne vide attendue après les en-têtes"))
        }
        let size = size + lineEnd + 1 - head
        head = lineEnd + 1
        guard size <= Self.maxHeaderBytes else {
            state = .resync
            return .message(badHeader("en-têtes trop longs"))
        }
        let isContentLength = name.lowercased() == "content-length"
        state = .headers(
            contentLength: isContentLength ? Self.contentLength(from: value) : contentLength,
            size: size,
            scanned: 0
        )
        return .proceed
    }

    /// What the blank line after the headers leads to: the body, or an error frame.
    private mutating func endOfHeaders(_ contentLength: ContentLength) -> Step {
        switch contentLength {
        case .value(let length) where length > maxMessageBytes:
            state = .skipBody(remaining: length)
            return .message(FramedMessage(framing: .contentLength, payload: .oversized))
        case .value(let length):
            state = .body(length: length)
            return .proceed
        case .missing:
            state = .resync
            return .message(badHeader("en-tête \(ResponseError.quoted("Content-Length")) absent"))
        case .invalid(let reason):
            state = .resync
            return .message(badHeader(reason))
        }
    }

    private mutating func readBody(length: Int) -> Step {
        guard buffer.count - head >= length else { return .needMore }
        let body = Data(buffer[head..<head + length])
        head += length
        state = .idle
        return .message(FramedMessage(framing: .contentLength, payload: .data(body)))
    }

    private mutating func skipBody(remaining: Int) -> Step {
        let dropped = min(remaining, buffer.count - head)
        head += dropped
        guard dropped == remaining else {
            state = .skipBody(remaining: remaining - dropped)
            return .needMore
        }
        state = .idle
        return .proceed
    }

    /// After headers without a usable length, the body's extent is unknown: if a JSON value
    /// follows, skip it up to its closing bracket; otherwise start afresh.
    private mutating func resynchronise() -> Step {
        skipWhitespace()
        guard head < buffer.count else { return .needMore }
        let first = buffer[head]
        if first == ASCII.openBrace || first == ASCII.openBracket {
            let scanner = JSONBoundaryScanner(endsAtClosingBracket: true)
            state = .json(scanner, scanned: 0, discarding: true)
        } else {
            state = .idle
        }
        return .proceed
    }

    private mutating func readJSON(_ scanner: JSONBoundaryScanner, scanned: Int, discarding: Bool) -> Step {
        var scanner = scanner
        let end = scanLimit(discarding: discarding)
        let outcome = buffer.withUnsafeBufferPointer { pointer in
            scanner.scan(UnsafeBufferPointer(rebasing: pointer[head..<end]), from: scanned)
        }
        switch outcome {
        case .complete(let messageEnd, let resume):
            let body = discarding ? nil : Data(buffer[head..<head + messageEnd])
            head += resume
            state = .idle
            guard let body else { return .proceed }
            return .message(FramedMessage(framing: .newline, payload: .data(body)))
        case .needMore:
            return noBoundary(until: end, discarding: discarding) {
                .json(scanner, scanned: $0, discarding: $1)
            }
        }
    }

    private mutating func readLine(scanned: Int, discarding: Bool) -> Step {
        let end = scanLimit(discarding: discarding)
        guard let lineEnd = firstLineFeed(from: head + scanned, to: end) else {
            return noBoundary(until: end, discarding: discarding) {
                .line(scanned: $0, discarding: $1)
            }
        }
        let line = self.line(endingAt: lineEnd)
        head = lineEnd + 1
        state = .idle
        guard !discarding else { return .proceed }
        return .message(FramedMessage(framing: .newline, payload: .data(Data(line))))
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while head < buffer.count && ASCII.isWhitespace(buffer[head]) {
            head += 1
        }
    }

    /// The bytes from `head` to a line feed, without it or a carriage return before it.
    private func line(endingAt lineEnd: Int) -> ArraySlice<UInt8> {
        let line = buffer[head..<lineEnd]
        return line.last == ASCII.carriageReturn ? line.dropLast() : line
    }

    /// The end of the bytes to scan for a newline-framed message: all of them when
    /// discarding, else no more than one byte past the limit.
    private func scanLimit(discarding: Bool) -> Int {
        discarding ? buffer.count : min(buffer.count, head + maxMessageBytes + 1)
    }

    /// No boundary before `end`: drop the bytes if discarding, report the message as
    /// oversized once it passes the limit, else remember how far the scan went.
    private mutating func noBoundary(
        until end: Int, discarding: Bool, _ resume: (_ scanned: Int, _ discarding: Bool) -> State
    ) -> Step {
        let scanned = end - head
        if discarding {
            head = end
            state = resume(0, true)
            return .needMore
        }
        if scanned > maxMessageBytes {
            head = end
            state = resume(0, true)
            return .message(FramedMessage(framing: .newline, payload: .oversized))
        }
        state = resume(scanned, false)
        return .needMore
    }

    private func firstLineFeed(from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        return buffer[start..<end].firstIndex(of: ASCII.lineFeed)
    }

    private func badHeader(_ reason: String) -> FramedMessage {
        FramedMessage(framing: .contentLength, payload: .badHeader(reason))
    }

    // MARK: - Header parsing

    /// `(name, value)` for a `Name: value` line, or `nil` if the line is not a header.
    private static func header(in line: ArraySlice<UInt8>) -> (String, String)? {
        guard let colon = line.firstIndex(of: ASCII.colon), colon > line.startIndex,
            line[line.startIndex..<colon].allSatisfy(ASCII.isTokenCharacter)
        else { return nil }
        let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
        let value = String(decoding: line[(colon + 1)...], as: UTF8.self)
        return (name, value.trimmingCharacters(in: .whitespaces))
    }

    /// The value of a `Content-Length` header, or why it is unusable (in French).
    private static func contentLength(from value: String) -> ContentLength {
        func isDigits(_ text: Substring) -> Bool {
            !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        }
        let name = ResponseError.quoted("Content-Length")
        let shown = ResponseError.quoted(value.count > 40 ? value.prefix(40) + "…" : value)
        if isDigits(value[...]) {
            guard let length = Int(value) else {
                return .invalid("valeur de \(name) trop grande\u{A0}: \(shown)")
            }
            return .value(length)
        }
        if value.hasPrefix("-") && isDigits(value.dropFirst()) {
            return .invalid("valeur de \(name) négative\u{A0}: \(shown)")
        }
        return .invalid("valeur de \(name) non numérique\u{A0}: \(shown)")
    }
}
