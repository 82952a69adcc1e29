import Foundation
import Testing

@testable import Mail

@Suite("Addresses and errors")
struct AddressTests {
    @Test(
        "Plausible addresses are valid",
        arguments: [
            "contact@garage-moreau.fr", "jean.dupont@exemple.com", "a@b.co", "compta+relances@atelier-durand.fr",
            "o'brien@example.ie", "x_y-z@sub.domain.example.org", "UPPER@EXAMPLE.FR", "a@xn--gnral-bsab.fr",
            "a@xn--p1ai.xn--p1ai", "1234@123.example.com", "!#$%&'*+-/=?^_`{|}~@example.com",
            String(repeating: "a", count: 64) + "@example.com",
        ])
    func valid(address: String) {
        #expect(MailAddress.isValid(address))
        #expect(throws: Never.self) { try sampleMessage(to: [MailAddress(address: address)]).validate() }
    }

    @Test(
        "Implausible addresses are invalid",
        arguments: [
            "", "plainaddress", "@example.com", "jean@", "jean@localhost", "jean@@example.com", "a@b@example.com",
            "jean dupont@example.com", "jean@exa mple.com", " jean@example.com", "jean@example.com ", "jean@example.com\r\n",
            "jean@example.com\nBcc: x@y.fr", "jean\r@example.com", "jé@example.com", "jean@exémple.fr", "jean@example.c",
            "jean@example.123", ".jean@example.com", "jean.@example.com", "jean..dupont@example.com", "jean@-example.com",
            "jean@example-.com", "jean@example..com", "jean@.example.com", "jean@example.com.", "\"jean\"@example.com",
            "jean@[192.168.0.1]", "<jean@example.com>", "Jean <jean@example.com>", "jean,paul@example.com",
            "jean@exa_mple.com", "jean\t@example.com", String(repeating: "a", count: 65) + "@example.com",
            "a@" + String(repeating: "b", count: 64) + ".com", "a@" + String(repeating: "bcdefgh.", count: 32) + "fr",
            "jean@example.com\u{0}", "jean@xn--.fr",
        ])
    func invalid(address: String) {
        #expect(!MailAddress.isValid(address))
    }

    @Test("validate() names the first invalid address, wherever it is")
    func validateAddresses() {
        let bad = MailAddress(name: "Jean", address: "jean@localhost")
        let good = MailAddress(address: "a@b.fr")
        #expect(throws: MailError.invalidAddress("jean@localhost")) { try sampleMessage(from: bad).validate() }
        #expect(throws: MailError.invalidAddress("jean@localhost")) { try sampleMessage(to: [good, bad]).validate() }
        #expect(throws: MailError.invalidAddress("jean@localhost")) { try sampleMessage(cc: [bad]).validate() }
        #expect(throws: MailError.invalidAddress("jean@localhost")) { try sampleMessage(replyTo: bad).validate() }
    }

    @Test("Error messages are in French and show control characters escaped")
    func frenchMessages() {
        #expect(MailError.invalidAddress("jean@").message == "Adresse électronique invalide\u{00A0}: « jean@ ».")
        #expect(MailError.invalidAddress("a@b.fr\r\nBcc: x").message == "Adresse électronique invalide\u{00A0}: « a@b.fr\\r\\nBcc: x ».")
        #expect(MailError.noRecipient.message.hasPrefix("Le message n’a aucun destinataire"))
        #expect(MailError.invalidHeaderName("X Y").message == "Nom d’en-tête invalide\u{00A0}: « X Y ».")
        #expect(MailError.reservedHeaderName("Subject").message.contains("« Subject »"))
        #expect(MailError.invalidMessageID("x").message.hasPrefix("Identifiant de message invalide"))
        #expect(
            MailError.writeFailed(path: "/x", reason: "accès refusé").message
                == "Impossible d’écrire le message dans « /x »\u{00A0}: accès refusé.")
        #expect(MailError.noRecipient.localizedDescription == MailError.noRecipient.message)
    }
}
