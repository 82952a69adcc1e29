/// What the dunning run knows of one client: its open invoices and everything that stops or
/// moves its reminders. Built by the ledger, judged by `DunningPlanner`.
public struct DunningFacts: Sendable {
    public struct SentReminder: Hashable, Sendable {
        public var day: Day
        public var level: DunningLevel
        public var channel: Channel?
        public init(day: Day, level: DunningLevel, channel: Channel?) {
            self.day = day
            self.level = level
            self.channel = channel
        }
    }

    public struct Promise: Hashable, Sendable {
        public var madeDay: Day
        public var dueDay: Day
        public var amount: Money
        /// What the client paid from the day the promise was made.
        public var paidSince: Money
        public init(madeDay: Day, dueDay: Day, amount: Money, paidSince: Money) {
            self.madeDay = madeDay
            self.dueDay = dueDay
            self.amount = amount
            self.paidSince = paidSince
        }
        public var isKept: Bool { paidSince >= amount }
    }

    public struct Pause: Hashable, Sendable {
        public var from: Day
        public var until: Day
        public var reason: String
        public init(from: Day, until: Day, reason: String) {
            self.from = from
            self.until = until
            self.reason = reason
        }
    }

    public struct Dispute: Hashable, Sendable {
        public var invoiceID: Int64
        public var since: Day
        public init(invoiceID: Int64, since: Day) {
            self.invoiceID = invoiceID
            self.since = since
        }
    }

    /// A plan of the client, as its progress reads today.
    public struct Plan: Hashable, Sendable {
        public var invoiceIDs: Set<Int64>
        public var progress: PlanProgress
        public init(invoiceIDs: Set<Int64>, progress: PlanProgress) {
            self.invoiceIDs = invoiceIDs
            self.progress = progress
        }
    }

    public var client: Client
    public var openInvoices: [Invoice]
    public var reminders: [SentReminder]
    public var promises: [Promise]
    public var pauses: [Pause]
    public var disputes: [Dispute]
    public var plans: [Plan]

    public init(
        client: Client, openInvoices: [Invoice], reminders: [SentReminder] = [], promises: [Promise] = [], pauses: [Pause] = [],
        disputes: [Dispute] = [], plans: [Plan] = []
    ) {
        self.client = client
        self.openInvoices = openInvoices
        self.reminders = reminders.sorted { $0.day < $1.day }
        self.promises = promises
        self.pauses = pauses
        self.disputes = disputes
        self.plans = plans
    }
}

/// Why a reminder is due.
public enum DunningReason: Hashable, Sendable {
    /// The oldest invoice is `days` late and the step's delay is reached.
    case daysLate(Int)
    /// Invoices fall due within `days` days (courtesy reminder).
    case dueSoon(Int)
    /// Counted from the previous reminder, sent on that day.
    case sincePrevious(Day, DunningLevel)
    /// A promise to pay that was not kept.
    case brokenPromise(due: Day, amount: Money)
    /// An installment of a plan is unpaid (within the grace period).
    case missedInstallment(day: Day, amount: Money)
    /// A plan was broken: its debt is dunned again.
    case brokenPlan(since: Day)
}

/// Why a client with unpaid invoices is not dunned today.
public enum DunningSkip: Hashable, Sendable {
    case stopped(reason: String)
    case insolvent(procedure: String)
    case paused(until: Day, reason: String)
    case promise(due: Day, amount: Money)
    case dispute(since: Day, invoices: Int)
    case plan(nextDay: Day?, nextAmount: Money?)
    /// Up to date with the sequence: the next step falls on that day.
    case waiting(next: DunningLevel, on: Day)
    /// The sequence is over: the escalation was already advised.
    case sequenceDone
}

/// Today's reminder for a client.
public struct DunningAction: Hashable, Sendable {
    public var level: DunningLevel
    public var channels: [Channel]
    public var tone: DunningTone
    /// The invoices the reminder is about (not disputed, not under a kept plan).
    public var invoices: [Invoice]
    public var amount: Money
    public var reasons: [DunningReason]
    /// The last reminder sent in this episode.
    public var previous: DunningFacts.SentReminder?
}

