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
        migrator.registerMigration("v2: dunning, promises, disputes, plans, settings") { db in
            try db.alter(table: "client") { t in
                t.add(column: "address", .text)
                t.add(column: "preferred_channel", .text)
                t.add(column: "address_form", .text).notNull().defaults(to: "vous")
                t.add(column: "sequence", .text)
                t.add(column: "dunning_stop", .text)
                t.add(column: "insolvency", .text)
            }
            // Settings: the user's identity, bank details, dunning sequence, plan rules.
            try db.create(table: "setting") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("key", .text).notNull().unique()
                t.column("value", .text).notNull()
            }
            // Reminders sent (and escalation steps taken), the dunning history.
            try db.create(table: "reminder") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().references("client", onDelete: .cascade)
                t.column("day", .text).notNull()
                t.column("level", .text).notNull()
                t.column("channel", .text)
                t.column("invoices", .text).notNull().defaults(to: "")
                t.column("amount_cents", .integer).notNull().defaults(to: 0)
                t.column("note", .text)
            }
            try db.create(index: "reminder_client", on: "reminder", columns: ["client_id", "day"])
            try db.create(table: "promise") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().references("client", onDelete: .cascade)
                t.column("made_day", .text).notNull()
                t.column("due_day", .text).notNull()
                t.column("amount_cents", .integer).notNull().check { $0 > 0 }
                t.column("invoice_id", .integer).references("invoice", onDelete: .setNull)
                t.column("method", .text)
                t.column("note", .text)
            }
            try db.create(index: "promise_client", on: "promise", columns: ["client_id", "due_day"])
            try db.create(table: "interaction") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().references("client", onDelete: .cascade)
                t.column("day", .text).notNull()
                t.column("channel", .text)
                t.column("note", .text).notNull()
            }
            try db.create(index: "interaction_client", on: "interaction", columns: ["client_id", "day"])
            try db.create(table: "dispute") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("invoice_id", .integer).notNull().references("invoice", onDelete: .cascade)
                t.column("opened_day", .text).notNull()
                t.column("closed_day", .text)
                t.column("note", .text)
                t.column("resolution", .text)
            }
            try db.create(index: "dispute_invoice", on: "dispute", columns: ["invoice_id"])
            // Manual pauses of a client's dunning ("en congés jusqu'au 3").
            try db.create(table: "pause") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().references("client", onDelete: .cascade)
                t.column("from_day", .text).notNull()
                t.column("until_day", .text).notNull()
                t.column("reason", .text).notNull()
            }
            try db.create(index: "pause_client", on: "pause", columns: ["client_id", "until_day"])
            // Agreed payment plans, their installments and the invoices they cover.
            try db.create(table: "plan") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("client_id", .integer).notNull().references("client", onDelete: .cascade)
                t.column("agreed_day", .text).notNull()
                t.column("frequency", .text).notNull()
                t.column("total_cents", .integer).notNull().check { $0 > 0 }
                t.column("cancelled_day", .text)
            }
            try db.create(index: "plan_client", on: "plan", columns: ["client_id"])
            try db.create(table: "plan_installment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("plan_id", .integer).notNull().references("plan", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("day", .text).notNull()
                t.column("amount_cents", .integer).notNull().check { $0 > 0 }
                t.column("down_payment", .boolean).notNull().defaults(to: false)
            }
            try db.create(index: "plan_installment_plan", on: "plan_installment", columns: ["plan_id", "number"])
            try db.create(table: "plan_invoice") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("plan_id", .integer).notNull().references("plan", onDelete: .cascade)
                t.column("invoice_id", .integer).notNull().references("invoice", onDelete: .cascade)
                t.column("amount_cents", .integer).notNull()
            }
            try db.create(index: "plan_invoice_plan", on: "plan_invoice", columns: ["plan_id"])
            try db.create(index: "plan_invoice_invoice", on: "plan_invoice", columns: ["invoice_id"])
        }
        registerPaidFacts(&migrator)
        registerImportKeys(&migrator)
        registerMonthlyTotals(&migrator)
        registerClientVersion(&migrator)
        return migrator
    }
}
