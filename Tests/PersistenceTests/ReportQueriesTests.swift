import Foundation
import Persistence
import Receivables
import Testing

/// Proves the aggregate reads of the reports (aging, DSO inputs, payment delays, risk inputs,
/// concentration, forecast inputs) on a small ledger whose every figure is computed by hand
/// below, on 2026-11-22 unless said otherwise.
@Suite struct ReportQueriesTests {
    /// Clients, in order of creation (ids 1 to 6):
    /// - Garage Moreau, nothing paid: A1 1 000,00 due 01/09 (82 d late), A2 500,00 + A9 50,00 due
    ///   21/11 (1 d), A3 700,00 due 01/12 (not due), A4 300,00 due 22/11 (0 d: not due), A5 200,00
    ///   due 23/10 (30 d), A6 250,00 due 22/10 (31 d), A7 150,00 due 24/08 (90 d), A8 100,00 due
    ///   23/08 (91 d). Reminders on 01/11/2025 (over a year ago), 01/10 and 15/11.
    /// - Martin SARL: B1 1 000,00 due 01/07 paid 11/07 (10 d late); B2 2 000,00 due 01/08 paid
    ///   1 200,00 on 25/07 and 800,00 on 20/08 (fully paid 20/08: 19 d); B3 500,00 due 31/10 paid
    ///   20/10 (11 d early); B4 1 000,00 due 10/11, 300,00 paid 20/11 (700,00 open, 12 d late).
    ///   Promises: 500,00 made 01/09 due 15/09 (kept: 800,00 paid since), 1 000,00 made 01/11 due
    ///   15/11 (broken: 300,00 paid since), 400,00 made 20/11 due 30/11 (not due; 100,00 left).
    /// - Boulangerie Dupont: C1 400,00 due 01/11 (21 d), disputed since 05/11.
    /// - Atelier Blanc: D1 400,00 issued 01/10/2025 due 31/10/2025 paid 10/11/2025 (10 d); D2
    ///   600,00 due 31/03 paid 31/03 (on time), disputed from 05/03 to 20/03.
    /// - Menuiserie Petit: E1 1 200,00 due 31/08 under a plan agreed 01/09 (400,00 on 15/09, 15/10,
    ///   15/11); paid 400,00 on 14/09 and 300,00 on 20/10: installment 2 not covered on 23/10 (its
    ///   day + 7 days of grace + 1) → the plan broke on 23/10; 500,00 open (83 d late).
    /// - Atelier Vide: nothing.
    struct HandMade {
        let db: AppDatabase
        let moreau: Client, martin: Client, dupont: Client, blanc: Client, petit: Client, vide: Client
    }

