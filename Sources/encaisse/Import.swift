import ArgumentParser
import AssistantCore
import Console
import Foundation

/// `encaisse import FILE [--kind clients|invoices|payments|fec] [--skip-errors] [--report F]`:
/// a CSV or a FEC into the ledger, in one transaction, with a progress bar on stderr.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importe des clients, factures ou paiements (CSV) ou un FEC.",
        discussion: """
            Le type est deviné d’après les en-têtes quand --kind manque. L’import est tout ou rien : une ligne refusée annule tout, avec son numéro, sa colonne et le motif ; --skip-errors importe le reste et écrit les lignes refusées dans un rapport. Réimporter le même fichier n’ajoute rien ; « annule » défait un import entier.
              encaisse import factures.csv
              encaisse import clients.csv --kind clients
              encaisse import FEC2026.txt --kind fec
              encaisse import paiements.csv --skip-errors --report refus.csv
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "Le fichier à importer (CSV ou FEC).")
    var file: String

    @Option(name: .long, help: "clients, invoices, payments ou fec (deviné sinon).")
    var kind: String?

    @Flag(name: .long, help: "Importer les lignes valides et écrire les lignes refusées dans un rapport.")
    var skipErrors = false

    @Option(name: .long, help: "Où écrire le rapport des lignes refusées (par défaut FICHIER.erreurs.csv).")
    var report: String?

    @Flag(name: .long, help: "Afficher le résultat en JSON.")
    var json = false

    func validate() throws {
        if let kind, !["clients", "invoices", "payments", "fec", "csv"].contains(kind.lowercased()) {
            throw ValidationError("--kind attend clients, invoices, payments ou fec.")
        }
    }

    func run() throws {
        let bar = ProgressBar()
        do {
            let assistant = try ledger.openAssistant()
            let reply = try assistant.importFile(
                file, kind: kind, skipErrors: skipErrors, errorReport: report,
                progress: { done, total, message in bar.update(done: done, total: total, message: message) })
            bar.finish()
            writeOut(json ? try AnswerJSON.encode(reply) + "\n" : reply.text + "\n")
        } catch {
            bar.finish()
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        }
    }
}
