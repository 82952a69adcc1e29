import FrenchParsing
import Receivables
import Testing

/// Proves that amounts typed in any French way — digits with spaces, points or commas,
/// multipliers (k€, M€), words, slang, glued "e", HT/TTC — are extracted as one exact amount
/// in cents covering the whole expression, and that bare numbers are not taken for money.
@Suite struct AmountTests {
    static func mentions(_ text: String) -> [Mention] {
        EntityExtractor.extract(TextNormalizer.tokenize(text))
    }

    @Test(arguments: [
        ("1 200,50 €", Int64(120_050)),
        ("1.200,50 €", 120_050),
        ("1200,5 euros", 120_050),
        ("1,2 k€", 120_000),
        ("12k", 1_200_000),
        ("12k€", 1_200_000),
        ("12 k€", 1_200_000),
        ("1,5 M€", 150_000_000),
        ("1,5M€", 150_000_000),
        ("1 200 € HT", 120_000),
        ("1200 € TTC", 120_000),
        ("mille deux cents euros", 120_000),
        ("quatre-vingt-dix euros", 9_000),
        ("deux cents euros", 20_000),
        ("vingt et un euros", 2_100),
        ("200 balles", 20_000),
        ("980e", 98_000),
        ("980 €", 98_000),
        ("150 eur", 15_000),
        ("150 EUR", 15_000),
        ("1 200 000,50 €", 120_000_050),
        ("€ 1 200", 120_000),
        ("3 millions d'euros", 300_000_000),
        ("0,50 €", 50),
        ("12,3 €", 1_230),
        ("1.200 €", 120_000),
        ("1 euro", 100),
        ("-50 €", -5_000),
    ])
    func amountIsExtractedExactly(text: String, cents: Int64) throws {
        let found = Self.mentions(text)
        let mention = try #require(found.first { if case .amount = $0.value { true } else { false } })
        #expect(mention.value == .amount(Money(cents: cents)))
        #expect(found.count == 1, "\(found)")
    }

    @Test(arguments: [
        ("1 200,50 €", 0..<3), ("1.200,50 €", 0..<2), ("1,2 k€", 0..<3), ("12k", 0..<1), ("1 200 € HT", 0..<4),
        ("mille deux cents euros", 0..<4), ("200 balles", 0..<2), ("980e", 0..<1),
    ])
    func amountCoversItsWholeExpression(text: String, tokens: Range<Int>) throws {
        let mention = try #require(Self.mentions(text).first)
        #expect(mention.tokens == tokens)
    }

    @Test(arguments: [
        ("il a payé 1 200,50 € hier", Int64(120_050)),
        ("relance Moreau pour 450 euros", 45_000),
        ("j'ai reçu un virement de 2,5k€ de Dupont", 250_000),
        ("encaissé mille euros en espèces", 100_000),
    ])
    func amountInsideASentence(text: String, cents: Int64) {
        let amounts = Self.mentions(text).compactMap { mention -> Money? in
            if case .amount(let money) = mention.value { return money }
            return nil
        }
        #expect(amounts == [Money(cents: cents)])
    }

    /// "d'euros" after a number in words: "un million d'euros" is money, as "3 millions d'euros" is.
    @Test(arguments: [("un million d'euros", Int64(100_000_000)), ("deux millions d'euros", 200_000_000), ("dix mille d'euros", 1_000_000)])
    func numberInWordsFollowedByDEurosIsMoney(text: String, cents: Int64) {
        #expect(Self.mentions(text).map(\.value) == [.amount(Money(cents: cents))])

    }

    /// "deux euros cinquante" is 2,50 €, not 2 € and a stray 50.
    @Test(arguments: [("deux euros cinquante", Int64(250)), ("12 euros 50", 1_250), ("3 € 20", 320)])
    func eurosThenCentsIsOneAmount(text: String, cents: Int64) {
        #expect(Self.mentions(text).map(\.value) == [.amount(Money(cents: cents))])

    }

    @Test(arguments: [("42", 42), ("1200", 1_200), ("trois", 3), ("deux mille", 2_000)])
    func bareNumbersAreNumbersNotMoney(text: String, value: Int) {
        #expect(Self.mentions(text).map(\.value) == [.number(value)])
    }

    @Test func decimalWithoutCurrencyIsADecimal() {
        #expect(Self.mentions("1,5").map(\.value) == [.decimal(Money(cents: 150))])
    }

    @Test(arguments: ["un", "une", "un client"])
    func articleUnIsNotANumber(text: String) {
        #expect(Self.mentions(text).isEmpty)
    }

    @Test func minusSeparatedBySpaceIsNotANegativeAmount() {
        #expect(Self.mentions("- 50 €").map(\.value) == [.amount(Money(cents: 5_000))])
    }
}
