import CReadline
import Foundation

/// Reads lines with GNU readline on a terminal: line editing, a persistent history file,
/// Ctrl-R search, and tab completion of command words and client names.
public final class ReadlineLineReader: LineReader {
    private let historyPath: String?

    /// - Parameters:
    ///   - historyPath: where the history is kept between sessions (`nil` for none).
    ///   - completions: the words offered by Tab (commands and client names).
    public init(historyPath: String?, completions: @escaping @Sendable () -> [String]) {
        self.historyPath = historyPath
        ReadlineCompletion.source = completions
        encaisse_readline_configure { text, _, _ in ReadlineCompletion.complete(text: text) }
        using_history()
        stifle_history(2000)
        if let historyPath {
            try? FileManager.default.createDirectory(
                at: URL(fileURLWithPath: historyPath).deletingLastPathComponent(), withIntermediateDirectories: true)
            read_history(historyPath)
        }
    }

    public func nextLine(prompt: String) -> LineInput? {
        guard let raw = readline(prompt) else { return nil }
        defer { free(raw) }
        return .text(String(cString: raw))
    }

    public func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        add_history(line)
        if let historyPath {
            write_history(historyPath)
        }
    }
}

/// The completion callback of readline is a C function: it reads the candidates from here.
enum ReadlineCompletion {
    nonisolated(unsafe) static var source: @Sendable () -> [String] = { [] }
    nonisolated(unsafe) static var matches: [String] = []

    static func complete(text: UnsafePointer<CChar>?) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        encaisse_readline_no_default_completion()
        let prefix = text.map { String(cString: $0) } ?? ""
        let folded = prefix.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        matches = source().filter {
            $0.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).hasPrefix(folded)
        }
        guard !matches.isEmpty else { return nil }
        return rl_completion_matches(text) { _, state in
            let index = Int(state)
            guard index < ReadlineCompletion.matches.count else { return nil }
            return strdup(ReadlineCompletion.matches[index])
        }
    }
}