/// The judgement of one client.
public struct DunningDecision: Hashable, Sendable {
    public var action: DunningAction?
    /// What stops part or all of the client's dunning (shown even when an action remains for the rest).
    public var skips: [DunningSkip]
}

/// Decides, for one client and one day, which reminder is due, following the sequence, or
/// why none is.
///
/// Rules:
/// - Only unpaid invoices count; disputed invoices, and invoices covered by a plan that is
///   being kept, are left out (a plan's late installment is reminded on its own).
/// - A stop ("ne plus relancer"), a collective procedure, a manual pause, or a promise not
///   yet due stop the whole client's dunning until they end.
/// - The episode starts at the oldest dunnable invoice's due date (less the courtesy delay);
///   reminders sent before it belong to an earlier episode.
/// - The next step is the one after the last sent: it is due when its delay is reached
///   (from the due date, or from the previous reminder), and never sooner than `minimumGap`
///   days after the previous reminder, so a client never gets two letters in a row. A late
///   client never reminded starts at reminder 1 — levels are not skipped.
/// - A promise that was not kept makes the next step due at once.
public struct DunningPlanner: Sendable {
    public var sequence: DunningSequence
    public var minimumGap: Int

    public init(sequence: DunningSequence = .standard, minimumGap: Int = 7) {
        self.sequence = sequence
        self.minimumGap = minimumGap
    }

