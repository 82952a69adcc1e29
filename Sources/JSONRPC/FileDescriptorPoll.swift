#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Blocks until a non-blocking descriptor is ready, so reads and writes on one never spin.
enum FileDescriptorPoll {
    static func wait(for fileDescriptor: Int32, events: Int16) {
        var request = pollfd(fd: fileDescriptor, events: events, revents: 0)
        _ = poll(&request, 1, -1)
    }
}
