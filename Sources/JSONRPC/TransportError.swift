import Foundation

/// A failure of the byte stream itself, as opposed to a bad message (`ResponseError`).
public enum TransportError: Error, Sendable, Hashable {
    /// `read(2)` failed with this `errno`.
    case readFailed(errno: Int32)
    /// `write(2)` failed with this `errno` (`EPIPE` when the peer has gone).
    case writeFailed(errno: Int32)
}

extension TransportError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .readFailed(let code):
            return "Lecture impossible sur l’entrée\u{A0}: \(String(cString: strerror(code)))"
        case .writeFailed(let code):
            return "Écriture impossible sur la sortie\u{A0}: \(String(cString: strerror(code)))"
        }
    }
}
