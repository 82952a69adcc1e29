import FrenchParsing
import Persistence
import Receivables

extension Assistant {
    /// `payment.record`: records a receipt and allocates it (the named invoice, else oldest first).
    func paymentRecord(_ entities: Entities) throws -> Reply {
        let (client, named) = try clientAndInvoice(entities, for: .paymentRecord)
        var entities = entities
        entities.client = ClientReference(id: client.id, name: client.name)
        guard let amount = entities.amount else {
            throw AssistantError.invalidValue(
                field: "amount",
                reason: "Quel montant \(client.name) a-t-il payé\u{202F}? Par exemple\u{00A0}: « \(client.name) a payé 500 € ».")
        }
        try validate(amount, field: "amount", what: "Le montant d’un paiement")
        let day = entities.date ?? today
        if day > today {
            throw AssistantError.invalidValue(
                field: "date",
                reason:
                    "Un paiement reçu ne peut pas être daté du \(day.french), dans le futur. Pour un paiement annoncé, enregistrez une promesse."
            )
        }
        let receipt = try database.recordPayment(
            Payment(clientID: client.id!, day: day, amount: amount, method: entities.method, invoiceID: named?.id), today: today)
        let balance = try balanceData(client)
        entities.date = day
        let data = PaymentData(
            client: ClientReference(id: client.id, name: client.name), date: day, amount: amount, method: entities.method?.rawValue,
            allocations: receipt.lines.map { .init(invoice: $0.invoiceNumber, amount: $0.amount, remaining: $0.remaining) },
            credit: receipt.credit, balance: balance)
        let allocations = receipt.lines.map { line in
            "\(line.invoiceNumber) (\(line.amount.formatted)"
                + (line.remaining.isPositive ? ", reste \(line.remaining.formatted))" : ", soldée)")
        }
        let prose = say(
            "payment-record",
            [
                "amount": amount.formatted, "client": client.name, "date": day.french, "method": entities.method?.frenchLabel ?? "",
                "hasMethod": entities.method != nil, "allocated": !receipt.lines.isEmpty,
                "allocations": allocations.joined(separator: ", "),
                "hasCredit": receipt.credit.isPositive, "credit": receipt.credit.formatted, "namedSettled": named?.isSettled ?? false,
                "named": named?.number ?? "", "balance": balanceSentence(balance),
            ])
        return Reply(intent: .paymentRecord, entities: entities, blocks: [.paragraph(prose)], data: data)
    }

    /// `undo`: reverts the last recorded change.
    func undo(_ entities: Entities) throws -> Reply {
        let undone: UndoneChange
        do {
            undone = try database.undoLastChange()
        } catch PersistenceError.nothingToUndo {
            throw AssistantError.invalidValue(field: "undo", reason: "Il n’y a rien à annuler.")
        }
        // Clients may have gone: the name index must forget them.
        if ["client.add", "data.import"].contains(undone.action) { try reloadClients() }
        let prose = say("undo", ["summary": undone.summary])
        return Reply(
            intent: .undo, entities: entities, blocks: [.paragraph(prose)],
            data: UndoData(action: undone.action, summary: undone.summary, date: undone.day))
    }
}