    static func handMade() throws -> HandMade {
        let db = try AppDatabase.inMemory()
        let moreau = try Ledger.client(db, "Garage Moreau")
        let martin = try Ledger.client(db, "Martin SARL")
        let dupont = try Ledger.client(db, "Boulangerie Dupont")
        let blanc = try Ledger.client(db, "Atelier Blanc")
        let petit = try Ledger.client(db, "Menuiserie Petit")
        let vide = try Ledger.client(db, "Atelier Vide")

        try Ledger.invoice(db, "A1", client: moreau, issue: "2026-08-01", due: "2026-09-01", cents: 100_000)
        try Ledger.invoice(db, "A2", client: moreau, issue: "2026-10-15", due: "2026-11-21", cents: 50_000)
        try Ledger.invoice(db, "A9", client: moreau, issue: "2026-10-15", due: "2026-11-21", cents: 5_000)
        try Ledger.invoice(db, "A3", client: moreau, issue: "2026-11-01", due: "2026-12-01", cents: 70_000)
        try Ledger.invoice(db, "A4", client: moreau, issue: "2026-07-01", due: "2026-11-22", cents: 30_000)
        try Ledger.invoice(db, "A5", client: moreau, issue: "2026-07-01", due: "2026-10-23", cents: 20_000)
        try Ledger.invoice(db, "A6", client: moreau, issue: "2026-07-01", due: "2026-10-22", cents: 25_000)
        try Ledger.invoice(db, "A7", client: moreau, issue: "2026-07-01", due: "2026-08-24", cents: 15_000)
        try Ledger.invoice(db, "A8", client: moreau, issue: "2026-07-01", due: "2026-08-23", cents: 10_000)
        for day in ["2025-11-01", "2026-10-01", "2026-11-15"] {
            _ = try db.recordReminder(
                clientID: moreau.id!, day: Ledger.day(day), level: .reminder1, channel: nil, invoices: ["A1"],
                amount: Money(cents: 100_000), note: nil, today: Ledger.day(day))
        }

        let b1 = try Ledger.invoice(db, "B1", client: martin, issue: "2026-06-01", due: "2026-07-01", cents: 100_000)
        try Ledger.payment(db, client: martin, cents: 100_000, on: "2026-07-11", invoice: b1)
        let b2 = try Ledger.invoice(db, "B2", client: martin, issue: "2026-07-01", due: "2026-08-01", cents: 200_000)
        try Ledger.payment(db, client: martin, cents: 120_000, on: "2026-07-25", invoice: b2)
        try Ledger.payment(db, client: martin, cents: 80_000, on: "2026-08-20", invoice: b2)
        let b3 = try Ledger.invoice(db, "B3", client: martin, issue: "2026-10-01", due: "2026-10-31", cents: 50_000)
        try Ledger.payment(db, client: martin, cents: 50_000, on: "2026-10-20", invoice: b3)
        let b4 = try Ledger.invoice(db, "B4", client: martin, issue: "2026-10-10", due: "2026-11-10", cents: 100_000)
        try Ledger.payment(db, client: martin, cents: 30_000, on: "2026-11-20", invoice: b4)
        for (made, due, cents) in [
            ("2026-09-01", "2026-09-15", 50_000), ("2026-11-01", "2026-11-15", 100_000), ("2026-11-20", "2026-11-30", 40_000),
        ] {
            _ = try db.recordPromise(
                clientID: martin.id!, madeDay: Ledger.day(made), dueDay: Ledger.day(due), amount: Money(cents: Int64(cents)),
                invoiceID: nil, method: nil, note: nil)
        }

        let c1 = try Ledger.invoice(db, "C1", client: dupont, issue: "2026-10-02", due: "2026-11-01", cents: 40_000)
        _ = try db.openDispute(invoiceID: c1.id!, day: Ledger.day("2026-11-05"), note: nil, today: Ledger.day("2026-11-05"))

        let d1 = try Ledger.invoice(db, "D1", client: blanc, issue: "2025-10-01", due: "2025-10-31", cents: 40_000)
        try Ledger.payment(db, client: blanc, cents: 40_000, on: "2025-11-10", invoice: d1)
        let d2 = try Ledger.invoice(db, "D2", client: blanc, issue: "2026-03-01", due: "2026-03-31", cents: 60_000)
        _ = try db.openDispute(invoiceID: d2.id!, day: Ledger.day("2026-03-05"), note: nil, today: Ledger.day("2026-03-05"))
        _ = try db.closeDispute(invoiceID: d2.id!, day: Ledger.day("2026-03-20"), resolution: nil, today: Ledger.day("2026-03-20"))
        try Ledger.payment(db, client: blanc, cents: 60_000, on: "2026-03-31", invoice: d2)

        let e1 = try Ledger.invoice(db, "E1", client: petit, issue: "2026-08-01", due: "2026-08-31", cents: 120_000)
        _ = try db.agreePlan(
            clientID: petit.id!, day: Ledger.day("2026-09-01"), frequency: "monthly",
            installments: [
                PlannedInstallment(number: 1, day: Ledger.day("2026-09-15"), amount: Money(cents: 40_000), isDownPayment: false),
                PlannedInstallment(number: 2, day: Ledger.day("2026-10-15"), amount: Money(cents: 40_000), isDownPayment: false),
                PlannedInstallment(number: 3, day: Ledger.day("2026-11-15"), amount: Money(cents: 40_000), isDownPayment: false),
            ], invoices: [e1])
        try Ledger.payment(db, client: petit, cents: 40_000, on: "2026-09-14", invoice: e1)
        try Ledger.payment(db, client: petit, cents: 30_000, on: "2026-10-20", invoice: e1)
        return HandMade(db: db, moreau: moreau, martin: martin, dupont: dupont, blanc: blanc, petit: petit, vide: vide)
    }

