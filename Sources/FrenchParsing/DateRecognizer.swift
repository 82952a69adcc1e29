/// Recognises dates, periods and durations in tokens, by the date conventions of
/// `intents.md`: "demain", "vendredi prochain", "lundi en huit", "le 15 mars", "15/03",
/// "fin du mois", "mi-janvier", "sous huitaine", "dans trois semaines", "la semaine
/// prochaine", "au premier trimestre", "d'ici fin juin", "première quinzaine de décembre".
enum DateRecognizer {
    struct Match {
        var value: Mention.Value
        var length: Int
    }

    /// The words a date, period or duration can start with (besides digits and number words).
    static let triggers: Set<String> = {
        var words: Set<String> = [
            "d'", "jusqu'", "aujourd'hui", "auj", "ajd", "hier", "avant-hier", "demain", "apres-demain", "ce", "cet", "cette",
            "dans", "sous", "d'ici", "le", "la", "l'", "au", "du", "les", "semaine", "mois", "trimestre", "annee", "fin", "debut",
            "mi", "t1", "t2", "t3", "t4", "en", "premier", "premiere", "deuxieme", "second", "seconde", "troisieme", "quatrieme",
            "1er", "1ere", "ces", "des", "sur", "entre", "avant", "apres",
        ]
        words.formUnion(Lexicon.months.keys)
        words.formUnion(Lexicon.weekdays.keys)
        return words
    }()

    static let dayUnits: [String: Int] = ["jour": 1, "jours": 1, "j": 1, "jr": 1, "jrs": 1, "semaine": 7, "semaines": 7, "sem": 7]
    static let monthUnits: [String: Int] = ["mois": 1, "an": 12, "ans": 12, "annee": 12, "annees": 12, "trimestre": 3, "trimestres": 3]

