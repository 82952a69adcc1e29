import Foundation
import Receivables
import Testing

@testable import FrenchParsing

/// Whatever is typed, the parser answers: no crash, a confidence between 0 and 1, and an
/// intent of the catalog — on random mixes of French words, numbers, symbols, emoji,
/// combining accents and control characters, and on very long inputs.
@Suite struct RobustnessTests {
    static let pieces = """
        qui est en retard combien me doit Dupont Martin et le la les de du à au 1 200,50 € 12k 1,5 M€ 31 février fin mars \
        mi- lundi en huit sous huitaine entre jusqu' d'ici l' qu' ' ’ - . , / @ ? ! : ; « » 😀 é œ ß 0 000 -5 +33 06 12 34 \
        F-2026-001 FA0042 facture payé réglé annule aide l'autre le deuxième oui valide échéancier en 4 fois acompte par \
        mail recommandé mise demeure relance \u{0301} \u{202F} \u{00A0} \t \u{0000} \u{FEFF} 𝔄 ﬁ İ ١٢٣ 二十
        """.split(separator: " ").map(String.init)

    @Test func randomInputsAreAnswered() {
        let parser = FrenchParser(
            directory: ClientDirectory([
                .init(id: 1, name: "Boulangerie Dupont", code: "DUPONT"), .init(id: 2, name: "Martin SARL", code: "MS"),
                .init(id: 3, name: "Martin & Fils", code: "MF"),
            ]))
        var generator = SplitMix64(seed: 20_261_122)
        var context = DialogueContext()
        for _ in 0..<3000 {
            let count = Int.random(in: 0...20, using: &generator)
            let separator = Bool.random(using: &generator) ? " " : ""
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &generator)! }.joined(separator: separator)
            let parsed = parser.parse(text, today: Day(year: 2026, month: 11, day: 22)!, context: context)
            #expect(parsed.confidence.isFinite && (0...1).contains(parsed.confidence), "\(text)")
            if let ambiguity = parsed.ambiguity { context.pending = ambiguity } else { context.record(parsed.intent, parsed.entities) }
        }
    }

    @Test(arguments: [
        String(repeating: "x", count: 100_000), String(repeating: "1", count: 5_000), String(repeating: "- ", count: 3_000),
        String(repeating: "le ", count: 5_000) + "15", String(repeating: "😀", count: 10_000),
    ])
    func longInputsAreAnswered(text: String) {
        let parsed = FrenchParser(directory: ClientDirectory([])).parse(text, today: Day(year: 2026, month: 11, day: 22)!)
        #expect(parsed.intent == .unknown || IntentID.allCases.contains(parsed.intent))
    }

    /// Inputs libFuzzer found crashing the parser (`Scripts/fuzz.sh`), kept as regressions:
    /// figures too long for an `Int` in a date, a count of days that overflows once multiplied.
    @Test(arguments: [
        "le 12345678901234567890/1", "99999999999999999999-01-02", "Dupont paie 1/99999999999999999999/2026",
        "dans 9223372036854775807j", "relance dans 999999999999999999 semaines", "sous 4611686018427387904 mois",
    ])
    func fuzzerFindings(text: String) {
        let today = Day(year: 2026, month: 11, day: 22)!
        let parsed = FrenchParser(directory: ClientDirectory([])).parse(text, today: today)
        #expect(parsed.confidence.isFinite && (0...1).contains(parsed.confidence))
        for entity in EntityExtractor.entities(in: text, today: today) {
            #expect(entity.kind != .duration && entity.kind != .date, "\(entity)")
        }
    }

    @Test func aLoneWordIsNotAGoodbye() {
        let parser = FrenchParser(directory: ClientDirectory([]))
        #expect(parser.parse("à", today: Day(year: 2026, month: 11, day: 22)!).intent != .quit)
    }
}
