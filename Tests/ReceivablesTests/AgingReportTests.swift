import Receivables
import Testing

/// The balance âgée: column boundaries, a small ledger added up by hand, merging and order.
@Suite struct AgingReportTests {
    static let asOf = Day(iso: "2026-03-31")!
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    // MARK: Columns

    @Test(arguments: [
        (-15, AgingBucket.notDue), (0, .notDue), (1, .upTo30), (30, .upTo30), (31, .upTo60), (60, .upTo60),
        (61, .upTo90), (90, .upTo90), (91, .over90), (400, .over90),
    ])
    func bucketBoundaries(daysLate: Int, bucket: AgingBucket) {
        #expect(AgingBucket.of(daysLate: daysLate) == bucket)
    }

    /// Due on the report day is not due yet; the day before is 1 day late.
    @Test(arguments: [
        ("2026-04-15", AgingBucket.notDue), ("2026-03-31", .notDue), ("2026-03-30", .upTo30), ("2026-03-01", .upTo30),
        ("2026-02-28", .upTo60), ("2026-01-30", .upTo60), ("2026-01-29", .upTo90), ("2025-12-31", .upTo90), ("2025-12-30", .over90),
    ])
    func bucketOfDueDay(due: String, bucket: AgingBucket) {
        #expect(AgingBucket.of(dueDay: Self.day(due), asOf: Self.asOf) == bucket)
    }

    @Test func frenchLabels() {
        #expect(AgingBucket.allCases.map(\.frenchLabel) == ["non échu", "1 à 30 j", "31 à 60 j", "61 à 90 j", "plus de 90 j"])
        #expect(AgingBucket.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(AgingBucket.upTo60.daysLate == (31, 60))
    }

    // MARK: A small ledger, on 31/03/2026

    /// Open invoices (due day → days late → column):
    /// - Dupont (1): 1 200,00 € due 15/04 (−15, non échu); 800,00 € due 16/03 (15, 1–30);
    ///   500,00 € due 20/01 (11 + 28 + 31 = 70, 61–90). Total 2 500,00 €.
    /// - Martin (2): 3 000,00 € due 01/12/2025 (30 + 31 + 28 + 31 = 120, > 90);
    ///   250,50 € due 15/02 (13 + 31 = 44, 31–60). Total 3 250,50 €.
    /// - Durand (3): 2 500,00 € due 31/03 (0, non échu). Total 2 500,00 €.
    /// - Zoé (4): an invoice fully paid, 0,00 € left: no line.
    /// Columns: 3 700,00 | 800,00 | 250,50 | 500,00 | 3 000,00 — total 8 250,50 €.
    static let rows: [AgingRow] = [
        AgingRow(clientID: 1, name: "Dupont", dueDay: day("2026-04-15"), amount: Money(cents: 120_000), asOf: asOf),
        AgingRow(clientID: 2, name: "Martin", dueDay: day("2025-12-01"), amount: Money(cents: 300_000), asOf: asOf),
        AgingRow(clientID: 1, name: "Dupont", dueDay: day("2026-03-16"), amount: Money(cents: 80_000), asOf: asOf),
        AgingRow(clientID: 3, name: "Durand", dueDay: day("2026-03-31"), amount: Money(cents: 250_000), asOf: asOf),
        AgingRow(clientID: 4, name: "Zoé", dueDay: day("2026-01-10"), amount: .zero, asOf: asOf),
        AgingRow(clientID: 1, name: "Dupont", dueDay: day("2026-01-20"), amount: Money(cents: 50_000), asOf: asOf),
        AgingRow(clientID: 2, name: "Martin", dueDay: day("2026-02-15"), amount: Money(cents: 25_050), asOf: asOf),
    ]

