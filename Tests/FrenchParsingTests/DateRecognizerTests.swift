import FrenchParsing
import Receivables
import Testing

/// Proves the date conventions of intents.md with today fixed at Sunday 2026-11-22: each
/// French expression is recognised as one date mention and placed on the right day or span,
/// forward for due dates and backward where the sentence is about the past; impossible days
/// are refused rather than moved.
@Suite struct DateRecognizerTests {
    static let today = Day(iso: "2026-11-22")!

    static func expression(_ text: String) -> DateExpression? {
        for mention in EntityExtractor.extract(TextNormalizer.tokenize(text)) {
            if case .date(let expression) = mention.value { return expression }
        }
        return nil
    }

    static func day(_ text: String, _ orientation: DateOrientation = .future) -> String? {
        expression(text)?.resolveDay(today: today, orientation: orientation)?.iso
    }

    static func period(_ text: String, _ orientation: DateOrientation = .future) -> String? {
        expression(text)?.resolvePeriod(today: today, orientation: orientation).map { "\($0.from.iso)…\($0.to.iso)" }
    }

    @Test func todayIsASunday() {
        #expect(Self.today.weekday == 7)
    }

    // MARK: Days, read forward (due dates, promises)

    @Test(arguments: [
        ("aujourd'hui", "2026-11-22"),
        ("aujourd’hui", "2026-11-22"),
        ("demain", "2026-11-23"),
        ("après-demain", "2026-11-24"),
        ("apres-demain", "2026-11-24"),
        ("hier", "2026-11-21"),
        ("avant-hier", "2026-11-20"),
        ("dans 15 jours", "2026-12-07"),
        ("dans 3 jours", "2026-11-25"),
        ("dans trois semaines", "2026-12-13"),
        ("dans une semaine", "2026-11-29"),
        ("dans 2 mois", "2027-01-22"),
        ("sous huitaine", "2026-11-30"),
        ("sous quinzaine", "2026-12-07"),
        ("sous une quinzaine", "2026-12-07"),
        ("vendredi", "2026-11-27"),
        ("vendredi prochain", "2026-11-27"),
        ("lundi", "2026-11-23"),
        ("dimanche", "2026-11-29"),
        ("lundi en huit", "2026-11-30"),
        ("lundi prochain", "2026-11-23"),
        ("mardi dernier", "2026-11-17"),
        ("fin du mois", "2026-11-30"),
        ("fin de mois", "2026-11-30"),
        ("fin du mois prochain", "2026-12-31"),
        ("début du mois prochain", "2026-12-01"),
        ("fin mars", "2027-03-31"),
        ("fin novembre", "2026-11-30"),
        ("fin février", "2027-02-28"),
        ("début avril", "2027-04-01"),
        ("mi-janvier", "2027-01-15"),
        ("mi-mars", "2027-03-15"),
        ("fin d'année", "2026-12-31"),
        ("le 15", "2026-12-15"),
        ("le 22", "2026-11-22"),
        ("le 30", "2026-11-30"),
        ("le 1er", "2026-12-01"),
        ("15/03", "2027-03-15"),
        ("22/11", "2026-11-22"),
        ("le 3 mars", "2027-03-03"),
        ("le 1er décembre", "2026-12-01"),
        ("29/02", "2028-02-29"),
        ("15/03/2026", "2026-03-15"),
        ("15/03/26", "2026-03-15"),
        ("2026-12-01", "2026-12-01"),
        ("15 mars 2027", "2027-03-15"),
        ("vendredi 27 novembre", "2026-11-27"),
    ])
    func dayReadForward(text: String, expected: String) {
        #expect(Self.day(text) == expected)
    }

    // MARK: Days, read backward (payments received, "depuis le")

    @Test(arguments: [
        ("15/03", "2026-03-15"),
        ("le 3 mars", "2026-03-03"),
        ("le 15", "2026-11-15"),
        ("le 22", "2026-11-22"),
        ("le 30", "2026-10-30"),
        ("vendredi", "2026-11-20"),
        ("22/11", "2026-11-22"),
        ("23/11", "2025-11-23"),
        ("fin mars", "2026-03-31"),
        ("29/02", "2024-02-29"),
        ("hier", "2026-11-21"),
    ])
    func dayReadBackward(text: String, expected: String) {
        #expect(Self.day(text, .past) == expected)
    }

    // MARK: Impossible days

    @Test(arguments: ["31 février", "le 31 février", "30/02", "31/04", "30/02/2027", "31/06/2026", "29/02/2027"])
    func impossibleDaysAreRefused(text: String) throws {
        let expression = try #require(Self.expression(text), "\(text) should still be read as a date")
        #expect(expression.resolveDay(today: Self.today, orientation: .future) == nil)
        #expect(expression.resolveDay(today: Self.today, orientation: .past) == nil)
        #expect(expression.resolvePeriod(today: Self.today, orientation: .future) == nil)
    }

    // MARK: Periods

    @Test(arguments: [
        ("la semaine prochaine", "2026-11-23…2026-11-29"),
        ("cette semaine", "2026-11-16…2026-11-22"),
        ("la semaine dernière", "2026-11-09…2026-11-15"),
        ("ce mois-ci", "2026-11-01…2026-11-30"),
        ("ce mois", "2026-11-01…2026-11-30"),
        ("le mois prochain", "2026-12-01…2026-12-31"),
        ("le mois dernier", "2026-10-01…2026-10-31"),
        ("le trimestre prochain", "2027-01-01…2027-03-31"),
        ("ce trimestre", "2026-10-01…2026-12-31"),
        ("le trimestre dernier", "2026-07-01…2026-09-30"),
        ("T2 2027", "2027-04-01…2027-06-30"),
        ("cette année", "2026-01-01…2026-12-31"),
        ("l'année prochaine", "2027-01-01…2027-12-31"),
        ("en 2025", "2025-01-01…2025-12-31"),
        ("d'ici fin juin", "2026-11-22…2027-06-30"),
        ("d'ici vendredi", "2026-11-22…2026-11-27"),
        ("jusqu'au 15", "2026-11-22…2026-12-15"),
        ("première quinzaine de décembre", "2026-12-01…2026-12-15"),
        ("deuxième quinzaine de décembre", "2026-12-16…2026-12-31"),
        ("seconde quinzaine de février", "2027-02-16…2027-02-28"),
        ("demain", "2026-11-23…2026-11-23"),
    ])
    func periodReadForward(text: String, expected: String) {
        #expect(Self.period(text) == expected)
    }

