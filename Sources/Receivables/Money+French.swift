import Foundation

/// French typography used in every figure Encaisse shows.
public enum FrenchTypography {
    /// Thousands separator: narrow no-break space (U+202F), as in "1 200,50 €".
    public static let thousandsSeparator = "\u{202F}"
    /// Space before the euro sign, a colon or a percent sign: no-break space (U+00A0).
    public static let noBreakSpace = "\u{00A0}"
    /// Space before ; ! ? : narrow no-break space (U+202F).
    public static let narrowNoBreakSpace = "\u{202F}"
}

extension Money {
    /// French display with the euro sign: "1 200,50 €", "-35,00 €", "0,00 €".
    public var formatted: String { formattedNumber + FrenchTypography.noBreakSpace + "€" }

    /// French display without the currency: "1 200,50".
    public var formattedNumber: String {
        let negative = cents < 0
        let magnitude = cents.magnitude
        let euros = magnitude / 100
        let rest = magnitude % 100
        let digits = String(euros)
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += FrenchTypography.thousandsSeparator }
            grouped.append(character)
        }
        let fraction = rest < 10 ? "0\(rest)" : "\(rest)"
        return (negative ? "-" : "") + grouped + "," + fraction
    }

    /// Parses a plain written amount in any common French or international format:
    /// "1 200,50", "1.200,50", "1200,5", "1200.50", "1,200.50", "1200", "1 200 €", "-12,30 EUR".
    ///
    /// Returns `nil` for anything else (letters, more than two decimals, empty string).
    /// Words and multipliers ("1,2 k€", "mille euros") are the parser's business, not this one's.
    public init?(parsing text: String) {
        var body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // "1 200 € HT", "12,30 EUR TTC": strip currency and tax words until none is left.
        var stripped = true
        while stripped {
            stripped = false
            for suffix in ["€", "EUR", "eur", "euros", "euro", "HT", "TTC", "ht", "ttc"] where body.hasSuffix(suffix) {
                body = String(body.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
                stripped = true
            }
        }
        var negative = false
        if body.hasPrefix("-") || body.hasPrefix("−") {
            negative = true
            body.removeFirst()
        } else if body.hasPrefix("+") {
            body.removeFirst()
        }
        // Spaces of any kind group thousands, by three: "1 200" but not "12 30".
        let spaceGroups = body.split(whereSeparator: { $0.isWhitespace || $0 == "\u{202F}" || $0 == "\u{00A0}" || $0 == "'" })
        if spaceGroups.count > 1 {
            let integerGroups = spaceGroups.dropFirst().map { $0.prefix(while: \.isNumber) }
            guard spaceGroups[0].count <= 3, spaceGroups[0].allSatisfy(\.isNumber), integerGroups.allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        let chars = Array(body.filter { !($0.isWhitespace || $0 == "\u{202F}" || $0 == "\u{00A0}" || $0 == "'") })
        guard !chars.isEmpty, chars.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }),
            chars.first!.isNumber || chars.first == "," || chars.first == "."
        else { return nil }
        let separators = chars.enumerated().filter { $0.element == "," || $0.element == "." }
        var integerPart = ""
        var fractionPart = ""
        if let last = separators.last {
            let tail = chars[(last.offset + 1)...]
            let isDecimal: Bool
            if separators.count > 1 {
                // "1.200,50" or "1,200.50": the last separator is decimal when it differs from the others.
                let others = separators.dropLast().map(\.element)
                isDecimal = others.allSatisfy { $0 != last.element } && tail.count <= 2
                // All separators identical and groups of 3: "1.200.000" is an integer.
                if !isDecimal {
                    guard separators.allSatisfy({ $0.element == last.element }) else { return nil }
                }
            } else {
                // A single separator: decimal unless it is followed by exactly three digits
                // and written with a point ("1.200" is mille deux cents; "1,200" is read as 1,20).
                isDecimal = !(last.element == "." && tail.count == 3)
            }
            if isDecimal {
                guard tail.count <= 2 else { return nil }
                fractionPart = String(tail)
                integerPart = String(chars[..<last.offset].filter { $0.isNumber })
                // Grouping separators before the decimal one must group by three.
                if separators.count > 1 {
                    let groups = String(chars[..<last.offset]).split(whereSeparator: { $0 == "," || $0 == "." })
                    guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
                }
            } else {
                let groups = String(chars).split(separator: last.element, omittingEmptySubsequences: false)
                guard groups.count > 1, groups.dropFirst().allSatisfy({ $0.count == 3 }), !groups[0].isEmpty else { return nil }
                integerPart = groups.joined()
            }
        } else {
            integerPart = String(chars)
        }
        if integerPart.isEmpty { integerPart = "0" }
        guard integerPart.count <= 15, let euros = Int64(integerPart) else { return nil }
        let fraction = fractionPart.isEmpty ? 0 : (fractionPart.count == 1 ? Int64(fractionPart)! * 10 : Int64(fractionPart)!)
        let cents = euros * 100 + fraction
        self.init(cents: negative ? -cents : cents)
    }
}

extension Money: CustomStringConvertible {
    public var description: String { formatted }
}
