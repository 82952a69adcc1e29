import FrenchParsing
import Persistence
import Receivables

extension Assistant {
    /// `overdue.list`: clients past due, largest and oldest first.
    func overdueList(_ entities: Entities) throws -> Reply {
        if let amount = entities.minAmount, amount.isNegative {
            throw AssistantError.invalidValue(field: "minAmount", reason: "Le seuil de montant ne peut pas être négatif.")
        }
        if let days = entities.minDaysLate, days < 0 {
            throw AssistantError.invalidValue(field: "minDaysLate", reason: "Le nombre de jours de retard ne peut pas être négatif.")
        }
        try validateLimit(entities.limit)
        let query = OverdueQuery(
            asOf: today, minDaysLate: entities.minDaysLate ?? 1, minAmount: entities.minAmount ?? Money(cents: 1),
            limit: entities.limit)
        let report = try database.overdueClients(query)
        let data = OverdueData(
            asOf: today, clientCount: report.clientCount, total: report.total,
            rows: report.rows.map {
                .init(
                    client: ClientReference(id: $0.clientID, name: $0.name), code: $0.code, overdue: $0.overdue, disputed: $0.disputed,
                    invoices: $0.invoiceCount, maxDaysLate: $0.maxDaysLate, oldestDueDate: $0.oldestDueDay)
            })
        var filters: [String] = []
        if let days = entities.minDaysLate { filters.append("depuis au moins \(days) jour\(days > 1 ? "s" : "")") }
        if let amount = entities.minAmount { filters.append("pour au moins \(amount.formatted)") }
        let prose = say(
            "overdue-list",
            [
                "none": report.clientCount == 0, "one": report.clientCount == 1, "count": report.clientCount,
                "total": report.total.formatted, "asOf": today.french, "filters": filters.joined(separator: " et "),
                "hasFilters": !filters.isEmpty, "shown": report.rows.count, "limited": report.rows.count < report.clientCount,
                "hasDisputes": report.rows.contains { $0.disputed.isPositive },
            ])
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        if !report.rows.isEmpty {
            blocks.append(
                .table(
                    TextTable(
                        columns: [
                            .init("Client"), .init("Dû", .right), .init("Factures", .right), .init("Retard max", .right),
                            .init("Échéance la plus ancienne"),
                        ],
                        rows: report.rows.map { row in
                            [
                                row.name + (row.disputed.isPositive ? " (litige)" : ""), row.overdue.formatted, "\(row.invoiceCount)",
                                "\(row.maxDaysLate) j", row.oldestDueDay.french,
                            ]
                        })))
        }
        return Reply(intent: .overdueList, entities: entities, blocks: blocks, data: data)
    }
}
