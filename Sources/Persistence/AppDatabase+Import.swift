import Foundation
import GRDB
import Receivables

extension AppDatabase {
    /// Runs a whole import as one journaled change: one transaction (all or nothing: a throw
    /// from `body` rolls everything back), one line in the audit trail, and undo that removes
    /// every row the import added and restores every row it changed.
    ///
    /// Rows the import inserts are journaled as one id range per table rather than one
    /// before-image each: a million-line file adds four journal rows, not a million.
    /// `bulkLoad` lets a load that never looks invoices up by client (a file of invoices, a
    /// FEC) set the invoice indexes and insert triggers aside until the end.
    public func importing<T>(
        action: String, summary: String, day: Day, reading: PaymentTerms.EndOfMonthReading, bulkLoad: Bool = false,
        _ body: (ImportWriter) throws -> T
    ) throws -> T {
        try write { db in
            // A bigger page cache for the duration (32 MB, within the import's memory budget).
            let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2_000
            try db.execute(sql: "PRAGMA cache_size = -32768")
            defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
            let journal = try ChangeJournal.begin(db, action: action, summary: summary, day: day.iso)
            let writer = try ImportWriter(journal: journal, reading: reading, bulkLoad: bulkLoad)
            let result = try body(writer)
            try writer.finish()
            if writer.summary.isEmpty {
                try db.execute(sql: "DELETE FROM change WHERE id = ?", arguments: [journal.changeID])
            } else {
                try db.execute(
                    sql: "UPDATE change SET summary = ? WHERE id = ?", arguments: [summary + " : " + writer.summary, journal.changeID])
            }
            return result
        }
    }
}

/// A refusal of one imported line that the ledger itself decides (an invoice number already
/// taken by another client, a payment naming an unknown invoice…). The reason is French.
public struct ImportConflict: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// What an import did, counted.
public struct ImportCounts: Sendable, Equatable, Codable {
    public var clientsAdded = 0
    public var invoicesAdded = 0
    public var invoicesAlreadyPresent = 0
    public var paymentsAdded = 0
    public var paymentsAlreadyPresent = 0
    /// Receipts applied to invoices, and what was left as clients' credit.
    public var allocated = Money.zero
    public var credit = Money.zero
    public var invoiced = Money.zero
    public var received = Money.zero

    public init() {}
}

/// Writes the rows of one import inside its transaction. Clients are found by code or by
/// exact name (case and accents aside), never guessed by likeness; an invoice number already
/// in the ledger for the same client and amount is the same invoice (re-importing a file adds
/// nothing); a payment carries a key made from its line, so a second import skips it.
public final class ImportWriter {
    public enum Outcome: Sendable, Equatable {
        case added
        case alreadyPresent
    }

    struct KnownClient {
        var id: Int64
        var terms: PaymentTerms
    }

    let journal: ChangeJournal
    var db: Database { journal.db }
    let reading: PaymentTerms.EndOfMonthReading
    public private(set) var counts = ImportCounts()
    private var byCode: [String: KnownClient] = [:]
    private var byName: [String: KnownClient] = [:]
    /// The highest id of each table before the import: rows above it are the import's own.
    private var floor: [ChangeJournal.Table: Int64] = [:]
    private var touchedInvoices = Set<Int64>()
    private var termsCache: [Int64: PaymentTerms] = [:]
    /// The `CREATE INDEX` statements to run again at the end of a bulk load.
    private var deferredIndexes: [String] = []
    /// Triggers set aside during a bulk load, and whether `sales_month` must be summed again.
    private var deferredTriggers: [String] = []
    private var deferredSalesMonths = false
    private let findInvoice: Statement
    private let insertInvoice: Statement
    private let insertPayment: Statement
    private let insertAllocation: Statement
    private let insertClient: Statement
    private let reduceInvoice: Statement
    private let findKey: Statement

