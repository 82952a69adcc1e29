import AssistantCore
import Foundation

/// The conversation loop shared by the REPL and pipe mode: read a line, ask the assistant,
/// print the answer. Pipe mode prints no prompt and no echo, skips blank and `#` lines, and
/// follows each answer with a blank line; errors are answers too (the transcript stays
/// aligned with the input), and make the exit status 1.
public final class ConsoleSession {
    let assistant: Assistant
    let reader: LineReader
    let renderer: ReplyRenderer
    let interactive: Bool
    let write: (String) -> Void

    /// - Parameter write: where answers go (stdout).
    public init(assistant: Assistant, reader: LineReader, renderer: ReplyRenderer, interactive: Bool, write: @escaping (String) -> Void) {
        self.assistant = assistant
        self.reader = reader
        self.renderer = renderer
        self.interactive = interactive
        self.write = write
    }

    /// The French prompt of the REPL.
    public static let prompt = "encaisse> "

    /// Runs until end of input or "au revoir"; returns the exit status (0, or 1 if a line failed).
    public func run() -> Int32 {
        var failed = false
        if interactive {
            write("Encaisse — registre au \(assistant.today.frenchLong). Tapez « aide » pour des exemples, Ctrl-D pour quitter.\n")
            if assistant.clientNames(limit: 1).isEmpty {
                write(
                    "Le registre est vide\u{00A0}: ajoutez un client (« ajoute le client Durand SAS, paiement à 30 jours ») ou essayez « encaisse --demo ».\n"
                )
            }
        }
        while let input = reader.nextLine(prompt: interactive ? Self.prompt : "") {
            let line: String
            switch input {
            case .invalid(let reason):
                failed = true
                answer(renderer.renderError("Ligne ignorée\u{00A0}: \(reason)."))
                continue
            case .text(let text):
                line = text
            }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            reader.remember(line)
            // An import shows its progress on stderr (only on a terminal).
            let bar = ProgressBar()
            assistant.progress = { done, total, message in bar.update(done: done, total: total, message: message) }
            defer {
                bar.finish()
                assistant.progress = nil
            }
            do {
                let reply = try assistant.ask(trimmed)
                if reply.outcome != .done { failed = true }
                answer(renderer.render(reply))
                if reply.endsSession { break }
            } catch let error as AssistantError {
                // An ambiguity is a question, not a failure: the next line answers it.
                if case .ambiguousClient = error {} else { failed = true }
                answer(renderer.renderError(error.localizedDescription))
            } catch {
                failed = true
                answer(renderer.renderError(error.localizedDescription))
            }
        }
        return failed ? 1 : 0
    }

    private func answer(_ text: String) {
        write(text + "\n" + (interactive ? "" : "\n"))
    }
}
