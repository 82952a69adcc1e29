import Foundation
import GRDB
import Receivables

extension AppDatabase {
    /// Runs `body` as one journaled change: one transaction, one line in the audit trail,
    /// and the before-image of each touched row for undo.
    func change<T>(action: String, summary: String, day: Day, _ body: (ChangeJournal) throws -> T) throws -> T {
        try write { db in
            let journal = try ChangeJournal.begin(db, action: action, summary: summary, day: day.iso)
            return try body(journal)
        }
    }

    /// Creates a client; an empty code is derived from the name and made unique.
    public func addClient(_ client: Client, day: Day) throws -> Client {
        try change(action: "client.add", summary: "création du client \(client.name)", day: day) { journal in
            var client = client
            if client.code.isEmpty {
                client.code = try Self.uniqueCode(journal.db, for: client.name)
            } else if try ClientRecord.filter(Column("code") == client.code).fetchCount(journal.db) > 0 {
                throw PersistenceError.duplicateClientCode(client.code)
            }
            var record = ClientRecord(client)
            try journal.insert(&record)
            return record.client
        }
    }

    /// Records an invoice; its number must be new.
    public func addInvoice(_ invoice: Invoice, day: Day) throws -> Invoice {
        let summary = "facture \(invoice.number) de \(invoice.amount.formatted)"
        return try change(action: "invoice.add", summary: summary, day: day) { journal in
            guard try ClientRecord.fetchOne(journal.db, key: invoice.clientID) != nil else {
                throw PersistenceError.unknownClient(invoice.clientID)
            }
            if try Int.fetchOne(journal.db, sql: "SELECT 1 FROM invoice WHERE number = ? COLLATE NOCASE", arguments: [invoice.number])
                != nil
            {
                throw PersistenceError.duplicateInvoiceNumber(invoice.number)
            }
            var record = InvoiceRecord(invoice)
            try journal.insert(&record)
            return record.invoice
        }
    }

    /// Records a receipt and allocates it: to the named invoice, else to the oldest open
    /// invoices first; what is left is kept as the client's credit.
    public func recordPayment(_ payment: Payment, today: Day) throws -> PaymentReceipt {
        guard payment.amount.isPositive else { throw PersistenceError.invalidAmount(payment.amount.formatted) }
        let clientName = try client(id: payment.clientID).name
        let summary = "paiement de \(payment.amount.formatted) de \(clientName) le \(payment.day.french)"
        return try change(action: "payment.record", summary: summary, day: today) { journal in
            let db = journal.db
            let open = try Self.openInvoices(db, clientID: payment.clientID)
            let result = Allocator.allocate(payment.amount, named: payment.invoiceID, openInvoices: open)
            var paymentRecord = PaymentRecord(payment)
            paymentRecord.unallocatedCents = result.credit.cents
            try journal.insert(&paymentRecord)
            var lines: [PaymentReceipt.Line] = []
            for allocation in result.allocations {
                var allocationRecord = AllocationRecord(
                    id: nil, paymentID: paymentRecord.id!, invoiceID: allocation.invoiceID, amountCents: allocation.amount.cents)
                try journal.insert(&allocationRecord)
                guard var invoice = try InvoiceRecord.fetchOne(db, key: allocation.invoiceID) else { continue }
                invoice.outstandingCents -= allocation.amount.cents
                try journal.update(invoice)
                lines.append(
                    .init(invoiceNumber: invoice.number, amount: allocation.amount, remaining: Money(cents: invoice.outstandingCents)))
            }
            return PaymentReceipt(payment: paymentRecord.payment, lines: lines, credit: result.credit)
        }
    }

    /// Reverts the most recent change not yet undone, restoring every row it touched.
    @discardableResult
    public func undoLastChange() throws -> UndoneChange {
        try write { db in
            guard
                let change = try Row.fetchOne(
                    db, sql: "SELECT id, action, summary, day FROM change WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1")
            else { throw PersistenceError.nothingToUndo }
            let changeID: Int64 = change["id"]
            let rows = try Row.fetchAll(
                db, sql: "SELECT table_name, row_id, operation, before FROM change_row WHERE change_id = ? ORDER BY id DESC",
                arguments: [changeID])
            for row in rows {
                guard let table = ChangeJournal.Table(rawValue: row["table_name"]),
                    let operation = ChangeJournal.Operation(rawValue: row["operation"])
                else { throw PersistenceError.storage("journal illisible pour la modification n°\(changeID)") }
                let rowID: Int64 = row["row_id"]
                let tableName = table.rawValue.quotedDatabaseIdentifier
                switch operation {
                case .insert:
                    try db.execute(sql: "DELETE FROM \(tableName) WHERE id = ?", arguments: [rowID])
                case .insertRange:
                    guard let text: String = row["before"], let last = Int64(text) else {
                        throw PersistenceError.storage("journal illisible pour la modification n°\(changeID)")
                    }
                    try db.execute(sql: "DELETE FROM \(tableName) WHERE id BETWEEN ? AND ?", arguments: [rowID, last])
                case .update, .delete:
                    guard let text: String = row["before"],
                        let image = try? JSONDecoder().decode(RowImage.self, from: Data(text.utf8))
                    else { throw PersistenceError.storage("journal illisible pour la modification n°\(changeID)") }
                    // Column names come from our own journal and are checked against the schema.
                    let known = Set(try db.columns(in: table.rawValue).map(\.name))
                    guard image.columns.allSatisfy(known.contains) else {
                        throw PersistenceError.storage("journal incompatible avec le schéma")
                    }
                    let columns = image.columns.map(\.quotedDatabaseIdentifier)
                    let values = StatementArguments(image.values.map(\.databaseValue))
                    if operation == .update {
                        // The id never changes: leaving it out of SET spares SQLite the
                        // foreign-key checks of every table that references this row.
                        let changed = image.columns.indices.filter { image.columns[$0] != "id" }
                        let assignments = changed.map { "\(image.columns[$0].quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")
                        try db.execute(
                            sql: "UPDATE \(tableName) SET \(assignments) WHERE id = ?",
                            arguments: StatementArguments(changed.map { image.values[$0].databaseValue }) + [rowID])
                    } else {
                        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
                        try db.execute(
                            sql: "INSERT INTO \(tableName) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                            arguments: values)
                    }
                }
            }
            try db.execute(
                sql: "UPDATE change SET undone_at = ? WHERE id = ?",
                arguments: [ISO8601DateFormatter().string(from: Date()), changeID])
            return UndoneChange(
                action: change["action"], summary: change["summary"], day: Day(iso: change["day"] as String) ?? Day(ordinal: 0))
        }
    }

    /// A short unique code from a name: "Boulangerie Dupont" → "BOULANGERIE-DUPONT", then -2, -3…
    static func uniqueCode(_ db: Database, for name: String) throws -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).uppercased()
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var base = words.prefix(3).joined(separator: "-")
        if base.isEmpty { base = "CLIENT" }
        base = String(base.prefix(24))
        var candidate = base
        var suffix = 2
        while try Int.fetchOne(db, sql: "SELECT 1 FROM client WHERE code = ?", arguments: [candidate]) != nil {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }
}
