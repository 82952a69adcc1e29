import Foundation
import Receivables
import Testing

/// Proves that money is exact integer cents, displayed with French typography, read back
/// from every common written format, and encoded as the JSON object of rpc.md.
@Suite struct MoneyTests {
    static let nnbsp = "\u{202F}"  // thousands separator
    static let nbsp = "\u{00A0}"  // before €

    // MARK: Display

    @Test(arguments: [
        (Int64(120_050), "1\u{202F}200,50\u{00A0}€"),
        (5, "0,05\u{00A0}€"),
        (0, "0,00\u{00A0}€"),
        (-3_500, "-35,00\u{00A0}€"),
        (100_000_000, "1\u{202F}000\u{202F}000,00\u{00A0}€"),
        (99, "0,99\u{00A0}€"),
        (100, "1,00\u{00A0}€"),
        (99_999, "999,99\u{00A0}€"),
        (100_000, "1\u{202F}000,00\u{00A0}€"),
        (1_234_567_890, "12\u{202F}345\u{202F}678,90\u{00A0}€"),
        (-120_050, "-1\u{202F}200,50\u{00A0}€"),
        (-5, "-0,05\u{00A0}€"),
        (10, "0,10\u{00A0}€"),
    ])
    func formattedUsesFrenchTypography(cents: Int64, expected: String) {
        #expect(Money(cents: cents).formatted == expected)
    }

    @Test func formattedNumberHasNoCurrency() {
        #expect(Money(cents: 120_050).formattedNumber == "1\u{202F}200,50")
        #expect(Money(cents: -1).formattedNumber == "-0,01")
    }

    @Test func descriptionIsTheFrenchDisplay() {
        #expect(Money(cents: 4_000).description == "40,00\u{00A0}€")
    }

    @Test func separatorsAreTheNoBreakSpacesNotPlainSpaces() {
        let text = Money(cents: 123_456_78).formatted
        #expect(!text.contains(" "))
        #expect(text.unicodeScalars.filter { $0 == "\u{202F}" }.count == 1)
        #expect(text.unicodeScalars.filter { $0 == "\u{00A0}" }.count == 1)
    }

    // MARK: Parsing

    @Test(arguments: [
        ("1 200,50", Int64(120_050)),
        ("1.200,50", 120_050),
        ("1200,5", 120_050),
        ("1200.50", 120_050),
        ("1,200.50", 120_050),
        ("1200", 120_000),
        ("1 200 €", 120_000),
        ("12,30 EUR", 1_230),
        ("12,30 eur", 1_230),
        ("-12,30", -1_230),
        ("\u{2212}12,30", -1_230),
        ("+12,30", 1_230),
        ("1\u{202F}200,50\u{00A0}€", 120_050),
        ("1\u{00A0}200,50", 120_050),
        ("1'200.50", 120_050),
        ("1.200", 120_000),
        ("1.200.000", 120_000_000),
        ("1,200,000", 120_000_000),
        ("1.234.567,89", 123_456_789),
        ("1,234,567.89", 123_456_789),
        ("1 000 000", 100_000_000),
        ("0,05", 5),
        ("0,5", 50),
        (",5", 50),
        ("12 euros", 1_200),
        ("1 euro", 100),
        ("12€", 1_200),
        ("  42  ", 4_200),
        ("500 HT", 50_000),
        ("500 TTC", 50_000),
        ("999999999999999", 99_999_999_999_999_900),
    ])
    func parsingAcceptsCommonFormats(text: String, cents: Int64) {
        #expect(Money(parsing: text) == Money(cents: cents))
    }

