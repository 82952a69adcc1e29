import Foundation
import GRDB
import GRDBSQLite
import Receivables

// The aggregate reads behind the receivables reports (issue 7): aging, DSO, payment delays,
// risk inputs, concentration and the cash forecast. Each is one read transaction of grouped
// SQL over the whole ledger (never a query per client); `encaisse-bench` times them on a
// million invoices. The reports themselves (scores, DSO, forecast) are computed from these
// plain rows by the core.
//
// Conventions shared by every read here:
// - "Days late" of an invoice on `asOf` is `asOf − due_day` in days (≤ 0: not due).
// - Outstanding amounts are the `outstanding_cents` of today's ledger (the payments recorded
//   so far); only `outstanding(clientID:asOf:)` rebuilds a past balance exactly.
// - The day an invoice was fully paid is the latest day of the payments allocated to it.
// - Every SQL text is also available with its values written in through `ReportSQL`, so that
//   `encaisse-bench` runs the very same query through the `sqlite3` CLI.

// MARK: Result rows

/// One client's open invoices split by days late on a day (`aging.report`).
public struct ClientAgingRow: Hashable, Sendable, Codable {
    public var clientID: Int64
    public var code: String
    public var name: String
    /// Due on `asOf` or later.
    public var notDue: Money
    /// 1 to 30 days late.
    public var days1to30: Money
    /// 31 to 60 days late.
    public var days31to60: Money
    /// 61 to 90 days late.
    public var days61to90: Money
    /// More than 90 days late.
    public var over90: Money

    public var total: Money { notDue + days1to30 + days31to60 + days61to90 + over90 }
    /// Everything past due (1 day late or more).
    public var overdue: Money { days1to30 + days31to60 + days61to90 + over90 }
    /// The five amounts, not due first (the order of `AgingBucket`).
    public var amounts: [Money] { [notDue, days1to30, days31to60, days61to90, over90] }

    public init(
        clientID: Int64, code: String, name: String, notDue: Money, days1to30: Money, days31to60: Money, days61to90: Money,
        over90: Money
    ) {
        self.clientID = clientID
        self.code = code
        self.name = name
        self.notDue = notDue
        self.days1to30 = days1to30
        self.days31to60 = days31to60
        self.days61to90 = days61to90
        self.over90 = over90
    }
}

/// How a client paid the invoices it settled in a period: delays weighted by amount, the
/// share paid late, and the recent lateness against the earlier one (the trend).
///
/// The delay of an invoice is the day it was fully paid minus its due day (negative when paid
/// early); its lateness is the delay counted only when positive. "Late" is more than 5 days.
public struct ClientDelay: Hashable, Sendable, Codable {
    public var clientID: Int64
    /// Invoices fully paid in the period.
    public var paidCount: Int
    /// Their total amount.
    public var paidAmount: Money
    /// Σ amount × delay ÷ Σ amount: early payments count negative.
    public var weightedDelay: Double
    /// Σ amount × lateness ÷ Σ amount: early payments count as 0 day late.
    public var weightedDaysLate: Double
    /// Invoices paid more than 5 days late, and their amount.
    public var lateCount: Int
    public var lateAmount: Money
    /// Invoices fully paid in the last 90 days of the period, and their weighted lateness (`nil` when none).
    public var recentCount: Int
    public var recentAmount: Money
    public var recentWeightedDaysLate: Double?
    /// Those paid before, and their weighted lateness (`nil` when none).
    public var earlierCount: Int
    public var earlierAmount: Money
    public var earlierWeightedDaysLate: Double?

    /// Share of the amount paid more than 5 days late, 0…1.
    public var lateShare: Double { paidAmount.isPositive ? Double(lateAmount.cents) / Double(paidAmount.cents) : 0 }
    /// Share of the invoices paid more than 5 days late, 0…1.
    public var lateShareByCount: Double { paidCount == 0 ? 0 : Double(lateCount) / Double(paidCount) }

    public init(
        clientID: Int64, paidCount: Int, paidAmount: Money, weightedDelay: Double, weightedDaysLate: Double, lateCount: Int,
        lateAmount: Money, recentCount: Int, recentAmount: Money, recentWeightedDaysLate: Double?, earlierCount: Int, earlierAmount: Money,
        earlierWeightedDaysLate: Double?
    ) {
        self.clientID = clientID
        self.paidCount = paidCount
        self.paidAmount = paidAmount
        self.weightedDelay = weightedDelay
        self.weightedDaysLate = weightedDaysLate
        self.lateCount = lateCount
        self.lateAmount = lateAmount
        self.recentCount = recentCount
        self.recentAmount = recentAmount
        self.recentWeightedDaysLate = recentWeightedDaysLate
        self.earlierCount = earlierCount
        self.earlierAmount = earlierAmount
        self.earlierWeightedDaysLate = earlierWeightedDaysLate
    }
}

/// Everything the risk score of one client needs, as of a day (`risk.score`, `risk.list`).
public struct RiskInputRow: Hashable, Sendable, Codable {
    public var clientID: Int64
    public var code: String
    public var name: String
    /// Invoiced (issue day) in the 12 months up to `asOf`.
    public var invoicedLast12Months: Money
    /// How the invoices fully paid in those 12 months were paid (`nil`: none was).
    public var delay: ClientDelay?
    /// Open invoices, and the part past due on `asOf`.
    public var outstanding: Money
    public var overdue: Money
    /// Days late of the oldest invoice past due (0 when none).
    public var maxDaysLate: Int
    /// Promises due in the last 12 months (before `asOf`) for which the client paid less than
    /// promised between the day it was made and `asOf`.
    public var brokenPromises: Int
    /// Plans that broke in the 12 months up to `asOf`, by the rule of `PlanProgress`: an
    /// installment not covered by the payments made for the plan by its day + grace days + 1
    /// (installments after a cancellation do not count).
    public var brokenPlans: Int
    /// Disputes open on `asOf`, and disputes opened in the 12 months up to `asOf`.
    public var openDisputes: Int
    public var disputesLast12Months: Int
    /// Reminders (and escalation steps) sent in the 12 months up to `asOf`.
    public var remindersLast12Months: Int

