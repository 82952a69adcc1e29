import GRDB
import Receivables

extension AppDatabase {
    /// Overdue clients, largest amount first then oldest, with totals over all of them.
    public func overdueClients(_ query: OverdueQuery) throws -> OverdueReport {
        let cutoff = query.asOf.adding(days: -query.minDaysLate).iso
        return try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.code, c.name, t.overdue, t.disputed, t.invoices, t.oldest_due,
                           COUNT(*) OVER () AS client_count, SUM(t.overdue) OVER () AS grand_total
                    FROM (SELECT client_id,
                                 SUM(outstanding_cents) AS overdue,
                                 SUM(CASE WHEN disputed THEN outstanding_cents ELSE 0 END) AS disputed,
                                 COUNT(*) AS invoices,
                                 MIN(due_day) AS oldest_due
                          FROM invoice
                          WHERE outstanding_cents > 0 AND due_day <= ?
                          GROUP BY client_id) AS t
                    JOIN client c ON c.id = t.client_id
                    WHERE t.overdue >= ?
                    ORDER BY t.overdue DESC, t.oldest_due ASC, c.name ASC
                    LIMIT ?
                    """,
                // With no row to carry the totals (limit 0), fetch one and drop it.
                arguments: [cutoff, query.minAmount.cents, query.limit.map { max($0, 1) } ?? -1])
            var report = OverdueReport(rows: [], clientCount: 0, total: .zero)
            for row in rows {
                let oldest = Day(iso: row["oldest_due"] as String) ?? query.asOf
                report.rows.append(
                    OverdueClient(
                        clientID: row["id"], code: row["code"], name: row["name"], overdue: Money(cents: row["overdue"]),
                        disputed: Money(cents: row["disputed"]), invoiceCount: row["invoices"], oldestDueDay: oldest,
                        maxDaysLate: oldest.days(until: query.asOf)))
                report.clientCount = row["client_count"]
                report.total = Money(cents: row["grand_total"])
            }
            if query.limit == 0 { report.rows = [] }
            return report
        }
    }

    /// How many invoice numbers start with `prefix` ("F-2026-").
    public func invoiceCount(numberPrefix prefix: String) throws -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM invoice WHERE number >= ? AND number < ?", arguments: [prefix, prefix + "\u{FFFF}"]) ?? 0
        }
    }

    /// Every client's id, code and name, for name matching and completion.
    public func clientNames() throws -> [ClientName] { try versionedClientNames().names }

    public func client(id: Int64) throws -> Client {
        try read { db in
            guard let record = try ClientRecord.fetchOne(db, key: id) else { throw PersistenceError.unknownClient(id) }
            return record.client
        }
    }

    public func clientCount() throws -> Int {
        try read { db in try ClientRecord.fetchCount(db) }
    }

    /// A client's open invoices, oldest due first.
    public func openInvoices(clientID: Int64) throws -> [Invoice] {
        try read { db in try Self.openInvoices(db, clientID: clientID) }
    }

    static func openInvoices(_ db: Database, clientID: Int64) throws -> [Invoice] {
        try InvoiceRecord.fetchAll(
            db, sql: "SELECT * FROM invoice WHERE client_id = ? AND outstanding_cents > 0 ORDER BY due_day, issue_day, number",
            arguments: [clientID]
        ).map(\.invoice)
    }

    /// The client's unallocated payments: its credit.
    public func credit(clientID: Int64) throws -> Money {
        try read { db in try Self.credit(db, clientID: clientID) }
    }

    static func credit(_ db: Database, clientID: Int64) throws -> Money {
        Money(
            cents: try Int64.fetchOne(
                db, sql: "SELECT COALESCE(SUM(unallocated_cents), 0) FROM payment WHERE client_id = ? AND unallocated_cents > 0",
                arguments: [clientID]) ?? 0)
    }

    /// What a client owes on `day`.
    public func position(clientID: Int64, asOf day: Day) throws -> ClientPosition {
        try read { db in
            ClientPosition(
                invoices: try Self.openInvoices(db, clientID: clientID), credit: try Self.credit(db, clientID: clientID),
                asOf: day)
        }
    }

    public func invoice(number: String) throws -> Invoice? {
        try read { db in
            try InvoiceRecord.fetchOne(db, sql: "SELECT * FROM invoice WHERE number = ? COLLATE NOCASE", arguments: [number])?.invoice
        }
    }

    /// Invoices matching a filter, most recent first (overdue ones: oldest due first).
    public func invoices(_ filter: InvoiceFilter, asOf today: Day) throws -> [InvoiceLine] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let clientID = filter.clientID {
            conditions.append("i.client_id = ?")
            arguments += [clientID]
        }
        switch filter.status {
        case .open?: conditions.append("i.outstanding_cents > 0")
        case .overdue?:
            conditions.append("i.outstanding_cents > 0 AND i.due_day < ?")
            arguments += [today.iso]
        case .paid?: conditions.append("i.outstanding_cents = 0")
        case .disputed?: conditions.append("i.disputed AND i.outstanding_cents > 0")
        case nil: break
        }
        if let from = filter.issuedFrom {
            conditions.append("i.issue_day >= ?")
            arguments += [from.iso]
        }
        if let to = filter.issuedTo {
            conditions.append("i.issue_day <= ?")
            arguments += [to.iso]
        }
        if let days = filter.minDaysLate {
            conditions.append("i.outstanding_cents > 0 AND i.due_day <= ?")
            arguments += [today.adding(days: -max(1, days)).iso]
        }
        if let from = filter.dueFrom {
            conditions.append("i.due_day >= ?")
            arguments += [from.iso]
        }
        if let to = filter.dueTo {
            conditions.append("i.due_day <= ?")
            arguments += [to.iso]
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let order = filter.status == .overdue || filter.dueFrom != nil ? "i.due_day ASC, i.number" : "i.issue_day DESC, i.number DESC"
        arguments += [filter.limit ?? -1]
        // The clauses above are fixed fragments; every value is a bound argument.
        let sql =
            "SELECT i.*, c.name AS client_name FROM invoice i JOIN client c ON c.id = i.client_id \(whereClause) ORDER BY \(order) LIMIT ?"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                try InvoiceLine(invoice: InvoiceRecord(row: row).invoice, clientName: row["client_name"])
            }
        }
    }

    /// Every client with its balance on `day`, by name.
    public func clientSummaries(asOf day: Day) throws -> [ClientSummary] {
        try clientSummaries(asOf: day, filter: ClientFilter()).rows
    }

    /// The clients a filter keeps, by name, at most `filter.limit` of them, and how many it
    /// keeps in all. The filters and the limit are SQL: on 50 000 clients without a status
    /// filter, only the clients shown have their open invoices totalled, rather than every
    /// client's invoices totalled and every client decoded.
    public func clientSummaries(asOf day: Day, filter: ClientFilter) throws -> (total: Int, rows: [ClientSummary]) {
        let totals = """
            SELECT client_id, SUM(outstanding_cents) AS outstanding,
                   SUM(CASE WHEN due_day < :day THEN outstanding_cents ELSE 0 END) AS overdue,
                   SUM(CASE WHEN disputed THEN 1 ELSE 0 END) AS disputed,
                   MIN(CASE WHEN due_day < :day THEN due_day END) AS oldest_due
            FROM invoice WHERE outstanding_cents > 0
            """
        var conditions: [String] = []
        switch filter.status {
        case .overdue?: conditions.append("t.overdue > 0")
        case .open?: conditions.append("t.outstanding > 0")
        case .paid?: conditions.append("COALESCE(t.outstanding, 0) <= 0")
        case .disputed?: conditions.append("t.disputed > 0")
        case nil: break
        }
        if filter.kind != nil { conditions.append("c.kind = :kind") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let arguments: StatementArguments = ["day": day.iso, "kind": filter.kind?.rawValue, "limit": filter.limit ?? -1]
        let columns = """
            c.*, COALESCE(t.outstanding, 0) AS outstanding, COALESCE(t.overdue, 0) AS overdue,
            COALESCE(t.disputed, 0) AS disputed_count, t.oldest_due
            """
        return try read { db in
            let rows: [Row]
            let total: Int
            if filter.status == nil {
                // No filter on the totals: the clients shown first, then their totals only. The
                // page is written twice rather than as a CTE, which SQLite plans twice as slowly.
                let shown = "SELECT * FROM client c \(whereClause) ORDER BY c.name LIMIT :limit"
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(columns)
                        FROM (\(shown)) c
                        LEFT JOIN (\(totals) AND client_id IN (SELECT id FROM (\(shown))) GROUP BY client_id) t ON t.client_id = c.id
                        ORDER BY c.name
                        """, arguments: arguments)
                total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM client c \(whereClause)", arguments: arguments) ?? 0
            } else {
                let joined = "FROM client c LEFT JOIN (\(totals) GROUP BY client_id) t ON t.client_id = c.id \(whereClause)"
                rows = try Row.fetchAll(db, sql: "SELECT \(columns) \(joined) ORDER BY c.name LIMIT :limit", arguments: arguments)
                total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(joined)", arguments: arguments) ?? 0
            }
            let summaries = try rows.map { row in
                let oldest: String? = row["oldest_due"]
                return try ClientSummary(
                    client: ClientRecord(row: row).client, outstanding: Money(cents: row["outstanding"]),
                    overdue: Money(cents: row["overdue"]), disputedInvoices: row["disputed_count"],
                    maxDaysLate: oldest.flatMap { Day(iso: $0) }.map { $0.days(until: day) } ?? 0)
            }
            return (total, summaries)
        }
    }

    /// A client's latest payments, most recent first.
    public func payments(clientID: Int64, limit: Int = 5) throws -> [Payment] {
        try read { db in
            try PaymentRecord.fetchAll(
                db, sql: "SELECT * FROM payment WHERE client_id = ? ORDER BY day DESC, id DESC LIMIT ?",
                arguments: [clientID, limit]
            ).map(\.payment)
        }
    }

    /// A client's invoicing history: how many invoices, and their total.
    public func invoiceHistory(clientID: Int64) throws -> (count: Int, total: Money) {
        try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(amount_cents), 0) AS total FROM invoice WHERE client_id = ?",
                arguments: [clientID])!
            return (row["n"], Money(cents: row["total"]))
        }
    }

    /// The audit trail, most recent first.
    public func recentChanges(limit: Int = 20) throws -> [ChangeEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM change ORDER BY id DESC LIMIT ?", arguments: [limit]).map { row in
                ChangeEntry(
                    id: row["id"], at: row["at"], day: Day(iso: row["day"] as String) ?? Day(ordinal: 0), action: row["action"],
                    summary: row["summary"], undone: (row["undone_at"] as String?) != nil)
            }
        }
    }
}

extension AppDatabase {
    /// How many clients, invoices and payments the ledger holds.
    public func ledgerCounts() throws -> (clients: Int, invoices: Int, payments: Int) {
        try read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM client") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM invoice") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM payment") ?? 0
            )
        }
    }
}
