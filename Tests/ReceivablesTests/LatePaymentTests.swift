import Foundation
import Receivables
import Testing

/// Proves the late-payment engine against cases computed by hand (written out below), the
/// rounding and overflow behaviour of the interest formula, the consumer and public-buyer
/// rules, missing rates reported rather than zeroed silently, the contract floor and the
/// limitation days; and, on random ledgers, that periods match a day-by-day recount.
///
/// Interest of a period = base × rate × days / 365, rate in basis points, so in cents:
/// base_cents × bp × days / 3 650 000, rounded half up.
@Suite struct LatePaymentTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func h(_ year: Int, _ half: Int) -> HalfYear { HalfYear(year: year, half: half) }
    static func euros(_ value: Int64) -> Money { Money(cents: value) }
    static func pay(_ iso: String, _ cents: Int64) -> Settlement { Settlement(day: day(iso), amount: Money(cents: cents)) }

    static func compute(
        _ cents: Int64, due: String, asOf: String, settlements: [Settlement] = [], basis: PenaltyBasis = .business,
        rates: RateTable = .shipped
    ) -> PenaltyComputation {
        LatePayment.compute(
            amount: Money(cents: cents), dueDay: day(due), settlements: settlements, asOf: day(asOf), basis: basis, rates: rates)
    }

    /// (from, to, days, base cents, rate bp, interest cents) of each period.
    static func summary(_ result: PenaltyComputation) -> [String] {
        result.periods.map {
            "\($0.from.iso)…\($0.to.iso) \($0.days)j \($0.base.cents) @\($0.rate.map(String.init) ?? "?") = \($0.interest.cents)"
        }
    }

    // MARK: Hand-computed cases

    /// 10 000,00 € due 31/05/2026, on 15/07/2026, between businesses:
    /// - 01/06…30/06/2026, 30 days at 12,15 % (2026 H1: 2,15 + 10):
    ///   1 000 000 × 1 215 × 30 / 3 650 000 = 36 450 000 000 / 3 650 000 = 9 986,30 → 99,86 €
    /// - 01/07…15/07/2026, 15 days at 12,15 % (2026 H2):
    ///   1 000 000 × 1 215 × 15 / 3 650 000 = 18 225 000 000 / 3 650 000 = 4 993,15 → 49,93 €
    /// Interest 149,79 €, + 40 € = 189,79 €; 45 days late.
    @Test func businessAcrossAHalfYearAtTheSameRate() {
        let result = Self.compute(1_000_000, due: "2026-05-31", asOf: "2026-07-15")
        #expect(
            Self.summary(result) == [
                "2026-06-01…2026-06-30 30j 1000000 @1215 = 9986",
                "2026-07-01…2026-07-15 15j 1000000 @1215 = 4993",
            ])
        #expect(result.periods.map(\.halfYear) == [Self.h(2026, 1), Self.h(2026, 2)])
        #expect(result.interest.cents == 14_979)
        #expect(result.indemnity.cents == 4_000)
        #expect(result.total.cents == 18_979)
        #expect(result.total.formatted == "189,79\u{00A0}€")
        #expect(result.daysLate == 45)
        #expect(result.missingHalfYears.isEmpty && result.isComplete)
    }

    /// 5 000,00 € due 15/06/2025, on 20/07/2025:
    /// - 16/06…30/06/2025, 15 days at 13,15 % (2025 H1: 3,15 + 10):
    ///   500 000 × 1 315 × 15 / 3 650 000 = 9 862 500 000 / 3 650 000 = 2 702,05 → 27,02 €
    /// - 01/07…20/07/2025, 20 days at 12,15 % (2025 H2: 2,15 + 10):
    ///   500 000 × 1 215 × 20 / 3 650 000 = 12 150 000 000 / 3 650 000 = 3 328,77 → 33,29 €
    /// Interest 60,31 €, total 100,31 €; 35 days late.
    @Test func businessAcrossAHalfYearWhereTheRateChanges() {
        let result = Self.compute(500_000, due: "2025-06-15", asOf: "2025-07-20")
        #expect(
            Self.summary(result) == [
                "2025-06-16…2025-06-30 15j 500000 @1315 = 2702",
                "2025-07-01…2025-07-20 20j 500000 @1215 = 3329",
            ])
        #expect(result.interest.cents == 6_031)
        #expect(result.total.cents == 10_031)
        #expect(result.daysLate == 35)
    }

    /// 8 000,00 € due 28/02/2026, 3 000,00 € paid on 20/03/2026, on 09/04/2026:
    /// - 01/03…20/03/2026 (the payment day still counts unpaid), 20 days on 8 000 € at 12,15 %:
    ///   800 000 × 1 215 × 20 / 3 650 000 = 19 440 000 000 / 3 650 000 = 5 326,03 → 53,26 €
    /// - 21/03…09/04/2026, 11 + 9 = 20 days on 5 000 € at 12,15 %:
    ///   500 000 × 1 215 × 20 / 3 650 000 = 3 328,77 → 33,29 €
    /// Interest 86,55 €, + 40 € = 126,55 €; 31 + 9 = 40 days late.
    @Test func aPartialPaymentSplitsThePeriod() {
        let result = Self.compute(
            800_000, due: "2026-02-28", asOf: "2026-04-09", settlements: [Self.pay("2026-03-20", 300_000)])
        #expect(
            Self.summary(result) == [
                "2026-03-01…2026-03-20 20j 800000 @1215 = 5326",
                "2026-03-21…2026-04-09 20j 500000 @1215 = 3329",
            ])
        #expect(result.interest.cents == 8_655)
        #expect(result.indemnity.cents == 4_000)
        #expect(result.total.cents == 12_655)
        #expect(result.daysLate == 40)
    }

    /// 1 000,00 € due 31/03/2026, paid in full on 30/04/2026 (30 days late), computed on 01/06/2026:
    /// 01/04…30/04/2026, 30 days at 12,15 %: 100 000 × 1 215 × 30 / 3 650 000 = 998,63 → 9,99 €.
    /// The 40 € stay due after payment: total 49,99 €; nothing accrues after 30/04.
    @Test func aFullPaymentStopsInterestButNotTheIndemnity() {
        let result = Self.compute(
            100_000, due: "2026-03-31", asOf: "2026-06-01", settlements: [Self.pay("2026-04-30", 100_000)])
        #expect(Self.summary(result) == ["2026-04-01…2026-04-30 30j 100000 @1215 = 999"])
        #expect(result.daysLate == 30)
        #expect(result.indemnity.cents == 4_000)
        #expect(result.total.cents == 4_999)
    }

    /// Paid on the due day, or before it, or in instalments that end on the due day: not late.
    @Test(arguments: [
        [pay("2026-03-31", 100_000)],
        [pay("2026-03-01", 100_000)],
        [pay("2026-03-10", 40_000), pay("2026-03-31", 60_000)],
        [pay("2026-03-31", 60_000), pay("2026-03-10", 50_000)],  // overpaid, any order
    ])
    func paidOnTimeOwesNothing(settlements: [Settlement]) {
        let result = Self.compute(100_000, due: "2026-03-31", asOf: "2026-06-01", settlements: settlements)
        #expect(result == PenaltyComputation.none)
        #expect(result.daysLate == 0 && result.indemnity.isZero && result.periods.isEmpty)
    }

    /// On the due day itself, or before, nothing is owed yet, whatever the basis.
    @Test(arguments: ["2026-03-31", "2026-03-01", "2025-12-31"])
    func notYetDueOwesNothing(asOf: String) {
        for basis in [PenaltyBasis.business, .publicBuyer, .contract(basisPoints: 900), .consumer(formalNoticeDay: Self.day("2026-03-15"))]
        {
            #expect(Self.compute(100_000, due: "2026-03-31", asOf: asOf, basis: basis) == .none)
        }
    }

    /// Late by one day: 1 day of interest and the 40 € (100 000 × 1 215 × 1 / 3 650 000 = 33,29 → 0,33 €).
    @Test func oneDayLate() {
        let result = Self.compute(100_000, due: "2026-03-31", asOf: "2026-04-01")
        #expect(Self.summary(result) == ["2026-04-01…2026-04-01 1j 100000 @1215 = 33"])
        #expect(result.daysLate == 1 && result.total.cents == 4_033)
    }

    /// A payment before the due day lowers the base from the start; an overpayment ends interest.
    /// 1 000,00 € due 31/03/2026, 600 € paid 21/03, 500 € paid 05/04 (overpaid), on 30/04:
    /// 01/04…05/04/2026, 5 days on 400 € at 12,15 %: 40 000 × 1 215 × 5 / 3 650 000 = 66,58 → 0,67 €.
    @Test func paymentsBeforeTheDueDayAndOverpayment() {
        let result = Self.compute(
            100_000, due: "2026-03-31", asOf: "2026-04-30",
            settlements: [Self.pay("2026-04-05", 50_000), Self.pay("2026-03-21", 60_000)])
        #expect(Self.summary(result) == ["2026-04-01…2026-04-05 5j 40000 @1215 = 67"])
        #expect(result.daysLate == 5)
        #expect(result.total.cents == 4_067)
    }

    /// Several payments on one day act together; a zero settlement does not split a period.
    /// 3 000,00 € due 31/01/2026, 1 000 € + 500 € on 10/02, 0 € on 20/02, on 28/02:
    /// - 01/02…10/02, 10 days on 3 000 €: 300 000 × 1 215 × 10 / 3 650 000 = 998,63 → 9,99 €
    /// - 11/02…28/02, 18 days on 1 500 €: 150 000 × 1 215 × 18 / 3 650 000 = 898,77 → 8,99 €
    @Test func sameDayPaymentsAndEmptySettlements() {
        let result = Self.compute(
            300_000, due: "2026-01-31", asOf: "2026-02-28",
            settlements: [Self.pay("2026-02-10", 100_000), Self.pay("2026-02-20", 0), Self.pay("2026-02-10", 50_000)])
        #expect(
            Self.summary(result) == [
                "2026-02-01…2026-02-10 10j 300000 @1215 = 999",
                "2026-02-11…2026-02-28 18j 150000 @1215 = 899",
            ])
        #expect(result.interest.cents == 1_898)
    }

    /// A negative settlement (a bounced cheque reversing a payment) makes the principal due again.
    /// 1 000,00 € due 31/03/2026, paid 10/04, reversed 20/04, on 30/04/2026:
    /// - 01/04…10/04, 10 days at 12,15 %: 100 000 × 1 215 × 10 / 3 650 000 = 332,88 → 3,33 €
    /// - 21/04…30/04, 10 days: 3,33 € again; 30 days late on 30/04.
    @Test func aReversedPaymentRestartsInterest() {
        let result = Self.compute(
            100_000, due: "2026-03-31", asOf: "2026-04-30",
            settlements: [Self.pay("2026-04-10", 100_000), Self.pay("2026-04-20", -100_000)])
        #expect(
            Self.summary(result) == [
                "2026-04-01…2026-04-10 10j 100000 @1215 = 333",
                "2026-04-21…2026-04-30 10j 100000 @1215 = 333",
            ])
        #expect(result.daysLate == 30)
        #expect(result.total.cents == 4_666)
    }

    /// Public buyer: ECB + 8 points. Same invoice as the first case (10 000 €, 31/05 → 15/07/2026):
    /// - 30 days at 10,15 %: 1 000 000 × 1 015 × 30 / 3 650 000 = 30 450 000 000 / 3 650 000 = 8 342,47 → 83,42 €
    /// - 15 days at 10,15 %: 1 000 000 × 1 015 × 15 / 3 650 000 = 4 171,23 → 41,71 €
    /// Interest 125,13 €, + 40 € = 165,13 €.
    @Test func publicBuyerPaysECBPlusEight() {
        let result = Self.compute(1_000_000, due: "2026-05-31", asOf: "2026-07-15", basis: .publicBuyer)
        #expect(result.periods.map(\.rate) == [1015, 1015])
        #expect(result.periods.map(\.interest.cents) == [8_342, 4_171])
        #expect(result.interest.cents == 12_513)
        #expect(result.total.cents == 16_513)
    }

    /// Contract at 9 %: 2 000,00 € due 15/01/2026, on 16/03/2026, 16 + 28 + 16 = 60 days:
    /// 200 000 × 900 × 60 / 3 650 000 = 10 800 000 000 / 3 650 000 = 2 958,90 → 29,59 €; + 40 € = 69,59 €.
    @Test func contractRate() {
        let result = Self.compute(200_000, due: "2026-01-15", asOf: "2026-03-16", basis: .contract(basisPoints: 900))
        #expect(Self.summary(result) == ["2026-01-16…2026-03-16 60j 200000 @900 = 2959"])
        #expect(result.total.cents == 6_959)
    }

    /// A contract rate needs no table, so it never misses a rate, even in 2030; periods are still
    /// cut at half-years. 1 000,00 € at 9 % due 20/12/2029, on 10/01/2030:
    /// - 21/12…31/12/2029, 11 days: 100 000 × 900 × 11 / 3 650 000 = 271,23 → 2,71 €
    /// - 01/01…10/01/2030, 10 days: 100 000 × 900 × 10 / 3 650 000 = 246,58 → 2,47 €
    @Test func contractRateNeedsNoTable() {
        let result = Self.compute(
            100_000, due: "2029-12-20", asOf: "2030-01-10", basis: .contract(basisPoints: 900), rates: RateTable())
        #expect(Self.summary(result) == ["2029-12-21…2029-12-31 11j 100000 @900 = 271", "2030-01-01…2030-01-10 10j 100000 @900 = 247"])
        #expect(result.isComplete)
        #expect(result.total.cents == 4_518)
    }

    /// Consumer, 1 200,00 € due 10/02/2026, no formal notice yet on 01/03/2026: late (19 days),
    /// but no interest and never the 40 €.
    @Test func consumerWithoutFormalNoticeOwesNothingYet() {
        let result = Self.compute(120_000, due: "2026-02-10", asOf: "2026-03-01", basis: .consumer(formalNoticeDay: nil))
        #expect(result.periods.isEmpty)
        #expect(result.total.isZero && result.indemnity.isZero)
        #expect(result.daysLate == 19)
        #expect(result.isComplete)
    }

    /// Consumer, same invoice, formal notice on 02/03/2026, on 31/03/2026: legal rate 2,62 %
    /// (2026 H1, creditor a business) from 03/03 to 31/03, 29 days:
    /// 120 000 × 262 × 29 / 3 650 000 = 911 760 000 / 3 650 000 = 249,80 → 2,50 €. No indemnity;
    /// 18 + 31 = 49 days late.
    @Test func consumerAfterFormalNotice() {
        let result = Self.compute(
            120_000, due: "2026-02-10", asOf: "2026-03-31", basis: .consumer(formalNoticeDay: Self.day("2026-03-02")))
        #expect(Self.summary(result) == ["2026-03-03…2026-03-31 29j 120000 @262 = 250"])
        #expect(result.indemnity.isZero)
        #expect(result.total.cents == 250)
        #expect(result.daysLate == 49)
    }

    /// A formal notice sent before the due day starts nothing before the due day; one sent after
    /// full payment starts nothing at all.
    @Test func consumerNoticeBeforeDueDayOrAfterPayment() {
        let early = Self.compute(
            120_000, due: "2026-02-10", asOf: "2026-02-20", basis: .consumer(formalNoticeDay: Self.day("2026-02-01")))
        #expect(early.periods.map(\.from.iso) == ["2026-02-11"])
        #expect(early.periods.map(\.days) == [10])
        let late = Self.compute(
            120_000, due: "2026-02-10", asOf: "2026-04-01", settlements: [Self.pay("2026-03-01", 120_000)],
            basis: .consumer(formalNoticeDay: Self.day("2026-03-05")))
        #expect(late.periods.isEmpty && late.total.isZero)
        #expect(late.daysLate == 19)
    }

    /// The 2026 H2 legal rate is not shipped: consumer, 1 200,00 € due 10/06/2026, notice 15/06,
    /// on 10/07/2026:
    /// - 16/06…30/06/2026, 15 days at 2,62 %: 120 000 × 262 × 15 / 3 650 000 = 129,21 → 1,29 €
    /// - 01/07…10/07/2026, 10 days, rate unknown → 0 and 2026-H2 reported missing.
    /// Once the user adds 2,70 % for 2026 H2: 120 000 × 270 × 10 / 3 650 000 = 88,77 → 0,89 €.
    @Test func aMissingLegalRateIsReportedNotZeroedSilently() {
        let basis = PenaltyBasis.consumer(formalNoticeDay: Self.day("2026-06-15"))
        let result = Self.compute(120_000, due: "2026-06-10", asOf: "2026-07-10", basis: basis)
        #expect(Self.summary(result) == ["2026-06-16…2026-06-30 15j 120000 @262 = 129", "2026-07-01…2026-07-10 10j 120000 @? = 0"])
        #expect(result.missingHalfYears == [Self.h(2026, 2)])
        #expect(!result.isComplete)
        #expect(result.total.cents == 129)

        let updated = RateTable.shipped.merging(RateTable(legalProfessionalCreditor: [Self.h(2026, 2): 270]))
        let completed = Self.compute(120_000, due: "2026-06-10", asOf: "2026-07-10", basis: basis, rates: updated)
        #expect(completed.periods.map(\.interest.cents) == [129, 89])
        #expect(completed.isComplete)
        #expect(completed.total.cents == 218)
    }

    /// Between businesses in 2027 (no ECB rate shipped): 10 days of unknown rate, interest 0,
    /// 2027-H1 missing, but the 40 € are certain. Across several missing half-years each is listed once.
    @Test func aMissingECBRateIsReported() {
        let result = Self.compute(100_000, due: "2026-12-31", asOf: "2027-01-10")
        #expect(Self.summary(result) == ["2027-01-01…2027-01-10 10j 100000 @? = 0"])
        #expect(result.missingHalfYears == [Self.h(2027, 1)])
        #expect(result.total.cents == 4_000)

        let long = Self.compute(
            100_000, due: "2026-11-30", asOf: "2028-02-01", settlements: [Self.pay("2027-03-01", 10_000)])
        #expect(long.missingHalfYears == [Self.h(2027, 1), Self.h(2027, 2), Self.h(2028, 1)])
        #expect(long.periods.count == 5)  // Dec 2026 · Jan–1 Mar 2027 · 2 Mar–Jun 2027 · 2027 H2 · Jan 2028
        // 01/12…31/12/2026 at 12,15 %: 100 000 × 1 215 × 31 / 3 650 000 = 1 031,92 → 10,32 €
        #expect(long.interest.cents == 1_032)
    }

    // MARK: The formula

    @Test(arguments: [
        (1_825, 1_000, 1, 1),  // 1 825 × 1 000 / 3 650 000 = 0,5 cent → 1
        (1_824, 1_000, 1, 0),  // 0,4997 → 0
        (9_125, 1_000, 1, 3),  // 2,5 → 3
        (5_475, 1_000, 1, 2),  // 1,5 → 2
        (18_250, 1_000, 1, 5),  // 5 exactly
        (3_650, 1, 1_000, 1),  // 3 650 × 1 × 1 000 / 3 650 000 = 1
        (100_000, 1_215, 365, 12_150),  // a year at 12,15 % on 1 000 €: 121,50 €
        (100_000, 1_215, 366, 12_183),  // 366 days (leap year): 12 183,29 → one more day, never /366
        (0, 1_215, 30, 0), (100_000, 0, 30, 0), (100_000, 1_215, 0, 0),
        (1_825, -1_000, 1, -1),  // half away from zero for a negative rate
    ])
    func interestRoundsHalfUp(base: Int64, basisPoints: Int, days: Int, expected: Int64) {
        #expect(LatePayment.interest(base: Money(cents: base), basisPoints: basisPoints, days: days).cents == expected)
    }

    /// 10¹² cents (10 milliards d'euros) for ten years: the product exceeds Int64 at 100 %
    /// (10¹² × 10 000 × 3 650 = 3,65 × 10¹⁹) and must still be exact.
    @Test func noOverflowOnHugeAmountsOverTenYears() {
        let base = Money(cents: 1_000_000_000_000)
        // 10¹² × 10 000 × 3 650 / 3 650 000 = 10¹³ cents exactly.
        #expect(LatePayment.interest(base: base, basisPoints: 10_000, days: 3_650).cents == 10_000_000_000_000)
        // 10¹² × 1 215 × 3 650 / 3 650 000 = 1,215 × 10¹² cents.
        #expect(LatePayment.interest(base: base, basisPoints: 1_215, days: 3_650).cents == 1_215_000_000_000)
        // 10¹² × 1 215 × 3 652 / 3 650 000 = 1 215 665 753 424,66 → …425.
        #expect(LatePayment.interest(base: base, basisPoints: 1_215, days: 3_652).cents == 1_215_665_753_425)

        // Ten years 02/01/2026…01/01/2036 (3 652 days) in 21 half-year periods.
        let result = LatePayment.compute(
            amount: base, dueDay: Self.day("2026-01-01"), settlements: [], asOf: Self.day("2036-01-01"),
            basis: .contract(basisPoints: 1_215), rates: .shipped)
        #expect(result.periods.count == 21)
        #expect(result.periods.map(\.days).reduce(0, +) == 3_652)
        #expect(result.daysLate == 3_652)
        let drift = result.interest.cents - 1_215_665_753_425
        #expect(abs(drift) <= Int64(result.periods.count))
    }

    // MARK: Floor and limitation

    /// 3 × the legal rate (creditor a business): 2026 H1 3 × 2,62 = 7,86 %; 2025 H2 3 × 2,76 = 8,28 %.
    @Test func contractFloor() {
        #expect(LatePayment.contractFloor(on: Self.day("2026-03-15"), rates: .shipped) == 786)
        #expect(RateTable.formatPercent(LatePayment.contractFloor(on: Self.day("2026-06-30"), rates: .shipped)!) == "7,86\u{00A0}%")
        #expect(LatePayment.contractFloor(on: Self.day("2025-07-01"), rates: .shipped) == 828)
        #expect(LatePayment.contractFloor(in: Self.h(2023, 1), rates: .shipped) == 618)
        #expect(LatePayment.contractFloor(on: Self.day("2026-07-01"), rates: .shipped) == nil)
    }

    @Test(arguments: [
        ("2026-05-31", false, "2031-05-31"), ("2026-05-31", true, "2028-05-31"),
        ("2024-02-29", false, "2029-02-28"), ("2024-02-29", true, "2026-02-28"),
        ("2028-02-29", true, "2030-02-28"), ("2028-02-29", false, "2033-02-28"),
        ("2026-01-31", false, "2031-01-31"), ("2026-12-31", true, "2028-12-31"),
        ("2023-03-01", false, "2028-03-01"),
    ])
    func limitationDay(due: String, consumer: Bool, expected: String) {
        #expect(LatePayment.limitationDay(dueDay: Self.day(due), consumer: consumer).iso == expected)
    }

    // MARK: Basis

    @Test func basisLabelsAndIndemnity() {
        #expect(PenaltyBasis.standard(for: .business) == .business)
        #expect(
            PenaltyBasis.standard(for: .consumer, formalNoticeDay: Self.day("2026-03-02"))
                == .consumer(formalNoticeDay: Self.day("2026-03-02")))
        #expect(PenaltyBasis.business.hasIndemnity && PenaltyBasis.publicBuyer.hasIndemnity)
        #expect(PenaltyBasis.contract(basisPoints: 900).hasIndemnity)
        #expect(!PenaltyBasis.consumer(formalNoticeDay: nil).hasIndemnity)
        #expect(PenaltyBasis.business.frenchLabel == "taux BCE + 10 points")
        #expect(PenaltyBasis.contract(basisPoints: 900).frenchLabel == "taux contractuel de 9,00\u{00A0}%")
        #expect(LatePayment.recoveryIndemnity.formatted == "40,00\u{00A0}€")
        #expect(LatePayment.rate(for: .consumer(formalNoticeDay: nil), in: Self.h(2026, 1), rates: .shipped) == 262)
        #expect(LatePayment.rate(for: .consumer(formalNoticeDay: nil), in: Self.h(2026, 2), rates: .shipped) == nil)
    }

    @Test func computationRoundTripsThroughJSON() throws {
        let result = Self.compute(
            800_000, due: "2026-06-15", asOf: "2026-07-09", settlements: [Self.pay("2026-06-20", 300_000)],
            basis: .consumer(formalNoticeDay: Self.day("2026-06-17")))
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(PenaltyComputation.self, from: data) == result)
        #expect(String(decoding: data, as: UTF8.self).contains("\"2026-H2\""))
        let basis = PenaltyBasis.contract(basisPoints: 900)
        #expect(try JSONDecoder().decode(PenaltyBasis.self, from: JSONEncoder().encode(basis)) == basis)
    }

    // MARK: Random ledgers against a day-by-day recount

    /// The principal unpaid at the start of `day`: settlements dated before it count.
    static func unpaid(on day: Day, amount: Money, settlements: [Settlement]) -> Money {
        let paid = settlements.filter { $0.day < day }.map(\.amount).sum()
        return Money.max(.zero, Money.min(amount, amount - paid))
    }

    @Test func periodsMatchADayByDayRecount() {
        var rng = SplitMix64(seed: 0x1A7E_2026)
        let origin = Self.day("2023-01-01")
        for _ in 0..<300 {
            let amount = Money(cents: Int64(rng.next(in: 1...5_000_000)))
            let due = origin.adding(days: rng.next(in: 0...1_000))
            let asOf = due.adding(days: rng.next(in: -10...700))
            var settlements: [Settlement] = []
            for _ in 0..<rng.next(in: 0...5) {
                settlements.append(
                    Settlement(
                        day: due.adding(days: rng.next(in: -30...600)),
                        amount: Money(cents: amount.cents * Int64(rng.next(in: 0...60)) / 100)))
            }
            let notice: Day? = rng.next(in: 0...2) == 0 ? nil : due.adding(days: rng.next(in: -20...300))
            let basis: PenaltyBasis = [
                .business, .publicBuyer, .contract(basisPoints: rng.next(in: 0...2_000)), .consumer(formalNoticeDay: notice),
            ][rng.next(in: 0...3)]
            let result = LatePayment.compute(
                amount: amount, dueDay: due, settlements: settlements, asOf: asOf, basis: basis, rates: .shipped)

            // Days with principal outstanding, counted one by one.
            var lastLate: Day?
            var interestDays = 0
            var day = due.adding(days: 1)
            while day <= asOf {
                if Self.unpaid(on: day, amount: amount, settlements: settlements).isPositive {
                    lastLate = day
                    if case .consumer(let notice) = basis {
                        if let notice, day > notice { interestDays += 1 }
                    } else {
                        interestDays += 1
                    }
                }
                day = day.adding(days: 1)
            }
            #expect(result.daysLate == (lastLate.map { due.days(until: $0) } ?? 0))
            #expect(result.periods.map(\.days).reduce(0, +) == interestDays)
            #expect(result.indemnity == (basis.hasIndemnity && result.daysLate > 0 ? LatePayment.recoveryIndemnity : .zero))
            #expect(result.interest == result.periods.map(\.interest).sum())
            #expect(result.total == result.interest + result.indemnity)
            #expect(result.missingHalfYears == Array(Set(result.periods.filter { $0.rate == nil }.map(\.halfYear))).sorted())
            for (index, period) in result.periods.enumerated() {
                #expect(period.days == period.from.days(until: period.to) + 1)
                #expect(HalfYear(containing: period.from) == period.halfYear && HalfYear(containing: period.to) == period.halfYear)
                #expect(period.from > due && period.to <= asOf)
                #expect(period.rate == LatePayment.rate(for: basis, in: period.halfYear, rates: .shipped))
                #expect(
                    period.interest
                        == (period.rate.map { LatePayment.interest(base: period.base, basisPoints: $0, days: period.days) } ?? .zero))
                // The base is the recount's on every day of the period.
                #expect(Self.unpaid(on: period.from, amount: amount, settlements: settlements) == period.base)
                #expect(Self.unpaid(on: period.to, amount: amount, settlements: settlements) == period.base)
                #expect(!settlements.contains { $0.day >= period.from && $0.day < period.to && !$0.amount.isZero })
                if index > 0 { #expect(result.periods[index - 1].to < period.from) }
            }
            // Settlement order does not matter.
            let reversed = LatePayment.compute(
                amount: amount, dueDay: due, settlements: settlements.reversed(), asOf: asOf, basis: basis, rates: .shipped)
            #expect(reversed == result)
        }
    }
}