    public init(
        clientID: Int64, code: String, name: String, invoicedLast12Months: Money, delay: ClientDelay?, outstanding: Money, overdue: Money,
        maxDaysLate: Int, brokenPromises: Int, brokenPlans: Int, openDisputes: Int, disputesLast12Months: Int, remindersLast12Months: Int
    ) {
        self.clientID = clientID
        self.code = code
        self.name = name
        self.invoicedLast12Months = invoicedLast12Months
        self.delay = delay
        self.outstanding = outstanding
        self.overdue = overdue
        self.maxDaysLate = maxDaysLate
        self.brokenPromises = brokenPromises
        self.brokenPlans = brokenPlans
        self.openDisputes = openDisputes
        self.disputesLast12Months = disputesLast12Months
        self.remindersLast12Months = remindersLast12Months
    }
}

/// A client's sales in a period and what it owes today (`risk.concentration`).
public struct ClientShareRow: Hashable, Sendable, Codable {
    public var clientID: Int64
    public var code: String
    public var name: String
    public var sales: Money
    public var outstanding: Money

    public init(clientID: Int64, code: String, name: String, sales: Money, outstanding: Money) {
        self.clientID = clientID
        self.code = code
        self.name = name
        self.sales = sales
        self.outstanding = outstanding
    }
}

/// What is still to be received on one client's open invoices due on one day.
public struct OpenDue: Hashable, Sendable, Codable {
    public var clientID: Int64
    public var dueDay: Day
    public var outstanding: Money
    /// Part of `outstanding` on disputed invoices.
    public var disputed: Money
    public var invoiceCount: Int

    public init(clientID: Int64, dueDay: Day, outstanding: Money, disputed: Money, invoiceCount: Int) {
        self.clientID = clientID
        self.dueDay = dueDay
        self.outstanding = outstanding
        self.disputed = disputed
        self.invoiceCount = invoiceCount
    }
}

/// The part of a plan installment not yet covered by the payments made for the plan.
public struct PlanDue: Hashable, Sendable, Codable {
    public var clientID: Int64
    public var planID: Int64
    /// The installment's number in its plan (1, 2…).
    public var number: Int
    public var day: Day
    public var amount: Money

    public init(clientID: Int64, planID: Int64, number: Int, day: Day, amount: Money) {
        self.clientID = clientID
        self.planID = planID
        self.number = number
        self.day = day
        self.amount = amount
    }
}

/// What is left of a promise not yet due, after the payments made since it was given.
public struct PromiseDue: Hashable, Sendable, Codable {
    public var clientID: Int64
    public var promiseID: Int64
    public var dueDay: Day
    public var amount: Money
    public var invoiceID: Int64?

    public init(clientID: Int64, promiseID: Int64, dueDay: Day, amount: Money, invoiceID: Int64?) {
        self.clientID = clientID
        self.promiseID = promiseID
        self.dueDay = dueDay
        self.amount = amount
        self.invoiceID = invoiceID
    }
}

// MARK: Reads

extension AppDatabase {
    /// Every client with open invoices, its outstanding split by days late on `asOf` (not due,
    /// 1–30, 31–60, 61–90, over 90), largest total first then by name. One grouped pass over
    /// the covering index `invoice_open`.
    public func agingRows(asOf: Day) throws -> [ClientAgingRow] {
        // The open invoices plain, each with its bucket (0 not due … 4 over 90 days), summed
        // here; the client names read beside them. The order of `agingQuery`.
        let open = ReportQuery(
            sql: """
                SELECT client_id, outstanding_cents,
                       (due_day < :asOf) + (due_day < :late30) + (due_day < :late60) + (due_day < :late90)
                FROM invoice INDEXED BY invoice_open WHERE outstanding_cents > 0 ORDER BY client_id
                """, values: Self.agingQuery(asOf: asOf).values)
        enum Part: Sendable {
            case clients([ClientName])
            case sums([(client: Int64, buckets: [Int64])])
        }
        let reads: [@Sendable (Database) throws -> Part] = [
            { db in .clients(try Self.readClientNames(db)) },
            { db in
                var sums: [(client: Int64, buckets: [Int64])] = []
                try Self.eachRow(db, open) { row in
                    let client = sqlite3_column_int64(row, 0)
                    if sums.last?.client != client { sums.append((client, [0, 0, 0, 0, 0])) }
                    sums[sums.count - 1].buckets[Int(min(4, max(0, sqlite3_column_int64(row, 2))))] += sqlite3_column_int64(row, 1)
                }
                return .sums(sums)
            },
        ]
        let parts = try parallelReads(reads)
        var clients: [ClientName] = []
        var sums: [(client: Int64, buckets: [Int64])] = []
        for part in parts {
            switch part {
            case .clients(let all): clients = all
            case .sums(let all): sums = all
            }
        }
        var rows: [ClientAgingRow] = []
        rows.reserveCapacity(sums.count)
        var clientIndex = 0
        for sum in sums {
            while clientIndex < clients.count, clients[clientIndex].id < sum.client { clientIndex += 1 }
            guard clientIndex < clients.count, clients[clientIndex].id == sum.client else { continue }
            let b = sum.buckets.map { Money(cents: $0) }
            rows.append(
                ClientAgingRow(
                    clientID: sum.client, code: clients[clientIndex].code, name: clients[clientIndex].name, notDue: b[0], days1to30: b[1],
                    days31to60: b[2], days61to90: b[3], over90: b[4]))
        }
        let totals = sums.map { $0.buckets.reduce(0, +) }
        return Self.sorted(rows, by: totals) { $0.name }
    }

    /// Amounts invoiced (by issue day) per calendar month from `from` to `to`, most recent month
    /// first, months without sales included: the first month starts at `from` and the last one
    /// stops at `to`. All clients, or one.
    public func salesByMonth(clientID: Int64?, from: Day, to: Day) throws -> [(first: Day, last: Day, sales: Money)] {
        guard from <= to else { return [] }
        let byMonth: [String: Int64] = try read { db in
            var result: [String: Int64] = [:]
            // The whole ledger: whole months from `sales_month` (v5), the edges from the invoices.
            let parts =
                clientID == nil
                ? Self.monthQueries(from: from, to: to, months: Self.salesMonthsQuery) {
                    Self.salesByMonthQuery(clientID: nil, from: $0, to: $1)
                }
                : [(Self.salesByMonthQuery(clientID: clientID, from: from, to: to), 1)]
            for (query, sign) in parts {
                for row in try Row.fetchAll(db, sql: query.sql, arguments: query.arguments) {
                    result[row[0], default: 0] += Int64(sign) * (row[1] as Int64)
                }
            }
            return result
        }
        var months: [(first: Day, last: Day, sales: Money)] = []
        var month = to.firstOfMonth
        while month.lastOfMonth >= from {
            let key = String(month.iso.prefix(7))
            months.append((max(month, from), min(month.lastOfMonth, to), Money(cents: byMonth[key] ?? 0)))
            month = month.adding(months: -1)
        }
        return months
    }

