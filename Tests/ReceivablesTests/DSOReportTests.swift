import Receivables
import Testing

/// DSO by count-back and by the simple method, the count-back periods, and the payment delays
/// weighted by amount, on small histories computed by hand.
@Suite struct DSOReportTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func euros(_ value: Int64) -> Money { Money(euros: value) }
    static func month(_ first: String, _ last: String, _ sales: Int64) -> MonthSales {
        MonthSales(first: day(first), last: day(last), sales: euros(sales))
    }

    /// November 30 000 € (30 d), October 25 000 € (31 d), September 20 000 € (30 d).
    static let autumn = [
        month("2025-11-01", "2025-11-30", 30_000), month("2025-10-01", "2025-10-31", 25_000), month("2025-09-01", "2025-09-30", 20_000),
    ]

    /// Outstanding 50 000 €: November is consumed whole (30 d, 20 000 € left), October in part:
    /// 20 000 / 25 000 × 31 = 24,8 d. DSO = 54,8 days over 2 months.
    @Test func countBackExampleOfTheBrief() {
        let result = DSO.countBack(outstanding: Self.euros(50_000), months: Self.autumn)
        #expect(abs(result.days - 54.8) < 1e-9)
        #expect(result.monthsUsed == 2)
        #expect(!result.exhausted)
        #expect(result.method == .countBack)
        #expect(result.frenchText == "54,8 jours (méthode par épuisement du chiffre d’affaires, sur 2 mois)")
    }

    /// (outstanding €, days, months used, exhausted), on the autumn above:
    /// - 0 € → 0 d; 15 000 € → 15 000 / 30 000 × 30 = 15 d in November;
    /// - 30 000 € → exactly November: 30 d, 1 month;
    /// - 55 000 € → November + October: 30 + 31 = 61 d;
    /// - 60 000 € → 61 + 5 000 / 20 000 × 30 = 68,5 d;
    /// - 100 000 € → the 75 000 € of history run out: 91 d at least, exhausted.
    @Test(arguments: [
        (Int64(0), 0.0, 0, false), (15_000, 15.0, 1, false), (30_000, 30.0, 1, false), (55_000, 61.0, 2, false),
        (60_000, 68.5, 3, false), (100_000, 91.0, 3, true),
    ])
    func countBackTable(outstanding: Int64, days: Double, months: Int, exhausted: Bool) {
        let result = DSO.countBack(outstanding: Self.euros(outstanding), months: Self.autumn)
        #expect(abs(result.days - days) < 1e-9)
        #expect(result.monthsUsed == months)
        #expect(result.exhausted == exhausted)
    }

    @Test func exhaustedHistoryIsSaid() {
        let result = DSO.countBack(outstanding: Self.euros(100_000), months: Self.autumn)
        #expect(result.frenchText == "plus de 91,0 jours (méthode par épuisement du chiffre d’affaires, historique de 3 mois épuisé)")
        let none = DSO.countBack(outstanding: Self.euros(1), months: [])
        #expect(none.exhausted && none.days == 0 && none.monthsUsed == 0)
    }

    /// Report day 10/03/2026: March counts 10 days. Outstanding 12 000 €, March sales 4 000 €
    /// (10 d, 8 000 € left), February 16 000 € (28 d): 8 000 / 16 000 × 28 = 14 → 24 days.
    @Test func partialCurrentMonth() {
        let periods = DSO.periods(asOf: Self.day("2026-03-10"), count: 3)
        #expect(
            periods == [
                Self.day("2026-03-01")...Self.day("2026-03-10"), Self.day("2026-02-01")...Self.day("2026-02-28"),
                Self.day("2026-01-01")...Self.day("2026-01-31"),
            ])
        let sales: [Int64] = [4_000, 16_000, 30_000]
        let months = zip(periods, sales).map { MonthSales(first: $0.lowerBound, last: $0.upperBound, sales: Self.euros($1)) }
        #expect(months.map(\.days) == [10, 28, 31])
        let result = DSO.countBack(outstanding: Self.euros(12_000), months: months)
        #expect(abs(result.days - 24) < 1e-9)
        #expect(result.monthsUsed == 2)
    }

    /// A month without sales is counted in full: 15 d of November with no sales, then
    /// 10 000 / 20 000 × 31 = 15,5 d of October → 30,5 d.
    @Test func monthWithoutSales() {
        let months = [Self.month("2025-11-01", "2025-11-15", 0), Self.month("2025-10-01", "2025-10-31", 20_000)]
        let result = DSO.countBack(outstanding: Self.euros(10_000), months: months)
        #expect(abs(result.days - 30.5) < 1e-9)
        #expect(result.monthsUsed == 2)
        #expect(!result.exhausted)
    }

    @Test func periodsCrossTheYear() {
        #expect(
            DSO.periods(asOf: Self.day("2026-01-31"), count: 2) == [
                Self.day("2026-01-01")...Self.day("2026-01-31"),
                Self.day("2025-12-01")...Self.day("2025-12-31"),
            ])
        #expect(DSO.periods(asOf: Self.day("2026-01-31"), count: 0).isEmpty)
    }

    /// 50 000 € owed on 365 000 € of yearly sales: 50 days; 120 000 € on a quarter of
    /// 360 000 € (90 d): 30 days; no sales: no figure.
    @Test func simpleMethod() {
        #expect(DSO.simple(outstanding: Self.euros(50_000), sales: Self.euros(365_000), days: 365) == 50)
        #expect(DSO.simple(outstanding: Self.euros(120_000), sales: Self.euros(360_000), days: 90) == 30)
        #expect(DSO.simple(outstanding: Self.euros(1_000), sales: .zero, days: 365) == nil)
        let result = DSO.simpleResult(outstanding: Self.euros(50_000), sales: Self.euros(365_000), days: 365)
        #expect(result?.method == .simple)
        #expect(result?.frenchText == "50,0 jours (méthode simple (encours ÷ CA × jours))")
    }

    // MARK: Payment delays

    /// Three invoices due on 01/03/2026, and a credit note that does not count:
    /// - A 1 000 € paid 11/03: +10 d;  B 3 000 € paid 25/02: −4 d (early);  C 6 000 € paid 10/04: +40 d.
    /// Plain mean of delays (10 − 4 + 40) / 3 = 15,33; weighted (10 000 − 12 000 + 240 000) / 10 000
    /// = 23,8. Lateness (early = 0): plain (10 + 0 + 40) / 3 = 16,67, weighted 250 000 / 10 000 = 25.
    /// Paid late (> 0 d): A and C, 7 000 / 10 000 = 0,7 of the amount, 2 of 3 invoices;
    /// more than 10 d late: only C, 0,6 and 1 of 3.
    static let paid = [
        PaidInvoice(amount: euros(1_000), dueDay: day("2026-03-01"), paidDay: day("2026-03-11")),
        PaidInvoice(amount: euros(3_000), dueDay: day("2026-03-01"), paidDay: day("2026-02-25")),
        PaidInvoice(amount: euros(6_000), dueDay: day("2026-03-01"), paidDay: day("2026-04-10")),
        PaidInvoice(amount: euros(-500), dueDay: day("2026-03-01"), paidDay: day("2026-06-01")),
    ]

    @Test func weightedDelay() {
        #expect(Self.paid.map(\.delay) == [10, -4, 40, 92])
        let delay = DSO.weightedDelay(Self.paid)
        #expect(delay.count == 3)
        #expect(delay.amount == Self.euros(10_000))
        #expect(abs(delay.averageDelay - 46.0 / 3) < 1e-9)
        #expect(abs(delay.weightedDelay - 23.8) < 1e-9)
        #expect(abs(delay.averageDaysLate - 50.0 / 3) < 1e-9)
        #expect(abs(delay.weightedDaysLate - 25) < 1e-9)
        #expect(abs(delay.shareLate - 0.7) < 1e-9)
        #expect(abs(delay.shareLateByCount - 2.0 / 3) < 1e-9)
        #expect(delay.frenchText == "paie en moyenne 24 jours après l’échéance")
    }

    @Test func toleranceOnlyChangesTheShares() {
        let strict = DSO.weightedDelay(Self.paid)
        let tolerant = DSO.weightedDelay(Self.paid, toleranceDays: 10)
        #expect(abs(tolerant.shareLate - 0.6) < 1e-9)
        #expect(abs(tolerant.shareLateByCount - 1.0 / 3) < 1e-9)
        #expect(tolerant.toleranceDays == 10)
        #expect(tolerant.weightedDaysLate == strict.weightedDaysLate)
    }

    @Test func noPayments() {
        let delay = DSO.weightedDelay([])
        #expect(delay.isEmpty)
        #expect(delay.weightedDaysLate == 0 && delay.shareLate == 0 && delay.averageDelay == 0)
        #expect(delay.frenchText == "aucune facture payée")
        let early = DSO.weightedDelay([
            PaidInvoice(amount: Self.euros(100), dueDay: Self.day("2026-03-10"), paidDay: Self.day("2026-03-07"))
        ])
        #expect(early.frenchText == "paie en moyenne 3 jours avant l’échéance")
        #expect(early.weightedDaysLate == 0)
    }
}
