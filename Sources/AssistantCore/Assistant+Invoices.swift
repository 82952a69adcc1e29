import Foundation
import FrenchParsing
import Persistence
import Receivables

extension Assistant {
    /// `invoice.list`: invoices of a client, a status or a window of dates.
    func invoiceList(_ entities: Entities) throws -> Reply {
        try validateLimit(entities.limit)
        var filter = InvoiceFilter(clientID: entities.client?.id, limit: entities.limit)
        if let days = entities.minDaysLate {
            guard days >= 0 else {
                throw AssistantError.invalidValue(field: "minDaysLate", reason: "Le nombre de jours de retard ne peut pas être négatif.")
            }
            filter.minDaysLate = days
        }
        if let status = entities.status {
            guard let value = InvoiceFilter.Status(rawValue: status) else {
                throw AssistantError.invalidValue(
                    field: "status", reason: "Statut « \(status) » inconnu (open, overdue, paid ou disputed).")
            }
            filter.status = value
        }
        if let period = entities.period {
            guard period.from <= period.to else {
                throw AssistantError.invalidValue(field: "period", reason: "La période commence après sa fin.")
            }
            // A window ahead of today is about due dates ("à échéance la semaine prochaine"),
            // one in the past about issue dates ("factures de mars"), unless only open ones are asked.
            let aboutDueDates = entities.periodIsDue ?? (period.from >= today || filter.status == .open && period.to >= today)
            if aboutDueDates {
                filter.dueFrom = period.from
                filter.dueTo = period.to
                if filter.status == nil { filter.status = .open }
            } else {
                filter.issuedFrom = period.from
                filter.issuedTo = period.to
            }
        }
        let lines = try database.invoices(filter, asOf: today)
        let shown = entities.limit.map { Array(lines.prefix($0)) } ?? Array(lines.prefix(200))
        let minAmount = entities.minAmount ?? .zero
        let selected = shown.filter { $0.invoice.amount >= minAmount }
        let data = InvoiceListData(
            count: selected.count, total: selected.map(\.invoice.amount).sum(), outstanding: selected.map(\.invoice.outstanding).sum(),
            invoices: selected.map { InvoiceData($0.invoice, clientName: $0.clientName, asOf: today) })
        var qualifiers: [String] = []
        switch filter.status {
        case .open?: qualifiers.append("à régler")
        case .overdue?: qualifiers.append("en retard")
        case .paid?: qualifiers.append("réglées")
        case .disputed?: qualifiers.append("en litige")
        case nil: break
        }
        if let client = entities.client { qualifiers.append("de \(client.name)") }
        if let period = entities.period {
            let span = period.from == period.to ? "le \(period.from.french)" : "du \(period.from.french) au \(period.to.french)"
            qualifiers.append((filter.dueFrom != nil ? "à échéance " : "émises ") + span)
        }
        if let days = entities.minDaysLate { qualifiers.append("en retard depuis au moins \(days) jour\(days > 1 ? "s" : "")") }
        if entities.minAmount != nil { qualifiers.append("d’au moins \(minAmount.formatted)") }
        let prose = say(
            "invoice-list",
            [
                "count": selected.count, "none": selected.isEmpty, "one": selected.count == 1,
                "qualifiers": qualifiers.joined(separator: " "),
                "total": data.total.formatted, "outstanding": data.outstanding.formatted, "hasOutstanding": data.outstanding.isPositive,
                "truncated": lines.count > shown.count && entities.limit == nil, "shown": shown.count,
            ])
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        if !selected.isEmpty {
            blocks.append(.table(invoiceTable(selected.map { ($0.invoice, $0.clientName) }, showClient: entities.client == nil)))
        }
        return Reply(intent: .invoiceList, entities: entities, blocks: blocks, data: data)
    }

