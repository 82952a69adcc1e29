import GRDB
import Receivables

extension AppDatabase {
    /// Fills an empty ledger with a generated one, in one transaction and without journal
    /// (generation is not a change a user would undo). `progress` receives (done, total).
    public func loadDemo(_ generator: DemoLedger, progress: ((Int, Int) -> Void)? = nil) throws {
        let profiles = generator.profiles()
        let drafts = generator.drafts(for: profiles)
        try write { db in
            guard try ClientRecord.fetchCount(db) == 0 else {
                throw PersistenceError.storage("le registre n’est pas vide\u{202F}; la démonstration s’installe dans un fichier neuf")
            }
            let insertClient = try db.makeStatement(
                sql: "INSERT INTO client (code, name, email, phone, terms_days, end_of_month, kind) VALUES (?, ?, ?, ?, ?, ?, ?)")
            var clientIDs: [Int64] = []
            clientIDs.reserveCapacity(profiles.count)
            for profile in profiles {
                try insertClient.execute(arguments: [
                    profile.code, profile.name, profile.email, profile.phone, profile.terms.days, profile.terms.endOfMonth,
                    profile.kind.rawValue,
                ])
                clientIDs.append(db.lastInsertedRowID)
            }
            let insertInvoice = try db.makeStatement(
                sql: """
                    INSERT INTO invoice (number, client_id, issue_day, due_day, amount_cents, outstanding_cents, disputed)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            let insertPayment = try db.makeStatement(
                sql: "INSERT INTO payment (client_id, day, amount_cents, method, invoice_id, unallocated_cents) VALUES (?, ?, ?, ?, ?, ?)")
            let insertAllocation = try db.makeStatement(
                sql: "INSERT INTO allocation (payment_id, invoice_id, amount_cents) VALUES (?, ?, ?)")
            var sequenceByYear: [Int: Int] = [:]
            for (index, draft) in drafts.enumerated() {
                let year = draft.issue.year
                let sequence = (sequenceByYear[year] ?? 0) + 1
                sequenceByYear[year] = sequence
                var outstanding = draft.amountCents
                for payment in draft.payments { outstanding -= min(payment.cents, outstanding) }
                let clientID = clientIDs[draft.clientIndex]
                try insertInvoice.execute(arguments: [
                    "F-\(year)-\(sequence < 1000 ? String(format: "%04d", sequence) : String(sequence))", clientID,
                    draft.issue.iso, draft.due.iso, draft.amountCents, outstanding, draft.disputed,
                ])
                let invoiceID = db.lastInsertedRowID
                var remaining = draft.amountCents
                for payment in draft.payments {
                    let applied = min(payment.cents, remaining)
                    remaining -= applied
                    try insertPayment.execute(arguments: [
                        clientID, payment.day.iso, payment.cents, payment.method.rawValue, nil as Int64?, payment.cents - applied,
                    ])
                    if applied > 0 {
                        try insertAllocation.execute(arguments: [db.lastInsertedRowID, invoiceID, applied])
                    }
                }
                if let progress, index % 10_000 == 0 { progress(index, drafts.count) }
            }
            if generator.clientCount == nil { try generator.writeStory(db) }
            progress?(drafts.count, drafts.count)
        }
    }
}
