import Foundation
import Testing

@testable import Mail

@Suite("Message")
struct MessageTests {
    @Test("Every line ends with CRLF, no bare CR or LF, all octets ASCII")
    func crlfEverywhere() {
        let messages = [
            sampleMessage(),
            sampleMessage(subject: "a\nb\rc\r\nd", body: "x\ry\nz\r\n\n\r"),
            sampleMessage(subject: String(repeating: "é ", count: 100), body: String(repeating: "é", count: 300)),
        ]
        for message in messages {
            let bytes = Array(message.data)
            #expect(bytes.suffix(2) == [0x0D, 0x0A])
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at \(index)") }
                if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at \(index)") }
            }
            #expect(bytes.allSatisfy { $0 < 0x80 })
            #expect(ParsedMessage(message.rendered()).lines.allSatisfy { $0.utf8.count <= 998 })
            #expect(message.data == Data(message.rendered().utf8))
        }
    }

    @Test("Headers come in a fixed order with the MIME headers last")
    func headerOrder() {
        let message = sampleMessage(
            cc: [MailAddress(address: "copie@garage-moreau.fr")], replyTo: MailAddress(address: "reponses@atelier-durand.fr"),
            extraHeaders: [("X-Encaisse-Client", "Garage Moreau")])
        let parsed = ParsedMessage(message.rendered())
        #expect(
            parsed.headers.map(\.name) == [
                "Date", "From", "Reply-To", "To", "Cc", "Subject", "Message-ID", "X-Encaisse-Client", "MIME-Version", "Content-Type",
                "Content-Transfer-Encoding",
            ])
        #expect(parsed.value("MIME-Version") == "1.0")
        #expect(parsed.value("Content-Type") == "text/plain; charset=utf-8")
        #expect(parsed.value("Content-Transfer-Encoding") == "quoted-printable")
        let minimal = ParsedMessage(sampleMessage().rendered())
        #expect(!minimal.headers.map(\.name).contains("Cc"))
        #expect(!minimal.headers.map(\.name).contains("Reply-To"))
    }

    @Test("Header injection through CR and LF is neutralised")
    func headerInjection() throws {
        let message = sampleMessage(
            from: MailAddress(name: "Évil\r\nBcc: victim@example.com", address: "a@b.fr"),
            to: [MailAddress(name: "Ok\nBcc: x@y.fr", address: "c@d.fr\r\nBcc: e@f.fr")],
            subject: "Bonjour\r\nBcc: victim@example.com\r\n\r\nInjected body",
            extraHeaders: [("X-Encaisse-Client", "Garage\nBcc: z@z.fr"), ("X-Evil\r\nBcc", "w@w.fr")])
        let parsed = ParsedMessage(message.rendered())
        for line in parsed.headerLines {
            #expect(!line.lowercased().hasPrefix("bcc"), "injected header: \(line)")
        }
        #expect(!parsed.headers.map { $0.name.lowercased() }.contains("bcc"))
        #expect(parsed.bodyLines.first.map { !$0.contains("Injected") } ?? true)
        #expect(RFC2047.decode(try #require(parsed.value("Subject"))) == "Bonjour  Bcc: victim@example.com    Injected body")
        #expect(RFC2047.addresses(try #require(parsed.value("From")))?.first?.name == "Évil Bcc: victim@example.com")
        #expect(RFC2047.addresses(try #require(parsed.value("To")))?.first?.address == "c@d.frBcce@f.fr")
        #expect(RFC2047.decode(try #require(parsed.value("X-Encaisse-Client"))) == "Garage Bcc: z@z.fr")
        #expect(parsed.value("X-EvilBcc") == "w@w.fr")
        expectWellFormedHeaders(parsed)
        #expect(throws: MailError.invalidAddress("c@d.fr\r\nBcc: e@f.fr")) { try message.validate() }
    }

    @Test(
        "Date header in the message's zone with English names",
        arguments: [
            (1_795_334_400.0, "Europe/Paris", "Sun, 22 Nov 2026 09:00:00 +0100"),
            (1_795_334_400.0, "UTC", "Sun, 22 Nov 2026 08:00:00 +0000"),
            (1_795_334_400.0, "America/New_York", "Sun, 22 Nov 2026 03:00:00 -0500"),
            (1_795_334_400.0, "Asia/Kolkata", "Sun, 22 Nov 2026 13:30:00 +0530"),
            (1_784_017_805.0, "Europe/Paris", "Tue, 14 Jul 2026 10:30:05 +0200"),
            (951_868_799.0, "Pacific/Chatham", "Wed, 01 Mar 2000 13:44:59 +1345"),
            (951_868_799.0, "America/St_Johns", "Tue, 29 Feb 2000 20:29:59 -0330"),
        ])
    func dateHeader(seconds: Double, zone: String, expected: String) throws {
        let message = sampleMessage(date: Date(timeIntervalSince1970: seconds), timeZone: try #require(TimeZone(identifier: zone)))
        #expect(ParsedMessage(message.rendered()).value("Date") == expected)
    }

    @Test("Date header ignores fractions of a second")
    func dateFraction() {
        let message = sampleMessage(date: Date(timeIntervalSince1970: 1_795_334_400.75), timeZone: TimeZone(identifier: "UTC")!)
        #expect(ParsedMessage(message.rendered()).value("Date") == "Sun, 22 Nov 2026 08:00:00 +0000")
    }

    @Test("A generated Message-ID is <milliseconds.random@domain-of-from> and new each time")
    func generatedMessageID() throws {
        let message = sampleMessage(from: MailAddress(address: "Compta@Atelier-Durand.FR"), messageID: nil)
        let pattern = try Regex(#"<(\d{13,})\.([0-9a-f]{16})@atelier-durand\.fr>"#)
        let first = try #require(ParsedMessage(message.rendered()).value("Message-ID"))
        let second = try #require(ParsedMessage(message.rendered()).value("Message-ID"))
        #expect(try pattern.wholeMatch(in: first) != nil, "\(first)")
        #expect(try pattern.wholeMatch(in: second) != nil, "\(second)")
        #expect(first != second)
        let ids = Set((0..<200).map { _ in message.generatedMessageID() })
        #expect(ids.count == 200)
        let milliseconds = try #require(Double(first.dropFirst().prefix(while: { $0 != "." })))
        #expect(abs(milliseconds / 1000 - Date().timeIntervalSince1970) < 60)
    }

    @Test("A given Message-ID is kept, in angle brackets")
    func givenMessageID() throws {
        #expect(ParsedMessage(sampleMessage(messageID: "<abc.123@exemple.fr>").rendered()).value("Message-ID") == "<abc.123@exemple.fr>")
        #expect(ParsedMessage(sampleMessage(messageID: "abc.123@exemple.fr").rendered()).value("Message-ID") == "<abc.123@exemple.fr>")
        #expect(ParsedMessage(sampleMessage(messageID: "<a@b>\r\nBcc: x").rendered()).value("Message-ID") == "<a@b>Bcc:x>")
        try sampleMessage(messageID: "abc.123@exemple.fr").validate()
        for bad in ["", "<>", "no-at-sign", "<a@b@c>", "<a b@c>", "<a@b>\r\nBcc: x", "<é@b>"] {
            #expect(throws: MailError.invalidMessageID(bad)) { try sampleMessage(messageID: bad).validate() }
        }
    }

    @Test("validate() accepts a good message and requires a recipient")
    func validation() throws {
        try sampleMessage().validate()
        #expect(throws: MailError.noRecipient) { try sampleMessage(to: []).validate() }
        #expect(ParsedMessage(sampleMessage(to: []).rendered()).value("To") == nil)
    }
}
