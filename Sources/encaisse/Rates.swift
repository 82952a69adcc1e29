import ArgumentParser
import AssistantCore
import Foundation

/// `encaisse rates`: the ECB and legal interest rates by half-year that the penalties use;
/// shipped with the figures of French law, updated by the user every half-year.
struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract: "Affiche ou met à jour les taux (BCE, intérêt légal) par semestre.",
        discussion: """
            encaisse rates                              la table des taux, semestre par semestre
            encaisse rates set 2027-H1 ecb 2,00         taux BCE en vigueur au 1er janvier 2027
            encaisse rates set 2026-H2 legal 2,60       taux de l’intérêt légal (créancier professionnel)
            encaisse rates import taux.json             fusionne un fichier {"ecb": {"2027-H1": "2,00"}, "legal": {…}, "legalIndividual": {…}}
            Chaque mise à jour est journalisée : « annule » la défait.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "set SEMESTRE ecb|legal|legalIndividual TAUX, ou import FICHIER.")
    var words: [String] = []

    func validate() throws {
        switch words.first {
        case nil: break
        case "set"?: if words.count != 4 { throw ValidationError("Usage : encaisse rates set 2027-H1 ecb 2,00") }
        case "import"?: if words.count != 2 { throw ValidationError("Usage : encaisse rates import FICHIER.json") }
        case let other?: throw ValidationError("Action « \(other) » inconnue : set ou import.")
        }
    }

    func run() throws {
        do {
            let assistant = try ledger.openAssistant()
            let reply: Reply
            switch words.first {
            case "set"?: reply = try assistant.setRate(halfYear: words[1], kind: words[2], value: words[3])
            case "import"?:
                guard let data = FileManager.default.contents(atPath: words[1]) else {
                    writeError("Fichier « \(words[1]) » introuvable ou illisible.\n")
                    throw ExitCode(1)
                }
                reply = try assistant.importRates(json: data)
            default: reply = try assistant.ratesReply()
            }
            writeOut(reply.text + "\n")
        } catch let error as AssistantError {
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
