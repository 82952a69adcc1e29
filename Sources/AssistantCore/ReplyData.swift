import FrenchParsing
import Persistence
import Receivables

// The structured results of the operations: what `data` holds over JSON-RPC and `--json`.
// Money is {cents, currency, display}, days "YYYY-MM-DD".

/// `overdue.list`.
public struct OverdueData: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public var client: ClientReference
        public var code: String
        public var overdue: Money
        public var disputed: Money
        public var invoices: Int
        public var maxDaysLate: Int
        public var oldestDueDate: Day
    }

    public var asOf: Day
    public var clientCount: Int
    public var total: Money
    public var rows: [Row]
}

/// `client.balance`.
public struct BalanceData: Encodable, Sendable {
    public var client: ClientReference
    public var asOf: Day
    public var outstanding: Money
    public var overdue: Money
    public var credit: Money
    public var netDue: Money
    public var openInvoices: Int
    public var overdueInvoices: Int
    public var maxDaysLate: Int
    public var nextDueDate: Day?
    public var nextDueAmount: Money?
}

/// An invoice in lists.
public struct InvoiceData: Encodable, Sendable {
    public var number: String
    public var client: ClientReference
    public var issueDate: Day
    public var dueDate: Day
    public var amount: Money
    public var outstanding: Money
    public var status: String
    public var daysLate: Int
    public var disputed: Bool

    init(_ invoice: Invoice, clientName: String, asOf today: Day) {
        number = invoice.number
        client = ClientReference(id: invoice.clientID, name: clientName)
        issueDate = invoice.issueDay
        dueDate = invoice.dueDay
        amount = invoice.amount
        outstanding = invoice.outstanding
        status = invoice.status(asOf: today).rawValue
        daysLate = invoice.daysLate(asOf: today)
        disputed = invoice.disputed
    }
}

/// A client's details.
public struct ClientData: Encodable, Sendable {
    public var id: Int64
    public var code: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var termsDays: Int
    public var endOfMonth: Bool
    public var kind: String
    public var address: String?
    public var preferredChannel: String?
    public var addressForm: String
    public var sequence: String?
    public var dunningStop: String?
    public var insolvency: String?
    /// The contract's late-payment rate in basis points (1 200 = 12,00 %), absent for the
    /// statutory rate.
    public var penaltyRate: Int?

    init(_ client: Client) {
        id = client.id ?? 0
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
        penaltyRate = client.contractRate
    }
}

/// `client.show`.
public struct ClientFileData: Encodable, Sendable {
    public struct PaymentLine: Encodable, Sendable {
        public var date: Day
        public var amount: Money
        public var method: String?
        public var unallocated: Money
    }

    /// A dated line of the client's history: a reminder, a promise, a note, a dispute, a pause.
    public struct Event: Encodable, Sendable {
        /// reminder, promise, interaction, dispute, pause
        public var kind: String
        public var date: Day
        public var text: String
        public var status: String?
        public var amount: Money?
    }

    public var client: ClientData
    public var balance: BalanceData
    public var openInvoices: [InvoiceData]
    public var lastPayments: [PaymentLine]
    public var invoiceCount: Int
    public var invoicedTotal: Money
    /// Reminders, promises, notes, disputes and pauses, most recent first.
    public var history: [Event]
    public var plans: [PlanData]
    /// Late-payment interest and indemnities owed apart from the principal.
    public var penalties: PenaltyData? = nil
}

/// `client.list`.
public struct ClientListData: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public var client: ClientReference
        public var code: String
        public var kind: String
        public var outstanding: Money
        public var overdue: Money
        public var maxDaysLate: Int
    }

    public var count: Int
    public var rows: [Row]
}

/// `invoice.list`.
public struct InvoiceListData: Encodable, Sendable {
    public var count: Int
    public var total: Money
    public var outstanding: Money
    public var invoices: [InvoiceData]
}

/// `payment.record`.
public struct PaymentData: Encodable, Sendable {
    public struct Allocation: Encodable, Sendable {
        public var invoice: String
        public var amount: Money
        public var remaining: Money
    }

    public var client: ClientReference
    public var date: Day
    public var amount: Money
    public var method: String?
    public var allocations: [Allocation]
    public var credit: Money
    public var balance: BalanceData
}

/// `undo`.
public struct UndoData: Encodable, Sendable {
    public var action: String
    public var summary: String
    public var date: Day
}

/// `help`.
public struct HelpData: Encodable, Sendable {
    public struct Example: Encodable, Sendable {
        public var intent: String
        public var example: String
    }

    public var examples: [Example]
}
