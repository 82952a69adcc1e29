import Receivables
import Testing

/// Dependence on the largest clients: shares, cumulative shares, Herfindahl index and
/// warnings on a five-client ledger computed by hand.
@Suite struct ConcentrationReportTests {
    static func euros(_ value: Int64) -> Money { Money(euros: value) }

    /// Sales over 12 months (total 100 000 €) and outstanding today (total 25 000 €, Petit's
    /// credit of 500 € counting as nothing):
    ///
    /// | client | sales | share | outstanding | share |
    /// |---|---|---|---|---|
    /// | Garage Moreau | 34 000 | 34 % | 8 000 | 32 % |
    /// | Dupont | 26 000 | 26 % | 12 000 | 48 % |
    /// | Martin | 20 000 | 20 % | 2 000 | 8 % |
    /// | Durand | 12 000 | 12 % | 3 000 | 12 % |
    /// | Petit | 8 000 | 8 % | −500 | 0 |
    ///
    /// Herfindahl on sales: 34² + 26² + 20² + 12² + 8² = 1 156 + 676 + 400 + 144 + 64 = 2 440;
    /// on outstanding: 48² + 32² + 12² + 8² = 2 304 + 1 024 + 144 + 64 = 3 536.
    static let ledger = [
        ClientShare(clientID: 1, name: "Garage Moreau", sales: euros(34_000), outstanding: euros(8_000)),
        ClientShare(clientID: 2, name: "Dupont", sales: euros(26_000), outstanding: euros(12_000)),
        ClientShare(clientID: 3, name: "Martin", sales: euros(20_000), outstanding: euros(2_000)),
        ClientShare(clientID: 4, name: "Durand", sales: euros(12_000), outstanding: euros(3_000)),
        ClientShare(clientID: 5, name: "Petit", sales: euros(8_000), outstanding: euros(-500)),
    ]

    @Test func salesView() {
        let sales = Concentration.assess(Self.ledger, top: 3).bySales
        #expect(sales.measure == .sales)
        #expect(sales.total == Self.euros(100_000))
        #expect(sales.clientCount == 5)
        #expect(sales.top.map(\.name) == ["Garage Moreau", "Dupont", "Martin"])
        #expect(sales.top.map(\.share) == [34, 26, 20])
        #expect(sales.top.map(\.cumulativeShare) == [34, 60, 80])
        #expect(sales.topShare == 80)
        #expect(sales.largestShare == 34)
        #expect(abs(sales.herfindahl - 2_440) < 1e-9)
        #expect(abs(sales.equivalentClients - 10_000.0 / 2_440) < 1e-9)
    }

    @Test func outstandingView() {
        let outstanding = Concentration.assess(Self.ledger, top: 3).byOutstanding
        #expect(outstanding.total == Self.euros(25_000))
        #expect(outstanding.clientCount == 4)
        #expect(outstanding.top.map(\.name) == ["Dupont", "Garage Moreau", "Durand"])
        #expect(outstanding.top.map(\.amount) == [Self.euros(12_000), Self.euros(8_000), Self.euros(3_000)])
        #expect(outstanding.top.map(\.cumulativeShare) == [48, 80, 92])
        #expect(outstanding.largestShare == 48)
        #expect(abs(outstanding.herfindahl - 3_536) < 1e-9)
    }

    /// Over 20 %: Moreau (34) and Dupont (26) on sales, Martin at exactly 20 % is not over;
    /// Dupont (48) and Moreau (32) on outstanding.
    @Test func warningsOverTheThreshold() {
        let report = Concentration.assess(Self.ledger)
        #expect(report.threshold == 20)
        #expect(report.warnings.map(\.name) == ["Garage Moreau", "Dupont", "Dupont", "Garage Moreau"])
        #expect(report.warnings.map(\.measure) == [.sales, .sales, .outstanding, .outstanding])
        #expect(report.warnings.map(\.share) == [34, 26, 48, 32])
        #expect(
            report.warnings[0].frenchText == "Garage Moreau pèse 34\u{00A0}% de votre chiffre d’affaires\u{00A0}: une dépendance forte.")
        #expect(report.warnings[2].frenchText == "Dupont pèse 48\u{00A0}% de votre encours\u{00A0}: une dépendance forte.")
    }

    @Test(arguments: [(50.0, 0), (40.0, 1), (30.0, 3), (19.0, 5)])
    func thresholdSetsTheWarnings(threshold: Double, count: Int) {
        #expect(Concentration.assess(Self.ledger, threshold: threshold).warnings.count == count)
    }

    /// Asking for more than there are lists them all, the last cumulative share being 100 %.
    @Test func topLargerThanTheLedger() {
        let report = Concentration.assess(Self.ledger, top: 10)
        #expect(report.bySales.top.count == 5)
        #expect(report.byOutstanding.top.count == 4)
        #expect(report.bySales.topShare == 100)
        #expect(report.byOutstanding.topShare == 100)
        #expect(report.view(.outstanding) == report.byOutstanding)
        #expect(Concentration.assess(Self.ledger, top: 0).bySales.top.isEmpty)
    }

    @Test func emptyAndSingle() {
        let empty = Concentration.assess([])
        #expect(empty.bySales.total == .zero && empty.bySales.top.isEmpty)
        #expect(empty.bySales.herfindahl == 0 && empty.bySales.largestShare == 0 && empty.bySales.equivalentClients == 0)
        #expect(empty.warnings.isEmpty)
        let one = Concentration.assess([ClientShare(clientID: 9, name: "Seul", sales: Self.euros(10), outstanding: .zero)])
        #expect(one.bySales.herfindahl == 10_000)
        #expect(one.bySales.equivalentClients == 1)
        #expect(one.byOutstanding.clientCount == 0)
        #expect(one.warnings.map(\.measure) == [.sales])
    }

    /// Equal amounts: name order (accents ignored), then id; never the input order.
    @Test func tiesAreDeterministic() {
        let rows = [
            ClientShare(clientID: 3, name: "Fabre", sales: Self.euros(10), outstanding: Self.euros(1)),
            ClientShare(clientID: 2, name: "Éclair", sales: Self.euros(10), outstanding: Self.euros(1)),
            ClientShare(clientID: 1, name: "Durand", sales: Self.euros(10), outstanding: Self.euros(1)),
        ]
        let forward = Concentration.assess(rows, top: 3)
        #expect(forward.bySales.top.map(\.name) == ["Durand", "Éclair", "Fabre"])
        #expect(forward == Concentration.assess(rows.reversed(), top: 3))
    }
}
