/// How an agreed payment plan is kept, as of one day.
///
/// Payments are applied to the installments in order (a payment above an installment pays
/// ahead). An installment is `kept` when it was paid by its day, `paidLate` when paid after
/// it, `late` when unpaid within the grace period, `missed` past it — which breaks the plan —
/// and `upcoming` before its day.
public struct PlanProgress: Hashable, Sendable {
    public enum InstallmentStatus: String, Hashable, Sendable, Codable {
        case kept, paidLate, late, missed, upcoming, partial

        public var frenchLabel: String {
            switch self {
            case .kept: return "payée"
            case .paidLate: return "payée en retard"
            case .late: return "en retard"
            case .missed: return "impayée"
            case .upcoming: return "à venir"
            case .partial: return "payée en partie"
            }
        }
    }

    public enum Status: Hashable, Sendable {
        /// Every installment due so far is paid.
        case onTrack
        /// An installment is unpaid but still within the grace period.
        case late(day: Day, amount: Money)
        /// An installment stayed unpaid past the grace period, on `since`.
        case broken(since: Day)
        /// Everything is paid.
        case completed

        public var frenchLabel: String {
            switch self {
            case .onTrack: return "respecté"
            case .late: return "en retard"
            case .broken: return "rompu"
            case .completed: return "soldé"
            }
        }

        public var id: String {
            switch self {
            case .onTrack: return "onTrack"
            case .late: return "late"
            case .broken: return "broken"
            case .completed: return "completed"
            }
        }
    }

    public struct Line: Hashable, Sendable {
        public var number: Int
        public var day: Day
        public var amount: Money
        public var paid: Money
        /// The day the installment was fully paid.
        public var paidOn: Day?
        public var status: InstallmentStatus
    }

    public var lines: [Line]
    public var status: Status
    public var paid: Money
    public var total: Money

    /// The next installment not fully paid.
    public var next: Line? { lines.first { $0.paid < $0.amount } }
    public var remaining: Money { total - paid }

    /// - Parameters:
    ///   - installments: (day, amount) in order.
    ///   - payments: (day, amount) received for the plan's invoices since it was agreed.
    public init(installments: [(day: Day, amount: Money)], payments: [(day: Day, amount: Money)], today: Day, graceDays: Int) {
        let receipts = payments.filter { $0.day <= today }.sorted { $0.day < $1.day }
        var receiptIndex = 0
        var available = Money.zero
        var availableDay: Day? = nil
        var lines: [Line] = []
        var totalPaid = Money.zero
        var status: Status = .onTrack
        for (offset, installment) in installments.enumerated() {
            var paid = Money.zero
            var paidOn: Day? = nil
            while paid < installment.amount {
                if available.cents == 0 {
                    guard receiptIndex < receipts.count else { break }
                    available = receipts[receiptIndex].amount
                    availableDay = receipts[receiptIndex].day
                    receiptIndex += 1
                }
                let used = min(available, installment.amount - paid)
                paid = paid + used
                available = available - used
                if paid == installment.amount { paidOn = availableDay }
            }
            totalPaid = totalPaid + paid
            let lineStatus: InstallmentStatus
            if let paidOn {
                lineStatus = paidOn <= installment.day ? .kept : .paidLate
                // Paid, but after the last day of grace: the plan broke then, and paying late does
                // not mend it. (Paid on that day itself, it was never seen unpaid past its grace.)
                let breakDay = installment.day.adding(days: graceDays + 1)
                if paidOn > breakDay {
                    if case .broken = status {} else { status = .broken(since: breakDay) }
                }
            } else if installment.day >= today {
                lineStatus = paid.isPositive ? .partial : .upcoming
            } else if installment.day.adding(days: graceDays) < today {
                lineStatus = .missed
                if case .broken = status {} else { status = .broken(since: installment.day.adding(days: graceDays + 1)) }
            } else {
                lineStatus = .late
                if status == .onTrack { status = .late(day: installment.day, amount: installment.amount - paid) }
            }
            lines.append(
                Line(number: offset + 1, day: installment.day, amount: installment.amount, paid: paid, paidOn: paidOn, status: lineStatus))
        }
        let total = installments.reduce(Money.zero) { $0 + $1.amount }
        if totalPaid >= total, case .broken = status {} else if totalPaid >= total { status = .completed }
        self.lines = lines
        self.status = status
        self.paid = totalPaid
        self.total = total
    }
}
