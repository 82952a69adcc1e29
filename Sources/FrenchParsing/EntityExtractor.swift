import Receivables

/// Finds every date, period, duration, amount, number, invoice number, email and phone in
/// the tokens, left to right, longest match first. The intent parser and the `extract` RPC
/// method both use it.
public enum EntityExtractor {
    static let currencyWords: Set<String> = ["€", "euros", "euro", "eur", "e", "balles", "boules", "eu"]
    static let invoiceCues: Set<String> = [
        "facture", "factures", "fact", "fac", "fa", "n°", "no", "numero", "num", "ref", "reference", "piece", "f",
    ]

    public static func extract(_ tokens: [Token]) -> [Mention] {
        var mentions: [Mention] = []
        var i = 0
        while i < tokens.count {
            // "-50 €": a minus sign glued to a number makes it negative (and refused later).
            if ["-", "−"].contains(tokens[i].text), i + 1 < tokens.count, tokens[i].end == tokens[i + 1].start,
                let mention = recognize(tokens, at: i + 1), let negative = mention.value.negated
            {
                mentions.append(Mention(negative, tokens: i..<mention.tokens.upperBound))
                i = mention.tokens.upperBound
                continue
            }
            if let mention = recognize(tokens, at: i) {
                mentions.append(mention)
                i = mention.tokens.upperBound
            } else {
                i += 1
            }
        }
        return mentions
    }

    static func recognize(_ tokens: [Token], at i: Int) -> Mention? {
        let token = tokens[i]
        let w = token.text
        let startsWithDigit = w.first?.isASCIINumber == true
        // Most words start nothing: skip them at once (the parser reads thousands of sentences a second).
        guard
            startsWithDigit || w.first == "+" || w.utf8.contains(UInt8(ascii: "@")) || w.utf8.contains(UInt8(ascii: "."))
                || DateRecognizer.triggers.contains(w)
                || w.hasPrefix("mi-")
                || NumberWords.isNumberWord(w) || NumberWords.ordinals[w] != nil || w.hasSuffix("ieme")
                || w.contains(where: \.isASCIINumber) || w == "un" || w == "une"
        else { return nil }
        // An article starts a date only before a date word: "le 15", "la semaine", not "le client".
        if ["le", "la", "l'", "les", "au", "du", "en", "ces", "des", "sur", "ce", "cet", "cette"].contains(w) {
            let next = i + 1 < tokens.count ? tokens[i + 1].text : ""
            guard
                next.first?.isASCIINumber == true || DateRecognizer.triggers.contains(next) || NumberWords.isNumberWord(next)
                    || NumberWords.ordinals[next] != nil || next.hasPrefix("mi-")
                    || ["matin", "soir", "midi", "apres-midi", "jour", "mois-ci"].contains(next)
            else { return nil }
        }
        if let dot = w.lastIndex(of: "."), !w.utf8.contains(UInt8(ascii: "@")),
            w.first?.isLetter == true || w.first == "/" || w.first == "~"
        {
            let ext = w[w.index(after: dot)...]
            if ["csv", "txt", "json", "tsv", "xlsx", "xls", "fec", "ods", "eml", "pdf"].contains(ext) {
                return Mention(.file(token.original), tokens: i..<(i + 1))
            }
        }
        if w.utf8.contains(UInt8(ascii: "@")), w.utf8.contains(UInt8(ascii: ".")) {
            return Mention(.email(token.original.lowercased()), tokens: i..<(i + 1))
        }
        if let phone = phone(tokens, at: i) { return phone }
        if let date = DateRecognizer.match(tokens, at: i) {
            return Mention(date.value, tokens: i..<(i + date.length))
        }
        if let duration = DateRecognizer.duration(tokens, at: i) {
            return Mention(duration.value, tokens: i..<(i + duration.length))
        }
        if let invoice = invoiceNumber(tokens, at: i) { return invoice }
        if let ordinal = NumberWords.ordinal(w), w != "second",
            !(w == "premier" && i + 1 < tokens.count && NumberWords.isNumberWord(tokens[i + 1].text))
        {
            if NumberWords.ordinals[w] != nil || (w.first?.isASCIINumber == true && ordinal <= 20) {
                return Mention(.ordinal(ordinal), tokens: i..<(i + 1))
            }
        }
        if let number = NumberRecognizer.match(tokens, at: i) {
            var end = i + number.length
            var isMoney = false
            let attached = token.text.first?.isASCIINumber == true && token.text.last.map { $0 == "e" || $0 == "€" } == true
            if attached && number.length == 1 { isMoney = true }
            if tokens[end - 1].text == "k€" { isMoney = true }
            // "un million d'euros": the currency may follow an elided "de".
            let currencyAt = end < tokens.count && tokens[end].text == "d'" ? end + 1 : end
            if currencyAt < tokens.count, currencyWords.contains(tokens[currencyAt].text) || tokens[currencyAt].text == "k€" {
                isMoney = true
                end = currencyAt + 1
            }
            var cents = number.hundredths
            // "12 euros 50", "deux euros cinquante", "3 € 20": the cents after the currency.
            if isMoney, !number.hasFraction, !number.scaled, end < tokens.count, currencyAt == end - 1,
                let extra = NumberRecognizer.match(tokens, at: end), !extra.hasFraction, !extra.scaled,
                extra.hundredths < 10_000, extra.hundredths >= 0,
                end + extra.length >= tokens.count || !DateRecognizer.isUnitOrCurrency(tokens[end + extra.length].text)
            {
                cents += extra.hundredths / 100
                end += extra.length
            }
            // "HT" / "TTC" after the amount.
            if isMoney, end < tokens.count, ["ht", "ttc"].contains(tokens[end].text) { end += 1 }
            // "€ 1 200" (currency first).
            if !isMoney, i > 0, tokens[i - 1].text == "€" { isMoney = true }
            // "un"/"une" alone is an article.
            if number.inWords && !isMoney && number.length == 1 && (w == "un" || w == "une") { return nil }
            let value = Money(cents: cents)
            // "12k", "1,5 M": a multiplier is money in this domain.
            if isMoney || number.scaled { return Mention(.amount(value), tokens: i..<end) }
            if number.hasFraction || number.scaled { return Mention(.decimal(value), tokens: i..<end) }
            guard number.hundredths / 100 <= Int64(Int32.max) else { return Mention(.decimal(value), tokens: i..<end) }
            return Mention(.number(Int(number.hundredths / 100)), tokens: i..<end)
        }
        return nil
    }

