/// An invoice sent to a client, with what is still owed on it.
public struct Invoice: Hashable, Sendable, Codable {
    public var id: Int64?
    /// The invoice number as printed ("F-2026-014"), unique in the ledger.
    public var number: String
    public var clientID: Int64
    public var issueDay: Day
    public var dueDay: Day
    /// Amount including VAT (TTC): what the client has to pay.
    public var amount: Money
    /// What remains to be paid after the payments allocated to it.
    public var outstanding: Money
    /// A disputed invoice is not chased until the dispute is closed.
    public var disputed: Bool

    public init(
        id: Int64? = nil, number: String, clientID: Int64, issueDay: Day, dueDay: Day, amount: Money,
        outstanding: Money? = nil, disputed: Bool = false
    ) {
        self.id = id
        self.number = number
        self.clientID = clientID
        self.issueDay = issueDay
        self.dueDay = dueDay
        self.amount = amount
        self.outstanding = outstanding ?? amount
        self.disputed = disputed
    }

    public var paid: Money { amount - outstanding }
    public var isSettled: Bool { outstanding.cents <= 0 }

    /// Days past the due date on `today` (0 when not yet due or settled).
    public func daysLate(asOf today: Day) -> Int {
        isSettled ? 0 : Swift.max(0, dueDay.days(until: today))
    }

    public func isOverdue(asOf today: Day) -> Bool { !isSettled && dueDay < today }

    public func status(asOf today: Day) -> InvoiceStatus {
        if isSettled { return .paid }
        if disputed { return .disputed }
        if dueDay < today { return outstanding < amount ? .partiallyPaidOverdue : .overdue }
        return outstanding < amount ? .partiallyPaid : .open
    }
}

/// Where an invoice stands on a given day.
public enum InvoiceStatus: String, Sendable, Codable, CaseIterable {
    case open, partiallyPaid, overdue, partiallyPaidOverdue, paid, disputed

    /// French label for tables: "à échoir", "en retard", "réglée"…
    public var frenchLabel: String {
        switch self {
        case .open: return "à échoir"
        case .partiallyPaid: return "partiellement réglée"
        case .overdue: return "en retard"
        case .partiallyPaidOverdue: return "en retard (partiel)"
        case .paid: return "réglée"
        case .disputed: return "en litige"
        }
    }
}
