import Foundation
import FrenchParsing
import Persistence
import Receivables

/// `penalty.compute`.
public struct PenaltyData: Encodable, Sendable {
    public struct Period: Encodable, Sendable {
        public var from: Day
        public var to: Day
        public var days: Int
        public var base: Money
        public var rate: String?
        public var interest: Money
    }

    public struct Line: Encodable, Sendable {
        public var invoice: String
        public var dueDate: Day
        public var amount: Money
        public var outstanding: Money
        public var daysLate: Int
        public var interest: Money
        public var indemnity: Money
        public var periods: [Period]
        public var limitationDate: Day
    }

    public var client: ClientReference
    public var asOf: Day
    public var basis: String
    public var lines: [Line]
    public var interest: Money
    public var indemnity: Money
    public var total: Money
    public var principal: Money
    public var formalNoticeDate: Day?
    public var warnings: [String]
}

/// The rate table (`encaisse rates`).
public struct RatesData: Encodable, Sendable {
    public struct Row: Encodable, Sendable {
        public var halfYear: String
        public var ecb: String?
        public var business: String?
        public var publicBuyer: String?
        public var legal: String?
        public var legalIndividual: String?
        public var updatedByUser: Bool
    }

    public var rows: [Row]
}

extension Assistant {
    // MARK: Rates

    /// The rates in force: the shipped table, updated by the user's (`rates.table` setting).
    public func rateTable() throws -> RateTable {
        guard let text = try database.settings()["rates.table"], !text.isEmpty else { return RateTable.shipped }
        return RateTable.shipped.merging(try RateTable(jsonData: Data(text.utf8)))
    }

    private func userRates() throws -> RateTable {
        guard let text = try database.settings()["rates.table"], !text.isEmpty else { return RateTable() }
        return try RateTable(jsonData: Data(text.utf8))
    }

    /// The rate table, half-year by half-year, with what the user changed.
    public func ratesReply() throws -> Reply {
        let table = try rateTable()
        let user = try userRates()
        let halves = Set(table.ecb.keys).union(table.legalProfessionalCreditor.keys).union(table.legalIndividualCreditor.keys).sorted()
        let rows = halves.map { half -> RatesData.Row in
            let ecb = table.ecb[half]
            return RatesData.Row(
                halfYear: half.description, ecb: ecb.map(RateTable.formatPercent),
                business: ecb.map { RateTable.formatPercent($0 + LatePayment.businessMargin) },
                publicBuyer: ecb.map { RateTable.formatPercent($0 + LatePayment.publicBuyerMargin) },
                legal: table.legalProfessionalCreditor[half].map(RateTable.formatPercent),
                legalIndividual: table.legalIndividualCreditor[half].map(RateTable.formatPercent),
                updatedByUser: user.ecb[half] != nil || user.legalProfessionalCreditor[half] != nil
                    || user.legalIndividualCreditor[half] != nil)
        }
        let current = HalfYear(containing: today)
        var prose =
            "Taux de référence par semestre (taux BCE en vigueur au 1er janvier et au 1er juillet ; pénalités entre professionnels = BCE + 10 points, acheteurs publics = BCE + 8 points ; intérêt légal pour les particuliers)."
        if table.ecb[current] == nil || table.legalProfessionalCreditor[current] == nil {
            prose +=
                " Il manque des taux pour le semestre en cours (\(current.french))\u{00A0}: ajoutez-les, par exemple « encaisse rates set \(current) legal 2,62 »."
        }
        let text = TextTable(
            columns: [
                .init("Semestre"), .init("BCE", .right), .init("Pro (BCE+10)", .right), .init("Public (BCE+8)", .right),
                .init("Légal", .right), .init("Légal (particulier créancier)", .right), .init("Source"),
            ],
            rows: rows.map {
                [
                    $0.halfYear, $0.ecb ?? "—", $0.business ?? "—", $0.publicBuyer ?? "—", $0.legal ?? "—", $0.legalIndividual ?? "—",
                    $0.updatedByUser ? "vous" : "livré",
                ]
            })
        return Reply(intent: .penaltyCompute, entities: Entities(), blocks: [.paragraph(prose), .table(text)], data: RatesData(rows: rows))
    }

    /// Merges a rate file (JSON, the format of `RateTable`) into the user's rates. One change, undoable.
    public func importRates(json: Data) throws -> Reply {
        let update: RateTable
        do {
            update = try RateTable(jsonData: json)
        } catch let error as RateTableError {
            throw AssistantError.invalidValue(
                field: "rates", reason: "Fichier de taux refusé\u{00A0}: \(error.message). Rien n’a été modifié.")
        }
        try saveUserRates(try userRates().merging(update))
        return try ratesReply()
    }

