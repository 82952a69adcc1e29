import Foundation
import Receivables
import Testing

@testable import FrenchParsing

/// `EntityExtractor.entities(in:today:)`, behind the `extract` RPC method: every date, period,
/// amount, number and duration of a text, with its UTF-16 offsets and its value.
@Suite struct ExtractTests {
    static let today = Day(year: 2026, month: 11, day: 22)!

    static func extract(_ text: String) -> [ExtractedEntity] { EntityExtractor.entities(in: text, today: today) }

    @Test func offsetsAreUTF16AndCoverTheWrittenText() {
        let text = "😀 Réglé 1 200,50 € le 15 mars, relance dans 3 semaines."
        let utf16 = Array(text.utf16)
        for entity in Self.extract(text) {
            #expect(String(decoding: utf16[entity.start..<entity.end], as: UTF16.self) == entity.text)
        }
        #expect(Self.extract(text).map(\.text) == ["1 200,50 €", "le 15 mars", "dans 3 semaines"])
    }

    @Test(arguments: [
        ("payé 1 200,50 € hier", ExtractedEntity.Kind.amount, ExtractedEntity.Value.money(Money(cents: 120_050))),
        ("un acompte de 1,5 k€", .amount, .money(Money(cents: 150_000))),
        ("quatre-vingt-dix-neuf euros", .amount, .money(Money(cents: 9_900))),
        ("nonante-neuf clients", .number, .integer(99)),
        ("la troisième échéance", .number, .integer(3)),
        ("un taux de 2,5", .number, .decimal(hundredths: 250)),
        ("à régler sous huitaine", .date, .day(Day(year: 2026, month: 11, day: 30)!)),
        ("livré lundi en huit", .date, .day(Day(year: 2026, month: 11, day: 30)!)),
        ("paiement à 45 jours", .duration, .days(45)),
        ("étalé sur 6 mois", .duration, .months(6)),
    ])
    func valueOfTheFirstEntity(text: String, kind: ExtractedEntity.Kind, value: ExtractedEntity.Value) {
        let first = Self.extract(text).first
        #expect(first?.kind == kind)
        #expect(first?.value == value)
    }

    @Test func periodsResolveToSpans() {
        let entities = Self.extract("prévisions pour le trimestre prochain et d'ici fin juin")
        #expect(entities.map(\.kind) == [.period, .period])
        #expect(
            entities.first?.value == .range(DayRange(from: Day(year: 2027, month: 1, day: 1)!, to: Day(year: 2027, month: 3, day: 31)!)))
        #expect(entities.last?.value == .range(DayRange(from: Self.today, to: Day(year: 2027, month: 6, day: 30)!)))
    }

    @Test func aDateAfterAPastVerbIsReadBackward() {
        #expect(Self.extract("réglé le 3 mars").first?.value == .day(Day(year: 2026, month: 3, day: 3)!))
        #expect(Self.extract("à régler le 3 mars").first?.value == .day(Day(year: 2027, month: 3, day: 3)!))
    }

    @Test func impossibleDatesAreLeftOut() {
        #expect(Self.extract("échéance le 31 février").isEmpty)
    }

    @Test func plainTextHasNothing() {
        #expect(Self.extract("bonjour, comment allez-vous ?").isEmpty)
    }
}
