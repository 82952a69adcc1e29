/// Payment terms: a number of days, optionally counted "fin de mois".
///
/// "45 jours fin de mois" is read as: add 45 days to the invoice date, then go to the end of
/// that month (the reading most French accounting packages apply). The legal B2B maxima are
/// 60 days from the invoice date or 45 days end of month (Code de commerce, L441-10).
public struct PaymentTerms: Hashable, Sendable, Codable {
    public var days: Int
    public var endOfMonth: Bool

    public init(days: Int, endOfMonth: Bool = false) {
        self.days = days
        self.endOfMonth = endOfMonth
    }

    /// 30 days, the default when nothing was agreed.
    public static let standard = PaymentTerms(days: 30)

    /// How "N jours fin de mois" is counted: both readings exist in French practice.
    public enum EndOfMonthReading: String, Hashable, Sendable, Codable, CaseIterable {
        /// Add the days to the invoice date, then go to the end of that month (the default).
        case addThenEndOfMonth
        /// Go to the end of the invoice's month, then add the days.
        case endOfMonthThenAdd
    }

    /// The due date of an invoice issued on `issue`.
    public func dueDay(issuedOn issue: Day, reading: EndOfMonthReading = .addThenEndOfMonth) -> Day {
        guard endOfMonth else { return issue.adding(days: days) }
        switch reading {
        case .addThenEndOfMonth: return issue.adding(days: days).lastOfMonth
        case .endOfMonthThenAdd: return issue.lastOfMonth.adding(days: days)
        }
    }

    /// Whether these terms go past the legal maximum of a client category.
    public func exceedsLegalMaximum(for kind: ClientKind) -> Bool {
        switch kind {
        case .consumer: return false
        case .business: return exceedsLegalMaximum
        case .publicBuyer, .transport: return endOfMonth || days > 30
        }
    }

    /// Whether these terms go past the legal B2B maximum.
    public var exceedsLegalMaximum: Bool { endOfMonth ? days > 45 : days > 60 }

    /// "30 jours", "45 jours fin de mois", "comptant".
    public var frenchDescription: String {
        if days == 0 && !endOfMonth { return "comptant" }
        let base = days == 1 ? "1 jour" : "\(days) jours"
        return endOfMonth ? base + " fin de mois" : base
    }
}
