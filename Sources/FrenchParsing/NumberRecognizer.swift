import Receivables

/// Reads a number at a token position: digits in any French format ("1 200,50",
/// "1.200,50", "1200,5", "12k", "1,5M") or words ("mille deux cents").
/// Values are in hundredths so that decimals stay exact.
enum NumberRecognizer {
    struct Match {
        /// The value × 100 (so "1,5" is 150).
        var hundredths: Int64
        var length: Int
        /// Written with a decimal part.
        var hasFraction: Bool
        /// A multiplier was attached ("12k", "1,5 M").
        var scaled: Bool
        var inWords: Bool
    }

    static let multipliers: [String: Int64] = ["k": 1_000, "m": 1_000_000, "md": 1_000_000_000, "mds": 1_000_000_000]
    static let multiplierWords: [String: Int64] = [
        "mille": 1_000, "mil": 1_000, "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000, "milliards": 1_000_000_000,
    ]

    static func match(_ tokens: [Token], at index: Int) -> Match? {
        let token = tokens[index]
        if token.text.first?.isASCIINumber == true {
            return digits(tokens, at: index)
        }
        if NumberWords.isNumberWord(token.text) {
            var end = index
            var words: [String] = []
            while end < tokens.count,
                NumberWords.isNumberWord(tokens[end].text)
                    || (tokens[end].text == "et" && !words.isEmpty && end + 1 < tokens.count
                        && NumberWords.isNumberWord(tokens[end + 1].text))
            {
                words.append(tokens[end].text)
                end += 1
            }
            // "un" or "une" alone is an article, not a number, unless a unit follows (handled by callers).
            guard let value = NumberWords.value(of: words) else { return nil }
            return Match(hundredths: Int64(value) * 100, length: end - index, hasFraction: false, scaled: false, inWords: true)
        }
        return nil
    }

    private static func digits(_ tokens: [Token], at index: Int) -> Match? {
        var text = tokens[index].text
        var length = 1
        var multiplier: Int64 = 1
        // Attached suffixes: "12k", "1,5m", "980e" (euros), "12k€" is split by the tokenizer.
        if let last = text.utf8.last, (last | 0x20) >= 97 && (last | 0x20) <= 122 {
            var suffix = ""
            while let l = text.last, l.isLetter {
                suffix = String(l) + suffix
                text.removeLast()
            }
            if let m = multipliers[suffix] {
                multiplier = m
            } else if suffix == "e" || suffix == "eur" || suffix == "euros" {
                // "980e": euros, the currency is read by the amount recogniser from the original token.
            } else {
                return nil
            }
        }
        guard text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 44 || $0 == 46 || $0 == 39 }) else { return nil }
        // "1 200 000,50": groups of three digits typed with spaces.
        if multiplier == 1, text.count <= 3, text.allSatisfy(\.isASCIINumber) {
            var end = index + 1
            var merged = text
            while end < tokens.count {
                let next = tokens[end].text
                let head = next.prefix(while: \.isASCIINumber)
                guard head.count == 3, tokens[end].start == tokens[end - 1].end + 1 || tokens[end].start > tokens[end - 1].end else {
                    break
                }
                let rest = next.dropFirst(3)
                guard
                    rest.isEmpty
                        || ((rest.first == "," || rest.first == ".") && rest.count <= 3 && rest.dropFirst().allSatisfy(\.isASCIINumber))
                else { break }
                merged += next
                end += 1
                if !rest.isEmpty { break }
            }
            if end > index + 1 {
                text = merged.replacingOccurrences(of: ".", with: ",")
                length = end - index
            }
        }
        // Plain digits ("30", "1200"), by far the most common: no general parsing needed.
        let money: Money
        if text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), text.utf8.count <= 15, let value = Int64(text) {
            money = Money(cents: value * 100)
        } else if let parsed = Money(parsing: text) {
            money = parsed
        } else {
            return nil
        }
        // A following multiplier word: "1,2 k€", "3 millions", "5 mille".
        if multiplier == 1, index + length < tokens.count {
            let next = tokens[index + length].text
            if let m = multipliers[next] ?? multiplierWords[next] {
                multiplier = m
                length += 1
            } else if next == "k€" {
                multiplier = 1_000
                // Leave "€" understood: the amount recogniser sees "k€" too.
                length += 1
            }
        }
        let (value, overflow) = money.cents.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        return Match(
            hundredths: value, length: length, hasFraction: text.utf8.contains(UInt8(ascii: ",")) || text.utf8.contains(UInt8(ascii: ".")),
            scaled: multiplier != 1, inWords: false)
    }
}
