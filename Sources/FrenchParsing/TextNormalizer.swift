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

    /// Splits an utterance into tokens.
    public static func tokenize(_ utterance: String) -> [Token] {
        let characters = Array(utterance)
        // UTF-16 offset of each character, for editors.
        var offsets: [Int] = []
        offsets.reserveCapacity(characters.count + 1)
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.utf16.count
        }
        offsets.append(offset)

        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if isWordCharacter(c) {
                var end = index + 1
                while end < characters.count {
                    let next = characters[end]
                    if isWordCharacter(next) {
                        end += 1
                    } else if joiners.contains(next), end + 1 < characters.count, isWordCharacter(characters[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                appendWord(characters[index..<end], start: offsets[index], offsets: offsets, base: index, into: &tokens)
                index = end
            } else if c.isWhitespace {
                index += 1
            } else {
                // Punctuation and symbols (€, %, ?, &) are tokens of their own.
                tokens.append(Token(text: fold(String(c)), original: String(c), start: offsets[index], end: offsets[index + 1]))
                index += 1
            }
        }
        return tokens
    }

    /// Splits a run of word characters and joiners at elisions and hyphenated pronouns.
    private static func appendWord(
        _ slice: ArraySlice<Character>, start: Int, offsets: [Int], base: Int, into tokens: inout [Token]
    ) {
        let original = String(slice)
        let folded = fold(original)
        let hasDigit = folded.contains(where: \.isASCIINumber)
        if folded.contains("@") || hasDigit {
            tokens.append(Token(text: folded, original: original, start: start, end: offsets[base + slice.count]))
            return
        }
        // Elision: "l'echeance" → "l'" + "echeance"; "aujourd'hui" stays whole.
        if let apostrophe = folded.firstIndex(of: "'"), folded != "aujourd'hui" {
            let head = String(folded[..<apostrophe])
            if elisions.contains(head) {
                let headLength = folded.distance(from: folded.startIndex, to: apostrophe) + 1
                tokens.append(
                    Token(text: head + "'", original: String(slice.prefix(headLength)), start: start, end: offsets[base + headLength]))
                appendWord(
                    slice.dropFirst(headLength), start: offsets[base + headLength], offsets: offsets, base: base + headLength, into: &tokens
                )
                return
            }
        }
        // Hyphenated pronouns: "envoie-lui", "a-t-il", "peut-on".
        let parts = folded.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count > 1, parts.dropFirst().allSatisfy({ hyphenatedPronouns.contains(String($0)) }) {
            var position = 0
            for part in parts {
                let length = part.count
                let piece = String(slice.dropFirst(position).prefix(length))
                if !(part == "t" && parts.count > 2) {
                    tokens.append(
                        Token(text: String(part), original: piece, start: offsets[base + position], end: offsets[base + position + length]))
                }
                position += length + 1
            }
            return
        }
        tokens.append(Token(text: folded, original: original, start: start, end: offsets[base + slice.count]))
    }
}
