import ArgumentParser
import AssistantCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `encaisse`: the command line. Thin by design: options, validation, then a call into the
/// library modules.
@main
struct Encaisse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encaisse",
        abstract: "Assistant de recouvrement des créances clients, en français.",
        discussion: """
            Sans sous-commande : « encaisse [--db FICHIER] [--today AAAA-MM-JJ] [--demo] » ouvre une session interactive sur un terminal, ou lit une commande par ligne sur l’entrée standard (mode script).

            Exemples :
              encaisse --demo
              echo "qui est en retard ?" | encaisse --demo --today 2026-11-22
              encaisse ask "combien me doit Dupont ?" --json
              encaisse rpc
            """,
        version: "0.1.0",
        subcommands: [
            Session.self, Ask.self, RPC.self, Demo.self, SettingsCommand.self, RatesCommand.self, ImportCommand.self, ExportCommand.self,
        ],
        defaultSubcommand: Session.self
    )

    /// Runs the command; exit codes: 0 ok, 1 an error the user can fix, 2 bad usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data((message + "\n").utf8))
            if code == .validationFailure {
                Foundation.exit(2)
            }
            Foundation.exit(1)
        }
    }
}

/// Writes text to stdout unbuffered (pipe mode answers line by line).
func writeOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// Writes text to stderr.
func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
