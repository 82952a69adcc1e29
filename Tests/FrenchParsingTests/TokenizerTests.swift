import Foundation
import FrenchParsing
import Testing

/// Proves how typed French is cut into tokens: lower case and accents folded, typographic
/// apostrophes straightened, elisions and hyphenated pronouns split off, while invoice
/// numbers, emails, amounts and dates stay whole; and that every token's UTF-16 offsets
/// point at exactly its original text, with accents and emoji around.
@Suite struct TokenizerTests {
    static func texts(_ utterance: String) -> [String] { TextNormalizer.tokenize(utterance).map(\.text) }

    @Test(arguments: [
        ("l’échéance", ["l'", "echeance"]),
        ("l'échéance", ["l'", "echeance"]),
        ("lʼéchéance", ["l'", "echeance"]),
        ("d’avance", ["d'", "avance"]),
        ("qu’il", ["qu'", "il"]),
        ("jusqu’au 15", ["jusqu'", "au", "15"]),
        ("c'est", ["c'", "est"]),
        ("n’a pas payé", ["n'", "a", "pas", "paye"]),
        ("aujourd’hui", ["aujourd'hui"]),
        ("aujourd'hui", ["aujourd'hui"]),
        ("l’Œuvre", ["l'", "oeuvre"]),
    ])
    func elisionsAreSplitAndApostrophesStraightened(utterance: String, expected: [String]) {
        #expect(Self.texts(utterance) == expected)
    }

    /// `fold` straightens ‘ ` ´ too, but only ’ and ' join a word in `tokenize`.
    @Test(arguments: ["l‘échéance", "l`échéance", "l´échéance"])
    func otherApostrophesAlsoMarkAnElision(utterance: String) {
        #expect(Self.texts(utterance) == ["l'", "echeance"])

    }

    @Test(arguments: [
        ("envoie-lui", ["envoie", "lui"]),
        ("Envoie-lui une relance", ["envoie", "lui", "une", "relance"]),
        ("a-t-il payé ?", ["a", "il", "paye", "?"]),
        ("peut-on", ["peut", "on"]),
        ("dis-moi", ["dis", "moi"]),
        ("relance-les", ["relance", "les"]),
        ("après-demain", ["apres-demain"]),
        ("quatre-vingt-dix", ["quatre-vingt-dix"]),
        ("Moreau-Durand", ["moreau-durand"]),
    ])
    func hyphenatedPronounsAreSplitOtherCompoundsKept(utterance: String, expected: [String]) {
        #expect(Self.texts(utterance) == expected)
    }

    @Test(arguments: [
        ("ÉCHÉANCE", ["echeance"]),
        ("Électricité Mercier", ["electricite", "mercier"]),
        ("Café de l'Étoile", ["cafe", "de", "l'", "etoile"]),
        ("Hôtel", ["hotel"]),
        ("Bâtiment Garnier", ["batiment", "garnier"]),
        ("François", ["francois"]),
        ("Lefèvre", ["lefevre"]),
        ("cœur", ["coeur"]),
        ("ex æquo", ["ex", "aequo"]),
        ("Noël", ["noel"]),
    ])
    func accentsAndCaseAreFolded(utterance: String, expected: [String]) {
        #expect(Self.texts(utterance) == expected)
    }

    @Test(arguments: [
        ("F-2026-014", "f-2026-014"),
        ("compta@durand.fr", "compta@durand.fr"),
        ("1.200,50", "1.200,50"),
        ("15/03", "15/03"),
        ("15/03/2026", "15/03/2026"),
        ("2026-11-22", "2026-11-22"),
        ("FA0042", "fa0042"),
        ("06.12.34.56.78", "06.12.34.56.78"),
        ("12k", "12k"),
        ("J.Dupont@Orange.fr", "j.dupont@orange.fr"),
    ])
    func numbersCodesDatesAndEmailsStayWhole(utterance: String, text: String) {
        #expect(Self.texts(utterance) == [text])
        #expect(TextNormalizer.tokenize(utterance).first?.original == utterance)
    }

    @Test func punctuationAndSymbolsAreTokensOfTheirOwn() {
        #expect(Self.texts("Martin & Fils, 1 200 € ?!") == ["martin", "&", "fils", ",", "1", "200", "€", "?", "!"])
        #expect(Self.texts("12k€") == ["12k", "€"])
        #expect(Self.texts("fin.") == ["fin", "."])
        #expect(Self.texts("") == [])
        #expect(Self.texts("   \t ") == [])
    }

    @Test func narrowAndNoBreakSpacesSeparateTokens() {
        #expect(Self.texts("1\u{202F}200,50\u{00A0}€") == ["1", "200,50", "€"])
    }

    @Test func originalKeepsTheTypedText() {
        let tokens = TextNormalizer.tokenize("Réglé à l’Étoile")
        #expect(tokens.map(\.original) == ["Réglé", "à", "l’", "Étoile"])
        #expect(tokens.map(\.text) == ["regle", "a", "l'", "etoile"])
    }

    // MARK: Offsets

    @Test func offsetsAreUTF16WithEmojiAndAccents() {
        let tokens = TextNormalizer.tokenize("Réglé 👍 à l’Étoile")
        #expect(tokens.map(\.start) == [0, 6, 9, 11, 13])
        #expect(tokens.map(\.end) == [5, 8, 10, 13, 19])
    }

    @Test(arguments: [
        "Réglé 👍 à l’Étoile",
        "👨‍👩‍👧 Dupont a payé 1 200,50 € le 15/03 🎉",
        "envoie-lui la F-2026-014 à compta@durand.fr",
        "l’échéance de Café de l'Étoile ? 😅😅",
        "a-t-il payé ? — oui, 980e hier",
        "Œuvre ≠ œuvre, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ok",
        "Re\u{301}gle\u{301} 1 200 €",
    ])
    func offsetsPointAtTheOriginalText(utterance: String) {
        let utf16 = Array(utterance.utf16)
        var previousEnd = 0
        for token in TextNormalizer.tokenize(utterance) {
            #expect(token.start >= previousEnd && token.start < token.end && token.end <= utf16.count)
            let slice = String(decoding: utf16[token.start..<token.end], as: UTF16.self)
            #expect(slice == token.original, "\(token)")
            previousEnd = token.end
        }
    }

    @Test func decomposedAccentsAreFoldedLikeComposedOnes() {
        // "Réglé" typed with combining accents (NFD, as pasted from some systems).
        let decomposed = Self.texts("Re\u{301}gle\u{301} l'e\u{301}che\u{301}ance")
        #expect(decomposed == ["regle", "l'", "echeance"])

    }

    // MARK: Token helpers

    @Test(arguments: [("42", true, 42 as Int?), ("007", true, 7), ("12k", false, nil), ("abc", false, nil), ("1234567890123", true, nil)])
    func numericTokens(text: String, isNumber: Bool, value: Int?) {
        let token = Token(text: text, original: text, start: 0, end: text.utf16.count)
        #expect(token.isNumber == isNumber)
        #expect(token.intValue == value)
    }

    @Test func foldIsIdempotent() {
        for word in ["échéance", "Œuvre", "L’Étoile", "quatre-vingt-dix", "ÇA", "naïve"] {
            let once = TextNormalizer.fold(word)
            #expect(TextNormalizer.fold(once) == once)
            #expect(once == once.lowercased())
            #expect(once.unicodeScalars.allSatisfy { $0.isASCII })
        }
    }
}
