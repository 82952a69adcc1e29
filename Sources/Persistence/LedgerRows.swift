import Receivables

/// One line of "qui est en retard ?": a client and what it owes past due.
public struct OverdueClient: Hashable, Sendable, Codable {
    public var clientID: Int64
    public var code: String
    public var name: String
    public var overdue: Money
    /// Part of `overdue` on disputed invoices.
    public var disputed: Money
    public var invoiceCount: Int
    public var oldestDueDay: Day
    public var maxDaysLate: Int
}

/// The overdue clients and the totals over all of them (before any `limit`).
public struct OverdueReport: Hashable, Sendable, Codable {
    public var rows: [OverdueClient]
    public var clientCount: Int
    public var total: Money
}

/// What the overdue question filters on.
public struct OverdueQuery: Hashable, Sendable {
    public var asOf: Day
    /// Only invoices at least this many days late count.
    public var minDaysLate: Int
    /// Only clients owing at least this much (on the invoices that count).
    public var minAmount: Money
    public var limit: Int?

    public init(asOf: Day, minDaysLate: Int = 1, minAmount: Money = Money(cents: 1), limit: Int? = nil) {
        self.asOf = asOf
        self.minDaysLate = max(1, minDaysLate)
        self.minAmount = minAmount
        self.limit = limit
    }
}

/// A client with its balance, for client lists.
public struct ClientSummary: Hashable, Sendable, Codable {
    public var client: Client
    public var outstanding: Money
    public var overdue: Money
    public var disputedInvoices: Int
    public var maxDaysLate: Int
}

/// Which clients `clientSummaries(asOf:filter:)` returns.
public struct ClientFilter: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// With overdue invoices / with open invoices / owing nothing / with disputed invoices.
        case overdue, open, paid, disputed
    }

    public var status: Status?
    public var kind: ClientKind?
    public var limit: Int?

    public init(status: Status? = nil, kind: ClientKind? = nil, limit: Int? = nil) {
        self.status = status
        self.kind = kind
        self.limit = limit
    }
}

/// A name the parser can match against, without loading whole clients.
public struct ClientName: Hashable, Sendable {
    public var id: Int64
    public var code: String
    public var name: String
}

/// Filters for invoice lists.
public struct InvoiceFilter: Hashable, Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case open, overdue, paid, disputed
    }

    public var clientID: Int64?
    public var status: Status?
    public var issuedFrom: Day?
    public var issuedTo: Day?
    public var dueFrom: Day?
    public var dueTo: Day?
    /// Only invoices at least this many days past due.
    public var minDaysLate: Int?
    public var limit: Int?

    public init(
        clientID: Int64? = nil, status: Status? = nil, issuedFrom: Day? = nil, issuedTo: Day? = nil,
        dueFrom: Day? = nil, dueTo: Day? = nil, limit: Int? = nil
    ) {
        self.clientID = clientID
        self.status = status
        self.issuedFrom = issuedFrom
        self.issuedTo = issuedTo
        self.dueFrom = dueFrom
        self.dueTo = dueTo
        self.limit = limit
    }
}

/// An invoice with its client's name, for lists.
public struct InvoiceLine: Hashable, Sendable, Codable {
    public var invoice: Invoice
    public var clientName: String
}

/// What recording a payment did: the allocations, with invoice numbers, and any credit.
public struct PaymentReceipt: Hashable, Sendable, Codable {
    public struct Line: Hashable, Sendable, Codable {
        public var invoiceNumber: String
        public var amount: Money
        /// What remains on that invoice after this payment.
        public var remaining: Money
    }

    public var payment: Payment
    public var lines: [Line]
    public var credit: Money
}

/// A change taken back by `undo`.
public struct UndoneChange: Hashable, Sendable, Codable {
    public var action: String
    public var summary: String
    public var day: Day
}

/// A line of the audit trail.
public struct ChangeEntry: Hashable, Sendable, Codable {
    public var id: Int64
    public var at: String
    public var day: Day
    public var action: String
    public var summary: String
    public var undone: Bool
}
