/// What one client owes on a given day: the answer to "combien me doit Dupont ?".
public struct ClientPosition: Hashable, Sendable, Codable {
    /// Everything still to be paid, due or not.
    public var outstanding: Money
    /// The part of it past its due date.
    public var overdue: Money
    /// Unallocated payments: money the client has in credit.
    public var credit: Money
    public var openInvoiceCount: Int
    public var overdueInvoiceCount: Int
    /// Days late of the oldest overdue invoice.
    public var maxDaysLate: Int
    /// The next due date among the invoices not yet due.
    public var nextDueDay: Day?
    public var nextDueAmount: Money?

    public init(
        outstanding: Money, overdue: Money, credit: Money, openInvoiceCount: Int, overdueInvoiceCount: Int,
        maxDaysLate: Int, nextDueDay: Day?, nextDueAmount: Money?
    ) {
        self.outstanding = outstanding
        self.overdue = overdue
        self.credit = credit
        self.openInvoiceCount = openInvoiceCount
        self.overdueInvoiceCount = overdueInvoiceCount
        self.maxDaysLate = maxDaysLate
        self.nextDueDay = nextDueDay
        self.nextDueAmount = nextDueAmount
    }

    /// Computes the position from the client's invoices and credit.
    public init(invoices: [Invoice], credit: Money, asOf today: Day) {
        let open = invoices.filter { !$0.isSettled }
        let late = open.filter { $0.isOverdue(asOf: today) }
        let upcoming = open.filter { !$0.isOverdue(asOf: today) }.sorted { $0.dueDay < $1.dueDay }
        let next = upcoming.first
        self.init(
            outstanding: open.map(\.outstanding).sum(),
            overdue: late.map(\.outstanding).sum(),
            credit: credit,
            openInvoiceCount: open.count,
            overdueInvoiceCount: late.count,
            maxDaysLate: late.map { $0.daysLate(asOf: today) }.max() ?? 0,
            nextDueDay: next?.dueDay,
            nextDueAmount: next.map { first in upcoming.filter { $0.dueDay == first.dueDay }.map(\.outstanding).sum() }
        )
    }

    /// What the client owes once its credit is deducted (never below zero).
    public var netDue: Money { Money.max(.zero, outstanding - credit) }
}
