import FrenchParsing
import Persistence
import Receivables

/// `client.update`, `promise.record`, `interaction.log`, `dispute.open`,
/// `dispute.close`: what the user records about a client. Each is one journaled change.
public struct RecordData: Encodable, Sendable {
    public var client: ClientReference
    public var kind: String
    public var date: Day?
    public var amount: Money?
    public var invoice: String?
    public var channel: String?
    public var note: String?
    public var until: Day?
}

extension Assistant {
    // MARK: client.update

    /// `client.update`: contacts, terms, preferred channel, tu/vous, own sequence, kind, a
    /// pause or stop of the dunning, a collective procedure.
    func clientUpdate(_ entities: Entities) throws -> Reply {
        var client = try requiredClient(entities, for: .clientUpdate)
        let before = client
        var changes: [String] = []
        if let email = entities.email {
            guard Self.isPlausibleEmail(email) else {
                throw AssistantError.invalidValue(
                    field: "email", reason: "L’adresse « \(email) » n’est pas une adresse électronique valide.")
            }
            client.email = email
            changes.append("courriel \(email)")
        }
        if let phone = entities.phone {
            client.phone = phone
            changes.append("téléphone \(Self.formatPhone(phone))")
        }
        if let raw = entities.channel {
            guard let channel = Channel(rawValue: raw) else {
                throw AssistantError.invalidValue(
                    field: "channel", reason: "Canal « \(raw) » inconnu (email, letter, registeredLetter, phone, sms).")
            }
            client.preferredChannel = channel
            changes.append("à joindre de préférence \(channel.frenchLabel)")
        }
        if let days = entities.termsDays {
            guard (0...365).contains(days) else {
                throw AssistantError.invalidValue(field: "termsDays", reason: "Un délai de paiement de \(days) jours n’est pas plausible.")
            }
            client.terms = PaymentTerms(days: days, endOfMonth: entities.endOfMonth ?? false)
            changes.append("paiement \(client.terms.frenchDescription)")
        }
        if let raw = entities.tone {
            guard let form = AddressForm(rawValue: raw) else {
                throw AssistantError.invalidValue(field: "tone", reason: "Forme d’adresse « \(raw) » inconnue (tu ou vous).")
            }
            client.addressForm = form
            changes.append(form == .tu ? "les lettres le tutoient" : "les lettres le vouvoient")
        }
        if let raw = entities.kind {
            guard let kind = ClientKind(parsing: raw) else {
                throw AssistantError.invalidValue(
                    field: "kind", reason: "Type de client « \(raw) » inconnu (B2B, B2C, PUBLIC ou TRANSPORT).")
            }
            client.kind = kind
            changes.append("client \(kind.frenchLabel)")
        }
        var rateWarning: String? = nil
        if let rate = entities.penaltyRate {
            guard (0...10_000).contains(rate) else {
                throw AssistantError.invalidValue(
                    field: "penaltyRate", reason: "Un taux de pénalités de \(RateTable.formatPercent(rate)) n’est pas plausible.")
            }
            if rate == 0 {
                client.contractRate = nil
                changes.append("pénalités de retard au taux prévu par la loi (\(PenaltyBasis.of(client).frenchLabel))")
            } else {
                guard client.kind.isBusiness else {
                    throw AssistantError.invalidValue(
                        field: "penaltyRate",
                        reason:
                            "\(client.name) est un particulier\u{00A0}: les intérêts de retard sont ceux du taux légal, à partir de la mise en demeure, quel que soit le contrat."
                    )
                }
                client.contractRate = rate
                changes.append("taux contractuel de pénalités de \(RateTable.formatPercent(rate))")
                rateWarning = try contractRateWarning(rate, on: today)
            }
        }
        let settings = try settings()
        if let name = entities.sequence {
            let key = name.lowercased()
            if key == "standard" || key == "defaut" || key == "défaut" {
                client.sequence = nil
                changes.append("séquence de relance par défaut")
            } else {
                guard settings.values["dunning.sequence.\(key)"] != nil else {
                    let known = settings.sequenceNames
                    throw AssistantError.invalidValue(
                        field: "sequence",
                        reason: "Aucune séquence de relance « \(name) ». "
                            + (known.isEmpty
                                ? "Définissez-la d’abord\u{00A0}: encaisse settings dunning.sequence.\(key) \"reminder1:7:email; …\"."
                                : "Séquences définies\u{00A0}: \(known.joined(separator: ", ")).")
                    )
                }
                client.sequence = key
                changes.append("séquence de relance « \(key) »")
            }
        }
        if entities.status == "insolvent" {
            client.insolvency = entities.note ?? "procédure collective"
            changes.append("en procédure collective (\(client.insolvency!)) — les relances s’arrêtent, déclarez la créance au mandataire")
        }
        switch entities.dunning {
        case "stop"?:
            client.dunningStop = entities.note ?? "sans motif précisé"
            changes.append("ne plus relancer (\(client.dunningStop!))")
        case "resume"?:
            client.dunningStop = nil
            if entities.status != "insolvent" { client.insolvency = nil }
            changes.append("relances reprises")
        case "pause"?:
            guard let until = entities.date else {
                throw AssistantError.invalidValue(
                    field: "date",
                    reason:
                        "Jusqu’à quand faut-il suspendre les relances de \(client.name)\u{202F}? Par exemple\u{00A0}: « pause pour \(client.name) jusqu’au 3 décembre »."
                )
            }
            guard until >= today else {
                throw AssistantError.invalidValue(field: "date", reason: "La fin de la pause (\(until.french)) est déjà passée.")
            }
            changes.append("relances suspendues jusqu’au \(until.french)")
        case nil: break
        case let other?:
            throw AssistantError.invalidValue(field: "dunning", reason: "Action « \(other) » inconnue (pause, stop ou resume).")
        }
        guard !changes.isEmpty else {
            throw AssistantError.invalidValue(
                field: "client",
                reason:
                    "Que faut-il changer pour \(client.name)\u{202F}? Par exemple\u{00A0}: « l’email de \(client.name) est compta@exemple.fr », « \(client.name) préfère le téléphone », « ne plus relancer \(client.name) »."
            )
        }
        var pauseChange: AppDatabase.PauseChange? = nil
        var pauseDates: (from: Day, until: Day)? = nil
        if entities.dunning == "pause", let until = entities.date {
            pauseChange = .pause(from: today, until: until, reason: entities.note ?? "pause manuelle")
            pauseDates = (today, until)
        }
        if entities.dunning == "resume" {
            let running = try database.pauses(clientID: client.id!).filter { $0.until >= today }
            guard !running.isEmpty || before.dunningStop != nil || before.insolvency != nil else {
                throw AssistantError.invalidValue(
                    field: "dunning", reason: "Les relances de \(client.name) ne sont pas suspendues\u{00A0}: il n’y a rien à reprendre.")
            }
            if !running.isEmpty { pauseChange = .resume(on: today) }
        }
        // One change, so that one « annule » reverts all of it.
        client = try database.updateClient(
            client, pause: pauseChange, summary: "\(client.name) : \(changes.joined(separator: ", "))", day: today)
        var warning = ""
        if entities.termsDays != nil || entities.kind != nil, client.terms.exceedsLegalMaximum(for: client.kind),
            let limit = client.kind.termsLimitFrench
        {
            warning = "Attention\u{00A0}: ce délai dépasse \(limit)."
        }
        if let rateWarning { warning = warning.isEmpty ? rateWarning : warning + " " + rateWarning }
        let prose = say(
            "client-update",
            ["name": client.name, "changes": changes.joined(separator: ", "), "warning": warning, "hasWarning": !warning.isEmpty])
        return Reply(
            intent: .clientUpdate, entities: entities, blocks: [.paragraph(prose)],
            data: RecordData(
                client: ClientReference(id: client.id, name: client.name), kind: "client.update", date: pauseDates?.from, amount: nil,
                invoice: nil, channel: client.preferredChannel?.rawValue, note: changes.joined(separator: ", "), until: pauseDates?.until))
    }

