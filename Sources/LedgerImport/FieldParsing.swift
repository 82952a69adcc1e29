import Foundation
import Receivables

/// Readers of the values of an imported cell: amounts, dates, yes/no, payment modes, terms.
/// Each returns the value or a French reason.
public enum FieldParsing {
    /// The largest amount accepted on a line: beyond, it is a typing slip.
    public static let maximumCents: Int64 = 100_000_000_000

    /// "1 200,50", "1200.50", "1.200,50 €", "1,200.50", "-35,00", "(35,00)", "000123,45",
    /// "12 EUR" → cents. One or two decimals; a single `,` or `.` is the decimal mark.
    public static func amount(_ raw: String) -> Result<Money, Refusal> {
        if let cents = plainAmount(raw) { return .success(Money(cents: cents)) }
        var text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .failure("montant vide") }
        for suffix in ["euros", "euro", "eur", "€"] where text.lowercased().hasSuffix(suffix) {
            text = String(text.dropLast(suffix.count))
        }
        if text.hasPrefix("€") { text.removeFirst() }
        var negative = false
        text = text.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "'" }
        if text.hasPrefix("(") && text.hasSuffix(")") {
            negative = true
            text = String(text.dropFirst().dropLast())
        }
        if text.hasPrefix("-") || text.hasPrefix("−") {
            negative = true
            text.removeFirst()
        } else if text.hasPrefix("+") {
            text.removeFirst()
        } else if text.hasSuffix("-") {
            negative = true
            text.removeLast()
        }
        let commas = text.filter { $0 == "," }.count
        let points = text.filter { $0 == "." }.count
        var integer = text
        var fraction = ""
        if commas > 0 && points > 0 {
            // The last mark is the decimal one, the other groups thousands.
            let decimal: Character = text.lastIndex(of: ",")! > text.lastIndex(of: ".")! ? "," : "."
            let grouping: Character = decimal == "," ? "." : ","
            let parts = text.filter { $0 != grouping }.split(separator: decimal, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return .failure("montant illisible «\u{00A0}\(raw)\u{00A0}»") }
            integer = String(parts[0])
            fraction = String(parts[1])
        } else if commas + points == 1 {
            let parts = text.split(separator: commas == 1 ? "," : ".", omittingEmptySubsequences: false)
            integer = String(parts[0])
            fraction = String(parts[1])
        } else if commas + points > 1 {
            // "1.200.000" or "1,200,000": thousands only.
            let mark: Character = commas > 0 ? "," : "."
            let groups = text.split(separator: mark, omittingEmptySubsequences: false)
            guard commas == 0 || points == 0, groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return .failure("montant illisible «\u{00A0}\(raw)\u{00A0}»")
            }
            integer = groups.joined()
        }
        if integer.isEmpty { integer = "0" }
        guard integer.allSatisfy(\.isASCII), integer.allSatisfy(\.isNumber), fraction.allSatisfy(\.isASCII),
            fraction.allSatisfy(\.isNumber)
        else { return .failure("montant illisible «\u{00A0}\(raw)\u{00A0}»") }
        guard fraction.count <= 2 else {
            return .failure("montant «\u{00A0}\(raw)\u{00A0}» avec plus de deux décimales")
        }
        let digits = integer.drop(while: { $0 == "0" })
        guard digits.count <= 12, let units = Int64(digits.isEmpty ? "0" : String(digits)) else {
            return .failure("montant «\u{00A0}\(raw)\u{00A0}» invraisemblable")
        }
        let cents = units * 100 + (Int64(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
        guard cents <= maximumCents else {
            return .failure("montant «\u{00A0}\(raw)\u{00A0}» invraisemblable (plus d’un milliard d’euros)")
        }
        return .success(Money(cents: negative ? -cents : cents))
    }

    /// The common case read on the bytes: digits, an optional `,` or `.` and one or two
    /// decimals ("1234,56", "99.9", "350"); `nil` for anything else (the general reading).
    static func plainAmount(_ raw: String) -> Int64? {
        var units: Int64 = 0
        var fraction: Int64 = 0
        var decimals = -1
        var digits = 0
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if decimals >= 0 {
                    guard decimals < 2 else { return nil }
                    fraction = fraction * 10 + Int64(byte - 48)
                    decimals += 1
                } else {
                    guard digits < 12 else { return nil }
                    units = units * 10 + Int64(byte - 48)
                    digits += 1
                }
            case UInt8(ascii: ","), UInt8(ascii: "."):
                guard decimals < 0, digits > 0 else { return nil }
                decimals = 0
            default:
                return nil
            }
        }
        guard digits > 0, decimals != 0 else { return nil }
        let cents = units * 100 + (decimals == 1 ? fraction * 10 : fraction)
        return cents <= maximumCents ? cents : nil
    }

    /// "31/12/2026" and "2026-12-31" read on the bytes; `nil` for anything else.
    static func plainDay(_ raw: String) -> Day? {
        var values = [0, 0, 0]
        var lengths = [0, 0, 0]
        var part = 0
        var separator: UInt8 = 0
        for byte in raw.utf8 {
            if byte >= 48 && byte <= 57 {
                guard lengths[part] < 4 else { return nil }
                values[part] = values[part] * 10 + Int(byte - 48)
                lengths[part] += 1
            } else if (byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")) && part < 2 && (separator == 0 || separator == byte) {
                separator = byte
                part += 1
            } else {
                return nil
            }
        }
        guard part == 2 else { return nil }
        if lengths == [2, 2, 4] || lengths == [1, 2, 4] || lengths == [2, 1, 4] || lengths == [1, 1, 4] {
            guard (1990...2100).contains(values[2]) else { return nil }
            return Day(year: values[2], month: values[1], day: values[0])
        }
        if lengths == [4, 2, 2] {
            guard (1990...2100).contains(values[0]) else { return nil }
            return Day(year: values[0], month: values[1], day: values[2])
        }
        return nil
    }

    /// A strictly positive amount, as invoices and payments carry.
    public static func positiveAmount(_ raw: String) -> Result<Money, Refusal> {
        switch amount(raw) {
        case .failure(let reason): return .failure(reason)
        case .success(let money) where !money.isPositive:
            return .failure("montant négatif ou nul «\u{00A0}\(raw)\u{00A0}»")
        case .success(let money): return .success(money)
        }
    }

    /// "31/12/2026", "1/2/26", "31-12-2026", "31.12.2026", "2026-12-31", "20261231", and the same
    /// with a time after a space ("31/12/2026 00:00"). A day that does not exist is refused.
    public static func day(_ raw: String) -> Result<Day, Refusal> {
        if let value = plainDay(raw) { return .success(value) }
        var text = raw.trimmingCharacters(in: .whitespaces)
        if let space = text.firstIndex(where: { $0 == " " || $0 == "T" }), text.distance(from: text.startIndex, to: space) >= 6 {
            text = String(text[..<space])
        }
        guard !text.isEmpty else { return .failure("date vide") }
        // A date cell saved as its Excel serial number (days since 1899-12-30): 46 348.
        if text.count == 5, text.allSatisfy(\.isNumber), let serial = Int(text), (32_874...73_050).contains(serial) {
            return .success(Day(year: 1900, month: 1, day: 1)!.adding(days: serial - 2))
        }
        var fields: (Int, Int, Int)? = nil
        if text.count == 8, text.allSatisfy(\.isNumber) {
            let digits = Array(text)
            fields = (Int(String(digits[0..<4]))!, Int(String(digits[4..<6]))!, Int(String(digits[6..<8]))!)
        } else {
            let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }) else {
                return .failure("date illisible «\u{00A0}\(raw)\u{00A0}» (attendu JJ/MM/AAAA ou AAAA-MM-JJ)")
            }
            let numbers = parts.map { Int($0)! }
            if parts[0].count == 4 {
                fields = (numbers[0], numbers[1], numbers[2])
            } else {
                var year = numbers[2]
                if parts[2].count == 2 {
                    year += 2000
                } else if parts[2].count != 4 {
                    return .failure("date illisible «\u{00A0}\(raw)\u{00A0}» (attendu JJ/MM/AAAA ou AAAA-MM-JJ)")
                }
                fields = (year, numbers[1], numbers[0])
            }
        }
        guard let (year, month, day) = fields, (1990...2100).contains(year) else {
            return .failure("date invraisemblable «\u{00A0}\(raw)\u{00A0}»")
        }
        guard let value = Day(year: year, month: month, day: day) else {
            return .failure("la date «\u{00A0}\(raw)\u{00A0}» n’existe pas")
        }
        return .success(value)
    }

    /// An invoice's status: "payée", "soldée", "réglée", "oui" → paid; "impayée", "à payer",
    /// "en retard", "ouverte", "en attente", "non", "partiellement payée" → not (or not fully)
    /// paid; empty → unknown.
    public static func paidStatus(_ raw: String) -> Result<Bool?, Refusal> {
        let folded = fold(raw)
        if folded.isEmpty { return .success(nil) }
        let words = Set(folded.split(whereSeparator: { !$0.isLetter }).map(String.init))
        let open: Set<String> = [
            "impayee", "impaye", "non", "ouverte", "ouvert", "attente", "retard", "echue", "partiel", "partielle", "partiellement",
            "relance", "relancee", "litige", "emise", "envoyee", "due", "payer", "no", "false", "faux",
        ]
        if !words.isDisjoint(with: open) || folded.hasPrefix("a payer") { return .success(false) }
        let paid: Set<String> = [
            "payee", "paye", "soldee", "solde", "reglee", "regle", "encaissee", "oui", "yes", "true", "vrai", "acquittee",
        ]
        if !words.isDisjoint(with: paid) { return .success(true) }
        return .failure("statut «\u{00A0}\(raw)\u{00A0}» illisible (payée ou impayée)")
    }

    /// oui/non, o/n, 1/0, vrai/faux, yes/no, true/false, x/(vide).
    public static func bool(_ raw: String) -> Result<Bool?, Refusal> {
        let folded = fold(raw)
        if folded.isEmpty { return .success(nil) }
        if ["oui", "o", "1", "vrai", "yes", "y", "true", "x", "fdm", "fin de mois"].contains(folded) { return .success(true) }
        if ["non", "n", "0", "faux", "no", "false"].contains(folded) { return .success(false) }
        return .failure("valeur «\u{00A0}\(raw)\u{00A0}» au lieu de oui ou non")
    }

    /// "virement", "VIR SEPA", "chèque", "chq", "CB", "carte", "prélèvement", "prlv", "espèces"…
    public static func method(_ raw: String) -> Result<PaymentMethod?, Refusal> {
        let folded = fold(raw)
        if folded.isEmpty { return .success(nil) }
        let words = Set(folded.split(whereSeparator: { !$0.isLetter }).map(String.init))
        func has(_ options: [String]) -> Bool { options.contains { words.contains($0) || folded.hasPrefix($0) } }
        if has(["virement", "vir", "transfer", "sepa", "vrt"]) { return .success(.transfer) }
        if has(["cheque", "chq", "ch"]) { return .success(.cheque) }
        if has(["prelevement", "prlv", "prel", "lcr", "directdebit"]) { return .success(.directDebit) }
        if has(["cb", "carte", "card", "tpe"]) { return .success(.card) }
        if has(["especes", "espece", "liquide", "cash", "numeraire"]) { return .success(.cash) }
        return .failure(
            "mode de paiement «\u{00A0}\(raw)\u{00A0}» inconnu (virement, chèque, CB, prélèvement ou espèces)")
    }

    /// "30", "30 jours", "45 jours fin de mois", "60j" → days, and whether end of month is said.
    public static func terms(_ raw: String) -> Result<(days: Int, endOfMonth: Bool)?, Refusal> {
        let folded = fold(raw)
        if folded.isEmpty { return .success(nil) }
        let digits = folded.prefix(while: \.isNumber)
        guard let days = Int(digits), (0...365).contains(days) else {
            return .failure("délai de paiement «\u{00A0}\(raw)\u{00A0}» illisible (un nombre de jours, 0 à 365)")
        }
        let rest = folded.dropFirst(digits.count)
        return .success((days, rest.contains("fin de mois") || rest.contains("fdm") || rest.contains("fm")))
    }

    /// Lower case, no accents, single spaces.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Why a cell is refused, in French; written as a string literal.
public struct Refusal: Error, Sendable, Equatable, ExpressibleByStringInterpolation {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public init(stringLiteral value: String) { reason = value }
    public init(stringInterpolation: DefaultStringInterpolation) { reason = String(stringInterpolation: stringInterpolation) }
}
