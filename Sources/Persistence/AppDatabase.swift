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
    /// A connection of its own on a file, only for `commitStamp()`.
    private let watcher: DatabaseQueue?

    /// - Parameter watchedPath: the file, for `commitStamp()`'s connection (opened read-only
    ///   once the migrations ran).
    init(_ writer: any DatabaseWriter, location: String, watchedPath: String? = nil) throws {
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
            var watching = Self.configuration
            watching.readonly = true
            watcher = try watchedPath.map { try DatabaseQueue(path: $0, configuration: watching) }
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
            return try AppDatabase(pool, location: path, watchedPath: path)
        } catch let error as PersistenceError {
            throw error
        } catch {
            throw PersistenceError.wrap(error, path: path)
        }
    }

    /// A number that changes whenever any other connection — this process's writes, another
    /// program's — commits to the file (`PRAGMA data_version` on a connection kept for it):
    /// a few microseconds, so that caches can be checked before every command. `nil` for an
    /// in-memory ledger, which no one else can write.
    public func commitStamp() -> Int64? {
        try? watcher?.inDatabase { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") } ?? nil
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
