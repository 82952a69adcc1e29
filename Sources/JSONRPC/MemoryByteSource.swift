import Foundation

/// An in-memory `ByteSource` for tests and fuzzers: serves its bytes in chunks of the given
/// sizes (cycled), so partial reads can be exercised down to one byte at a time.
public final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSizes: [Int]
    private var offset = 0
    private var readCount = 0

    /// - Parameter chunkSizes: sizes of successive reads, repeated; empty means all at once.
    public init(_ data: some Sequence<UInt8>, chunkSizes: [Int] = []) {
        self.bytes = Array(data)
        self.chunkSizes = chunkSizes.map { max(1, $0) }
    }

    /// The text as UTF-8.
    public convenience init(_ text: String, chunkSizes: [Int] = []) {
        self.init(Array(text.utf8), chunkSizes: chunkSizes)
    }

    public func read(maxLength: Int) throws -> Data {
        let planned = chunkSizes.isEmpty ? Int.max : chunkSizes[readCount % chunkSizes.count]
        let count = min(planned, maxLength, bytes.count - offset)
        defer {
            offset += count
            readCount += 1
        }
        return Data(bytes[offset..<offset + count])
    }
}