    /// What all clients (or one) owed on `asOf`: the invoices issued by then, less the payments
    /// made by then. Exact for a past day too: today's outstanding amounts plus what the
    /// payments made after `asOf` settled. Unallocated payments (credit) are not deducted.
    public func outstanding(clientID: Int64?, asOf: Day) throws -> Money {
        let query = Self.outstandingQuery(clientID: clientID, asOf: asOf)
        return try read { db in Money(cents: try Int64.fetchOne(db, sql: query.sql, arguments: query.arguments) ?? 0) }
    }

    /// The sums of the delays of the invoices fully paid from `from` to `to` (their `paid_day`),
    /// for one client or the whole ledger (whole months from `paid_month`, v5, the edges from
    /// the invoices); "late" is more than `AppDatabase.lateToleranceDays` after the due date.
    public func paidDelayTotals(clientID: Int64?, from: Day, to: Day) throws -> DelayTotals {
        guard from <= to else { return DelayTotals() }
        return try read { db in
            let parts =
                clientID == nil
                ? Self.monthQueries(from: from, to: to, months: Self.paidMonthsQuery) {
                    Self.paidTotalsQuery(clientID: nil, from: $0, to: $1)
                }
                : [(Self.paidTotalsQuery(clientID: clientID, from: from, to: to), 1)]
            var totals = DelayTotals()
            for (query, sign) in parts {
                guard let row = try Row.fetchOne(db, sql: query.sql, arguments: query.arguments) else { continue }
                let part = DelayTotals(
                    count: row[0] ?? 0, amountCents: row[1] ?? 0, delaySum: row[2] ?? 0, lateSum: row[3] ?? 0,
                    weightedDelaySum: row[4] ?? 0, weightedLateSum: row[5] ?? 0, lateAmountCents: row[6] ?? 0, lateCount: row[7] ?? 0)
                totals = sign > 0 ? totals + part : totals - part
            }
            return totals
        }
    }

    /// Each client's habit over the invoices fully paid from `since` to `asOf`: the delay
    /// weighted by amount and the share of the amount paid more than 5 days late — what the
    /// cash forecast needs, from the same sliced read as the risk inputs (all clients, or one).
    public func paymentTendencies(clientID: Int64?, since: Day, asOf: Day) throws -> [Int64: (weightedDelay: Double, lateShare: Double)] {
        let slices = try clientID.map { [ClientSlice.only($0)] } ?? read { db in try clientSlices(db, count: scanSlices) }
        let delays = try parallelReads(slices.map { slice in { db in try Self.readDelays(db, since: since, asOf: asOf, slice: slice) } })
        var result: [Int64: (weightedDelay: Double, lateShare: Double)] = [:]
        for delay in delays.joined() where delay.paidAmount.isPositive {
            result[delay.clientID] = (delay.weightedDelay, delay.lateShare)
        }
        return result
    }

    /// Invoices fully paid on `since` or later, with the day each was fully paid (the latest
    /// day of the payments allocated to it). For one client: ordered by the day paid. For the
    /// whole ledger: in no particular order (aggregate with `paymentDelayByClient` instead).
    public func paidInvoiceDelays(clientID: Int64?, since: Day) throws -> [(amount: Money, dueDay: Day, paidDay: Day)] {
        let query = Self.paidInvoicesQuery(clientID: clientID, since: since)
        return try read { db in
            var result: [(amount: Money, dueDay: Day, paidDay: Day)] = []
            let cursor = try Row.fetchCursor(db, sql: query.sql, arguments: query.arguments)
            while let row = try cursor.next() {
                guard let due = Day(iso: row[1] as String), let paid = Day(iso: row[2] as String) else { continue }
                result.append((Money(cents: row[0]), due, paid))
            }
            return result
        }
    }

    /// For every client that settled invoices from `since` to `asOf` (day fully paid): the
    /// delays weighted by amount, the share paid more than 5 days late, and the delay of the last
    /// 90 days against the earlier one, by client id (summed as `delaysCTE` says; see
    /// `AppDatabase+RiskInputs`).
    public func paymentDelayByClient(since: Day, asOf: Day) throws -> [ClientDelay] {
        let slices = try read { db in try clientSlices(db, count: scanSlices) }
        return try parallelReads(slices.map { slice in { db in try Self.readDelays(db, since: since, asOf: asOf, slice: slice) } })
            .flatMap { $0 }
    }

