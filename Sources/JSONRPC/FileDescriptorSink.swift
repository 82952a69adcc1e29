import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to a file descriptor (standard output by default) with `write(2)`, looping until
/// every byte is out and retrying on `EINTR`, so a short write never truncates a message.
public struct FileDescriptorSink: ByteSink {
    public let fileDescriptor: Int32

    public init(fileDescriptor: Int32 = STDOUT_FILENO) {
        self.fileDescriptor = fileDescriptor
    }

    public func write(_ data: Data) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fileDescriptor, base + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EINTR {
                    continue
                } else if errno == EAGAIN || errno == EWOULDBLOCK {
                    FileDescriptorPoll.wait(for: fileDescriptor, events: Int16(POLLOUT))
                } else {
                    throw TransportError.writeFailed(errno: errno)
                }
            }
        }
    }
}

/// `write(2)`, named apart from `ByteSink.write(_:)`, which would shadow it.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
