import Foundation

/// Where a connection reads its input from: standard input in production, memory in tests.
public protocol ByteSource {
    /// Returns up to `maxLength` bytes, blocking until at least one is available; an empty
    /// result means end of input.
    func read(maxLength: Int) throws -> Data
}
