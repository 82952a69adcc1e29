import Receivables
import Testing

/// Proves the dunning planner against the rules of its doc comment and `product.md`: when each
/// step of the standard sequence falls due, that levels are never skipped, the minimum gap
/// between two reminders, episodes, the previous-reminder anchor, the preferred channel, the
/// courtesy reminder, and everything that stops or moves the dunning (disputes, stops,
/// insolvency, pauses, promises, plans). Days are offsets from the due date of the invoice
/// under test, Monday 2 March 2026.
@Suite struct DunningPlannerTests {
    static let due = Day(iso: "2026-03-02")!
    static func day(_ offset: Int) -> Day { due.adding(days: offset) }
    static func euros(_ euros: Int64) -> Money { Money(euros: euros) }

    static let client = Client(id: 7, code: "GMOREAU", name: "Garage Moreau")

    static func client(preferring channel: Channel?) -> Client {
        var client = Self.client
        client.preferredChannel = channel
        return client
    }

    /// Invoice `id`, due `dueOffset` days after the base day, 1 200,00 € unless told otherwise.
    static func invoice(
        _ id: Int64, due dueOffset: Int = 0, amount: Int64 = 1_200, outstanding: Int64? = nil, disputed: Bool = false
    ) -> Invoice {
        Invoice(
            id: id, number: "F-2026-\(100 + id)", clientID: 7, issueDay: day(dueOffset - 30), dueDay: day(dueOffset),
            amount: euros(amount), outstanding: outstanding.map { euros($0) }, disputed: disputed)
    }

    static func sent(_ offset: Int, _ level: DunningLevel, _ channel: Channel? = .email) -> DunningFacts.SentReminder {
        DunningFacts.SentReminder(day: day(offset), level: level, channel: channel)
    }

    /// The reminders of the standard sequence, each sent on its day.
    static let onTime: [DunningLevel: Int] = [.reminder1: 3, .reminder2: 15, .reminder3: 30, .formalNotice: 45, .escalation: 60]
    static func sentOnTime(through level: DunningLevel) -> [DunningFacts.SentReminder] {
        DunningLevel.allCases.filter { $0 != .courtesy && $0 <= level }.map { sent(onTime[$0]!, $0) }
    }

    static func decide(
        _ facts: DunningFacts, today: Int, planner: DunningPlanner = DunningPlanner()
    ) -> DunningDecision {
        planner.decide(facts, today: day(today))
    }

    static func facts(
        client: Client = Self.client, _ invoices: [Invoice] = [invoice(1)], reminders: [DunningFacts.SentReminder] = [],
        promises: [DunningFacts.Promise] = [], pauses: [DunningFacts.Pause] = [], disputes: [DunningFacts.Dispute] = [],
        plans: [DunningFacts.Plan] = []
    ) -> DunningFacts {
        DunningFacts(
            client: client, openInvoices: invoices, reminders: reminders, promises: promises, pauses: pauses, disputes: disputes,
            plans: plans)
    }

    static func plan(
        _ ids: Set<Int64>, installments: [(Int, Int64)], payments: [(Int, Int64)] = [], today: Int, grace: Int = 5
    ) -> DunningFacts.Plan {
        DunningFacts.Plan(
            invoiceIDs: ids,
            progress: PlanProgress(
                installments: installments.map { (day: day($0.0), amount: euros($0.1)) },
                payments: payments.map { (day: day($0.0), amount: euros($0.1)) }, today: day(today), graceDays: grace))
    }

    // MARK: The first reminder

    @Test func twoDaysLateWaitsForDayThree() {
        let decision = Self.decide(Self.facts(), today: 2)
        #expect(decision.action == nil)
        #expect(decision.skips == [.waiting(next: .reminder1, on: Self.day(3))])
    }

    @Test func threeDaysLateGetsTheFirstReminderByEmail() throws {
        let decision = Self.decide(Self.facts(), today: 3)
        let action = try #require(decision.action)
        #expect(action.level == .reminder1)
        #expect(action.channels == [.email])
        #expect(action.tone == .friendly)
        #expect(action.invoices == [Self.invoice(1)])
        #expect(action.amount == Self.euros(1_200))
        #expect(action.reasons == [.daysLate(3)])
        #expect(action.previous == nil)
        #expect(decision.skips == [])
    }

