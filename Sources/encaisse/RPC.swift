import ArgumentParser
import AssistantRPC
import Foundation
import JSONRPC

/// `encaisse rpc`: a JSON-RPC 2.0 server on stdio; stdout carries protocol only.
struct RPC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc", abstract: "Serveur JSON-RPC 2.0 sur l’entrée et la sortie standard.")

    @OptionGroup var ledger: LedgerOptions

    func run() throws { try Self.serve(ledger: ledger) }

    static func serve(ledger: LedgerOptions) throws {
        // A peer that goes away must end the loop through a failed write, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        do {
            // Keep the real stdout for the protocol and point file descriptor 1 at stderr, so
            // a stray print can never corrupt the stream.
            let output = try FileDescriptorSink.reservingStandardOutput()
            let assistant = try ledger.openAssistant()
            AssistantServer(assistant: assistant).run(input: FileDescriptorSource(fileDescriptor: 0), output: output)
        } catch {
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        }
    }
}
