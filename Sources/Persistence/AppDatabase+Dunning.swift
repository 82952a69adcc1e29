import Foundation
import GRDB
import Receivables

// Writes and reads of the dunning history: settings, reminders, promises, interactions,
// disputes, pauses and payment plans. Every write is one journaled change (undoable).

extension AppDatabase {
    // MARK: Settings

    /// Every stored setting, by key.
    public func settings() throws -> [String: String] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try SettingRecord.fetchAll(db).map { ($0.key, $0.value) })
        }
    }

    /// Sets (or with `nil` removes) a setting.
    public func setSetting(_ key: String, to value: String?, day: Day) throws {
        let summary = value.map { "réglage \(key) = \($0)" } ?? "réglage \(key) effacé"
        try change(action: "settings.set", summary: summary, day: day) { journal in
            let existing = try SettingRecord.filter(Column("key") == key).fetchOne(journal.db)
            switch (existing, value) {
            case (var record?, let value?):
                record.value = value
                try journal.update(record)
            case (nil, let value?):
                var record = SettingRecord(id: nil, key: key, value: value)
                try journal.insert(&record)
            case (let record?, nil):
                try journal.delete(.setting, id: record.id!)
            case (nil, nil):
                break
            }
        }
    }

    // MARK: Clients

    /// How a client update touches the client's pauses.
    public enum PauseChange: Sendable {
        /// Pause the dunning from a day until a day, for a reason.
        case pause(from: Day, until: Day, reason: String)
        /// End the pauses still running on that day (they stop the day before).
        case resume(on: Day)
    }

    /// Saves a changed client (contacts, terms, channel, tone, sequence, dunning stop,
    /// procedure) and its pauses, as one change: one undo reverts all of it.
    @discardableResult
    public func updateClient(_ client: Client, pause: PauseChange? = nil, summary: String, day: Day) throws -> Client {
        try change(action: "client.update", summary: summary, day: day) { journal in
            guard let id = client.id, let before = try ClientRecord.fetchOne(journal.db, key: id) else {
                throw PersistenceError.unknownClient(client.id ?? 0)
            }
            let record = ClientRecord(client)
            if before.client != record.client { try journal.update(record) }
            switch pause {
            case .pause(let from, let until, let reason)?:
                var pause = PauseRecord(id: nil, clientID: id, fromDay: from.iso, untilDay: until.iso, reason: reason)
                try journal.insert(&pause)
            case .resume(let day)?:
                let running = try PauseRecord.filter(Column("client_id") == id && Column("until_day") >= day.iso).fetchAll(journal.db)
                for var pause in running {
                    pause.untilDay = day.adding(days: -1).iso
                    try journal.update(pause)
                }
            case nil:
                break
            }
            return client
        }
    }

    // MARK: Reminders, promises, interactions

    /// Records a reminder sent.
    public func recordReminder(
        clientID: Int64, day: Day, level: DunningLevel, channel: Channel?, invoices: [String], amount: Money, note: String?, today: Day
    ) throws -> ReminderEntry {
        let name = try client(id: clientID).name
        let summary = "\(level.frenchLabel) envoyée à \(name) le \(day.french)"
        return try change(action: "reminder.sent", summary: summary, day: today) { journal in
            var record = ReminderRecord(
                id: nil, clientID: clientID, day: day.iso, level: level.rawValue, channel: channel?.rawValue,
                invoices: invoices.joined(separator: ","), amountCents: amount.cents, note: note)
            try journal.insert(&record)
            return record.entry
        }
    }

    /// A client's reminders, oldest first.
    public func reminders(clientID: Int64) throws -> [ReminderEntry] {
        try read { db in
            try ReminderRecord.filter(Column("client_id") == clientID).order(Column("day"), Column("id")).fetchAll(db).map(\.entry)
        }
    }

    /// Records a promise to pay.
    public func recordPromise(
        clientID: Int64, madeDay: Day, dueDay: Day, amount: Money, invoiceID: Int64?, method: PaymentMethod?, note: String?
    ) throws -> PromiseEntry {
        guard amount.isPositive else { throw PersistenceError.invalidAmount(amount.formatted) }
        let name = try client(id: clientID).name
        let summary = "promesse de \(name) : \(amount.formatted) pour le \(dueDay.french)"
        return try change(action: "promise.record", summary: summary, day: madeDay) { journal in
            var record = PromiseRecord(
                id: nil, clientID: clientID, madeDay: madeDay.iso, dueDay: dueDay.iso, amountCents: amount.cents, invoiceID: invoiceID,
                method: method?.rawValue, note: note)
            try journal.insert(&record)
            return try Self.promises(journal.db, clientID: clientID).first { $0.id == record.id }!
        }
    }

    /// A client's promises, most recent first, with what was paid since each was made.
    public func promises(clientID: Int64) throws -> [PromiseEntry] {
        try read { db in try Self.promises(db, clientID: clientID) }
    }

    /// The column `paid_since` of a promise row `p`: what its client paid from the day it was made.
    static let promisePaidSince = """
        (SELECT COALESCE(SUM(amount_cents), 0) FROM payment WHERE client_id = p.client_id AND day >= p.made_day) AS paid_since
        """

    static func promises(_ db: Database, clientID: Int64) throws -> [PromiseEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT p.*, i.number AS invoice_number, \(promisePaidSince)
                FROM promise p LEFT JOIN invoice i ON i.id = p.invoice_id
                WHERE p.client_id = ? ORDER BY p.made_day DESC, p.id DESC
                """, arguments: [clientID]
        ).map(Self.promiseEntry)
    }

    static func promiseEntry(_ row: Row) -> PromiseEntry {
        PromiseEntry(
            id: row["id"], clientID: row["client_id"], madeDay: Day(iso: row["made_day"] as String) ?? Day(ordinal: 0),
            dueDay: Day(iso: row["due_day"] as String) ?? Day(ordinal: 0), amount: Money(cents: row["amount_cents"]),
            invoiceNumber: row["invoice_number"], method: (row["method"] as String?).flatMap(PaymentMethod.init(rawValue:)),
            note: row["note"], paidSince: Money(cents: row["paid_since"]))
    }

    /// Keeps a note of a call, mail or meeting.
    public func logInteraction(clientID: Int64, day: Day, channel: Channel?, note: String, today: Day) throws -> InteractionEntry {
        let name = try client(id: clientID).name
        return try change(action: "interaction.log", summary: "note pour \(name) : \(note)", day: today) { journal in
            var record = InteractionRecord(id: nil, clientID: clientID, day: day.iso, channel: channel?.rawValue, note: note)
            try journal.insert(&record)
            return InteractionEntry(id: record.id!, clientID: clientID, day: day, channel: channel, note: note)
        }
    }

    /// A client's interactions, most recent first.
    public func interactions(clientID: Int64, limit: Int = 20) throws -> [InteractionEntry] {
        try read { db in
            try InteractionRecord.filter(Column("client_id") == clientID).order(Column("day").desc, Column("id").desc).limit(limit)
                .fetchAll(db).map {
                    InteractionEntry(
                        id: $0.id!, clientID: $0.clientID, day: Day(iso: $0.day) ?? Day(ordinal: 0),
                        channel: $0.channel.flatMap(Channel.init(rawValue:)), note: $0.note)
                }
        }
    }

    // MARK: Disputes

    /// Marks an invoice disputed: no dunning until the dispute is closed.
    public func openDispute(invoiceID: Int64, day: Day, note: String?, today: Day) throws -> DisputeEntry {
        try change(action: "dispute.open", summary: "litige ouvert", day: today) { journal in
            let db = journal.db
            guard var invoice = try InvoiceRecord.fetchOne(db, key: invoiceID) else {
                throw PersistenceError.unknownInvoice("n°\(invoiceID)")
            }
            try db.execute(
                sql: "UPDATE change SET summary = ? WHERE id = ?",
                arguments: ["litige ouvert sur la facture \(invoice.number)", journal.changeID])
            invoice.disputed = true
            try journal.update(invoice)
            var record = DisputeRecord(id: nil, invoiceID: invoiceID, openedDay: day.iso, closedDay: nil, note: note, resolution: nil)
            try journal.insert(&record)
            return DisputeEntry(
                id: record.id!, invoiceID: invoiceID, invoiceNumber: invoice.number, clientID: invoice.clientID, openedDay: day,
                closedDay: nil, note: note, resolution: nil)
        }
    }

    /// Closes an invoice's open dispute: its dunning resumes (or it is settled meanwhile).
    public func closeDispute(invoiceID: Int64, day: Day, resolution: String?, today: Day) throws -> DisputeEntry {
        try change(action: "dispute.close", summary: "litige clos", day: today) { journal in
            let db = journal.db
            guard var invoice = try InvoiceRecord.fetchOne(db, key: invoiceID) else {
                throw PersistenceError.unknownInvoice("n°\(invoiceID)")
            }
            try db.execute(
                sql: "UPDATE change SET summary = ? WHERE id = ?",
                arguments: ["litige clos sur la facture \(invoice.number)", journal.changeID])
            invoice.disputed = false
            try journal.update(invoice)
            var record =
                try DisputeRecord.filter(Column("invoice_id") == invoiceID && Column("closed_day") == nil).order(Column("id").desc)
                .fetchOne(db)
                ?? DisputeRecord(id: nil, invoiceID: invoiceID, openedDay: day.iso, closedDay: nil, note: nil, resolution: nil)
            record.closedDay = day.iso
            record.resolution = resolution
            if record.id == nil { try journal.insert(&record) } else { try journal.update(record) }
            return DisputeEntry(
                id: record.id!, invoiceID: invoiceID, invoiceNumber: invoice.number, clientID: invoice.clientID,
                openedDay: Day(iso: record.openedDay) ?? day, closedDay: day, note: record.note, resolution: resolution)
        }
    }

    /// Disputes of a client (or of all clients), most recent first.
    public func disputes(clientID: Int64? = nil, openOnly: Bool = false) throws -> [DisputeEntry] {
        try read { db in try Self.disputes(db, clientID: clientID, openOnly: openOnly) }
    }

    static func disputes(_ db: Database, clientID: Int64?, openOnly: Bool) throws -> [DisputeEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let clientID {
            conditions.append("i.client_id = ?")
            arguments += [clientID]
        }
        if openOnly { conditions.append("d.closed_day IS NULL") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT d.*, i.number, i.client_id FROM dispute d JOIN invoice i ON i.id = d.invoice_id
                \(filter) ORDER BY d.opened_day DESC, d.id DESC
                """, arguments: arguments
        ).map { row in
            DisputeEntry(
                id: row["id"], invoiceID: row["invoice_id"], invoiceNumber: row["number"], clientID: row["client_id"],
                openedDay: Day(iso: row["opened_day"] as String) ?? Day(ordinal: 0),
                closedDay: (row["closed_day"] as String?).flatMap { Day(iso: $0) }, note: row["note"], resolution: row["resolution"])
        }
    }

    // MARK: Pauses

    /// A client's pauses (or all), latest end first.
    public func pauses(clientID: Int64? = nil) throws -> [PauseEntry] {
        try read { db in
            var request = PauseRecord.order(Column("until_day").desc)
            if let clientID { request = request.filter(Column("client_id") == clientID) }
            return try request.fetchAll(db).map {
                PauseEntry(
                    id: $0.id!, clientID: $0.clientID, from: Day(iso: $0.fromDay) ?? Day(ordinal: 0),
                    until: Day(iso: $0.untilDay) ?? Day(ordinal: 0), reason: $0.reason)
            }
        }
    }

    // MARK: Plans

    /// Records an agreed plan over some of the client's open invoices.
    public func agreePlan(
        clientID: Int64, day: Day, frequency: String, installments: [PlannedInstallment], invoices: [Invoice]
    ) throws -> PlanEntry {
        let total = installments.reduce(Money.zero) { $0 + $1.amount }
        guard total.isPositive, !installments.isEmpty else { throw PersistenceError.invalidAmount(total.formatted) }
        let name = try client(id: clientID).name
        let summary = "échéancier de \(name) : \(total.formatted) en \(installments.count) versements"
        let planID: Int64 = try change(action: "plan.accept", summary: summary, day: day) { journal in
            var plan = PlanRecord(
                id: nil, clientID: clientID, agreedDay: day.iso, frequency: frequency, totalCents: total.cents, cancelledDay: nil)
            try journal.insert(&plan)
            for installment in installments {
                var record = PlanInstallmentRecord(
                    id: nil, planID: plan.id!, number: installment.number, day: installment.day.iso, amountCents: installment.amount.cents,
                    downPayment: installment.isDownPayment)
                try journal.insert(&record)
            }
            for invoice in invoices {
                guard let invoiceID = invoice.id else { continue }
                var record = PlanInvoiceRecord(id: nil, planID: plan.id!, invoiceID: invoiceID, amountCents: invoice.outstanding.cents)
                try journal.insert(&record)
            }
            return plan.id!
        }
        return try read { db in try Self.plans(db, clientID: clientID, planID: planID).first! }
    }

    /// Plans of a client (or of everyone), newest first, with their installments and payments.
    public func plans(clientID: Int64? = nil, includeCancelled: Bool = false) throws -> [PlanEntry] {
        try read { db in try Self.plans(db, clientID: clientID, planID: nil, includeCancelled: includeCancelled) }
    }

    static func plans(_ db: Database, clientID: Int64?, planID: Int64?, includeCancelled: Bool = true) throws -> [PlanEntry] {
        var request = PlanRecord.order(Column("agreed_day").desc, Column("id").desc)
        if let clientID { request = request.filter(Column("client_id") == clientID) }
        if let planID { request = request.filter(Column("id") == planID) }
        if !includeCancelled { request = request.filter(Column("cancelled_day") == nil) }
        return try request.fetchAll(db).map { plan in
            let installments = try PlanInstallmentRecord.filter(Column("plan_id") == plan.id!).order(Column("number")).fetchAll(db).map {
                PlannedInstallment(
                    number: $0.number, day: Day(iso: $0.day) ?? Day(ordinal: 0), amount: Money(cents: $0.amountCents),
                    isDownPayment: $0.downPayment)
            }
            let invoices = try Row.fetchAll(
                db,
                sql:
                    "SELECT i.id, i.number FROM plan_invoice p JOIN invoice i ON i.id = p.invoice_id WHERE p.plan_id = ? ORDER BY i.due_day",
                arguments: [plan.id!]
            ).map { (id: $0["id"] as Int64, number: $0["number"] as String) }
            let payments = try Row.fetchAll(
                db,
                sql: """
                    SELECT pay.day, SUM(a.amount_cents) AS cents
                    FROM allocation a JOIN payment pay ON pay.id = a.payment_id
                    WHERE a.invoice_id IN (SELECT invoice_id FROM plan_invoice WHERE plan_id = ?) AND pay.day >= ?
                    GROUP BY pay.day ORDER BY pay.day
                    """, arguments: [plan.id!, plan.agreedDay]
            ).map { (day: Day(iso: $0["day"] as String) ?? Day(ordinal: 0), amount: Money(cents: $0["cents"])) }
            let name = try String.fetchOne(db, sql: "SELECT name FROM client WHERE id = ?", arguments: [plan.clientID]) ?? ""
            return PlanEntry(
                id: plan.id!, clientID: plan.clientID, clientName: name, agreedDay: Day(iso: plan.agreedDay) ?? Day(ordinal: 0),
                frequency: plan.frequency, total: Money(cents: plan.totalCents), cancelledDay: plan.cancelledDay.flatMap { Day(iso: $0) },
                installments: installments, invoices: invoices, payments: payments)
        }
    }

    // MARK: The dunning run

    /// Everything the dunning run needs about every client with unpaid invoices (or one client).
    public func dunningFacts(clientID: Int64? = nil, today: Day, graceDays: Int) throws -> [DunningFacts] {
        try read { db in
            let disputes = Dictionary(grouping: try Self.disputes(db, clientID: clientID, openOnly: true), by: \.clientID)
            let plans = Dictionary(grouping: try Self.plans(db, clientID: clientID, planID: nil, includeCancelled: false), by: \.clientID)
            return try Self.dunningFacts(
                db, slice: clientID.map { .only($0) } ?? .all, today: today, graceDays: graceDays, disputes: disputes, plans: plans)
        }
    }

    /// The facts of every client with unpaid invoices, handed to `body` one client at a time
    /// and read a slice of clients at a time (in one read transaction): the dunning run over a
    /// million invoices never holds them all.
    public func forEachDunningFacts(today: Day, graceDays: Int, _ body: (DunningFacts) throws -> Void) throws {
        try read { db in
            let disputes = Dictionary(grouping: try Self.disputes(db, clientID: nil, openOnly: true), by: \.clientID)
            let plans = Dictionary(grouping: try Self.plans(db, clientID: nil, planID: nil, includeCancelled: false), by: \.clientID)
            for slice in try clientSlices(db, count: 16) {
                for fact in try Self.dunningFacts(db, slice: slice, today: today, graceDays: graceDays, disputes: disputes, plans: plans) {
                    try body(fact)
                }
            }
        }
    }

    private static func dunningFacts(
        _ db: Database, slice: ClientSlice, today: Day, graceDays: Int, disputes: [Int64: [DisputeEntry]], plans: [Int64: [PlanEntry]]
    ) throws -> [DunningFacts] {
        do {
            var values: [String: DatabaseValue] = [:]
            let clientFilter = slice.filter("client_id", &values)
            let arguments = StatementArguments(values)
            // Columns by position: this reads every unpaid invoice of the slice.
            var byClient: [Int64: [Invoice]] = [:]
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, number, client_id, issue_day, due_day, amount_cents, outstanding_cents, disputed
                    FROM invoice WHERE outstanding_cents > 0\(clientFilter) ORDER BY client_id, due_day
                    """, arguments: arguments)
            while let row = try cursor.next() {
                let clientID: Int64 = row[2]
                byClient[clientID, default: []].append(
                    Invoice(
                        id: row[0], number: row[1], clientID: clientID, issueDay: Day(iso: row[3] as String) ?? Day(ordinal: 0),
                        dueDay: Day(iso: row[4] as String) ?? Day(ordinal: 0), amount: Money(cents: row[5]),
                        outstanding: Money(cents: row[6]), disputed: row[7]))
            }
            guard !byClient.isEmpty else { return [] }
            let ids = Array(byClient.keys).sorted()
            let idList = ids.map(String.init).joined(separator: ",")
            let clients = try ClientRecord.fetchAll(db, sql: "SELECT * FROM client WHERE id IN (\(idList))").map(\.client)
            let horizon = today.adding(days: -730).iso
            let reminders = Dictionary(
                grouping: try ReminderRecord.fetchAll(
                    db, sql: "SELECT * FROM reminder WHERE client_id IN (\(idList)) AND day >= ?", arguments: [horizon]
                ).map(\.entry), by: \.clientID)
            let promises = Dictionary(
                grouping: try Row.fetchAll(
                    db,
                    sql: """
                        SELECT p.*, NULL AS invoice_number, \(Self.promisePaidSince)
                        FROM promise p WHERE p.client_id IN (\(idList)) AND p.due_day >= ?
                        """, arguments: [horizon]
                ).map(Self.promiseEntry), by: \.clientID)
            let pauses = Dictionary(
                grouping: try PauseRecord.fetchAll(
                    db, sql: "SELECT * FROM pause WHERE client_id IN (\(idList)) AND until_day >= ?", arguments: [today.iso]),
                by: \.clientID)
            return clients.map { client in
                let id = client.id!
                return DunningFacts(
                    client: client, openInvoices: byClient[id] ?? [],
                    reminders: (reminders[id] ?? []).map { .init(day: $0.day, level: $0.level, channel: $0.channel) },
                    promises: (promises[id] ?? []).map {
                        .init(madeDay: $0.madeDay, dueDay: $0.dueDay, amount: $0.amount, paidSince: $0.paidSince)
                    },
                    pauses: (pauses[id] ?? []).map {
                        .init(from: Day(iso: $0.fromDay) ?? today, until: Day(iso: $0.untilDay) ?? today, reason: $0.reason)
                    },
                    disputes: (disputes[id] ?? []).map { .init(invoiceID: $0.invoiceID, since: $0.openedDay) },
                    plans: (plans[id] ?? []).map {
                        .init(invoiceIDs: Set($0.invoices.map(\.id)), progress: $0.progress(asOf: today, graceDays: graceDays))
                    })
            }
        }
    }

    /// How a client paid its invoices settled in the last year: the share paid more than five
    /// days late, and the average delay weighted by amount.
    public func paymentHabits(clientID: Int64, today: Day) throws -> (settled: Int, lateShare: Double, averageDaysLate: Int) {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT i.due_day, i.amount_cents, MAX(p.day) AS paid_day
                    FROM invoice i JOIN allocation a ON a.invoice_id = i.id JOIN payment p ON p.id = a.payment_id
                    WHERE i.client_id = ? AND i.outstanding_cents = 0 AND i.due_day >= ?
                    GROUP BY i.id
                    """, arguments: [clientID, today.adding(days: -365).iso])
            var late = 0
            var weighted: Int64 = 0
            var weight: Int64 = 0
            for row in rows {
                guard let due = Day(iso: row["due_day"] as String), let paid = Day(iso: row["paid_day"] as String) else { continue }
                let delay = max(0, due.days(until: paid))
                if delay > 5 { late += 1 }
                let cents: Int64 = row["amount_cents"]
                weighted += Int64(delay) * cents
                weight += cents
            }
            return (rows.count, rows.isEmpty ? 0 : Double(late) / Double(rows.count), weight > 0 ? Int(weighted / weight) : 0)
        }
    }
}

