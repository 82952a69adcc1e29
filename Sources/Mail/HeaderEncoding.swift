import Foundation

/// One whitespace-delimited piece of a header field body, before folding.
enum HeaderItem: Equatable {
    /// Printable ASCII without spaces, written as is (an atom, a quoted string, an address…).
    case plain(String)
    /// Text written as one or more RFC 2047 encoded words; the spaces inside are part of it.
    case encoded(String)
}

/// Lays out header items on lines of at most 78 octets, turning `encoded` items into
/// `=?UTF-8?Q?…?=` or `=?UTF-8?B?…?=` words of at most 75 octets that fill each line.
///
/// Items are separated by one space; folding happens before that space, so unfolding (removing
/// the CRLF) restores the field body exactly. Only a single plain item longer than a line (an
/// unusually long address or message identifier) can make a line exceed 78 octets.
struct HeaderFolder {
    /// RFC 5322 §2.1.1: lines SHOULD be no more than 78 characters, excluding the CRLF.
    static let lineLimit = 78
    /// RFC 2047 §2: an encoded word is no more than 75 characters long.
    static let encodedWordLimit = 75
    /// `=?UTF-8?Q?` and `?=`.
    static let encodedWordOverhead = 12

    private(set) var lines: [String] = []
    private var current: String
    /// Whether the current line holds an item (the first line's field name does not count).
    private var hasItem = false

    init(name: String) { current = name + ":" }

    /// The folded lines, without their CRLF.
    var result: [String] { lines + [current] }

    mutating func append(_ items: [HeaderItem]) {
        for item in items {
            switch item {
            case .plain(let word): append(plain: word)
            case .encoded(let text): append(encoded: text)
            }
        }
    }

    mutating func append(plain word: String) {
        let needed = 1 + word.utf8.count
        if current.utf8.count + needed > Self.lineLimit, hasItem || (lines.isEmpty && needed <= Self.lineLimit) {
            fold()
        }
        current += " " + word
        hasItem = true
    }

    /// Appends `text` as encoded words. Words break at spaces (each space kept at the end of the
    /// word before it, as RFC 2047 §6.2 drops the whitespace between encoded words), so that no
    /// word of the text is cut unless it is too long for one encoded word; when the next whole
    /// piece does not fit on the current line, the line is folded first.
    mutating func append(encoded text: String) {
        let useBase64 = EncodedWord.base64Length(text) < EncodedWord.qLength(text)
        let units = EncodedWord.units(of: text, base64: useBase64)
        // A piece may end after unit `i` when it is a space followed by a non-space.
        let breakAfter = units.indices.map { $0 == units.count - 1 || (units[$0] == [0x20] && units[$0 + 1] != [0x20]) }
        func aligned(_ count: Int, from start: Int) -> Int {
            var count = count
            while count > 0 && !breakAfter[start + count - 1] { count -= 1 }
            return count
        }
        let freshBudget = Self.encodedWordLimit - Self.encodedWordOverhead
        var index = 0
        while index < units.count {
            let room = min(Self.lineLimit - current.utf8.count - 1, Self.encodedWordLimit)
            let budget = room - Self.encodedWordOverhead
            let fitting = EncodedWord.fittingCount(units[index...], budget: budget, base64: useBase64)
            var count = aligned(fitting, from: index)
            if count == 0 {
                let wholePieceFitsFresh =
                    aligned(EncodedWord.fittingCount(units[index...], budget: freshBudget, base64: useBase64), from: index) > 0
                if hasItem && (wholePieceFitsFresh || fitting == 0 || budget < 12) {
                    fold()
                    continue
                }
                if fitting == 0 {
                    fold()  // only on the first line, when the field name leaves no room
                    continue
                }
                count = fitting  // a piece longer than an encoded word: cut between characters
            }
            current += " " + EncodedWord.word(units[index..<(index + count)], base64: useBase64)
            hasItem = true
            index += count
        }
    }

    private mutating func fold() {
        lines.append(current)
        current = ""
        hasItem = false
    }
}

/// RFC 2047 encoded words in UTF-8.
enum EncodedWord {
    /// The octets Q encoding may leave as they are in any header context, phrases included
    /// (RFC 2047 §5(3)): letters, digits and `!*+-/`. Space becomes `_`, everything else `=XX`.
    static func isQSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    static func qLength<S: Sequence<UInt8>>(_ bytes: S) -> Int {
        bytes.reduce(0) { $0 + (isQSafe($1) || $1 == UInt8(ascii: " ") ? 1 : 3) }
    }

    static func qLength(_ text: String) -> Int { qLength(text.utf8) }

    static func base64Length(byteCount: Int) -> Int { (byteCount + 2) / 3 * 4 }

    static func base64Length(_ text: String) -> Int { base64Length(byteCount: text.utf8.count) }

