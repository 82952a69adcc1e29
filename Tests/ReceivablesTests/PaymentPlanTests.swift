import Foundation
import PropertyBased
import Receivables
import Testing

/// Proves the payment plans (échéanciers): amounts split to the cent with the leftover cents on
/// the first installment, dates anchored on the start and moved to working days, every
/// `PlanError` with its French message, and the options proposed for small, large and risky
/// debts. Property tests check the invariants on random debts, counts, down payments, caps,
/// frequencies and start days in 2024–2030.
@Suite struct PaymentPlanTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func euros(_ cents: Int64) -> Money { Money(cents: cents) }

    static func lines(_ schedule: PlanSchedule) -> [String] {
        schedule.installments.map { "\($0.number) \($0.day.iso) \($0.amount.cents)\($0.isDownPayment ? " acompte" : "")" }
    }

    static func error(_ request: PlanRequest) -> PlanError? {
        do throws(PlanError) {
            _ = try PlanCalculator.schedule(request)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Hand-computed schedules

    /// 1 000,00 € in 3 monthly from Tuesday 10 March 2026: the leftover cent on the first; the
    /// third falls on Sunday 10 May and moves to Monday 11 May.
    @Test func thousandEurosInThree() throws {
        let plan = try PlanCalculator.schedule(PlanRequest(debt: Self.euros(100_000), installments: 3, start: Self.day("2026-03-10")))
        #expect(Self.lines(plan) == ["1 2026-03-10 33334", "2 2026-04-10 33333", "3 2026-05-11 33333"])
        #expect(plan.total == Self.euros(100_000))
        #expect(plan.downPayment == nil)
        #expect(plan.regularCount == 3)
        #expect(plan.lastDay == Self.day("2026-05-11"))
        #expect(plan.frequency == .monthly)
    }

    /// 1 200,00 € with 200,00 € down on Monday 2 February 2026, then 4 × 250,00 € from March;
    /// 2 May is a Saturday, moved to Monday 4 May.
    @Test func withDownPayment() throws {
        let plan = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(120_000), installments: 4, downPayment: Self.euros(20_000), start: Self.day("2026-02-02")))
        #expect(
            Self.lines(plan) == [
                "0 2026-02-02 20000 acompte", "1 2026-03-02 25000", "2 2026-04-02 25000", "3 2026-05-04 25000", "4 2026-06-02 25000",
            ])
        #expect(plan.downPayment == Self.euros(20_000))
        #expect(plan.regularCount == 4)
        #expect(plan.regularInstallments.count == 4)
        #expect(plan.total == Self.euros(120_000))
    }

    /// Weekly from Monday 5 January 2026 with the leftover cents (100,00 € / 7 = 14,28 € + 4 cents).
    @Test func weeklyWithLeftoverCents() throws {
        let plan = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(10_000), installments: 7, frequency: .weekly, start: Self.day("2026-01-05")))
        #expect(plan.installments.map(\.amount.cents) == [1_432, 1_428, 1_428, 1_428, 1_428, 1_428, 1_428])
        #expect(
            plan.installments.map(\.day.iso) == [
                "2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16",
            ])
    }

    /// Quarterly and biweekly nominal days.
    @Test func otherFrequencies() throws {
        let quarterly = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(90_000), installments: 3, frequency: .quarterly, start: Self.day("2026-01-15")))
        #expect(quarterly.installments.map(\.day.iso) == ["2026-01-15", "2026-04-15", "2026-07-15"])
        let biweekly = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(90_000), installments: 3, frequency: .biweekly, start: Self.day("2026-01-15")))
        #expect(biweekly.installments.map(\.day.iso) == ["2026-01-15", "2026-01-29", "2026-02-12"])
    }

    /// 2 000,00 € at most 400,00 € each: 5 installments of 400,00 €.
    @Test func capChoosesTheCount() throws {
        let plan = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(200_000), maxInstallment: Self.euros(40_000), start: Self.day("2026-03-10")))
        #expect(plan.installments.map(\.amount.cents) == [40_000, 40_000, 40_000, 40_000, 40_000])
    }

    /// 1 000,01 € at most 333,34 € each: 3 would put 333,35 € on the first, so 4 (250,01 + 3 × 250,00).
    @Test func capCountsTheLeftoverOnTheFirst() throws {
        let plan = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(100_001), maxInstallment: Self.euros(33_334), start: Self.day("2026-03-10")))
        #expect(plan.installments.map(\.amount.cents) == [25_001, 25_000, 25_000, 25_000])
        #expect(
            Self.error(
                PlanRequest(debt: Self.euros(100_001), installments: 3, maxInstallment: Self.euros(33_334), start: Self.day("2026-03-10")))
                == .capTooLow(cap: Self.euros(33_334), minimumCount: 4))
    }

    /// Monthly from 31 January stays anchored: 28/29 February, then 31 March, 30 April.
    @Test(arguments: [
        ("2024-01-31", ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]),
        ("2025-01-31", ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"]),
        ("2026-08-31", ["2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30"]),
    ])
    func monthlyFrom31Anchored(start: String, expected: [String]) {
        #expect((0..<4).map { PlanFrequency.monthly.day(after: Self.day(start), periods: $0).iso } == expected)
    }

    /// From Friday 31 January 2025 every nominal day is already a working day.
    @Test func monthlyScheduleFrom31January() throws {
        let plan = try PlanCalculator.schedule(PlanRequest(debt: Self.euros(40_000), installments: 4, start: Self.day("2025-01-31")))
        #expect(plan.installments.map(\.day.iso) == ["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"])
    }

    /// A due date on Friday 1 May 2026 moves to Monday 4 May (Saturday, Sunday in between).
    @Test func dueDateOnLabourDayMoves() throws {
        let plan = try PlanCalculator.schedule(PlanRequest(debt: Self.euros(60_000), installments: 3, start: Self.day("2026-04-01")))
        #expect(plan.installments.map(\.day.iso) == ["2026-04-01", "2026-05-04", "2026-06-01"])
    }

    /// A down payment asked on a Sunday is due the next working day.
    @Test func downPaymentOnASundayMoves() throws {
        let plan = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(60_000), installments: 2, downPayment: Self.euros(10_000), start: Self.day("2026-11-22")))
        #expect(Self.lines(plan) == ["0 2026-11-23 10000 acompte", "1 2026-12-22 25000", "2 2027-01-22 25000"])
    }

    /// Without a count or a cap, `schedule` takes the plan `options` recommends for a good payer.
    @Test func noCountNoCapTakesTheRecommendedOption() throws {
        let request = PlanRequest(debt: Self.euros(300_000), start: Self.day("2026-03-10"))
        let plan = try PlanCalculator.schedule(request)
        #expect(plan.regularCount == 4)
    }

    @Test func scheduleRoundTripsThroughJSON() throws {
        let plan = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(120_000), installments: 4, downPayment: Self.euros(20_000), start: Self.day("2026-02-02")))
        let decoded = try JSONDecoder().decode(PlanSchedule.self, from: JSONEncoder().encode(plan))
        #expect(decoded == plan)
    }

    // MARK: Frequencies in French

    @Test(arguments: [
        (PlanFrequency.weekly, "échéance hebdomadaire", "échéances hebdomadaires", "chaque semaine"),
        (.biweekly, "échéance par quinzaine", "échéances par quinzaine", "toutes les deux semaines"),
        (.monthly, "mensualité", "mensualités", "chaque mois"),
        (.quarterly, "échéance trimestrielle", "échéances trimestrielles", "chaque trimestre"),
    ])
    func frenchWords(frequency: PlanFrequency, noun: String, plural: String, adverb: String) {
        #expect(frequency.frenchNoun == noun)
        #expect(frequency.frenchPlural == plural)
        #expect(frequency.frenchAdverb == adverb)
    }

    // MARK: Errors

    static let start = Day(iso: "2026-03-10")!

    @Test(arguments: [
        (PlanRequest(debt: Money(cents: 0), installments: 3, start: start), PlanError.nonPositiveDebt),
        (PlanRequest(debt: Money(cents: -500), installments: 3, start: start), .nonPositiveDebt),
        (PlanRequest(debt: Money(cents: 100_000), installments: 0, start: start), .invalidCount(0)),
        (PlanRequest(debt: Money(cents: 100_000), installments: -2, start: start), .invalidCount(-2)),
        (PlanRequest(debt: Money(cents: 3), installments: 5, start: start), .invalidCount(5)),
        (
            PlanRequest(debt: Money(cents: 1_000), installments: 2, downPayment: Money(cents: 999), start: start),
            .invalidCount(2)
        ),
        (
            PlanRequest(debt: Money(cents: 100_000), installments: 3, downPayment: Money(cents: 100_000), start: start),
            .downPaymentNotBelowDebt(downPayment: Money(cents: 100_000), debt: Money(cents: 100_000))
        ),
        (
            PlanRequest(debt: Money(cents: 100_000), installments: 3, downPayment: Money(cents: 150_000), start: start),
            .downPaymentNotBelowDebt(downPayment: Money(cents: 150_000), debt: Money(cents: 100_000))
        ),
        (
            PlanRequest(debt: Money(cents: 100_000), installments: 3, downPayment: .zero, start: start),
            .downPaymentNotBelowDebt(downPayment: .zero, debt: Money(cents: 100_000))
        ),
        (
            PlanRequest(debt: Money(cents: 100_000), installments: 2, maxInstallment: Money(cents: 40_000), start: start),
            .capTooLow(cap: Money(cents: 40_000), minimumCount: 3)
        ),
        // 1,00 € at most 0,10 €: 12 installments put 0,12 € on the first; 10 is the least that fits.
        (
            PlanRequest(debt: Money(cents: 100), installments: 12, maxInstallment: Money(cents: 10), start: start),
            .capTooLow(cap: Money(cents: 10), minimumCount: 10)
        ),
        (PlanRequest(debt: Money(cents: 100_000), installments: 37, start: start), .tooManyInstallments(count: 37, maximum: 36)),
        (
            PlanRequest(debt: Money(cents: 100_000), installments: 7, start: start, maxInstallments: 6),
            .tooManyInstallments(count: 7, maximum: 6)
        ),
        (
            PlanRequest(debt: Money(cents: 1_000_000), maxInstallment: Money(cents: 10_000), start: start),
            .tooManyInstallments(count: 100, maximum: 36)
        ),
        (PlanRequest(debt: Money(cents: 100_000), installments: 3, maxInstallment: .zero, start: start), .nonPositiveCap),
        (PlanRequest(debt: Money(cents: 100_000), maxInstallment: Money(cents: -1), start: start), .nonPositiveCap),
    ])
    func refusedRequests(request: PlanRequest, expected: PlanError) {
        #expect(Self.error(request) == expected)
    }

    @Test func elevenInstallmentsFitWhereTwelveDoNot() throws {
        let plan = try PlanCalculator.schedule(
            PlanRequest(debt: Self.euros(100), installments: 11, maxInstallment: Self.euros(10), start: Self.start))
        #expect(plan.installments.map(\.amount.cents) == [10] + Array(repeating: 9, count: 10))
    }

    @Test(arguments: [
        (PlanError.nonPositiveDebt, "Le montant à échelonner doit être supérieur à zéro."),
        (.invalidCount(0), "Un échéancier compte au moins une échéance (demandé\u{A0}: 0)."),
        (.invalidCount(5), "Impossible de répartir la somme en 5 échéances d’au moins 0,01\u{A0}€\u{202F}; demandez moins d’échéances."),
        (
            .downPaymentNotBelowDebt(downPayment: Money(cents: 150_000), debt: Money(cents: 100_000)),
            "L’acompte (1\u{202F}500,00\u{A0}€) doit être inférieur à la dette (1\u{202F}000,00\u{A0}€)."
        ),
        (
            .downPaymentNotBelowDebt(downPayment: .zero, debt: Money(cents: 100_000)),
            "L’acompte doit être supérieur à zéro (demandé\u{A0}: 0,00\u{A0}€ pour une dette de 1\u{202F}000,00\u{A0}€)."
        ),
        (.capTooLow(cap: Money(cents: 40_000), minimumCount: 5), "Avec au plus 400,00\u{A0}€ par échéance, il faut au moins 5 échéances."),
        (.tooManyInstallments(count: 40, maximum: 36), "Il faudrait 40 échéances, au-delà du maximum de 36 fixé dans les réglages."),
        (.nonPositiveCap, "Le plafond par échéance doit être supérieur à zéro."),
    ])
    func frenchMessages(error: PlanError, message: String) {
        #expect(error.frenchMessage == message)
        #expect(error.localizedDescription == message)
        // French typography: never an ordinary space, always a no-break one, before : ; ? !
        for mark in [":", ";", "?", "!"] { #expect(!message.contains(" " + mark)) }
    }

    // MARK: Options

    static func counts(_ options: PlanOptions) -> [Int] { options.schedules.map(\.regularCount) }

    static func options(
        _ cents: Int64, profile: PayerProfile = PayerProfile(), downPayment: Int64? = nil, cap: Int64? = nil, maxInstallments: Int = 36
    ) throws -> PlanOptions {
        try PlanCalculator.options(
            for: PlanRequest(
                debt: Money(cents: cents), downPayment: downPayment.map(Money.init(cents:)), maxInstallment: cap.map(Money.init(cents:)),
                start: start, maxInstallments: maxInstallments),
            profile: profile)
    }

    static let risky = PayerProfile(lateShare: 0.7, averageDaysLate: 25)

    @Test(arguments: [
        // (debt in cents, profile, expected counts, recommended, advice)
        (60_000, PayerProfile(), [2, 3, 4], 1, PlanAdvice.smallDebt),
        (12_000, PayerProfile(), [2], 0, .smallDebt),  // 3 × 40,00 € is below 50 €
        (8_000, PayerProfile(), [1], 0, .smallDebt),  // not even 2 × 50 €
        (10_000, PayerProfile(), [2], 0, .smallDebt),  // exactly 2 × 50 €
        (300_000, PayerProfile(), [3, 4, 6], 1, .standard),
        (1_200_000, PayerProfile(), [3, 6, 10], 1, .largeDebt),
        (1_200_000, risky, [3, 4, 6], 0, .riskyPayer),
        (60_000, risky, [2, 3, 4], 0, .riskyPayer),
        (1_200_000, PayerProfile(brokenPlans: 1), [3, 4, 6], 0, .riskyPayer),
        (1_200_000, PayerProfile(brokenPromises: 2), [3, 4, 6], 0, .riskyPayer),
        (1_200_000, PayerProfile(brokenPromises: 1), [3, 6, 10], 1, .largeDebt),
        (1_200_000, PayerProfile(isNewClient: true), [3, 6, 10], 0, .largeDebt),
        (20_000, PayerProfile(), [2, 3, 4], 1, .smallDebt),  // 4 × 50,00 €
        (19_999, PayerProfile(), [2, 3], 0, .smallDebt),
    ])
    func optionsByAmountAndPayer(cents: Int64, profile: PayerProfile, counts: [Int], recommended: Int, advice: PlanAdvice) throws {
        let options = try Self.options(cents, profile: profile)
        #expect(Self.counts(options) == counts)
        #expect(options.recommended == recommended)
        #expect(options.advice == advice)
        #expect(options.schedules.allSatisfy { $0.total == Money(cents: cents) })
    }

    @Test func optionsCountTheDebtAfterTheDownPayment() throws {
        let options = try Self.options(120_000, downPayment: 30_000)
        #expect(options.advice == .smallDebt)
        #expect(Self.counts(options) == [2, 3, 4])
        #expect(options.schedules.allSatisfy { $0.downPayment == Money(cents: 30_000) && $0.total == Money(cents: 120_000) })
    }

    /// 12 000 € at most 1 500 € each needs 8: 3 and 6 become 8, 10 stays.
    @Test func optionsRaiseCountsToTheCapMinimum() throws {
        let options = try Self.options(1_200_000, cap: 150_000)
        #expect(Self.counts(options) == [8, 10])
        #expect(options.recommended == 0)
    }

    @Test func optionsRespectMaxInstallments() throws {
        #expect(Self.counts(try Self.options(1_200_000, maxInstallments: 6)) == [3, 6])
        #expect(Self.counts(try Self.options(1_200_000, maxInstallments: 2)) == [2])
        #expect(throws: PlanError.tooManyInstallments(count: 8, maximum: 6)) {
            try Self.options(1_200_000, cap: 150_000, maxInstallments: 6)
        }
    }

    @Test func optionsWithARequestedCountReturnThatPlan() throws {
        let request = PlanRequest(debt: Self.euros(1_200_000), installments: 5, start: Self.start)
        let options = try PlanCalculator.options(for: request, profile: Self.risky)
        #expect(Self.counts(options) == [5])
        #expect(options.recommended == 0)
        #expect(options.advice == .riskyPayer)
        #expect(options.schedules == [try PlanCalculator.schedule(request)])
    }

    @Test func optionsRefuseInvalidRequests() {
        #expect(throws: PlanError.nonPositiveDebt) { try Self.options(0) }
        #expect(throws: PlanError.nonPositiveCap) { try Self.options(10_000, cap: 0) }
    }

    @Test(arguments: [
        (PayerProfile(), false), (PayerProfile(lateShare: 0.5), false), (PayerProfile(lateShare: 0.51), true),
        (PayerProfile(brokenPlans: 1), true), (PayerProfile(brokenPromises: 1), false), (PayerProfile(brokenPromises: 2), true),
        (PayerProfile(averageDaysLate: 90, isNewClient: true), false),
    ])
    func riskyPayer(profile: PayerProfile, risky: Bool) {
        #expect(profile.isRisky == risky)
    }

    // MARK: Properties

    static let firstStart = Day(iso: "2024-01-01")!
    /// Start days from 2024-01-01 to 2030-12-31.
    static let startDays = Gen.int(in: 0...2556).map { firstStart.adding(days: $0) }

    /// Checks every invariant of a schedule built from `request`.
    static func checkInvariants(_ plan: PlanSchedule, _ request: PlanRequest, sourceLocation: SourceLocation = #_sourceLocation) {
        let amounts = plan.installments.map(\.amount)
        #expect(amounts.sum() == request.debt, sourceLocation: sourceLocation)
        #expect(plan.total == request.debt, sourceLocation: sourceLocation)
        #expect(amounts.allSatisfy { $0.isPositive }, sourceLocation: sourceLocation)

        // Down payment first, on the start (moved to a working day), numbered 0.
        #expect(plan.downPayment == request.downPayment, sourceLocation: sourceLocation)
        if let downPayment = request.downPayment {
            let first = plan.installments[0]
            #expect(first.isDownPayment && first.number == 0 && first.amount == downPayment, sourceLocation: sourceLocation)
            #expect(first.day == FrenchCalendar.nextWorkingDay(onOrAfter: request.start), sourceLocation: sourceLocation)
        }

        // Regular installments: numbered 1…n, all equal but the first, which carries the leftover cents.
        let regular = plan.installments.filter { !$0.isDownPayment }
        let n = Int64(regular.count)
        #expect(regular.count == plan.regularCount, sourceLocation: sourceLocation)
        #expect(plan.installments.count(where: \.isDownPayment) == (request.downPayment == nil ? 0 : 1), sourceLocation: sourceLocation)
        #expect(regular.map(\.number) == Array(1...regular.count), sourceLocation: sourceLocation)
        if let count = request.installments { #expect(regular.count == count, sourceLocation: sourceLocation) }
        let remaining = request.debt - (request.downPayment ?? .zero)
        let share = remaining.cents / n
        #expect(regular[0].amount.cents == share + remaining.cents % n, sourceLocation: sourceLocation)
        #expect(regular.dropFirst().allSatisfy { $0.amount.cents == share }, sourceLocation: sourceLocation)
        #expect(regular[0].amount.cents - regular.last!.amount.cents < n, sourceLocation: sourceLocation)

        // Dates: anchored nominal days moved to working days, strictly increasing, never before the start.
        let days = plan.installments.map(\.day)
        #expect(zip(days, days.dropFirst()).allSatisfy { $0 < $1 }, "\(days)", sourceLocation: sourceLocation)
        #expect(days.allSatisfy { FrenchCalendar.isWorkingDay($0) }, sourceLocation: sourceLocation)
        #expect(days.allSatisfy { $0 >= request.start }, sourceLocation: sourceLocation)
        #expect(plan.lastDay == days.last, sourceLocation: sourceLocation)
        for installment in regular {
            let periods = request.downPayment == nil ? installment.number - 1 : installment.number
            let nominal = request.frequency.day(after: request.start, periods: periods)
            #expect(installment.day == FrenchCalendar.nextWorkingDay(onOrAfter: nominal), sourceLocation: sourceLocation)
        }

        // Cap and maximum count.
        if let cap = request.maxInstallment { #expect(regular.allSatisfy { $0.amount <= cap }, sourceLocation: sourceLocation) }
        #expect(regular.count <= request.maxInstallments, sourceLocation: sourceLocation)
    }

    /// Any debt up to 100 000 € in 1 to 36 installments, any frequency and start.
    @Test func plainPlansKeepEveryInvariant() async {
        await propertyCheck(
            count: 500, input: Gen.int(in: 1...10_000_000), Gen.int(in: 1...36), Gen<PlanFrequency>.case, Self.startDays
        ) { debt, n, frequency, start in
            let request = PlanRequest(debt: Money(cents: Int64(debt)), installments: n, frequency: frequency, start: start)
            if n > debt {
                #expect(Self.error(request) == .invalidCount(n))
            } else {
                Self.checkInvariants(try PlanCalculator.schedule(request), request)
            }
        }
    }

    /// Small debts (a few euros) make leftover cents matter: the same invariants hold.
    @Test func smallDebtsKeepEveryInvariant() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...500), Gen.int(in: 1...36), Gen<PlanFrequency>.case, Self.startDays) {
            debt, n, frequency, start in
            let request = PlanRequest(debt: Money(cents: Int64(debt)), installments: n, frequency: frequency, start: start)
            if n > debt {
                #expect(Self.error(request) == .invalidCount(n))
            } else {
                Self.checkInvariants(try PlanCalculator.schedule(request), request)
            }
        }
    }

    /// Random down payment (a share of the debt), cap, count, frequency and start: either a
    /// schedule that keeps every invariant, or the error the request deserves.
    @Test func anyRequestGivesAValidPlanOrTheRightError() async {
        await propertyCheck(
            count: 1_000,
            input: Gen.int(in: 1...5_000_000), Gen.int(in: 1...99).optional, Gen.int(in: 1...2_000_000).optional,
            Gen.int(in: 1...40).optional, Gen<PlanFrequency>.case, Self.startDays
        ) { debt, downPercent, cap, count, frequency, start in
            let debtMoney = Money(cents: Int64(debt))
            let downPayment = downPercent.map { Money(cents: Int64(debt) * Int64($0) / 100) }
            let request = PlanRequest(
                debt: debtMoney, installments: count, frequency: frequency, downPayment: downPayment,
                maxInstallment: cap.map { Money(cents: Int64($0)) }, start: start)
            do throws(PlanError) {
                let plan = try PlanCalculator.schedule(request)
                Self.checkInvariants(plan, request)
                // Without a count, the cap gives the smallest count that fits.
                if count == nil, let cap, plan.regularCount > 1 {
                    let remaining = request.remaining.cents
                    let fewer = Int64(plan.regularCount - 1)
                    #expect(remaining / fewer + remaining % fewer > Int64(cap))
                }
            } catch {
                let remaining = request.remaining.cents
                switch error {
                case .downPaymentNotBelowDebt:
                    #expect(downPayment.map { !$0.isPositive } == true)
                case .invalidCount(let n):
                    #expect(n < 1 || Int64(n) > remaining)
                case .capTooLow(let capMoney, let minimum):
                    let n = Int64(count!)
                    #expect(remaining / n + remaining % n > capMoney.cents)
                    #expect(minimum >= 1 && (remaining / Int64(minimum) + remaining % Int64(minimum)) <= capMoney.cents)
                case .tooManyInstallments(let n, let maximum):
                    #expect(n > maximum && maximum == 36)
                default:
                    Issue.record("unexpected \(error) for \(request)")
                }
            }
        }
    }

    /// Options for any debt, payer and cap: one to three plans, shortest first, each valid, none
    /// below 50 € unless the debt or the cap leaves no choice, short plans for a risky payer.
    @Test func optionsAreValidPlans() async {
        await propertyCheck(
            count: 500,
            input: Gen.int(in: 1...5_000_000), Gen.int(in: 100...1_000_000).optional, Gen.bool, Gen.bool, Gen<PlanFrequency>.case,
            Self.startDays
        ) { debt, cap, risky, newClient, frequency, start in
            let request = PlanRequest(
                debt: Money(cents: Int64(debt)), frequency: frequency, maxInstallment: cap.map { Money(cents: Int64($0)) }, start: start)
            let profile = PayerProfile(lateShare: risky ? 0.8 : 0.1, isNewClient: newClient)
            let options: PlanOptions
            do throws(PlanError) {
                options = try PlanCalculator.options(for: request, profile: profile)
            } catch {
                guard case .tooManyInstallments(let n, 36) = error, n > 36 else {
                    Issue.record("unexpected \(error)")
                    return
                }
                return
            }
            let counts = options.schedules.map(\.regularCount)
            #expect((1...3).contains(counts.count))
            #expect(counts == counts.sorted() && Set(counts).count == counts.count)
            #expect(options.schedules.indices.contains(options.recommended))
            #expect(risky || newClient ? options.recommended == 0 : options.recommended == (counts.count - 1) / 2)
            if risky { #expect(options.advice == .riskyPayer) }
            for plan in options.schedules {
                Self.checkInvariants(
                    plan,
                    PlanRequest(
                        debt: request.debt, installments: plan.regularCount, frequency: frequency,
                        maxInstallment: request.maxInstallment, start: start))
            }
            let smallest = options.schedules.map { $0.regularInstallments.last!.amount.cents }.min()!
            // Below 50 € only for a single plan: one installment, or the count the cap forces.
            if smallest < 5_000 { #expect(counts.count == 1 && (counts[0] == 1 || cap != nil)) }
            if risky, let longest = counts.last, longest > 6 { #expect(cap != nil && counts.count == 1) }
        }
    }

    /// The count a cap imposes (read from `tooManyInstallments` with a maximum of 0) is the
    /// smallest whose first installment, leftover cents included, stays within the cap.
    @Test func capMinimumIsTheSmallestCountThatFits() async {
        await propertyCheck(count: 1_000, input: Gen.int(in: 1...200_000), Gen.int(in: 1...50_000)) { remaining, cap in
            let request = PlanRequest(
                debt: Money(cents: Int64(remaining)), maxInstallment: Money(cents: Int64(cap)), start: Self.start, maxInstallments: 0)
            guard case .tooManyInstallments(let minimum, 0) = Self.error(request) else {
                Issue.record("expected tooManyInstallments")
                return
            }
            let r = remaining
            let bruteForce = (1...r).first { r / $0 + r % $0 <= cap }!
            #expect(minimum == bruteForce)
        }
    }

    /// A cap of one cent on a milliard d'euros is answered at once.
    @Test func tinyCapOnAHugeDebtIsFast() {
        let request = PlanRequest(debt: Money.plausibleMaximum, maxInstallment: Money(cents: 3), start: Self.start)
        #expect(Self.error(request) == .tooManyInstallments(count: 50_000_000_000, maximum: 36))
    }
}