    /// The inputs of the risk score for every client (or one), as of `asOf` (see
    /// `RiskInputRow`), by client id. The heavy scans — the delays and the sales of the year,
    /// the open invoices — are read plain in client-id slices and summed here; the sparse facts
    /// (promises, plans, disputes, reminders) in one statement joined once to the client table;
    /// all side by side on a ledger file, then merged in client order.
    public func riskInputs(asOf: Day, graceDays: Int = 7, clientID: Int64? = nil) throws -> [RiskInputRow] {
        let since = asOf.adding(months: -12).adding(days: 1)
        let query = Self.riskQuery(asOf: asOf, graceDays: graceDays, clientID: clientID)
        let slices = try clientID.map { [ClientSlice.only($0)] } ?? read { db in try clientSlices(db, count: scanSlices) }
        enum Part: Sendable {
            case rows([RiskInputRow])
            case delays(Int, [ClientDelay])
            case sales(Int, [(client: Int64, cents: Int64)])
            case debts(Int, [Debt])
        }
        var reads: [@Sendable (Database) throws -> Part] = [
            { db in
                var rows: [RiskInputRow] = []
                try Self.eachRow(db, query) { row in
                    func text(_ column: Int32) -> String { sqlite3_column_text(row, column).map { String(cString: $0) } ?? "" }
                    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(row, column)) }
                    rows.append(
                        RiskInputRow(
                            clientID: sqlite3_column_int64(row, 0), code: text(1), name: text(2), invoicedLast12Months: .zero, delay: nil,
                            outstanding: .zero, overdue: .zero, maxDaysLate: 0, brokenPromises: int(3), brokenPlans: int(4),
                            openDisputes: int(5), disputesLast12Months: int(6), remindersLast12Months: int(7)))
                }
                return .rows(rows)
            }
        ]
        for (index, slice) in slices.enumerated() {
            reads.append { db in .delays(index, try Self.readDelays(db, since: since, asOf: asOf, slice: slice)) }
            reads.append { db in .sales(index, try Self.readSales(db, from: since, to: asOf, slice: slice)) }
            reads.append { db in .debts(index, try Self.readDebts(db, asOf: asOf, slice: slice)) }
        }
        var rows: [RiskInputRow] = []
        var delays = Array(repeating: [ClientDelay](), count: slices.count)
        var sales = Array(repeating: [(client: Int64, cents: Int64)](), count: slices.count)
        var debts = Array(repeating: [Debt](), count: slices.count)
        for part in try parallelReads(reads) {
            switch part {
            case .rows(let all): rows = all
            case .delays(let index, let slice): delays[index] = slice
            case .sales(let index, let slice): sales[index] = slice
            case .debts(let index, let slice): debts[index] = slice
            }
        }
        // Every list is in client order, as are the rows: one walk each.
        var delayIndex = 0
        var salesIndex = 0
        var debtIndex = 0
        let allDelays = delays.joined().filter { $0.paidCount > 0 }
        let allSales = Array(sales.joined())
        let allDebts = Array(debts.joined())
        for index in rows.indices {
            let clientID = rows[index].clientID
            while delayIndex < allDelays.count, allDelays[delayIndex].clientID < clientID { delayIndex += 1 }
            if delayIndex < allDelays.count, allDelays[delayIndex].clientID == clientID { rows[index].delay = allDelays[delayIndex] }
            while salesIndex < allSales.count, allSales[salesIndex].client < clientID { salesIndex += 1 }
            if salesIndex < allSales.count, allSales[salesIndex].client == clientID {
                rows[index].invoicedLast12Months = Money(cents: allSales[salesIndex].cents)
            }
            while debtIndex < allDebts.count, allDebts[debtIndex].clientID < clientID { debtIndex += 1 }
            if debtIndex < allDebts.count, allDebts[debtIndex].clientID == clientID {
                let debt = allDebts[debtIndex]
                rows[index].outstanding = Money(cents: debt.outstanding)
                rows[index].overdue = Money(cents: debt.overdue)
                rows[index].maxDaysLate = debt.oldestDue.map { max(0, $0.days(until: asOf)) } ?? 0
            }
        }
        return rows
    }

    /// Every client with sales from `from` to `to` (issue day) or an outstanding balance today:
    /// its sales in the period and its outstanding, largest sales first (then largest
    /// outstanding, name, id: the order of `clientSharesQuery`). The sales and the open
    /// invoices are read in client-id slices side by side, as `riskInputs` does.
    public func clientShares(from: Day, to: Day) throws -> [ClientShareRow] {
        let slices = try read { db in try clientSlices(db, count: scanSlices) }
        enum Part: Sendable {
            case clients([ClientName])
            case sales(Int, [(client: Int64, cents: Int64)])
            case debts(Int, [Debt])
        }
        var reads: [@Sendable (Database) throws -> Part] = [
            { db in .clients(try Self.readClientNames(db)) }
        ]
        for (index, slice) in slices.enumerated() {
            reads.append { db in .sales(index, try Self.readSales(db, from: from, to: to, slice: slice)) }
            reads.append { db in .debts(index, try Self.readDebts(db, asOf: to, slice: slice)) }
        }
        var clients: [ClientName] = []
        var sales = Array(repeating: [(client: Int64, cents: Int64)](), count: slices.count)
        var debts = Array(repeating: [Debt](), count: slices.count)
        for part in try parallelReads(reads) {
            switch part {
            case .clients(let all): clients = all
            case .sales(let index, let slice): sales[index] = slice
            case .debts(let index, let slice): debts[index] = slice
            }
        }
        let allSales = Array(sales.joined())
        let allDebts = Array(debts.joined())
        var rows: [ClientShareRow] = []
        var salesIndex = 0
        var debtIndex = 0
        for client in clients {
            while salesIndex < allSales.count, allSales[salesIndex].client < client.id { salesIndex += 1 }
            while debtIndex < allDebts.count, allDebts[debtIndex].clientID < client.id { debtIndex += 1 }
            let sold = salesIndex < allSales.count && allSales[salesIndex].client == client.id ? allSales[salesIndex].cents : nil
            let owed = debtIndex < allDebts.count && allDebts[debtIndex].clientID == client.id ? allDebts[debtIndex].outstanding : nil
            guard sold != nil || owed != nil else { continue }
            rows.append(
                ClientShareRow(
                    clientID: client.id, code: client.code, name: client.name, sales: Money(cents: sold ?? 0),
                    outstanding: Money(cents: owed ?? 0)))
        }
        return Self.sorted(rows, by: rows.map(\.sales.cents), then: rows.map(\.outstanding.cents)) { $0.name }
    }

    /// What the cash forecast starts from on `asOf`: the open invoices (one row per client and
    /// due day, past due ones included), the parts of the installments of running plans not yet
    /// covered by the payments made for them (past ones included), and the promises not yet due
    /// with what remains of them after the payments made since they were given.
    public func forecastInputs(asOf: Day) throws -> (open: [OpenDue], plans: [PlanDue], promises: [PromiseDue]) {
        let queries = Self.forecastQueries(asOf: asOf)
        return try read { db in
            var open: [OpenDue] = []
            let cursor = try Row.fetchCursor(db, sql: queries.open.sql, arguments: queries.open.arguments)
            while let row = try cursor.next() {
                guard let due = Day(iso: row[1] as String) else { continue }
                open.append(
                    OpenDue(
                        clientID: row[0], dueDay: due, outstanding: Money(cents: row[2]), disputed: Money(cents: row[3]),
                        invoiceCount: row[4]))
            }
            let plans = try Row.fetchAll(db, sql: queries.plans.sql, arguments: queries.plans.arguments).compactMap { row -> PlanDue? in
                guard let day = Day(iso: row[3] as String) else { return nil }
                return PlanDue(clientID: row[0], planID: row[1], number: row[2], day: day, amount: Money(cents: row[4]))
            }
            let promises = try Row.fetchAll(db, sql: queries.promises.sql, arguments: queries.promises.arguments).compactMap {
                row -> PromiseDue? in
                guard let due = Day(iso: row[2] as String) else { return nil }
                return PromiseDue(clientID: row[0], promiseID: row[1], dueDay: due, amount: Money(cents: row[3]), invoiceID: row[4])
            }
            return (open, plans, promises)
        }
    }

    /// A `ClientDelay` from the columns of the `delays` table, starting at `offset` (client id first).
    static func clientDelay(_ row: Row, offset: Int) -> ClientDelay {
        let count: Int = row[offset + 1]
        let cents: Int64 = row[offset + 2]
        let weightedDelay: Double = row[offset + 3]
        let weightedLate: Double = row[offset + 4]
        let recentCount: Int = row[offset + 7]
        let recentCents: Int64 = row[offset + 8]
        let recentWeightedLate: Double = row[offset + 9]
        func average(_ weighted: Double, _ cents: Int64) -> Double? { cents > 0 ? weighted / Double(cents) : nil }
        return ClientDelay(
            clientID: row[offset], paidCount: count, paidAmount: Money(cents: cents), weightedDelay: average(weightedDelay, cents) ?? 0,
            weightedDaysLate: average(weightedLate, cents) ?? 0, lateCount: row[offset + 5], lateAmount: Money(cents: row[offset + 6]),
            recentCount: recentCount, recentAmount: Money(cents: recentCents),
            recentWeightedDaysLate: average(recentWeightedLate, recentCents), earlierCount: count - recentCount,
            earlierAmount: Money(cents: cents - recentCents),
            earlierWeightedDaysLate: average(weightedLate - recentWeightedLate, cents - recentCents))
    }
}