    // MARK: promise.record

    /// `promise.record`: a promise to pay an amount (default: what is overdue) by a day.
    func promiseRecord(_ entities: Entities) throws -> Reply {
        let (client, named) = try clientAndInvoice(entities, for: .promiseRecord)
        guard let due = entities.date ?? entities.dueDate else {
            throw AssistantError.invalidValue(
                field: "date",
                reason:
                    "Pour quand \(client.name) promet-il de payer\u{202F}? Par exemple\u{00A0}: « \(client.name) promet de payer 800 € vendredi »."
            )
        }
        guard due >= today else {
            throw AssistantError.invalidValue(
                field: "date",
                reason:
                    "Une promesse porte sur l’avenir\u{00A0}: le \(due.french) est passé. Pour un paiement reçu, dites « \(client.name) a payé … »."
            )
        }
        guard due <= today.adding(days: 730) else {
            throw AssistantError.invalidValue(
                field: "date",
                reason: "Une promesse à plus de deux ans (\(due.french)) n’est pas plausible\u{202F}; proposez plutôt un échéancier.")
        }
        let position = try database.position(clientID: client.id!, asOf: today)
        let amount = entities.amount ?? named?.outstanding ?? (position.overdue.isPositive ? position.overdue : position.outstanding)
        guard amount.isPositive else {
            throw AssistantError.invalidValue(
                field: "amount", reason: "\(client.name) ne doit rien\u{00A0}: quel montant a-t-il promis\u{202F}?")
        }
        try validate(amount, field: "amount", what: "Le montant promis")
        let promise = try database.recordPromise(
            clientID: client.id!, madeDay: today, dueDay: due, amount: amount, invoiceID: named?.id, method: entities.method,
            note: entities.note)
        var entities = entities
        entities.amount = amount
        entities.date = due
        let prose = say(
            "promise-record",
            [
                "client": client.name, "amount": amount.formatted, "dueLong": due.frenchLong, "dueDate": due.french,
                "hasMethod": entities.method != nil, "method": entities.method?.frenchLabel ?? "", "hasInvoice": named != nil,
                "invoice": named?.number ?? "", "moreThanDue": amount > position.outstanding, "overdue": position.outstanding.formatted,
            ])
        return Reply(
            intent: .promiseRecord, entities: entities, blocks: [.paragraph(prose)],
            data: RecordData(
                client: ClientReference(id: client.id, name: client.name), kind: "promise", date: promise.dueDay, amount: amount,
                invoice: named?.number, channel: nil, note: entities.note, until: nil))
    }

