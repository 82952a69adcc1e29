import Receivables
import Testing

/// Proves the French working calendar: Easter by the Gregorian computus against known dates,
/// the eleven metropolitan public holidays with their French names, weekends and holidays
/// excluded from working days, and `nextWorkingDay` across long weekends.
@Suite struct FrenchCalendarTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    // MARK: Easter

    @Test(arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"), (2000, "2000-04-23"),
        (2038, "2038-04-25"), (2008, "2008-03-23"), (2019, "2019-04-21"), (1818, "1818-03-22"), (1954, "1954-04-18"),
    ])
    func easterSundayOfKnownYears(year: Int, expected: String) {
        #expect(FrenchCalendar.easterSunday(year: year) == Self.day(expected))
    }

    /// Easter is a Sunday between 22 March and 25 April, in every year of the Gregorian calendar.
    @Test func easterIsASundayBetween22MarchAnd25April() {
        for year in 1583...4099 {
            let easter = FrenchCalendar.easterSunday(year: year)
            #expect(easter.weekday == 7, "\(year)")
            #expect(easter.year == year)
            #expect(easter >= Day(year: year, month: 3, day: 22)! && easter <= Day(year: year, month: 4, day: 25)!, "\(year)")
        }
    }

    // MARK: Public holidays

    @Test func theElevenHolidaysOf2026() {
        let holidays = FrenchCalendar.publicHolidays(year: 2026)
        let expected = [
            ("2026-01-01", "Jour de l’An"), ("2026-04-06", "Lundi de Pâques"), ("2026-05-01", "Fête du Travail"),
            ("2026-05-08", "Victoire 1945"), ("2026-05-14", "Ascension"), ("2026-05-25", "Lundi de Pentecôte"),
            ("2026-07-14", "Fête nationale"), ("2026-08-15", "Assomption"), ("2026-11-01", "Toussaint"),
            ("2026-11-11", "Armistice 1918"), ("2026-12-25", "Noël"),
        ]
        #expect(holidays.map(\.day.iso) == expected.map(\.0))
        #expect(holidays.map(\.name) == expected.map(\.1))
        for (iso, _) in expected { #expect(FrenchCalendar.isPublicHoliday(Self.day(iso)), "\(iso)") }
    }

    /// In 2008 Ascension fell on 1 May: both holidays are listed, still eleven, in day order.
    @Test func ascensionOnLabourDayKeepsBothEntries() {
        let holidays = FrenchCalendar.publicHolidays(year: 2008)
        #expect(holidays.count == 11)
        #expect(holidays.filter { $0.day == Self.day("2008-05-01") }.map(\.name) == ["Fête du Travail", "Ascension"])
        #expect(holidays.map(\.day) == holidays.map(\.day).sorted())
    }

    /// `isPublicHoliday` agrees with `publicHolidays` on every day of 2000–2040.
    @Test func isPublicHolidayMatchesTheList() {
        for year in 2000...2040 {
            let listed = Set(FrenchCalendar.publicHolidays(year: year).map(\.day))
            let first = Day(year: year, month: 1, day: 1)!
            for offset in 0..<(Day.isLeap(year) ? 366 : 365) {
                let day = first.adding(days: offset)
                #expect(FrenchCalendar.isPublicHoliday(day) == listed.contains(day), "\(day)")
            }
        }
    }

    /// Alsace-Moselle's extra days are not metropolitan public holidays.
    @Test(arguments: ["2026-04-03", "2026-12-26", "2026-04-05", "2026-05-24", "2026-12-24"])
    func notAPublicHoliday(iso: String) {
        #expect(!FrenchCalendar.isPublicHoliday(Self.day(iso)))
    }

    // MARK: Working days

    @Test(arguments: [
        ("2026-11-21", false),  // Saturday
        ("2026-11-22", false),  // Sunday
        ("2026-11-23", true),  // Monday
        ("2026-11-20", true),  // Friday
        ("2026-11-11", false),  // Wednesday, Armistice
        ("2026-05-14", false),  // Thursday, Ascension
        ("2026-05-15", true),  // the Friday after
        ("2026-12-26", false),  // Saturday (Saint-Étienne only in Alsace-Moselle)
    ])
    func workingDays(iso: String, working: Bool) {
        #expect(FrenchCalendar.isWorkingDay(Self.day(iso)) == working)
    }

    @Test(arguments: [
        ("2026-12-25", "2026-12-28"),  // Christmas on a Friday → Monday
        ("2027-01-01", "2027-01-04"),  // New Year on a Friday → Monday
        ("2026-04-04", "2026-04-07"),  // Easter Saturday → Tuesday after Easter Monday
        ("2026-05-23", "2026-05-26"),  // Pentecost weekend → Tuesday
        ("2026-05-01", "2026-05-04"),  // Labour Day on a Friday → Monday
        ("2026-11-23", "2026-11-23"),  // already a working day
    ])
    func nextWorkingDay(from: String, expected: String) {
        #expect(FrenchCalendar.nextWorkingDay(onOrAfter: Self.day(from)) == Self.day(expected))
    }

    /// For every day of 2024–2030: the next working day is a working day, not before the day,
    /// with no working day in between, and at most three days later (the longest French
    /// weekend is three days).
    @Test func nextWorkingDayIsTheFirstWorkingDay() {
        let first = Self.day("2024-01-01")
        for offset in 0...2556 {
            let day = first.adding(days: offset)
            let next = FrenchCalendar.nextWorkingDay(onOrAfter: day)
            #expect(FrenchCalendar.isWorkingDay(next))
            #expect(day <= next && day.days(until: next) <= 3, "\(day) → \(next)")
            var between = day
            while between < next {
                #expect(!FrenchCalendar.isWorkingDay(between), "\(between)")
                between = between.adding(days: 1)
            }
        }
    }
}
