import Foundation
import GRDB
import Receivables

/// The one gateway to the ledger: it owns the database connection and its migrations, and
/// exposes named reads and writes. Nothing else in Encaisse writes SQL.
///
/// Every write runs in one transaction and is journaled (see `ChangeJournal`), so that it is
/// in the audit trail and can be undone.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// The file path, or ":memory:", for error messages.
    public let location: String

    init(_ writer: any DatabaseWriter, location: String) throws {
        self.writer = writer
        self.location = location
        do {
            // Another program's SQLite file: refuse it rather than add our tables to it.
            let foreign = try writer.read { db in
                try !db.tableExists("grdb_migrations")
                    && (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0) > 0
            }
            if foreign { throw PersistenceError.notALedger(path: location) }
            try Self.migrator.migrate(writer)
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.wrap(error, path: location)
        }
    }

    /// Opens (and creates or migrates) the ledger file at `path`, in WAL mode.
    public static func openFile(at path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw PersistenceError.cannotOpen(path: path, reason: "le dossier ne peut pas être créé")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PersistenceError.cannotOpen(path: path, reason: "c’est un dossier")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            return try AppDatabase(pool, location: path)
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.wrap(error, path: path)
        }
    }

    /// A fresh in-memory ledger (demo and tests only).
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration), location: ":memory:")
    }

    static var configuration: Configuration {
        var config = Configuration()
        // Another Encaisse (REPL and RPC server) may be writing: wait rather than fail.
        config.busyMode = .timeout(5)
        config.foreignKeysEnabled = true
        return config
    }

    /// Runs a read, translating SQLite failures into `PersistenceError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as PersistenceError { throw error } catch {
            throw PersistenceError.wrap(error, path: location)
        }
    }

    /// Runs a write in one immediate transaction, translating SQLite failures.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let error as PersistenceError { throw error } catch {
            throw PersistenceError.wrap(error, path: location)
        }
    }

    /// Checks the file with `PRAGMA integrity_check`; returns SQLite's findings ("ok" when sound).
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
