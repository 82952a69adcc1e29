import ArgumentParser
import AssistantCore
import Foundation
import Persistence
import Receivables

/// Options shared by every command: which ledger, and which day it is.
struct LedgerOptions: ParsableArguments {
    @Option(name: .long, help: "Fichier du registre (sinon $ENCAISSE_DB, sinon $XDG_DATA_HOME/encaisse/encaisse.sqlite).")
    var db: String?

    @Option(name: .long, help: "Jour de référence AAAA-MM-JJ (sinon $ENCAISSE_TODAY, sinon aujourd’hui à Paris).")
    var today: String?

    @Flag(name: .long, help: "Registre de démonstration en mémoire (ne touche pas à vos données).")
    var demo = false

    func validate() throws {
        if let today, Day(iso: today) == nil {
            throw ValidationError("--today attend une date AAAA-MM-JJ qui existe (reçu « \(today) »).")
        }
        _ = try resolvedToday()
        if demo && db != nil {
            throw ValidationError("--demo ouvre un registre en mémoire : il ne se combine pas avec --db.")
        }
    }

    /// The reference day: --today, else ENCAISSE_TODAY, else the clock (nil).
    func resolvedToday(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Day? {
        if let today { return Day(iso: today) }
        if let value = environment["ENCAISSE_TODAY"], !value.isEmpty {
            guard let day = Day(iso: value) else {
                throw ValidationError("ENCAISSE_TODAY attend une date AAAA-MM-JJ qui existe (reçu « \(value) »).")
            }
            return day
        }
        return nil
    }

    /// The ledger path: --db, else ENCAISSE_DB, else the user's data directory.
    func resolvedPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let db { return db }
        if let path = environment["ENCAISSE_DB"], !path.isEmpty { return path }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/encaisse/encaisse.sqlite"
    }

    /// Opens the ledger and the assistant on it.
    func openAssistant() throws -> Assistant {
        let day = try resolvedToday()
        let database: AppDatabase
        if demo {
            database = try AppDatabase.inMemory()
            try database.loadDemo(DemoLedger(today: day ?? Day.today()))
        } else {
            database = try AppDatabase.openFile(at: resolvedPath())
        }
        return try Assistant(database: database, today: day)
    }
}