    // MARK: interaction.log

    /// `interaction.log`: a call, mail or meeting note.
    func interactionLog(_ entities: Entities) throws -> Reply {
        let client = try requiredClient(entities, for: .interactionLog)
        guard let note = entities.note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty else {
            throw AssistantError.invalidValue(
                field: "note",
                reason:
                    "Que faut-il noter pour \(client.name)\u{202F}? Par exemple\u{00A0}: « note pour \(client.name)\u{00A0}: rappeler lundi »."
            )
        }
        guard note.count <= 2_000 else {
            throw AssistantError.invalidValue(field: "note", reason: "La note est trop longue (2 000 caractères au plus).")
        }
        let day = entities.date ?? today
        guard day <= today else {
            throw AssistantError.invalidValue(
                field: "date", reason: "Un échange noté ne peut pas être daté du \(day.french), dans le futur.")
        }
        let channel = try entities.channel.map { raw in
            guard let channel = Channel(rawValue: raw) else {
                throw AssistantError.invalidValue(field: "channel", reason: "Canal « \(raw) » inconnu.")
            }
            return channel
        }
        _ = try database.logInteraction(clientID: client.id!, day: day, channel: channel, note: note, today: today)
        var entities = entities
        entities.date = day
        let prose = say(
            "interaction-log",
            ["client": client.name, "date": day.french, "hasChannel": channel != nil, "channel": channel?.shortLabel ?? "", "note": note])
        return Reply(
            intent: .interactionLog, entities: entities, blocks: [.paragraph(prose)],
            data: RecordData(
                client: ClientReference(id: client.id, name: client.name), kind: "interaction", date: day, amount: nil, invoice: nil,
                channel: channel?.rawValue, note: note, until: nil))
    }

    // MARK: dispute.open / dispute.close

    /// `dispute.open`: marks an invoice disputed (it leaves the dunning).
    func disputeOpen(_ entities: Entities) throws -> Reply {
        let invoice = try disputedInvoice(entities, for: .disputeOpen) { !$0.disputed && !$0.isSettled }
        let client = try database.client(id: invoice.clientID)
        guard !invoice.disputed else {
            throw AssistantError.invalidValue(field: "invoice", reason: "La facture \(invoice.number) est déjà en litige.")
        }
        guard !invoice.isSettled else {
            throw AssistantError.invalidValue(
                field: "invoice", reason: "La facture \(invoice.number) est soldée\u{00A0}: il n’y a rien à contester.")
        }
        let day = min(entities.date ?? today, today)
        _ = try database.openDispute(invoiceID: invoice.id!, day: day, note: entities.note, today: today)
        let othersOverdue = try database.openInvoices(clientID: client.id!).contains {
            $0.id != invoice.id && $0.isOverdue(asOf: today) && !$0.disputed
        }
        var entities = entities
        entities.invoice = invoice.number
        entities.client = ClientReference(id: client.id, name: client.name)
        let prose = say(
            "dispute-open",
            [
                "invoice": invoice.number, "client": client.name, "outstanding": invoice.outstanding.formatted,
                "hasNote": entities.note != nil,
                "note": entities.note ?? "", "othersOverdue": othersOverdue,
            ])
        return Reply(
            intent: .disputeOpen, entities: entities, blocks: [.paragraph(prose)],
            data: RecordData(
                client: ClientReference(id: client.id, name: client.name), kind: "dispute", date: day, amount: invoice.outstanding,
                invoice: invoice.number, channel: nil, note: entities.note, until: nil))
    }