// MARK: The SQL

/// The SQL of the report reads with their values written in, for comparisons with the
/// `sqlite3` CLI on the same file (`encaisse-bench`). Days and integers only: never user text.
public enum ReportSQL {
    public static func aging(asOf: Day) -> String { AppDatabase.agingQuery(asOf: asOf).literalSQL }

    public static func salesByMonth(clientID: Int64?, from: Day, to: Day) -> String {
        AppDatabase.salesByMonthQuery(clientID: clientID, from: from, to: to).literalSQL
    }

    /// The statements `salesByMonth` and `paidDelayTotals` run for the whole ledger.
    public static func monthlyTotals(from: Day, to: Day) -> String {
        let sales = AppDatabase.monthQueries(from: from, to: to, months: AppDatabase.salesMonthsQuery) {
            AppDatabase.salesByMonthQuery(clientID: nil, from: $0, to: $1)
        }
        let paid = AppDatabase.monthQueries(from: from, to: to, months: AppDatabase.paidMonthsQuery) {
            AppDatabase.paidTotalsQuery(clientID: nil, from: $0, to: $1)
        }
        return (sales + paid).map(\.query.literalSQL).joined(separator: "\n")
    }

    public static func outstanding(clientID: Int64?, asOf: Day) -> String {
        AppDatabase.outstandingQuery(clientID: clientID, asOf: asOf).literalSQL
    }

    public static func paymentDelayByClient(since: Day, asOf: Day) -> String {
        AppDatabase.paymentDelayQuery(since: since, asOf: asOf).literalSQL
    }

    /// What `riskInputs` reads, as SQL alone: the delays and the open invoices summed by SQLite
    /// (Encaisse reads them plain and sums them itself), the sales, then the rest.
    public static func riskInputs(asOf: Day, graceDays: Int = 7) -> String {
        let since = asOf.adding(months: -12).adding(days: 1)
        return [
            AppDatabase.paymentDelayQuery(since: since, asOf: asOf), AppDatabase.salesQuery(from: since, to: asOf, slice: .all),
            AppDatabase.debtQuery(asOf: asOf), AppDatabase.riskQuery(asOf: asOf, graceDays: graceDays),
        ].map(\.literalSQL).joined(separator: "\n")
    }

    public static func clientShares(from: Day, to: Day) -> String { AppDatabase.clientSharesQuery(from: from, to: to).literalSQL }

    /// The three statements of `forecastInputs`, separated by semicolons.
    public static func forecastInputs(asOf: Day) -> String {
        let queries = AppDatabase.forecastQueries(asOf: asOf)
        return [queries.open, queries.plans, queries.promises].map(\.literalSQL).joined(separator: "\n")
    }
}

/// A report statement: SQL with `:name` parameters, and their values.
struct ReportQuery {
    var sql: String
    var values: [String: DatabaseValue]

    var arguments: StatementArguments { StatementArguments(values.mapValues { $0 as (any DatabaseValueConvertible)? }) }

    /// The SQL with every `:name` replaced by its value as a literal, ending with a semicolon.
    var literalSQL: String {
        var result = ""
        var index = sql.startIndex
        while index < sql.endIndex {
            let character = sql[index]
            guard character == ":" else {
                result.append(character)
                index = sql.index(after: index)
                continue
            }
            var end = sql.index(after: index)
            while end < sql.endIndex, sql[end].isLetter || sql[end].isNumber || sql[end] == "_" { end = sql.index(after: end) }
            let name = String(sql[sql.index(after: index)..<end])
            if let value = values[name] {
                switch value.storage {
                case .int64(let number): result += String(number)
                case .double(let number): result += String(number)
                case .string(let text): result += "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
                case .null, .blob: result += "NULL"
                }
            } else {
                result += sql[index..<end]
            }
            index = end
        }
        return result + ";"
    }
}

