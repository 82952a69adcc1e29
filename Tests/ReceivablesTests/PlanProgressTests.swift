import PropertyBased
import Receivables
import Testing

/// Proves how a payment plan is followed: payments applied to the installments in order
/// (paying ahead), kept and paid-late installments, partial payments, the grace period, the
/// plan broken the day after it, completion, payments after today and overpayments. Property
/// tests check the invariants on random plans, payments, days and grace periods.
@Suite struct PlanProgressTests {
    static let start = Day(iso: "2026-04-10")!
    static func day(_ offset: Int) -> Day { start.adding(days: offset) }
    static func cents(_ cents: Int64) -> Money { Money(cents: cents) }

    /// Installments and payments as (day offset, cents).
    static func progress(_ installments: [(Int, Int64)], _ payments: [(Int, Int64)], today: Int, grace: Int = 5) -> PlanProgress {
        PlanProgress(
            installments: installments.map { (day: day($0.0), amount: cents($0.1)) },
            payments: payments.map { (day: day($0.0), amount: cents($0.1)) }, today: day(today), graceDays: grace)
    }

    /// Three monthly installments of 300,00 €, on days 0, 30 and 60.
    static let three: [(Int, Int64)] = [(0, 30_000), (30, 30_000), (60, 30_000)]

    static func statuses(_ progress: PlanProgress) -> [PlanProgress.InstallmentStatus] { progress.lines.map(\.status) }

    // MARK: Applying payments

    @Test func paymentsAreAppliedInOrder() throws {
        let progress = Self.progress(Self.three, [(30, 30_000), (-2, 30_000)], today: 40)
        #expect(Self.statuses(progress) == [.kept, .kept, .upcoming])
        #expect(progress.lines.map(\.paidOn) == [Self.day(-2), Self.day(30), nil])
        #expect(progress.lines.map(\.paid) == [Self.cents(30_000), Self.cents(30_000), .zero])
        #expect(progress.lines.map(\.number) == [1, 2, 3])
        #expect(progress.lines.map(\.day) == [Self.day(0), Self.day(30), Self.day(60)])
        #expect(progress.status == .onTrack)
        #expect(progress.paid == Self.cents(60_000))
        #expect(progress.total == Self.cents(90_000))
        #expect(progress.remaining == Self.cents(30_000))
        let next = try #require(progress.next)
        #expect(next.number == 3)
        #expect(next.day == Self.day(60))
    }

    /// One payment of 700,00 € before the first installment pays two and part of the third.
    @Test func payingAhead() {
        let progress = Self.progress(Self.three, [(-1, 70_000)], today: 5)
        #expect(Self.statuses(progress) == [.kept, .kept, .partial])
        #expect(progress.lines.map(\.paidOn) == [Self.day(-1), Self.day(-1), nil])
        #expect(progress.lines.map(\.paid) == [Self.cents(30_000), Self.cents(30_000), Self.cents(10_000)])
        #expect(progress.status == .onTrack)
        #expect(progress.paid == Self.cents(70_000))
        #expect(progress.next?.number == 3)
    }

    /// Small payments add up; the installment is paid on the day of the one that completes it.
    @Test func severalPaymentsForOneInstallment() {
        let progress = Self.progress(Self.three, [(-5, 10_000), (-3, 10_000), (2, 15_000)], today: 10)
        #expect(Self.statuses(progress) == [.paidLate, .partial, .upcoming])
        #expect(progress.lines[0].paidOn == Self.day(2))
        #expect(progress.lines[1].paid == Self.cents(5_000))
        #expect(progress.status == .onTrack)
    }

    /// Paid on its day or before: kept; after it: paid late (even within the grace period).
    @Test(arguments: [
        (-30, PlanProgress.InstallmentStatus.kept), (-1, .kept), (0, .kept), (1, .paidLate), (5, .paidLate),
    ])
    func keptOrPaidLate(paymentDay: Int, expected: PlanProgress.InstallmentStatus) {
        let progress = Self.progress(Self.three, [(paymentDay, 30_000)], today: 20)
        #expect(progress.lines[0].status == expected)
        #expect(progress.lines[0].paidOn == Self.day(paymentDay))
        #expect(progress.status == .onTrack)
    }

    @Test func partialBeforeTheDay() {
        let progress = Self.progress(Self.three, [(-3, 12_345)], today: -1)
        #expect(Self.statuses(progress) == [.partial, .upcoming, .upcoming])
        #expect(progress.lines[0].paid == Self.cents(12_345))
        #expect(progress.lines[0].paidOn == nil)
        #expect(progress.status == .onTrack)
        #expect(progress.next?.number == 1)
    }

