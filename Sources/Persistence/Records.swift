import GRDB
import Receivables

// Database rows, one struct per table, converted to and from the pure domain types.
// Column names are snake_case so that the file reads naturally in the sqlite3 shell.

struct ClientRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "client"
    var id: Int64?
    var code: String
    var name: String
    var email: String?
    var phone: String?
    var termsDays: Int
    var endOfMonth: Bool
    var kind: String
    var address: String?
    var preferredChannel: String?
    var addressForm: String
    var sequence: String?
    var dunningStop: String?
    var insolvency: String?
    var penaltyRateBP: Int?

    enum CodingKeys: String, CodingKey {
        case id, code, name, email, phone, kind, address, sequence, insolvency
        case penaltyRateBP = "penalty_rate_bp"
        case termsDays = "terms_days"
        case endOfMonth = "end_of_month"
        case preferredChannel = "preferred_channel"
        case addressForm = "address_form"
        case dunningStop = "dunning_stop"
    }

    init(_ client: Client) {
        id = client.id
        code = client.code
        name = client.name
        email = client.email
        phone = client.phone
        termsDays = client.terms.days
        endOfMonth = client.terms.endOfMonth
        kind = client.kind.rawValue
        address = client.address
        preferredChannel = client.preferredChannel?.rawValue
        addressForm = client.addressForm.rawValue
        sequence = client.sequence
        dunningStop = client.dunningStop
        insolvency = client.insolvency
        penaltyRateBP = client.contractRate
    }

    var client: Client {
        var client = Client(
            id: id, code: code, name: name, email: email, phone: phone,
            terms: PaymentTerms(days: termsDays, endOfMonth: endOfMonth), kind: ClientKind(rawValue: kind) ?? .business)
        client.address = address
        client.preferredChannel = preferredChannel.flatMap(Channel.init(rawValue:))
        client.addressForm = AddressForm(rawValue: addressForm) ?? .vous
        client.sequence = sequence
        client.dunningStop = dunningStop
        client.insolvency = insolvency
        client.contractRate = penaltyRateBP
        return client
    }

    /// Decoded by column name without Codable: reads of every client (the dunning run, the
    /// name index) decode tens of thousands of rows.
    init(row: Row) throws {
        id = row["id"]
        code = row["code"]
        name = row["name"]
        email = row["email"]
        phone = row["phone"]
        termsDays = row["terms_days"]
        endOfMonth = row["end_of_month"]
        kind = row["kind"]
        address = row["address"]
        preferredChannel = row["preferred_channel"]
        addressForm = row["address_form"] ?? "vous"
        sequence = row["sequence"]
        dunningStop = row["dunning_stop"]
        insolvency = row["insolvency"]
        penaltyRateBP = row["penalty_rate_bp"]
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct InvoiceRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "invoice"
    var id: Int64?
    var number: String
    var clientID: Int64
    var issueDay: String
    var dueDay: String
    var amountCents: Int64
    var outstandingCents: Int64
    var disputed: Bool

    enum CodingKeys: String, CodingKey {
        case id, number, disputed
        case clientID = "client_id"
        case issueDay = "issue_day"
        case dueDay = "due_day"
        case amountCents = "amount_cents"
        case outstandingCents = "outstanding_cents"
    }

    init(_ invoice: Invoice) {
        id = invoice.id
        number = invoice.number
        clientID = invoice.clientID
        issueDay = invoice.issueDay.iso
        dueDay = invoice.dueDay.iso
        amountCents = invoice.amount.cents
        outstandingCents = invoice.outstanding.cents
        disputed = invoice.disputed
    }

    /// Decoded by column name without Codable (open-invoice reads are the hot path).
    init(row: Row) throws {
        id = row["id"]
        number = row["number"]
        clientID = row["client_id"]
        issueDay = row["issue_day"]
        dueDay = row["due_day"]
        amountCents = row["amount_cents"]
        outstandingCents = row["outstanding_cents"]
        disputed = row["disputed"]
    }

    var invoice: Invoice {
        Invoice(
            id: id, number: number, clientID: clientID, issueDay: Day(iso: issueDay) ?? Day(ordinal: 0),
            dueDay: Day(iso: dueDay) ?? Day(ordinal: 0), amount: Money(cents: amountCents),
            outstanding: Money(cents: outstandingCents), disputed: disputed)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct PaymentRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "payment"
    var id: Int64?
    var clientID: Int64
    var day: String
    var amountCents: Int64
    var method: String?
    var invoiceID: Int64?
    var unallocatedCents: Int64
    var note: String?

    enum CodingKeys: String, CodingKey {
        case id, day, method, note
        case clientID = "client_id"
        case amountCents = "amount_cents"
        case invoiceID = "invoice_id"
        case unallocatedCents = "unallocated_cents"
    }

    init(_ payment: Payment) {
        id = payment.id
        clientID = payment.clientID
        day = payment.day.iso
        amountCents = payment.amount.cents
        method = payment.method?.rawValue
        invoiceID = payment.invoiceID
        unallocatedCents = payment.unallocated.cents
        note = payment.note
    }

    var payment: Payment {
        Payment(
            id: id, clientID: clientID, day: Day(iso: day) ?? Day(ordinal: 0), amount: Money(cents: amountCents),
            method: method.flatMap(PaymentMethod.init(rawValue:)), invoiceID: invoiceID,
            unallocated: Money(cents: unallocatedCents), note: note)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

struct AllocationRecord: Identifiable, Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "allocation"
    var id: Int64?
    var paymentID: Int64
    var invoiceID: Int64
    var amountCents: Int64

    enum CodingKeys: String, CodingKey {
        case id
        case paymentID = "payment_id"
        case invoiceID = "invoice_id"
        case amountCents = "amount_cents"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
