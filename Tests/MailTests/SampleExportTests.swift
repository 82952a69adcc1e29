import Foundation
import Testing

@testable import Mail

/// Writes sample messages into `$EML_SAMPLES_DIR` so that CI can check them with Python's
/// e-mail parser: `Scripts/check-eml.py "$EML_SAMPLES_DIR"/*.eml`. Skipped when unset.
@Suite("Sample export")
struct SampleExportTests {
    static let directory = ProcessInfo.processInfo.environment["EML_SAMPLES_DIR"]

    /// Messages that exercise every encoding path.
    static var samples: [(stem: String, message: EmailMessage)] {
        [
            ("relance-francaise", sampleMessage()),
            (
                "relance-societe-generale",
                sampleMessage(
                    from: MailAddress(name: "Atelier Durand — Comptabilité", address: "compta@atelier-durand.fr"),
                    to: [
                        MailAddress(name: "Société Générale d’Équipement", address: "factures@sge.fr"),
                        MailAddress(name: "Dupont, Jean", address: "jean.dupont@sge.fr"),
                        MailAddress(address: "compta@sge.fr"),
                    ],
                    cc: [MailAddress(name: "J. Martin \"le chef\"", address: "martin@atelier-durand.fr")],
                    replyTo: MailAddress(name: "Émilie (relances)", address: "relances@atelier-durand.fr"),
                    subject: "Relance\u{00A0}: facture F-2026-014 — 1\u{202F}200,50\u{00A0}€ dû",
                    body: """
                        Madame, Monsieur,

                        Sauf erreur de notre part, la facture F-2026-014 du 15/09/2026, d’un montant de 1\u{202F}200,50\u{00A0}€, \
                        reste impayée à ce jour.

                        Nous vous remercions de bien vouloir procéder à son règlement.

                        Cordialement,
                        Émilie — Atelier Durand

                        """,
                    messageID: nil,
                    extraHeaders: [("X-Encaisse-Client", "Société Générale d’Équipement"), ("X-Encaisse-Invoice", "F-2026-014")])
            ),
            (
                "long-subject-emoji",
                sampleMessage(
                    subject: String(String(repeating: "Relance échéance dépassée 😀 — facture n° 42 ; ", count: 10).prefix(300)),
                    body: String(repeating: "Ligne très longue avec des accents éèàù et des emoji 👨‍👩‍👧‍👦 ", count: 20)
                        + "\nfin   \n.\nFrom here\n",
                    extraHeaders: [
                        ("X-Encaisse-Relance-Identifiant-Facture", "Valeur accentuée très longue " + String(repeating: "é", count: 80))
                    ])
            ),
            ("ascii-long-word", sampleMessage(subject: String(repeating: "A", count: 200), body: String(repeating: "=", count: 200))),
            (
                "injection",
                sampleMessage(
                    from: MailAddress(name: "Evil\r\nBcc: victim@example.com", address: "a@b.fr"),
                    subject: "Hello\r\nBcc: victim@example.com", body: "body\r\nwith CRLF\rand CR\n")
            ),
        ]
    }

    @Test("Writes samples for Scripts/check-eml.py", .enabled(if: directory != nil))
    func writeSamples() throws {
        let directory = URL(fileURLWithPath: try #require(Self.directory), isDirectory: true)
        for (stem, message) in Self.samples {
            let url = try Outbox.write(message, to: directory, stem: stem)
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
    }

    @Test("Samples are well formed")
    func samplesWellFormed() {
        for (_, message) in Self.samples where !message.to.isEmpty {
            #expect(throws: Never.self) { try message.validate() }
            expectWellFormedHeaders(ParsedMessage(message.rendered()))
        }
    }
}