    static func cents(_ money: Money) -> Int64 { money.cents }

    // MARK: Aging

    @Test func agingSplitsEachClientsOpenInvoicesByDaysLate() throws {
        let ledger = try Self.handMade()
        let rows = try ledger.db.agingRows(asOf: Ledger.today)
        #expect(rows.map(\.name) == ["Garage Moreau", "Martin SARL", "Menuiserie Petit", "Boulangerie Dupont"])
        let moreau = rows[0]
        #expect(moreau.clientID == ledger.moreau.id && moreau.code == "GARAGE-MOREAU")
        // Not due: A3 + A4 (due today); 1–30: A2 + A9 (1 d) + A5 (30 d); 31–60: A6 (31 d);
        // 61–90: A1 (82 d) + A7 (90 d); over 90: A8 (91 d).
        #expect(moreau.amounts.map(\.cents) == [100_000, 75_000, 25_000, 115_000, 10_000])
        #expect(moreau.total == Money(cents: 325_000))
        #expect(moreau.overdue == Money(cents: 225_000))
        #expect(rows[1].amounts.map(\.cents) == [0, 70_000, 0, 0, 0])
        #expect(rows[2].amounts.map(\.cents) == [0, 0, 0, 50_000, 0])
        // A disputed invoice is still owed: it stays in its column.
        #expect(rows[3].amounts.map(\.cents) == [0, 40_000, 0, 0, 0])
    }

    @Test func theNextDayEveryInvoiceMovesOneDayLater() throws {
        let rows = try Self.handMade().db.agingRows(asOf: Ledger.day("2026-11-23"))
        // A4 becomes 1 d late, A5 31 d, A7 91 d.
        #expect(rows[0].amounts.map(\.cents) == [70_000, 85_000, 45_000, 100_000, 25_000])
    }

    @Test func agingOfAnEmptyLedgerIsEmpty() throws {
        #expect(try AppDatabase.inMemory().agingRows(asOf: Ledger.today).isEmpty)
    }

    // MARK: Sales, outstanding, delays

    @Test func salesByMonthListsEveryMonthMostRecentFirstCutAtTheBounds() throws {
        let ledger = try Self.handMade()
        let months = try ledger.db.salesByMonth(clientID: nil, from: Ledger.day("2026-07-15"), to: Ledger.today)
        #expect(months.map(\.first.iso) == ["2026-11-01", "2026-10-01", "2026-09-01", "2026-08-01", "2026-07-15"])
        #expect(months.map(\.last.iso) == ["2026-11-22", "2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31"])
        // November: A3; October: A2 + A9 + B3 + B4 + C1; August: A1 + E1; July from the 15th: none.
        #expect(months.map(\.sales.cents) == [70_000, 245_000, 0, 220_000, 0])
        let martin = try ledger.db.salesByMonth(clientID: ledger.martin.id, from: Ledger.day("2026-06-01"), to: Ledger.day("2026-10-31"))
        #expect(martin.map(\.sales.cents) == [150_000, 0, 0, 200_000, 100_000])
        #expect(try ledger.db.salesByMonth(clientID: nil, from: Ledger.today, to: Ledger.day("2026-11-01")).isEmpty)
    }

    @Test func outstandingIsExactOnAPastDayToo() throws {
        let ledger = try Self.handMade()
        #expect(try ledger.db.outstanding(clientID: nil, asOf: Ledger.today) == Money(cents: 485_000))
        #expect(try ledger.db.outstanding(clientID: ledger.petit.id, asOf: Ledger.today) == Money(cents: 50_000))
        // On 01/08: A1 and A4–A8 (200 000), B2 less its first payment (80 000), E1 (120 000).
        #expect(try ledger.db.outstanding(clientID: nil, asOf: Ledger.day("2026-08-01")) == Money(cents: 400_000))
        #expect(try ledger.db.outstanding(clientID: ledger.martin.id, asOf: Ledger.day("2026-08-01")) == Money(cents: 80_000))
        #expect(try ledger.db.outstanding(clientID: ledger.vide.id, asOf: Ledger.today) == .zero)
    }

