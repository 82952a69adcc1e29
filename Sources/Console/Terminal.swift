import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about where the console writes: a terminal or not, colours wanted or not.
public struct Terminal: Sendable {
    public var isInteractive: Bool
    public var usesColor: Bool

    public init(isInteractive: Bool, usesColor: Bool) {
        self.isInteractive = isInteractive
        self.usesColor = usesColor
    }

    /// Interactive when stdin and stdout are terminals; colours only then, and never when
    /// `NO_COLOR` is set (no-color.org) or `TERM=dumb`.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Terminal(isInteractive: interactive, usesColor: interactive && !noColor && environment["TERM"] != "dumb")
    }
}
