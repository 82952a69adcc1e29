/// How a message is delimited on the stream. Detected per incoming message; a response
/// goes out with the framing of the request it answers.
public enum Framing: Sendable, Hashable {
    /// LSP style: `Content-Length: N` headers, a blank line, then N bytes of JSON
    /// (what Neovim, VS Code and Emacs clients speak).
    case contentLength
    /// One JSON value per line, for shells and scripts.
    case newline
}