    static func match(_ tokens: [Token], at start: Int) -> Match? {
        func word(_ i: Int) -> String { tokens.indices.contains(i) ? tokens[i].text : "" }
        var i = start
        // "d'ici …", "jusqu'au …", "jusqu'à …": a period from today.
        if (word(i) == "d'" && word(i + 1) == "ici") || word(i) == "jusqu'" {
            let skip = word(i) == "jusqu'" ? (["au", "a", "à"].contains(word(i + 1)) ? 2 : 1) : 2
            var j = i + skip
            if word(j) == "le" || word(j) == "la" || word(j) == "l'" { j += 1 }
            // "d'ici 15 jours", "d'ici trois semaines": a span, before "15" can be read as a day.
            if let inner = duration(tokens, at: j), case .duration(let days, let months) = inner.value {
                let expression: DateExpression = months > 0 ? .relativeMonths(months) : .relativeDays(days)
                return Match(value: .date(.until(expression)), length: j - i + inner.length)
            }
            if let inner = match(tokens, at: j), case .date(let expression) = inner.value {
                return Match(value: .date(.until(expression)), length: j - i + inner.length)
            }
            if let day = dayNumber(word(j)), monthOf(word(j + 1)) == nil, !isUnitOrCurrency(word(j + 1)) {
                return Match(value: .date(.until(.dayOfMonth(day))), length: j - i + 1)
            }
            return nil
        }
        switch word(i) {
        case "aujourd'hui", "auj", "ajd": return Match(value: .date(.today), length: 1)
        case "hier": return Match(value: .date(.relativeDays(-1)), length: 1)
        case "avant-hier": return Match(value: .date(.relativeDays(-2)), length: 1)
        case "avant" where word(i + 1) == "hier": return Match(value: .date(.relativeDays(-2)), length: 2)
        case "apres" where word(i + 1) == "demain": return Match(value: .date(.relativeDays(2)), length: 2)
        case "entre", "du":
            // "entre le 1er et le 15 novembre", "du 3 au 10 décembre": a span; the first day may
            // borrow the month of the second.
            if let range = span(tokens, at: i) { return range }
        case "demain": return Match(value: .date(.relativeDays(1)), length: 1)
        case "apres-demain": return Match(value: .date(.relativeDays(2)), length: 1)
        case "ce", "cet", "cette":
            switch word(i + 1) {
            case "matin", "soir", "midi", "apres-midi", "jour": return Match(value: .date(.today), length: 2)
            case "semaine": return Match(value: .date(.week(offset: 0)), length: 2)
            case "mois", "mois-ci": return Match(value: .date(.month(offset: 0)), length: word(i + 2) == "ci" ? 3 : 2)
            case "trimestre": return Match(value: .date(.quarter(nil, offset: 0, year: nil)), length: 2)
            case "annee": return Match(value: .date(.year(offset: 0)), length: 2)
            default: return nil
            }
        case "dans", "sous", "d'ici":
            let next = word(i + 1)
            if next == "huitaine" { return Match(value: .date(.relativeDays(8)), length: 2) }
            if next == "quinzaine" { return Match(value: .date(.relativeDays(15)), length: 2) }
            if next == "une" && word(i + 2) == "quinzaine" { return Match(value: .date(.relativeDays(15)), length: 3) }
            if next == "une" && word(i + 2) == "huitaine" { return Match(value: .date(.relativeDays(8)), length: 3) }
            if let inner = duration(tokens, at: i + 1), case .duration(let days, let months) = inner.value {
                return Match(value: .date(months > 0 ? .relativeMonths(months) : .relativeDays(days)), length: inner.length + 1)
            }
            return nil
        default: break
        }
        // "les douze derniers mois", "ces 30 derniers jours".
        let countAt = ["les", "ces", "des", "sur"].contains(word(i)) ? i + 1 : i
        let pastWords: Set<String> = ["derniers", "dernieres", "passes", "passees"]
        if pastWords.contains(word(countAt + 1)) || pastWords.contains(word(countAt + 2)) || pastWords.contains(word(countAt + 3)),
            let count = NumberRecognizer.match(tokens, at: countAt), !count.hasFraction, !count.scaled,
            ["derniers", "dernieres", "passes", "passees"].contains(word(countAt + count.length))
        {
            let unit = word(countAt + count.length + 1)
            let n = Int(count.hundredths / 100)
            if let d = dayUnits[unit] {
                return Match(value: .date(.trailing(days: n * d, months: 0)), length: countAt - i + count.length + 2)
            }
            if let m = monthUnits[unit] {
                return Match(value: .date(.trailing(days: 0, months: n * m)), length: countAt - i + count.length + 2)
            }
        }
        // Skip an article before the expression: "le 15 mars", "la semaine prochaine", "au 31".
        var article = 0
        if ["le", "la", "l'", "au", "du", "les"].contains(word(i)) {
            article = 1
            i += 1
        }
        let w = word(i)
        // Weeks, months, quarters, years.
        if w == "semaine" {
            switch word(i + 1) {
            case "prochaine", "suivante", "pro": return Match(value: .date(.week(offset: 1)), length: article + 2)
            case "derniere", "passee", "precedente": return Match(value: .date(.week(offset: -1)), length: article + 2)
            case "en": if word(i + 2) == "cours" { return Match(value: .date(.week(offset: 0)), length: article + 3) }
            default: break
            }
            if word(start - 1) == "cette" { return nil }
        }
        if w == "mois" {
            switch word(i + 1) {
            case "prochain", "suivant", "pro": return Match(value: .date(.month(offset: 1)), length: article + 2)
            case "dernier", "passe", "precedent": return Match(value: .date(.month(offset: -1)), length: article + 2)
            case "en": if word(i + 2) == "cours" { return Match(value: .date(.month(offset: 0)), length: article + 3) }
            case "de", "d'":
                if let month = monthOf(word(i + 2)) {
                    let year = yearOf(word(i + 3))
                    return Match(value: .date(.namedMonth(month, year: year)), length: article + 3 + (year == nil ? 0 : 1))
                }
            default: break
            }
        }
        if w == "trimestre" {
            switch word(i + 1) {
            case "prochain", "suivant": return Match(value: .date(.quarter(nil, offset: 1, year: nil)), length: article + 2)
            case "dernier", "passe", "precedent": return Match(value: .date(.quarter(nil, offset: -1, year: nil)), length: article + 2)
            case "en": if word(i + 2) == "cours" { return Match(value: .date(.quarter(nil, offset: 0, year: nil)), length: article + 3) }
            default: break
            }
        }
        if let rank = NumberWords.ordinal(w), (1...4).contains(rank), word(i + 1) == "trimestre" {
            let year = yearOf(word(i + 2))
            return Match(value: .date(.quarter(rank, offset: 0, year: year)), length: article + 2 + (year == nil ? 0 : 1))
        }
        if w.count == 2, w.first == "t", let q = Int(w.dropFirst()), (1...4).contains(q) {
            let year = yearOf(word(i + 1))
            return Match(value: .date(.quarter(q, offset: 0, year: year)), length: article + 1 + (year == nil ? 0 : 1))
        }
        if w == "annee" {
            switch word(i + 1) {
            case "prochaine", "suivante": return Match(value: .date(.year(offset: 1)), length: article + 2)
            case "derniere", "passee", "precedente": return Match(value: .date(.year(offset: -1)), length: article + 2)
            case "en": if word(i + 2) == "cours" { return Match(value: .date(.year(offset: 0)), length: article + 3) }
            default: break
            }
        }
        // "première quinzaine de décembre".
        if let rank = NumberWords.ordinal(w), (1...2).contains(rank), word(i + 1) == "quinzaine" {
            var j = i + 2
            if word(j) == "de" || word(j) == "d'" { j += 1 }
            if let month = monthOf(word(j)) {
                let year = yearOf(word(j + 1))
                return Match(
                    value: .date(.fortnight(half: rank, month: month, year: year)), length: article + j - i + 1 + (year == nil ? 0 : 1))
            }
            return Match(value: .date(.fortnight(half: rank, month: nil, year: nil)), length: article + 2)
        }
        // "fin du mois", "fin mars", "début avril", "mi-janvier", "fin d'année".
        if w == "fin" || w == "debut" || w == "mi" || w.hasPrefix("mi-") {
            var j = i + 1
            var monthName = word(j)
            if w.hasPrefix("mi-") {
                monthName = String(w.dropFirst(3))
                j = i
            } else if ["du", "de", "d'"].contains(monthName) {
                j += 1
                monthName = word(j)
                if monthName == "l'" || monthName == "la" {
                    j += 1
                    monthName = word(j)
                }
            }
            if monthName == "mois" || monthName == "mois-ci" {
                var offset = 0
                var extra = 0
                if ["prochain", "suivant"].contains(word(j + 1)) { offset = 1; extra = 1 }
                if ["dernier", "passe", "precedent"].contains(word(j + 1)) { offset = -1; extra = 1 }
                let expression: DateExpression =
                    w == "fin"
                    ? .endOfMonth(month: nil, year: nil, monthOffset: offset)
                    : w == "debut" ? .startOfMonth(month: nil, year: nil, monthOffset: offset) : .midMonth(month: nil, year: nil)
                return Match(value: .date(expression), length: article + j - i + 1 + extra)
            }
            if monthName == "annee" && w == "fin" { return Match(value: .date(.endOfYear), length: article + j - i + 1) }
            if let month = monthOf(monthName) {
                let year = yearOf(word(j + 1))
                let expression: DateExpression =
                    w == "fin"
                    ? .endOfMonth(month: month, year: year, monthOffset: 0)
                    : w == "debut" ? .startOfMonth(month: month, year: year, monthOffset: 0) : .midMonth(month: month, year: year)
                return Match(value: .date(expression), length: article + j - i + 1 + (year == nil ? 0 : 1))
            }
            return nil
        }
        // Weekdays: "vendredi", "vendredi prochain", "lundi en huit", "mardi dernier".
        if let weekday = Lexicon.weekdays[w] {
            var length = 1
            var direction = 0
            var extraWeeks = 0
            switch word(i + 1) {
            case "prochain", "prochaine", "qui":
                direction = 1
                length += word(i + 1) == "qui" && word(i + 2) == "vient" ? 2 : (word(i + 1) == "qui" ? 0 : 1)
            case "dernier", "derniere", "passe": direction = -1; length += 1
            default: break
            }
            if word(i + length) == "en", word(i + length + 1) == "huit" || word(i + length + 1) == "8" {
                direction = 1
                extraWeeks = 1
                length += 2
            } else if word(i + length) == "en", word(i + length + 1) == "quinze" || word(i + length + 1) == "15" {
                direction = 1
                extraWeeks = 2
                length += 2
            }
            // A day number may follow: "vendredi 27" or "vendredi 27 novembre".
            if let day = dayNumber(word(i + length)) {
                if let month = monthOf(word(i + length + 1)) {
                    let year = yearOf(word(i + length + 2))
                    return Match(
                        value: .date(.dayMonth(day: day, month: month, year: year)), length: article + length + 2 + (year == nil ? 0 : 1))
                }
                return Match(value: .date(.dayOfMonth(day)), length: article + length + 1)
            }
            return Match(value: .date(.weekday(weekday, direction: direction, extraWeeks: extraWeeks)), length: article + length)
        }
        // Numeric dates: "15/03", "15/03/2026", "15-03-2026", "15.03.2026", "2026-03-15".
        if let numeric = numericDate(w) { return Match(value: .date(numeric), length: article + 1) }
        // "15 mars 2026", "1er mars", "le 3".
        if let day = dayNumber(w) {
            if let month = monthOf(word(i + 1)) {
                let year = yearOf(word(i + 2))
                return Match(value: .date(.dayMonth(day: day, month: month, year: year)), length: article + 2 + (year == nil ? 0 : 1))
            }
            if article == 1, ["le", "au", "du"].contains(word(i - 1)), !isUnitOrCurrency(word(i + 1)) {
                return Match(value: .date(.dayOfMonth(day)), length: 2)
            }
            return nil
        }
        // A month alone: "en mars", "de mars 2026", "factures de mars".
        if let month = monthOf(w),
            w != "mars" || ["en", "de", "d'", "fin", "mois", "debut"].contains(word(i - 1)) || start == 0 || yearOf(word(i + 1)) != nil
                || article > 0
        {
            let year = yearOf(word(i + 1))
            return Match(value: .date(.namedMonth(month, year: year)), length: article + 1 + (year == nil ? 0 : 1))
        }
        // "en 2025".
        if article == 0, w == "en", let year = yearOf(word(i + 1)) {
            return Match(value: .date(.namedYear(year)), length: 2)
        }
        if article == 0 { return nil }
        return nil
    }

