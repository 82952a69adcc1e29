import Testing

@testable import Prompts

/// The report sentences and the import summary, both branches of each choice, with French
/// typography (U+00A0 before « : », U+202F before « ; »).
@Suite struct ReportTemplatesTests {
    let library: PromptLibrary

    init() throws { library = try PromptLibrary() }

    @Test func agingWithAndWithoutAmounts() {
        let base: [String: Any] = ["scope": " de Garage Moreau", "asOf": "22/11/2026", "total": "1 000,00 €"]
        #expect(
            library.render(
                "report-aging", base.merging(["hasTotal": true, "overdue": "400,00 €", "overdueShare": "40 %", "over90": "0,00 €"]) { $1 })
                == "Balance âgée de Garage Moreau au 22/11/2026\u{00A0}: 1 000,00 € à encaisser, dont 400,00 € en retard (40 %) et 0,00 € à plus de 90 jours."
        )
        #expect(
            library.render("report-aging", base.merging(["hasTotal": false]) { $1 })
                == "Balance âgée de Garage Moreau au 22/11/2026\u{00A0}: 1 000,00 € à encaisser.")
    }

    @Test func dsoWithoutPaidInvoicesSaysSo() {
        let text = library.render(
            "report-dso",
            [
                "scope": "de votre portefeuille", "asOf": "22/11/2026", "countBack": "45 jours", "hasSimple": true, "simple": "40,0 j",
                "outstanding": "10,00 €", "hasDelay": false,
            ])
        #expect(
            text
                == "DSO de votre portefeuille au 22/11/2026\u{00A0}: 45 jours\u{202F}; méthode simple sur 90 jours\u{00A0}: 40,0 j. Encours\u{00A0}: 10,00 €. Aucune facture soldée sur les douze derniers mois\u{00A0}: pas de délai de paiement observé."
        )
        let withDelay = library.render(
            "report-dso",
            [
                "scope": "de X", "asOf": "1/1", "countBack": "c", "hasSimple": false, "outstanding": "o", "hasDelay": true,
                "paidCount": 3, "weighted": "w", "average": "a", "lateShare": "l",
            ])
        #expect(withDelay.contains("(3 factures soldées)\u{00A0}: w après l’échéance"))
        #expect(!withDelay.contains("méthode simple"))
    }

    @Test func riskConcentrationAndForecast() {
        #expect(
            library.render("report-risk-list", ["count": 12, "risky": 2, "shown": 10])
                == "12 clients avec un encours\u{202F}; 2 classés D ou E. Les 10 plus risqués (note sur 100, 100 = très fiable)\u{00A0}:")
        #expect(
            library.render("report-concentration-none", ["threshold": "20 %"])
                == "Aucun client ne dépasse 20 %\u{00A0}: pas de dépendance forte.")
        #expect(
            library.render("report-forecast-later", ["to": "31/12/2026", "later": "5,00 €"])
                == "Attendu après le 31/12/2026\u{00A0}: 5,00 €.")
        let score = library.render(
            "report-risk-score", ["name": "Dupont", "score": 72, "grade": "B", "gradeLabel": "fiable", "reasons": "a\u{202F}; b"])
        #expect(score == "Dupont\u{00A0}: note 72/100, classe B (fiable). Principales raisons\u{00A0}: a\u{202F}; b.")
    }

    @Test func importSummaryNothingNewAndRefusedLines() {
        let nothing = library.render(
            "data-import",
            [
                "file": "f.csv", "kind": "factures", "encoding": "UTF-8", "hasSeparator": true, "separator": ";", "recordsText": "2 lignes",
                "manyRecords": true, "nothing": true, "hasAlready": true, "alreadyText": "2 factures", "committed": false,
            ])
        #expect(
            nothing
                == "Import de «\u{00A0}f.csv\u{00A0}» (factures, UTF-8, séparateur «\u{00A0};\u{00A0}»)\u{00A0}: 2 lignes lues. Rien de nouveau\u{00A0}: tout était déjà dans le registre (2 factures)."
        )
        let skipped = library.render(
            "data-import",
            [
                "file": "f.csv", "kind": "paiements", "encoding": "Windows-1252", "hasSeparator": false, "recordsText": "1 ligne",
                "manyRecords": false, "nothing": false, "added": "1 paiement", "manyAdded": false, "hasPayments": true,
                "received": "5,00 €", "allocated": "4,00 €", "hasCredit": true, "credit": "1,00 €", "hasSkipped": true,
                "skippedText": "1 ligne", "manySkipped": false, "hasReport": true, "report": "f.erreurs.csv", "committed": true,
            ])
        #expect(skipped.contains("1 ligne lue. Ajouté\u{00A0}: 1 paiement."))
        #expect(skipped.contains("et 1,00 € restent en avoir des clients."))
        #expect(skipped.contains("1 ligne refusée, détail dans «\u{00A0}f.erreurs.csv\u{00A0}»."))
        #expect(skipped.hasSuffix("«\u{00A0}annule\u{00A0}» défait tout l’import."))
    }
}