    @Test(arguments: [
        "", "   ", "abc", "€", "EUR", "-", "1,234,5", "12,345", "1,200", "1,2345", "12.345,678", "1 200,505",
        "1.2.3", "1.200,5.0", "--5", "12a", "a12", "1e5", "0x10", "1 200,50 $", "١٢٣", "1000000000000000",
        "1.20.000",
    ])
    func parsingRejectsAmbiguousOrForeignText(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    /// "1 200 € HT": the code strips "€" and then "HT", but only in that order, so an amount
    /// written with both is refused although each suffix alone is accepted.
    @Test(arguments: ["1 200 € HT", "1 200 € TTC", "1 200 EUR HT"])
    func parsingAcceptsCurrencyFollowedByTaxMention(text: String) {
        #expect(Money(parsing: text) == Money(cents: 120_000))

    }

    @Test func formattedThenParsedGivesBackTheSameAmount() {
        var rng = TestRNG(seed: 0x5EED_0001)
        for _ in 0..<2_000 {
            let magnitude = Int64(rng.next() % 100_000_000_000)  // up to a milliard d'euros
            let cents = rng.next() % 2 == 0 ? magnitude : -magnitude
            let money = Money(cents: cents)
            #expect(Money(parsing: money.formatted) == money, "\(money.formatted)")
            #expect(Money(parsing: money.formattedNumber) == money, "\(money.formattedNumber)")
        }
    }

    @Test(arguments: [Int64(0), 1, 99, 100, 999_99, 1_000_00, 123_456_789_01])
    func formattedThenParsedAtBoundaries(cents: Int64) {
        #expect(Money(parsing: Money(cents: cents).formatted) == Money(cents: cents))
        #expect(Money(parsing: Money(cents: -cents).formatted) == Money(cents: -cents))
    }

    // MARK: Arithmetic

    @Test func eurosAndCentsInitialiser() {
        #expect(Money(euros: 1_200, cents: 50).cents == 120_050)
        #expect(Money(euros: 7).cents == 700)
    }

    @Test func arithmeticIsExactOnCents() {
        let a = Money(cents: 10)
        let b = Money(cents: 20)
        #expect((a + b).cents == 30)
        #expect((a - b).cents == -10)
        #expect((-a).cents == -10)
        var c = a
        c += b
        c -= Money(cents: 5)
        #expect(c.cents == 25)
        // 0,10 + 0,20 is exactly 0,30: no floating point anywhere.
        #expect(Money(parsing: "0,10")! + Money(parsing: "0,20")! == Money(parsing: "0,30")!)
    }

    @Test func sumOfManyCentsIsExact() {
        let amounts = Array(repeating: Money(cents: 1), count: 1_000)
        #expect(amounts.sum() == Money(euros: 10))
        #expect([Money]().sum() == .zero)
    }

    @Test func addingReportsOverflowInsteadOfTrapping() {
        #expect(Money(cents: .max).adding(Money(cents: 1)) == nil)
        #expect(Money(cents: .min).adding(Money(cents: -1)) == nil)
        #expect(Money(cents: 1).adding(Money(cents: 2)) == Money(cents: 3))
    }

    @Test func signPredicatesAndOrdering() {
        #expect(Money.zero.isZero && !Money.zero.isPositive && !Money.zero.isNegative)
        #expect(Money(cents: 1).isPositive)
        #expect(Money(cents: -1).isNegative)
        #expect(Money(cents: -1) < Money.zero)
        #expect(Money.min(Money(cents: 3), Money(cents: 2)) == Money(cents: 2))
        #expect(Money.max(Money(cents: 3), Money(cents: 2)) == Money(cents: 3))
        #expect(Money.plausibleMaximum == Money(euros: 1_000_000_000))
    }

    // MARK: JSON

    @Test func encodesAsCentsCurrencyAndDisplay() throws {
        let data = try JSONEncoder().encode(Money(cents: 120_050))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["cents", "currency", "display"])
        #expect(object["cents"] as? Int == 120_050)
        #expect(object["currency"] as? String == "EUR")
        #expect(object["display"] as? String == "1\u{202F}200,50\u{00A0}€")
    }

    @Test(arguments: [
        (#"{"cents":120050,"currency":"EUR","display":"1 200,50 €"}"#, Int64(120_050)),
        (#"{"cents":-3500}"#, -3_500),
        (#"{"cents":5,"currency":"EUR"}"#, 5),
        // A bare number is euros, as a person calling the RPC methods writes it (Money.swift).
        ("1200", 120_000),
        ("-1", -100),
        ("0", 0),
        ("1200.5", 120_050),
        ("1.5", 150),
        ("0.29", 29),
        ("0.1", 10),
        ("19.99", 1_999),
        // A string is read the French way.
        (#""1 200,50 €""#, 120_050),
        (#""12,30""#, 1_230),
        (#""1.200,50""#, 120_050),
    ])
    func decodesFromObjectNumberOrString(json: String, cents: Int64) throws {
        #expect(try JSONDecoder().decode(Money.self, from: Data(json.utf8)) == Money(cents: cents))
    }

    @Test(arguments: [
        #"{"cents":100,"currency":"USD"}"#, #""abc""#, #""12,345""#, "true", "null", #"{"amount":100}"#,
        "12.345", "0.001", "1e20", "92233720368547759",
    ])
    func decodingRejectsOtherCurrenciesAndNonAmounts(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Money.self, from: Data(json.utf8)) }
    }

    @Test func encodeDecodeRoundTrip() throws {
        for cents: Int64 in [0, 1, -1, 120_050, 99_999_999_999] {
            let money = Money(cents: cents)
            #expect(try JSONDecoder().decode(Money.self, from: JSONEncoder().encode(money)) == money)
        }
    }
}

/// The tests' deterministic generator: the project's own SplitMix64.
typealias TestRNG = SplitMix64

extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int { next(in: range) }
}