    /// The installment's own day is still "upcoming", not late.
    @Test func dueTodayIsUpcoming() {
        let progress = Self.progress(Self.three, [], today: 0)
        #expect(Self.statuses(progress) == [.upcoming, .upcoming, .upcoming])
        #expect(progress.status == .onTrack)
    }

    // MARK: Grace period and breaking

    /// Unpaid after its day, within the grace period of 5 days: late, and so is the plan, for
    /// what is left of the installment.
    @Test(arguments: [1, 3, 5])
    func lateWithinGrace(today: Int) {
        let progress = Self.progress(Self.three, [(-1, 10_000)], today: today)
        #expect(Self.statuses(progress) == [.late, .upcoming, .upcoming])
        #expect(progress.status == .late(day: Self.day(0), amount: Self.cents(20_000)))
        #expect(progress.lines[0].paid == Self.cents(10_000))
    }

    /// Past the grace period the installment is missed and the plan broken since day + grace + 1.
    @Test(arguments: [(0, 1), (0, 20), (5, 6), (5, 25), (10, 11), (10, 29)])
    func missedBreaksThePlan(grace: Int, today: Int) {
        let progress = Self.progress(Self.three, [], today: today, grace: grace)
        #expect(progress.lines[0].status == .missed)
        #expect(progress.status == .broken(since: Self.day(grace + 1)))
        #expect(progress.paid == .zero)
    }

    /// The first missed installment dates the break, even with later ones missed too.
    @Test func firstMissedDatesTheBreak() {
        let progress = Self.progress(Self.three, [], today: 70)
        #expect(Self.statuses(progress) == [.missed, .missed, .missed])
        #expect(progress.status == .broken(since: Self.day(6)))
    }

    /// The first late installment is the one the plan status names.
    @Test func firstLateInstallmentIsNamed() {
        let progress = Self.progress([(0, 10_000), (2, 20_000), (30, 10_000)], [], today: 4)
        #expect(Self.statuses(progress) == [.late, .late, .upcoming])
        #expect(progress.status == .late(day: Self.day(0), amount: Self.cents(10_000)))
    }

    /// A kept first installment, a missed second one: broken from the second's day + grace + 1.
    @Test func brokenAfterKeptInstallments() {
        let progress = Self.progress(Self.three, [(0, 30_000)], today: 40)
        #expect(Self.statuses(progress) == [.kept, .missed, .upcoming])
        #expect(progress.status == .broken(since: Self.day(36)))
    }

    /// Paid on the last day of grace: paid late, the plan was never broken.
    @Test func paidOnTheLastDayOfGraceIsNotABreak() {
        let progress = Self.progress(Self.three, [(5, 30_000)], today: 20)
        #expect(Self.statuses(progress) == [.paidLate, .upcoming, .upcoming])
        #expect(progress.status == .onTrack)
    }

    /// An installment that "stayed unpaid past the grace period" broke the plan on that day: a
    /// payment made afterwards does not mend it.
    @Test func paymentAfterTheBreakDoesNotMendThePlan() {
        let progress = Self.progress(Self.three, [(10, 30_000)], today: 20)
        #expect(Self.statuses(progress) == [.paidLate, .upcoming, .upcoming])
        #expect(progress.status == .broken(since: Self.day(6)))
    }

    // MARK: Completion, future payments, overpayment

    @Test func completed() {
        let progress = Self.progress(Self.three, [(0, 30_000), (33, 30_000), (58, 30_000)], today: 90)
        #expect(Self.statuses(progress) == [.kept, .paidLate, .kept])
        #expect(progress.status == .completed)
        #expect(progress.paid == progress.total)
        #expect(progress.remaining == .zero)
        #expect(progress.next == nil)
    }

    /// Paid in full ahead of time: completed at once, every installment kept.
    @Test func completedAhead() {
        let progress = Self.progress(Self.three, [(-10, 90_000)], today: -5)
        #expect(Self.statuses(progress) == [.kept, .kept, .kept])
        #expect(progress.status == .completed)
    }

    @Test func paymentsAfterTodayAreIgnored() {
        let progress = Self.progress(Self.three, [(-1, 30_000), (21, 30_000), (25, 60_000)], today: 20)
        #expect(Self.statuses(progress) == [.kept, .upcoming, .upcoming])
        #expect(progress.paid == Self.cents(30_000))
        #expect(progress.status == .onTrack)
    }