    /// "entre le 1er et le 15 novembre", "du 3 au 10/12": from one day to another.
    static func span(_ tokens: [Token], at start: Int) -> Match? {
        func word(_ i: Int) -> String { tokens.indices.contains(i) ? tokens[i].text : "" }
        var j = start + 1
        if word(j) == "le" { j += 1 }
        var firstDay: Int? = nil
        var first: DateExpression? = nil
        var firstLength = 0
        if let day = dayNumber(word(j)), monthOf(word(j + 1)) == nil, !isUnitOrCurrency(word(j + 1)) {
            firstDay = day
            firstLength = 1
        } else if let inner = match(tokens, at: j), case .date(let expression) = inner.value, !expression.isPeriod {
            first = expression
            firstLength = inner.length
        } else {
            return nil
        }
        j += firstLength
        guard ["et", "au", "a", "jusqu'au"].contains(word(j)) else { return nil }
        j += 1
        if word(j) == "le" { j += 1 }
        guard let inner = match(tokens, at: j), case .date(let second) = inner.value, !second.isPeriod else { return nil }
        if let firstDay {
            guard case .dayMonth(_, let month, let year) = second else { return nil }
            first = .dayMonth(day: firstDay, month: month, year: year)
        }
        guard let first else { return nil }
        return Match(value: .date(.between(first, second)), length: j - start + inner.length)
    }

