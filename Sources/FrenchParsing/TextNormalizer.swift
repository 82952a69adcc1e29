import Foundation

/// Turns typed French into tokens: lower case, accents folded, typographic apostrophes
/// straightened, elisions split ("l’échéance" → "l'", "echeance"), hyphenated pronouns split
/// ("envoie-lui" → "envoie", "lui"), while numbers, amounts, invoice numbers, dates and email
/// addresses stay whole ("1.200,50", "F-2026-014", "15/03", "compta@durand.fr").
public enum TextNormalizer {
    /// Folds a word: lower case, no diacritics, straight apostrophe, œ → oe.
    public static func fold(_ text: some StringProtocol) -> String {
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
        scalars.reserveCapacity(utterance.utf8.count)
        offsets.reserveCapacity(utterance.utf8.count + 1)
        var offset = 0
        for scalar in utterance.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += scalar.utf16.count
        }
        offsets.append(offset)

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
                appendWord(scalars[index..<end], offsets: offsets, into: &tokens)
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

    /// Splits a run of word scalars and joiners at elisions and hyphenated pronouns.
    private static func appendWord(_ slice: ArraySlice<Unicode.Scalar>, offsets: [Int], into tokens: inout [Token]) {
        func string(_ part: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: part)
            return String(view)
        }
        func token(_ part: ArraySlice<Unicode.Scalar>, text: String? = nil) -> Token {
            let original = string(part)
            return Token(text: text ?? fold(original), original: original, start: offsets[part.startIndex], end: offsets[part.endIndex])
        }
        let hasDigit = slice.contains { $0.isASCII && (48...57).contains($0.value) }
        if hasDigit || slice.contains("@") {
            tokens.append(token(slice))
            return
        }
        // Elision: "l'echeance" → "l'" + "echeance"; "aujourd'hui" stays whole.
        if let apostrophe = slice.firstIndex(where: apostropheScalars.contains), apostrophe + 1 < slice.endIndex {
            let head = fold(string(slice[slice.startIndex..<apostrophe]))
            if elisions.contains(head) && fold(string(slice)) != "aujourd'hui" {
                tokens.append(token(slice[slice.startIndex...apostrophe], text: head + "'"))
                appendWord(slice[(apostrophe + 1)...], offsets: offsets, into: &tokens)
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
