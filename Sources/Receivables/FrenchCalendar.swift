import Foundation

/// The French working calendar: Easter, the eleven public holidays (jours fériés) of
/// metropolitan France, and working days, so that due dates never land on a day when no
/// payment can be made.
///
/// Alsace-Moselle's two extra public holidays (Vendredi saint and 26 décembre, the
/// Saint-Étienne) are deliberately not included: a due date there may still fall on them.
/// Every function is a pure computation on integers (no cache, no shared state), so it is
/// safe to call from any thread.
public enum FrenchCalendar {
    /// Easter Sunday of `year` in the Gregorian calendar (anonymous Gregorian computus,
    /// Meeus/Jones/Butcher), e.g. 2026 → 2026-04-05.
    public static func easterSunday(year: Int) -> Day {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    /// The eleven public holidays of metropolitan France in `year`, with their French names,
    /// in chronological order.
    ///
    /// Always eleven entries: when two holidays fall on the same day (Ascension on 1 May in
    /// 2008), both are listed, the fixed-date one first.
    public static func publicHolidays(year: Int) -> [(day: Day, name: String)] {
        let easter = easterSunday(year: year)
        func fixed(_ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }
        let holidays: [(day: Day, name: String)] = [
            (fixed(1, 1), "Jour de l’An"),
            (easter.adding(days: 1), "Lundi de Pâques"),
            (fixed(5, 1), "Fête du Travail"),
            (fixed(5, 8), "Victoire 1945"),
            (easter.adding(days: 39), "Ascension"),
            (easter.adding(days: 50), "Lundi de Pentecôte"),
            (fixed(7, 14), "Fête nationale"),
            (fixed(8, 15), "Assomption"),
            (fixed(11, 1), "Toussaint"),
            (fixed(11, 11), "Armistice 1918"),
            (fixed(12, 25), "Noël"),
        ]
        // Sort by day, keeping the listed order on a tie so the result is deterministic.
        return holidays.enumerated()
            .sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element)
    }

    /// Whether `day` is one of the eleven metropolitan public holidays.
    public static func isPublicHoliday(_ day: Day) -> Bool {
        let c = day.components
        switch (c.month, c.day) {
        case (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25): return true
        default: break
        }
        // Easter Monday, Ascension and Pentecost Monday fall between 23 March and 14 June.
        guard (3...6).contains(c.month) else { return false }
        let offset = easterSunday(year: c.year).days(until: day)
        return offset == 1 || offset == 39 || offset == 50
    }

    /// Whether a payment can be made on `day`: Monday to Friday, and not a public holiday.
    public static func isWorkingDay(_ day: Day) -> Bool {
        day.weekday <= 5 && !isPublicHoliday(day)
    }

    /// `day` itself if it is a working day, else the first working day after it
    /// (Friday 25 December 2026 → Monday 28 December).
    public static func nextWorkingDay(onOrAfter day: Day) -> Day {
        var candidate = day
        while !isWorkingDay(candidate) { candidate = candidate.adding(days: 1) }
        return candidate
    }
}