    /// The largest count a duration takes ("100000 ans" is no delay): keeps `count × unit` exact.
    static let maxDurationCount = 100_000

    /// "3 jours", "deux mois", "30j", "une semaine", "un an".
    static func duration(_ tokens: [Token], at start: Int) -> Match? {
        guard start < tokens.count else { return nil }
        let w = tokens[start].text
        // "30j", "15jours", "2mois".
        if let first = w.first, first.isASCIINumber {
            let digits = w.prefix(while: \.isASCIINumber)
            let unit = String(w.dropFirst(digits.count))
            if !unit.isEmpty, let n = Int(digits), n <= maxDurationCount {
                if let d = dayUnits[unit] { return Match(value: .duration(days: n * d, months: 0), length: 1) }
                if let m = monthUnits[unit] { return Match(value: .duration(days: 0, months: n * m), length: 1) }
                return nil
            }
        }
        var count = 0
        var length = 0
        if w == "un" || w == "une" {
            count = 1
            length = 1
        } else if let number = NumberRecognizer.match(tokens, at: start), !number.hasFraction, !number.scaled {
            count = Int(number.hundredths / 100)
            length = number.length
            guard count <= maxDurationCount else { return nil }
        } else {
            return nil
        }
        guard start + length < tokens.count else { return nil }
        let unit = tokens[start + length].text
        if let d = dayUnits[unit] { return Match(value: .duration(days: count * d, months: 0), length: length + 1) }
        if let m = monthUnits[unit] { return Match(value: .duration(days: 0, months: count * m), length: length + 1) }
        return nil
    }

