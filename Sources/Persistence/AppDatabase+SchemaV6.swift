import GRDB

extension AppDatabase {
    /// v6: a counter that every change to the client list bumps (a client added, deleted,
    /// renamed or recoded, by any program and by undo), kept by triggers. A process that holds
    /// the client names in memory — the parser's directory — compares it before each command
    /// and reloads the names when another process (the REPL beside an editor's RPC server)
    /// changed them. It is a cache key, not ledger data: undo never restores it.
    static func registerClientVersion(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6: client list version") { db in
            try db.execute(
                sql: """
                    CREATE TABLE client_version (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                    INSERT INTO client_version VALUES (1, 0);
                    CREATE TRIGGER client_version_insert AFTER INSERT ON client
                        BEGIN UPDATE client_version SET value = value + 1; END;
                    CREATE TRIGGER client_version_delete AFTER DELETE ON client
                        BEGIN UPDATE client_version SET value = value + 1; END;
                    CREATE TRIGGER client_version_update AFTER UPDATE OF name, code ON client
                        WHEN OLD.name IS NOT NEW.name OR OLD.code IS NOT NEW.code
                        BEGIN UPDATE client_version SET value = value + 1; END;
                    """)
        }
    }

    /// The client list's version (see `registerClientVersion`).
    public func clientVersion() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT value FROM client_version") ?? 0 }
    }

    /// The client names and the version they are at, read together.
    public func versionedClientNames() throws -> (names: [ClientName], version: Int64) {
        try read { db in
            let version = try Int64.fetchOne(db, sql: "SELECT value FROM client_version") ?? 0
            let names = try Row.fetchAll(db, sql: "SELECT id, code, name FROM client ORDER BY name").map {
                ClientName(id: $0["id"], code: $0["code"], name: $0["name"])
            }
            return (names, version)
        }
    }
}
