import ArgumentParser
import AssistantCore
import Foundation
import FrenchParsing

/// `encaisse export REPORT [--format csv|json] [-o FILE] [--client NAME]`: a report for a
/// spreadsheet (CSV, French Excel conventions, safe against formula injection) or a program
/// (JSON, the `data` of the reply).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Exporte un rapport en CSV ou en JSON.",
        discussion: """
            Rapports : aging (balance âgée), dso, forecast, risk, concentration, overdue, clients, invoices, reminders, plans, penalties, ou l’identifiant d’intention (aging.report…), en CSV ou JSON.
            Documents : letter (la relance due d’un client, ou --level) et plan (une proposition d’échéancier, --installments), en text, eml ou json.
              encaisse export aging --format csv -o balance-agee.csv
              encaisse export risk --format json
              encaisse export penalties --client Moreau
              encaisse export letter --client Moreau --format eml -o relance-moreau.eml
              encaisse export plan --client Moreau --installments 4 --format text
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "Le rapport (aging, dso, forecast, risk, concentration, overdue, clients, invoices, reminders, plans, penalties).")
    var report: String

    @Option(name: .long, help: "csv (par défaut) ou json.")
    var format = "csv"

    @Option(name: [.short, .customLong("output")], help: "Fichier à écrire (sinon la sortie standard).")
    var output: String?

    @Option(name: .long, help: "Limiter le rapport à un client (nom ou code) ; le client d’une lettre ou d’un échéancier.")
    var client: String?

    @Option(name: .long, help: "Lettre : le niveau (reminder1, reminder2, reminder3, formalNotice).")
    var level: String?

    @Option(name: .long, help: "Échéancier : le nombre d’échéances.")
    var installments: Int?

    static let documents: [String: IntentID] = ["letter": .reminderDraft, "lettre": .reminderDraft, "plan": .planPropose]

    static let aliases: [String: IntentID] = [
        "aging": .agingReport, "dso": .kpiDSO, "forecast": .forecastCash, "risk": .riskList, "concentration": .riskConcentration,
        "overdue": .overdueList, "clients": .clientList, "invoices": .invoiceList, "reminders": .reminderDue, "plans": .planShow,
        "penalties": .penaltyCompute,
    ]

    func validate() throws {
        if Self.documents[report] != nil {
            guard client != nil else { throw ValidationError("Une lettre ou un échéancier se prépare pour un client : --client NOM.") }
            guard ["text", "txt", "eml", "json"].contains(format.lowercased()) || format == "csv" else {
                throw ValidationError("--format attend text, eml ou json pour une lettre ou un échéancier.")
            }
            return
        }
        guard Self.aliases[report] != nil || IntentID(rawValue: report) != nil else {
            throw ValidationError(
                "Rapport « \(report) » inconnu : \((Self.aliases.keys.sorted() + ["letter", "plan"]).joined(separator: ", ")).")
        }
        guard ["csv", "json"].contains(format.lowercased()) else { throw ValidationError("--format attend csv ou json.") }
    }

    func run() throws {
        do {
            let assistant = try ledger.openAssistant()
            var entities = Entities()
            if let client { entities.client = ClientReference(id: nil, name: client) }
            let text: String
            if let document = Self.documents[report] {
                entities.level = level
                entities.installments = installments
                // A document's default format is text (csv is the reports' default).
                text = try assistant.exportDocument(document, entities: entities, format: format == "csv" ? "text" : format.lowercased())
            } else {
                let intent = Self.aliases[report] ?? IntentID(rawValue: report)!
                text = try assistant.exportReport(intent, entities: entities, format: format).text
            }
            if let output {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } else {
                writeOut(text)
            }
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
