import Receivables
import Testing

/// Proves what "combien me doit X ?" computes from a client's invoices: outstanding, overdue,
/// counts, days late of the oldest, next due date and amount, credit and net due, checked
/// against figures worked out by hand; and the invoice status each invoice shows.
@Suite struct ClientPositionTests {
    static let today = Day(iso: "2026-11-22")!

    static func invoice(_ number: String, due: String, amount: Int64, outstanding: Int64? = nil, disputed: Bool = false) -> Invoice {
        let dueDay = Day(iso: due)!
        return Invoice(
            id: 1, number: number, clientID: 1, issueDay: dueDay.adding(days: -30), dueDay: dueDay,
            amount: Money(cents: amount), outstanding: outstanding.map { Money(cents: $0) }, disputed: disputed)
    }

    /// Worked by hand for 2026-11-22:
    /// - F1 due 01/10, 1 000,00 with 400,00 left: overdue, 52 days late
    /// - F2 due 21/11, 250,00: overdue, 1 day late
    /// - F3 and F4 due today, 300,00 and 50,00: not yet overdue, next due (350,00 together)
    /// - F5 due 15/12, 999,99: upcoming
    /// - F6 settled: ignored
    /// - F7 disputed, due 01/11, 200,00: still counted as overdue (21 days)
    static let ledger = [
        invoice("F1", due: "2026-10-01", amount: 100_000, outstanding: 40_000),
        invoice("F2", due: "2026-11-21", amount: 25_000),
        invoice("F3", due: "2026-11-22", amount: 30_000),
        invoice("F4", due: "2026-11-22", amount: 5_000),
        invoice("F5", due: "2026-12-15", amount: 99_999),
        invoice("F6", due: "2026-09-01", amount: 50_000, outstanding: 0),
        invoice("F7", due: "2026-11-01", amount: 20_000, disputed: true),
    ]

    @Test func positionComputedByHand() {
        let position = ClientPosition(invoices: Self.ledger, credit: Money(cents: 7_500), asOf: Self.today)
        #expect(position.outstanding == Money(cents: 219_999))
        #expect(position.overdue == Money(cents: 85_000))
        #expect(position.credit == Money(cents: 7_500))
        #expect(position.openInvoiceCount == 6)
        #expect(position.overdueInvoiceCount == 3)
        #expect(position.maxDaysLate == 52)
        #expect(position.nextDueDay == Self.today)
        #expect(position.nextDueAmount == Money(cents: 35_000))
        #expect(position.netDue == Money(cents: 212_499))
    }

    @Test func theNextDayEverythingDueTodayBecomesOverdue() {
        let tomorrow = Self.today.adding(days: 1)
        let position = ClientPosition(invoices: Self.ledger, credit: .zero, asOf: tomorrow)
        #expect(position.overdue == Money(cents: 120_000))
        #expect(position.overdueInvoiceCount == 5)
        #expect(position.maxDaysLate == 53)
        #expect(position.nextDueDay == Day(iso: "2026-12-15"))
        #expect(position.nextDueAmount == Money(cents: 99_999))
    }

    @Test func noInvoicesMeansNothingOwed() {
        let position = ClientPosition(invoices: [], credit: .zero, asOf: Self.today)
        #expect(position.outstanding == .zero)
        #expect(position.overdue == .zero)
        #expect(position.openInvoiceCount == 0)
        #expect(position.overdueInvoiceCount == 0)
        #expect(position.maxDaysLate == 0)
        #expect(position.nextDueDay == nil)
        #expect(position.nextDueAmount == nil)
    }

    @Test func onlySettledInvoicesMeansNothingOwed() {
        let position = ClientPosition(
            invoices: [Self.invoice("P", due: "2026-01-01", amount: 10_000, outstanding: 0)], credit: .zero, asOf: Self.today)
        #expect(position.outstanding == .zero && position.openInvoiceCount == 0 && position.nextDueDay == nil)
    }

    @Test func allOverdueMeansNoNextDueDay() {
        let position = ClientPosition(
            invoices: [Self.invoice("A", due: "2026-11-01", amount: 10_000)], credit: .zero, asOf: Self.today)
        #expect(position.nextDueDay == nil)
        #expect(position.nextDueAmount == nil)
        #expect(position.overdue == position.outstanding)
    }

    @Test(arguments: [(Int64(0), Int64(10_000)), (2_500, 7_500), (10_000, 0), (15_000, 0)])
    func netDueDeductsCreditButNeverGoesNegative(credit: Int64, net: Int64) {
        let position = ClientPosition(
            invoices: [Self.invoice("A", due: "2026-12-01", amount: 10_000)], credit: Money(cents: credit), asOf: Self.today)
        #expect(position.netDue == Money(cents: net))
    }

    // MARK: Invoice status

    @Test(arguments: [
        ("2026-12-01", Int64(10_000), Int64(10_000), false, InvoiceStatus.open),
        ("2026-12-01", 10_000, 4_000, false, .partiallyPaid),
        ("2026-11-22", 10_000, 10_000, false, .open),
        ("2026-11-21", 10_000, 10_000, false, .overdue),
        ("2026-11-21", 10_000, 1, false, .partiallyPaidOverdue),
        ("2026-11-21", 10_000, 0, false, .paid),
        ("2026-11-01", 10_000, 10_000, true, .disputed),
        ("2026-11-01", 10_000, 0, true, .paid),
    ])
    func invoiceStatus(due: String, amount: Int64, outstanding: Int64, disputed: Bool, status: InvoiceStatus) {
        let invoice = Self.invoice("S", due: due, amount: amount, outstanding: outstanding, disputed: disputed)
        #expect(invoice.status(asOf: Self.today) == status)
    }

    @Test(arguments: [("2026-11-21", 1), ("2026-11-22", 0), ("2026-12-01", 0), ("2025-11-22", 365)])
    func daysLate(due: String, days: Int) {
        #expect(Self.invoice("D", due: due, amount: 100).daysLate(asOf: Self.today) == days)
        #expect(Self.invoice("D", due: due, amount: 100, outstanding: 0).daysLate(asOf: Self.today) == 0)
    }

    @Test func paidIsAmountMinusOutstanding() {
        #expect(Self.invoice("X", due: "2026-12-01", amount: 10_000, outstanding: 2_500).paid == Money(cents: 7_500))
    }

    @Test func statusLabelsAreFrench() {
        #expect(InvoiceStatus.open.frenchLabel == "à échoir")
        #expect(InvoiceStatus.overdue.frenchLabel == "en retard")
        #expect(InvoiceStatus.paid.frenchLabel == "réglée")
        #expect(InvoiceStatus.disputed.frenchLabel == "en litige")
    }
}
