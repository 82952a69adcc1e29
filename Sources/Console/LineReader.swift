/// Where the console reads its lines from: readline on a terminal, plain stdin otherwise.
public protocol LineReader: AnyObject {
    /// The next line without its newline, or `nil` at end of input.
    /// A line that is not valid UTF-8 is returned as `.invalid`.
    func nextLine(prompt: String) -> LineInput?
    /// Remembers a line typed by the user (history).
    func remember(_ line: String)
}

/// One line of input.
public enum LineInput: Equatable, Sendable {
    case text(String)
    /// Bytes that are not UTF-8 text, or a line over the size limit.
    case invalid(reason: String)
}
