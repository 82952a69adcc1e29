import PropertyBased
import Receivables
import Testing

/// The risk score: hand-computed deductions, grade bands, caps, reasons in French, clients
/// without history, and property checks that the score is bounded, consistent and monotonic.
@Suite struct RiskScoreReportTests {
    static func euros(_ value: Int64) -> Money { Money(euros: value) }

    @Test(arguments: [
        (100, RiskGrade.a), (80, .a), (79, .b), (65, .b), (64, .c), (50, .c), (49, .d), (35, .d), (34, .e), (0, .e),
    ])
    func gradeBands(score: Int, grade: RiskGrade) {
        #expect(RiskGrade.of(score: score) == grade)
        #expect(score >= grade.minimumScore)
    }

    @Test func gradeLabels() {
        #expect(RiskGrade.allCases.map(\.letter) == ["A", "B", "C", "D", "E"])
        #expect(RiskGrade.allCases.map(\.frenchLabel) == ["très fiable", "fiable", "à surveiller", "risqué", "très risqué"])
        #expect(RiskGrade.a < RiskGrade.e)
    }

    /// Nothing to reproach: 100, A, and the good points as reasons.
    @Test func perfectPayer() {
        let result = RiskScore.assess(RiskFeatures(invoicedLastYear: Self.euros(120_000), outstanding: Self.euros(8_000)))
        #expect(result.score == 100)
        #expect(result.grade == .a)
        #expect(result.deductions.isEmpty)
        #expect(
            result.reasons.map(\.frenchText) == [
                "paie toujours à l’heure", "aucun retard en cours", "ni promesse non tenue, ni échéancier rompu, ni litige",
            ])
        #expect(result.reasons.allSatisfy { $0.isPositive })
    }

    /// A bad payer, by the table of `RiskScore`:
    /// - lateness 34 d: (34 − 5) × 0,8 = 23,2
    /// - 60 % paid late: 0,6 × 15 = 9
    /// - overdue 12 400 € on 124 000 € a year (10 333,33 € a month → 1,2 month × 4 = 4,8),
    ///   oldest 94 d (94 / 6 = 15,67, capped at 15): 19,8
    /// - 2 broken promises: 12;  4 reminders: (4 − 1) × 2 = 6;  trend +13 d: (13 − 3) × 0,5 = 5
    /// Total 75 → score 25, grade E. The three weightiest: lateness, overdue, promises.
    @Test func badPayerByHand() {
        let features = RiskFeatures(
            invoicedLastYear: Self.euros(124_000), weightedDaysLate: 34, shareLate: 0.6, overdue: Self.euros(12_400),
            outstanding: Self.euros(20_000), maxDaysLate: 94, brokenPromises: 2, remindersLastYear: 4, trend: 13)
        let result = RiskScore.assess(features)
        #expect(result.score == 25)
        #expect(result.grade == .e)
        #expect(result.deductions.map(\.kind) == [.lateness, .overdue, .brokenPromises, .shareLate, .reminders, .worseningTrend])
        let points = result.deductions.map { ($0.points * 10).rounded() / 10 }
        #expect(points == [23.2, 19.8, 12, 9, 6, 5])
        #expect(
            result.reasons.map(\.frenchText) == [
                "paie en moyenne 34 jours après l’échéance", Self.euros(12_400).formatted + " en retard, jusqu’à 94 jours",
                "2 promesses non tenues",
            ])
        #expect(result.deductions[3].frenchText == "60\u{00A0}% des montants payés avec plus de 5 jours de retard")
        #expect(result.deductions[4].frenchText == "4 relances sur l’année")
        #expect(result.deductions[5].frenchText == "retards en hausse de 13 jours sur 3 mois")
        #expect(result.frenchText.hasPrefix("25/100 (E, très risqué)\u{00A0}: paie en moyenne 34 jours"))
    }

    /// Lateness 15 d: 8; 40 % paid late: 6; 2 reminders: 2; a broken plan: 10.
    /// 100 − 26 = 74 → B.
    @Test func averagePayerByHand() {
        let result = RiskScore.assess(
            RiskFeatures(invoicedLastYear: Self.euros(50_000), weightedDaysLate: 15, shareLate: 0.4, brokenPlans: 1, remindersLastYear: 2))
        #expect(result.score == 74)
        #expect(result.grade == .b)
        #expect(
            result.reasons.map(\.frenchText) == [
                "1 échéancier rompu", "paie en moyenne 15 jours après l’échéance",
                "40\u{00A0}% des montants payés avec plus de 5 jours de retard",
            ])
    }

    /// One small fault: it comes first, the good points follow.
    @Test func goodPayerWithOneFault() {
        let result = RiskScore.assess(RiskFeatures(invoicedLastYear: Self.euros(50_000), weightedDaysLate: 2, remindersLastYear: 2))
        #expect(result.score == 98)
        #expect(result.reasons.map(\.frenchText) == ["2 relances sur l’année", "paie toujours à l’heure", "aucun retard en cours"])
        let someLate = RiskScore.assess(RiskFeatures(weightedDaysLate: 4, shareLate: 0.2))
        #expect(someLate.score == 97)  // 0,2 × 15 = 3
        #expect(someLate.reasons.map(\.kind) == [.shareLate, .paysOnTime, .nothingOverdue])
        #expect(someLate.reasons[1].frenchText == "paie en général à l’heure")
    }

    /// No history: neutral 60 (C), said first; the current situation still counts:
    /// 1 000 € overdue on 12 000 € a year (1 month × 4 = 4) and 30 days old (30 / 6 = 5) → 51, C.
    @Test func clientWithoutHistory() {
        let fresh = RiskScore.assess(RiskFeatures(weightedDaysLate: 80, shareLate: 1, trend: 40, hasHistory: false))
        #expect(fresh.score == 60)
        #expect(fresh.grade == .c)
        #expect(
            fresh.reasons.map(\.frenchText) == [
                "aucun historique de paiement", "aucun retard en cours", "ni promesse non tenue, ni échéancier rompu, ni litige",
            ])
        let late = RiskScore.assess(
            RiskFeatures(invoicedLastYear: Self.euros(12_000), overdue: Self.euros(1_000), maxDaysLate: 30, hasHistory: false))
        #expect(late.score == 51)
        #expect(late.grade == .c)
        #expect(late.reasons.map(\.kind) == [.noHistory, .overdue, .noIncidents])
    }

    /// Each factor stops at its cap; everything at its worst gives 0.
    @Test func capsAndFloor() {
        #expect(RiskScore.assess(RiskFeatures(brokenPromises: 10)).score == 82)  // 18 at most
        #expect(RiskScore.assess(RiskFeatures(brokenPlans: 5)).score == 80)  // 20 at most
        #expect(RiskScore.assess(RiskFeatures(disputes: 7)).score == 91)  // 9 at most
        #expect(RiskScore.assess(RiskFeatures(remindersLastYear: 30)).score == 90)  // 10 at most
        #expect(RiskScore.assess(RiskFeatures(weightedDaysLate: 500)).score == 70)  // 30 at most
        #expect(RiskScore.assess(RiskFeatures(trend: 100)).score == 90)  // 10 at most
        #expect(RiskScore.assess(RiskFeatures(overdue: Self.euros(1), maxDaysLate: 1_000)).score == 75)  // 15 + 10: nothing invoiced
        let worst = RiskScore.assess(
            RiskFeatures(
                weightedDaysLate: 200, shareLate: 1, overdue: Self.euros(50_000), maxDaysLate: 400, brokenPromises: 5, brokenPlans: 3,
                disputes: 4, remindersLastYear: 12, trend: 50))
        #expect(worst.score == 0)
        #expect(worst.grade == .e)
        #expect(worst.reasons.count == 3)
    }

    @Test func otherTexts() {
        #expect(RiskReason(kind: .improvingTrend, points: 0, value: 8).frenchText == "retards en baisse de 8 jours sur 3 mois")
        #expect(RiskReason(kind: .brokenPromises, points: 6, value: 1).frenchText == "1 promesse non tenue")
        #expect(RiskReason(kind: .brokenPlans, points: 20, value: 2).frenchText == "2 échéanciers rompus")
        #expect(RiskReason(kind: .disputes, points: 3, value: 1).frenchText == "1 litige")
        #expect(RiskReason(kind: .lateness, points: 1, value: 1).frenchText == "paie en moyenne 1 jour après l’échéance")
    }

    @Test func trendFromTwoPeriods() {
        let day = Day(iso: "2026-01-01")!
        let recent = DSO.weightedDelay([PaidInvoice(amount: Self.euros(100), dueDay: day, paidDay: day.adding(days: 20))])
        let earlier = DSO.weightedDelay([PaidInvoice(amount: Self.euros(100), dueDay: day, paidDay: day.adding(days: 8))])
        #expect(RiskFeatures.trend(recent: recent, earlier: earlier) == 12)
        #expect(RiskFeatures.trend(recent: recent, earlier: DSO.weightedDelay([])) == 0)
    }

    /// Riskiest first; equal scores by larger overdue, then id.
    @Test func ranking() {
        let ranked = RiskScore.ranked([
            (id: Int64(1), features: RiskFeatures()),
            (id: Int64(2), features: RiskFeatures(brokenPlans: 2)),
            (id: Int64(3), features: RiskFeatures(invoicedLastYear: Self.euros(1_000_000), overdue: Self.euros(10), maxDaysLate: 1)),
            (id: Int64(4), features: RiskFeatures()),
        ])
        #expect(ranked.map(\.id) == [2, 3, 1, 4])
        #expect(ranked.map(\.assessment.score) == [80, 100, 100, 100])
    }

    // MARK: Properties

    /// Random features from 11 draws in 0…10 000, each scaled to its factor's range.
    static func features(_ draws: [Int]) -> RiskFeatures {
        RiskFeatures(
            invoicedLastYear: Money(cents: Int64(draws[0]) * 2_000), weightedDaysLate: Double(draws[1] % 150) + Double(draws[1] % 7) / 7,
            shareLate: Double(draws[2]) / 10_000, overdue: Money(cents: Int64(draws[3] % 3 == 0 ? 0 : draws[3] * 500)),
            outstanding: Money(cents: Int64(draws[3]) * 800), maxDaysLate: draws[4] % 300, brokenPromises: draws[5] % 5,
            brokenPlans: draws[6] % 4, disputes: draws[7] % 5, remindersLastYear: draws[8] % 14,
            trend: Double(draws[9] % 80) - 30 + Double(draws[9] % 3) / 3, hasHistory: draws[10] % 5 != 0)
    }

    /// `factor` made worse by `step` (0…8: lateness, share, overdue, days late, promises,
    /// plans, disputes, reminders, trend).
    static func worsened(_ f: RiskFeatures, factor: Int, step: Int) -> RiskFeatures {
        var g = f
        switch factor {
        case 0: g.weightedDaysLate += Double(step) / 3
        case 1: g.shareLate = min(1, g.shareLate + Double(step) / 100)
        case 2: g.overdue += Money(cents: Int64(step) * 1_000)
        case 3: g.maxDaysLate += step
        case 4: g.brokenPromises += step % 3
        case 5: g.brokenPlans += step % 3
        case 6: g.disputes += step % 3
        case 7: g.remindersLastYear += step % 4
        default: g.trend += Double(step) / 4
        }
        return g
    }

    static func checkMonotonic(_ draws: [Int], factor: Int, step: Int) {
        let base = features(draws)
        let worse = worsened(base, factor: factor, step: step)
        let before = RiskScore.assess(base)
        let after = RiskScore.assess(worse)
        #expect(after.score <= before.score, "factor \(factor) +\(step): \(before.score) → \(after.score)")
        #expect(after.grade >= before.grade)
    }

    static func checkConsistent(_ draws: [Int]) {
        let f = features(draws)
        let result = RiskScore.assess(f)
        #expect((0...100).contains(result.score))
        #expect(result.grade == RiskGrade.of(score: result.score))
        #expect(result == RiskScore.assess(f))
        #expect(RiskScore.score(f) == result.score, "the score alone (for ranking) is the assessment's")
        #expect(result.reasons.count <= 3)
        if !f.hasHistory { #expect(result.reasons.first?.kind == .noHistory) }
        let base = f.hasHistory ? 100.0 : Double(RiskScore.neutralScore)
        let total = result.deductions.map(\.points).reduce(0, +)
        #expect(result.score == min(100, max(0, Int((base - total).rounded(.toNearestOrAwayFromZero)))))
        #expect(zip(result.deductions, result.deductions.dropFirst()).allSatisfy { $0.points >= $1.points })
        #expect(result.deductions.allSatisfy { $0.points > 0 && !$0.isPositive })
        // Negative reasons come first and are the weightiest deductions.
        let negatives = result.reasons.filter { $0.kind != .noHistory && !$0.isPositive }
        #expect(negatives == Array(result.deductions.prefix(negatives.count)))
        if !f.hasHistory {
            #expect(!result.deductions.contains { [.lateness, .shareLate, .worseningTrend].contains($0.kind) })
        }
    }

    @Test func moreLatenessNeverRaisesTheScore() async {
        await propertyCheck(
            count: 300, input: Gen.int(in: 0...10_000).array(of: 11...11), Gen.int(in: 0...8), Gen.int(in: 1...60)
        ) { draws, factor, step in
            Self.checkMonotonic(draws, factor: factor, step: step)
        }
    }

    @Test func scoresAreBoundedAndExplained() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...10_000).array(of: 11...11)) { draws in
            Self.checkConsistent(draws)
        }
    }

    /// Every factor, one at a time from a perfect payer, over its range: never up.
    @Test func eachFactorAloneIsMonotonic() {
        for factor in 0...8 {
            // Days late only count with something overdue.
            var f = RiskFeatures(invoicedLastYear: Self.euros(60_000), overdue: factor == 3 ? Self.euros(100) : .zero)
            var previous = RiskScore.assess(f).score
            for _ in 0..<80 {
                f = Self.worsened(f, factor: factor, step: 5)
                let score = RiskScore.assess(f).score
                #expect(score <= previous, "factor \(factor)")
                previous = score
            }
            #expect(previous < 100, "factor \(factor) never cost anything")
        }
    }
}
