import Foundation
import FrenchParsing
import Persistence
import Receivables

extension Assistant {
    /// The intents this version runs, in the order `help` presents them.
    public static let availableIntents: [IntentID] = [
        .overdueList, .clientBalance, .clientShow, .clientList, .invoiceList, .reminderDue, .reminderDraft, .reminderSent,
        .planPropose, .planAccept, .planShow, .promiseRecord, .interactionLog, .disputeOpen, .disputeClose, .escalationAdvise,
        .penaltyCompute, .agingReport, .kpiDSO, .forecastCash, .riskList, .riskScore, .riskConcentration, .dataImport, .dataExport,
        .paymentRecord, .invoiceAdd, .clientAdd, .clientUpdate, .undo, .help, .smalltalk, .quit,
    ]

    /// `help`: what the assistant can do, with examples.
    func help(_ entities: Entities) -> Reply {
        let examples = Self.availableIntents.filter { ![.help, .smalltalk, .quit].contains($0) }
        let prose = say("help", ["examples": examples.map { ["example": $0.example] }])
        return Reply(
            intent: .help, entities: entities, blocks: [.paragraph(prose)],
            data: HelpData(examples: examples.map { .init(intent: $0.rawValue, example: $0.example) }))
    }

    /// `smalltalk`: greetings and thanks, answered briefly.
    func smalltalk(_ entities: Entities) -> Reply {
        Reply(intent: .smalltalk, entities: entities, blocks: [.paragraph(say("smalltalk", [:]))], data: NoData())
    }

    /// `quit`: ends the REPL.
    func quit(_ entities: Entities) -> Reply {
        var reply = Reply(intent: .quit, entities: entities, blocks: [.paragraph(say("quit", [:]))], data: NoData())
        reply.endsSession = true
        return reply
    }

    /// `client.add`: creates a client, with its contacts, terms and kind.
    func clientAdd(_ entities: Entities) throws -> Reply {
        guard let rawName = entities.name ?? entities.client?.name, !rawName.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw AssistantError.invalidValue(
                field: "name", reason: "Quel est le nom du nouveau client\u{202F}? Par exemple\u{00A0}: « \(IntentID.clientAdd.example) ».")
        }
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard name.count <= 120 else {
            throw AssistantError.invalidValue(field: "name", reason: "Le nom du client est trop long (120 caractères au plus).")
        }
        if let existing = parser.directory.entries.first(where: { TextNormalizer.fold($0.name) == TextNormalizer.fold(name) }) {
            throw AssistantError.invalidValue(field: "name", reason: "Le client « \(existing.name) » existe déjà (code \(existing.code)).")
        }
        if let email = entities.email, !Self.isPlausibleEmail(email) {
            throw AssistantError.invalidValue(field: "email", reason: "L’adresse « \(email) » n’est pas une adresse électronique valide.")
        }
        let days = entities.termsDays ?? PaymentTerms.standard.days
        guard (0...365).contains(days) else {
            throw AssistantError.invalidValue(field: "termsDays", reason: "Un délai de paiement de \(days) jours n’est pas plausible.")
        }
        var kind = ClientKind.business
        if let value = entities.kind {
            guard let parsed = ClientKind(parsing: value) else {
                throw AssistantError.invalidValue(
                    field: "kind", reason: "Type de client « \(value) » inconnu (B2B, B2C, PUBLIC ou TRANSPORT).")
            }
            kind = parsed
        }
        let terms = PaymentTerms(days: days, endOfMonth: entities.endOfMonth ?? false)
        let client = try database.addClient(
            Client(code: "", name: name, email: entities.email, phone: entities.phone, terms: terms, kind: kind), day: today)
        try reloadClients()
        var entities = entities
        entities.client = ClientReference(id: client.id, name: client.name)
        let prose = say(
            "client-add",
            [
                "name": client.name, "code": client.code, "terms": terms.frenchDescription, "kind": kind.frenchLabel,
                "tooLong": terms.exceedsLegalMaximum(for: kind), "limit": kind.termsLimitFrench ?? "", "email": client.email ?? "",
                "hasEmail": client.email != nil,
                "phone": client.phone.map(Self.formatPhone) ?? "", "hasPhone": client.phone != nil,
            ])
        return Reply(intent: .clientAdd, entities: entities, blocks: [.paragraph(prose)], data: ClientData(client))
    }

    static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !email.contains(" ")
    }
}
