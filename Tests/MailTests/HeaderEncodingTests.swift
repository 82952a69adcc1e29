import Foundation
import Testing

@testable import Mail

/// Checks the layout rules every header line must follow, whatever the values.
func expectWellFormedHeaders(_ parsed: ParsedMessage, sourceLocation: SourceLocation = #_sourceLocation) {
    for line in parsed.headerLines {
        #expect(line.utf8.count <= 78, "header line of \(line.utf8.count) octets: \(line)", sourceLocation: sourceLocation)
        #expect(line.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "non-ASCII or control octet: \(line)", sourceLocation: sourceLocation)
        #expect(
            !line.hasSuffix(" ") && line.trimmingCharacters(in: .whitespaces) != "", "blank or trailing space: «\(line)»",
            sourceLocation: sourceLocation)
    }
    for (name, value) in parsed.headers {
        for word in RFC2047.encodedWords(in: value) {
            #expect(word.utf8.count <= 75, "\(name): encoded word of \(word.utf8.count) octets", sourceLocation: sourceLocation)
            // Each word decodes on its own: no UTF-8 sequence is split between two words.
            #expect(RFC2047.decodeWord(word) != nil, "\(name): \(word) is not complete UTF-8", sourceLocation: sourceLocation)
        }
    }
}

/// A 300-character French subject (ending with a letter, since outer spaces are dropped).
let longSubject = String(String(repeating: "Relance échéance dépassée — facture n° 42 ; ", count: 10).prefix(299)) + "!"

@Suite("Header encoding")
struct HeaderEncodingTests {
    static let subjects: [String] = [
        "Relance : facture F-2026-014 — 1 200,50 € dû",
        "Relance\u{00A0}: facture F-2026-014 — 1\u{202F}200,50\u{00A0}€ dû",
        "Société Générale d’Équipement : trois factures échues depuis plus de 60 jours",
        "Merci 🙏 pour votre règlement 💶 — à bientôt 👋",
        "👨‍👩‍👧‍👦 🇫🇷 e\u{301}te\u{301} Z\u{0336}\u{0337}\u{0338}\u{0335}a\u{0300}\u{0301}\u{0302}",
        "日本語の件名テスト：請求書の支払いについて",
        "Plain ASCII subject with enough words to need folding somewhere before the end of the line",
        "Spaces   inside  the subject and\u{00A0}non-breaking ones",
        "=?UTF-8?Q?caf=C3=A9?= is literal text, not an encoded word",
        "Question ? _underscores_ = equals (parentheses) \"quotes\" <angles> ; colons: commas,",
        String(repeating: "A", count: 120),
        "Trop-long-mot-sans-espace-" + String(repeating: "é", count: 90) + " fin",
        longSubject,
        String(repeating: "€", count: 300),
        String(repeating: "😀", count: 300),
        "x",
        "é",
    ]

    @Test("Subjects decode back exactly", arguments: subjects)
    func subjectRoundTrip(subject: String) throws {
        let parsed = ParsedMessage(sampleMessage(subject: subject).rendered())
        let value = try #require(parsed.value("Subject"))
        #expect(RFC2047.decode(value) == subject)
        expectWellFormedHeaders(parsed)
    }

    @Test("A 300-character subject is folded on several lines")
    func longSubjectIsFolded() throws {
        let subject = longSubject
        #expect(subject.count == 300)
        let parsed = ParsedMessage(sampleMessage(subject: subject).rendered())
        #expect(parsed.physicalLines(of: "Subject").count >= 5)
        #expect(RFC2047.decode(try #require(parsed.value("Subject"))) == subject)
    }

    @Test("ASCII subjects stay readable, accents use encoded words")
    func readableEncoding() throws {
        let plain = ParsedMessage(sampleMessage(subject: "Invoice F-2026-014 is overdue").rendered())
        #expect(plain.value("Subject") == "Invoice F-2026-014 is overdue")
        let french = ParsedMessage(sampleMessage(subject: "Relance : facture F-2026-014 — 1 200,50 € dû").rendered())
        let value = try #require(french.value("Subject"))
        #expect(value.hasPrefix("Relance : facture F-2026-014 =?UTF-8?"))
        #expect(value.contains(" 1 200,50 "))
    }

    @Test("Leading and trailing spaces are dropped, an empty subject gives an empty field")
    func trimmedSubject() {
        #expect(ParsedMessage(sampleMessage(subject: "  Bonjour  ").rendered()).value("Subject") == "Bonjour")
        let empty = ParsedMessage(sampleMessage(subject: " \n ").rendered())
        #expect(empty.value("Subject") == "")
        #expect(empty.physicalLines(of: "Subject") == ["Subject:"])
    }

