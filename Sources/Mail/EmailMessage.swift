import Foundation

/// A plain-text e-mail, rendered as an RFC 5322 Internet message (the contents of a `.eml` file).
///
/// Rendering never fails and never lets a value start a header of its own: line breaks and
/// control characters in the subject, display names and extra header values become spaces,
/// and addresses keep only the characters an addr-spec may hold. ``validate()`` tells whether
/// the message is fit to be sent; ``Outbox/write(_:to:stem:)`` calls it.
public struct EmailMessage: Sendable {
    /// The author.
    public var from: MailAddress
    /// The primary recipients; at least one for ``validate()`` to pass.
    public var to: [MailAddress]
    /// The carbon-copy recipients.
    public var cc: [MailAddress] = []
    /// Where replies should go, when not to `from`.
    public var replyTo: MailAddress?
    /// The subject, any Unicode.
    public var subject: String
    /// The plain-text body, any Unicode, with `"\n"` line ends.
    public var body: String
    /// The origination date.
    public var date: Date
    /// The zone the `Date` header is written in.
    public var timeZone: TimeZone
    /// The `Message-ID`, with or without its angle brackets. When `nil`, each rendering makes a
    /// new one, `<milliseconds.random@domain-of-from>`.
    public var messageID: String?
    /// More headers, written after the standard ones in this order, for example
    /// `("X-Encaisse-Client", "Garage Moreau")`. Values may hold any Unicode. When rendering,
    /// names are stripped of characters a field name cannot hold and cut to 40 characters;
    /// empty names and names of standard headers are skipped (``validate()`` refuses them).
    public var extraHeaders: [(String, String)] = []