    init(journal: ChangeJournal, reading: PaymentTerms.EndOfMonthReading, bulkLoad: Bool) throws {
        self.journal = journal
        self.reading = reading
        let db = journal.db
        for table in [ChangeJournal.Table.client, .invoice, .payment, .allocation] {
            floor[table] = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table.rawValue.quotedDatabaseIdentifier)")
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT id, code, name, terms_days, end_of_month FROM client")
        while let row = try rows.next() {
            let known = KnownClient(id: row["id"], terms: PaymentTerms(days: row["terms_days"], endOfMonth: row["end_of_month"]))
            termsCache[known.id] = known.terms
            byCode[Self.key(row["code"])] = known
            byName[Self.key(row["name"])] = byName[Self.key(row["name"])] ?? known
        }
        findInvoice = try db.makeStatement(sql: "SELECT id, client_id, amount_cents FROM invoice WHERE number = ?")
        insertInvoice = try db.makeStatement(
            sql: """
                INSERT INTO invoice (number, client_id, issue_day, due_day, amount_cents, outstanding_cents, disputed)
                VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT(number) DO NOTHING
                """)
        // A bulk load into a (nearly) empty ledger: the secondary indexes of the invoices are
        // dropped and built again at the end, by sorting rather than by a million random
        // inserts. Inside the transaction, so a rollback brings them back as they were.
        // Only for a load that never looks invoices up by client (`payment` allocates through
        // `invoice_open`): a file of invoices, or a FEC whose settlements name their invoices.
        if bulkLoad, floor[.invoice]! < 50_000 {
            deferredIndexes = try String.fetchAll(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice' AND sql IS NOT NULL")
            for name in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice' AND sql IS NOT NULL")
            {
                try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
            }
            // The monthly sales (v5) are summed once at the end rather than upserted per invoice;
            // an inserted invoice is never paid yet (its paid day comes from allocations), so
            // the paid-month insert trigger has nothing to do meanwhile.
            for name in ["sales_month_insert", "paid_month_insert"] {
                guard
                    let trigger = try String.fetchOne(
                        db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [name])
                else { continue }
                try db.execute(sql: "DROP TRIGGER \(name)")
                deferredTriggers.append(trigger)
                if name == "sales_month_insert" { deferredSalesMonths = true }
            }
        }
        insertPayment = try db.makeStatement(
            sql: """
                INSERT INTO payment (client_id, day, amount_cents, method, invoice_id, unallocated_cents, note, import_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertAllocation = try db.makeStatement(sql: "INSERT INTO allocation (payment_id, invoice_id, amount_cents) VALUES (?, ?, ?)")
        insertClient = try db.makeStatement(
            sql: "INSERT INTO client (code, name, email, phone, terms_days, end_of_month, kind) VALUES (?, ?, ?, ?, ?, ?, ?)")
        reduceInvoice = try db.makeStatement(sql: "UPDATE invoice SET outstanding_cents = outstanding_cents - ? WHERE id = ?")
        findKey = try db.makeStatement(sql: "SELECT 1 FROM payment WHERE import_key = ?")
    }

    /// "Boulangerie Dupont", "boulangerie  dupont", "BOULANGERIE DUPONT" → one key.
    static func key(_ text: String) -> String {
        // ASCII names (most) are folded on the bytes; others through Foundation.
        var ascii = true
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // MARK: Clients

    /// The client a line names (its code, else its exact name), or `nil`.
    public func clientID(named reference: String) -> Int64? {
        let key = Self.key(reference)
        return (byCode[key] ?? byName[key])?.id
    }

    /// A client of the file: found by code, else by name; created when new. An existing client
    /// is left as it is (the ledger's own details win over the file's).
    @discardableResult
    public func client(
        code: String?, name: String, email: String? = nil, phone: String? = nil, terms: PaymentTerms? = nil, kind: ClientKind? = nil
    ) throws -> (id: Int64, outcome: Outcome) {
        if let code, !code.isEmpty, let known = byCode[Self.key(code)] { return (known.id, .alreadyPresent) }
        // The same name is the same client, whatever code another program gave it.
        if let known = byName[Self.key(name)] { return (known.id, .alreadyPresent) }
        var newCode = code?.trimmingCharacters(in: .whitespaces) ?? ""
        if newCode.isEmpty { newCode = uniqueCode(for: name) }
        let terms = terms ?? .standard
        try insertClient.execute(arguments: [
            newCode, name, email, phone, terms.days, terms.endOfMonth, (kind ?? .business).rawValue,
        ])
        let known = KnownClient(id: db.lastInsertedRowID, terms: terms)
        termsCache[known.id] = terms
        byCode[Self.key(newCode)] = known
        byName[Self.key(name)] = byName[Self.key(name)] ?? known
        counts.clientsAdded += 1
        return (known.id, .added)
    }

    /// A short unique code from a name, as `AppDatabase.uniqueCode` makes it, checked against
    /// the codes in memory rather than by a query per candidate.
    func uniqueCode(for name: String) -> String {
        let folded = Self.key(name).uppercased()
        let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var base = String(words.prefix(3).joined(separator: "-").prefix(24))
        if base.isEmpty { base = "CLIENT" }
        var candidate = base
        var suffix = 2
        while byCode[Self.key(candidate)] != nil {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    /// The client a line names, created with the ledger's default terms when unknown.
    public func clientID(creatingIfNeeded reference: String) throws -> Int64 {
        if let id = clientID(named: reference) { return id }
        return try client(code: nil, name: reference).id
    }

    // MARK: Invoices

    /// An invoice of the file. Its due day, when the file has none, comes from the client's
    /// terms. The same number for the same client and amount is already there; for another
    /// client or amount it is a conflict.
    @discardableResult
    public func invoice(
        number: String, clientID: Int64, issue: Day, due: Day?, amount: Money, outstanding: Money? = nil, terms: PaymentTerms? = nil
    ) throws -> Outcome {
        let due = try due ?? (terms ?? termsByID(clientID)).dueDay(issuedOn: issue, reading: reading)
        guard due >= issue else {
            throw ImportConflict("l’échéance (\(due.french)) précède la date de la facture (\(issue.french))")
        }
        let open = outstanding ?? amount
        guard open.cents >= 0, open <= amount else {
            throw ImportConflict("le reste dû (\(open.formatted)) dépasse le montant de la facture (\(amount.formatted))")
        }
        // One statement: the insert does nothing when the number is taken, then we look.
        try insertInvoice.execute(arguments: [number, clientID, issue.iso, due.iso, amount.cents, open.cents])
        if db.changesCount > 0 {
            counts.invoicesAdded += 1
            counts.invoiced = counts.invoiced + amount
            return .added
        }
        if let row = try Row.fetchOne(findInvoice, arguments: [number]) {
            let sameClient: Int64 = row["client_id"]
            let sameAmount: Int64 = row["amount_cents"]
            guard sameClient == clientID, sameAmount == amount.cents else {
                throw ImportConflict(
                    "la facture «\u{00A0}\(number)\u{00A0}» existe déjà dans le registre pour un autre client ou un autre montant (\(Money(cents: sameAmount).formatted))"
                )
            }
            counts.invoicesAlreadyPresent += 1
            return .alreadyPresent
        }
        throw ImportConflict("la facture «\u{00A0}\(number)\u{00A0}» n’a pas pu être enregistrée")
    }

    private func termsByID(_ clientID: Int64) throws -> PaymentTerms {
        if let terms = termsCache[clientID] { return terms }
        let row = try Row.fetchOne(db, sql: "SELECT terms_days, end_of_month FROM client WHERE id = ?", arguments: [clientID])
        let terms = row.map { PaymentTerms(days: $0["terms_days"], endOfMonth: $0["end_of_month"]) } ?? .standard
        termsCache[clientID] = terms
        return terms
    }

    // MARK: Payments

    /// Whether a payment with this key was imported before.
    public func hasPayment(key: String) throws -> Bool {
        try Int.fetchOne(findKey, arguments: [key]) != nil
    }

    /// A receipt of the file, allocated as a typed payment is: to the invoice it names, else
    /// to the oldest open invoices; the rest is the client's credit.
    @discardableResult
    public func payment(
        key: String, clientID: Int64, day: Day, amount: Money, method: PaymentMethod?, invoiceNumber: String?, note: String?
    ) throws -> Outcome {
        if try hasPayment(key: key) {
            counts.paymentsAlreadyPresent += 1
            return .alreadyPresent
        }
        var named: Int64? = nil
        if let invoiceNumber {
            guard let row = try Row.fetchOne(findInvoice, arguments: [invoiceNumber]) else {
                throw ImportConflict("aucune facture «\u{00A0}\(invoiceNumber)\u{00A0}» dans le registre ni plus haut dans le fichier")
            }
            guard row["client_id"] as Int64 == clientID else {
                throw ImportConflict("la facture «\u{00A0}\(invoiceNumber)\u{00A0}» est celle d’un autre client")
            }
            named = row["id"]
        }
        let open = try AppDatabase.openInvoices(db, clientID: clientID)
        let result = Allocator.allocate(amount, named: named, openInvoices: open)
        try settle(
            key: key, clientID: clientID, day: day, amount: amount, method: method, invoiceID: named, note: note,
            allocations: result.allocations.map { ($0.invoiceID, $0.amount) })
        return .added
    }

    /// A receipt whose allocations the file itself states (the lettrage of a FEC): each
    /// `(invoice number, amount)` is applied as given; what is left is the client's credit.
    @discardableResult
    public func settledPayment(
        key: String, clientID: Int64, day: Day, amount: Money, method: PaymentMethod?, note: String?,
        allocations: [(invoiceNumber: String, amount: Money)]
    ) throws -> Outcome {
        if try hasPayment(key: key) {
            counts.paymentsAlreadyPresent += 1
            return .alreadyPresent
        }
        var resolved: [(Int64, Money)] = []
        for allocation in allocations where allocation.amount.isPositive {
            guard let row = try Row.fetchOne(findInvoice, arguments: [allocation.invoiceNumber]) else {
                throw ImportConflict("aucune facture «\u{00A0}\(allocation.invoiceNumber)\u{00A0}» pour ce règlement")
            }
            resolved.append((row["id"], allocation.amount))
        }
        try settle(
            key: key, clientID: clientID, day: day, amount: amount, method: method, invoiceID: nil, note: note, allocations: resolved)
        return .added
    }

    private func settle(
        key: String, clientID: Int64, day: Day, amount: Money, method: PaymentMethod?, invoiceID: Int64?, note: String?,
        allocations: [(Int64, Money)]
    ) throws {
        guard amount.isPositive else { throw ImportConflict("un règlement est strictement positif") }
        let applied = allocations.reduce(Money.zero) { $0 + $1.1 }
        guard applied <= amount else { throw ImportConflict("le lettrage affecte plus que le montant du règlement") }
        // Checked before any write, so that a refused line leaves nothing behind (--skip-errors
        // goes on with the next line in the same transaction).
        var wanted: [Int64: Int64] = [:]
        for (invoice, part) in allocations { wanted[invoice, default: 0] += part.cents }
        for (invoice, cents) in wanted {
            let left = try Int64.fetchOne(db, sql: "SELECT outstanding_cents FROM invoice WHERE id = ?", arguments: [invoice]) ?? 0
            guard cents <= left else {
                throw ImportConflict(
                    "le lettrage affecte \(Money(cents: cents).formatted) à une facture dont il reste \(Money(cents: left).formatted) dus")
            }
        }
        try insertPayment.execute(arguments: [
            clientID, day.iso, amount.cents, method?.rawValue, invoiceID, (amount - applied).cents, note, key,
        ])
        let paymentID = db.lastInsertedRowID
        for (invoice, part) in allocations {
            // An invoice the ledger had before the import keeps its before-image for undo.
            if invoice <= floor[.invoice]!, !touchedInvoices.contains(invoice) {
                try journal.logUpdate(.invoice, id: invoice)
                touchedInvoices.insert(invoice)
            }
            try reduceInvoice.execute(arguments: [part.cents, invoice])
            try insertAllocation.execute(arguments: [paymentID, invoice, part.cents])
        }
        counts.paymentsAdded += 1
        counts.received = counts.received + amount
        counts.allocated = counts.allocated + applied
        counts.credit = counts.credit + (amount - applied)
    }

    // MARK: Journal

    /// Journals the rows added, one id range per table (undo deletes them, allocations first).
    func finish() throws {
        // Indexes are built by sorting, with two sorter threads.
        if !deferredIndexes.isEmpty { try db.execute(sql: "PRAGMA threads = 2") }
        for sql in deferredIndexes { try db.execute(sql: sql) }
        deferredIndexes = []
        if deferredSalesMonths {
            try db.execute(
                sql: """
                    DELETE FROM sales_month;
                    INSERT INTO sales_month (month, cents, count)
                        SELECT substr(issue_day, 1, 7), SUM(amount_cents), COUNT(*) FROM invoice INDEXED BY invoice_issue GROUP BY 1;
                    """)
            deferredSalesMonths = false
        }
        for sql in deferredTriggers { try db.execute(sql: sql) }
        deferredTriggers = []
        for table in [ChangeJournal.Table.client, .invoice, .payment, .allocation] {
            let last = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table.rawValue.quotedDatabaseIdentifier)") ?? 0
            if last > floor[table]! { try journal.logInsertedRange(table, from: floor[table]! + 1, to: last) }
        }
    }

    /// "3 clients, 1 200 factures, 15 paiements" — empty when nothing was added.
    var summary: String {
        var parts: [String] = []
        if counts.clientsAdded > 0 { parts.append("\(counts.clientsAdded) client\(counts.clientsAdded > 1 ? "s" : "")") }
        if counts.invoicesAdded > 0 { parts.append("\(counts.invoicesAdded) facture\(counts.invoicesAdded > 1 ? "s" : "")") }
        if counts.paymentsAdded > 0 { parts.append("\(counts.paymentsAdded) paiement\(counts.paymentsAdded > 1 ? "s" : "")") }
        return parts.joined(separator: ", ")
    }
}