    /// `invoice.add`: records an invoice; the number is the next "F-AAAA-NNNN" when not given,
    /// the due date comes from the terms said, else the client's.
    func invoiceAdd(_ entities: Entities) throws -> Reply {
        let client = try requiredClient(entities, for: .invoiceAdd)
        guard let amount = entities.amount else {
            throw AssistantError.invalidValue(
                field: "amount",
                reason:
                    "Quel est le montant de la facture\u{202F}? Par exemple\u{00A0}: « nouvelle facture pour \(client.name) de 1 500 € ».")
        }
        try validate(amount, field: "amount", what: "Le montant d’une facture")
        let issue = entities.date ?? today
        let terms = entities.termsDays.map { PaymentTerms(days: $0, endOfMonth: entities.endOfMonth ?? false) } ?? client.terms
        if let days = entities.termsDays, days < 0 || days > 365 {
            throw AssistantError.invalidValue(field: "termsDays", reason: "Un délai de paiement de \(days) jours n’est pas plausible.")
        }
        let reading = try settings().endOfMonthReading
        let due = entities.dueDate ?? terms.dueDay(issuedOn: issue, reading: reading)
        guard due >= issue else {
            throw AssistantError.invalidValue(
                field: "dueDate", reason: "L’échéance (\(due.french)) précède la date de la facture (\(issue.french)).")
        }
        // No number: the next one is given; a number given blank is a mistake to report.
        let given = entities.invoice?.trimmingCharacters(in: .whitespacesAndNewlines)
        if given?.isEmpty == true {
            throw AssistantError.invalidValue(
                field: "invoice", reason: "Le numéro de facture est vide. Donnez un numéro, ou aucun pour la numérotation automatique.")
        }
        let number = try given ?? nextInvoiceNumber(year: issue.year)
        guard number.count <= 40 else {
            throw AssistantError.invalidValue(field: "invoice", reason: "Un numéro de facture fait au plus 40 caractères.")
        }
        let invoice: Invoice
        do {
            invoice = try database.addInvoice(
                Invoice(number: number, clientID: client.id!, issueDay: issue, dueDay: due, amount: amount), day: today)
        } catch PersistenceError.duplicateInvoiceNumber(let number) {
            throw AssistantError.invalidValue(field: "invoice", reason: "La facture « \(number) » existe déjà. Choisissez un autre numéro.")
        }
        var entities = entities
        entities.invoice = invoice.number
        let termsDays = due.ordinal - issue.ordinal
        // A periodic (recapitulative) invoice is due at most 45 days after its issue
        // (L441-10 I), whatever the category allows otherwise.
        var latest = client.kind.latestLawfulDueDay(issuedOn: issue, reading: reading)
        var limit = client.kind.termsLimitFrench ?? ""
        if entities.periodic == true, client.kind.isBusiness, latest.map({ issue.adding(days: 45) < $0 }) ?? true {
            latest = issue.adding(days: 45)
            limit = "le délai légal d’une facture périodique (45 jours après son émission)"
        }
        let prose = say(
            "invoice-add",
            [
                "number": invoice.number, "client": client.name, "amount": amount.formatted, "issue": issue.french, "due": due.french,
                "tooLong": latest.map { due > $0 } ?? false, "termsDays": termsDays, "limit": limit,
            ])
        return Reply(
            intent: .invoiceAdd, entities: entities, blocks: [.paragraph(prose)],
            data: InvoiceData(invoice, clientName: client.name, asOf: today))
    }

    /// The next free "F-AAAA-NNNN" number.
    func nextInvoiceNumber(year: Int) throws -> String {
        var sequence = try database.invoiceCount(numberPrefix: "F-\(year)-") + 1
        while try database.invoice(number: String(format: "F-%04d-%04d", year, sequence)) != nil { sequence += 1 }
        return String(format: "F-%04d-%04d", year, sequence)
    }

    /// Refuses a number of rows below one.
    func validateLimit(_ limit: Int?) throws {
        if let limit, limit < 1 {
            throw AssistantError.invalidValue(
                field: "limit", reason: "Le nombre de lignes demandé doit être au moins 1 (reçu\u{00A0}: \(limit)).")
        }
    }

    /// Refuses zero, negative and absurd amounts.
    func validate(_ amount: Money, field: String, what: String) throws {
        if !amount.isPositive {
            throw AssistantError.invalidValue(
                field: field, reason: "\(what) doit être strictement positif (reçu\u{00A0}: \(amount.formatted)).")
        }
        if amount > Money.plausibleMaximum {
            throw AssistantError.invalidValue(
                field: field,
                reason:
                    "\(what) de \(amount.formatted) n’est pas plausible (maximum \(Money.plausibleMaximum.formatted)). Vérifiez la saisie.")
        }
    }
}
