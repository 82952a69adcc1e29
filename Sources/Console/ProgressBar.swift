import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress bar on stderr for long work (imports): `████████░░░░  62 %  Import de x.csv`,
/// redrawn in place at most every tenth of a second, and only when stderr is a terminal, so
/// that scripts and logs stay clean.
public final class ProgressBar {
    private let enabled: Bool
    private let width: Int
    private var lastDraw = Date.distantPast
    private var drawn = false

    public init(enabled: Bool = isatty(2) == 1, width: Int = 30) {
        self.enabled = enabled
        self.width = width
    }

    /// The line for `done` of `total`: blocks, percentage, message.
    public static func line(done: Int, total: Int, message: String, width: Int = 30) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
        let eighths = Int((fraction * Double(width * 8)).rounded(.down))
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths / 8 < width { bar += partials[eighths % 8] }
        bar += String(repeating: "░", count: max(0, width - bar.count))
        let percent = Int((fraction * 100).rounded(.down))
        return "\(bar) \(String(repeating: " ", count: percent < 10 ? 2 : percent < 100 ? 1 : 0))\(percent)\u{00A0}%  \(message)"
    }

    /// Draws the bar (throttled); the last call (`done == total`) always draws.
    public func update(done: Int, total: Int, message: String) {
        guard enabled else { return }
        let now = Date()
        guard done >= total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        drawn = true
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + Self.line(done: done, total: total, message: message)).utf8))
    }

    /// Clears the bar's line.
    public func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        drawn = false
    }
}