extension AppDatabase {
    static func agingQuery(asOf: Day) -> ReportQuery {
        // Bucket bounds on due_day: d days late ⟺ due_day = asOf − d.
        ReportQuery(
            sql: """
                SELECT c.id, c.code, c.name, t.not_due, t.d30, t.d60, t.d90, t.over90
                FROM (SELECT client_id,
                             SUM(CASE WHEN due_day >= :asOf THEN outstanding_cents ELSE 0 END) AS not_due,
                             SUM(CASE WHEN due_day < :asOf AND due_day >= :late30 THEN outstanding_cents ELSE 0 END) AS d30,
                             SUM(CASE WHEN due_day < :late30 AND due_day >= :late60 THEN outstanding_cents ELSE 0 END) AS d60,
                             SUM(CASE WHEN due_day < :late60 AND due_day >= :late90 THEN outstanding_cents ELSE 0 END) AS d90,
                             SUM(CASE WHEN due_day < :late90 THEN outstanding_cents ELSE 0 END) AS over90,
                             SUM(outstanding_cents) AS total
                      FROM invoice WHERE outstanding_cents > 0
                      GROUP BY client_id) AS t
                JOIN client c ON c.id = t.client_id
                ORDER BY t.total DESC, c.name, c.id
                """,
            values: [
                "asOf": asOf.iso.databaseValue, "late30": asOf.adding(days: -30).iso.databaseValue,
                "late60": asOf.adding(days: -60).iso.databaseValue, "late90": asOf.adding(days: -90).iso.databaseValue,
            ])
    }

    static func salesByMonthQuery(clientID: Int64?, from: Day, to: Day) -> ReportQuery {
        var values: [String: DatabaseValue] = ["from": from.iso.databaseValue, "to": to.iso.databaseValue]
        var clientFilter = ""
        if let clientID {
            clientFilter = " AND client_id = :client"
            values["client"] = clientID.databaseValue
        }
        return ReportQuery(
            sql: """
                SELECT substr(issue_day, 1, 7) AS month, SUM(amount_cents) AS sales
                FROM invoice INDEXED BY \(clientID == nil ? "invoice_issue" : "invoice_sales")
                WHERE issue_day >= :from AND issue_day <= :to\(clientFilter)
                GROUP BY month
                """, values: values)
    }

    /// A span of days cut into whole calendar months (read from the monthly totals) and the
    /// partial months at its edges (read from the invoices).
    enum MonthPart: Equatable {
        case months(first: Day, last: Day)
        case days(first: Day, last: Day)
        /// Days to take away: a partial month read as its whole month less the days outside
        /// the span, when those are fewer (the current month up to today: the days after today).
        case minusDays(first: Day, last: Day)
    }

    static func monthSplit(from: Day, to: Day) -> [MonthPart] {
        guard from <= to else { return [] }
        // Each partial month: its own days, or its whole month less the others, whichever reads less.
        func partial(_ first: Day, _ last: Day) -> [MonthPart] {
            let month = (first.firstOfMonth, first.lastOfMonth)
            let inside = first.days(until: last) + 1
            let total = month.0.days(until: month.1) + 1
            guard first == month.0 || last == month.1, total - inside < inside else { return [.days(first: first, last: last)] }
            let outside = first == month.0 ? (last.adding(days: 1), month.1) : (month.0, first.adding(days: -1))
            return [.months(first: month.0, last: month.1), .minusDays(first: outside.0, last: outside.1)]
        }
        let fullFrom = from == from.firstOfMonth ? from : from.lastOfMonth.adding(days: 1)
        let fullTo = to == to.lastOfMonth ? to : to.firstOfMonth.adding(days: -1)
        guard fullFrom <= fullTo else {
            return from.firstOfMonth == to.firstOfMonth
                ? partial(from, to) : partial(from, from.lastOfMonth) + partial(to.firstOfMonth, to)
        }
        var parts: [MonthPart] = []
        if from < fullFrom { parts += partial(from, fullFrom.adding(days: -1)) }
        parts.append(.months(first: fullFrom, last: fullTo))
        if fullTo < to { parts += partial(fullTo.adding(days: 1), to) }
        return parts
    }

    /// The statements that read a span from monthly totals: `months` for the whole months,
    /// `days` for the partial ones, each with its sign (−1 for the days taken away).
    static func monthQueries(
        from: Day, to: Day, months: (Day, Day) -> ReportQuery, days: (Day, Day) -> ReportQuery
    ) -> [(query: ReportQuery, sign: Int)] {
        monthSplit(from: from, to: to).map { part in
            switch part {
            case .months(let first, let last): return (months(first, last), 1)
            case .days(let first, let last): return (days(first, last), 1)
            case .minusDays(let first, let last): return (days(first, last), -1)
            }
        }
    }

    static func salesMonthsQuery(from: Day, to: Day) -> ReportQuery {
        ReportQuery(
            sql: "SELECT month, cents FROM sales_month WHERE month BETWEEN :from AND :to",
            values: ["from": String(from.iso.prefix(7)).databaseValue, "to": String(to.iso.prefix(7)).databaseValue])
    }

    static func paidMonthsQuery(from: Day, to: Day) -> ReportQuery {
        ReportQuery(
            sql: """
                SELECT SUM(count), SUM(cents), SUM(delay_sum), SUM(late_sum), TOTAL(weighted_delay), TOTAL(weighted_late),
                       SUM(late_cents), SUM(late_count)
                FROM paid_month WHERE month BETWEEN :from AND :to
                """,
            values: ["from": String(from.iso.prefix(7)).databaseValue, "to": String(to.iso.prefix(7)).databaseValue])
    }

    static func paidTotalsQuery(clientID: Int64?, from: Day, to: Day) -> ReportQuery {
        var values: [String: DatabaseValue] = ["from": from.iso.databaseValue, "to": to.iso.databaseValue]
        var source = "invoice INDEXED BY invoice_paid_day"
        var clientFilter = ""
        if let clientID {
            source = "invoice INDEXED BY invoice_paid"
            clientFilter = " AND client_id = :client"
            values["client"] = clientID.databaseValue
        }
        let tolerance = lateToleranceDays
        return ReportQuery(
            sql: """
                SELECT COUNT(*), SUM(amount_cents), SUM(paid_delay), SUM(MAX(paid_delay, 0)), TOTAL(amount_cents * paid_delay),
                       TOTAL(amount_cents * MAX(paid_delay, 0)), SUM(CASE WHEN paid_delay > \(tolerance) THEN amount_cents ELSE 0 END),
                       SUM(paid_delay > \(tolerance))
                FROM \(source)
                WHERE paid_day IS NOT NULL AND paid_day BETWEEN :from AND :to AND amount_cents > 0\(clientFilter)
                """, values: values)
    }

