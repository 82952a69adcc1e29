import Receivables
import Testing

@testable import FrenchParsing

/// Client settings said in French (tone, dunning, insolvency, sequence) and what a letter
/// leaves out or how it is written (excluded invoices, format).
@Suite struct ClientSettingsTests {
    static let parser: FrenchParser = try! CorpusTests.load().0
    static func parse(_ text: String) -> ParseResult { parser.parse(text, today: CorpusTests.today) }

    @Test(arguments: [
        ("tutoie Dupont", "tu"), ("on se tutoie avec Girard", "tu"), ("passe Dupont au tutoiement", "tu"),
        ("vouvoie la pharmacie", "vous"), ("avec Dupont on se dit vous", "vous"), ("vouvoyez Durand SAS", "vous"),
    ])
    func tone(text: String, tone: String) {
        let parsed = Self.parse(text)
        #expect(parsed.intent == .clientUpdate)
        #expect(parsed.entities.tone == tone)
    }

    @Test func theAssistantIsNotAClient() {
        #expect(FrenchParser.tone(["tu", "peux", "me", "tutoyer"]) == nil)
    }

    @Test(arguments: [
        ("ne plus relancer Dupont", "stop", nil as String?), ("on ne relance plus Girard", "stop", nil),
        ("arrête de relancer Dupont", "stop", nil), ("plus aucune relance pour Dupont", "stop", nil),
        ("mets Dupont en pause jusqu'au 3 décembre", "pause", "2026-12-03"),
        ("gèle les relances de Girard pendant 15 jours", "pause", "2026-12-07"),
        ("ne relance pas Dupont avant janvier", "pause", "2027-01-01"), ("pas de relance pour Dupont ce mois-ci", "pause", "2026-11-30"),
        ("ne plus relancer Dupont à partir de janvier", "stop", "2027-01-01"), ("reprends les relances de Dupont", "resume", nil),
        ("lève la pause de Dupont", "resume", nil), ("Dupont peut de nouveau être relancé", "resume", nil),
    ])
    func dunning(text: String, dunning: String, date: String?) {
        let parsed = Self.parse(text)
        #expect(parsed.intent == .clientUpdate)
        #expect(parsed.entities.dunning == dunning)
        #expect(parsed.entities.date?.iso == date)
    }

    @Test(arguments: [
        ("arrête les relances pour Dupont car il est en liquidation", "il est en liquidation"),
        ("Durand SAS est en vacances jusqu'au 5 janvier, on ne le relance pas", "en vacances"),
        ("il ne faut plus relancer Girard, c'est réglé en direct", "c'est réglé en direct"),
    ])
    func dunningReason(text: String, note: String) {
        #expect(Self.parse(text).entities.note == note)
    }

    @Test(arguments: [
        "qui n'a pas été relancé ?", "relance Dupont à nouveau", "note pour Dupont : en pause déjeuner", "relances du jour",
        "relance Dupont, il ne paie plus",
    ])
    func notADunningSetting(text: String) {
        let parsed = Self.parse(text)
        #expect(parsed.intent != .clientUpdate)
        #expect(parsed.entities.dunning == nil)
    }

    @Test(arguments: [
        ("Dupont est en redressement judiciaire", "redressement judiciaire"), ("Dupont a fait faillite", "faillite"),
        ("procédure de sauvegarde pour Durand", "procédure de sauvegarde"),
        ("Dupont est en cessation de paiements", "cessation de paiements"),
    ])
    func insolvency(text: String, note: String) {
        let parsed = Self.parse(text)
        #expect(parsed.intent == .clientUpdate)
        #expect(parsed.entities.status == "insolvent")
        #expect(parsed.entities.note == note)
    }

    @Test func aQuestionAboutInsolvencyChangesNothing() {
        #expect(Self.parse("Dupont est-il en redressement judiciaire ?").intent != .clientUpdate)
        #expect(Self.parse("plan de paiement pour Durand SAS en 5 fois").entities.status == nil)
        #expect(Self.parse("sauvegarde la balance âgée en csv").intent == .dataExport)
    }

    @Test func sequence() {
        #expect(Self.parse("Dupont passe sur la séquence douce").entities.sequence == "douce")
        #expect(Self.parse("mets Dupont sur la séquence « grands comptes »").entities.sequence == "grands comptes")
    }

    @Test(arguments: [
        ("rédige une relance pour Dupont sauf la F-2026-014", nil as String?, ["F-2026-014"] as [String]?),
        ("relance Dupont sans la facture F-12 ni la F-13", nil, ["F-12", "F-13"]),
        ("relance Dupont pour la F-12 seulement, pas la F-13", "F-12", ["F-13"]),
        ("relance Dupont sauf pour la facture F-12", nil, ["F-12"]),
        ("relance Dupont qui n'a pas payé la F-12", "F-12", nil),
    ])
    func excludedInvoices(text: String, invoice: String?, exclude: [String]?) {
        let parsed = Self.parse(text)
        #expect(parsed.intent == .reminderDraft)
        #expect(parsed.entities.invoice == invoice)
        #expect(parsed.entities.exclude == exclude)
    }

    @Test(arguments: [
        ("rédige une relance pour Dupont en eml", IntentID.reminderDraft, "eml"),
        ("mise en demeure pour Durand SAS en .eml", .reminderDraft, "eml"),
        ("mets la relance de la pharmacie dans la boîte d'envoi", .reminderDraft, "eml"),
        ("rédige une relance pour Dupont en texte brut", .reminderDraft, "text"),
        ("propose un échéancier pour Dupont en 4 fois au format eml", .planPropose, "eml"),
        ("exporte la balance âgée en csv", .dataExport, "csv"),
    ])
    func format(text: String, intent: IntentID, format: String) {
        let parsed = Self.parse(text)
        #expect(parsed.intent == intent)
        #expect(parsed.entities.format == format)
    }

    @Test(arguments: [
        ("étale la dette de Dupont sur 6 mois", 6, "monthly"), ("échéancier pour Dupont sur 1 an trimestriel", 4, "quarterly"),
        ("propose un échéancier pour Dupont sur 6 mois, tous les trimestres", 2, "quarterly"),
        ("échéancier sur 8 semaines pour Dupont", 8, "weekly"),
        ("étale la dette de Dupont sur 6 semaines toutes les deux semaines", 3, "biweekly"),
    ])
    func installmentsOverASpan(text: String, installments: Int, frequency: String) {
        let parsed = Self.parse(text)
        #expect(parsed.intent == .planPropose)
        #expect(parsed.entities.installments == installments)
        #expect(parsed.entities.frequency == frequency)
    }
}
