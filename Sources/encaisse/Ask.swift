import ArgumentParser
import AssistantCore
import Foundation

/// `encaisse ask "…"`: one question, the answer on stdout (prose, or JSON with --json).
struct Ask: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Pose une question et affiche la réponse.")

    @OptionGroup var ledger: LedgerOptions

    @Flag(name: .long, help: "Résultat structuré en JSON (intent, entities, reply, data).")
    var json = false

    @Argument(help: "La question, en français (entre guillemets).")
    var words: [String]

    func validate() throws {
        if words.joined().trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("Posez une question, par exemple : encaisse ask \"qui est en retard ?\"")
        }
    }

    func run() throws {
        let text = words.joined(separator: " ")
        do {
            let assistant = try ledger.openAssistant()
            let reply = try assistant.ask(text)
            if json {
                writeOut(try AnswerJSON.encode(reply) + "\n")
            } else {
                writeOut(reply.text + "\n")
            }
            if reply.outcome != .done { throw ExitCode(1) }
        } catch let error as AssistantError {
            if json { writeOut(try AnswerJSON.encode(error) + "\n") }
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        }
    }
}
