import GRDB
import Receivables

// Rows of the dunning tables (migration v2), one struct per table, snake_case columns.

struct SettingRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "setting"
    var id: Int64?
    var key: String
    var value: String
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct ReminderRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "reminder"
    var id: Int64?
    var clientID: Int64
    var day: String
    var level: String
    var channel: String?
    var invoices: String
    var amountCents: Int64
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, day, level, channel, invoices, note
        case clientID = "client_id"
        case amountCents = "amount_cents"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var entry: ReminderEntry {
        ReminderEntry(
            id: id ?? 0, clientID: clientID, day: Day(iso: day) ?? Day(ordinal: 0), level: DunningLevel(rawValue: level) ?? .reminder1,
            channel: channel.flatMap(Channel.init(rawValue:)),
            invoices: invoices.split(separator: ",").map(String.init), amount: Money(cents: amountCents), note: note)
    }
}

struct PromiseRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "promise"
    var id: Int64?
    var clientID: Int64
    var madeDay: String
    var dueDay: String
    var amountCents: Int64
    var invoiceID: Int64?
    var method: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, method, note
        case clientID = "client_id"
        case madeDay = "made_day"
        case dueDay = "due_day"
        case amountCents = "amount_cents"
        case invoiceID = "invoice_id"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct InteractionRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "interaction"
    var id: Int64?
    var clientID: Int64
    var day: String
    var channel: String?
    var note: String

    enum CodingKeys: String, CodingKey {
        case id, day, channel, note
        case clientID = "client_id"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct DisputeRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "dispute"
    var id: Int64?
    var invoiceID: Int64
    var openedDay: String
    var closedDay: String?
    var note: String?
    var resolution: String?

    enum CodingKeys: String, CodingKey {
        case id, note, resolution
        case invoiceID = "invoice_id"
        case openedDay = "opened_day"
        case closedDay = "closed_day"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PauseRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "pause"
    var id: Int64?
    var clientID: Int64
    var fromDay: String
    var untilDay: String
    var reason: String

    enum CodingKeys: String, CodingKey {
        case id, reason
        case clientID = "client_id"
        case fromDay = "from_day"
        case untilDay = "until_day"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PlanRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "plan"
    var id: Int64?
    var clientID: Int64
    var agreedDay: String
    var frequency: String
    var totalCents: Int64
    var cancelledDay: String?

    enum CodingKeys: String, CodingKey {
        case id, frequency
        case clientID = "client_id"
        case agreedDay = "agreed_day"
        case totalCents = "total_cents"
        case cancelledDay = "cancelled_day"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PlanInstallmentRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "plan_installment"
    var id: Int64?
    var planID: Int64
    var number: Int
    var day: String
    var amountCents: Int64
    var downPayment: Bool

    enum CodingKeys: String, CodingKey {
        case id, number, day
        case planID = "plan_id"
        case amountCents = "amount_cents"
        case downPayment = "down_payment"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PlanInvoiceRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "plan_invoice"
    var id: Int64?
    var planID: Int64
    var invoiceID: Int64
    var amountCents: Int64

    enum CodingKeys: String, CodingKey {
        case id
        case planID = "plan_id"
        case invoiceID = "invoice_id"
        case amountCents = "amount_cents"
    }
    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

// MARK: - What the gateway returns

/// A reminder sent (or an escalation step taken).
public struct ReminderEntry: Hashable, Sendable {
    public var id: Int64
    public var clientID: Int64
    public var day: Day
    public var level: DunningLevel
    public var channel: Channel?
    public var invoices: [String]
    public var amount: Money
    public var note: String?
}

/// A promise to pay, with what was paid since it was made.
public struct PromiseEntry: Hashable, Sendable {
    public var id: Int64
    public var clientID: Int64
    public var madeDay: Day
    public var dueDay: Day
    public var amount: Money
    public var invoiceNumber: String?
    public var method: PaymentMethod?
    public var note: String?
    public var paidSince: Money

    /// kept, pending (not yet due) or broken.
    public func status(asOf today: Day) -> String {
        if paidSince >= amount { return "kept" }
        return dueDay >= today ? "pending" : "broken"
    }
}

/// A note of a call, mail or meeting.
public struct InteractionEntry: Hashable, Sendable {
    public var id: Int64
    public var clientID: Int64
    public var day: Day
    public var channel: Channel?
    public var note: String
}

/// A dispute on an invoice, open or closed.
public struct DisputeEntry: Hashable, Sendable {
    public var id: Int64
    public var invoiceID: Int64
    public var invoiceNumber: String
    public var clientID: Int64
    public var openedDay: Day
    public var closedDay: Day?
    public var note: String?
    public var resolution: String?
}

/// A manual pause of a client's dunning.
public struct PauseEntry: Hashable, Sendable {
    public var id: Int64
    public var clientID: Int64
    public var from: Day
    public var until: Day
    public var reason: String
}

/// An agreed payment plan, with what was paid towards it.
public struct PlanEntry: Hashable, Sendable {
    public var id: Int64
    public var clientID: Int64
    public var clientName: String
    public var agreedDay: Day
    public var frequency: String
    public var total: Money
    public var cancelledDay: Day?
    public var installments: [PlannedInstallment]
    /// The invoices covered: (id, number).
    public var invoices: [(id: Int64, number: String)]
    /// Payments allocated to the covered invoices since the plan was agreed, by day.
    public var payments: [(day: Day, amount: Money)]

    public static func == (lhs: PlanEntry, rhs: PlanEntry) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// How the plan is kept on `today`.
    public func progress(asOf today: Day, graceDays: Int) -> PlanProgress {
        PlanProgress(installments: installments.map { ($0.day, $0.amount) }, payments: payments, today: today, graceDays: graceDays)
    }
}