    /// A message; `date` defaults to now and `timeZone` to the current zone.
    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: MailAddress? = nil, subject: String,
        body: String, date: Date = Date(), timeZone: TimeZone = .current, messageID: String? = nil,
        extraHeaders: [(String, String)] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.body = body
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.extraHeaders = extraHeaders
    }

    /// The headers this writer produces itself, lowercased; extra headers may not repeat them.
    static let reservedHeaderNames: Set<String> = [
        "date", "from", "reply-to", "to", "cc", "subject", "message-id", "mime-version", "content-type",
        "content-transfer-encoding",
    ]

    /// Longest extra header name accepted, so that the first line of the header always has room
    /// for the start of its value.
    static let maxHeaderNameLength = 40

    /// Checks that the message can be sent: every address valid (``MailAddress/isValid(_:)``),
    /// at least one `To` recipient, extra header names well formed (at most 40 characters) and
    /// not repeating a standard header, and a well-formed `Message-ID` if one is given.
    /// - Throws: the first ``MailError`` found.
    public func validate() throws(MailError) {
        for mailbox in [from] + (replyTo.map { [$0] } ?? []) + to + cc where !MailAddress.isValid(mailbox.address) {
            throw .invalidAddress(mailbox.address)
        }
        guard !to.isEmpty else { throw .noRecipient }
        for (name, _) in extraHeaders {
            guard Self.isFieldName(name) else { throw .invalidHeaderName(name) }
            guard !Self.reservedHeaderNames.contains(name.lowercased()) else { throw .reservedHeaderName(name) }
        }
        if let messageID, !Self.isMessageID(messageID) { throw .invalidMessageID(messageID) }
    }

    /// The message as RFC 5322 text with CRLF line ends.
    ///
    /// Headers: `Date`, `From`, `Reply-To`, `To`, `Cc`, `Subject`, `Message-ID`, the extra
    /// headers, then `MIME-Version: 1.0`, `Content-Type: text/plain; charset=utf-8` and
    /// `Content-Transfer-Encoding: quoted-printable`. Header lines are folded at 78 octets;
    /// non-ASCII text is written as RFC 2047 encoded words of at most 75 octets that never
    /// split a UTF-8 sequence; display names are atoms, quoted strings or encoded words
    /// (RFC 2047 §5(3)). The body is quoted-printable with lines of at most 76 octets. Every
    /// line is at most 998 octets; only an address or message identifier too long for a line
    /// can make a header line exceed 78.
    public func rendered() -> String {
        var lines: [String] = []
        func header(_ name: String, _ items: [HeaderItem]) {
            var folder = HeaderFolder(name: name)
            folder.append(items)
            lines += folder.result
        }
        header("Date", [.plain(Self.rfc5322Date(date, in: timeZone))])
        header("From", HeaderText.addressList([from]))
        if let replyTo { header("Reply-To", HeaderText.addressList([replyTo])) }
        if !to.isEmpty { header("To", HeaderText.addressList(to)) }
        if !cc.isEmpty { header("Cc", HeaderText.addressList(cc)) }
        header("Subject", HeaderText.unstructured(subject, fieldName: "Subject"))
        header("Message-ID", [.plain(messageID.map(Self.normalisedMessageID) ?? generatedMessageID())])
        for (rawName, value) in extraHeaders {
            let name = String(
                String.UnicodeScalarView(rawName.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && $0 != ":" }).prefix(
                    Self.maxHeaderNameLength))
            guard !name.isEmpty, !Self.reservedHeaderNames.contains(name.lowercased()) else { continue }
            header(name, HeaderText.unstructured(value, fieldName: name))
        }
        lines.append("MIME-Version: 1.0")
        lines.append("Content-Type: text/plain; charset=utf-8")
        lines.append("Content-Transfer-Encoding: quoted-printable")
        lines.append("")
        lines += QuotedPrintable.encode(body)
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// ``rendered()`` as UTF-8 octets (all ASCII).
    public var data: Data { Data(rendered().utf8) }

    // MARK: - Date

    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` as an RFC 5322 date-time in `timeZone`, e.g. `Sun, 22 Nov 2026 09:00:00 +0100`,
    /// with English names whatever the locale. Offsets with seconds (historical local mean
    /// times) are truncated to the minute, and the time shown agrees with the offset written.
    static func rfc5322Date(_ date: Date, in timeZone: TimeZone) -> String {
        let offsetMinutes = timeZone.secondsFromGMT(for: date) / 60
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetMinutes * 60) ?? timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ value: Int?) -> String { pad(value ?? 0, 2) }
        let sign = offsetMinutes < 0 ? "-" : "+"
        let offset = sign + pad(abs(offsetMinutes) / 60, 2) + pad(abs(offsetMinutes) % 60, 2)
        return "\(dayNames[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(monthNames[(parts.month ?? 1) - 1]) "
            + "\(pad(parts.year ?? 0, 4)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) \(offset)"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    // MARK: - Message-ID and header names

    /// A new `<milliseconds.random@domain>` identifier, the domain taken from `from`.
    func generatedMessageID() -> String {
        let milliseconds = Int64((Date().timeIntervalSince1970 * 1000).rounded())
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        let padded = String(repeating: "0", count: 16 - random.count) + random
        let host = from.address.split(separator: "@").last.map(String.init) ?? ""
        let domain = String(
            String.UnicodeScalarView(
                host.lowercased().unicodeScalars.filter {
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "-")
                }))
        return "<\(milliseconds).\(padded)@\(domain.isEmpty || !from.address.contains("@") ? "localhost" : domain)>"
    }

    /// A given identifier as written: without spaces or control characters, in angle brackets.
    static func normalisedMessageID(_ id: String) -> String {
        var kept = String(String.UnicodeScalarView(id.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F }))
        if !kept.hasPrefix("<") { kept = "<" + kept }
        if !kept.hasSuffix(">") || kept == "<" { kept += ">" }
        return kept
    }

    /// Whether `id` is `<left@right>` (brackets optional) in printable ASCII without spaces,
    /// brackets or a second `@`.
    static func isMessageID(_ id: String) -> Bool {
        var core = Substring(id)
        if core.hasPrefix("<") && core.hasSuffix(">") && core.count >= 2 { core = core.dropFirst().dropLast() }
        let parts = core.split(separator: "@", omittingEmptySubsequences: false)
        let allowed: (UInt8) -> Bool = { MailAddress.isAtext($0) || $0 == UInt8(ascii: ".") }
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(allowed) }
            && core.utf8.count <= 250
    }

    /// Whether `name` is an RFC 5322 field name (printable ASCII except colon) of 1 to 40 octets.
    static func isFieldName(_ name: String) -> Bool {
        (1...maxHeaderNameLength).contains(name.utf8.count) && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
    }
}