    @Test("Generated subjects of random characters decode back")
    func randomSubjects() throws {
        let alphabet: [String] = [
            "a", "Z", "0", " ", " ", " ", "é", "È", "ç", "œ", "’", "—", "€", "«", "»", "\u{00A0}", "\u{202F}", "=", "?", "_",
            "=?", "?=", "\"", "\\", "(", ")", "<", ">", ",", ";", ":", "@", ".", "!", "*", "+", "-", "/", "😀", "👍🏽",
            "🇫🇷", "e\u{301}", "日", "本", "ß", "\u{10FFFF}", "\u{FFFD}", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ]
        var generator = SplitMix64(state: 2026)
        for _ in 0..<400 {
            let length = Int.random(in: 1...120, using: &generator)
            var subject = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            subject = subject.trimmingCharacters(in: [" "])
            let parsed = ParsedMessage(sampleMessage(subject: subject).rendered())
            let value = try #require(parsed.value("Subject"))
            #expect(RFC2047.decode(value) == subject, "subject: \(subject.debugDescription)")
            expectWellFormedHeaders(parsed)
        }
    }

    static let names: [String] = [
        "Société Générale d’Équipement",
        "Garage Moreau",
        "Dupont, Jean",
        "J. Dupont & Fils",
        "Jean \"le Boss\" Dupont",
        "Back\\slash",
        "O'Brien",
        "Müller; Schmidt <GmbH>",
        "Éric 😀",
        "=?UTF-8?B?w6k=?=",
        "SARL Établissements Lefèvre-Rousseau et Compagnie, maintenance industrielle et agricole du Grand Ouest",
        String(repeating: "Longname", count: 12),
        "Émilie (comptabilité)",
    ]

    @Test("Display names decode back in every address header", arguments: names)
    func displayNameRoundTrip(name: String) throws {
        let message = sampleMessage(
            from: MailAddress(name: name, address: "relances@atelier-durand.fr"),
            to: [MailAddress(name: name, address: "a@example.fr"), MailAddress(address: "b@example.fr")],
            cc: [MailAddress(name: name, address: "c@example.fr")],
            replyTo: MailAddress(name: name, address: "reponses@atelier-durand.fr"))
        let parsed = ParsedMessage(message.rendered())
        expectWellFormedHeaders(parsed)
        #expect(RFC2047.addresses(try #require(parsed.value("From"))) == [message.from])
        #expect(RFC2047.addresses(try #require(parsed.value("To"))) == message.to)
        #expect(RFC2047.addresses(try #require(parsed.value("Cc"))) == message.cc)
        #expect(RFC2047.addresses(try #require(parsed.value("Reply-To"))) == [message.replyTo!])
    }

    @Test("Display names: atoms stay bare, specials are quoted, non-ASCII is encoded")
    func displayNameForms() throws {
        func from(_ name: String) -> String {
            ParsedMessage(sampleMessage(from: MailAddress(name: name, address: "a@b.fr")).rendered()).value("From") ?? ""
        }
        #expect(from("Garage Moreau") == "Garage Moreau <a@b.fr>")
        #expect(from("Dupont, Jean") == "\"Dupont, Jean\" <a@b.fr>")
        #expect(from("J. Dupont") == "\"J. Dupont\" <a@b.fr>")
        #expect(from("Say \"hi\"") == "\"Say \\\"hi\\\"\" <a@b.fr>")
        #expect(from("Société Générale").hasPrefix("=?UTF-8?"))
        #expect(from("Société Générale").hasSuffix("?= <a@b.fr>"))
        #expect(from("  ") == "a@b.fr")
        #expect(ParsedMessage(sampleMessage(from: MailAddress(address: "a@b.fr")).rendered()).value("From") == "a@b.fr")
    }

    @Test("Display names: spaces are collapsed and line breaks become spaces")
    func displayNameWhitespace() throws {
        let parsed = ParsedMessage(sampleMessage(from: MailAddress(name: "  Jean \r\n  Dupont\t", address: "a@b.fr")).rendered())
        #expect(RFC2047.addresses(try #require(parsed.value("From"))) == [MailAddress(name: "Jean Dupont", address: "a@b.fr")])
    }

