import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor (standard input by default) with `read(2)`, retrying on `EINTR`.
/// No Foundation buffering sits in between, so a message is handled as soon as it arrives.
public struct FileDescriptorSource: ByteSource, Sendable {
    public let fileDescriptor: Int32

    public init(fileDescriptor: Int32 = STDIN_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    public func read(maxLength: Int) throws -> Data {
        var bytes = [UInt8](repeating: 0, count: max(1, maxLength))
        while true {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fileDescriptor, buffer.baseAddress, buffer.count)
            }
            if count >= 0 {
                return Data(bytes[0..<count])
            }
            if errno == EINTR {
                continue
            }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                FileDescriptorPoll.wait(for: fileDescriptor, events: Int16(POLLIN))
                continue
            }
            throw TransportError.readFailed(errno: errno)
        }
    }
}

/// `read(2)`, named apart from `ByteSource.read(maxLength:)`, which would shadow it.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
