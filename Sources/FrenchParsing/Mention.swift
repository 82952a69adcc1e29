import Receivables

/// Something recognised in the utterance: an amount, a date, an invoice number…, with the
/// tokens it covers.
public struct Mention: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        case amount(Money)
        case number(Int)
        /// A number written with a decimal part that is not money ("1,5").
        case decimal(Money)
        case date(DateExpression)
        /// A span of time: `days` for jours/semaines, `months` for mois/ans.
        case duration(days: Int, months: Int)
        case invoice(String)
        case email(String)
        case phone(String)
        /// A file name: "factures.csv", "FEC2026.txt".
        case file(String)
        case ordinal(Int)
    }

    public var value: Value
    /// Token indices covered.
    public var tokens: Range<Int>

    public init(_ value: Value, tokens: Range<Int>) {
        self.value = value
        self.tokens = tokens
    }
}

extension Mention.Value {
    /// The same amount or number with its sign flipped; `nil` for other values.
    public var negated: Mention.Value? {
        switch self {
        case .amount(let money): return .amount(-money)
        case .decimal(let money): return .decimal(-money)
        case .number(let n): return .number(-n)
        default: return nil
        }
    }

    /// Total days of a duration, a month counting 30 days ("depuis deux mois" → 60).
    public var durationDays: Int? {
        if case .duration(let days, let months) = self { return days + months * 30 }
        return nil
    }
}
