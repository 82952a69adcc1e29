import Foundation

/// Where a connection writes its output: standard output in production, memory in tests.
/// Shared across threads (a notification may be sent while a request is handled), so it is
/// `Sendable`; `MessageWriter` serialises the calls.
public protocol ByteSink: Sendable {
    /// Writes all of `data`, or throws.
    func write(_ data: Data) throws
}
