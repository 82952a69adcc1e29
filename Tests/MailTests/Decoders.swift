import Foundation
import Mail

// Independent decoders used only by the tests: they read what the writer produced the way a
// mail client would, so that every test is a round trip rather than a comparison of strings.

/// A rendered message split into physical lines, unfolded headers and body lines.
struct ParsedMessage {
    /// Every physical line, without its CRLF.
    var lines: [String]
    /// The physical header lines.
    var headerLines: [String]
    /// Unfolded headers in order, the value without the space after the colon.
    var headers: [(name: String, value: String)]
    /// The physical body lines.
    var bodyLines: [String]

    init(_ rendered: String) {
        var lines = rendered.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        let blank = lines.firstIndex(of: "") ?? lines.count
        headerLines = Array(lines[..<blank])
        bodyLines = blank < lines.count ? Array(lines[(blank + 1)...]) : []
        headers = []
        for line in headerLines {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), !headers.isEmpty {
                headers[headers.count - 1].value += line  // unfolding removes only the CRLF
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        headers = headers.map { ($0.name, $0.value.hasPrefix(" ") ? String($0.value.dropFirst()) : $0.value) }
    }

    /// The unfolded value of the only header called `name` (case-insensitive), if any.
    func value(_ name: String) -> String? {
        let found = headers.filter { $0.name.lowercased() == name.lowercased() }
        return found.count == 1 ? found[0].value : nil
    }

    /// The physical lines of the header called `name`.
    func physicalLines(of name: String) -> [String] {
        var result: [String] = []
        var inside = false
        for line in headerLines {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                if inside { result.append(line) }
            } else {
                inside = line.lowercased().hasPrefix(name.lowercased() + ":")
                if inside { result.append(line) }
            }
        }
        return result
    }
}

