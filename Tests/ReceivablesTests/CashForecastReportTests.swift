import PropertyBased
import Receivables
import Testing

/// The cash forecast: weekly and monthly buckets across week and month edges, the three
/// scenarios, flows before and after the period, and property checks that nothing is lost.
@Suite struct CashForecastReportTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func cents(_ value: Int64) -> Money { Money(cents: value) }

    /// Period Wednesday 25/03/2026 – Thursday 30/04/2026.
    /// Weeks: 25–29/03 (cut), 30/03–05/04, 06–12/04, 13–19/04, 20–26/04, 27–30/04 (cut).
    /// Months: 25–31/03 (cut), April.
    static let from = day("2026-03-25")
    static let to = day("2026-04-30")

    /// | # | kind | amount | expected | optimistic | pessimistic (p → weighted) |
    /// |---|---|---|---|---|---|
    /// | 1 | invoice | 1 000,00 | Sun 29/03 | 27/03 | Mon 06/04 (0,9 → 900,00) |
    /// | 2 | installment | 500,00 | Mon 30/03 | 30/03 | 30/03 (1 → 500,00) |
    /// | 3 | promise | 333,33 | 30/04 | 28/04 | 04/05 (0,5 → 166,665 → 166,67) |
    /// | 4 | invoice | 2 000,00 | 20/03 (before) | 18/03 (before) | 02/04 (0,25 → 500,00) |
    /// | 5 | invoice | 750,00 | 05/05 (after) | 30/04 | 20/05 (0,8 → 600,00) |
    /// | 6 | invoice | 120,00 | Sun 05/04 | 05/04 | 05/04 (0,5 → 60,00) |
    static let flows = [
        ExpectedFlow(
            day: day("2026-03-29"), amount: cents(100_000), kind: .invoice, optimisticDay: day("2026-03-27"),
            pessimisticDay: day("2026-04-06"), probability: 0.9),
        ExpectedFlow(day: day("2026-03-30"), amount: cents(50_000), kind: .installment),
        ExpectedFlow(
            day: day("2026-04-30"), amount: cents(33_333), kind: .promise, optimisticDay: day("2026-04-28"),
            pessimisticDay: day("2026-05-04"), probability: 0.5),
        ExpectedFlow(
            day: day("2026-03-20"), amount: cents(200_000), kind: .invoice, optimisticDay: day("2026-03-18"),
            pessimisticDay: day("2026-04-02"), probability: 0.25),
        ExpectedFlow(
            day: day("2026-05-05"), amount: cents(75_000), kind: .invoice, optimisticDay: day("2026-04-30"),
            pessimisticDay: day("2026-05-20"), probability: 0.8),
        ExpectedFlow(day: day("2026-04-05"), amount: cents(12_000), kind: .invoice, probability: 0.5),
    ]

    /// | week | expected | optimistic | pessimistic |
    /// |---|---|---|---|
    /// | 25–29/03 | 1 000,00 (#1) | 1 000,00 (#1) | 0 |
    /// | 30/03–05/04 | 620,00 (#2, #6) | 620,00 (#2, #6) | 1 060,00 (#2, #4, #6) |
    /// | 06–12/04 | 0 | 0 | 900,00 (#1) |
    /// | 13–19/04, 20–26/04 | 0 | 0 | 0 |
    /// | 27–30/04 | 333,33 (#3) | 1 083,33 (#3, #5) | 0 |
    /// | period | 1 953,33 | 2 703,33 | 1 960,00 |
    /// | before 25/03 | 2 000,00 (#4) | 2 000,00 (#4) | 0 |
    /// | after 30/04 | 750,00 (#5) | 0 | 766,67 (#3, #5) |
    @Test func weeklyByHand() {
        let report = CashForecast.build(Self.flows, from: Self.from, to: Self.to, granularity: .week)
        #expect(
            report.buckets.map(\.first)
                == ["2026-03-25", "2026-03-30", "2026-04-06", "2026-04-13", "2026-04-20", "2026-04-27"].map(Self.day))
        #expect(
            report.buckets.map(\.last)
                == ["2026-03-29", "2026-04-05", "2026-04-12", "2026-04-19", "2026-04-26", "2026-04-30"].map(Self.day))
        #expect(report.buckets.map(\.isPartial) == [true, false, false, false, false, true])
        #expect(
            report.buckets.map(\.frenchLabel) == [
                "semaine du 23/03", "semaine du 30/03", "semaine du 06/04", "semaine du 13/04", "semaine du 20/04", "semaine du 27/04",
            ])
        #expect(report.buckets.map(\.expected.cents) == [100_000, 62_000, 0, 0, 0, 33_333])
        #expect(report.buckets.map(\.optimistic.cents) == [100_000, 62_000, 0, 0, 0, 108_333])
        #expect(report.buckets.map(\.pessimistic.cents) == [0, 106_000, 90_000, 0, 0, 0])
        #expect(report.buckets.map(\.flowCount) == [1, 2, 0, 0, 0, 1])
        #expect(
            report.total
                == ForecastAmounts(expected: Self.cents(195_333), optimistic: Self.cents(270_333), pessimistic: Self.cents(196_000)))
        #expect(report.overdue == ForecastAmounts(expected: Self.cents(200_000), optimistic: Self.cents(200_000), pessimistic: .zero))
        #expect(report.later == ForecastAmounts(expected: Self.cents(75_000), optimistic: .zero, pessimistic: Self.cents(76_667)))
        // All amounts (4 703,33 €) in expected and optimistic; the weighted ones (2 726,67 €) in pessimistic.
        #expect(
            report.grandTotal
                == ForecastAmounts(expected: Self.cents(470_333), optimistic: Self.cents(470_333), pessimistic: Self.cents(272_667)))
    }

    /// March (25–31): expected #1 + #2 = 1 500,00, optimistic the same, pessimistic #2 = 500,00.
    /// April: expected #3 + #6 = 453,33; optimistic #3 + #5 + #6 = 1 203,33; pessimistic
    /// #1 + #4 + #6 = 1 460,00. By kind in the period: invoices 1 120,00 / 1 870,00 / 1 460,00,
    /// installments 500,00 each, promises 333,33 / 333,33 / 0.
    @Test func monthlyByHand() {
        let report = CashForecast.build(Self.flows, from: Self.from, to: Self.to, granularity: .month)
        #expect(report.buckets.count == 2)
        #expect(report.buckets.map(\.first) == [Self.day("2026-03-25"), Self.day("2026-04-01")])
        #expect(report.buckets.map(\.last) == [Self.day("2026-03-31"), Self.day("2026-04-30")])
        #expect(report.buckets.map(\.isPartial) == [true, false])
        #expect(report.buckets.map(\.frenchLabel) == ["mars 2026", "avril 2026"])
        #expect(report.buckets.map(\.expected.cents) == [150_000, 45_333])
        #expect(report.buckets.map(\.optimistic.cents) == [150_000, 120_333])
        #expect(report.buckets.map(\.pessimistic.cents) == [50_000, 146_000])
        #expect(report.total == CashForecast.build(Self.flows, from: Self.from, to: Self.to, granularity: .week).total)
        #expect(
            report.byKind[.invoice]
                == ForecastAmounts(expected: Self.cents(112_000), optimistic: Self.cents(187_000), pessimistic: Self.cents(146_000)))
        #expect(
            report.byKind[.installment]
                == ForecastAmounts(expected: Self.cents(50_000), optimistic: Self.cents(50_000), pessimistic: Self.cents(50_000)))
        #expect(
            report.byKind[.promise] == ForecastAmounts(expected: Self.cents(33_333), optimistic: Self.cents(33_333), pessimistic: .zero))
    }

    /// Month edges: 31/01 alone, February whole, 01/03 alone; a flow on each edge day.
    @Test func monthEdges() {
        let days = ["2026-01-30", "2026-01-31", "2026-02-01", "2026-02-28", "2026-03-01", "2026-03-02"]
        let flows = days.enumerated().map { ExpectedFlow(day: Self.day($1), amount: Self.cents(Int64(1 << $0)), kind: .invoice) }
        let report = CashForecast.build(flows, from: Self.day("2026-01-31"), to: Self.day("2026-03-01"), granularity: .month)
        #expect(report.buckets.map(\.first) == [Self.day("2026-01-31"), Self.day("2026-02-01"), Self.day("2026-03-01")])
        #expect(report.buckets.map(\.last) == [Self.day("2026-01-31"), Self.day("2026-02-28"), Self.day("2026-03-01")])
        #expect(report.buckets.map(\.expected.cents) == [2, 4 + 8, 16])
        #expect(report.overdue.expected.cents == 1)
        #expect(report.later.expected.cents == 32)
    }

    /// Week edges across the new year: Sunday 28/12/2025 is in the first week (22–28/12, cut to
    /// 28/12), Monday 29/12 opens the next one, which runs to Sunday 04/01/2026.
    @Test func weekEdgesAcrossTheYear() {
        let days = ["2025-12-28", "2025-12-29", "2026-01-01", "2026-01-04", "2026-01-05"]
        let flows = days.enumerated().map { ExpectedFlow(day: Self.day($1), amount: Self.cents(Int64(1 << $0)), kind: .promise) }
        let report = CashForecast.build(flows, from: Self.day("2025-12-28"), to: Self.day("2026-01-05"), granularity: .week)
        #expect(report.buckets.map(\.first) == [Self.day("2025-12-28"), Self.day("2025-12-29"), Self.day("2026-01-05")])
        #expect(report.buckets.map(\.last) == [Self.day("2025-12-28"), Self.day("2026-01-04"), Self.day("2026-01-05")])
        #expect(report.buckets.map(\.expected.cents) == [1, 2 + 4 + 8, 16])
        #expect(report.buckets.map(\.isPartial) == [true, false, true])
        #expect(report.buckets[1].frenchLabel == "semaine du 29/12")
    }

    @Test func emptyPeriod() {
        let report = CashForecast.build(Self.flows, from: Self.to, to: Self.from, granularity: .week)
        #expect(report.buckets.isEmpty)
        #expect(report.total == .zero)
        #expect(report.grandTotal.expected.cents == 470_333)
    }

    /// amount × probability, half a cent away from zero; probability kept within 0…1.
    @Test(arguments: [
        (Int64(1), 0.5, Int64(1)), (-1, 0.5, -1), (33_333, 0.5, 16_667), (10_000, 0.333, 3_330), (100, 1.5, 100), (100, -1, 0),
        (100, .nan, 0), (100, 1, 100), (100, 0, 0),
    ])
    func pessimisticAmount(cents: Int64, probability: Double, expected: Int64) {
        let flow = ExpectedFlow(day: Self.from, amount: Self.cents(cents), kind: .invoice, probability: probability)
        #expect(flow.pessimisticAmount.cents == expected)
    }

    // MARK: Properties

    /// Flows from draws: (day offset, optimistic shift, pessimistic shift, cents, probability %).
    static func randomFlows(_ draws: [Int]) -> [ExpectedFlow] {
        stride(from: 0, to: draws.count - 4, by: 5).map { i in
            let day = from.adding(days: draws[i] % 140 - 30)
            return ExpectedFlow(
                day: day, amount: cents(Int64(draws[i + 3]) - 1_000), kind: FlowKind.allCases[draws[i] % 3],
                optimisticDay: day.adding(days: -(draws[i + 1] % 20)), pessimisticDay: day.adding(days: draws[i + 2] % 45),
                probability: Double(draws[i + 4] % 101) / 100)
        }
    }

    static func checkConservation(_ draws: [Int], span: Int, weekly: Bool) {
        let flows = randomFlows(draws)
        let to = from.adding(days: span)
        let report = CashForecast.build(flows, from: from, to: to, granularity: weekly ? .week : .month)
        let all = flows.map(\.amount).sum()
        #expect(report.grandTotal.expected == all)
        #expect(report.grandTotal.optimistic == all)
        #expect(report.grandTotal.pessimistic == flows.map(\.pessimisticAmount).sum())
        #expect(report.buckets.map(\.expected).sum() == report.total.expected)
        #expect(report.buckets.map(\.pessimistic).sum() == report.total.pessimistic)
        #expect(report.buckets.map(\.flowCount).reduce(0, +) == flows.filter { $0.day >= from && $0.day <= to }.count)
        let kinds = report.byKind.values.reduce(ForecastAmounts.zero, +)
        #expect(kinds == report.total)
        // Buckets tile the period without gap, each within one week or one month.
        #expect(report.buckets.first?.first == from)
        #expect(report.buckets.last?.last == to)
        for (a, b) in zip(report.buckets, report.buckets.dropFirst()) { #expect(a.last.adding(days: 1) == b.first) }
        for bucket in report.buckets {
            if weekly {
                #expect(bucket.first.days(until: bucket.last) <= 6 && bucket.first.weekday <= bucket.last.weekday)
            } else {
                #expect(bucket.first.firstOfMonth == bucket.last.firstOfMonth)
            }
        }
    }

    @Test func nothingIsLostOrCountedTwice() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...200_000).array(of: 0...60), Gen.int(in: 0...120), Gen.bool) {
            draws, span, weekly in
            Self.checkConservation(draws, span: span, weekly: weekly)
        }
    }
}