    /// A late client never reminded starts at reminder 1, however late it is.
    @Test(arguments: [3, 4, 10, 15, 29, 30, 44, 45, 60, 61, 200, 800])
    func levelsAreNeverSkipped(daysLate: Int) throws {
        let action = try #require(Self.decide(Self.facts(), today: daysLate).action)
        #expect(action.level == .reminder1)
        #expect(action.reasons == [.daysLate(daysLate)])
    }

    @Test(arguments: [1, 2])
    func notYetThreeDaysLate(daysLate: Int) {
        let decision = Self.decide(Self.facts(), today: daysLate)
        #expect(decision.action == nil)
        #expect(decision.skips == [.waiting(next: .reminder1, on: Self.day(3))])
    }

    // MARK: The sequence, step by step

    /// (last level sent on time, today, the level due or nil, the waiting skip's level and day).
    @Test(arguments: [
        (DunningLevel.reminder1, 14, DunningLevel?.none, DunningLevel?.some(.reminder2), 15),
        (.reminder1, 15, .reminder2, nil, 0),
        (.reminder1, 22, .reminder2, nil, 0),
        (.reminder2, 29, nil, .reminder3, 30),
        (.reminder2, 30, .reminder3, nil, 0),
        (.reminder3, 44, nil, .formalNotice, 45),
        (.reminder3, 45, .formalNotice, nil, 0),
        (.formalNotice, 59, nil, .escalation, 60),
        (.formalNotice, 60, .escalation, nil, 0),
    ])
    func nextStepAtItsDelay(last: DunningLevel, today: Int, expected: DunningLevel?, waiting: DunningLevel?, waitingDay: Int) {
        let reminders = Self.sentOnTime(through: last)
        let decision = Self.decide(Self.facts(reminders: reminders), today: today)
        #expect(decision.action?.level == expected)
        if let expected {
            let step = DunningSequence.standard.step(expected)!
            #expect(decision.action?.channels == step.channels)
            #expect(decision.action?.tone == step.tone)
            #expect(decision.action?.reasons == [.daysLate(today)])
            #expect(decision.action?.previous == reminders.last)
            #expect(decision.skips == [])
        }
        if let waiting {
            #expect(decision.skips == [.waiting(next: waiting, on: Self.day(waitingDay))])
        }
    }

    @Test func afterTheEscalationTheSequenceIsDone() {
        let decision = Self.decide(Self.facts(reminders: Self.sentOnTime(through: .escalation)), today: 120)
        #expect(decision.action == nil)
        #expect(decision.skips == [.sequenceDone])
    }

    /// The escalation step has no channel, whatever the client prefers.
    @Test func escalationHasNoChannel() throws {
        let facts = Self.facts(client: Self.client(preferring: .phone), reminders: Self.sentOnTime(through: .formalNotice))
        let action = try #require(Self.decide(facts, today: 60).action)
        #expect(action.level == .escalation)
        #expect(action.channels == [])
        #expect(action.tone == .formal)
    }

    // MARK: Minimum gap

    /// Reminder 1 sent 60 days late: reminder 2 (due at day 15) waits 7 days after it.
    @Test func neverSoonerThanTheMinimumGap() throws {
        let reminders = [Self.sent(60, .reminder1)]
        #expect(Self.decide(Self.facts(reminders: reminders), today: 61).skips == [.waiting(next: .reminder2, on: Self.day(67))])
        #expect(Self.decide(Self.facts(reminders: reminders), today: 66).action == nil)
        let action = try #require(Self.decide(Self.facts(reminders: reminders), today: 67).action)
        #expect(action.level == .reminder2)
        #expect(action.previous == reminders[0])
        #expect(action.reasons == [.daysLate(67)])
    }

    /// Reminder 1 sent on day 10: reminder 2 on day 17, not 15.
    @Test func gapCountsFromTheLastReminder() {
        let facts = Self.facts(reminders: [Self.sent(10, .reminder1)])
        #expect(Self.decide(facts, today: 16).skips == [.waiting(next: .reminder2, on: Self.day(17))])
        #expect(Self.decide(facts, today: 17).action?.level == .reminder2)
    }

    @Test(arguments: [0, 1, 7, 14, 30])
    func customMinimumGap(gap: Int) {
        let planner = DunningPlanner(minimumGap: gap)
        let facts = Self.facts(reminders: [Self.sent(40, .reminder1)])
        let dueOn = max(15, 40 + gap)
        if dueOn > 40 {
            #expect(Self.decide(facts, today: dueOn - 1, planner: planner).skips == [.waiting(next: .reminder2, on: Self.day(dueOn))])
        }
        #expect(Self.decide(facts, today: dueOn, planner: planner).action?.level == .reminder2)
    }

