import Foundation

/// Turns typed French into tokens: lower case, accents folded, typographic apostrophes
/// straightened, elisions split ("l’échéance" → "l'", "echeance"), hyphenated pronouns split
/// ("envoie-lui" → "envoie", "lui"), while numbers, amounts, invoice numbers, dates and email
/// addresses stay whole ("1.200,50", "F-2026-014", "15/03", "compta@durand.fr").
public enum TextNormalizer {
    /// Folds a word: lower case, no diacritics, straight apostrophe, œ → oe.
    public static func fold(_ text: some StringProtocol) -> String {
        // Plain ASCII (most words): lower-case the bytes, nothing else to do.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x09 && $0 != 0x60 }) {
            if !text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) { return String(text) }
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            // Decomposed accents ("e" + U+0301) are dropped like precomposed ones.
            if !scalar.isASCII && scalar.properties.generalCategory == .nonspacingMark { continue }
            switch scalar {
            case "’", "‘", "`", "´", "ʼ": result.append("'")
            case "œ", "Œ": result.append("oe")
            case "æ", "Æ": result.append("ae")
            case "\u{00A0}", "\u{202F}", "\u{2009}", "\t": result.append(" ")
            case "–", "—", "‑": result.append("-")
            default:
                if scalar.isASCII {
                    let value = scalar.value
                    result.unicodeScalars.append((65...90).contains(value) ? Unicode.Scalar(value + 32)! : scalar)
                } else if let folded = latinFolding[scalar] {
                    result += folded
                } else {
                    let folded = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                    result += folded.lowercased()
                }
            }
        }
        return result
    }

    /// Folded forms of the accented Latin letters, computed once (the common case, kept off
    /// Foundation's slower path).
    static let latinFolding: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        for value in UInt32(0xC0)...UInt32(0x24F) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[scalar] = String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        }
        return table
    }()

    static let elisions: Set<String> = ["l", "d", "qu", "j", "n", "m", "s", "c", "t", "jusqu", "lorsqu", "puisqu"]
    static let hyphenatedPronouns: Set<String> = [
        "lui", "le", "la", "les", "moi", "toi", "leur", "nous", "vous", "y", "en", "t", "il", "elle", "on", "je", "tu", "ils", "elles",
        "ce", "ci", "la",
    ]

    /// Characters that may sit inside a token between two letters or digits.
    static let joiners: Set<Character> = ["-", ".", ",", "/", "@", "_", "+", "'", "’", "‘", "`", "´", "ʼ"]

    /// Splits an utterance into tokens. Works on Unicode scalars (cheaper than grapheme
    /// clusters) with their UTF-16 offsets, so that editors get exact positions.
    public static func tokenize(_ utterance: String) -> [Token] {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var indices: [String.Index] = []
        scalars.reserveCapacity(utterance.utf8.count)
        offsets.reserveCapacity(utterance.utf8.count + 1)
        indices.reserveCapacity(utterance.utf8.count + 1)
        var offset = 0
        let view = utterance.unicodeScalars
        var position = view.startIndex
        while position < view.endIndex {
            let scalar = view[position]
            scalars.append(scalar)
            offsets.append(offset)
            indices.append(position)
            offset += scalar.utf16.count
            position = view.index(after: position)
        }
        offsets.append(offset)
        indices.append(view.endIndex)
        let text = Text(view: view, indices: indices, offsets: offsets)

        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                var end = index + 1
                while end < scalars.count {
                    let next = scalars[end]
                    if isWordScalar(next) || isCombiningMark(next) {
                        end += 1
                    } else if joinerScalars.contains(next), end + 1 < scalars.count, isWordScalar(scalars[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                appendWord(scalars[index..<end], text, into: &tokens)
                index = end
            } else if scalar.properties.isWhitespace {
                index += 1
            } else {
                // Punctuation and symbols (€, %, ?, &) are tokens of their own.
                let text = String(scalar)
                tokens.append(Token(text: fold(text), original: text, start: offsets[index], end: offsets[index + 1]))
                index += 1
            }
        }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.generalCategory == .nonspacingMark
    }

    static let joinerScalars: Set<Unicode.Scalar> = ["-", ".", ",", "/", "@", "_", "+", "'", "’", "‘", "`", "´", "ʼ"]
    static let apostropheScalars: Set<Unicode.Scalar> = ["'", "’", "‘", "`", "´", "ʼ"]

    /// The utterance with, for each scalar, its string index and UTF-16 offset.
    private struct Text {
        let view: String.UnicodeScalarView
        let indices: [String.Index]
        let offsets: [Int]
    }

    /// Splits a run of word scalars and joiners at elisions and hyphenated pronouns.
    private static func appendWord(_ slice: ArraySlice<Unicode.Scalar>, _ utterance: Text, into tokens: inout [Token]) {
        func string(_ part: ArraySlice<Unicode.Scalar>) -> String {
            String(utterance.view[utterance.indices[part.startIndex]..<utterance.indices[part.endIndex]])
        }
        func token(_ part: ArraySlice<Unicode.Scalar>, text: String? = nil) -> Token {
            let original = string(part)
            return Token(
                text: text ?? fold(original), original: original, start: utterance.offsets[part.startIndex],
                end: utterance.offsets[part.endIndex])
        }
        // The common case, a plain word: one token, no splitting to consider.
        var hasDigit = false
        var special = false
        for scalar in slice {
            if scalar.isASCII && (48...57).contains(scalar.value) { hasDigit = true }
            if scalar == "-" || scalar == "@" || apostropheScalars.contains(scalar) { special = true }
        }
        if hasDigit || !special || slice.contains("@") {
            tokens.append(token(slice))
            return
        }
        // Elision: "l'echeance" → "l'" + "echeance"; "aujourd'hui" stays whole.
        if let apostrophe = slice.firstIndex(where: apostropheScalars.contains), apostrophe + 1 < slice.endIndex {
            let head = fold(string(slice[slice.startIndex..<apostrophe]))
            if elisions.contains(head) && fold(string(slice)) != "aujourd'hui" {
                tokens.append(token(slice[slice.startIndex...apostrophe], text: head + "'"))
                appendWord(slice[(apostrophe + 1)...], utterance, into: &tokens)
                return
            }
        }
        // Hyphenated pronouns: "envoie-lui", "a-t-il", "peut-on".
        let parts = slice.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count > 1, parts.dropFirst().allSatisfy({ hyphenatedPronouns.contains(fold(string($0))) }) {
            for part in parts where !part.isEmpty && !(parts.count > 2 && fold(string(part)) == "t") {
                tokens.append(token(part))
            }
            return
        }
        tokens.append(token(slice))
    }
}
