import ArgumentParser
import AssistantCore
import AssistantRPC
import Console
import Foundation

/// The default command: the REPL on a terminal, one command a line otherwise.
struct Session: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session", abstract: "Session interactive (terminal) ou une commande par ligne (entrée standard).",
        shouldDisplay: false)

    @OptionGroup var ledger: LedgerOptions

    @Flag(name: .long, help: "Serveur JSON-RPC 2.0 sur l’entrée et la sortie standard (comme « encaisse rpc »).")
    var rpc = false

    func run() throws {
        if rpc {
            try RPC.serve(ledger: ledger)
            return
        }
        let assistant: Assistant
        do {
            assistant = try ledger.openAssistant()
        } catch {
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        }
        let terminal = Terminal.current()
        let reader: LineReader
        if terminal.isInteractive {
            let environment = ProcessInfo.processInfo.environment
            let stateHome =
                environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
            let names = assistant.clientNames(limit: 100_000)
            reader = ReadlineLineReader(historyPath: stateHome + "/encaisse/history", completions: { CommandWords.all + names })
        } else {
            reader = StdinLineReader()
        }
        let session = ConsoleSession(
            assistant: assistant, reader: reader, renderer: ReplyRenderer(usesColor: terminal.usesColor),
            interactive: terminal.isInteractive, write: writeOut)
        let status = session.run()
        if status != 0 { throw ExitCode(status) }
    }
}