    static func outstandingQuery(clientID: Int64?, asOf: Day) -> ReportQuery {
        var values: [String: DatabaseValue] = ["asOf": asOf.iso.databaseValue]
        var invoiceFilter = ""
        var paymentFilter = ""
        if let clientID {
            invoiceFilter = " AND client_id = :client"
            paymentFilter = " AND p.client_id = :client"
            values["client"] = clientID.databaseValue
        }
        // Today's outstanding of the invoices issued by asOf (through the open invoices), plus
        // what later payments settled (from the payments after asOf, `payment_day`: usually none).
        return ReportQuery(
            sql: """
                SELECT (SELECT COALESCE(SUM(outstanding_cents), 0) FROM invoice INDEXED BY invoice_open
                        WHERE outstanding_cents > 0 AND issue_day <= :asOf\(invoiceFilter))
                     + (SELECT COALESCE(SUM(a.amount_cents), 0)
                        FROM payment p CROSS JOIN allocation a ON a.payment_id = p.id JOIN invoice i ON i.id = a.invoice_id
                        WHERE p.day > :asOf AND i.issue_day <= :asOf\(paymentFilter))
                """, values: values)
    }

    /// Per-client delay statistics of the invoices fully paid in [:since, :until] (their stored
    /// `paid_day`, v3), as the common table `delays`, read from the covering index
    /// `invoice_paid` in client order (no sort); the columns are read by `clientDelay(_:offset:)`:
    /// client_id, paid_count, paid_cents, weighted_delay, weighted_late, late_count, late_cents,
    /// recent_count, recent_cents, recent_weighted_late. Paid after :recent is "recent".
    static func delaysCTE(clientFilter: String = "") -> String {
        """
        delays AS (
            SELECT client_id, COUNT(*) AS paid_count, SUM(amount_cents) AS paid_cents,
                   TOTAL(amount_cents * paid_delay) AS weighted_delay, TOTAL(amount_cents * MAX(paid_delay, 0)) AS weighted_late,
                   SUM(paid_delay > 5) AS late_count, SUM(CASE WHEN paid_delay > 5 THEN amount_cents ELSE 0 END) AS late_cents,
                   SUM(paid_day > :recent) AS recent_count, SUM(CASE WHEN paid_day > :recent THEN amount_cents ELSE 0 END) AS recent_cents,
                   TOTAL(CASE WHEN paid_day > :recent THEN amount_cents * MAX(paid_delay, 0) END) AS recent_weighted_late
            FROM invoice INDEXED BY invoice_paid
            WHERE paid_day IS NOT NULL AND paid_day BETWEEN :since AND :until\(clientFilter)
            GROUP BY client_id)
        """
    }

    static func paidInvoicesQuery(clientID: Int64?, since: Day) -> ReportQuery {
        var values: [String: DatabaseValue] = ["since": since.iso.databaseValue]
        var clientFilter = ""
        if let clientID {
            clientFilter = " AND client_id = :client"
            values["client"] = clientID.databaseValue
        }
        return ReportQuery(
            sql: """
                SELECT amount_cents, due_day, paid_day FROM invoice INDEXED BY invoice_paid
                WHERE paid_day IS NOT NULL AND paid_day >= :since\(clientFilter)
                ORDER BY paid_day, id
                """, values: values)
    }

    static func paymentDelayQuery(since: Day, asOf: Day, clientID: Int64? = nil) -> ReportQuery {
        var values: [String: DatabaseValue] = [
            "since": since.iso.databaseValue, "until": asOf.iso.databaseValue, "recent": asOf.adding(days: -90).iso.databaseValue,
        ]
        if let clientID { values["client"] = clientID.databaseValue }
        return ReportQuery(
            sql: """
                WITH \(delaysCTE(clientFilter: clientID == nil ? "" : " AND client_id = :client"))
                SELECT client_id, paid_count, paid_cents, weighted_delay, weighted_late, late_count, late_cents,
                       recent_count, recent_cents, recent_weighted_late
                FROM delays ORDER BY client_id
                """, values: values)
    }

