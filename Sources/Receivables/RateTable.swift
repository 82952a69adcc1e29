import Foundation

/// A half-year: the unit in which the ECB reference rate and the legal interest rate apply.
///
/// The ECB rate in force on 1 January applies for the whole first half-year, the one in force
/// on 1 July for the second (Code de commerce L441-10); the legal interest rate is likewise set
/// per half-year. Written "2026-H2" in files and JSON, "2e semestre 2026" in French text.
public struct HalfYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year, 1…9999.
    public var year: Int
    /// 1 for January–June, 2 for July–December.
    public var half: Int

    /// A half-year; `half` must be 1 or 2 and `year` within 1…9999.
    public init(year: Int, half: Int) {
        precondition(half == 1 || half == 2, "a half-year is 1 or 2")
        precondition((1...9999).contains(year), "year out of range")
        self.year = year
        self.half = half
    }

    /// The half-year that contains `day`.
    public init(containing day: Day) {
        let c = day.components
        self.init(year: c.year, half: c.month <= 6 ? 1 : 2)
    }

    /// Parses "2026-H2" (also "2026-h2" and "2026-S2", for semestre); `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let year = Int(parts[0]), (1...9999).contains(year), parts[1].count == 2
        else { return nil }
        let letter = parts[1].first!.uppercased()
        guard letter == "H" || letter == "S" else { return nil }
        switch parts[1].last! {
        case "1": self.init(year: year, half: 1)
        case "2": self.init(year: year, half: 2)
        default: return nil
        }
    }

    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool {
        (lhs.year, lhs.half) < (rhs.year, rhs.half)
    }

    /// 1 January or 1 July.
    public var firstDay: Day { Day(year: year, month: half == 1 ? 1 : 7, day: 1)! }
    /// 30 June or 31 December.
    public var lastDay: Day { half == 1 ? Day(year: year, month: 6, day: 30)! : Day(year: year, month: 12, day: 31)! }
    /// The following half-year (2026-H2 → 2027-H1).
    public var next: HalfYear { half == 1 ? HalfYear(year: year, half: 2) : HalfYear(year: year + 1, half: 1) }
    /// The preceding half-year (2026-H1 → 2025-H2).
    public var previous: HalfYear { half == 2 ? HalfYear(year: year, half: 1) : HalfYear(year: year - 1, half: 2) }

    /// "1er semestre 2026", "2e semestre 2026".
    public var french: String { (half == 1 ? "1er" : "2e") + " semestre \(year)" }

    /// "2026-H2": the key of rate files and the JSON form.
    public var description: String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "-H\(half)"
    }
}

extension HalfYear: Codable, CodingKeyRepresentable {
    /// Decodes "2026-H2".
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = HalfYear(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: RateTable.badHalfYearMessage(text)))
        }
        self = value
    }

    /// Encodes "2026-H2".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// "2026-H2" as a dictionary key, so that `[HalfYear: …]` encodes as a JSON object.
    public var codingKey: any CodingKey { RateTable.Key(description) }

    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }
}

/// The half-yearly rates that late-payment interest depends on, in basis points.
///
/// Rates are held in hundredths of a percent (basis points), so 2,15 % is `215`: exact, no
/// floating point. A missing half-year is simply absent; computations report it rather than
/// assume zero.
///
/// **File format** (`init(jsonData:)`, `jsonData()`), one object with three optional members,
/// each mapping a half-year ("2026-H2") to a rate in percent:
/// ```json
/// {
///   "ecb": { "2026-H1": "2,15", "2026-H2": "2,15" },
///   "legal": { "2026-H1": "2,62", "2026-H2": "2.70" },
///   "legalIndividual": { "2026-H1": 6.67 }
/// }
/// ```
/// - `ecb`: the ECB main refinancing rate in force on 1 January / 1 July;
/// - `legal`: the legal interest rate for a creditor who is not a private individual
///   ("autres cas") — the rate of a business's claims on consumers;
/// - `legalIndividual`: the legal interest rate for a creditor who is a private individual.
///
/// A rate is a percent, as a string with a decimal comma or point ("2,15", "2.15", "2,15 %")
/// or a JSON number (`2.15`), with at most two decimals, between -10 % and 100 %. Members whose
/// name starts with "_" are comments and ignored; any other unknown member is an error (a typo
/// must not silently drop a rate). Half-years may be written "2026-H2" or "2026-S2".
/// Written files use French strings ("2,15"), sorted keys, one rate per line.
public struct RateTable: Sendable, Hashable {
    /// ECB main refinancing rate in force on the half-year's first day.
    public var ecb: [HalfYear: Int]
    /// Legal interest rate, creditor other than a private individual ("autres cas").
    public var legalProfessionalCreditor: [HalfYear: Int]
    /// Legal interest rate, creditor a private individual acting outside their trade.
    public var legalIndividualCreditor: [HalfYear: Int]

