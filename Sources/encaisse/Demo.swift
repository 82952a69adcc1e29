import ArgumentParser
import Foundation
import Persistence
import Receivables

/// `encaisse demo --clients 50000 --invoices 1000000 --db FILE`: writes a generated ledger
/// to a new file (for benchmarks and trials).
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Génère un registre de démonstration dans un fichier neuf.")

    @Option(name: .long, help: "Fichier à créer (ne doit pas contenir de registre).")
    var db: String

    @Option(name: .long, help: "Nombre de clients (par défaut : la trentaine de clients de la démonstration).")
    var clients: Int?

    @Option(name: .long, help: "Nombre approximatif de factures.")
    var invoices: Int?

    @Option(name: .long, help: "Jour de référence AAAA-MM-JJ (par défaut : aujourd’hui).")
    var today: String?

    func validate() throws {
        if let clients, clients < 1 || clients > 10_000_000 { throw ValidationError("--clients doit être entre 1 et 10 000 000.") }
        if let invoices, invoices < 1 || invoices > 100_000_000 { throw ValidationError("--invoices doit être entre 1 et 100 000 000.") }
        if invoices != nil && clients == nil { throw ValidationError("--invoices s’utilise avec --clients.") }
        if let today, Day(iso: today) == nil { throw ValidationError("--today attend une date AAAA-MM-JJ (reçu « \(today) »).") }
    }

    func run() throws {
        let day =
            today.flatMap { Day(iso: $0) } ?? ProcessInfo.processInfo.environment["ENCAISSE_TODAY"].flatMap { Day(iso: $0) } ?? Day.today()
        do {
            let database = try AppDatabase.openFile(at: db)
            let start = Date()
            let interactive = isatty(2) == 1
            try database.loadDemo(DemoLedger(today: day, clientCount: clients, invoiceCount: invoices)) { done, total in
                if interactive { writeError("\rGénération : \(done * 100 / max(1, total)) %") }
            }
            if interactive { writeError("\n") }
            let stats = try database.ledgerCounts()
            writeOut(
                "Registre généré dans \(db) : \(stats.clients) clients, \(stats.invoices) factures, \(stats.payments) paiements (\(String(format: "%.1f", Date().timeIntervalSince(start))) s).\n"
            )
        } catch {
            writeError(error.localizedDescription + "\n")
            throw ExitCode(1)
        }
    }
}