    public func decide(_ facts: DunningFacts, today: Day) -> DunningDecision {
        var skips: [DunningSkip] = []
        let unpaid = facts.openInvoices.filter { !$0.isSettled }
        guard !unpaid.isEmpty else { return DunningDecision(action: nil, skips: []) }
        if let reason = facts.client.dunningStop { return DunningDecision(action: nil, skips: [.stopped(reason: reason)]) }
        if let procedure = facts.client.insolvency { return DunningDecision(action: nil, skips: [.insolvent(procedure: procedure)]) }
        if let pause = facts.pauses.filter({ $0.from <= today && today <= $0.until }).max(by: { $0.until < $1.until }) {
            return DunningDecision(action: nil, skips: [.paused(until: pause.until, reason: pause.reason)])
        }
        if let promise = facts.promises.filter({ !$0.isKept && $0.dueDay >= today }).min(by: { $0.dueDay < $1.dueDay }) {
            return DunningDecision(action: nil, skips: [.promise(due: promise.dueDay, amount: promise.amount)])
        }
        // Disputes.
        let disputedIDs = Set(unpaid.filter(\.disputed).compactMap(\.id))
        if !disputedIDs.isEmpty {
            let since = facts.disputes.filter { disputedIDs.contains($0.invoiceID) }.map(\.since).min()
            skips.append(.dispute(since: since ?? today, invoices: disputedIDs.count))
        }
        // Plans: a kept plan shelters its invoices; a late installment is reminded; a broken plan does not.
        var sheltered = Set<Int64>()
        var reasons: [DunningReason] = []
        var installmentAction: (day: Day, amount: Money)? = nil
        for plan in facts.plans where plan.progress.status != .completed {
            switch plan.progress.status {
            case .broken(let since):
                reasons.append(.brokenPlan(since: since))
            case .late(let day, let amount):
                sheltered.formUnion(plan.invoiceIDs)
                installmentAction = (day, amount)
            default:
                sheltered.formUnion(plan.invoiceIDs)
                let next = plan.progress.next
                skips.append(.plan(nextDay: next?.day, nextAmount: next?.amount))
            }
        }
        let dunnable = unpaid.filter { invoice in
            guard !invoice.disputed else { return false }
            guard let id = invoice.id else { return true }
            return !sheltered.contains(id)
        }
        let overdue = dunnable.filter { $0.dueDay < today }
        let lastSent = facts.reminders.last

        // An unpaid installment within its grace period: a friendly reminder of that installment.
        if let installment = installmentAction, overdue.isEmpty {
            let alreadyReminded = facts.reminders.contains { $0.day >= installment.day }
            if !alreadyReminded {
                let step = sequence.step(.reminder1) ?? DunningStep(level: .reminder1, delay: 0, channels: [.email], tone: .friendly)
                let planInvoices = unpaid.filter { $0.id.map(sheltered.contains) ?? false }
                return DunningDecision(
                    action: DunningAction(
                        level: .reminder1, channels: channels(step, facts.client), tone: .friendly, invoices: planInvoices,
                        amount: installment.amount, reasons: [.missedInstallment(day: installment.day, amount: installment.amount)],
                        previous: lastSent),
                    skips: skips)
            }
        }

        guard let oldest = overdue.map(\.dueDay).min() else {
            // Nothing late: perhaps a courtesy reminder before the due date.
            if let courtesy = sequence.step(.courtesy), courtesy.delay < 0 {
                let window = -courtesy.delay
                let soon = dunnable.filter { $0.dueDay >= today && today.days(until: $0.dueDay) <= window }
                let episodeStart = soon.map(\.dueDay).min().map { $0.adding(days: courtesy.delay) }
                if let episodeStart, !soon.isEmpty, !facts.reminders.contains(where: { $0.day >= episodeStart }) {
                    let nearest = soon.map { today.days(until: $0.dueDay) }.min() ?? 0
                    return DunningDecision(
                        action: DunningAction(
                            level: .courtesy, channels: channels(courtesy, facts.client), tone: courtesy.tone, invoices: soon,
                            amount: soon.reduce(.zero) { $0 + $1.outstanding }, reasons: [.dueSoon(nearest)], previous: nil),
                        skips: skips)
                }
            }
            return DunningDecision(action: nil, skips: skips)
        }

        // The episode: reminders sent since the oldest dunnable invoice neared its due date.
        let episodeStart = oldest.adding(days: min(0, sequence.step(.courtesy)?.delay ?? 0))
        let episode = facts.reminders.filter { $0.day >= episodeStart && $0.level != .courtesy }
        let last = episode.max { ($0.level, $0.day) < ($1.level, $1.day) }
        let latestDay = episode.map(\.day).max()
        guard let next = sequence.step(after: last?.level) else {
            return DunningDecision(action: nil, skips: skips + [.sequenceDone])
        }
        let daysLate = oldest.days(until: today)
        var dueOn: Day
        switch sequence.anchor {
        case .dueDate:
            dueOn = oldest.adding(days: next.delay)
            reasons.append(.daysLate(daysLate))
        case .previousReminder:
            if let latestDay, let last {
                dueOn = latestDay.adding(days: next.delay)
                reasons.append(.sincePrevious(latestDay, last.level))
            } else {
                dueOn = oldest.adding(days: next.delay)
            }
            reasons.insert(.daysLate(daysLate), at: 0)
        }
        if let latestDay { dueOn = max(dueOn, latestDay.adding(days: minimumGap)) }
        let broken = facts.promises.filter { !$0.isKept && $0.dueDay < today && $0.dueDay >= (latestDay ?? episodeStart) }
        if let promise = broken.max(by: { $0.dueDay < $1.dueDay }) {
            reasons.append(.brokenPromise(due: promise.dueDay, amount: promise.amount))
            dueOn = min(dueOn, today)
        }
        guard dueOn <= today else {
            return DunningDecision(action: nil, skips: skips + [.waiting(next: next.level, on: dueOn)])
        }
        return DunningDecision(
            action: DunningAction(
                level: next.level, channels: channels(next, facts.client), tone: next.tone,
                invoices: overdue.sorted { ($0.dueDay, $0.number) < ($1.dueDay, $1.number) },
                amount: overdue.reduce(.zero) { $0 + $1.outstanding }, reasons: reasons, previous: last),
            skips: skips)
    }

    /// The step's channels, the client's preferred one first when the step is not a registered letter.
    public func channels(_ step: DunningStep, _ client: Client) -> [Channel] {
        guard let preferred = client.preferredChannel, step.level < .reminder3, !step.channels.isEmpty else { return step.channels }
        return [preferred] + step.channels.filter { $0 != preferred }
    }
}