    @Test func paidInvoicesCarryTheDayOfTheirLastPayment() throws {
        let ledger = try Self.handMade()
        let martin = try ledger.db.paidInvoiceDelays(clientID: ledger.martin.id, since: Ledger.day("2025-11-23"))
        #expect(martin.map(\.amount.cents) == [100_000, 200_000, 50_000])
        #expect(martin.map(\.dueDay.iso) == ["2026-07-01", "2026-08-01", "2026-10-31"])
        #expect(martin.map(\.paidDay.iso) == ["2026-07-11", "2026-08-20", "2026-10-20"])
        // The whole ledger: B2, paid in two parts, counts from its last payment (20/08).
        let since = try ledger.db.paidInvoiceDelays(clientID: nil, since: Ledger.day("2026-08-01"))
        #expect(since.map(\.paidDay.iso).sorted() == ["2026-08-20", "2026-10-20"])
        let all = try ledger.db.paidInvoiceDelays(clientID: nil, since: Ledger.day("2025-11-01"))
        #expect(all.map(\.paidDay.iso).sorted() == ["2025-11-10", "2026-03-31", "2026-07-11", "2026-08-20", "2026-10-20"])
    }

    @Test func paymentDelaysAreWeightedByAmountPerClient() throws {
        let ledger = try Self.handMade()
        let delays = try ledger.db.paymentDelayByClient(since: Ledger.day("2025-11-23"), asOf: Ledger.today)
        #expect(delays.map(\.clientID) == [ledger.martin.id!, ledger.blanc.id!])
        let martin = delays[0]
        #expect(martin.paidCount == 3 && martin.paidAmount == Money(cents: 350_000))
        // (1 000 × 10 + 2 000 × 19 − 500 × 11) / 3 500, and with the early payment as 0.
        #expect(abs(martin.weightedDelay - 4_250_000.0 / 350_000) < 1e-9)
        #expect(abs(martin.weightedDaysLate - 4_800_000.0 / 350_000) < 1e-9)
        #expect(martin.lateCount == 2 && martin.lateAmount == Money(cents: 300_000))
        #expect(abs(martin.lateShare - 300.0 / 350) < 1e-9)
        #expect(abs(martin.lateShareByCount - 2.0 / 3) < 1e-9)
        // Last 90 days (after 24/08): B3 only, paid early.
        #expect(martin.recentCount == 1 && martin.recentAmount == Money(cents: 50_000) && martin.recentWeightedDaysLate == 0)
        #expect(martin.earlierCount == 2 && martin.earlierAmount == Money(cents: 300_000) && martin.earlierWeightedDaysLate == 16)
        let blanc = delays[1]
        #expect(blanc.paidCount == 1 && blanc.weightedDaysLate == 0 && blanc.lateCount == 0)
        #expect(blanc.recentCount == 0 && blanc.recentWeightedDaysLate == nil && blanc.earlierWeightedDaysLate == 0)
    }

    @Test func paymentDelaysOnAPastDayIgnoreLaterPayments() throws {
        let ledger = try Self.handMade()
        let delays = try ledger.db.paymentDelayByClient(since: Ledger.day("2025-08-11"), asOf: Ledger.day("2026-08-10"))
        // B2 was fully paid on 20/08, after that day; D1 (10 d late) is now in the year.
        let martin = try #require(delays.first { $0.clientID == ledger.martin.id })
        #expect(martin.paidCount == 1 && martin.weightedDaysLate == 10 && martin.recentCount == 1)
        let blanc = try #require(delays.first { $0.clientID == ledger.blanc.id })
        #expect(blanc.paidCount == 2 && blanc.paidAmount == Money(cents: 100_000) && blanc.weightedDaysLate == 4)
        #expect(blanc.lateCount == 1 && blanc.recentCount == 0)
    }

    // MARK: Risk inputs

