import GRDB

extension AppDatabase {
    /// v3: what the reports read on a million invoices, stored once.
    ///
    /// `invoice.paid_day` is the day a fully paid invoice was settled (the latest day of the
    /// payments allocated to it; NULL while anything is owed or when no payment is recorded)
    /// and `paid_delay` its days past the due date. DSO, risk and the payment habits read them
    /// through the covering index `invoice_paid` instead of joining allocations and payments
    /// and grouping a million rows; the sales per client read `invoice_sales`.
    ///
    /// Kept true by triggers, so that every write path — payments, undo (which restores whole
    /// rows), the demo generator, imports, and any future one — stays right without code: a
    /// change of an invoice's outstanding amount, and an allocation added or removed, recompute
    /// that one invoice from its allocations (one lookup through `allocation_invoice`).
    static func registerPaidFacts(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3: paid day and delay stored, report indexes") { db in
            try db.alter(table: "invoice") { t in
                t.add(column: "paid_day", .text)
                t.add(column: "paid_delay", .integer)
            }
            let backfill: String = """
                UPDATE invoice SET paid_day = (
                    SELECT MAX(p.day) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE a.invoice_id = invoice.id)
                WHERE outstanding_cents = 0;
                UPDATE invoice SET paid_delay = CAST(julianday(paid_day) - julianday(due_day) AS INTEGER)
                WHERE paid_day IS NOT NULL;
                """
            try db.execute(sql: backfill)
            try db.execute(sql: recomputeTriggers)
            try db.create(
                index: "invoice_paid", on: "invoice", columns: ["client_id", "paid_day", "paid_delay", "amount_cents"],
                condition: Column("paid_day") != nil)
            try db.create(index: "invoice_sales", on: "invoice", columns: ["client_id", "issue_day", "amount_cents"])
        }
    }

    /// The triggers of v3: one invoice's `paid_day` and `paid_delay` recomputed from its
    /// allocations whenever its outstanding amount or its allocations change.
    static let recomputeTriggers: String = ["invoice_paid_on_update", "invoice_paid_on_allocation", "invoice_paid_on_deallocation"]
        .enumerated().map { (index, name) -> String in
            let (event, target) = [
                ("AFTER UPDATE OF outstanding_cents ON invoice", "NEW.id"),
                ("AFTER INSERT ON allocation", "NEW.invoice_id"),
                ("AFTER DELETE ON allocation", "OLD.invoice_id"),
            ][index]
            return """
                CREATE TRIGGER \(name) \(event) BEGIN
                    UPDATE invoice SET
                        paid_day = CASE WHEN outstanding_cents = 0 THEN (
                            SELECT MAX(p.day) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE a.invoice_id = invoice.id) END,
                        paid_delay = CASE WHEN outstanding_cents = 0 THEN CAST(julianday((
                            SELECT MAX(p.day) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE a.invoice_id = invoice.id))
                            - julianday(due_day) AS INTEGER) END
                    WHERE id = \(target);
                END;
                """
        }.joined(separator: "\n")
}
