import GRDB
import Receivables

extension DemoLedger {
    /// The demo's sender: who signs the letters.
    static let demoSettings: [(String, String)] = [
        ("sender.name", "Nadia Benali"),
        ("sender.company", "Atelier Benali SARL"),
        ("sender.address", "12 rue des Tanneurs / 37000 Tours"),
        ("sender.city", "Tours"),
        ("sender.email", "nadia.benali@atelier-benali.fr"),
        ("sender.phone", "02 47 61 22 10"),
        ("bank.iban", "FR76 3000 6000 0112 3456 7890 189"),
        ("bank.bic", "AGRIFRPP"),
    ]

    /// Gives the built-in demo roster a dunning history, so that every part of the assistant
    /// has something to show: reminders already sent (some clients due for the next step
    /// today), a broken and a pending promise, a dispute, a pause, a plan being kept, a client
    /// past its formal notice, preferences and notes. Deterministic from `today`.
    func writeStory(_ db: Database) throws {
        for (key, value) in Self.demoSettings {
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
        }
        func clientID(_ code: String) throws -> Int64? {
            try Int64.fetchOne(db, sql: "SELECT id FROM client WHERE code = ?", arguments: [code])
        }
        func oldestOverdue(_ id: Int64) throws -> Day? {
            try String.fetchOne(
                db, sql: "SELECT MIN(due_day) FROM invoice WHERE client_id = ? AND outstanding_cents > 0 AND due_day < ? AND NOT disputed",
                arguments: [id, today.iso]
            ).flatMap { Day(iso: $0) }
        }
        func overdueTotal(_ id: Int64) throws -> Int64 {
            try Int64.fetchOne(
                db,
                sql:
                    "SELECT COALESCE(SUM(outstanding_cents), 0) FROM invoice WHERE client_id = ? AND outstanding_cents > 0 AND due_day < ?",
                arguments: [id, today.iso]) ?? 0
        }
        func remind(_ id: Int64, _ day: Day, _ level: DunningLevel, _ channel: Channel) throws {
            let numbers = try String.fetchAll(
                db, sql: "SELECT number FROM invoice WHERE client_id = ? AND outstanding_cents > 0 AND due_day < ? ORDER BY due_day",
                arguments: [id, day.iso])
            try db.execute(
                sql: "INSERT INTO reminder (client_id, day, level, channel, invoices, amount_cents) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, day.iso, level.rawValue, channel.rawValue, numbers.joined(separator: ","), try overdueTotal(id)])
        }
        // Preferences and addresses.
        let updates: [(String, String)] = [
            ("UPDATE client SET address = '8 avenue de Grammont / 37000 Tours' WHERE code = 'MOREAU'", ""),
            ("UPDATE client SET address = '41 quai de Bacalan / 33300 Bordeaux' WHERE code = 'GARNIER'", ""),
            ("UPDATE client SET address_form = 'tu' WHERE code = 'ETOILE'", ""),
            ("UPDATE client SET preferred_channel = 'phone' WHERE code = 'VOYAGEURS'", ""),
            ("UPDATE client SET address = '5 impasse des Lilas / 37100 Tours' WHERE code = 'PERRIN'", ""),
        ]
        for (sql, _) in updates { try db.execute(sql: sql) }

        // Reminder history for every overdue client, following the standard sequence: each
        // step sent on its day, some clients a little behind so that today has work.
        let special: Set<String> = ["MOREAU", "GARNIER", "GIRARD", "MERCIER", "MARTIN-FILS"]
        let overdueClients = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.code, c.preferred_channel FROM client c
                WHERE EXISTS (SELECT 1 FROM invoice i WHERE i.client_id = c.id AND i.outstanding_cents > 0 AND i.due_day < ? AND NOT i.disputed)
                ORDER BY c.id
                """, arguments: [today.iso])
        for row in overdueClients {
            let id: Int64 = row["id"]
            let code: String = row["code"]
            guard !special.contains(code), let oldest = try oldestOverdue(id) else { continue }
            let lag = Int(id % 4) * 3
            for step in DunningSequence.standard.steps where step.level != .courtesy && step.level < .escalation {
                let day = oldest.adding(days: step.delay)
                guard day < today.adding(days: -lag), day.days(until: today) > 2 else { break }
                try remind(id, day, step.level, step.channels[0])
            }
        }
        // Garage Moreau: three reminders, a call, and a promise it did not keep.
        if let moreau = try clientID("MOREAU"), let oldest = try oldestOverdue(moreau) {
            for step in DunningSequence.standard.steps where [.reminder1, .reminder2].contains(step.level) {
                let day = oldest.adding(days: step.delay)
                if day < today.adding(days: -21) { try remind(moreau, day, step.level, step.channels[0]) }
            }
            // The promise is made after its last payment, so that it is plainly not kept.
            let lastPayment =
                try String.fetchOne(db, sql: "SELECT MAX(day) FROM payment WHERE client_id = ?", arguments: [moreau])
                .flatMap { Day(iso: $0) } ?? today.adding(days: -60)
            let made = min(max(lastPayment.adding(days: 1), today.adding(days: -20)), today.adding(days: -9))
            try db.execute(
                sql: "INSERT INTO interaction (client_id, day, channel, note) VALUES (?, ?, 'phone', ?)",
                arguments: [moreau, made.iso, "M. Moreau promet un virement sous une semaine"])
            let promised = min(try overdueTotal(moreau), 200_000)
            if promised > 0 {
                try db.execute(
                    sql:
                        "INSERT INTO promise (client_id, made_day, due_day, amount_cents, method, note) VALUES (?, ?, ?, ?, 'transfer', ?)",
                    arguments: [moreau, made.iso, made.adding(days: 7).iso, promised, "virement promis au téléphone"])
            }
        }
        // Bâtiment Garnier SA: the whole sequence, formal notice past its deadline.
        if let garnier = try clientID("GARNIER"), let oldest = try oldestOverdue(garnier) {
            for step in DunningSequence.standard.steps where step.level != .courtesy && step.level < .escalation {
                let day = min(oldest.adding(days: step.delay), today.adding(days: -12 - (4 - step.level.rank) * 10))
                try remind(garnier, day, step.level, step.channels[0])
            }
            try db.execute(
                sql: "INSERT INTO interaction (client_id, day, channel, note) VALUES (?, ?, 'phone', ?)",
                arguments: [garnier, today.adding(days: -30).iso, "comptable injoignable, messages laissés"])
        }
        // Martin & Fils: a promise not yet due.
        if let martin = try clientID("MARTIN-FILS") {
            try db.execute(
                sql: "INSERT INTO promise (client_id, made_day, due_day, amount_cents, method, note) VALUES (?, ?, ?, ?, 'cheque', ?)",
                arguments: [martin, today.adding(days: -2).iso, today.adding(days: 5).iso, 150_000, "chèque annoncé"])
        }
        // Transports Girard: on holiday, dunning paused.
        if let girard = try clientID("GIRARD") {
            try db.execute(
                sql: "INSERT INTO pause (client_id, from_day, until_day, reason) VALUES (?, ?, ?, ?)",
                arguments: [girard, today.adding(days: -4).iso, today.adding(days: 10).iso, "gérant en congés"])
        }
        // Serrurerie Lemoine: the disputed invoice has its dispute.
        for row in try Row.fetchAll(db, sql: "SELECT id, due_day FROM invoice WHERE disputed") {
            let due = Day(iso: row["due_day"] as String) ?? today
            try db.execute(
                sql: "INSERT INTO dispute (invoice_id, opened_day, note) VALUES (?, ?, ?)",
                arguments: [row["id"] as Int64, min(due.adding(days: 12), today).iso, "conteste les heures de main-d’œuvre facturées"])
        }
        // Électricité Mercier: a plan agreed soon after its oldest invoice fell due, kept so far.
        if let mercier = try clientID("MERCIER"), let oldest = try oldestOverdue(mercier), oldest.adding(days: 5) < today.adding(days: -10)
        {
            let agreed = oldest.adding(days: 5)
            let covered = try Row.fetchAll(
                db,
                sql:
                    "SELECT id, outstanding_cents FROM invoice WHERE client_id = ? AND outstanding_cents > 0 AND due_day < ? ORDER BY due_day",
                arguments: [mercier, agreed.iso])
            let total = covered.reduce(Int64(0)) { $0 + ($1["outstanding_cents"] as Int64) }
            if total > 0,
                let schedule = try? PlanCalculator.schedule(
                    PlanRequest(debt: Money(cents: total), installments: 4, start: agreed.adding(days: 5)))
            {
                try db.execute(
                    sql: "INSERT INTO plan (client_id, agreed_day, frequency, total_cents) VALUES (?, ?, 'monthly', ?)",
                    arguments: [mercier, agreed.iso, total])
                let planID = db.lastInsertedRowID
                for installment in schedule.installments {
                    try db.execute(
                        sql: "INSERT INTO plan_installment (plan_id, number, day, amount_cents, down_payment) VALUES (?, ?, ?, ?, ?)",
                        arguments: [planID, installment.number, installment.day.iso, installment.amount.cents, installment.isDownPayment])
                }
                for invoice in covered {
                    try db.execute(
                        sql: "INSERT INTO plan_invoice (plan_id, invoice_id, amount_cents) VALUES (?, ?, ?)",
                        arguments: [planID, invoice["id"] as Int64, invoice["outstanding_cents"] as Int64])
                }
                // The installments due so far were paid on their day, allocated oldest first.
                for installment in schedule.installments where installment.day < today {
                    try db.execute(
                        sql:
                            "INSERT INTO payment (client_id, day, amount_cents, method, unallocated_cents) VALUES (?, ?, ?, 'transfer', 0)",
                        arguments: [mercier, installment.day.iso, installment.amount.cents])
                    let paymentID = db.lastInsertedRowID
                    var left = installment.amount.cents
                    for invoice in covered where left > 0 {
                        let invoiceID: Int64 = invoice["id"]
                        let outstanding =
                            try Int64.fetchOne(db, sql: "SELECT outstanding_cents FROM invoice WHERE id = ?", arguments: [invoiceID]) ?? 0
                        let applied = min(left, outstanding)
                        guard applied > 0 else { continue }
                        try db.execute(
                            sql: "UPDATE invoice SET outstanding_cents = outstanding_cents - ? WHERE id = ?",
                            arguments: [applied, invoiceID])
                        try db.execute(
                            sql: "INSERT INTO allocation (payment_id, invoice_id, amount_cents) VALUES (?, ?, ?)",
                            arguments: [paymentID, invoiceID, applied])
                        left -= applied
                    }
                }
            }
        }
    }
}
