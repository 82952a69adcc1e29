import Foundation
import Testing

@testable import Mail

@Suite("Quoted-printable body")
struct BodyEncodingTests {
    static let bodies: [String] = [
        "Bonjour,\n\nSauf erreur de notre part, la facture F-2026-014 d’un montant de 1\u{202F}200,50\u{00A0}€ reste due.\n\n"
            + "Cordialement,\n",
        String(repeating: "é", count: 500) + "\n",
        String(repeating: "a", count: 75) + "\n" + String(repeating: "a", count: 76) + "\n" + String(repeating: "a", count: 77) + "\n",
        String(repeating: "a", count: 74) + "é\n" + String(repeating: "a", count: 75) + "=\n",
        "trailing spaces   \ntrailing tab\t\n \n\t\nmiddle \t spaces stay\n",
        "a=b, 100% = 1\n=\n==\n=20 is not a space\n",
        "From the accounts department\n.\n.hidden line\nFrom\nFrom:\n",
        String(repeating: "😀👨‍👩‍👧‍👦 ", count: 40) + "\n",
        "control \u{0}\u{7}\u{1B} characters and DEL \u{7F}\n",
        "no final line break",
        "\n\n\n",
        "€",
        String(repeating: "Relance ", count: 200),
    ]

    @Test("Bodies decode back, with lines of at most 76 octets", arguments: bodies)
    func roundTrip(body: String) throws {
        let parsed = ParsedMessage(sampleMessage(body: body).rendered())
        let expected = body.hasSuffix("\n") ? body : body + "\n"
        #expect(QP.decode(parsed.bodyLines) == expected)
        for line in parsed.bodyLines {
            #expect(line.utf8.count <= 76, "body line of \(line.utf8.count) octets")
            #expect(line.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F || $0 == 0x09 }, "unexpected octet in \(line)")
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"), "trailing whitespace in «\(line)»")
            // Soft breaks fall between characters: every line decodes to complete UTF-8.
            let octets = try #require(QP.octets([line]))
            #expect(String(validating: octets, as: UTF8.self) != nil, "line splits a UTF-8 sequence: \(line)")
        }
    }

    @Test("CRLF and lone CR line ends in the body become hard line breaks")
    func lineEnds() {
        let parsed = ParsedMessage(sampleMessage(body: "one\r\ntwo\rthree\n\r\nfive").rendered())
        #expect(parsed.bodyLines == ["one", "two", "three", "", "five"])
    }

    @Test("Quoted-printable specifics: =, trailing spaces, leading dot and From")
    func specifics() {
        let parsed = ParsedMessage(sampleMessage(body: "a=b \n.x\nFrom me\nd\u{FB}\n").rendered())
        #expect(parsed.bodyLines == ["a=3Db=20", "=2Ex", "=46rom me", "d=C3=BB"])
    }

    @Test("Soft line breaks end at 76 octets exactly")
    func softBreaks() {
        let parsed = ParsedMessage(sampleMessage(body: String(repeating: "a", count: 200)).rendered())
        #expect(
            parsed.bodyLines == [
                String(repeating: "a", count: 75) + "=", String(repeating: "a", count: 75) + "=", String(repeating: "a", count: 50),
            ])
        let exact = ParsedMessage(sampleMessage(body: String(repeating: "b", count: 76)).rendered())
        #expect(exact.bodyLines == [String(repeating: "b", count: 76)])
    }

    @Test("An empty body gives no body lines")
    func emptyBody() {
        let rendered = sampleMessage(body: "").rendered()
        #expect(rendered.hasSuffix("Content-Transfer-Encoding: quoted-printable\r\n\r\n"))
        #expect(ParsedMessage(rendered).bodyLines.isEmpty)
    }
}
