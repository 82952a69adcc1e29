import Foundation

/// An exact amount of euros, held as integer cents.
///
/// Money never goes through floating point: arithmetic is on `Int64` cents and reports
/// overflow instead of wrapping, and display follows French typography ("1 200,50 €").
public struct Money: Hashable, Comparable, Sendable, Codable {
    /// The amount in cents of euro; negative for a credit.
    public var cents: Int64

    public init(cents: Int64) { self.cents = cents }

    /// Euros and cents, e.g. `Money(euros: 1200, cents: 50)`.
    public init(euros: Int64, cents: Int64 = 0) { self.cents = euros * 100 + cents }

    public static let zero = Money(cents: 0)

    /// The largest amount Encaisse accepts in one invoice or payment: 1 milliard d'euros.
    /// Anything above is treated as a typing mistake rather than stored.
    public static let plausibleMaximum = Money(euros: 1_000_000_000)

    public var isZero: Bool { cents == 0 }
    public var isPositive: Bool { cents > 0 }
    public var isNegative: Bool { cents < 0 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }

    /// Adds two amounts; traps on overflow, which no plausible ledger reaches
    /// (Int64 cents hold 92 million milliards d'euros).
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.cents += rhs.cents }
    public static func -= (lhs: inout Money, rhs: Money) { lhs.cents -= rhs.cents }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }

    /// Adds without trapping: `nil` when the sum leaves the `Int64` range.
    public func adding(_ other: Money) -> Money? {
        let (sum, overflow) = cents.addingReportingOverflow(other.cents)
        return overflow ? nil : Money(cents: sum)
    }

    public static func min(_ a: Money, _ b: Money) -> Money { a < b ? a : b }
    public static func max(_ a: Money, _ b: Money) -> Money { a < b ? b : a }

    private enum CodingKeys: String, CodingKey { case cents, currency, display }

    /// Decodes `{"cents": 120050, …}`, a French string ("1 200,50 €"), or a bare number of
    /// euros (`1200.5`), the way a person calling the RPC methods writes an amount.
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: CodingKeys.self), let cents = try? container.decode(Int64.self, forKey: .cents) {
            if let currency = try? container.decode(String.self, forKey: .currency), currency != "EUR" {
                throw DecodingError.dataCorruptedError(forKey: .currency, in: container, debugDescription: "seul l’euro (EUR) est accepté")
            }
            self.cents = cents
            return
        }
        let single = try decoder.singleValueContainer()
        if let euros = try? single.decode(Int64.self) {
            let (cents, overflow) = euros.multipliedReportingOverflow(by: 100)
            guard !overflow else { throw DecodingError.dataCorruptedError(in: single, debugDescription: "montant hors limites") }
            self.cents = cents
        } else if let euros = try? single.decode(Double.self), euros.isFinite, abs(euros) < 1e15 {
            let cents = (euros * 100).rounded()
            guard abs(cents - euros * 100) < 0.01 else {
                throw DecodingError.dataCorruptedError(in: single, debugDescription: "un montant a au plus deux décimales")
            }
            self.cents = Int64(cents)
        } else if let text = try? single.decode(String.self), let money = Money(parsing: text) {
            self = money
        } else {
            throw DecodingError.dataCorruptedError(
                in: single, debugDescription: "montant attendu, par exemple 1200.5, \"1 200,50 €\" ou {\"cents\": 120050}")
        }
    }

    /// Encodes as `{"cents": 120050, "currency": "EUR", "display": "1 200,50 €"}` (rpc.md).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cents, forKey: .cents)
        try container.encode("EUR", forKey: .currency)
        try container.encode(formatted, forKey: .display)
    }
}

extension Sequence where Element == Money {
    /// The exact total of the amounts.
    public func sum() -> Money { reduce(.zero, +) }
}
