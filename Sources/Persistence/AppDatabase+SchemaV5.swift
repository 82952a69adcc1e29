import GRDB

extension AppDatabase {
    /// Days of delay still regarded as on time in the stored monthly totals (`paid_month`),
    /// as `kpi.dso` reads them.
    public static let lateToleranceDays = 5

    /// v5: monthly totals for the whole-ledger DSO.
    ///
    /// `sales_month` holds the invoiced amount per month of issue, `paid_month` the sums of
    /// `DelayTotals` per month of full payment (v3's `paid_day`). The DSO of the whole ledger
    /// reads a year from twelve rows of each, plus the invoices of the partial months at the
    /// edges of its window through `invoice_issue` and `invoice_paid_day`; the outstanding on a
    /// past day reads the payments made after it through `payment_day`. `invoice_client`
    /// (client, due day) goes: `invoice_sales` (client, issue day, amount) finds a client's
    /// invoices as well, and a bulk import rebuilds one index fewer. Triggers keep both
    /// tables equal to the invoices, whatever writes them (each change subtracts the old row
    /// and adds the new one), so undo stays exact.
    static func registerMonthlyTotals(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5: monthly sales and payment delay totals") { db in
            let tolerance = lateToleranceDays
            let schema: String = """
                CREATE TABLE sales_month (
                    month TEXT PRIMARY KEY, cents INTEGER NOT NULL DEFAULT 0, count INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
                CREATE TABLE paid_month (
                    month TEXT PRIMARY KEY, count INTEGER NOT NULL DEFAULT 0, cents INTEGER NOT NULL DEFAULT 0,
                    delay_sum INTEGER NOT NULL DEFAULT 0, late_sum INTEGER NOT NULL DEFAULT 0,
                    weighted_delay REAL NOT NULL DEFAULT 0, weighted_late REAL NOT NULL DEFAULT 0,
                    late_cents INTEGER NOT NULL DEFAULT 0, late_count INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
                INSERT INTO sales_month (month, cents, count)
                    SELECT substr(issue_day, 1, 7), SUM(amount_cents), COUNT(*) FROM invoice GROUP BY 1;
                INSERT INTO paid_month
                    SELECT substr(paid_day, 1, 7), COUNT(*), SUM(amount_cents), SUM(paid_delay), SUM(MAX(paid_delay, 0)),
                           TOTAL(amount_cents * paid_delay), TOTAL(amount_cents * MAX(paid_delay, 0)),
                           TOTAL(CASE WHEN paid_delay > \(tolerance) THEN amount_cents ELSE 0 END), SUM(paid_delay > \(tolerance))
                    FROM invoice WHERE paid_day IS NOT NULL AND amount_cents > 0 GROUP BY 1;
                CREATE INDEX invoice_issue ON invoice(issue_day, amount_cents);
                CREATE INDEX invoice_paid_day ON invoice(paid_day, paid_delay, amount_cents) WHERE paid_day IS NOT NULL;
                CREATE INDEX payment_day ON payment(day);
                DROP INDEX invoice_client;
                CREATE TRIGGER sales_month_insert AFTER INSERT ON invoice BEGIN \(addSales("NEW")) END;
                CREATE TRIGGER sales_month_delete AFTER DELETE ON invoice BEGIN \(subtractSales("OLD")) END;
                CREATE TRIGGER sales_month_update AFTER UPDATE OF issue_day, amount_cents ON invoice
                    WHEN OLD.issue_day IS NOT NEW.issue_day OR OLD.amount_cents IS NOT NEW.amount_cents
                    BEGIN \(subtractSales("OLD")) \(addSales("NEW")) END;
                CREATE TRIGGER paid_month_insert AFTER INSERT ON invoice WHEN NEW.paid_day IS NOT NULL
                    BEGIN \(paid("NEW", sign: 1, tolerance: tolerance)) END;
                CREATE TRIGGER paid_month_delete AFTER DELETE ON invoice WHEN OLD.paid_day IS NOT NULL
                    BEGIN \(paid("OLD", sign: -1, tolerance: tolerance)) END;
                CREATE TRIGGER paid_month_update AFTER UPDATE OF paid_day, paid_delay, amount_cents ON invoice
                    WHEN OLD.paid_day IS NOT NEW.paid_day OR OLD.paid_delay IS NOT NEW.paid_delay OR OLD.amount_cents IS NOT NEW.amount_cents
                    BEGIN
                        \(paid("OLD", sign: -1, tolerance: tolerance, when: "OLD.paid_day IS NOT NULL"))
                        \(paid("NEW", sign: 1, tolerance: tolerance, when: "NEW.paid_day IS NOT NULL"))
                    END;
                """
            try db.execute(sql: schema)
        }
    }

    private static func addSales(_ row: String) -> String {
        """
        INSERT INTO sales_month (month, cents, count) VALUES (substr(\(row).issue_day, 1, 7), \(row).amount_cents, 1)
            ON CONFLICT(month) DO UPDATE SET cents = cents + excluded.cents, count = count + 1;
        """
    }

    private static func subtractSales(_ row: String) -> String {
        "UPDATE sales_month SET cents = cents - \(row).amount_cents, count = count - 1 WHERE month = substr(\(row).issue_day, 1, 7);"
    }

    /// Adds (sign 1) or takes away (sign −1) one paid invoice's share of its month's totals.
    private static func paid(_ row: String, sign: Int, tolerance: Int, when condition: String = "1") -> String {
        let s = sign < 0 ? "-" : ""
        let positive = "\(row).amount_cents > 0 AND \(condition)"
        return """
            INSERT INTO paid_month (month) SELECT substr(\(row).paid_day, 1, 7) WHERE \(positive)
                ON CONFLICT(month) DO NOTHING;
            UPDATE paid_month SET
                count = count + \(s)1, cents = cents + \(s)\(row).amount_cents,
                delay_sum = delay_sum + \(s)\(row).paid_delay, late_sum = late_sum + \(s)MAX(\(row).paid_delay, 0),
                weighted_delay = weighted_delay + \(s)(\(row).amount_cents * \(row).paid_delay * 1.0),
                weighted_late = weighted_late + \(s)(\(row).amount_cents * MAX(\(row).paid_delay, 0) * 1.0),
                late_cents = late_cents + \(s)(CASE WHEN \(row).paid_delay > \(tolerance) THEN \(row).amount_cents ELSE 0 END),
                late_count = late_count + \(s)(\(row).paid_delay > \(tolerance))
            WHERE month = substr(\(row).paid_day, 1, 7) AND \(positive);
            """
    }
}
