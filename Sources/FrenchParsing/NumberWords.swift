/// Reads French numbers written in words, up to the millions: "quatre-vingt-dix-neuf",
/// "mille deux cents", "soixante et onze", Belgian and Swiss "septante", "huitante",
/// "octante", "nonante", and ordinals ("troisième", "1er", "2e").
public enum NumberWords {
    static let units: [String: Int] = [
        "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
        "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70,
        "huitante": 80, "octante": 80, "nonante": 90,
    ]

    static let ordinals: [String: Int] = [
        "premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "1re": 1, "second": 2, "seconde": 2, "deuxieme": 2,
        "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
        "dixieme": 10, "dernier": -1, "derniere": -1,
    ]

    /// Whether a folded word can be part of a number in words.
    public static func isNumberWord(_ word: String) -> Bool {
        if word == "et" { return false }
        if units[word] != nil || word == "cent" || word == "cents" || word == "mille" || word == "mil" { return true }
        if word == "million" || word == "millions" || word == "milliard" || word == "milliards" { return true }
        return word.utf8.contains(UInt8(ascii: "-")) && word.split(separator: "-").allSatisfy { isNumberWord(String($0)) || $0 == "et" }
    }

    /// The value of a sequence of folded number words ("mille", "deux", "cents"), or `nil`.
    /// "et" is accepted between words ("vingt et un", "soixante et onze").
    public static func value(of words: [String]) -> Int? {
        let pieces = words.flatMap { $0.split(separator: "-").map(String.init) }.filter { $0 != "et" }
        guard !pieces.isEmpty else { return nil }
        var total = 0
        var current = 0  // the part below one thousand being read
        var previous = ""
        for piece in pieces {
            if let unit = units[piece] {
                let below100 = current % 100
                switch unit {
                case 20 where previous == "quatre":
                    current += 80 - 4  // quatre-vingt(s)
                case 1...9:
                    guard below100 % 10 == 0, !(11...16).contains(below100) else { return nil }
                    current += unit
                case 10...19:
                    guard below100 == 0 || below100 == 60 || below100 == 80 else { return nil }
                    current += unit
                default:  // 20…90
                    guard below100 == 0 else { return nil }
                    current += unit
                }
            } else if piece == "cent" || piece == "cents" {
                guard current % 100 == current, current < 10 else { return nil }
                current = (current == 0 ? 1 : current) * 100
            } else if piece == "mille" || piece == "mil" {
                guard total % 1_000_000 == 0 || total == 0 else { return nil }
                total += (current == 0 ? 1 : current) * 1000
                current = 0
            } else if piece == "million" || piece == "millions" {
                total += (current == 0 ? 1 : current) * 1_000_000
                current = 0
            } else if piece == "milliard" || piece == "milliards" {
                total += (current == 0 ? 1 : current) * 1_000_000_000
                current = 0
            } else {
                return nil
            }
            previous = piece
        }
        return total + current
    }

    /// The rank of an ordinal word or abbreviation: "troisième" → 3, "2e", "2eme", "2nd" → 2,
    /// "dernier" → -1 (the last one).
    public static func ordinal(_ word: String) -> Int? {
        if let value = ordinals[word] { return value }
        for suffix in ["eme", "e", "nd", "nde", "er", "ere", "re"] where word.hasSuffix(suffix) {
            let head = word.dropLast(suffix.count)
            if let value = Int(head), value > 0, value < 1000 { return value }
        }
        if word.hasSuffix("ieme") {
            var stem = String(word.dropLast(4))
            if stem.hasSuffix("qu") { stem = String(stem.dropLast(2)) + "que" }  // cinquième
            if stem.hasSuffix("neuv") { stem = String(stem.dropLast(4)) + "neuf" }
            for candidate in [stem, stem + "e", stem + "s"] {
                if let value = value(of: [candidate]), value > 0 { return value }
            }
        }
        return nil
    }
}
