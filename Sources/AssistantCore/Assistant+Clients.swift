import FrenchParsing
import Persistence
import Receivables

extension Assistant {
    /// - Parameter open: the client's open invoices when the caller has already read them.
    func balanceData(_ client: Client, open: [Invoice]? = nil) throws -> BalanceData {
        let position =
            try open.map { ClientPosition(invoices: $0, credit: try database.credit(clientID: client.id!), asOf: today) }
            ?? database.position(clientID: client.id!, asOf: today)
        return BalanceData(
            client: ClientReference(id: client.id, name: client.name), asOf: today, outstanding: position.outstanding,
            overdue: position.overdue, credit: position.credit, netDue: position.netDue, openInvoices: position.openInvoiceCount,
            overdueInvoices: position.overdueInvoiceCount, maxDaysLate: position.maxDaysLate, nextDueDate: position.nextDueDay,
            nextDueAmount: position.nextDueAmount)
    }

    /// The prose of a balance, shared by `client.balance`, `client.show` and `payment.record`.
    func balanceSentence(_ balance: BalanceData) -> String {
        say(
            "client-balance",
            [
                "name": balance.client.name, "owes": balance.outstanding.isPositive, "outstanding": balance.outstanding.formatted,
                "hasOverdue": balance.overdue.isPositive, "overdue": balance.overdue.formatted,
                "allOverdue": balance.overdue == balance.outstanding, "overdueInvoices": balance.overdueInvoices,
                "manyOverdue": balance.overdueInvoices > 1, "maxDaysLate": balance.maxDaysLate,
                "hasNext": balance.nextDueDate != nil, "nextDueDate": balance.nextDueDate?.french ?? "",
                "nextDueAmount": balance.nextDueAmount?.formatted ?? "", "hasCredit": balance.credit.isPositive,
                "credit": balance.credit.formatted, "netDue": balance.netDue.formatted, "asOf": today.french,
            ])
    }

    /// `client.balance`: what one client owes.
    func clientBalance(_ entities: Entities) throws -> Reply {
        let client = try requiredClient(entities, for: .clientBalance)
        let balance = try balanceData(client)
        return Reply(intent: .clientBalance, entities: entities, blocks: [.paragraph(balanceSentence(balance))], data: balance)
    }