    /// Sets one rate: `halfYear` "2027-H1", `kind` ecb | legal | legalIndividual, `value` "2,15".
    public func setRate(halfYear text: String, kind: String, value: String) throws -> Reply {
        guard let half = HalfYear(text) else {
            throw AssistantError.invalidValue(
                field: "halfYear", reason: "Semestre « \(text) » invalide\u{00A0}: écrivez par exemple 2027-H1.")
        }
        guard let basisPoints = RateTable.basisPoints(parsing: value), (-1_000...10_000).contains(basisPoints) else {
            throw AssistantError.invalidValue(
                field: "value", reason: "Taux « \(value) » invalide\u{00A0}: écrivez un pourcentage, par exemple 2,15.")
        }
        var user = try userRates()
        switch kind.lowercased() {
        case "ecb", "bce": user.ecb[half] = basisPoints
        case "legal", "légal": user.legalProfessionalCreditor[half] = basisPoints
        case "legalindividual", "particulier": user.legalIndividualCreditor[half] = basisPoints
        default:
            throw AssistantError.invalidValue(field: "kind", reason: "Taux « \(kind) » inconnu\u{00A0}: ecb, legal ou legalIndividual.")
        }
        try saveUserRates(user)
        return try ratesReply()
    }

    private func saveUserRates(_ table: RateTable) throws {
        let json = String(decoding: try table.jsonData(), as: UTF8.self)
        try database.setSetting("rates.table", to: json, day: today)
    }

    // MARK: penalty.compute

    /// The days the client was sent a formal notice, by `asOf`.
    func formalNotices(of client: Client, asOf: Day) throws -> [Day] {
        try database.reminders(clientID: client.id!).filter { $0.level == .formalNotice && $0.day <= asOf }.map(\.day)
    }

    /// The warning for a contract rate below the legal floor (3 × the legal interest rate of
    /// the half-year containing `day`, L441-10), or `nil` when it is above or the rate unknown.
    func contractRateWarning(_ rate: Int, on day: Day) throws -> String? {
        let rates = try rateTable()
        // The half-year's legal rate may not be published yet: the last known one stands in.
        let current = HalfYear(containing: day)
        guard
            let (half, floor) = [current, current.previous].lazy.compactMap({ half in
                LatePayment.contractFloor(in: half, rates: rates).map { (half, $0) }
            }).first,
            rate < floor
        else { return nil }
        return
            "Attention\u{00A0}: un taux contractuel de \(RateTable.formatPercent(rate)) est inférieur au plancher légal de \(RateTable.formatPercent(floor)) (trois fois le taux de l’intérêt légal \(half == current ? "de ce semestre" : "du \(half.french)"), article L441-10 du Code de commerce)\u{00A0}; la clause est contestable, revoyez vos conditions générales."
    }

    /// Each invoice's interest and indemnity on `asOf`, under the client's category (a consumer
    /// from the first formal notice after the due date), over the payments allocated to it.
    /// Shared by `penalty.compute`, the client file and the letters.
    func penalties(of invoices: [Invoice], client: Client, asOf: Day, rates: RateTable) throws -> [(Invoice, PenaltyComputation)] {
        let settlements = try database.settlements(invoiceIDs: invoices.compactMap(\.id))
        let notices = client.kind == .consumer ? try formalNotices(of: client, asOf: asOf) : []
        return invoices.map { invoice in
            let basis = PenaltyBasis.of(client, formalNoticeDay: notices.filter { $0 >= invoice.dueDay }.min())
            return (
                invoice,
                LatePayment.compute(
                    amount: invoice.amount, dueDay: invoice.dueDay,
                    settlements: (settlements[invoice.id ?? -1] ?? []).map { Settlement(day: $0.day, amount: $0.amount) }, asOf: asOf,
                    basis: basis, rates: rates)
            )
        }
    }

