import Foundation

/// A JSON-RPC 2.0 server endpoint over a byte stream (stdin/stdout in production): reads
/// messages in either framing, answers each in the framing it came in, and survives any bad
/// input. Knows nothing of the application, which plugs in as a `JSONRPCHandler`.
///
/// Messages are handled one at a time, in order, on the thread that calls `run`. The only
/// state shared with other threads (the framing used by `sendNotification`) is behind a
/// lock, and the writer serialises its own writes, hence `@unchecked Sendable`.
public final class JSONRPCConnection: @unchecked Sendable {
    /// Bytes asked of the input per read.
    public static let readChunkSize = 64 << 10

    /// The largest message accepted; bigger ones are skipped and answered with `-32600`.
    public let maxMessageBytes: Int

    /// Read only by `run`, on its thread.
    private let input: any ByteSource
    private let writer: MessageWriter
    private let lock = NSLock()
    /// The framing of the message being handled, then of the last one handled (guarded by
    /// `lock`).
    private var currentFraming: Framing?
    private var lastFraming: Framing?

    public init(
        input: any ByteSource,
        output: any ByteSink,
        maxMessageBytes: Int = MessageReader.defaultMaxMessageBytes
    ) {
        self.input = input
        self.writer = MessageWriter(sink: output)
        self.maxMessageBytes = maxMessageBytes
    }

    /// Serves messages until end of input, a failed read or write, or `handler.shouldStop`;
    /// then returns normally. Bad input never ends it: the next valid message is answered.
    public func run(handler: any JSONRPCHandler) {
        var reader = MessageReader(maxMessageBytes: maxMessageBytes)
        while true {
            let chunk: Data
            do {
                chunk = try input.read(maxLength: Self.readChunkSize)
            } catch {
                return
            }
            guard !chunk.isEmpty else {
                if let last = reader.finish() {
                    _ = process(last, handler: handler)
                }
                return
            }
            reader.append(chunk)
            while let message = reader.nextMessage() {
                guard process(message, handler: handler) else { return }
            }
        }
    }

    /// Sends a notification (such as `progress` during long work), in the framing of the
    /// message being handled, else of the last one, else `Content-Length`. Safe from any
    /// thread; a failed write is ignored, as the read loop will notice the peer is gone.
    public func sendNotification(method: String, params: JSONValue?) {
        let framing = lock.withLock { currentFraming ?? lastFraming ?? .contentLength }
        let notification = JSONRPCNotification(method: method, params: params)
        guard let body = try? notification.jsonValue.jsonData() else { return }
        try? writer.write(body, framing: framing)
    }

    /// Answers one framed message and writes the answer; `false` when the loop must end.
    private func process(_ message: FramedMessage, handler: any JSONRPCHandler) -> Bool {
        lock.withLock { currentFraming = message.framing }
        defer {
            lock.withLock {
                lastFraming = message.framing
                currentFraming = nil
            }
        }
        if let response = respond(to: message, handler: handler) {
            do {
                try writer.write(response, framing: message.framing)
            } catch {
                return false
            }
        }
        return !handler.shouldStop
    }
}
