import Persistence
import Receivables
import Testing

/// Proves "qui est en retard ?": on a hand-made ledger the overdue report has the right
/// clients, amounts, disputed parts, days late, order (amount, then oldest, then name) and
/// totals taken before the limit; and on the demo ledger it agrees with a brute-force
/// computation over every invoice for many query settings.
@Suite struct OverdueQueryTests {
    /// On 2026-11-22:
    /// - Garage Moreau: 1 000,00 due 01/10 (52 d) + 500,00 due 21/11 (1 d) + 700,00 not due → 1 500,00
    /// - Martin SARL: 1 300,00 due 01/11 (21 d) + 200,00 disputed due 15/11 (7 d) → 1 500,00
    /// - Boulangerie Dupont: 3 000,00 due 01/09 (82 d), 2 000,00 paid → 1 000,00
    /// - Menuiserie Petit: 1 000,00 due 12/11 (10 d)
    /// - Atelier Alpha, Atelier Beta: 250,00 each due 02/11 (20 d)
    /// - Serrurerie Lemoine: 5 000,00 due today (not late); Atelier Blanc: paid in full
    static func handMade() throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        let moreau = try Ledger.client(db, "Garage Moreau")
        let martin = try Ledger.client(db, "Martin SARL")
        let dupont = try Ledger.client(db, "Boulangerie Dupont")
        let petit = try Ledger.client(db, "Menuiserie Petit")
        let beta = try Ledger.client(db, "Atelier Beta")
        let alpha = try Ledger.client(db, "Atelier Alpha")
        let lemoine = try Ledger.client(db, "Serrurerie Lemoine")
        let blanc = try Ledger.client(db, "Atelier Blanc")
        try Ledger.invoice(db, "A1", client: moreau, due: "2026-10-01", cents: 100_000)
        try Ledger.invoice(db, "A2", client: moreau, due: "2026-11-21", cents: 50_000)
        try Ledger.invoice(db, "A3", client: moreau, due: "2026-12-01", cents: 70_000)
        try Ledger.invoice(db, "B1", client: martin, due: "2026-11-01", cents: 130_000)
        try Ledger.invoice(db, "B2", client: martin, due: "2026-11-15", cents: 20_000, disputed: true)
        try Ledger.invoice(db, "C1", client: dupont, issue: "2026-08-01", due: "2026-09-01", cents: 300_000)
        try Ledger.payment(db, client: dupont, cents: 200_000)
        try Ledger.invoice(db, "F1", client: petit, due: "2026-11-12", cents: 100_000)
        try Ledger.invoice(db, "G1", client: beta, due: "2026-11-02", cents: 25_000)
        try Ledger.invoice(db, "H1", client: alpha, due: "2026-11-02", cents: 25_000)
        try Ledger.invoice(db, "D1", client: lemoine, due: "2026-11-22", cents: 500_000)
        try Ledger.invoice(db, "E1", client: blanc, due: "2026-08-01", cents: 40_000)
        try Ledger.payment(db, client: blanc, cents: 40_000)
        return db
    }

    static func summary(_ report: OverdueReport) -> [String] {
        report.rows.map { "\($0.name) \($0.overdue.cents)" }
    }

    @Test func defaultQueryListsEveryLateClientLargestFirstThenOldest() throws {
        let report = try Self.handMade().overdueClients(OverdueQuery(asOf: Ledger.today))
        #expect(
            Self.summary(report) == [
                "Garage Moreau 150000", "Martin SARL 150000", "Boulangerie Dupont 100000", "Menuiserie Petit 100000",
                "Atelier Alpha 25000", "Atelier Beta 25000",
            ])
        #expect(report.clientCount == 6)
        #expect(report.total == Money(cents: 550_000))
    }

    @Test func rowsCarryInvoiceCountOldestDueDaysLateAndDisputedPart() throws {
        let report = try Self.handMade().overdueClients(OverdueQuery(asOf: Ledger.today))
        let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.name, $0) })
        let moreau = try #require(rows["Garage Moreau"])
        #expect(moreau.invoiceCount == 2)
        #expect(moreau.oldestDueDay == Ledger.day("2026-10-01"))
        #expect(moreau.maxDaysLate == 52)
        #expect(moreau.disputed == .zero)
        #expect(moreau.code == "GARAGE-MOREAU")
        let martin = try #require(rows["Martin SARL"])
        #expect(martin.disputed == Money(cents: 20_000))
        #expect(martin.maxDaysLate == 21)
        #expect(rows["Boulangerie Dupont"]?.maxDaysLate == 82)
        #expect(rows["Menuiserie Petit"]?.maxDaysLate == 10)
    }

    @Test func dueTodayAndPaidInvoicesAreNotLate() throws {
        let report = try Self.handMade().overdueClients(OverdueQuery(asOf: Ledger.today))
        #expect(!report.rows.contains { $0.name == "Serrurerie Lemoine" || $0.name == "Atelier Blanc" })
    }

    @Test func theDayAfterItsDueDateAnInvoiceIsLate() throws {
        let report = try Self.handMade().overdueClients(OverdueQuery(asOf: Ledger.day("2026-11-23")))
        let lemoine = try #require(report.rows.first { $0.name == "Serrurerie Lemoine" })
        #expect(lemoine.overdue == Money(cents: 500_000))
        #expect(lemoine.maxDaysLate == 1)
        #expect(report.rows.first?.name == "Serrurerie Lemoine")
    }

    @Test(arguments: [
        (30, ["Boulangerie Dupont 100000", "Garage Moreau 100000"], Int64(200_000)),
        (
            10,
            [
                "Martin SARL 130000", "Boulangerie Dupont 100000", "Garage Moreau 100000", "Menuiserie Petit 100000",
                "Atelier Alpha 25000", "Atelier Beta 25000",
            ], 480_000
        ),
        (21, ["Martin SARL 130000", "Boulangerie Dupont 100000", "Garage Moreau 100000"], 330_000),
        (22, ["Boulangerie Dupont 100000", "Garage Moreau 100000"], 200_000),
        (82, ["Boulangerie Dupont 100000"], 100_000),
        (83, [], 0),
        (
            0,
            [
                "Garage Moreau 150000", "Martin SARL 150000", "Boulangerie Dupont 100000", "Menuiserie Petit 100000",
                "Atelier Alpha 25000", "Atelier Beta 25000",
            ], 550_000
        ),
    ])
    func minDaysLateCountsOnlyInvoicesThatLate(days: Int, expected: [String], total: Int64) throws {
        let report = try Self.handMade().overdueClients(OverdueQuery(asOf: Ledger.today, minDaysLate: days))
        #expect(Self.summary(report) == expected)
        #expect(report.clientCount == expected.count)
        #expect(report.total == Money(cents: total))
    }

    @Test func minDaysLateBelowOneMeansOne() {
        #expect(OverdueQuery(asOf: Ledger.today, minDaysLate: 0).minDaysLate == 1)
        #expect(OverdueQuery(asOf: Ledger.today, minDaysLate: -5).minDaysLate == 1)
        #expect(OverdueQuery(asOf: Ledger.today).minAmount == Money(cents: 1))
        #expect(OverdueQuery(asOf: Ledger.today).limit == nil)
    }

    @Test(arguments: [
        (
            Int64(100_000), ["Garage Moreau 150000", "Martin SARL 150000", "Boulangerie Dupont 100000", "Menuiserie Petit 100000"],
            Int64(500_000)
        ),
        (100_001, ["Garage Moreau 150000", "Martin SARL 150000"], 300_000),
        (150_001, [], 0),
        (
            25_000,
            [
                "Garage Moreau 150000", "Martin SARL 150000", "Boulangerie Dupont 100000", "Menuiserie Petit 100000",
                "Atelier Alpha 25000", "Atelier Beta 25000",
            ], 550_000
        ),
    ])
    func minAmountKeepsClientsOwingAtLeastThat(cents: Int64, expected: [String], total: Int64) throws {
        let report = try Self.handMade().overdueClients(OverdueQuery(asOf: Ledger.today, minAmount: Money(cents: cents)))
        #expect(Self.summary(report) == expected)
        #expect(report.total == Money(cents: total))
    }

    @Test func minAmountAppliesToTheInvoicesThatCount() throws {
        // 30 days late: Moreau only has 1 000,00 that late, so a 1 200,00 floor drops it.
        let report = try Self.handMade().overdueClients(
            OverdueQuery(asOf: Ledger.today, minDaysLate: 30, minAmount: Money(cents: 120_000)))
        #expect(report.rows.isEmpty)
        #expect(report.total == .zero)
    }

    @Test(arguments: [1, 2, 3, 6, 10])
    func limitCutsRowsButNotTotals(limit: Int) throws {
        let report = try Self.handMade().overdueClients(OverdueQuery(asOf: Ledger.today, limit: limit))
        #expect(report.rows.count == min(limit, 6))
        #expect(report.rows.first?.name == "Garage Moreau")
        #expect(report.clientCount == 6)
        #expect(report.total == Money(cents: 550_000))
    }

    @Test func limitZeroStillReportsTheTotals() throws {
        let report = try Self.handMade().overdueClients(OverdueQuery(asOf: Ledger.today, limit: 0))
        #expect(report.rows.isEmpty)
        #expect(report.clientCount == 6)
        #expect(report.total == Money(cents: 550_000))

    }

    @Test func emptyLedgerHasNoOneLate() throws {
        let report = try AppDatabase.inMemory().overdueClients(OverdueQuery(asOf: Ledger.today))
        #expect(report.rows.isEmpty && report.clientCount == 0 && report.total == .zero)
    }

    @Test func overdueAgreesWithClientSummaries() throws {
        let db = try Self.handMade()
        let report = try db.overdueClients(OverdueQuery(asOf: Ledger.today))
        let summaries = try db.clientSummaries(asOf: Ledger.today)
        for row in report.rows {
            let summary = try #require(summaries.first { $0.client.id == row.clientID })
            #expect(summary.overdue == row.overdue)
            #expect(summary.maxDaysLate == row.maxDaysLate)
        }
        #expect(summaries.filter { $0.overdue.isPositive }.count == report.clientCount)
    }

    // MARK: Against brute force on the demo ledger

    /// One overdue line, every field, as text.
    struct Line: Equatable, CustomStringConvertible {
        var clientID: Int64
        var code: String
        var name: String
        var overdue: Money
        var disputed: Money
        var invoiceCount: Int
        var oldestDueDay: Day
        var maxDaysLate: Int
        var description: String {
            "\(name) \(overdue.cents) (\(disputed.cents) disputed) ×\(invoiceCount) since \(oldestDueDay) \(maxDaysLate)d"
        }

        init(_ row: OverdueClient) {
            self.init(
                clientID: row.clientID, code: row.code, name: row.name, overdue: row.overdue, disputed: row.disputed,
                invoiceCount: row.invoiceCount, oldestDueDay: row.oldestDueDay, maxDaysLate: row.maxDaysLate)
        }

        init(
            clientID: Int64, code: String, name: String, overdue: Money, disputed: Money, invoiceCount: Int, oldestDueDay: Day,
            maxDaysLate: Int
        ) {
            self.clientID = clientID
            self.code = code
            self.name = name
            self.overdue = overdue
            self.disputed = disputed
            self.invoiceCount = invoiceCount
            self.oldestDueDay = oldestDueDay
            self.maxDaysLate = maxDaysLate
        }
    }

    /// The report computed by hand from every invoice, by the documented rule: invoices at
    /// least `minDaysLate` days past due, grouped by client, clients owing at least
    /// `minAmount`, largest first then oldest then name; totals before the limit.
    static func bruteForce(invoices: [InvoiceLine], clients: [ClientSummary], query: OverdueQuery)
        -> (lines: [Line], count: Int, total: Money)
    {
        let cutoff = query.asOf.adding(days: -query.minDaysLate)
        let late = invoices.map(\.invoice).filter { $0.outstanding.isPositive && $0.dueDay <= cutoff }
        var lines: [Line] = []
        for (clientID, list) in Dictionary(grouping: late, by: \.clientID) {
            let client = clients.first { $0.client.id == clientID }!.client
            let overdue = list.map(\.outstanding).sum()
            guard overdue >= query.minAmount else { continue }
            let oldest = list.map(\.dueDay).min()!
            lines.append(
                Line(
                    clientID: clientID, code: client.code, name: client.name, overdue: overdue,
                    disputed: list.filter(\.disputed).map(\.outstanding).sum(), invoiceCount: list.count, oldestDueDay: oldest,
                    maxDaysLate: oldest.days(until: query.asOf)))
        }
        lines.sort { ($1.overdue, $0.oldestDueDay, $0.name) < ($0.overdue, $1.oldestDueDay, $1.name) }
        let total = lines.map(\.overdue).sum()
        let count = lines.count
        if let limit = query.limit { lines = Array(lines.prefix(limit)) }
        return (lines, count, total)
    }

    static let demo: AppDatabase = {
        let db = try! AppDatabase.inMemory()
        try! db.loadDemo(DemoLedger(today: Ledger.today))
        return db
    }()

    @Test(arguments: [
        (0, 1, Int64(1), nil as Int?),
        (0, 1, 1, 3),
        (0, 15, 1, nil),
        (0, 30, 1, nil),
        (0, 45, 100_000, nil),
        (0, 60, 1, 5),
        (0, 90, 1, nil),
        (0, 1, 500_000, nil),
        (0, 1, 1_000_000, 2),
        (-30, 1, 1, nil),
        (-90, 10, 1, nil),
        (30, 1, 1, nil),
        (30, 30, 200_000, 4),
        (120, 1, 1, nil),
    ])
    func matchesBruteForceOnTheDemoLedger(shift: Int, minDaysLate: Int, minCents: Int64, limit: Int?) throws {
        let db = Self.demo
        let asOf = Ledger.today.adding(days: shift)
        let query = OverdueQuery(asOf: asOf, minDaysLate: minDaysLate, minAmount: Money(cents: minCents), limit: limit)
        let expected = Self.bruteForce(
            invoices: try db.invoices(InvoiceFilter(), asOf: asOf), clients: try db.clientSummaries(asOf: asOf), query: query)
        let report = try db.overdueClients(query)
        #expect(report.rows.map(Line.init) == expected.lines)
        #expect(report.clientCount == expected.count)
        #expect(report.total == expected.total)
    }

    @Test func demoLedgerHasSeveralLateClientsToday() throws {
        let report = try Self.demo.overdueClients(OverdueQuery(asOf: Ledger.today))
        #expect(report.clientCount >= 3)
        #expect(report.rows.allSatisfy { $0.overdue.isPositive && $0.maxDaysLate >= 1 })
        #expect(report.rows.map(\.overdue).sum() == report.total)
    }
}