    /// `penalty.compute`: statutory late-payment interest and the 40 € indemnity, per invoice
    /// (the one named, or every invoice of the client that is or was late in the last twelve
    /// months), with the rates and days used and the periods that partial payments and
    /// half-years cut. Interest is owed apart from the principal: an invoice paid late still
    /// owes the interest up to its payment day.
    func penaltyCompute(_ entities: Entities) throws -> Reply {
        let (client, named) = try clientAndInvoice(entities, for: .penaltyCompute)
        let asOf = entities.date ?? today
        let rates = try rateTable()
        var invoices: [Invoice]
        if let named {
            invoices = [named]
        } else {
            invoices = try database.lateInvoices(clientID: client.id!, since: asOf.adding(days: -365), asOf: asOf)
        }
        let notice = try formalNotices(of: client, asOf: asOf)
        var warnings: [String] = []
        var lines: [PenaltyData.Line] = []
        var missing = Set<HalfYear>()
        for (invoice, computation) in try penalties(of: invoices, client: client, asOf: asOf, rates: rates) {
            missing.formUnion(computation.missingHalfYears)
            guard computation.daysLate > 0 else { continue }
            lines.append(
                .init(
                    invoice: invoice.number, dueDate: invoice.dueDay, amount: invoice.amount, outstanding: invoice.outstanding,
                    daysLate: computation.daysLate, interest: computation.interest, indemnity: computation.indemnity,
                    periods: computation.periods.map {
                        .init(
                            from: $0.from, to: $0.to, days: $0.days, base: $0.base, rate: $0.rate.map(RateTable.formatPercent),
                            interest: $0.interest)
                    },
                    limitationDate: LatePayment.limitationDay(dueDay: invoice.dueDay, consumer: client.kind == .consumer)))
        }
        if !missing.isEmpty {
            warnings.append(
                "Taux manquant pour \(missing.sorted().map(\.french).joined(separator: ", "))\u{00A0}: les intérêts de ces jours ne sont pas comptés. Ajoutez-le avec « encaisse rates set \(missing.sorted().first!) \(client.kind == .consumer ? "legal" : "ecb") … »."
            )
        }
        if case .contract(let rate) = PenaltyBasis.of(client), let warning = try contractRateWarning(rate, on: asOf) {
            warnings.append(String(warning.dropFirst("Attention\u{00A0}: ".count)))
        }
        if client.kind == .consumer && notice.isEmpty {
            warnings.append(
                "\(client.name) est un particulier\u{00A0}: les intérêts au taux légal ne courent qu’à partir d’une mise en demeure, et l’indemnité de 40 € ne s’applique pas."
            )
        }
        for line in lines where line.outstanding.isPositive && today.days(until: line.limitationDate) <= 60 {
            warnings.append(
                line.limitationDate < today
                    ? "La facture \(line.invoice) est prescrite depuis le \(line.limitationDate.french)."
                    : "La facture \(line.invoice) sera prescrite le \(line.limitationDate.french)\u{00A0}: seule une action en justice ou une reconnaissance de dette l’interrompt."
            )
        }
        let interest = lines.reduce(Money.zero) { $0 + $1.interest }
        let indemnity = lines.reduce(Money.zero) { $0 + $1.indemnity }
        let principal = lines.reduce(Money.zero) { $0 + $1.outstanding }
        let basis = PenaltyBasis.of(client, formalNoticeDay: notice.first)
        let currentRate = LatePayment.rate(for: basis, in: HalfYear(containing: asOf), rates: rates)
        // A contract rate is its own figure: "soit 12,00 % ce semestre" would say it twice.
        var shownRate = currentRate
        if case .contract = basis { shownRate = nil }
        var entities = entities
        entities.client = ClientReference(id: client.id, name: client.name)
        let data = PenaltyData(
            client: ClientReference(id: client.id, name: client.name), asOf: asOf, basis: basis.frenchLabel, lines: lines,
            interest: interest, indemnity: indemnity, total: interest + indemnity, principal: principal, formalNoticeDate: notice.first,
            warnings: warnings)
        var prose: String
        if lines.isEmpty {
            prose =
                named.map { "La facture \($0.number) n’est pas en retard au \(asOf.french)\u{00A0}: aucune pénalité." }
                ?? "\(client.name) n’a aucune facture en retard sur les douze derniers mois\u{00A0}: aucune pénalité."
        } else {
            prose =
                "Pénalités de retard de \(client.name) au \(asOf.french) (\(basis.frenchLabel)\(shownRate.map { ", soit \(RateTable.formatPercent($0)) ce semestre" } ?? ""))\u{00A0}: \(interest.formatted) d’intérêts"
                + (indemnity.isPositive ? " et \(indemnity.formatted) d’indemnités forfaitaires (40 € par facture)" : "")
                + ", soit \(data.total.formatted), en plus des \(principal.formatted) de principal restant dû. Ces sommes ne sont dues que si vous les réclamez."
        }
        var blocks: [ReplyBlock] = [.paragraph(prose)]
        if !lines.isEmpty {
            blocks.append(
                .table(
                    TextTable(
                        columns: [
                            .init("Facture"), .init("Échéance"), .init("Reste dû", .right), .init("Retard", .right),
                            .init("Intérêts", .right),
                            .init("Indemnité", .right),
                        ],
                        rows: lines.map {
                            [
                                $0.invoice, $0.dueDate.french, $0.outstanding.isPositive ? $0.outstanding.formatted : "payée",
                                "\($0.daysLate) j", $0.interest.formatted, $0.indemnity.formatted,
                            ]
                        })))
            // The periods of an invoice asked by name, or of the first: what was computed, and how.
            if let line = lines.first, lines.count == 1 || named != nil {
                blocks.append(
                    .paragraph(
                        "Calcul (principal × taux × jours / 365, arrondi au centime par période)\u{00A0}:\n"
                            + line.periods.map {
                                "– du \($0.from.french) au \($0.to.french)\u{00A0}: \($0.days) j sur \($0.base.formatted) à \($0.rate ?? "taux inconnu") = \($0.interest.formatted)"
                            }.joined(separator: "\n")))
            }
        }
        blocks += warnings.map { .paragraph("Attention\u{00A0}: \($0)") }
        return Reply(intent: .penaltyCompute, entities: entities, blocks: blocks, data: data)
    }
}
