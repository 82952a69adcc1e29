import Foundation

/// An in-memory `ByteSink` for tests: keeps everything written, and each write separately.
public final class MemoryByteSink: ByteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [Data] = []

    public init() {}

    public func write(_ data: Data) throws {
        lock.withLock { chunks.append(data) }
    }

    /// Every write, in order.
    public var writes: [Data] {
        lock.withLock { chunks }
    }

    /// All bytes written so far.
    public var data: Data {
        lock.withLock { chunks.reduce(into: Data()) { $0.append($1) } }
    }

    /// All bytes written so far, as UTF-8 text.
    public var text: String {
        String(decoding: data, as: UTF8.self)
    }
}
