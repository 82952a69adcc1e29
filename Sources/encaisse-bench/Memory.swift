import Foundation

#if canImport(Glibc)
    import Glibc
#endif

#if os(Linux)
    /// glibc's `malloc_trim`, which Swift's Glibc module does not export.
    @_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
#endif

/// This process's resident memory, from /proc (Linux): the peak since the last `resetPeak()`
/// (`VmHWM`), so that each row of the bench shows what its own operation needed.
enum Memory {
    /// Resets the peak to the current resident size (`echo 5 > /proc/self/clear_refs`, Linux
    /// 4.0+); `false` where that is not allowed, and the peak is then the process's.
    @discardableResult static func resetPeak() -> Bool {
        // Freed memory goes back to the system first, so that the peak starts from what is in use.
        #if os(Linux)
            _ = mallocTrim(0)
        #endif
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    /// The peak resident memory since the last reset, in MiB; `nil` without /proc.
    static func peakMiB() -> Double? { status("VmHWM:") }

    private static func status(_ key: String) -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }
}
