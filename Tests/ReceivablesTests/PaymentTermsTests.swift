import Receivables
import Testing

/// Proves how payment terms give a due date ("N jours", and "N jours fin de mois" read as
/// PaymentTerms.swift documents: add N days, then go to the end of that month) and which
/// terms exceed the legal B2B maximum (60 days, or 45 days end of month).
@Suite struct PaymentTermsTests {
    @Test(arguments: [
        ("2026-01-15", 30, false, "2026-02-14"),
        ("2026-01-31", 30, false, "2026-03-02"),
        ("2026-11-22", 60, false, "2027-01-21"),
        ("2026-11-22", 0, false, "2026-11-22"),
        ("2026-12-31", 1, false, "2027-01-01"),
        // Fin de mois: the end of the month in which issue + N days falls.
        ("2026-01-15", 45, true, "2026-03-31"),
        ("2026-01-10", 45, true, "2026-02-28"),
        ("2026-01-16", 45, true, "2026-03-31"),
        ("2026-02-14", 45, true, "2026-03-31"),
        ("2024-01-15", 45, true, "2024-02-29"),
        ("2026-11-22", 45, true, "2027-01-31"),
        ("2026-12-20", 30, true, "2027-01-31"),
        ("2026-11-22", 0, true, "2026-11-30"),
    ])
    func dueDay(issue: String, days: Int, endOfMonth: Bool, expected: String) {
        let terms = PaymentTerms(days: days, endOfMonth: endOfMonth)
        #expect(terms.dueDay(issuedOn: Day(iso: issue)!).iso == expected)
    }

    @Test func standardTermsAreThirtyDaysNet() {
        #expect(PaymentTerms.standard == PaymentTerms(days: 30, endOfMonth: false))
        #expect(PaymentTerms(days: 30).endOfMonth == false)
        #expect(PaymentTerms.standard.dueDay(issuedOn: Day(iso: "2026-11-22")!).iso == "2026-12-22")
    }

    @Test func endOfMonthDueDayIsAlwaysALastDayAndNeverBeforeThePlainOne() {
        var day = Day(iso: "2025-01-01")!
        while day <= Day(iso: "2027-01-01")! {
            let plain = PaymentTerms(days: 45).dueDay(issuedOn: day)
            let eom = PaymentTerms(days: 45, endOfMonth: true).dueDay(issuedOn: day)
            #expect(eom == eom.lastOfMonth)
            #expect(eom >= plain)
            #expect(plain.days(until: eom) < 31)
            day = day.adding(days: 1)
        }
    }

    @Test(arguments: [
        (30, false, false), (60, false, false), (61, false, true), (90, false, true), (0, false, false),
        (45, true, false), (30, true, false), (46, true, true), (60, true, true),
    ])
    func legalMaximum(days: Int, endOfMonth: Bool, exceeds: Bool) {
        #expect(PaymentTerms(days: days, endOfMonth: endOfMonth).exceedsLegalMaximum == exceeds)
    }

    @Test(arguments: [
        (30, false, "30 jours"), (45, true, "45 jours fin de mois"), (0, false, "comptant"), (1, false, "1 jour"),
        (60, false, "60 jours"),
    ])
    func frenchDescription(days: Int, endOfMonth: Bool, text: String) {
        #expect(PaymentTerms(days: days, endOfMonth: endOfMonth).frenchDescription == text)
    }
}
