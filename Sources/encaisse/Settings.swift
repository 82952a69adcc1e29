import ArgumentParser
import AssistantCore
import Foundation

/// `encaisse settings [KEY [VALUE]]`: lists, shows or changes a setting of the ledger (your
/// name and bank details for the letters, the dunning sequence, plan rules…).
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Affiche ou modifie les réglages (coordonnées, séquence de relance, échéanciers).",
        discussion: """
            encaisse settings                          liste les réglages et leurs valeurs
            encaisse settings sender.name "Marie Durand"
            encaisse settings bank.iban "FR76 3000 6000 0112 3456 7890 189"
            encaisse settings dunning.sequence "reminder1:7:email; reminder2:20:email+phone; formalNotice:40:registeredLetter"
            encaisse settings plan.graceDays --unset   revient à la valeur par défaut
            """)

    @OptionGroup var ledger: LedgerOptions

    @Flag(name: .long, help: "Efface le réglage (valeur par défaut).")
    var unset = false

    @Argument(help: "Le réglage (par exemple sender.name).")
    var key: String?

    @Argument(help: "La nouvelle valeur.")
    var value: String?

    func validate() throws {
        if unset && (key == nil || value != nil) { throw ValidationError("--unset s’emploie avec un réglage et sans valeur.") }
    }

    func run() throws {
        do {
            let assistant = try ledger.openAssistant()
            let reply: Reply
            if let key, value != nil || unset {
                reply = try assistant.setSetting(key, to: unset ? nil : value)
            } else {
                reply = try assistant.settingsReply(key: key)
            }
            writeOut(reply.text + "\n")
        } catch let error as AssistantError {
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        } catch {
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        }
    }
}