extension AppDatabase {
    /// The payments allocated to each of these invoices: (day, amount), oldest first.
    public func settlements(invoiceIDs: [Int64]) throws -> [Int64: [(day: Day, amount: Money)]] {
        guard !invoiceIDs.isEmpty else { return [:] }
        return try read { db in
            var result: [Int64: [(day: Day, amount: Money)]] = [:]
            for chunk in stride(from: 0, to: invoiceIDs.count, by: 500).map({ Array(invoiceIDs[$0..<min($0 + 500, invoiceIDs.count)]) }) {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT a.invoice_id, p.day, a.amount_cents FROM allocation a JOIN payment p ON p.id = a.payment_id
                        WHERE a.invoice_id IN (\(chunk.map { _ in "?" }.joined(separator: ","))) ORDER BY p.day
                        """, arguments: StatementArguments(chunk))
                for row in rows {
                    result[row["invoice_id"], default: []].append(
                        (Day(iso: row["day"] as String) ?? Day(ordinal: 0), Money(cents: row["amount_cents"])))
                }
            }
            return result
        }
    }
}

extension AppDatabase {
    /// A client's invoices late on `asOf`, or paid late since `since` (they still owe interest
    /// up to their payment day), oldest due first.
    public func lateInvoices(clientID: Int64, since: Day, asOf: Day) throws -> [Invoice] {
        try read { db in
            try InvoiceRecord.fetchAll(
                db,
                sql: """
                    SELECT i.* FROM invoice i
                    WHERE i.client_id = ? AND i.due_day < ?
                      AND (i.outstanding_cents > 0
                           OR EXISTS (SELECT 1 FROM allocation a JOIN payment p ON p.id = a.payment_id
                                      WHERE a.invoice_id = i.id AND p.day > i.due_day AND p.day >= ?))
                    ORDER BY i.due_day, i.number
                    """, arguments: [clientID, asOf.iso, since.iso]
            ).map(\.invoice)
        }
    }
}
