import Foundation
import Receivables

/// A date, period, amount, number or duration found in free text, with its place in the text:
/// what the `extract` RPC method returns, for editors (like Duckling).
public struct ExtractedEntity: Hashable, Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case date, period, amount, number, duration
    }

    /// The value, in the JSON forms of `intents.md`.
    public enum Value: Hashable, Sendable, Encodable {
        case day(Day)
        case range(DayRange)
        case money(Money)
        case integer(Int)
        /// A number with decimals, exact: "1,5" is 150 hundredths.
        case decimal(hundredths: Int64)
        case days(Int)
        case months(Int)

        public func encode(to encoder: any Encoder) throws {
            var single = encoder.singleValueContainer()
            switch self {
            case .day(let day): try single.encode(day)
            case .range(let range): try single.encode(range)
            case .money(let money): try single.encode(money)
            case .integer(let value): try single.encode(value)
            case .decimal(let hundredths):
                // Exact in JSON: a decimal literal, never a binary fraction.
                try single.encode(Decimal(hundredths) / 100)
            case .days(let days): try single.encode(["days": days])
            case .months(let months): try single.encode(["months": months])
            }
        }
    }

    public var kind: Kind
    /// The text as written.
    public var text: String
    /// UTF-16 offsets in the input.
    public var start: Int
    public var end: Int
    public var value: Value
}

extension EntityExtractor {
    /// Every date, period, amount, number and duration in `text`, resolved against `today`
    /// (dates without a year are read forward, by the conventions of `intents.md`).
    public static func entities(in text: String, today: Day) -> [ExtractedEntity] {
        let tokens = TextNormalizer.tokenize(text)
        let utf16 = Array(text.utf16)
        return extract(tokens).compactMap { mention in
            let start = tokens[mention.tokens.lowerBound].start
            let end = tokens[mention.tokens.upperBound - 1].end
            let written = String(decoding: utf16[start..<end], as: UTF16.self)
            func make(_ kind: ExtractedEntity.Kind, _ value: ExtractedEntity.Value) -> ExtractedEntity {
                ExtractedEntity(kind: kind, text: written, start: start, end: end, value: value)
            }
            switch mention.value {
            case .amount(let money): return make(.amount, .money(money))
            case .number(let n): return make(.number, .integer(n))
            case .decimal(let money): return make(.number, .decimal(hundredths: money.cents))
            case .ordinal(let rank): return rank > 0 ? make(.number, .integer(rank)) : nil
            case .duration(let days, let months):
                return months > 0 && days == 0 ? make(.duration, .months(months)) : make(.duration, .days(days + months * 30))
            case .date(let expression):
                // "réglé le 15 mars", "depuis le 3": a day of the past; otherwise the next one.
                let before = tokens[max(0, mention.tokens.lowerBound - 6)..<mention.tokens.lowerBound].map(\.text)
                    .reversed().prefix(while: { ![".", ";", "!", "?"].contains($0) })
                let orientation: DateOrientation = before.contains(where: Lexicon.pastCues.contains) ? .past : .future
                if expression.isPeriod {
                    return expression.resolvePeriod(today: today, orientation: orientation).map { make(.period, .range($0)) }
                }
                return expression.resolveDay(today: today, orientation: orientation).map { make(.date, .day($0)) }
            case .invoice, .email, .phone, .file: return nil
            }
        }
    }
}