    @Test("Encoded words break between words of ordinary text")
    func breaksBetweenWords() throws {
        let names = (1...6).map {
            MailAddress(name: "Société Générale d’Équipement n° \($0) — Établissements Lefèvre", address: "c\($0)@exemple.fr")
        }
        let parsed = ParsedMessage(sampleMessage(to: names, subject: longSubject).rendered())
        for (name, value) in parsed.headers {
            let tokens = value.split(separator: " ").map(String.init)
            for (previous, next) in zip(tokens, tokens.dropFirst()) where RFC2047.isEncodedWord(previous) && RFC2047.isEncodedWord(next) {
                let decoded = try #require(RFC2047.decodeWord(previous))
                #expect(decoded.hasSuffix(" "), "\(name): \(previous) (\(decoded)) is followed by another encoded word")
            }
        }
        #expect(RFC2047.addresses(try #require(parsed.value("To"))) == names)
    }

    @Test("Display names mix atoms and encoded words")
    func mixedDisplayName() throws {
        let name = "SARL Établissements Lefèvre-Rousseau et Compagnie"
        let value = try #require(ParsedMessage(sampleMessage(from: MailAddress(name: name, address: "a@b.fr")).rendered()).value("From"))
        #expect(value.hasPrefix("SARL =?UTF-8?"))
        #expect(value.hasSuffix("?= et Compagnie <a@b.fr>"))
    }

    @Test("Many recipients are folded between addresses")
    func manyRecipients() throws {
        let recipients = (1...12).map { MailAddress(name: "Client n° \($0) — Société Générale", address: "client\($0)@exemple.fr") }
        let parsed = ParsedMessage(sampleMessage(to: recipients).rendered())
        expectWellFormedHeaders(parsed)
        #expect(parsed.physicalLines(of: "To").count > 12)
        #expect(RFC2047.addresses(try #require(parsed.value("To"))) == recipients)
    }

    @Test(
        "Extra headers: values are encoded, order is kept",
        arguments: [
            "Garage Moreau", "Société Générale d’Équipement", String(repeating: "Relance échue ", count: 20), "a\r\nInjected: yes",
        ])
    func extraHeaders(value: String) throws {
        let message = sampleMessage(extraHeaders: [("X-Encaisse-Client", value), ("X-Encaisse-Invoice", "F-2026-014")])
        let parsed = ParsedMessage(message.rendered())
        expectWellFormedHeaders(parsed)
        let expected = value.replacingOccurrences(of: "\r\n", with: "  ").trimmingCharacters(in: [" "])
        #expect(RFC2047.decode(try #require(parsed.value("X-Encaisse-Client"))) == expected)
        #expect(parsed.value("X-Encaisse-Invoice") == "F-2026-014")
        let names = parsed.headers.map(\.name)
        #expect(names.firstIndex(of: "X-Encaisse-Client")! < names.firstIndex(of: "X-Encaisse-Invoice")!)
        #expect(!names.contains("Injected"))
    }

    @Test(
        "The longest extra header name still starts its value on the first line",
        arguments: ["Société Générale d’Équipement", "😀 merci", "👨‍👩‍👧‍👦👨‍👩‍👧‍👦", String(repeating: "x", count: 80)])
    func longHeaderName(value: String) throws {
        let name = "X-" + String(repeating: "A", count: 38)
        #expect(throws: Never.self) { try sampleMessage(extraHeaders: [(name, value)]).validate() }
        let parsed = ParsedMessage(sampleMessage(extraHeaders: [(name, value)]).rendered())
        expectWellFormedHeaders(parsed)
        let lines = parsed.physicalLines(of: name)
        #expect(lines.first?.hasPrefix(name + ": ") == true, "\(lines)")
        #expect(RFC2047.decode(try #require(parsed.value(name))) == value)
    }

    @Test("Bad or reserved extra header names are refused by validate() and skipped when rendering")
    func badExtraHeaderNames() {
        #expect(throws: MailError.invalidHeaderName("X Bad")) { try sampleMessage(extraHeaders: [("X Bad", "v")]).validate() }
        #expect(throws: MailError.invalidHeaderName("X-Bad:")) { try sampleMessage(extraHeaders: [("X-Bad:", "v")]).validate() }
        #expect(throws: MailError.invalidHeaderName("")) { try sampleMessage(extraHeaders: [("", "v")]).validate() }
        let tooLong = "X-" + String(repeating: "A", count: 39)
        #expect(throws: MailError.invalidHeaderName(tooLong)) { try sampleMessage(extraHeaders: [(tooLong, "v")]).validate() }
        #expect(throws: MailError.reservedHeaderName("subject")) { try sampleMessage(extraHeaders: [("subject", "v")]).validate() }
        let parsed = ParsedMessage(sampleMessage(extraHeaders: [("Subject", "second"), ("", "v")]).rendered())
        #expect(parsed.headers.filter { $0.name.lowercased() == "subject" }.count == 1)
        #expect(parsed.headers.allSatisfy { !$0.name.isEmpty })
    }
}