    /// `client.show`: the client's file.
    func clientShow(_ entities: Entities) throws -> Reply {
        let client = try requiredClient(entities, for: .clientShow)
        let open = try database.openInvoices(clientID: client.id!)
        let balance = try balanceData(client, open: open)
        let payments = try database.payments(clientID: client.id!, limit: 5)
        let history = try database.invoiceHistory(clientID: client.id!)
        let events = try clientEvents(client)
        let settings = try settings()
        let plans = try database.plans(clientID: client.id!).map { planData($0, graceDays: settings.graceDays) }
        var data = ClientFileData(
            client: ClientData(client), balance: balance, openInvoices: open.map { InvoiceData($0, clientName: client.name, asOf: today) },
            lastPayments: payments.map {
                .init(date: $0.day, amount: $0.amount, method: $0.method?.frenchLabel, unallocated: $0.unallocated)
            },
            invoiceCount: history.count, invoicedTotal: history.total, history: events, plans: plans)
        let header = say(
            "client-show",
            [
                "name": client.name, "code": client.code, "kind": client.kind.frenchLabel, "email": client.email ?? "",
                "phone": client.phone.map(Self.formatPhone) ?? "", "hasEmail": client.email != nil, "hasPhone": client.phone != nil,
                "terms": client.terms.frenchDescription, "termsTooLong": client.terms.exceedsLegalMaximum(for: client.kind),
                "limit": client.kind.termsLimitFrench ?? "",
                "hasContractRate": client.contractRate != nil,
                "contractRate": client.contractRate.map { "taux contractuel de " + RateTable.formatPercent($0) } ?? "",
                "belowFloor": try client.contractRate.map { try contractRateWarning($0, on: today) != nil } ?? false,
                "invoiceCount": history.count, "invoicedTotal": history.total.formatted, "balance": balanceSentence(balance),
                "hasOpen": !open.isEmpty, "hasPayments": !payments.isEmpty,
            ])
        var blocks: [ReplyBlock] = [.paragraph(header)]
        var preferences: [String] = []
        if let address = client.address { preferences.append("Adresse\u{00A0}: \(address)") }
        if let channel = client.preferredChannel { preferences.append("à joindre de préférence \(channel.frenchLabel)") }
        if client.addressForm == .tu { preferences.append("tutoiement") }
        if let sequence = client.sequence { preferences.append("séquence de relance « \(sequence) »") }
        if let stop = client.dunningStop { preferences.append("ne pas relancer (\(stop))") }
        if let procedure = client.insolvency { preferences.append("procédure collective (\(procedure))") }
        if !preferences.isEmpty { blocks.append(.paragraph(preferences.joined(separator: " · ") + ".")) }
        // Interest and indemnities are owed apart from the principal, paid invoices included.
        var penalties = Entities()
        penalties.client = ClientReference(id: client.id, name: client.name)
        if let owed = try penaltyCompute(penalties).data as? PenaltyData, owed.total.isPositive {
            data.penalties = owed
            blocks.append(
                .paragraph(
                    "Pénalités de retard à ce jour, en plus du solde\u{00A0}: \(owed.interest.formatted) d’intérêts"
                        + (owed.indemnity.isPositive ? " et \(owed.indemnity.formatted) d’indemnités forfaitaires" : "")
                        + " sur \(owed.lines.count) facture\(owed.lines.count > 1 ? "s" : "") payée\(owed.lines.count > 1 ? "s" : "") ou dues en retard (détail\u{00A0}: « pénalités de \(client.name) »)."
                ))
        }
        for plan in plans where plan.status != "completed" {
            blocks.append(
                .paragraph(
                    "Échéancier du \(plan.agreedDate.french)\u{00A0}: \(plan.total.formatted), \(plan.paid.formatted) payés, \(plan.statusLabel)"
                        + (plan.nextDate.map { ", prochaine échéance le \($0.french) (\(plan.nextAmount?.formatted ?? ""))" } ?? "") + "."))
        }
        if !events.isEmpty {
            blocks.append(
                .paragraph(
                    "Suivi\u{00A0}:\n"
                        + events.prefix(8).map { "– \($0.date.french)\u{00A0}: \($0.text)" }.joined(separator: "\n")))
        }
        if !open.isEmpty {
            blocks.append(.paragraph("Factures ouvertes\u{00A0}:"))
            blocks.append(.table(invoiceTable(open.map { ($0, client.name) }, showClient: false)))
        }
        if !payments.isEmpty {
            blocks.append(.paragraph("Derniers paiements\u{00A0}:"))
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("Date"), .init("Montant", .right), .init("Mode"), .init("Non affecté", .right)],
                        rows: payments.map {
                            [
                                $0.day.french, $0.amount.formatted, $0.method?.frenchLabel ?? "—",
                                $0.unallocated.isPositive ? $0.unallocated.formatted : "",
                            ]
                        })))
        }
        return Reply(intent: .clientShow, entities: entities, blocks: blocks, data: data)
    }

    /// The client's reminders, promises, notes, disputes and pauses, most recent first.
    func clientEvents(_ client: Client) throws -> [ClientFileData.Event] {
        let id = client.id!
        var events: [ClientFileData.Event] = []
        for reminder in try database.reminders(clientID: id) {
            events.append(
                .init(
                    kind: "reminder", date: reminder.day,
                    text:
                        "\(reminder.level.frenchLabel) envoyée\(reminder.channel.map { " \($0.frenchLabel)" } ?? "") (\(reminder.amount.formatted))",
                    status: reminder.level.rawValue, amount: reminder.amount))
        }
        for promise in try database.promises(clientID: id) {
            let status = promise.status(asOf: today)
            let label = ["kept": "tenue", "pending": "en attente", "broken": "non tenue"][status] ?? status
            events.append(
                .init(
                    kind: "promise", date: promise.madeDay,
                    text: "promesse de \(promise.amount.formatted) pour le \(promise.dueDay.french) — \(label)", status: status,
                    amount: promise.amount))
        }
        for note in try database.interactions(clientID: id) {
            events.append(
                .init(
                    kind: "interaction", date: note.day, text: "\(note.channel.map { "\($0.shortLabel)\u{00A0}: " } ?? "")« \(note.note) »",
                    status: nil, amount: nil))
        }
        for dispute in try database.disputes(clientID: id) {
            let text =
                "litige sur \(dispute.invoiceNumber)\(dispute.note.map { " (« \($0) »)" } ?? "")"
                + (dispute.closedDay.map { ", clos le \($0.french)" } ?? ", en cours")
            events.append(
                .init(
                    kind: "dispute", date: dispute.openedDay, text: text, status: dispute.closedDay == nil ? "open" : "closed", amount: nil)
            )
        }
        for pause in try database.pauses(clientID: id) {
            events.append(
                .init(
                    kind: "pause", date: pause.from, text: "relances en pause jusqu’au \(pause.until.french) (\(pause.reason))",
                    status: nil, amount: nil))
        }
        return events.sorted { $0.date > $1.date }
    }

    /// `client.list`: clients, optionally those in dispute, with open invoices, paid up, or of one kind.
    func clientList(_ entities: Entities) throws -> Reply {
        try validateLimit(entities.limit)
        var query = ClientFilter(limit: entities.limit.map { max(0, $0) })
        if let status = entities.status {
            guard let wanted = ClientFilter.Status(rawValue: status) else {
                throw AssistantError.invalidValue(
                    field: "status", reason: "Filtre « \(status) » inconnu (overdue, open, paid ou disputed).")
            }
            query.status = wanted
        }
        if let kind = entities.kind {
            guard let wanted = ClientKind(parsing: kind) else {
                throw AssistantError.invalidValue(
                    field: "kind", reason: "Type de client « \(kind) » inconnu (B2B, B2C, PUBLIC ou TRANSPORT).")
            }
            query.kind = wanted
        }
        let (total, summaries) = try database.clientSummaries(asOf: today, filter: query)
        let data = ClientListData(
            count: total,
            rows: summaries.map {
                .init(
                    client: ClientReference(id: $0.client.id, name: $0.client.name), code: $0.client.code, kind: $0.client.kind.rawValue,
                    outstanding: $0.outstanding, overdue: $0.overdue, maxDaysLate: $0.maxDaysLate)
            })
        let filter: String
        switch (entities.status, entities.kind) {
        case ("disputed"?, _): filter = "en litige"
        case ("open"?, _): filter = "avec des factures ouvertes"
        case ("paid"?, _): filter = "à jour de leurs paiements"
        case ("overdue"?, _): filter = "en retard"
        case (nil, "B2C"?): filter = "particuliers"
        case (nil, "B2B"?): filter = "professionnels"
        default: filter = ""
        }
        let prose = say(
            "client-list",
            [
                "count": total, "none": total == 0, "one": total == 1, "filter": filter, "hasFilter": !filter.isEmpty,
                "shown": summaries.count, "limited": summaries.count < total,
            ])
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        if !summaries.isEmpty {
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("Client"), .init("Code"), .init("Type"), .init("Encours", .right), .init("En retard", .right)],
                        rows: summaries.map {
                            [
                                $0.client.name, $0.client.code, $0.client.kind.rawValue, $0.outstanding.formatted,
                                $0.overdue.isPositive ? "\($0.overdue.formatted) (\($0.maxDaysLate) j)" : "—",
                            ]
                        })))
        }
        return Reply(intent: .clientList, entities: entities, blocks: blocks, data: data)
    }

    /// "0612345678" → "06 12 34 56 78".
    static func formatPhone(_ phone: String) -> String {
        guard phone.count == 10, phone.allSatisfy(\.isNumber) else { return phone }
        var result = ""
        for (index, character) in phone.enumerated() {
            if index > 0 && index % 2 == 0 { result += " " }
            result.append(character)
        }
        return result
    }

    func invoiceTable(_ invoices: [(Invoice, String)], showClient: Bool) -> TextTable {
        var columns: [TextTable.Column] = [.init("N°")]
        if showClient { columns.append(.init("Client")) }
        columns += [.init("Émise"), .init("Échéance"), .init("Montant", .right), .init("Reste dû", .right), .init("Statut")]
        return TextTable(
            columns: columns,
            rows: invoices.map { invoice, clientName in
                var row = [invoice.number]
                if showClient { row.append(clientName) }
                let status = invoice.status(asOf: today)
                let late = invoice.daysLate(asOf: today)
                row += [
                    invoice.issueDay.french, invoice.dueDay.french, invoice.amount.formatted, invoice.outstanding.formatted,
                    status.frenchLabel + (late > 0 && status != .paid ? " (\(late) j)" : ""),
                ]
                return row
            })
    }
}
