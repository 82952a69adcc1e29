import Foundation

/// Frames outgoing messages and writes each one whole: a lock makes sure a notification
/// sent from another thread can never interleave with a response.
public final class MessageWriter: Sendable {
    private let sink: any ByteSink
    private let lock = NSLock()

    public init(sink: any ByteSink) {
        self.sink = sink
    }

    /// Writes `body` framed as `framing`, in a single call to the sink.
    public func write(_ body: Data, framing: Framing) throws {
        let frame = Self.frame(body, framing: framing)
        try lock.withLock {
            try sink.write(frame)
        }
    }

    /// `Content-Length: N\r\n\r\n` + body, or body + `\n`.
    public static func frame(_ body: Data, framing: Framing) -> Data {
        switch framing {
        case .contentLength:
            var frame = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
            frame.append(body)
            return frame
        case .newline:
            var frame = body
            frame.append(ASCII.lineFeed)
            return frame
        }
    }
}
