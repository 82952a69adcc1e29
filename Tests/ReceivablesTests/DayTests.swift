import Foundation
import Receivables
import Testing

/// Proves that `Day` is a correct proleptic Gregorian calendar day: strict ISO parsing,
/// impossible days refused, leap years, ISO weekdays, month arithmetic that clamps, French
/// display, and "today" counted in Europe/Paris.
@Suite struct DayTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    // MARK: ISO

    @Test(arguments: [
        "2026-11-22", "1970-01-01", "1969-12-31", "2000-02-29", "2024-02-29", "2026-12-31", "0001-01-01", "9999-12-31",
        "2026-01-31", "1900-03-01",
    ])
    func isoRoundTrip(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
        #expect(Day(ordinal: day.ordinal) == day)
        #expect(day.description == text)
    }

    @Test(arguments: [
        "2026-02-31", "2025-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32",
        "26-11-22", "2026-1-22", "2026-11-2", "2026/11/22", "2026-11-22T10:00", "", "abcd-ef-gh", "2026-11", "2026-11-22-01",
        "0000-01-01",
    ])
    func isoRejectsImpossibleOrMalformedDays(text: String) {
        #expect(Day(iso: text) == nil)
    }

    /// Day(iso:) says it parses strictly, but `Int("+1")` accepts a sign.
    @Test(arguments: ["2026-+1-22", "+026-11-22", "2026-11-+2"])
    func isoRejectsSignedFields(text: String) {
        #expect(Day(iso: text) == nil)

    }

    @Test func ordinalZeroIsTheEpoch() {
        #expect(Day(ordinal: 0).iso == "1970-01-01")
        #expect(Day(ordinal: -1).iso == "1969-12-31")
        #expect(Day(year: 2026, month: 11, day: 22)!.ordinal == 20_779)
    }

    @Test func componentsMatchTheInitialiser() {
        var rng = TestRNG(seed: 42)
        for _ in 0..<2_000 {
            let year = rng.int(1...9999)
            let month = rng.int(1...12)
            let d = rng.int(1...Day.daysIn(month: month, year: year))
            let day = Day(year: year, month: month, day: d)!
            #expect(day.year == year && day.month == month && day.day == d)
            #expect(day.adding(days: 1).ordinal == day.ordinal + 1)
        }
    }

    @Test func consecutiveOrdinalsAreConsecutiveCalendarDays() {
        // Walk 1999-12-01 … 2001-03-31 day by day and check the calendar by hand.
        var day = Day(year: 1999, month: 12, day: 1)!
        var (y, m, d) = (1999, 12, 1)
        while day <= Day(year: 2001, month: 3, day: 31)! {
            #expect(day.year == y && day.month == m && day.day == d, "\(day.iso)")
            d += 1
            if d > Day.daysIn(month: m, year: y) {
                d = 1
                m += 1
                if m > 12 { m = 1; y += 1 }
            }
            day = day.adding(days: 1)
        }
    }

    // MARK: Leap years

    @Test(arguments: [(2024, true), (2025, false), (2026, false), (2000, true), (1900, false), (2100, false), (2400, true), (4, true)])
    func leapYears(year: Int, leap: Bool) {
        #expect(Day.isLeap(year) == leap)
        #expect(Day.daysIn(month: 2, year: year) == (leap ? 29 : 28))
        #expect((Day(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test(arguments: [(1, 31), (3, 31), (4, 30), (5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 30), (12, 31)])
    func daysInMonth(month: Int, days: Int) {
        #expect(Day.daysIn(month: month, year: 2026) == days)
        #expect(Day(year: 2026, month: month, day: days) != nil)
        #expect(Day(year: 2026, month: month, day: days + 1) == nil)
    }

    // MARK: Weekdays

    @Test(arguments: [
        ("2026-11-22", 7), ("2026-11-23", 1), ("2026-11-27", 5), ("1970-01-01", 4), ("1969-12-31", 3), ("2000-01-01", 6),
        ("2024-02-29", 4), ("2027-01-01", 5), ("1789-07-14", 2), ("0001-01-01", 1),
    ])
    func isoWeekday(iso: String, weekday: Int) {
        #expect(Self.day(iso).weekday == weekday)
    }

    // MARK: Arithmetic

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2026-03-31", -1, "2026-02-28"),
        ("2026-05-31", 1, "2026-06-30"),
        ("2026-11-22", 2, "2027-01-22"),
        ("2026-11-22", 12, "2027-11-22"),
        ("2026-11-22", -11, "2025-12-22"),
        ("2026-11-22", -12, "2025-11-22"),
        ("2026-12-15", 1, "2027-01-15"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2024-02-29", 12, "2025-02-28"),
        ("2026-08-31", 0, "2026-08-31"),
        ("2026-10-31", 4, "2027-02-28"),
    ])
    func addingMonthsClampsToTheMonthsLastDay(start: String, months: Int, expected: String) {
        #expect(Self.day(start).adding(months: months).iso == expected)
    }

    @Test(arguments: [
        ("2026-11-22", 8, "2026-11-30"), ("2026-11-22", 15, "2026-12-07"), ("2026-12-31", 1, "2027-01-01"),
        ("2024-02-28", 1, "2024-02-29"), ("2025-02-28", 1, "2025-03-01"), ("2026-03-01", -1, "2026-02-28"),
        ("2026-11-22", -365, "2025-11-22"),
    ])
    func addingDays(start: String, days: Int, expected: String) {
        #expect(Self.day(start).adding(days: days).iso == expected)
    }

    @Test(arguments: [
        ("2026-11-22", "2026-11-01", "2026-11-30"), ("2024-02-10", "2024-02-01", "2024-02-29"),
        ("2025-02-28", "2025-02-01", "2025-02-28"), ("2026-12-31", "2026-12-01", "2026-12-31"),
        ("2026-01-01", "2026-01-01", "2026-01-31"),
    ])
    func firstAndLastOfMonth(iso: String, first: String, last: String) {
        #expect(Self.day(iso).firstOfMonth.iso == first)
        #expect(Self.day(iso).lastOfMonth.iso == last)
    }

    @Test(arguments: [
        ("2026-11-22", "2026-11-22", 0), ("2026-11-22", "2026-11-30", 8), ("2026-11-30", "2026-11-22", -8),
        ("2026-01-01", "2027-01-01", 365), ("2024-01-01", "2025-01-01", 366), ("1969-12-31", "1970-01-02", 2),
    ])
    func signedDaysUntil(from: String, to: String, days: Int) {
        #expect(Self.day(from).days(until: Self.day(to)) == days)
    }

    @Test func comparisonFollowsTheCalendar() {
        #expect(Self.day("2026-11-22") < Self.day("2026-11-23"))
        #expect(Self.day("2025-12-31") < Self.day("2026-01-01"))
        #expect(!(Self.day("2026-11-22") < Self.day("2026-11-22")))
        #expect(
            [Self.day("2026-03-01"), Self.day("2025-12-31"), Self.day("2026-02-28")].sorted().map(\.iso)
                == ["2025-12-31", "2026-02-28", "2026-03-01"])
    }

    // MARK: French display

    @Test(arguments: [
        ("2026-11-22", "dimanche 22 novembre 2026"),
        ("2026-12-01", "mardi 1er décembre 2026"),
        ("2027-01-01", "vendredi 1er janvier 2027"),
        ("2026-08-15", "samedi 15 août 2026"),
        ("2026-02-02", "lundi 2 février 2026"),
        ("2026-11-23", "lundi 23 novembre 2026"),
    ])
    func frenchLong(iso: String, text: String) {
        #expect(Self.day(iso).frenchLong == text)
    }

    @Test func frenchNumericForms() {
        #expect(Self.day("2026-11-22").french == "22/11/2026")
        #expect(Self.day("2026-03-05").french == "05/03/2026")
        #expect(Self.day("2026-03-05").frenchShort == "05/03")
    }

    // MARK: Codable

    @Test func encodesAsISOString() throws {
        let data = try JSONEncoder().encode([Self.day("2026-11-22")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-11-22"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [Self.day("2026-11-22")])
    }

    @Test(arguments: [#"["2026-02-31"]"#, #"["22/11/2026"]"#, "[20779]"])
    func decodingRejectsNonISODays(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(json.utf8)) }
    }

    // MARK: Today in Paris

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    @Test(arguments: [
        // Summer (UTC+2): 22:30 UTC is already 00:30 the next day in Paris.
        (2026, 7, 15, 23, 30, "2026-07-16"),
        (2026, 7, 15, 22, 30, "2026-07-16"),
        (2026, 7, 15, 21, 59, "2026-07-15"),
        // Winter (UTC+1): 22:30 UTC is 23:30, still the same day.
        (2026, 1, 15, 22, 30, "2026-01-15"),
        (2026, 1, 15, 23, 30, "2026-01-16"),
        (2026, 12, 31, 23, 0, "2027-01-01"),
        (2026, 11, 22, 10, 0, "2026-11-22"),
    ])
    func todayIsTheParisDay(year: Int, month: Int, day: Int, hour: Int, minute: Int, expected: String) {
        #expect(Day.today(in: Day.paris, now: Self.utc(year, month, day, hour, minute)).iso == expected)
    }

    @Test func todayDefaultsToParisAndFollowsTheGivenZone() {
        let now = Self.utc(2026, 7, 15, 23, 30)
        #expect(Day.today(now: now).iso == "2026-07-16")
        #expect(Day.today(in: TimeZone(identifier: "UTC")!, now: now).iso == "2026-07-15")
        #expect(Day.today(in: TimeZone(identifier: "America/New_York")!, now: now).iso == "2026-07-15")
        #expect(Day.paris.identifier == "Europe/Paris")
    }
}