    public init(
        ecb: [HalfYear: Int] = [:], legalProfessionalCreditor: [HalfYear: Int] = [:],
        legalIndividualCreditor: [HalfYear: Int] = [:]
    ) {
        self.ecb = ecb
        self.legalProfessionalCreditor = legalProfessionalCreditor
        self.legalIndividualCreditor = legalIndividualCreditor
    }

    /// The figures Encaisse ships with (law-fr.md): ECB rates 2023-H1…2026-H2 (2026-H2 is the
    /// last known rate, to be checked) and legal rates 2023-H1…2026-H1 (2026-H2 is not yet
    /// known: the user adds it).
    public static let shipped: RateTable = {
        func h(_ year: Int, _ half: Int) -> HalfYear { HalfYear(year: year, half: half) }
        return RateTable(
            ecb: [
                h(2023, 1): 250, h(2023, 2): 400,
                h(2024, 1): 450, h(2024, 2): 425,
                h(2025, 1): 315, h(2025, 2): 215,
                h(2026, 1): 215, h(2026, 2): 215,
            ],
            legalProfessionalCreditor: [
                h(2023, 1): 206, h(2023, 2): 422,
                h(2024, 1): 507, h(2024, 2): 492,
                h(2025, 1): 371, h(2025, 2): 276,
                h(2026, 1): 262,
            ],
            legalIndividualCreditor: [
                h(2023, 1): 447, h(2023, 2): 682,
                h(2024, 1): 801, h(2024, 2): 816,
                h(2025, 1): 721, h(2025, 2): 665,
                h(2026, 1): 667,
            ])
    }()

    /// This table completed or corrected by `update`: for every half-year present in `update`,
    /// its rate wins.
    public func merging(_ update: RateTable) -> RateTable {
        RateTable(
            ecb: ecb.merging(update.ecb) { _, new in new },
            legalProfessionalCreditor: legalProfessionalCreditor.merging(update.legalProfessionalCreditor) { _, new in new },
            legalIndividualCreditor: legalIndividualCreditor.merging(update.legalIndividualCreditor) { _, new in new })
    }

    /// Every half-year that has at least one rate, in order.
    public var halfYears: [HalfYear] {
        Array(Set(ecb.keys).union(legalProfessionalCreditor.keys).union(legalIndividualCreditor.keys)).sorted()
    }

    /// The accepted range of a rate in a file, in basis points: -10 % … 100 %.
    public static let plausibleRange: ClosedRange<Int> = -1_000...10_000

    // MARK: Percent text

    /// "12,15 %" (no-break space U+00A0, as before € and : before the sign), "2,00 %", "-0,50 %".
    public static func formatPercent(_ basisPoints: Int) -> String {
        formatNumber(basisPoints) + FrenchTypography.noBreakSpace + "%"
    }