    /// The last reminder is the highest level sent; the gap counts from the latest day.
    @Test func lastIsTheHighestLevelAndGapTheLatestDay() {
        // A reminder 1 re-sent by hand on day 33 after reminder 2 on day 15.
        let reminders = [Self.sent(3, .reminder1), Self.sent(15, .reminder2), Self.sent(33, .reminder1)]
        let decision = Self.decide(Self.facts(reminders: reminders), today: 35)
        #expect(decision.action == nil)
        #expect(decision.skips == [.waiting(next: .reminder3, on: Self.day(40))])
    }

    // MARK: Episodes

    /// Reminders of an earlier episode (before the due date less the courtesy delay, i.e. before
    /// day −5) don't count: the new episode starts again at reminder 1, with no gap to respect.
    @Test(arguments: [-7, -10, -30, -365])
    func earlierEpisodeDoesNotCount(offset: Int) throws {
        let reminders = [Self.sent(offset - 20, .reminder2), Self.sent(offset, .formalNotice, .registeredLetter)]
        let action = try #require(Self.decide(Self.facts(reminders: reminders), today: 3).action)
        #expect(action.level == .reminder1)
        #expect(action.previous == nil)
        #expect(action.reasons == [.daysLate(3)])
    }

    /// The boundary: the episode starts on day −5 (due date less the 5 days of courtesy), so a
    /// reminder sent on day −6 belongs to the earlier episode.
    @Test func reminderTheDayBeforeTheEpisodeBelongsToTheEarlierOne() throws {
        let reminders = [Self.sent(-6, .reminder3, .letter)]
        let action = try #require(Self.decide(Self.facts(reminders: reminders), today: 3).action)
        #expect(action.level == .reminder1)
        #expect(action.previous == nil)
    }

    /// A reminder sent within the episode (from day −5) counts.
    @Test(arguments: [-5, -1, 0, 2])
    func reminderWithinTheEpisodeCounts(offset: Int) {
        let decision = Self.decide(Self.facts(reminders: [Self.sent(offset, .reminder1)]), today: 3)
        #expect(decision.action == nil)
        #expect(decision.skips == [.waiting(next: .reminder2, on: Self.day(15))])
    }

    /// The episode follows the oldest unpaid invoice: a newer invoice does not restart it, and
    /// the oldest invoice's lateness drives the steps.
    @Test func episodeFollowsTheOldestUnpaidInvoice() throws {
        let invoices = [Self.invoice(2, due: 20), Self.invoice(1, due: 0)]
        let reminders = Self.sentOnTime(through: .reminder2)
        let action = try #require(Self.decide(Self.facts(invoices, reminders: reminders), today: 30).action)
        #expect(action.level == .reminder3)
        #expect(action.invoices == [Self.invoice(1, due: 0), Self.invoice(2, due: 20)])
        #expect(action.amount == Self.euros(2_400))
        #expect(action.reasons == [.daysLate(30)])
    }

    // MARK: Previous-reminder anchor

    static let chained = DunningPlanner(sequence: DunningSequence(steps: DunningSequence.standard.steps, anchor: .previousReminder))

    @Test func previousReminderAnchorFirstStepCountsFromTheDueDate() throws {
        #expect(Self.decide(Self.facts(), today: 2, planner: Self.chained).skips == [.waiting(next: .reminder1, on: Self.day(3))])
        let action = try #require(Self.decide(Self.facts(), today: 3, planner: Self.chained).action)
        #expect(action.level == .reminder1)
        #expect(action.reasons == [.daysLate(3)])
    }

    /// Reminder 1 on day 3, reminder 2 fifteen days after it (day 18), reminder 3 thirty days
    /// after that (day 48).
    @Test func previousReminderAnchorCountsFromTheLastReminder() throws {
        let first = [Self.sent(3, .reminder1)]
        #expect(
            Self.decide(Self.facts(reminders: first), today: 17, planner: Self.chained).skips == [
                .waiting(next: .reminder2, on: Self.day(18))
            ])
        let second = try #require(Self.decide(Self.facts(reminders: first), today: 18, planner: Self.chained).action)
        #expect(second.level == .reminder2)
        #expect(second.reasons == [.daysLate(18), .sincePrevious(Self.day(3), .reminder1)])
        #expect(second.previous == first[0])