    /// The pieces an encoded word boundary may fall between: whole characters, or the scalars
    /// of a character too long to share a word with anything else. Never a part of a scalar,
    /// so every word holds complete UTF-8 sequences.
    static func units(of text: String, base64: Bool) -> [[UInt8]] {
        var units: [[UInt8]] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            let length = base64 ? base64Length(byteCount: bytes.count) : qLength(bytes)
            if length <= 24 {
                units.append(bytes)
            } else {
                units.append(contentsOf: character.unicodeScalars.map { Array(String($0).utf8) })
            }
        }
        return units
    }

    /// How many of the first units fit in the encoded text of one word of `budget` octets.
    static func fittingCount(_ units: ArraySlice<[UInt8]>, budget: Int, base64: Bool) -> Int {
        var byteCount = 0
        var qCount = 0
        var count = 0
        for unit in units {
            if base64 {
                guard base64Length(byteCount: byteCount + unit.count) <= budget else { break }
            } else {
                qCount += qLength(unit)
                guard qCount <= budget else { break }
            }
            byteCount += unit.count
            count += 1
        }
        return count
    }

    /// One encoded word holding `units`.
    static func word(_ units: ArraySlice<[UInt8]>, base64: Bool) -> String {
        let bytes = Array(units.joined())
        return base64 ? "=?UTF-8?B?\(Data(bytes).base64EncodedString())?=" : "=?UTF-8?Q?\(qEncoded(bytes))?="
    }

    static func qEncoded(_ bytes: [UInt8]) -> String {
        var result = ""
        for byte in bytes {
            if isQSafe(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte == UInt8(ascii: " ") {
                result += "_"
            } else {
                result += "=" + hex(byte)
            }
        }
        return result
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// Turns header values into ``HeaderItem``s.
enum HeaderText {
    /// `text` with every control character, CR and LF included, and every Unicode line or
    /// paragraph separator replaced by a space: no value can start a new header line.
    static func neutralised(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.append(
            contentsOf: text.unicodeScalars.map { scalar in
                let value = scalar.value
                let isControl = value < 0x20 || value == 0x7F || (0x80..<0xA0).contains(value)
                return isControl || value == 0x2028 || value == 0x2029 ? " " : scalar
            })
        return result
    }

    /// Whether `word` can appear as is in an unstructured field: printable ASCII that cannot be
    /// mistaken for an encoded word, short enough for a line.
    private static func isPlainUnstructured(_ word: Substring, maxLength: Int) -> Bool {
        !word.isEmpty && word.utf8.count <= maxLength && word.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F } && !word.contains("=?")
    }

    /// The items of an unstructured field body (`Subject`, extra headers), leading and trailing
    /// spaces dropped. Words that are not plain ASCII, together with the spaces between them,
    /// become encoded runs; runs of several spaces are carried inside encoded words so that
    /// folding and decoding give them back exactly.
    static func unstructured(_ value: String, fieldName: String) -> [HeaderItem] {
        let text = neutralised(value).trimmingCharacters(in: [" "])
        guard !text.isEmpty else { return [] }
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        let firstLineRoom = HeaderFolder.lineLimit - fieldName.utf8.count - 2
        var plain = words.indices.map { isPlainUnstructured(words[$0], maxLength: $0 == 0 ? firstLineRoom : HeaderFolder.lineLimit - 1) }
        // A lone empty word (two spaces between plain words) would make an empty encoded word:
        // the run takes the next word with it, so that it carries the extra space.
        for index in words.indices.dropFirst().dropLast() where words[index].isEmpty && plain[index - 1] && plain[index + 1] {
            plain[index + 1] = false
        }
        return items(words, plain: plain)
    }

    /// A display name with control characters as spaces, runs of spaces collapsed, trimmed;
    /// `nil` when nothing is left.
    static func displayName(_ name: String?) -> String? {
        guard let name else { return nil }
        let words = neutralised(name).split(separator: " ")
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The items of a display name (RFC 5322 `phrase`): atoms when every word is made of `atext`;
    /// a quoted string when the name is printable ASCII with specials; otherwise atoms for the
    /// `atext` words and encoded words for the runs of other words (RFC 2047 §5(3)), as
    /// mail clients decode the spaces between encoded words in a phrase inconsistently.
    static func phrase(_ name: String) -> [HeaderItem] {
        let words = name.split(separator: " ")
        let plain = words.map { word in word.utf8.count <= 60 && word.utf8.allSatisfy(MailAddress.isAtext) && !word.contains("=?") }
        if !plain.contains(false) { return words.map { .plain(String($0)) } }
        if name.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && !name.contains("=?") {
            var quoted = "\""
            for character in name {
                if character == "\"" || character == "\\" { quoted += "\\" }
                quoted.append(character)
            }
            quoted += "\""
            if quoted.utf8.count <= 60 { return [.plain(quoted)] }
        }
        return items(words, plain: plain)
    }

    /// `words` as items: plain words as they are, each run of other words, with the single
    /// spaces between them, as one encoded item.
    private static func items(_ words: [Substring], plain: [Bool]) -> [HeaderItem] {
        var items: [HeaderItem] = []
        var run: [Substring] = []
        for (word, isPlain) in zip(words, plain) {
            if isPlain {
                if !run.isEmpty { items.append(.encoded(run.joined(separator: " "))) }
                run = []
                items.append(.plain(String(word)))
            } else {
                run.append(word)
            }
        }
        if !run.isEmpty { items.append(.encoded(run.joined(separator: " "))) }
        return items
    }

    /// The addr-spec as rendered: only the octets an addr-spec may hold, so that an invalid
    /// address rendered without ``EmailMessage/validate()`` still cannot inject anything.
    static func addrSpec(_ address: String) -> String {
        String(
            String.UnicodeScalarView(
                address.unicodeScalars.filter { $0.isASCII && (MailAddress.isAtext(UInt8($0.value)) || $0 == "." || $0 == "@") }))
    }

    /// The items of an address list: each mailbox as `name <addr>` or `addr`, comma-separated.
    static func addressList(_ addresses: [MailAddress]) -> [HeaderItem] {
        var items: [HeaderItem] = []
        for (index, mailbox) in addresses.enumerated() {
            let separator = index < addresses.count - 1 ? "," : ""
            let spec = addrSpec(mailbox.address)
            if let name = displayName(mailbox.name) {
                items += phrase(name)
                items.append(.plain("<\(spec)>\(separator)"))
            } else {
                items.append(.plain(spec + separator))
            }
        }
        return items
    }
}