    static func monthOf(_ word: String) -> Int? { Lexicon.months[word] }

    static func yearOf(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1990...2100).contains(year) else { return nil }
        return year
    }

    static func dayNumber(_ word: String) -> Int? {
        if word == "1er" || word == "premier" { return 1 }
        guard word.count <= 2, let day = Int(word), (1...31).contains(day) else { return nil }
        return day
    }

    static func isUnitOrCurrency(_ word: String) -> Bool {
        dayUnits[word] != nil || monthUnits[word] != nil || ["€", "euros", "euro", "eur", "k", "k€", "balles", "%"].contains(word)
    }

    static func numericDate(_ word: String) -> DateExpression? {
        guard word.utf8.contains(where: { $0 == 47 || $0 == 45 || $0 == 46 }) else { return nil }  // / - .
        for separator: Character in ["/", "-", "."] {
            let parts = word.split(separator: separator, omittingEmptySubsequences: false)
            // At most four digits a part: "12345678901234567890/1" is no date (and no Int).
            guard parts.count == 2 || parts.count == 3,
                parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCIINumber) })
            else {
                continue
            }
            if separator == "." && parts.count == 2 { return nil }  // "15.03" is an amount
            if separator == "-" && parts.count == 2 { return nil }
            let numbers = parts.map { Int($0)! }
            if parts[0].count == 4, parts.count == 3 {
                return .dayMonth(day: numbers[2], month: numbers[1], year: numbers[0])
            }
            guard parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            var year: Int? = nil
            if parts.count == 3 {
                year = parts[2].count == 2 ? 2000 + numbers[2] : (parts[2].count == 4 ? numbers[2] : nil)
                guard year != nil else { return nil }
            }
            return .dayMonth(day: numbers[0], month: numbers[1], year: year)
        }
        return nil
    }
}