    @Test func riskInputsGatherEveryClientsFactsInOneRow() throws {
        let ledger = try Self.handMade()
        let rows = try ledger.db.riskInputs(asOf: Ledger.today)
        #expect(rows.map(\.clientID) == [1, 2, 3, 4, 5, 6].map { Int64($0) })
        let byName = Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0) })

        let moreau = try #require(byName["Garage Moreau"])
        #expect(moreau.invoicedLast12Months == Money(cents: 325_000))
        #expect(moreau.outstanding == Money(cents: 325_000) && moreau.overdue == Money(cents: 225_000))
        #expect(moreau.maxDaysLate == 91 && moreau.delay == nil)
        #expect(moreau.remindersLast12Months == 2)
        #expect(moreau.brokenPromises == 0 && moreau.brokenPlans == 0 && moreau.openDisputes == 0)

        let martin = try #require(byName["Martin SARL"])
        #expect(martin.invoicedLast12Months == Money(cents: 450_000))
        #expect(martin.outstanding == Money(cents: 70_000) && martin.overdue == Money(cents: 70_000) && martin.maxDaysLate == 12)
        #expect(martin.brokenPromises == 1)
        let delay = try #require(martin.delay)
        #expect(delay.paidCount == 3 && abs(delay.weightedDaysLate - 4_800_000.0 / 350_000) < 1e-9)
        #expect(delay.recentWeightedDaysLate == 0 && delay.earlierWeightedDaysLate == 16)

        let dupont = try #require(byName["Boulangerie Dupont"])
        #expect(dupont.overdue == Money(cents: 40_000) && dupont.maxDaysLate == 21)
        #expect(dupont.openDisputes == 1 && dupont.disputesLast12Months == 1)

        let blanc = try #require(byName["Atelier Blanc"])
        // D1 was issued more than 12 months ago.
        #expect(blanc.invoicedLast12Months == Money(cents: 60_000) && blanc.outstanding == .zero && blanc.maxDaysLate == 0)
        #expect(blanc.openDisputes == 0 && blanc.disputesLast12Months == 1 && blanc.delay?.paidCount == 1)

        let petit = try #require(byName["Menuiserie Petit"])
        #expect(petit.invoicedLast12Months == Money(cents: 120_000) && petit.overdue == Money(cents: 50_000))
        #expect(petit.maxDaysLate == 83 && petit.brokenPlans == 1 && petit.delay == nil)

        let vide = try #require(byName["Atelier Vide"])
        #expect(vide.invoicedLast12Months == .zero && vide.outstanding == .zero && vide.delay == nil)
        #expect(vide.brokenPromises + vide.brokenPlans + vide.openDisputes + vide.remindersLast12Months == 0)
    }

    @Test func aPlanBreaksTheDayAfterTheGraceOfAnUncoveredInstallmentAsPlanProgressSays() throws {
        let ledger = try Self.handMade()
        let plan = try #require(try ledger.db.plans(clientID: ledger.petit.id).first)
        for (day, broken) in [("2026-10-22", false), ("2026-10-23", true), ("2026-11-22", true)] {
            let asOf = Ledger.day(day)
            let row = try #require(try ledger.db.riskInputs(asOf: asOf).first { $0.clientID == ledger.petit.id })
            #expect(row.brokenPlans == (broken ? 1 : 0), "\(day)")
            let status = plan.progress(asOf: asOf, graceDays: 7).status
            if case .broken = status { #expect(broken, "\(day)") } else { #expect(!broken, "\(day)") }
        }
        // With 40 days of grace, installment 2 (15/10) breaks only on 25/11; with 30, on 15/11.
        for (grace, broken) in [(40, 0), (30, 1)] {
            let row = try ledger.db.riskInputs(asOf: Ledger.today, graceDays: grace).first { $0.clientID == ledger.petit.id }
            #expect(row?.brokenPlans == broken, "\(grace) days of grace")
            let status = plan.progress(asOf: Ledger.today, graceDays: grace).status
            if case .broken = status { #expect(broken == 1) } else { #expect(broken == 0) }
        }
    }

    @Test func aPromiseIsBrokenOnlyOnceDueAndUnpaid() throws {
        let ledger = try Self.handMade()
        // On 14/11 the second promise is not due yet; the first one was kept.
        let before = try ledger.db.riskInputs(asOf: Ledger.day("2026-11-14")).first { $0.clientID == ledger.martin.id }
        #expect(before?.brokenPromises == 0)
        let after = try ledger.db.riskInputs(asOf: Ledger.day("2026-11-16")).first { $0.clientID == ledger.martin.id }
        #expect(after?.brokenPromises == 1)
    }

    // MARK: Concentration and forecast

    @Test func clientSharesListSalesOfThePeriodAndOutstanding() throws {
        let rows = try Self.handMade().db.clientShares(from: Ledger.day("2025-11-23"), to: Ledger.today)
        #expect(rows.map(\.name) == ["Martin SARL", "Garage Moreau", "Menuiserie Petit", "Atelier Blanc", "Boulangerie Dupont"])
        #expect(rows.map(\.sales.cents) == [450_000, 325_000, 120_000, 60_000, 40_000])
        #expect(rows.map(\.outstanding.cents) == [70_000, 325_000, 50_000, 0, 40_000])
    }

    @Test func forecastInputsHoldOpenDuesUncoveredInstallmentsAndPromisesLeft() throws {
        let ledger = try Self.handMade()
        let inputs = try ledger.db.forecastInputs(asOf: Ledger.today)
        #expect(inputs.open.count == 11)
        #expect(inputs.open.reduce(Money.zero) { $0 + $1.outstanding } == Money(cents: 485_000))
        // A2 and A9 share their client and due day.
        let shared = try #require(inputs.open.first { $0.clientID == ledger.moreau.id && $0.dueDay == Ledger.day("2026-11-21") })
        #expect(shared.outstanding == Money(cents: 55_000) && shared.invoiceCount == 2)
        let dupont = try #require(inputs.open.first { $0.clientID == ledger.dupont.id })
        #expect(dupont.disputed == Money(cents: 40_000))
        // 700,00 paid for the plan: installment 2 has 100,00 left, installment 3 all of it.
        #expect(inputs.plans.map(\.number) == [2, 3])
        #expect(inputs.plans.map(\.amount.cents) == [10_000, 40_000])
        #expect(inputs.plans.map(\.day.iso) == ["2026-10-15", "2026-11-15"])
        #expect(inputs.plans.allSatisfy { $0.clientID == ledger.petit.id })
        // Only the promise not yet due, less the 300,00 paid the day it was made.
        #expect(inputs.promises.count == 1)
        #expect(inputs.promises.first?.amount == Money(cents: 10_000))
        #expect(inputs.promises.first?.dueDay == Ledger.day("2026-11-30"))
    }

    // MARK: Against brute force on a generated ledger

    /// 400 clients, 8 000 invoices over 18 months, some paid in several parts.
    static let generated: AppDatabase = {
        let db = try! AppDatabase.inMemory()
        try! db.loadDemo(DemoLedger(today: Ledger.today, clientCount: 400, invoiceCount: 8_000))
        return db
    }()

    /// Every invoice, and the (day, amount) of the payments allocated to each.
    static func everything(_ db: AppDatabase) throws -> (invoices: [Invoice], settlements: [Int64: [(day: Day, amount: Money)]]) {
        let invoices = try db.invoices(InvoiceFilter(), asOf: Ledger.today).map(\.invoice)
        return (invoices, try db.settlements(invoiceIDs: invoices.compactMap(\.id)))
    }

    @Test(arguments: [0, -45, 60])
    func agingAndSharesMatchBruteForce(shift: Int) throws {
        let db = Self.generated
        let asOf = Ledger.today.adding(days: shift)
        let (invoices, _) = try Self.everything(db)
        var expected: [Int64: [Int64]] = [:]
        for invoice in invoices where invoice.outstanding.isPositive {
            let late = invoice.dueDay.days(until: asOf)
            let column = late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4
            expected[invoice.clientID, default: [0, 0, 0, 0, 0]][column] += invoice.outstanding.cents
        }
        let rows = try db.agingRows(asOf: asOf)
        #expect(rows.count == expected.count)
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.clientID, $0.amounts.map(\.cents)) }) == expected)
        #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.total >= $1.total })

        let from = asOf.adding(months: -12).adding(days: 1)
        var sales: [Int64: Int64] = [:]
        for invoice in invoices where invoice.issueDay >= from && invoice.issueDay <= asOf {
            sales[invoice.clientID, default: 0] += invoice.amount.cents
        }
        let shares = try db.clientShares(from: from, to: asOf)
        #expect(Dictionary(uniqueKeysWithValues: shares.map { ($0.clientID, $0.sales.cents) }).filter { $0.value > 0 } == sales)
        #expect(shares.map(\.outstanding).sum() == invoices.map(\.outstanding).sum())
    }

    @Test(arguments: [0, -75, -200])
    func delaysOutstandingAndSalesMatchBruteForce(shift: Int) throws {
        let db = Self.generated
        let asOf = Ledger.today.adding(days: shift)
        let since = asOf.adding(months: -12).adding(days: 1)
        let (invoices, settlements) = try Self.everything(db)

        // Fully paid by asOf, on the day of the last payment, within the year.
        struct Sums: Equatable {
            var count = 0, cents: Int64 = 0, late: Int64 = 0, lateCount = 0, lateCents: Int64 = 0, recent = 0
        }
        var expected: [Int64: Sums] = [:]
        var multiPart = 0
        for invoice in invoices where invoice.outstanding.isZero {
            let parts = settlements[invoice.id!] ?? []
            guard let paid = parts.map(\.day).max(), paid >= since, paid <= asOf else { continue }
            if parts.count > 1 { multiPart += 1 }
            let delay = invoice.dueDay.days(until: paid)
            var sums = expected[invoice.clientID, default: Sums()]
            sums.count += 1
            sums.cents += invoice.amount.cents
            sums.late += invoice.amount.cents * Int64(max(0, delay))
            if delay > 5 {
                sums.lateCount += 1
                sums.lateCents += invoice.amount.cents
            }
            if paid > asOf.adding(days: -90) { sums.recent += 1 }
            expected[invoice.clientID] = sums
        }
        #expect(multiPart > 0, "the ledger has invoices paid in several parts")
        let delays = try db.paymentDelayByClient(since: since, asOf: asOf)
        var actual: [Int64: Sums] = [:]
        for delay in delays {
            actual[delay.clientID] = Sums(
                count: delay.paidCount, cents: delay.paidAmount.cents,
                late: Int64((delay.weightedDaysLate * Double(delay.paidAmount.cents)).rounded()), lateCount: delay.lateCount,
                lateCents: delay.lateAmount.cents, recent: delay.recentCount)
        }
        #expect(actual == expected)
        let risk = try db.riskInputs(asOf: asOf)
        #expect(risk.compactMap(\.delay) == delays)

        // Owed on asOf: invoices issued by then, less what was paid by then.
        var owed: Int64 = 0
        for invoice in invoices where invoice.issueDay <= asOf {
            owed += invoice.amount.cents - (settlements[invoice.id!] ?? []).filter { $0.day <= asOf }.map(\.amount.cents).reduce(0, +)
        }
        #expect(try db.outstanding(clientID: nil, asOf: asOf).cents == owed)

        let months = try db.salesByMonth(clientID: nil, from: since, to: asOf)
        #expect(months.map(\.sales).sum() == invoices.filter { $0.issueDay >= since && $0.issueDay <= asOf }.map(\.amount).sum())
        for month in months {
            let sales = invoices.filter { $0.issueDay >= month.first && $0.issueDay <= month.last }.map(\.amount).sum()
            #expect(month.sales == sales, "\(month.first)")
        }
    }

    // MARK: SQL for the bench

    @Test func theLiteralSQLWritesInItsValues() throws {
        let sql = ReportSQL.aging(asOf: Ledger.today)
        #expect(sql.contains("'2026-11-22'") && sql.contains("'2026-10-23'") && !sql.contains(":asOf"))
        #expect(ReportSQL.forecastInputs(asOf: Ledger.today).components(separatedBy: ";").count == 4)
        #expect(!ReportSQL.riskInputs(asOf: Ledger.today).contains(":"))
    }
}
