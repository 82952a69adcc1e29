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
            Rapports : aging (balance âgée), dso, forecast, risk, concentration, overdue, clients, invoices, reminders, plans, penalties, ou l’identifiant d’intention (aging.report…).
              encaisse export aging --format csv -o balance-agee.csv
              encaisse export risk --format json
              encaisse export penalties --client Moreau
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "Le rapport (aging, dso, forecast, risk, concentration, overdue, clients, invoices, reminders, plans, penalties).")
    var report: String

    @Option(name: .long, help: "csv (par défaut) ou json.")
    var format = "csv"

    @Option(name: [.short, .customLong("output")], help: "Fichier à écrire (sinon la sortie standard).")
    var output: String?

    @Option(name: .long, help: "Limiter le rapport à un client (nom ou code).")
    var client: String?

    static let aliases: [String: IntentID] = [
        "aging": .agingReport, "dso": .kpiDSO, "forecast": .forecastCash, "risk": .riskList, "concentration": .riskConcentration,
        "overdue": .overdueList, "clients": .clientList, "invoices": .invoiceList, "reminders": .reminderDue, "plans": .planShow,
        "penalties": .penaltyCompute,
    ]

    func validate() throws {
        guard Self.aliases[report] != nil || IntentID(rawValue: report) != nil else {
            throw ValidationError("Rapport « \(report) » inconnu : \(Self.aliases.keys.sorted().joined(separator: ", ")).")
        }
        guard ["csv", "json"].contains(format.lowercased()) else { throw ValidationError("--format attend csv ou json.") }
    }

    func run() throws {
        do {
            let assistant = try ledger.openAssistant()
            var entities = Entities()
            if let client { entities.client = ClientReference(id: nil, name: client) }
            let intent = Self.aliases[report] ?? IntentID(rawValue: report)!
            let (text, _) = try assistant.exportReport(intent, entities: entities, format: format)
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