    @Test func overpaymentIsNotCounted() {
        let progress = Self.progress(Self.three, [(-1, 50_000), (20, 70_000)], today: 60)
        #expect(progress.paid == Self.cents(90_000))
        #expect(progress.lines.map(\.paid) == Array(repeating: Self.cents(30_000), count: 3))
        #expect(Self.statuses(progress) == [.kept, .kept, .kept])
        #expect(progress.status == .completed)
        #expect(progress.remaining == .zero)
    }

    @Test func labels() {
        #expect(PlanProgress.Status.onTrack.frenchLabel == "respecté")
        #expect(PlanProgress.Status.broken(since: Self.start).id == "broken")
        #expect(PlanProgress.InstallmentStatus.paidLate.frenchLabel == "payée en retard")
        #expect(PlanProgress.InstallmentStatus.missed.frenchLabel == "impayée")
    }

    // MARK: Properties

    /// A random plan: 1 to 6 installments, 0 to 40 days apart, of 1 cent to 1 000,00 €; 0 to 8
    /// payments of 1 cent to 1 500,00 € from 10 days before the first installment; any day
    /// within the plan and after it; a grace period of 0 to 15 days.
    static func randomProgress(
        amounts: [Int], gaps: [Int], payments: [Int], paymentDays: [Int], today: Int, grace: Int
    ) -> (installments: [(day: Day, amount: Money)], payments: [(day: Day, amount: Money)], today: Day, progress: PlanProgress) {
        var offset = 0
        var installments: [(day: Day, amount: Money)] = []
        for (index, amount) in amounts.enumerated() {
            offset += index < gaps.count ? gaps[index] : 30
            installments.append((day: day(offset), amount: cents(Int64(amount))))
        }
        let receipts = zip(payments, paymentDays).map { (day: day($1), amount: cents(Int64($0))) }
        let progress = PlanProgress(installments: installments, payments: receipts, today: day(today), graceDays: grace)
        return (installments, receipts, day(today), progress)
    }

    // The closures given to `propertyCheck` only call these checks: complex bodies (optional
    // bindings, switches) written inline in those closures were seen to be miscompiled (a
    // `first(where:)` result read back as `nil`).

    static func checkPaid(_ plan: RandomPlan) {
        let progress = plan.progress
        let total = plan.installments.map(\.amount).sum()
        let received = plan.payments.filter { $0.day <= plan.today }.map(\.amount).sum()
        #expect(progress.total == total)
        #expect(progress.paid <= progress.total)
        #expect(progress.paid == Money.min(total, received))
        #expect(progress.lines.map(\.paid).sum() == progress.paid)
        #expect(progress.remaining == total - progress.paid)
        #expect(progress.lines.count == plan.installments.count)
    }

