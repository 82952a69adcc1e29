import FrenchParsing
import Testing

/// Proves that French numbers written in words are read to their exact value (France,
/// Belgium and Switzerland), that malformed sequences are refused rather than guessed, and
/// that ordinals in words and abbreviations give their rank.
@Suite struct NumberWordsTests {
    /// Splits as the tokenizer would: on spaces; hyphenated words stay whole.
    static func value(_ text: String) -> Int? {
        NumberWords.value(of: text.split(separator: " ").map(String.init))
    }

    @Test(arguments: [
        ("zero", 0), ("un", 1), ("une", 1), ("deux", 2), ("dix", 10), ("onze", 11), ("seize", 16), ("dix-sept", 17),
        ("dix-neuf", 19), ("vingt", 20), ("vingt et un", 21), ("vingt-et-un", 21), ("vingt-deux", 22), ("trente et une", 31),
        ("trente-deux", 32), ("soixante", 60), ("soixante-dix", 70), ("soixante et onze", 71), ("soixante-douze", 72),
        ("soixante-dix-sept", 77), ("soixante-dix-neuf", 79), ("quatre-vingts", 80), ("quatre vingts", 80),
        ("quatre-vingt", 80), ("quatre-vingt-un", 81), ("quatre-vingt-onze", 91), ("quatre-vingt-dix", 90),
        ("quatre-vingt-dix-neuf", 99), ("cent", 100), ("cent un", 101), ("cent quatre-vingts", 180), ("deux cents", 200),
        ("deux cent trente et un", 231), ("neuf cent quatre-vingt-dix-neuf", 999), ("mille", 1_000), ("mil", 1_000),
        ("mille deux cents", 1_200), ("mille deux cent cinquante", 1_250), ("deux mille", 2_000),
        ("deux mille vingt-six", 2_026), ("vingt-deux mille", 22_000), ("cent mille", 100_000), ("deux cent mille", 200_000),
        ("cinq cents mille", 500_000), ("un million", 1_000_000), ("million", 1_000_000), ("trois millions", 3_000_000),
        ("un million deux cent mille", 1_200_000), ("deux millions trois cent mille", 2_300_000),
        ("trois cent millions", 300_000_000), ("un milliard", 1_000_000_000),
    ])
    func frenchNumbers(text: String, value: Int) {
        #expect(Self.value(text) == value)
    }

    @Test(arguments: [
        ("septante", 70), ("septante-sept", 77), ("septante et un", 71), ("huitante", 80), ("octante", 80),
        ("huitante-cinq", 85), ("nonante", 90), ("nonante-neuf", 99), ("nonante et un", 91), ("mille nonante", 1_090),
    ])
    func belgianAndSwissNumbers(text: String, value: Int) {
        #expect(Self.value(text) == value)
    }

    @Test(arguments: [
        "vingt vingt", "cent cent", "un un", "mille mille", "onze un", "dix dix", "vingt-dix", "soixante-dix-onze",
        "vingt cents", "bonjour", "et", "deux bonjour", "mille deux cent mille", "trente quarante", "douze trois",
    ])
    func malformedSequencesAreRefused(text: String) {
        #expect(Self.value(text) == nil)
    }

    @Test func emptySequenceIsNotANumber() {
        #expect(NumberWords.value(of: []) == nil)
        #expect(NumberWords.value(of: ["et"]) == nil)
    }

    @Test(arguments: [
        ("vingt", true), ("quatre-vingt-dix", true), ("cent", true), ("cents", true), ("mille", true), ("millions", true),
        ("et", false), ("euros", false), ("vingt-et-un", true), ("bonjour", false), ("dix-bonjour", false),
    ])
    func numberWordRecognition(word: String, isNumber: Bool) {
        #expect(NumberWords.isNumberWord(word) == isNumber)
    }

    // MARK: Ordinals

    @Test(arguments: [
        ("premier", 1), ("premiere", 1), ("1er", 1), ("1ere", 1), ("1re", 1), ("second", 2), ("seconde", 2),
        ("deuxieme", 2), ("2e", 2), ("2eme", 2), ("2nd", 2), ("2nde", 2), ("troisieme", 3), ("3e", 3), ("quatrieme", 4),
        ("cinquieme", 5), ("neuvieme", 9), ("dixieme", 10), ("onzieme", 11), ("seizieme", 16), ("vingtieme", 20),
        ("vingt-et-unieme", 21), ("trentieme", 30), ("centieme", 100), ("12e", 12), ("dernier", -1), ("derniere", -1),
    ])
    func ordinals(word: String, rank: Int) {
        #expect(NumberWords.ordinal(word) == rank)
    }

    @Test(arguments: ["bonjour", "e", "0e", "facture", "2", "vingt", "eme", "1000e"])
    func nonOrdinalsAreRefused(word: String) {
        #expect(NumberWords.ordinal(word) == nil)
    }
}