    /// "06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "06.12.34.56.78".
    static func phone(_ tokens: [Token], at i: Int) -> Mention? {
        let first = tokens[i].text
        let compact = first.filter { $0.isASCIINumber || $0 == "+" }
        if first.allSatisfy({ $0.isASCIINumber || $0 == "." || $0 == "+" || $0 == "-" }) {
            if compact.count == 10, compact.hasPrefix("0"), first.count == 10 || first.count == 14 {
                return Mention(.phone(compact), tokens: i..<(i + 1))
            }
            if compact.hasPrefix("+33"), compact.count == 12 { return Mention(.phone(compact), tokens: i..<(i + 1)) }
        }
        // Pairs of digits typed with spaces.
        var digits = ""
        var end = i
        if first == "+" || first.hasPrefix("+33") || (first.count == 2 && first.hasPrefix("0") && first.allSatisfy(\.isASCIINumber)) {
            while end < tokens.count, end - i < 7 {
                let t = tokens[end].text
                guard t.allSatisfy({ $0.isASCIINumber || $0 == "+" }), t.count <= 3 else { break }
                digits += t
                end += 1
                if (digits.hasPrefix("0") && digits.count == 10) || (digits.hasPrefix("+33") && digits.count == 12) {
                    return Mention(.phone(digits), tokens: i..<end)
                }
            }
        }
        return nil
    }

    /// "F-2026-014", "FA0042", "fa0102", "facture 1234", "n° 1234".
    static func invoiceNumber(_ tokens: [Token], at i: Int) -> Mention? {
        let original = tokens[i].original
        let w = tokens[i].text
        let letters = w.prefix(while: \.isLetter)
        let hasDigits = w.contains(where: \.isASCIINumber)
        if hasDigits, !letters.isEmpty, letters.count <= 5, w.first!.isLetter, !w.utf8.contains(UInt8(ascii: "@")),
            DateRecognizer.numericDate(w) == nil, !["t1", "t2", "t3", "t4"].contains(w),
            letters.count > 1 || w.count > 2 || w.first == "f"
        {
            let rest = w.dropFirst(letters.count)
            if rest.allSatisfy({ $0.isASCIINumber || $0 == "-" || $0 == "/" || $0 == "_" || $0 == "." || $0.isLetter }) {
                return Mention(.invoice(original.uppercased()), tokens: i..<(i + 1))
            }
        }
        // A bare number after an invoice word: "facture 1234", "la facture n° 12".
        if w.allSatisfy({ $0.isASCIINumber || $0 == "-" || $0 == "/" }), w.first?.isASCIINumber == true, i > 0 {
            var j = i - 1
            if ["n°", "no", "numero", "num", "°"].contains(tokens[j].text), j > 0 { j -= 1 }
            if tokens[j].text == "n" && j > 0 { j -= 1 }
            // "la 1245" (la facture): a number of three digits or more after a feminine article.
            let afterArticle = tokens[i - 1].text == "la" && w.count >= 3 && w.allSatisfy(\.isASCIINumber)
            if ["facture", "factures", "fact", "fac", "n°", "numero", "ref", "reference"].contains(tokens[j].text)
                || tokens[i - 1].text == "n°" || afterArticle
            {
                // Not an amount: "facture 1234 €" is an amount.
                if i + 1 < tokens.count, currencyWords.contains(tokens[i + 1].text) { return nil }
                if DateRecognizer.numericDate(w) != nil, w.utf8.contains(UInt8(ascii: "/")) { return nil }
                return Mention(.invoice(original.uppercased()), tokens: i..<(i + 1))
            }
        }
        return nil
    }
}
