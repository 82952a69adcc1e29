import Foundation
import FrenchParsing
import Testing

/// Proves how a client is found by name among the demo clients: partial names, case and
/// accents ignored, one typo forgiven, prefixes, legal forms that disambiguate, "Martin"
/// alone answered with a question rather than a guess, ordinary French words never taken
/// for a client, and suggestions for a name that matched nothing.
@Suite struct ClientMatchingTests {
    static let directory: ClientDirectory = {
        struct Line: Decodable {
            var id: Int64
            var name: String
        }
        let url = Bundle.module.url(forResource: "Corpus", withExtension: nil)!.appendingPathComponent("clients.json")
        let lines = try! JSONDecoder().decode([Line].self, from: Data(contentsOf: url))
        return ClientDirectory(lines.map { .init(id: $0.id, name: $0.name, code: "C\($0.id)") })
    }()

    static func match(_ text: String, excluded: Set<Int> = [], restrictedTo allowed: Set<Int64>? = nil) -> ClientMatch {
        directory.match(TextNormalizer.tokenize(text), excluded: excluded, restrictedTo: allowed).match
    }

    static func uniqueName(_ text: String) -> String? {
        if case .unique(let entry) = match(text) { return entry.name }
        return nil
    }

    @Test func directoryHoldsTheDemoClients() {
        #expect(Self.directory.entries.count == 29)
        #expect(Self.directory.entries.contains { $0.name == "Martin & Fils" })
    }

    @Test(arguments: [
        ("Dupont", "Boulangerie Dupont"),
        ("dupont", "Boulangerie Dupont"),
        ("DUPONT", "Boulangerie Dupont"),
        ("Boulangerie Dupont", "Boulangerie Dupont"),
        ("combien me doit Dupont ?", "Boulangerie Dupont"),
        ("Moreau", "Garage Moreau"),
        ("relance le garage", "Garage Moreau"),
        ("Lemoine", "Serrurerie Lemoine"),
        ("pharmacie", "Pharmacie du Marché"),
        ("facture de la pharmacie du marché", "Pharmacie du Marché"),
        ("la table de léa", "Restaurant La Table de Léa"),
        ("Perrin", "Julien Perrin"),
        ("Claire Lefèvre", "Claire Lefèvre"),
        ("lefevre", "Claire Lefèvre"),
        ("Électricité Mercier", "Électricité Mercier"),
        ("electricite", "Électricité Mercier"),
        ("hotel des voyageurs", "Hôtel des Voyageurs"),
        ("Bâtiment Garnier", "Bâtiment Garnier SA"),
        ("Optique Francois", "Optique François"),
        ("C12", "Hôtel des Voyageurs"),
        ("clinique véto", "Clinique Vétérinaire Morel"),
        ("la clinique véto a réglé 1 980 €", "Clinique Vétérinaire Morel"),
    ])
    func partialNamesCaseAndAccentsAreIgnored(text: String, name: String) {
        #expect(Self.uniqueName(text) == name)
    }

    @Test(arguments: [
        ("Moreaux", "Garage Moreau"),
        ("Durant", "Durand SAS"),
        ("Fournié", "Cabinet Fournier"),
        ("Lemoinne", "Serrurerie Lemoine"),
        ("Girrard", "Transports Girard"),
        ("Dupond", "Boulangerie Dupont"),
        ("boulangrie", "Boulangerie Dupont"),
    ])
    func oneTypoIsForgiven(text: String, name: String) {
        #expect(Self.uniqueName(text) == name)
    }

    @Test(arguments: [("boulang", "Boulangerie Dupont"), ("serrur", "Serrurerie Lemoine"), ("Imprim", "Imprimerie Roux")])
    func prefixesOfAtLeastFourLetters(text: String, name: String) {
        #expect(Self.uniqueName(text) == name)
    }

    /// ClientDirectory.swift documents "véto" as found for "Vétérinaire".
    @Test(arguments: ["véto", "veto", "le véto"])
    func vetoNamesTheVeterinaryClinic(text: String) {
        #expect(Self.uniqueName(text) == "Clinique Vétérinaire Morel")

    }

    @Test(arguments: ["Étoile", "etoile", "ETOILE", "l'Étoile", "café de l’étoile", "le café"])
    func etoileNamesTheCafe(text: String) {
        #expect(Self.uniqueName(text) == "Café de l'Étoile")
    }

    // MARK: The two Martins

