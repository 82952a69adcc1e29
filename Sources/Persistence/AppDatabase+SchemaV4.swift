import GRDB

extension AppDatabase {
    /// v4: imports and contract rates.
    /// - `payment.import_key`: a fingerprint of an imported receipt (file kind, client,
    ///   day, amount, reference and its rank among identical lines), unique, so that
    ///   importing the same file twice adds nothing. Payments typed by hand have none.
    /// - `invoice_number_nocase`: the index of case-insensitive invoice-number lookups.
    /// - `client.penalty_rate_bp`: the late-payment rate the client's contract sets, in basis
    ///   points (1 200 = 12,00 %); NULL for the statutory rate of its category.
    static func registerImportKeys(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: import keys, contract penalty rate") { db in
            try db.alter(table: "payment") { t in t.add(column: "import_key", .text) }
            try db.create(
                index: "payment_import_key", on: "payment", columns: ["import_key"], unique: true,
                condition: Column("import_key") != nil)
            try db.alter(table: "client") { t in t.add(column: "penalty_rate_bp", .integer) }
            // Invoice numbers are looked up case-insensitively ("f-2026-0012"): without this
            // index each lookup read the whole table.
            try db.execute(sql: "CREATE INDEX invoice_number_nocase ON invoice(number COLLATE NOCASE)")
        }
    }
}