/// RFC 2047 encoded words.
enum RFC2047 {
    /// The encoded words of `text` (whitespace-delimited tokens of the form `=?cs?enc?text?=`).
    static func encodedWords(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init).filter(isEncodedWord)
    }

    static func isEncodedWord(_ token: String) -> Bool {
        token.hasPrefix("=?") && token.hasSuffix("?=") && token.split(separator: "?", omittingEmptySubsequences: false).count == 5
    }

    /// The octets of one encoded word, or `nil` if it is malformed or not UTF-8.
    static func octets(of word: String) -> [UInt8]? {
        let parts = word.split(separator: "?", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[1].uppercased() == "UTF-8" else { return nil }
        let text = String(parts[3])
        switch parts[2].uppercased() {
        case "B":
            guard let data = Data(base64Encoded: text) else { return nil }
            return Array(data)
        case "Q":
            var bytes: [UInt8] = []
            var iterator = Array(text.utf8).makeIterator()
            while let byte = iterator.next() {
                if byte == UInt8(ascii: "_") {
                    bytes.append(0x20)
                } else if byte == UInt8(ascii: "=") {
                    guard let high = iterator.next(), let low = iterator.next(),
                        let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                    else { return nil }
                    bytes.append(value)
                } else {
                    bytes.append(byte)
                }
            }
            return bytes
        default:
            return nil
        }
    }

    /// The text of one encoded word, `nil` unless it holds complete UTF-8 on its own.
    static func decodeWord(_ word: String) -> String? {
        octets(of: word).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// An unfolded field body with its encoded words decoded; whitespace between two adjacent
    /// encoded words is dropped, other whitespace kept (RFC 2047 §6.2). `nil` if a word is bad.
    static func decode(_ text: String) -> String? {
        var result = ""
        var pendingSpace = ""
        var previousWasEncoded = false
        var token = ""
        func flush() -> Bool {
            guard !token.isEmpty else { return true }
            if isEncodedWord(token) {
                guard let decoded = decodeWord(token) else { return false }
                result += (previousWasEncoded ? "" : pendingSpace) + decoded
                previousWasEncoded = true
            } else {
                result += pendingSpace + token
                previousWasEncoded = false
            }
            pendingSpace = ""
            token = ""
            return true
        }
        for character in text {
            if character == " " || character == "\t" {
                guard flush() else { return nil }
                pendingSpace.append(character)
            } else {
                token.append(character)
            }
        }
        guard flush() else { return nil }
        return result + pendingSpace
    }

    /// The mailboxes of an unfolded address-list field body.
    static func addresses(_ text: String) -> [MailAddress]? {
        var items: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        var inAngle = false
        for character in text {
            if escaped {
                escaped = false
            } else if inQuotes && character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes && character == "<" {
                inAngle = true
            } else if !inQuotes && character == ">" {
                inAngle = false
            } else if !inQuotes && !inAngle && character == "," {
                items.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        items.append(current)
        var result: [MailAddress] = []
        for item in items {
            let item = item.trimmingCharacters(in: .whitespaces)
            guard let open = item.lastIndex(of: "<") else {
                result.append(MailAddress(address: item))
                continue
            }
            guard item.hasSuffix(">") else { return nil }
            let address = String(item[item.index(after: open)..<item.index(before: item.endIndex)])
            let phrase = item[..<open].trimmingCharacters(in: .whitespaces)
            if phrase.hasPrefix("\"") {
                guard phrase.hasSuffix("\""), phrase.count >= 2 else { return nil }
                var name = ""
                var escaped = false
                for character in phrase.dropFirst().dropLast() {
                    if escaped || character != "\\" {
                        name.append(character)
                        escaped = false
                    } else {
                        escaped = true
                    }
                }
                result.append(MailAddress(name: name, address: address))
            } else {
                guard let name = decode(phrase) else { return nil }
                result.append(MailAddress(name: name.isEmpty ? nil : name, address: address))
            }
        }
        return result
    }
}

/// RFC 2045 quoted-printable.
enum QP {
    /// The octets of the body lines: `=XX` decoded, a final `=` joining the line to the next,
    /// other lines ending with `\n`. `nil` on a malformed escape.
    static func octets(_ lines: [String]) -> [UInt8]? {
        var bytes: [UInt8] = []
        for line in lines {
            var characters = Array(line.utf8)
            let soft = characters.last == UInt8(ascii: "=")
            if soft { characters.removeLast() }
            var index = 0
            while index < characters.count {
                if characters[index] == UInt8(ascii: "=") {
                    guard index + 2 < characters.count else { return nil }
                    guard let value = UInt8(String(decoding: characters[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) else {
                        return nil
                    }
                    bytes.append(value)
                    index += 3
                } else {
                    bytes.append(characters[index])
                    index += 1
                }
            }
            if !soft { bytes.append(UInt8(ascii: "\n")) }
        }
        return bytes
    }

    /// The decoded body text, `nil` unless it is valid UTF-8.
    static func decode(_ lines: [String]) -> String? {
        octets(lines).flatMap { String(validating: $0, as: UTF8.self) }
    }
}

/// A message with sensible defaults for the tests.
func sampleMessage(
    from: MailAddress = MailAddress(name: "Encaisse – Atelier Durand", address: "compta@atelier-durand.fr"),
    to: [MailAddress] = [MailAddress(name: "Garage Moreau", address: "contact@garage-moreau.fr")],
    cc: [MailAddress] = [], replyTo: MailAddress? = nil,
    subject: String = "Relance : facture F-2026-014 — 1 200,50 € dû",
    body: String = "Bonjour,\n\nSauf erreur de notre part, la facture F-2026-014 reste due.\n\nCordialement,\nAtelier Durand\n",
    date: Date = Date(timeIntervalSince1970: 1_795_334_400), timeZone: TimeZone = TimeZone(identifier: "Europe/Paris")!,
    messageID: String? = "<1795334400000.0123456789abcdef@atelier-durand.fr>", extraHeaders: [(String, String)] = []
) -> EmailMessage {
    EmailMessage(
        from: from, to: to, cc: cc, replyTo: replyTo, subject: subject, body: body, date: date, timeZone: timeZone,
        messageID: messageID, extraHeaders: extraHeaders)
}

/// A small deterministic random generator (SplitMix64) for reproducible generated cases.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