    /// `dispute.close`: the dispute is over; the invoice is dunned again if still unpaid.
    func disputeClose(_ entities: Entities) throws -> Reply {
        let invoice = try disputedInvoice(entities, for: .disputeClose) { $0.disputed }
        let client = try database.client(id: invoice.clientID)
        guard invoice.disputed else {
            throw AssistantError.invalidValue(field: "invoice", reason: "La facture \(invoice.number) n’est pas en litige.")
        }
        let closed = try database.closeDispute(invoiceID: invoice.id!, day: today, resolution: entities.note, today: today)
        var entities = entities
        entities.invoice = invoice.number
        entities.client = ClientReference(id: client.id, name: client.name)
        let prose = say(
            "dispute-close",
            [
                "invoice": invoice.number, "client": client.name, "opened": closed.openedDay.french, "hasResolution": entities.note != nil,
                "resolution": entities.note ?? "", "stillDue": !invoice.isSettled, "outstanding": invoice.outstanding.formatted,
            ])
        return Reply(
            intent: .disputeClose, entities: entities, blocks: [.paragraph(prose)],
            data: RecordData(
                client: ClientReference(id: client.id, name: client.name), kind: "dispute", date: today, amount: invoice.outstanding,
                invoice: invoice.number, channel: nil, note: entities.note, until: nil))
    }

    /// The invoice a dispute is about: the one named, else the client's only candidate; with
    /// several candidates, a question listing them.
    private func disputedInvoice(_ entities: Entities, for intent: IntentID, candidate: (Invoice) -> Bool) throws -> Invoice {
        if let number = entities.invoice {
            guard let invoice = try database.invoice(number: number) else {
                throw AssistantError.invalidValue(
                    field: "invoice", reason: "Aucune facture « \(number) » dans le registre. Rien n’a été modifié.")
            }
            if let id = entities.client?.id, id != invoice.clientID {
                throw AssistantError.invalidValue(
                    field: "invoice", reason: "La facture \(invoice.number) n’est pas à \(entities.client!.name). Rien n’a été modifié.")
            }
            return invoice
        }
        guard let clientID = entities.client?.id else {
            throw AssistantError.invalidValue(
                field: "invoice", reason: "Quelle facture\u{202F}? Par exemple\u{00A0}: « \(intent.example) ».")
        }
        let candidates = try database.openInvoices(clientID: clientID).filter(candidate)
        guard candidates.count == 1 else {
            let name = entities.client?.name ?? ""
            if candidates.isEmpty {
                throw AssistantError.invalidValue(
                    field: "invoice",
                    reason: intent == .disputeOpen
                        ? "\(name) n’a aucune facture ouverte à contester." : "\(name) n’a aucune facture en litige.")
            }
            throw AssistantError.invalidValue(
                field: "invoice",
                reason:
                    "Quelle facture de \(name)\u{202F}? \(candidates.prefix(8).map { "\($0.number) (\($0.outstanding.formatted), échéance \($0.dueDay.french))" }.joined(separator: ", "))\(candidates.count > 8 ? "…" : ".")"
            )
        }
        return candidates[0]
    }

    /// The client of a request and the invoice it names (which must be the client's).
    func clientAndInvoice(_ entities: Entities, for intent: IntentID) throws -> (Client, Invoice?) {
        var entities = entities
        var named: Invoice? = nil
        if let number = entities.invoice {
            guard let invoice = try database.invoice(number: number) else {
                throw AssistantError.invalidValue(
                    field: "invoice", reason: "Aucune facture « \(number) » dans le registre. Rien n’a été enregistré.")
            }
            named = invoice
            if entities.client == nil {
                entities.client = ClientReference(id: invoice.clientID, name: try database.client(id: invoice.clientID).name)
            }
        }
        let client = try requiredClient(entities, for: intent)
        if let named, named.clientID != client.id {
            throw AssistantError.invalidValue(
                field: "invoice", reason: "La facture « \(named.number) » n’est pas à \(client.name). Rien n’a été enregistré.")
        }
        return (client, named)
    }
}