    @Test(arguments: ["martin", "Martin", "et Martin ?", "combien doit Martin"])
    func martinAloneIsAmbiguous(text: String) {
        guard case .ambiguous(_, let candidates) = Self.match(text) else {
            Issue.record("\(text): \(Self.match(text))")
            return
        }
        #expect(Set(candidates.map(\.name)) == ["Martin SARL", "Martin & Fils"])
    }

    @Test(arguments: [
        ("martin sarl", "Martin SARL"), ("Martin SARL", "Martin SARL"), ("la SARL Martin", "Martin SARL"),
        ("martin et fils", "Martin & Fils"), ("Martin & Fils", "Martin & Fils"), ("martin & fils", "Martin & Fils"),
        ("Martin et Fils a payé", "Martin & Fils"),
    ])
    func legalFormOrSecondWordSettlesTheMartins(text: String, name: String) {
        #expect(Self.uniqueName(text) == name)
    }

    @Test func legalFormAloneChoosesAmongOfferedCandidates() {
        let match = Self.match("la SARL", restrictedTo: [2, 3])
        #expect(match == .unique(.init(id: 2, name: "Martin SARL", code: "C2")))
        #expect(Self.match("celui de Fils", restrictedTo: [2, 3]) == .unique(.init(id: 3, name: "Martin & Fils", code: "C3")))
    }

    @Test func restrictionExcludesOtherClients() {
        #expect(Self.match("Dupont", restrictedTo: [2, 3]) == ClientMatch.none)
    }

    // MARK: Never a client

    @Test(arguments: [
        "comment ça marche", "comment ça marche ?", "qui est en retard ?", "bonjour", "merci beaucoup", "la sarl", "marché",
        "combien on me doit au total", "liste des factures impayées", "annule", "aide", "",
    ])
    func ordinaryWordsNeverNameAClient(text: String) {
        #expect(Self.match(text) == ClientMatch.none)
    }

    @Test func excludedPositionsAreNotReadAsNames() {
        let tokens = TextNormalizer.tokenize("Dupont 1 200 €")
        #expect(Self.directory.match(tokens, excluded: [0]).match == ClientMatch.none)
    }

    @Test func spanGivesThePositionsOfTheName() {
        let result = Self.directory.match(TextNormalizer.tokenize("combien me doit la pharmacie du marché ?"))
        #expect(result.span == [4, 6])
        let martin = Self.directory.match(TextNormalizer.tokenize("et Martin ?"))
        #expect(martin.span == [1])
    }

    // MARK: Suggestions

    @Test func suggestionsForACloseMiss() {
        let names = Self.directory.suggestions(for: "Dupond").map(\.name)
        #expect(names.first == "Boulangerie Dupont")
        #expect(names.count <= 3)
    }

    @Test func suggestionsListBothMartins() {
        let names = Self.directory.suggestions(for: "Marten").map(\.name)
        #expect(Set(names.prefix(2)) == ["Martin SARL", "Martin & Fils"])
    }

    @Test(arguments: ["xyz", "ab", "", "zzzzzzzzzz"])
    func noSuggestionForNothingAlike(text: String) {
        #expect(Self.directory.suggestions(for: text).isEmpty)
    }

    @Test func suggestionsRespectTheLimit() {
        #expect(Self.directory.suggestions(for: "Marten", limit: 1).count == 1)
    }
}

/// A client named whole, as an editor or a script names it from the ledger: figures in the
/// name, case and accents aside, two clients of one name refused, codes as a fallback.
@Suite struct ExactNameTests {
    static let directory = ClientDirectory([
        .init(id: 1, name: "Client 1 SARL", code: "C1"), .init(id: 2, name: "Client 2 SARL", code: "C2"),
        .init(id: 3, name: "Café de l’Étoile", code: "ETOILE"), .init(id: 4, name: "Garage Roux", code: "GR1"),
        .init(id: 5, name: "Garage Roux", code: "GR2"),
    ])

    @Test(arguments: [
        ("Client 2 SARL", Int64?(2)), ("client 1 sarl", 1), ("  Client 1 SARL ", 1), ("café de l’étoile", 3), ("CAFE DE L’ETOILE", 3),
        ("etoile", 3), ("C2", 2), ("Garage Roux", nil), ("gr2", 5), ("Client 3 SARL", nil), ("Client", nil), ("", nil),
    ])
    func wholeNames(text: String, id: Int64?) {
        #expect(Self.directory.entry(exactlyNamed: text)?.id == id)
    }
}
