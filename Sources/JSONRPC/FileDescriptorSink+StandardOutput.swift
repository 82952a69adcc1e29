#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// In RPC mode standard output belongs to the protocol: this keeps it for the protocol alone,
/// so a stray `print` anywhere in the process can never corrupt the stream.
extension FileDescriptorSink {
    /// A sink on a private copy of standard output; descriptor 1 is then pointed at standard
    /// error, where anything else printed ends up. Call once, at startup, before serving.
    /// Also ignore `SIGPIPE` in the process, so a vanished peer ends the loop with `EPIPE`.
    /// (The descriptors can be changed, for tests.)
    public static func reservingStandardOutput(
        _ output: Int32 = STDOUT_FILENO, redirectingTo replacement: Int32 = STDERR_FILENO
    ) throws(TransportError) -> FileDescriptorSink {
        fflush(nil)
        let protocolOutput = dup(output)
        guard protocolOutput >= 0 else { throw .writeFailed(errno: errno) }
        guard dup2(replacement, output) >= 0 else {
            let code = errno
            close(protocolOutput)
            throw .writeFailed(errno: code)
        }
        return FileDescriptorSink(fileDescriptor: protocolOutput)
    }
}
