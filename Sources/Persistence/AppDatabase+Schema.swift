import GRDB

extension AppDatabase {
    /// The migrations, in order. A shipped migration is never edited: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: clients, invoices, payments, journal") { db in
            try db.create(table: "client") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("email", .text)
                t.column("phone", .text)
                t.column("terms_days", .integer).notNull().defaults(to: 30)
                t.column("end_of_month", .boolean).notNull().defaults(to: false)
                t.column("kind", .text).notNull().defaults(to: "B2B")
            }
            try db.create(table: "invoice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("number", .text).notNull().unique()
                t.column("client_id", .integer).notNull().references("client", onDelete: .restrict)
                t.column("issue_day", .text).notNull()
                t.column("due_day", .text).notNull()
                t.column("amount_cents", .integer).notNull().check { $0 > 0 }
                t.column("outstanding_cents", .integer).notNull()
                t.column("disputed", .boolean).notNull().defaults(to: false)
                t.check(sql: "outstanding_cents >= 0 AND outstanding_cents <= amount_cents")
            }
            try db.create(index: "invoice_client", on: "invoice", columns: ["client_id", "due_day"])
            try db.create(index: "invoice_due", on: "invoice", columns: ["due_day"])
            // Open invoices only: what "qui est en retard ?" and balances read. Covering, so
            // the overdue aggregation never touches the table.
            try db.create(
                index: "invoice_open", on: "invoice",
                columns: ["client_id", "due_day", "outstanding_cents", "disputed"],
                condition: Column("outstanding_cents") > 0)
            try db.create(table: "payment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().references("client", onDelete: .restrict)
                t.column("day", .text).notNull()
                t.column("amount_cents", .integer).notNull().check { $0 > 0 }
                t.column("method", .text)
                t.column("invoice_id", .integer).references("invoice", onDelete: .setNull)
                t.column("unallocated_cents", .integer).notNull().defaults(to: 0)
                t.column("note", .text)
                t.check(sql: "unallocated_cents >= 0 AND unallocated_cents <= amount_cents")
            }
            try db.create(index: "payment_client", on: "payment", columns: ["client_id", "day"])
            try db.create(index: "payment_invoice", on: "payment", columns: ["invoice_id"], condition: Column("invoice_id") != nil)
            try db.create(
                index: "payment_credit", on: "payment", columns: ["client_id", "unallocated_cents"],
                condition: Column("unallocated_cents") > 0)
            try db.create(table: "allocation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("payment_id", .integer).notNull().references("payment", onDelete: .cascade)
                t.column("invoice_id", .integer).notNull().references("invoice", onDelete: .cascade)
                t.column("amount_cents", .integer).notNull().check { $0 > 0 }
            }
            try db.create(index: "allocation_payment", on: "allocation", columns: ["payment_id"])
            try db.create(index: "allocation_invoice", on: "allocation", columns: ["invoice_id"])
            // The audit trail: one row per change, with what it did in words.
            try db.create(table: "change") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("day", .text).notNull()
                t.column("action", .text).notNull()
                t.column("summary", .text).notNull()
                t.column("undone_at", .text)
            }
            // Before-images of every row a change touched, so that undo restores them exactly.
            try db.create(table: "change_row") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("change_id", .integer).notNull().references("change", onDelete: .cascade)
                t.column("table_name", .text).notNull()
                t.column("row_id", .integer).notNull()
                t.column("operation", .text).notNull()
                t.column("before", .text)
            }
            try db.create(index: "change_row_change", on: "change_row", columns: ["change_id"])
        }
        return migrator
    }
}
