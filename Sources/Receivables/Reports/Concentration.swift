import Foundation

/// One client's weight, aggregated upstream: its sales over the period studied and what it
/// owes today.
public struct ClientShare: Hashable, Sendable, Codable {
    public let clientID: Int64
    public let name: String
    /// Sales (chiffre d'affaires TTC) over the period studied, usually the last 12 months.
    public let sales: Money
    /// Open amount today (encours).
    public let outstanding: Money

    public init(clientID: Int64, name: String, sales: Money, outstanding: Money) {
        self.clientID = clientID
        self.name = name
        self.sales = sales
        self.outstanding = outstanding
    }
}

/// What the concentration is measured on.
public enum ConcentrationMeasure: String, Hashable, Sendable, Codable, CaseIterable {
    case sales
    case outstanding

    /// "chiffre d’affaires", "encours".
    public var frenchLabel: String {
        switch self {
        case .sales: return "chiffre d’affaires"
        case .outstanding: return "encours"
        }
    }
}

/// One of the top clients on one measure.
public struct ConcentrationEntry: Hashable, Sendable, Codable {
    public let clientID: Int64
    public let name: String
    /// The client's amount on the measure (0 if it was negative).
    public let amount: Money
    /// Its share of the total, in percent.
    public let share: Double
    /// The shares of this client and of all those ranked before it, in percent.
    public let cumulativeShare: Double
}

/// The concentration on one measure.
public struct ConcentrationView: Hashable, Sendable, Codable {
    public let measure: ConcentrationMeasure
    /// Sum of the positive amounts of all clients.
    public let total: Money
    /// Clients with a positive amount.
    public let clientCount: Int
    /// The top clients, largest first (ties by name, then id).
    public let top: [ConcentrationEntry]
    /// Cumulative share of the top clients, in percent.
    public let topShare: Double
    /// Share of the largest client, in percent (0 when the total is zero).
    public let largestShare: Double
    /// Herfindahl-Hirschman index: Σ (share in percent)², over all clients, from near 0 (many
    /// small clients) to 10 000 (one single client). Competition authorities read above
    /// 2 500 as highly concentrated.
    public let herfindahl: Double

    /// The number of equal clients that would give the same index: 10 000 ÷ HHI ("votre
    /// chiffre d’affaires pèse comme s’il venait de 6,2 clients"); 0 when there are none.
    public var equivalentClients: Double { herfindahl > 0 ? 10_000 / herfindahl : 0 }
}

/// A client weighing more than the threshold on one measure.
public struct ConcentrationWarning: Hashable, Sendable, Codable {
    public let clientID: Int64
    public let name: String
    public let measure: ConcentrationMeasure
    /// The client's share, in percent.
    public let share: Double

    /// "Garage Moreau pèse 34 % de votre chiffre d’affaires : une dépendance forte." (share
    /// rounded to the whole percent; "votre encours" for the outstanding).
    public var frenchText: String {
        "\(name) pèse \(ReportText.percent(share)) de votre \(measure.frenchLabel)"
            + FrenchTypography.noBreakSpace + ": une dépendance forte."
    }
}

/// The concentration report (`risk.concentration`).
public struct ConcentrationReport: Hashable, Sendable, Codable {
    public let bySales: ConcentrationView
    public let byOutstanding: ConcentrationView
    /// The threshold used, in percent.
    public let threshold: Double
    /// Every client above the threshold: those on sales first, then on outstanding, each by
    /// decreasing share.
    public let warnings: [ConcentrationWarning]

    public func view(_ measure: ConcentrationMeasure) -> ConcentrationView {
        measure == .sales ? bySales : byOutstanding
    }
}

/// How much the business depends on its largest clients (`risk.concentration`).
public enum Concentration {
    /// The default threshold of dependence on one client, in percent.
    public static let defaultThreshold = 20.0

    /// Measures the concentration of sales and of outstanding.
    ///
    /// Rules, for each measure:
    /// - Amounts of zero or less count as zero (a credit balance is no dependence); the total
    ///   is the sum of the positive amounts, and a share is amount ÷ total × 100 (percent).
    /// - Clients are ranked by amount, largest first; equal amounts by name (case and accents
    ///   ignored), then by id. The `top` first ones (fewer if fewer clients have a positive
    ///   amount) are listed with their cumulative share.
    /// - The Herfindahl index sums the squared percent shares of ALL clients, not only the top.
    /// - A warning is raised for every client whose share is strictly above `threshold`
    ///   (percent, 20 by default), on sales and on outstanding separately.
    ///
    /// Rows of the same client are not merged: aggregate upstream. O(n log n) for n clients.
    public static func assess(_ rows: [ClientShare], top: Int = 5, threshold: Double = defaultThreshold) -> ConcentrationReport {
        let (sales, salesWarnings) = view(.sales, rows, rows.map(\.sales.cents), top: top, threshold: threshold)
        let (outstanding, outstandingWarnings) = view(
            .outstanding, rows, rows.map(\.outstanding.cents), top: top, threshold: threshold)
        return ConcentrationReport(
            bySales: sales, byOutstanding: outstanding, threshold: threshold, warnings: salesWarnings + outstandingWarnings)
    }

    /// One measure: `amounts[i]` is the cents of `rows[i]` on it.
    static func view(_ measure: ConcentrationMeasure, _ rows: [ClientShare], _ amounts: [Int64], top: Int, threshold: Double)
        -> (ConcentrationView, [ConcentrationWarning])
    {
        var positive: [Int] = []
        var total = Money.zero
        for (index, cents) in amounts.enumerated() where cents > 0 {
            positive.append(index)
            total += Money(cents: cents)
        }
        var herfindahl = 0.0
        for index in positive {
            let share = ReportText.share(Money(cents: amounts[index]), of: total)
            herfindahl += share * share
        }
        let order = ReportText.descendingOrder(
            positive.map { amounts[$0] }, names: positive.map { rows[$0].name }, ids: positive.map { rows[$0].clientID })
        let ranked = order.map { positive[$0] }
        var entries: [ConcentrationEntry] = []
        var cumulative = Money.zero
        for index in ranked.prefix(max(0, top)) {
            let amount = Money(cents: amounts[index])
            cumulative += amount
            entries.append(
                ConcentrationEntry(
                    clientID: rows[index].clientID, name: rows[index].name, amount: amount, share: ReportText.share(amount, of: total),
                    cumulativeShare: ReportText.share(cumulative, of: total)))
        }
        // Ranked by decreasing amount, so those over the threshold come first.
        var warnings: [ConcentrationWarning] = []
        for index in ranked {
            let share = ReportText.share(Money(cents: amounts[index]), of: total)
            guard share > threshold else { break }
            warnings.append(ConcentrationWarning(clientID: rows[index].clientID, name: rows[index].name, measure: measure, share: share))
        }
        let largest = ranked.first.map { ReportText.share(Money(cents: amounts[$0]), of: total) } ?? 0
        let view = ConcentrationView(
            measure: measure, total: total, clientCount: positive.count, top: entries, topShare: entries.last?.cumulativeShare ?? 0,
            largestShare: largest, herfindahl: herfindahl)
        return (view, warnings)
    }
}