    /// "d'ici N jours / semaines / mois": from today to the day "dans N …" names.
    @Test(arguments: [
        ("d'ici 15 jours", "2026-11-22…2026-12-07"),
        ("d'ici 2 mois", "2026-11-22…2027-01-22"),
        ("d'ici trois semaines", "2026-11-22…2026-12-13"),
        ("d'ici une semaine", "2026-11-22…2026-11-29"),
    ])
    func dIciADurationIsASpanFromToday(text: String, expected: String) {
        #expect(Self.period(text) == expected)

    }

    @Test func periodEndIsTheDayOfAPeriod() {
        // A period asked as a day gives its last day.
        #expect(Self.day("la semaine prochaine") == "2026-11-29")
        #expect(Self.day("le trimestre prochain") == "2027-03-31")
    }

    @Test func periodsAreFlaggedAsSuch() throws {
        #expect(try #require(Self.expression("la semaine prochaine")).isPeriod)
        #expect(try #require(Self.expression("d'ici fin juin")).isPeriod)
        #expect(try !#require(Self.expression("demain")).isPeriod)
        #expect(try !#require(Self.expression("fin du mois")).isPeriod)
    }

    // MARK: Recognition details

    @Test(arguments: [
        ("demain", 0..<1), ("lundi en huit", 0..<3), ("la semaine prochaine", 0..<3), ("fin du mois", 0..<3),
        ("première quinzaine de décembre", 0..<4), ("d'ici fin juin", 0..<4), ("le 3 mars", 0..<3), ("dans trois semaines", 0..<3),
    ])
    func dateMentionCoversItsWords(text: String, tokens: Range<Int>) throws {
        let mention = try #require(EntityExtractor.extract(TextNormalizer.tokenize(text)).first)
        #expect(mention.tokens == tokens)
    }

    @Test func dateInsideASentence() {
        #expect(Self.day("il a promis de payer vendredi prochain") == "2026-11-27")
        #expect(Self.day("relance Dupont sous huitaine stp") == "2026-11-30")
        #expect(Self.period("les factures à échéance la semaine prochaine") == "2026-11-23…2026-11-29")
    }

    @Test(arguments: ["le 15 €", "le 15 jours", "15.03", "bonjour", "1 200,50 €", "F-2026-014", "compta@durand.fr", "15 k€"])
    func noDateIsRead(text: String) {
        #expect(Self.expression(text) == nil)
    }

    // MARK: Robustness

    /// A month name or "semaine" as the first word reads `tokens[-1]` and traps
    /// (`word(_:)` in DateRecognizer.match does not guard negative indices).
    @Test func monthNameAsFirstWordIsRead() {
        let mentions = EntityExtractor.extract(TextNormalizer.tokenize("mars 2027"))
        #expect(mentions.first?.value == .date(.namedMonth(3, year: 2027)))
    }

    @Test func semaineAsFirstWordDoesNotCrash() {
        let mentions = EntityExtractor.extract(TextNormalizer.tokenize("semaine 48"))
        #expect(mentions.map(\.value) == [.number(48)])
    }

    @Test func semaineAfterALeadingArticleDoesNotCrash() {
        let mentions = EntityExtractor.extract(TextNormalizer.tokenize("la semaine du 15"))
        #expect(mentions.map(\.value) == [.date(.dayOfMonth(15))])
    }

    @Test(arguments: ["en mars", "factures de mars", "les factures de la semaine prochaine", "fin mars 2027", "1er mars"])
    func monthOrWeekAfterAnotherWordIsRead(text: String) {
        #expect(Self.expression(text) != nil)
    }

    @Test func resolutionFollowsToday() {
        let monday = Day(iso: "2026-11-23")!
        let expression = DateExpression.weekday(1, direction: 0, extraWeeks: 0)
        #expect(expression.resolveDay(today: monday, orientation: .future)?.iso == "2026-11-30")
        #expect(expression.resolveDay(today: monday, orientation: .past)?.iso == "2026-11-16")
        #expect(
            DateExpression.endOfMonth(month: nil, year: nil, monthOffset: 0).resolveDay(
                today: Day(iso: "2024-02-10")!, orientation: .future)?.iso
                == "2024-02-29")
        #expect(DateExpression.dayOfMonth(31).resolveDay(today: Day(iso: "2026-11-22")!, orientation: .future)?.iso == "2026-12-31")
        #expect(DateExpression.dayOfMonth(31).resolveDay(today: Day(iso: "2026-11-22")!, orientation: .past)?.iso == "2026-10-31")
    }

    @Test func dayRangeContainsBothEnds() {
        let range = DayRange(from: Day(iso: "2026-11-23")!, to: Day(iso: "2026-11-29")!)
        #expect(range.contains(Day(iso: "2026-11-23")!))
        #expect(range.contains(Day(iso: "2026-11-29")!))
        #expect(!range.contains(Day(iso: "2026-11-30")!))
        #expect(!range.contains(Day(iso: "2026-11-22")!))
    }
}