        let both = first + [Self.sent(18, .reminder2)]
        #expect(
            Self.decide(Self.facts(reminders: both), today: 47, planner: Self.chained).skips == [
                .waiting(next: .reminder3, on: Self.day(48))
            ])
        let third = try #require(Self.decide(Self.facts(reminders: both), today: 48, planner: Self.chained).action)
        #expect(third.level == .reminder3)
        #expect(third.reasons == [.daysLate(48), .sincePrevious(Self.day(18), .reminder2)])
    }

    /// Short delays counted from the previous reminder still respect the minimum gap.
    @Test func previousReminderAnchorRespectsTheMinimumGap() throws {
        let sequence = try DunningSequence.parse("reminder1:3:email; reminder2:2:email", anchor: .previousReminder).get()
        let planner = DunningPlanner(sequence: sequence)
        let facts = Self.facts(reminders: [Self.sent(3, .reminder1)])
        #expect(Self.decide(facts, today: 5, planner: planner).skips == [.waiting(next: .reminder2, on: Self.day(10))])
        #expect(Self.decide(facts, today: 10, planner: planner).action?.level == .reminder2)
    }

    // MARK: Channels

    @Test(arguments: [
        (Channel?.none, DunningLevel.reminder1, [Channel.email]),
        (.phone, .reminder1, [.phone, .email]),
        (.email, .reminder1, [.email]),
        (.letter, .reminder1, [.letter, .email]),
        (.email, .reminder2, [.email, .phone]),
        (.phone, .reminder2, [.phone, .email]),
        (.sms, .reminder2, [.sms, .email, .phone]),
        (.sms, .courtesy, [.sms, .email]),
        (.phone, .reminder3, [.letter]),
        (.email, .reminder3, [.letter]),
        (.email, .formalNotice, [.registeredLetter]),
        (.sms, .formalNotice, [.registeredLetter]),
        (.phone, .escalation, []),
    ])
    func preferredChannelFirst(preferred: Channel?, level: DunningLevel, expected: [Channel]) {
        let step = DunningSequence.standard.step(level)!
        #expect(DunningPlanner().channels(step, Self.client(preferring: preferred)) == expected)
    }

    @Test func preferredChannelInTheAction() throws {
        let phone = Self.client(preferring: .phone)
        #expect(Self.decide(Self.facts(client: phone), today: 3).action?.channels == [.phone, .email])
        let reminders = Self.sentOnTime(through: .reminder2)
        #expect(Self.decide(Self.facts(client: phone, reminders: reminders), today: 30).action?.channels == [.letter])
        let notice = Self.sentOnTime(through: .reminder3)
        #expect(Self.decide(Self.facts(client: phone, reminders: notice), today: 45).action?.channels == [.registeredLetter])
    }

    // MARK: Courtesy

    @Test(arguments: [5, 4, 1, 0])
    func courtesyWithinTheWindow(daysBefore: Int) throws {
        let decision = Self.decide(Self.facts(), today: -daysBefore)
        let action = try #require(decision.action)
        #expect(action.level == .courtesy)
        #expect(action.channels == [.email])
        #expect(action.tone == .friendly)
        #expect(action.invoices == [Self.invoice(1)])
        #expect(action.amount == Self.euros(1_200))
        #expect(action.reasons == [.dueSoon(daysBefore)])
        #expect(action.previous == nil)
        #expect(decision.skips == [])
    }

    @Test(arguments: [6, 10, 40])
    func noCourtesyBeforeTheWindow(daysBefore: Int) {
        let decision = Self.decide(Self.facts(), today: -daysBefore)
        #expect(decision.action == nil)
        #expect(decision.skips == [])
    }

    @Test(arguments: [-4, -1, 0])
    func courtesyOnlyOnce(today: Int) {
        let decision = Self.decide(Self.facts(reminders: [Self.sent(-5, .courtesy)]), today: today)
        #expect(decision.action == nil)
        #expect(decision.skips == [])
    }

    /// Several invoices due within the window are in one courtesy reminder; the nearest due date
    /// is the reason; invoices due later are left for their own time.
    @Test func courtesyCoversEveryInvoiceDueSoon() throws {
        let invoices = [Self.invoice(1, due: 0), Self.invoice(2, due: 2, amount: 300), Self.invoice(3, due: 30)]
        let action = try #require(Self.decide(Self.facts(invoices), today: -2).action)
        #expect(action.level == .courtesy)
        #expect(Set(action.invoices.compactMap(\.id)) == [1, 2])
        #expect(action.amount == Self.euros(1_500))
        #expect(action.reasons == [.dueSoon(2)])
    }

    /// The courtesy reminder is not a level: reminder 1 still comes on day 3.
    @Test func courtesyDoesNotAdvanceTheSequence() throws {
        let action = try #require(Self.decide(Self.facts(reminders: [Self.sent(-5, .courtesy)]), today: 3).action)
        #expect(action.level == .reminder1)
        #expect(action.previous == nil)
    }

    @Test func noCourtesyInASequenceWithoutOne() throws {
        let planner = DunningPlanner(sequence: try DunningSequence.parse("reminder1:3:email; reminder2:15:email+phone").get())
        #expect(Self.decide(Self.facts(), today: -2, planner: planner).action == nil)
        #expect(Self.decide(Self.facts(), today: 3, planner: planner).action?.level == .reminder1)
    }

    /// An overdue invoice takes precedence: no courtesy while the client is late on another.
    @Test func noCourtesyWhileLate() throws {
        let invoices = [Self.invoice(1, due: -20), Self.invoice(2, due: 3)]
        let action = try #require(Self.decide(Self.facts(invoices), today: 0).action)
        #expect(action.level == .reminder1)
        #expect(action.invoices == [Self.invoice(1, due: -20)])
        #expect(action.amount == Self.euros(1_200))
    }

    // MARK: Disputes

    @Test func disputedInvoicesAreLeftOutAndReported() throws {
        let invoices = [Self.invoice(1, due: -30, disputed: true), Self.invoice(2, due: 0)]
        let disputes = [DunningFacts.Dispute(invoiceID: 1, since: Self.day(-12))]
        let decision = Self.decide(Self.facts(invoices, disputes: disputes), today: 3)
        let action = try #require(decision.action)
        #expect(action.level == .reminder1)
        #expect(action.invoices == [Self.invoice(2, due: 0)])
        #expect(action.amount == Self.euros(1_200))
        #expect(action.reasons == [.daysLate(3)])
        #expect(decision.skips == [.dispute(since: Self.day(-12), invoices: 1)])
    }

    /// Only disputed invoices: nothing to send; the skip names the earliest dispute.
    @Test func onlyDisputedInvoices() {
        let invoices = [Self.invoice(1, due: -30, disputed: true), Self.invoice(2, due: -10, disputed: true)]
        let disputes = [
            DunningFacts.Dispute(invoiceID: 2, since: Self.day(-5)), DunningFacts.Dispute(invoiceID: 1, since: Self.day(-20)),
            DunningFacts.Dispute(invoiceID: 99, since: Self.day(-400)),
        ]
        let decision = Self.decide(Self.facts(invoices, disputes: disputes), today: 10)
        #expect(decision.action == nil)
        #expect(decision.skips == [.dispute(since: Self.day(-20), invoices: 2)])
    }

    /// A disputed invoice without a dispute record: the dispute is dated today.
    @Test func disputeWithoutRecordIsDatedToday() {
        let decision = Self.decide(Self.facts([Self.invoice(1, due: -30, disputed: true)]), today: 10)
        #expect(decision.action == nil)
        #expect(decision.skips == [.dispute(since: Self.day(10), invoices: 1)])
    }

    /// A settled disputed invoice is not a dispute to report.
    @Test func settledDisputedInvoiceIsIgnored() {
        let invoices = [Self.invoice(1, due: -30, outstanding: 0, disputed: true), Self.invoice(2, due: 0)]
        let decision = Self.decide(Self.facts(invoices), today: 3)
        #expect(decision.skips == [])
        #expect(decision.action?.invoices == [Self.invoice(2, due: 0)])
    }

    /// "Disputed invoices are not dunned" holds for an invoice not yet saved (no id) too.
    @Test func disputedInvoiceWithoutIDIsNotDunned() {
        var disputed = Self.invoice(1, due: -30, disputed: true)
        disputed.id = nil
        let decision = Self.decide(Self.facts([disputed]), today: 10)
        #expect(decision.action == nil)
    }

    // MARK: What stops the whole client

    static var stopped: Client {
        var client = Self.client
        client.dunningStop = "litige porté par l’avocat"
        return client
    }

    static var insolvent: Client {
        var client = Self.client
        client.insolvency = "redressement judiciaire"
        return client
    }

    @Test func stopMeansNoReminder() {
        let decision = Self.decide(Self.facts(client: Self.stopped), today: 40)
        #expect(decision.action == nil)
        #expect(decision.skips == [.stopped(reason: "litige porté par l’avocat")])
    }

    @Test func insolvencyMeansNoReminder() {
        let decision = Self.decide(Self.facts(client: Self.insolvent), today: 40)
        #expect(decision.action == nil)
        #expect(decision.skips == [.insolvent(procedure: "redressement judiciaire")])
    }

    /// Courtesy reminders stop too.
    @Test func stopAlsoStopsCourtesy() {
        #expect(Self.decide(Self.facts(client: Self.stopped), today: -3).action == nil)
        #expect(Self.decide(Self.facts(client: Self.insolvent), today: -3).action == nil)
    }

    /// A pause in force (its first and last days included); the longest one is reported.
    @Test(arguments: [10, 14, 20])
    func pauseInForce(today: Int) {
        let pauses = [
            DunningFacts.Pause(from: Self.day(10), until: Self.day(20), reason: "congés du gérant"),
            DunningFacts.Pause(from: Self.day(12), until: Self.day(16), reason: "attente d’un avoir"),
            DunningFacts.Pause(from: Self.day(-40), until: Self.day(-30), reason: "ancienne pause"),
        ]
        let decision = Self.decide(Self.facts(pauses: pauses), today: today)
        #expect(decision.action == nil)
        #expect(decision.skips == [.paused(until: Self.day(20), reason: "congés du gérant")])
    }

    @Test(arguments: [9, 21])
    func pauseNotInForce(today: Int) {
        let pauses = [DunningFacts.Pause(from: Self.day(10), until: Self.day(20), reason: "congés du gérant")]
        #expect(Self.decide(Self.facts(pauses: pauses), today: today).action?.level == .reminder1)
    }

    /// A promise not yet due (its due day included) stops the dunning; the nearest is reported.
    @Test(arguments: [5, 8, 12])
    func promiseNotYetDue(today: Int) {
        let promises = [
            DunningFacts.Promise(madeDay: Self.day(4), dueDay: Self.day(12), amount: Self.euros(1_200), paidSince: .zero),
            DunningFacts.Promise(madeDay: Self.day(4), dueDay: Self.day(30), amount: Self.euros(500), paidSince: .zero),
        ]
        let decision = Self.decide(Self.facts(promises: promises), today: today)
        #expect(decision.action == nil)
        #expect(decision.skips == [.promise(due: Self.day(12), amount: Self.euros(1_200))])
    }

    /// A promise already kept does not stop anything.
    @Test func keptPromiseDoesNotStop() {
        let promises = [
            DunningFacts.Promise(madeDay: Self.day(1), dueDay: Self.day(12), amount: Self.euros(500), paidSince: Self.euros(500))
        ]
        let facts = Self.facts([Self.invoice(1, outstanding: 700)], promises: promises)
        let action = Self.decide(facts, today: 5).action
        #expect(action?.level == .reminder1)
        #expect(action?.amount == Self.euros(700))
    }

    // MARK: Promises not kept

    /// A promise due on day 1 and not kept: reminder 1 at once on day 2, before its delay.
    @Test func brokenPromiseBeforeTheFirstReminder() throws {
        let promise = DunningFacts.Promise(madeDay: Self.day(-3), dueDay: Self.day(1), amount: Self.euros(1_200), paidSince: .zero)
        let action = try #require(Self.decide(Self.facts(promises: [promise]), today: 2).action)
        #expect(action.level == .reminder1)
        #expect(action.reasons == [.daysLate(2), .brokenPromise(due: Self.day(1), amount: Self.euros(1_200))])
    }

    /// Reminder 1 on day 3, a promise made on day 5 for day 8 not kept: reminder 2 on day 9,
    /// not on day 15.
    @Test func brokenPromiseMakesTheNextStepDueToday() throws {
        let promise = DunningFacts.Promise(
            madeDay: Self.day(5), dueDay: Self.day(8), amount: Self.euros(1_200), paidSince: Self.euros(200))
        let decision = Self.decide(Self.facts(reminders: [Self.sent(3, .reminder1)], promises: [promise]), today: 9)
        let action = try #require(decision.action)
        #expect(action.level == .reminder2)
        #expect(action.reasons == [.daysLate(9), .brokenPromise(due: Self.day(8), amount: Self.euros(1_200))])
        #expect(action.previous == Self.sent(3, .reminder1))
        #expect(decision.skips == [])
    }

    /// The same promise kept: the sequence goes on at its pace.
    @Test func keptPromiseDoesNotHurry() {
        let promise = DunningFacts.Promise(
            madeDay: Self.day(5), dueDay: Self.day(8), amount: Self.euros(600), paidSince: Self.euros(600))
        let facts = Self.facts([Self.invoice(1, outstanding: 600)], reminders: [Self.sent(3, .reminder1)], promises: [promise])
        let decision = Self.decide(facts, today: 9)
        #expect(decision.action == nil)
        #expect(decision.skips == [.waiting(next: .reminder2, on: Self.day(15))])
    }

    /// A promise broken before the last reminder was already answered by it.
    @Test func promiseBrokenBeforeTheLastReminderIsSpent() {
        let promise = DunningFacts.Promise(madeDay: Self.day(-2), dueDay: Self.day(1), amount: Self.euros(1_200), paidSince: .zero)
        let decision = Self.decide(Self.facts(reminders: [Self.sent(3, .reminder1)], promises: [promise]), today: 9)
        #expect(decision.action == nil)
        #expect(decision.skips == [.waiting(next: .reminder2, on: Self.day(15))])
    }

    // MARK: Plans

    /// A plan being kept shelters its invoices; the client's other invoices are still dunned,
    /// and the plan is reported with its next installment.
    @Test func keptPlanSheltersItsInvoices() throws {
        let plan = Self.plan([1], installments: [(-10, 600), (20, 600)], payments: [(-10, 600)], today: 10)
        #expect(plan.progress.status == .onTrack)
        let invoices = [Self.invoice(1, due: -60), Self.invoice(2, due: 0, amount: 450)]
        let decision = Self.decide(Self.facts(invoices, plans: [plan]), today: 10)
        let action = try #require(decision.action)
        #expect(action.level == .reminder1)
        #expect(action.invoices == [Self.invoice(2, due: 0, amount: 450)])
        #expect(action.amount == Self.euros(450))
        #expect(action.reasons == [.daysLate(10)])
        #expect(decision.skips == [.plan(nextDay: Self.day(20), nextAmount: Self.euros(600))])
    }

    @Test func keptPlanAloneMeansNoReminder() {
        let plan = Self.plan([1], installments: [(-10, 600), (20, 600)], payments: [(-11, 600)], today: 10)
        let decision = Self.decide(Self.facts([Self.invoice(1, due: -60)], plans: [plan]), today: 10)
        #expect(decision.action == nil)
        #expect(decision.skips == [.plan(nextDay: Self.day(20), nextAmount: Self.euros(600))])
    }

    /// An installment due on day 8 and unpaid on day 10 (grace 5): a friendly reminder of that
    /// installment, at reminder-1 level, for its amount.
    @Test func lateInstallmentIsReminded() throws {
        let plan = Self.plan([1], installments: [(8, 600), (38, 600)], today: 10)
        #expect(plan.progress.status == .late(day: Self.day(8), amount: Self.euros(600)))
        let decision = Self.decide(Self.facts([Self.invoice(1, due: -60)], plans: [plan]), today: 10)
        let action = try #require(decision.action)
        #expect(action.level == .reminder1)
        #expect(action.tone == .friendly)
        #expect(action.channels == [.email])
        #expect(action.invoices == [Self.invoice(1, due: -60)])
        #expect(action.amount == Self.euros(600))
        #expect(action.reasons == [.missedInstallment(day: Self.day(8), amount: Self.euros(600))])
    }

    /// A partly paid installment: the reminder asks for what is left of it.
    @Test func partlyPaidLateInstallment() throws {
        let plan = Self.plan([1], installments: [(8, 600), (38, 600)], payments: [(6, 250)], today: 10)
        let action = try #require(Self.decide(Self.facts([Self.invoice(1, due: -60, outstanding: 950)], plans: [plan]), today: 10).action)
        #expect(action.amount == Self.euros(350))
        #expect(action.reasons == [.missedInstallment(day: Self.day(8), amount: Self.euros(350))])
    }

    @Test func lateInstallmentRemindedOnce() {
        let plan = Self.plan([1], installments: [(8, 600), (38, 600)], today: 12)
        let facts = Self.facts([Self.invoice(1, due: -60)], reminders: [Self.sent(9, .reminder1)], plans: [plan])
        #expect(Self.decide(facts, today: 12).action == nil)
    }

    /// With another invoice overdue, that invoice is dunned; the plan's invoices stay sheltered.
    @Test func lateInstallmentWithAnotherInvoiceOverdue() throws {
        let plan = Self.plan([1], installments: [(8, 600), (38, 600)], today: 10)
        let invoices = [Self.invoice(1, due: -60), Self.invoice(2, due: 0, amount: 300)]
        let action = try #require(Self.decide(Self.facts(invoices, plans: [plan]), today: 10).action)
        #expect(action.level == .reminder1)
        #expect(action.invoices == [Self.invoice(2, due: 0, amount: 300)])
        #expect(action.reasons == [.daysLate(10)])
    }

    /// A broken plan (installment of day 2 unpaid past 5 days of grace, broken since day 8):
    /// its invoices are dunned again, with the broken plan as a reason.
    @Test func brokenPlanIsDunnedAgain() throws {
        let plan = Self.plan([1], installments: [(2, 600), (32, 600)], today: 10)
        #expect(plan.progress.status == .broken(since: Self.day(8)))
        let decision = Self.decide(Self.facts([Self.invoice(1, due: -40)], plans: [plan]), today: 10)
        let action = try #require(decision.action)
        #expect(action.level == .reminder1)
        #expect(action.invoices == [Self.invoice(1, due: -40)])
        #expect(action.amount == Self.euros(1_200))
        #expect(action.reasons == [.brokenPlan(since: Self.day(8)), .daysLate(50)])
        #expect(decision.skips == [])
    }

    /// Reminders sent before the plan belong to the same episode: the sequence goes on.
    @Test func brokenPlanContinuesTheSequence() throws {
        let plan = Self.plan([1], installments: [(2, 600), (32, 600)], today: 10)
        let reminders = [Self.sent(-37, .reminder1), Self.sent(-25, .reminder2)]
        let action = try #require(
            Self.decide(Self.facts([Self.invoice(1, due: -40)], reminders: reminders, plans: [plan]), today: 10).action)
        #expect(action.level == .reminder3)
        #expect(action.previous == reminders[1])
    }

    // MARK: Settled invoices

    @Test func settledInvoicesAreIgnored() {
        let settled = [Self.invoice(1, due: -90, outstanding: 0), Self.invoice(2, due: -30, outstanding: 0)]
        let decision = Self.decide(Self.facts(client: Self.stopped, settled), today: 10)
        #expect(decision.action == nil)
        #expect(decision.skips == [])
        #expect(Self.decide(Self.facts(settled), today: 10).action == nil)
        #expect(Self.decide(Self.facts(settled), today: 10).skips == [])
    }

    /// A settled older invoice does not make the client later: the open one sets the pace.
    @Test func settledOlderInvoiceDoesNotCount() throws {
        let invoices = [Self.invoice(1, due: -90, outstanding: 0), Self.invoice(2, due: 0, amount: 800, outstanding: 300)]
        let action = try #require(Self.decide(Self.facts(invoices), today: 3).action)
        #expect(action.level == .reminder1)
        #expect(action.invoices == [Self.invoice(2, due: 0, amount: 800, outstanding: 300)])
        #expect(action.amount == Self.euros(300))
        #expect(action.reasons == [.daysLate(3)])
    }

    /// The action lists the overdue invoices, oldest first, and sums what remains on them;
    /// invoices not yet due wait.
    @Test func actionListsOverdueInvoicesOldestFirst() throws {
        let invoices = [
            Self.invoice(3, due: 10), Self.invoice(2, due: -10, amount: 500, outstanding: 250), Self.invoice(1, due: -20, amount: 100),
        ]
        let action = try #require(Self.decide(Self.facts(invoices), today: 0).action)
        #expect(action.invoices.compactMap(\.id) == [1, 2])
        #expect(action.amount == Self.euros(350))
        #expect(action.reasons == [.daysLate(20)])
    }
}
