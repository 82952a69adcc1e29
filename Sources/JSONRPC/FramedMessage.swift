import Foundation

/// One message cut out of the input stream by `MessageReader`, not yet parsed: its framing,
/// and either its bytes or the reason it has none.
public struct FramedMessage: Sendable, Hashable {
    /// What the reader found in the frame.
    public enum Payload: Sendable, Hashable {
        /// The message body (JSON, or whatever the peer sent in its place).
        case data(Data)
        /// A message larger than the limit, skipped without being buffered whole.
        case oversized
        /// Headers without a usable `Content-Length`; the French reason says why.
        case badHeader(String)
    }

    public var framing: Framing
    public var payload: Payload

    public init(framing: Framing, payload: Payload) {
        self.framing = framing
        self.payload = payload
    }
}