    static func riskQuery(asOf: Day, graceDays: Int, clientID: Int64? = nil) -> ReportQuery {
        let yearAgo = asOf.adding(months: -12)
        // One client: every per-client subquery is cut to it (by the client-first indexes).
        func only(_ column: String) -> String { clientID == nil ? "" : " AND \(column) = :client" }
        func shift(_ days: Int) -> String { (days >= 0 ? "+" : "") + "\(days) days" }
        // Plans: `PlanProgress` applies the payments made for a plan (allocations to its invoices
        // since it was agreed) to its installments in order, so installment k is broken when the
        // cumulative amount through k exceeds what was paid by its day + grace + 1 (its break day).
        // Sales and delays stream from their covering indexes in client order (v3); `CROSS JOIN` makes
        // the few disputes drive their invoices, not the other way round.
        var values: [String: DatabaseValue] = [
            "asOf": asOf.iso.databaseValue, "yearAgo": yearAgo.iso.databaseValue, "breakShift": shift(graceDays + 1).databaseValue,
        ]
        if let clientID { values["client"] = clientID.databaseValue }
        return ReportQuery(
            sql: """
                WITH broken_promises AS (
                    SELECT pr.client_id, COUNT(*) AS broken FROM promise pr
                    WHERE pr.due_day < :asOf AND pr.due_day > :yearAgo\(only("pr.client_id"))
                      AND pr.amount_cents > (SELECT COALESCE(SUM(pay.amount_cents), 0) FROM payment pay
                                             WHERE pay.client_id = pr.client_id AND pay.day >= pr.made_day AND pay.day <= :asOf)
                    GROUP BY pr.client_id),
                plans AS (SELECT id, client_id, agreed_day, cancelled_day FROM plan WHERE agreed_day <= :asOf\(only("client_id"))),
                plan_receipts AS MATERIALIZED (
                    SELECT pl.id AS plan_id, pay.day AS day, SUM(a.amount_cents) AS cents
                    FROM plans pl JOIN plan_invoice pi ON pi.plan_id = pl.id JOIN allocation a ON a.invoice_id = pi.invoice_id
                         JOIN payment pay ON pay.id = a.payment_id
                    WHERE pay.day >= pl.agreed_day AND pay.day <= :asOf
                    GROUP BY pl.id, pay.day),
                installments AS (
                    SELECT plan_id, date(day, :breakShift) AS break_day,
                           SUM(amount_cents) OVER (PARTITION BY plan_id ORDER BY number ROWS UNBOUNDED PRECEDING) AS cumulative
                    FROM plan_installment WHERE plan_id IN (SELECT id FROM plans)),
                broken_plans AS (
                    SELECT pl.client_id, COUNT(DISTINCT pl.id) AS broken
                    FROM plans pl JOIN installments k ON k.plan_id = pl.id
                    WHERE k.break_day > :yearAgo AND k.break_day <= :asOf
                      AND (pl.cancelled_day IS NULL OR pl.cancelled_day >= k.break_day)
                      AND k.cumulative > (SELECT COALESCE(SUM(pr.cents), 0) FROM plan_receipts pr
                                          WHERE pr.plan_id = pl.id AND pr.day <= k.break_day)
                    GROUP BY pl.client_id),
                disputes AS (
                    SELECT i.client_id,
                           SUM(d.closed_day IS NULL OR d.closed_day > :asOf) AS open_count,
                           SUM(d.opened_day > :yearAgo) AS recent_count
                    FROM dispute d CROSS JOIN invoice i ON i.id = d.invoice_id
                    WHERE d.opened_day <= :asOf\(only("i.client_id"))
                    GROUP BY i.client_id),
                reminders AS (
                    SELECT client_id, COUNT(*) AS sent FROM reminder WHERE day > :yearAgo AND day <= :asOf\(only("client_id")) GROUP BY client_id)
                SELECT c.id, c.code, c.name, COALESCE(bp.broken, 0), COALESCE(bl.broken, 0), COALESCE(ds.open_count, 0),
                       COALESCE(ds.recent_count, 0), COALESCE(rm.sent, 0)
                FROM client c
                LEFT JOIN broken_promises bp ON bp.client_id = c.id
                LEFT JOIN broken_plans bl ON bl.client_id = c.id
                LEFT JOIN disputes ds ON ds.client_id = c.id
                LEFT JOIN reminders rm ON rm.client_id = c.id\(clientID == nil ? "" : "\nWHERE c.id = :client")
                ORDER BY c.id
                """,
            values: values)
    }

    static func clientSharesQuery(from: Day, to: Day) -> ReportQuery {
        ReportQuery(
            sql: """
                WITH sales AS (
                    SELECT client_id, SUM(amount_cents) AS sales FROM invoice INDEXED BY invoice_sales
                    WHERE issue_day >= :from AND issue_day <= :to GROUP BY client_id),
                debt AS (SELECT client_id, SUM(outstanding_cents) AS outstanding FROM invoice WHERE outstanding_cents > 0 GROUP BY client_id)
                SELECT c.id, c.code, c.name, COALESCE(s.sales, 0) AS sales, COALESCE(d.outstanding, 0) AS outstanding
                FROM client c LEFT JOIN sales s ON s.client_id = c.id LEFT JOIN debt d ON d.client_id = c.id
                WHERE s.sales IS NOT NULL OR d.outstanding IS NOT NULL
                ORDER BY sales DESC, outstanding DESC, c.name, c.id
                """, values: ["from": from.iso.databaseValue, "to": to.iso.databaseValue])
    }

    static func forecastQueries(asOf: Day) -> (open: ReportQuery, plans: ReportQuery, promises: ReportQuery) {
        let values: [String: DatabaseValue] = ["asOf": asOf.iso.databaseValue]
        // Grouped in the order of invoice_open: no sort.
        let open = ReportQuery(
            sql: """
                SELECT client_id, due_day, SUM(outstanding_cents), SUM(CASE WHEN disputed THEN outstanding_cents ELSE 0 END), COUNT(*)
                FROM invoice WHERE outstanding_cents > 0
                GROUP BY client_id, due_day
                """, values: [:])
        // Payments for a plan are applied to its installments in order (as `PlanProgress` does):
        // installment k is uncovered for min(amount, cumulative through k − paid) when positive.
        let plans = ReportQuery(
            sql: """
                WITH running AS (
                    SELECT id, client_id, agreed_day FROM plan
                    WHERE agreed_day <= :asOf AND (cancelled_day IS NULL OR cancelled_day > :asOf)),
                paid AS (
                    SELECT r.id AS plan_id, SUM(a.amount_cents) AS cents
                    FROM running r JOIN plan_invoice pi ON pi.plan_id = r.id JOIN allocation a ON a.invoice_id = pi.invoice_id
                         JOIN payment pay ON pay.id = a.payment_id
                    WHERE pay.day >= r.agreed_day AND pay.day <= :asOf
                    GROUP BY r.id),
                installments AS (
                    SELECT plan_id, number, day, amount_cents,
                           SUM(amount_cents) OVER (PARTITION BY plan_id ORDER BY number ROWS UNBOUNDED PRECEDING) AS cumulative
                    FROM plan_installment WHERE plan_id IN (SELECT id FROM running))
                SELECT r.client_id, k.plan_id, k.number, k.day, MIN(k.amount_cents, k.cumulative - COALESCE(p.cents, 0)) AS uncovered
                FROM installments k JOIN running r ON r.id = k.plan_id LEFT JOIN paid p ON p.plan_id = k.plan_id
                WHERE k.cumulative - COALESCE(p.cents, 0) > 0
                ORDER BY k.day, r.client_id, k.plan_id, k.number
                """, values: values)
        let promises = ReportQuery(
            sql: """
                SELECT pr.client_id, pr.id, pr.due_day,
                       pr.amount_cents - (SELECT COALESCE(SUM(pay.amount_cents), 0) FROM payment pay
                                          WHERE pay.client_id = pr.client_id AND pay.day >= pr.made_day AND pay.day <= :asOf) AS remaining,
                       pr.invoice_id
                FROM promise pr
                WHERE pr.due_day >= :asOf AND pr.made_day <= :asOf AND remaining > 0
                ORDER BY pr.due_day, pr.client_id, pr.id
                """, values: values)
        return (open, plans, promises)
    }
}