    @Test func ledgerTotals() {
        let report = AgingReport(asOf: Self.asOf, rows: Self.rows)
        #expect(report.asOf == Self.asOf)
        #expect(report.totals.map(\.cents) == [370_000, 80_000, 25_050, 50_000, 300_000])
        #expect(report.total == Money(cents: 825_050))
        #expect(report.overdue == Money(cents: 455_050))
        #expect(report[.over90] == Money(cents: 300_000))
        // Shares, to the hundredth: 3 700 / 8 250,50 = 44,85 %, 9,70, 3,04, 6,06, 36,36.
        #expect(report.shares.map { ($0 * 100).rounded() / 100 } == [44.85, 9.70, 3.04, 6.06, 36.36])
        #expect(abs(report.shares.reduce(0, +) - 100) < 1e-9)
        #expect(abs(report.share(.notDue) - 370_000.0 * 100 / 825_050) < 1e-12)
    }

    /// Martin first (3 250,50 €), then Dupont and Durand tied at 2 500,00 € in name order.
    @Test func ledgerLines() {
        let report = AgingReport(asOf: Self.asOf, rows: Self.rows)
        #expect(report.lines.map(\.name) == ["Martin", "Dupont", "Durand"])
        #expect(report.lines.map(\.total.cents) == [325_050, 250_000, 250_000])
        #expect(report.lines[0].amounts.map(\.cents) == [0, 0, 25_050, 0, 300_000])
        #expect(report.lines[1].amounts.map(\.cents) == [120_000, 80_000, 0, 50_000, 0])
        #expect(report.lines[1].overdue == Money(cents: 130_000))
        #expect(report.lines[2][.notDue] == Money(cents: 250_000))
        // Lines add up to the totals.
        for bucket in AgingBucket.allCases {
            #expect(report.lines.map { $0[bucket] }.sum() == report[bucket])
        }
    }

    /// The same report whatever the order of the rows, and from lines as from rows.
    @Test func orderAndSourceDoNotMatter() {
        let forward = AgingReport(asOf: Self.asOf, rows: Self.rows)
        let backward = AgingReport(asOf: Self.asOf, rows: Self.rows.reversed())
        #expect(forward == backward)
        let fromLines = AgingReport(asOf: Self.asOf, lines: forward.lines.reversed())
        #expect(fromLines == forward)
    }

    /// Two lines of one client are merged under the first name seen.
    @Test func linesOfOneClientAreMerged() {
        let report = AgingReport(
            asOf: Self.asOf,
            lines: [
                AgingLine(clientID: 7, name: "Garage Moreau", amounts: [10_000, 0, 0, 0, 5_000].map { Money(cents: $0) }),
                AgingLine(clientID: 8, name: "Petit", amounts: [0, 1_000, 0, 0, 0].map { Money(cents: $0) }),
                AgingLine(clientID: 7, name: "Moreau (garage)", amounts: [0, 2_000, 0, 0, 5_000].map { Money(cents: $0) }),
                AgingLine(clientID: 9, name: "Vide", amounts: Array(repeating: .zero, count: 5)),
            ])
        #expect(report.lines.count == 2)
        #expect(report.lines[0].name == "Garage Moreau")
        #expect(report.lines[0].amounts.map(\.cents) == [10_000, 2_000, 0, 0, 10_000])
        #expect(report.lines[0].total == Money(cents: 22_000))
        #expect(report.total == Money(cents: 23_000))
    }

    /// Equal totals: accents and case do not decide, the letters do ("Éclair" between
    /// "durand" and "Fabre"); then the id.
    @Test func tiesAreOrderedByNameThenID() {
        let names = [(5, "Fabre"), (4, "Éclair"), (3, "durand"), (2, "Durand"), (1, "Durand")]
        let report = AgingReport(
            asOf: Self.asOf,
            lines: names.map { AgingLine(clientID: Int64($0.0), name: $0.1, amounts: [Money(cents: 100), .zero, .zero, .zero, .zero]) })
        #expect(report.lines.map(\.name) == ["Durand", "Durand", "durand", "Éclair", "Fabre"])
        #expect(report.lines.map(\.clientID) == [1, 2, 3, 4, 5])
    }

    @Test func emptyLedger() {
        let report = AgingReport(asOf: Self.asOf, rows: [])
        #expect(report.lines.isEmpty)
        #expect(report.total == .zero)
        #expect(report.totals == Array(repeating: .zero, count: 5))
        #expect(report.shares == [0, 0, 0, 0, 0])
    }
}
