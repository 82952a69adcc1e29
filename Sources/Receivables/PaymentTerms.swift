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

    /// The due date of an invoice issued on `issue`.
    public func dueDay(issuedOn issue: Day) -> Day {
        let plain = issue.adding(days: days)
        return endOfMonth ? plain.lastOfMonth : plain
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
