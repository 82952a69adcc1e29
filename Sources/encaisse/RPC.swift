import ArgumentParser
import AssistantRPC
import Foundation

/// `encaisse rpc`: a JSON-RPC 2.0 server on stdio; stdout carries protocol only.
struct RPC: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rpc", abstract: "Serveur JSON-RPC 2.0 sur l’entrée et la sortie standard.")

    @OptionGroup var ledger: LedgerOptions

    func run() throws { try Self.serve(ledger: ledger) }

    static func serve(ledger: LedgerOptions) throws {
        // Keep the real stdout for the protocol and point file descriptor 1 at stderr, so a
        // stray print can never corrupt the stream.
        let protocolOutput = dup(1)
        dup2(2, 1)
        do {
            let assistant = try ledger.openAssistant()
            let server = AssistantServer(assistant: assistant)
            server.run(input: 0, output: protocolOutput)
        } catch {
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        }
    }
}
