import Receivables
import Testing

/// Proves the lettrage rule of product.md: a payment goes to the invoice it names (excess kept
/// as credit), else to the oldest open invoices first, skipping disputed ones; every cent of
/// the payment ends up either allocated or in credit, never lost and never over-allocated.
@Suite struct AllocatorTests {
    static let jan1 = Day(year: 2026, month: 1, day: 1)!

    static func invoice(
        _ id: Int64, due: Int, issue: Int = 0, cents: Int64, outstanding: Int64? = nil, disputed: Bool = false,
        number: String? = nil
    ) -> Invoice {
        Invoice(
            id: id, number: number ?? "F-\(id)", clientID: 1, issueDay: jan1.adding(days: issue), dueDay: jan1.adding(days: due),
            amount: Money(cents: cents), outstanding: outstanding.map { Money(cents: $0) }, disputed: disputed)
    }

    static func allocations(_ result: Allocator.Result) -> [Int64: Int64] {
        Dictionary(uniqueKeysWithValues: result.allocations.map { ($0.invoiceID, $0.amount.cents) })
    }

    // MARK: Oldest first

    @Test func paysOldestDueFirst() {
        let invoices = [
            Self.invoice(1, due: 60, cents: 10_000), Self.invoice(2, due: 30, cents: 5_000), Self.invoice(3, due: 90, cents: 7_000),
        ]
        let result = Allocator.allocate(Money(cents: 12_000), openInvoices: invoices)
        #expect(
            result.allocations == [
                Allocation(invoiceID: 2, amount: Money(cents: 5_000)), Allocation(invoiceID: 1, amount: Money(cents: 7_000)),
            ])
        #expect(result.credit == .zero)
    }

    @Test func sameDueDayFallsBackToIssueDayThenNumber() {
        let invoices = [
            Self.invoice(1, due: 30, issue: 5, cents: 100, number: "F-A"),
            Self.invoice(2, due: 30, issue: 1, cents: 100, number: "F-Z"),
            Self.invoice(3, due: 30, issue: 5, cents: 100, number: "F-0"),
        ]
        let result = Allocator.allocate(Money(cents: 300), openInvoices: invoices)
        #expect(result.allocations.map(\.invoiceID) == [2, 3, 1])
    }

    @Test func excessBeyondAllOpenInvoicesBecomesCredit() {
        let invoices = [Self.invoice(1, due: 30, cents: 10_000), Self.invoice(2, due: 60, cents: 2_550)]
        let result = Allocator.allocate(Money(cents: 20_000), openInvoices: invoices)
        #expect(Self.allocations(result) == [1: 10_000, 2: 2_550])
        #expect(result.credit == Money(cents: 7_450))
    }

    @Test func partialPaymentLeavesTheNextInvoiceUntouched() {
        let invoices = [Self.invoice(1, due: 30, cents: 10_000), Self.invoice(2, due: 60, cents: 10_000)]
        let result = Allocator.allocate(Money(cents: 4_999), openInvoices: invoices)
        #expect(result.allocations == [Allocation(invoiceID: 1, amount: Money(cents: 4_999))])
        #expect(result.credit == .zero)
    }

    @Test func usesOutstandingNotTheInvoiceAmount() {
        let invoices = [Self.invoice(1, due: 30, cents: 10_000, outstanding: 1_234), Self.invoice(2, due: 60, cents: 500)]
        let result = Allocator.allocate(Money(cents: 2_000), openInvoices: invoices)
        #expect(Self.allocations(result) == [1: 1_234, 2: 500])
        #expect(result.credit == Money(cents: 266))
    }

    @Test func settledInvoicesAreIgnored() {
        let invoices = [Self.invoice(1, due: 10, cents: 10_000, outstanding: 0), Self.invoice(2, due: 60, cents: 500)]
        let result = Allocator.allocate(Money(cents: 700), openInvoices: invoices)
        #expect(result.allocations == [Allocation(invoiceID: 2, amount: Money(cents: 500))])
        #expect(result.credit == Money(cents: 200))
    }

    @Test func noOpenInvoiceMeansEverythingIsCredit() {
        let result = Allocator.allocate(Money(cents: 4_200), openInvoices: [])
        #expect(result.allocations.isEmpty)
        #expect(result.credit == Money(cents: 4_200))
    }

    @Test func unsavedInvoicesWithoutIDAreSkipped() {
        var unsaved = Self.invoice(9, due: 1, cents: 1_000)
        unsaved.id = nil
        let result = Allocator.allocate(Money(cents: 1_500), openInvoices: [unsaved, Self.invoice(2, due: 60, cents: 1_000)])
        #expect(result.allocations == [Allocation(invoiceID: 2, amount: Money(cents: 1_000))])
        #expect(result.credit == Money(cents: 500))
    }

    // MARK: Disputed

    @Test func disputedInvoicesAreSkippedByOldestFirst() {
        let invoices = [Self.invoice(1, due: 10, cents: 5_000, disputed: true), Self.invoice(2, due: 60, cents: 3_000)]
        let result = Allocator.allocate(Money(cents: 5_000), openInvoices: invoices)
        #expect(result.allocations == [Allocation(invoiceID: 2, amount: Money(cents: 3_000))])
        #expect(result.credit == Money(cents: 2_000))
    }

    @Test func disputedInvoiceIsPaidWhenNamed() {
        let invoices = [Self.invoice(1, due: 10, cents: 5_000, disputed: true), Self.invoice(2, due: 5, cents: 3_000)]
        let result = Allocator.allocate(Money(cents: 5_000), named: 1, openInvoices: invoices)
        #expect(result.allocations == [Allocation(invoiceID: 1, amount: Money(cents: 5_000))])
        #expect(result.credit == .zero)
    }

    // MARK: Named invoice

    @Test func namedInvoiceIsPaidEvenIfNotTheOldest() {
        let invoices = [Self.invoice(1, due: 10, cents: 5_000), Self.invoice(2, due: 90, cents: 3_000)]
        let result = Allocator.allocate(Money(cents: 3_000), named: 2, openInvoices: invoices)
        #expect(result.allocations == [Allocation(invoiceID: 2, amount: Money(cents: 3_000))])
        #expect(result.credit == .zero)
    }

    @Test func excessOnNamedInvoiceIsCreditNotSpreadToOthers() {
        let invoices = [Self.invoice(1, due: 10, cents: 5_000), Self.invoice(2, due: 90, cents: 3_000)]
        let result = Allocator.allocate(Money(cents: 4_000), named: 2, openInvoices: invoices)
        #expect(result.allocations == [Allocation(invoiceID: 2, amount: Money(cents: 3_000))])
        #expect(result.credit == Money(cents: 1_000))
    }

    @Test func namingASettledInvoiceKeepsEverythingAsCredit() {
        let invoices = [Self.invoice(1, due: 10, cents: 5_000), Self.invoice(2, due: 90, cents: 3_000, outstanding: 0)]
        let result = Allocator.allocate(Money(cents: 3_000), named: 2, openInvoices: invoices)
        #expect(result.allocations.isEmpty)
        #expect(result.credit == Money(cents: 3_000))
    }

    @Test func namingAnUnknownInvoiceKeepsEverythingAsCredit() {
        let result = Allocator.allocate(Money(cents: 3_000), named: 99, openInvoices: [Self.invoice(1, due: 10, cents: 5_000)])
        #expect(result.allocations.isEmpty)
        #expect(result.credit == Money(cents: 3_000))
    }

    // MARK: Exact cents, table-driven

    /// A payment over invoices due in the given order, with the expected split.
    struct Case: Sendable, CustomTestStringConvertible {
        var payment: Int64
        var named: Int64?
        var outstanding: [Int64]
        var expected: [Int64]
        var credit: Int64
        var testDescription: String { "\(payment) named \(named.map(String.init) ?? "-") over \(outstanding)" }
    }

    static let cases: [Case] = [
        Case(payment: 1, named: nil, outstanding: [100], expected: [1], credit: 0),
        Case(payment: 100, named: nil, outstanding: [100], expected: [100], credit: 0),
        Case(payment: 101, named: nil, outstanding: [100], expected: [100], credit: 1),
        Case(payment: 199, named: nil, outstanding: [100, 100], expected: [100, 99], credit: 0),
        Case(payment: 333, named: nil, outstanding: [111, 111, 111], expected: [111, 111, 111], credit: 0),
        Case(payment: 334, named: nil, outstanding: [111, 111, 111], expected: [111, 111, 111], credit: 1),
        Case(payment: 1, named: nil, outstanding: [33, 33], expected: [1], credit: 0),
        Case(payment: 120_050, named: nil, outstanding: [100_000, 20_000, 50], expected: [100_000, 20_000, 50], credit: 0),
        Case(payment: 120_049, named: nil, outstanding: [100_000, 20_000, 50], expected: [100_000, 20_000, 49], credit: 0),
        Case(payment: 50, named: 3, outstanding: [100, 100, 100], expected: [50], credit: 0),
        Case(payment: 150, named: 3, outstanding: [100, 100, 100], expected: [100], credit: 50),
        Case(payment: 100, named: 1, outstanding: [100, 100], expected: [100], credit: 0),
    ]

    @Test(arguments: cases)
    func allocatesExactCents(_ c: Case) {
        let invoices = c.outstanding.enumerated().map { index, cents in
            Self.invoice(Int64(index + 1), due: 10 * (index + 1), cents: cents)
        }
        let result = Allocator.allocate(Money(cents: c.payment), named: c.named, openInvoices: invoices)
        #expect(result.allocations.map(\.amount.cents) == c.expected)
        if let named = c.named { #expect(result.allocations.allSatisfy { $0.invoiceID == named }) }
        #expect(result.credit.cents == c.credit)
    }

    // MARK: Random cases

    @Test func randomCasesNeverLoseOrInventACent() {
        var rng = TestRNG(seed: 0xA110C)
        for _ in 0..<1_000 {
            let count = rng.int(0...8)
            var invoices: [Invoice] = []
            for index in 0..<count {
                let amount = Int64(rng.int(1...500_000))
                let outstanding = rng.int(0...3) == 0 ? Int64(rng.int(0...Int(amount))) : amount
                invoices.append(
                    Self.invoice(
                        Int64(index + 1), due: rng.int(0...200), issue: rng.int(-30...0), cents: amount, outstanding: outstanding,
                        disputed: rng.int(0...5) == 0))
            }
            let payment = Money(cents: Int64(rng.int(1...1_500_000)))
            let named: Int64? = rng.int(0...3) == 0 && count > 0 ? Int64(rng.int(1...count)) : nil
            let result = Allocator.allocate(payment, named: named, openInvoices: invoices)

            // Conservation: allocations plus credit are exactly the payment.
            #expect(result.allocations.map(\.amount).sum() + result.credit == payment)
            #expect(!result.credit.isNegative)
            let byID = Dictionary(uniqueKeysWithValues: invoices.map { ($0.id!, $0) })
            for allocation in result.allocations {
                let invoice = byID[allocation.invoiceID]!
                #expect(allocation.amount.isPositive)
                #expect(allocation.amount <= invoice.outstanding)
                #expect(!invoice.isSettled)
                if let named { #expect(allocation.invoiceID == named) } else { #expect(!invoice.disputed) }
            }
            #expect(Set(result.allocations.map(\.invoiceID)).count == result.allocations.count)
            // Credit only when every eligible invoice is fully paid.
            if result.credit.isPositive {
                let eligible = invoices.filter { invoice in
                    guard !invoice.isSettled else { return false }
                    if let named { return invoice.id == named }
                    return !invoice.disputed
                }
                for invoice in eligible {
                    #expect(result.allocations.first { $0.invoiceID == invoice.id }?.amount == invoice.outstanding)
                }
            }
            // Oldest first: allocations are in (due, issue, number) order.
            if named == nil {
                let keys = result.allocations.map { byID[$0.invoiceID]! }.map { ($0.dueDay, $0.issueDay, $0.number) }
                #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
                // Only the last allocation may leave something on its invoice.
                for allocation in result.allocations.dropLast() {
                    #expect(allocation.amount == byID[allocation.invoiceID]!.outstanding)
                }
            }
        }
    }
}