    static func checkLines(_ plan: RandomPlan, grace: Int) {
        let progress = plan.progress
        var seenUnpaid = false
        for (index, line) in progress.lines.enumerated() {
            #expect(line.number == index + 1)
            #expect(line.day == plan.installments[index].day)
            #expect(line.amount == plan.installments[index].amount)
            #expect(line.paid >= .zero && line.paid <= line.amount)
            // Payments go in order: nothing is paid on an installment after one not fully paid.
            if seenUnpaid { #expect(line.paid == .zero) }
            let fullyPaid = line.paid == line.amount
            #expect((line.paidOn != nil) == fullyPaid)
            if !fullyPaid { seenUnpaid = true }
            let paidOn = line.paidOn ?? plan.today
            #expect(paidOn <= plan.today)
            let expected: PlanProgress.InstallmentStatus
            if fullyPaid {
                expected = paidOn <= line.day ? .kept : .paidLate
            } else if line.day >= plan.today {
                expected = line.paid.isPositive ? .partial : .upcoming
            } else if line.day.adding(days: grace) >= plan.today {
                expected = .late
            } else {
                expected = .missed
            }
            #expect(line.status == expected)
        }
        let firstUnpaid = progress.lines.firstIndex { $0.paid < $0.amount }
        #expect(progress.next?.number == firstUnpaid.map { $0 + 1 })
    }

    /// The plan's status from its lines: broken since the first day an installment stayed
    /// unpaid past the grace period (whether or not it was paid later); otherwise completed when
    /// all is paid; otherwise late for the first installment unpaid after its day; otherwise on
    /// track.
    static func expectedStatus(_ progress: PlanProgress, grace: Int) -> PlanProgress.Status {
        var since: Day? = nil
        for line in progress.lines {
            let breakDay = line.day.adding(days: grace + 1)
            // Paid on the first day past the grace period, it was never seen missed.
            let broke = line.status == .missed || (line.status == .paidLate && line.paidOn! > breakDay)
            if broke, since == nil || breakDay < since! { since = breakDay }
        }
        if let since { return .broken(since: since) }
        if progress.paid == progress.total { return .completed }
        for line in progress.lines where line.status == .late {
            return .late(day: line.day, amount: line.amount - line.paid)
        }
        return .onTrack
    }

    typealias RandomPlan = (
        installments: [(day: Day, amount: Money)], payments: [(day: Day, amount: Money)], today: Day, progress: PlanProgress
    )

    @Test func paidIsWhatWasReceivedUpToTheTotal() async {
        await propertyCheck(
            count: 300,
            input: Gen.int(in: 1...100_000).array(of: 1...6), Gen.int(in: 0...40).array(of: 6...6),
            Gen.int(in: 1...150_000).array(of: 0...8), Gen.int(in: -10...250).array(of: 8...8), Gen.int(in: -15...260),
            Gen.int(in: 0...15)
        ) { amounts, gaps, payments, paymentDays, today, grace in
            Self.checkPaid(
                Self.randomProgress(amounts: amounts, gaps: gaps, payments: payments, paymentDays: paymentDays, today: today, grace: grace))
        }
    }

    @Test func installmentStatusesAreConsistent() async {
        await propertyCheck(
            count: 300,
            input: Gen.int(in: 1...100_000).array(of: 1...6), Gen.int(in: 0...40).array(of: 6...6),
            Gen.int(in: 1...150_000).array(of: 0...8), Gen.int(in: -10...250).array(of: 8...8), Gen.int(in: -15...260),
            Gen.int(in: 0...15)
        ) { amounts, gaps, payments, paymentDays, today, grace in
            Self.checkLines(
                Self.randomProgress(amounts: amounts, gaps: gaps, payments: payments, paymentDays: paymentDays, today: today, grace: grace),
                grace: grace)
        }
    }

    /// Any payments: the status follows the lines, a break being final (see `expectedStatus`).
    @Test func planStatusFollowsTheLines() async {
        await propertyCheck(
            count: 300,
            input: Gen.int(in: 1...100_000).array(of: 1...6), Gen.int(in: 0...40).array(of: 6...6),
            Gen.int(in: 1...150_000).array(of: 0...8), Gen.int(in: -10...250).array(of: 8...8), Gen.int(in: -15...260),
            Gen.int(in: 0...15)
        ) { amounts, gaps, payments, paymentDays, today, grace in
            let plan = Self.randomProgress(
                amounts: amounts, gaps: gaps, payments: payments, paymentDays: paymentDays, today: today, grace: grace)
            #expect(plan.progress.status == Self.expectedStatus(plan.progress, grace: grace))
        }
    }

    /// Every payment before the first installment, so none is ever paid late: the status is
    /// what the lines say today.
    @Test func planStatusWithPaymentsOnTime() async {
        await propertyCheck(
            count: 300,
            input: Gen.int(in: 1...100_000).array(of: 1...6), Gen.int(in: 0...40).array(of: 6...6),
            Gen.int(in: 1...150_000).array(of: 0...8), Gen.int(in: -10...0).array(of: 8...8), Gen.int(in: -15...260),
            Gen.int(in: 0...15)
        ) { amounts, gaps, payments, paymentDays, today, grace in
            let plan = Self.randomProgress(
                amounts: amounts, gaps: gaps, payments: payments, paymentDays: paymentDays, today: today, grace: grace)
            #expect(!plan.progress.lines.contains { $0.status == .paidLate })
            #expect(plan.progress.status == Self.expectedStatus(plan.progress, grace: grace))
        }
    }

    /// The expected status, checked by hand on plans of the unit tests above.
    @Test func expectedStatusMatchesHandComputedCases() {
        #expect(Self.expectedStatus(Self.progress(Self.three, [], today: 70), grace: 5) == .broken(since: Self.day(6)))
        #expect(
            Self.expectedStatus(Self.progress(Self.three, [], today: 3), grace: 5) == .late(day: Self.day(0), amount: Self.cents(30_000)))
        #expect(Self.expectedStatus(Self.progress(Self.three, [(0, 30_000)], today: 20), grace: 5) == .onTrack)
        #expect(Self.expectedStatus(Self.progress(Self.three, [(0, 90_000)], today: 20), grace: 5) == .completed)
        #expect(Self.expectedStatus(Self.progress(Self.three, [(10, 30_000)], today: 20), grace: 5) == .broken(since: Self.day(6)))
        #expect(Self.expectedStatus(Self.progress(Self.three, [(6, 30_000)], today: 20), grace: 5) == .onTrack)
    }
}