    /// "12,15": the rate without the percent sign, as written in rate files.
    public static func formatNumber(_ basisPoints: Int) -> String {
        let magnitude = basisPoints.magnitude
        let fraction = magnitude % 100
        return (basisPoints < 0 ? "-" : "") + "\(magnitude / 100)," + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// Parses a percent into basis points: "2,15" → 215, "2.15 %" → 215, "4" → 400, "-0,5" → -50.
    ///
    /// At most three integer digits and two decimals; `nil` for anything else ("2,155", "abc",
    /// ""). The range is not checked here (see `plausibleRange`).
    public static func basisPoints(parsing text: some StringProtocol) -> Int? {
        let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\t"]
        var body = Substring(String(text)).drop(while: { spaces.contains($0) })
        while let last = body.last, spaces.contains(last) { body = body.dropLast() }
        if body.last == "%" {
            body = body.dropLast()
            while let last = body.last, spaces.contains(last) { body = body.dropLast() }
        }
        var negative = false
        if let first = body.first, first == "-" || first == "−" || first == "+" {
            negative = first != "+"
            body = body.dropFirst()
        }
        let pieces = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        guard (1...2).contains(pieces.count) else { return nil }
        let integer = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        let isDigits: (Substring) -> Bool = { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard (1...3).contains(integer.count), fraction.count <= 2, isDigits(integer), isDigits(fraction),
            pieces.count == 1 || !fraction.isEmpty,
            let whole = Int(integer)
        else { return nil }
        let hundredths = fraction.isEmpty ? 0 : Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        let value = whole * 100 + hundredths
        return negative ? -value : value
    }

    // MARK: JSON file

    /// Reads a rate file (format in the type's documentation).
    /// - Throws: `RateTableError` with a French message saying what is wrong and where.
    public init(jsonData: Data) throws {
        do {
            self = try JSONDecoder().decode(RateTable.self, from: jsonData)
        } catch let error as DecodingError {
            throw RateTableError(decoding: error)
        }
    }

    /// Writes the table as a readable rate file: French decimal strings, sorted keys.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    static let ecbKey = "ecb"
    static let legalKey = "legal"
    static let legalIndividualKey = "legalIndividual"

    static func badHalfYearMessage(_ text: String) -> String {
        "semestre \(quote(text)) invalide\u{00A0}: écrivez par exemple \(quote("2026-H2"))"
    }

    /// « text », with no-break spaces inside the guillemets.
    static func quote(_ text: String) -> String { "«\u{00A0}\(text)\u{00A0}»" }
}

extension RateTable: Codable {
    /// Decodes the rate file format (see the type's documentation).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys where !key.stringValue.hasPrefix("_") {
            guard [Self.ecbKey, Self.legalKey, Self.legalIndividualKey].contains(key.stringValue) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container,
                    debugDescription: "rubrique \(Self.quote(key.stringValue)) inconnue\u{00A0}: les rubriques sont "
                        + "\(Self.quote(Self.ecbKey)), \(Self.quote(Self.legalKey)) et \(Self.quote(Self.legalIndividualKey))")
            }
        }
        func rates(_ name: String) throws -> [HalfYear: Int] {
            guard container.contains(Key(name)) else { return [:] }
            let inner = try container.nestedContainer(keyedBy: Key.self, forKey: Key(name))
            var result: [HalfYear: Int] = [:]
            for key in inner.allKeys {
                guard let halfYear = HalfYear(key.stringValue) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: inner, debugDescription: Self.badHalfYearMessage(key.stringValue))
                }
                let text: String
                if let string = try? inner.decode(String.self, forKey: key) {
                    text = string
                } else if let number = try? inner.decode(Double.self, forKey: key), number.isFinite {
                    // The shortest round-trip text of the number ("2.15"), parsed exactly; "4" for 4.0.
                    text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
                } else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: inner,
                        debugDescription: "taux attendu pour \(halfYear) dans \(Self.quote(name)), par exemple \(Self.quote("2,15"))")
                }
                guard let value = RateTable.basisPoints(parsing: text), RateTable.plausibleRange.contains(value) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: inner,
                        debugDescription: "taux \(Self.quote(text)) invalide pour \(halfYear) dans \(Self.quote(name))\u{00A0}: écrivez "
                            + "un pourcentage d’au plus deux décimales entre -10 et 100, par exemple \(Self.quote("2,15"))")
                }
                result[halfYear] = value
            }
            return result
        }
        self.init(
            ecb: try rates(Self.ecbKey), legalProfessionalCreditor: try rates(Self.legalKey),
            legalIndividualCreditor: try rates(Self.legalIndividualKey))
    }

    /// Encodes the rate file format, rates as French decimal strings ("2,15").
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, rates) in [
            (Self.ecbKey, ecb), (Self.legalKey, legalProfessionalCreditor), (Self.legalIndividualKey, legalIndividualCreditor),
        ] {
            var inner = container.nestedContainer(keyedBy: Key.self, forKey: Key(name))
            for (halfYear, rate) in rates.sorted(by: { $0.key < $1.key }) {
                try inner.encode(RateTable.formatNumber(rate), forKey: Key(halfYear.description))
            }
        }
    }
}

/// A rate file that cannot be read, with a French message for the user.
public struct RateTableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in French: "semestre « 2026-H3 » invalide : …".
    public var message: String

    public init(message: String) { self.message = message }

    init(decoding error: DecodingError) {
        switch error {
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            message = "fichier de taux incorrect\u{00A0}: " + context.debugDescription
        case .dataCorrupted:
            message = "le fichier de taux n’est pas du JSON valide"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            message =
                "fichier de taux incorrect"
                + (path.isEmpty ? "" : " (à \(RateTable.quote(path)))")
                + "\u{00A0}: attendu un objet {\"ecb\": {\"2026-H2\": \"2,15\"}, \"legal\": {…}, \"legalIndividual\": {…}}"
        @unknown default:
            message = "fichier de taux illisible"
        }
    }

    public var description: String { message }
}
