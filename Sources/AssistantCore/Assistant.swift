import Foundation
import FrenchParsing
import Persistence
import Prompts
import Receivables

/// The assistant: turns a French sentence, or an intent with its entities, into a `Reply`,
/// against the ledger. One instance serves every front-end; each conversation (a REPL, an
/// RPC `sessionId`) has its own `DialogueContext`.
///
/// Not thread-safe: front-ends call it from one thread.
public final class Assistant {
    public let database: AppDatabase
    let prompts: PromptLibrary
    private(set) var parser: FrenchParser
    private var fixedToday: Day?
    /// The client list version the parser's names were read at (`AppDatabase.clientVersion`).
    private var clientVersion: Int64 = -1
    /// The file's commit stamp when the client version was last compared.
    private var checkedStamp: Int64?
    private var contexts: [String: DialogueContext] = [:]
    /// The last reminder drafted in each session, for "c'est envoyé".
    var drafts: [String: DraftMemo] = [:]
    /// The last plan proposed in each session, for "il accepte".
    var proposals: [String: ProposalMemo] = [:]
    /// Where long work (an import) reports its progress: the REPL's bar, RPC notifications.
    public var progress: ProgressHandler?

    /// - Parameter today: the day to answer for (`--today`); `nil` follows the clock in Europe/Paris.
    public init(database: AppDatabase, today: Day? = nil) throws {
        self.database = database
        self.prompts = try PromptLibrary()
        self.fixedToday = today
        self.parser = FrenchParser(directory: ClientDirectory([]))
        try reloadClients()
    }

    /// Today, Europe/Paris.
    public var today: Day { fixedToday ?? Day.today() }

    /// The moment letters are dated: now, or 9:00 in Paris on the fixed day (`--today`), so
    /// that a reproducible run writes reproducible `.eml` files.
    public var now: Date {
        guard let day = fixedToday else { return Date() }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.paris
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 9)) ?? Date()
    }

    /// Fixes the reference day (RPC `initialize {today}`).
    public func fixToday(_ day: Day) { fixedToday = day }

    /// Rebuilds the name index after clients changed.
    func reloadClients() throws {
        let (names, version) = try database.versionedClientNames()
        // The old index goes first: two indexes of 50 000 names at once double the peak.
        parser.directory = ClientDirectory([])
        parser.directory = ClientDirectory(names.map { .init(id: $0.id, name: $0.name, code: $0.code) })
        clientVersion = version
    }

    /// Reloads the names if the client list changed since they were read — by this process or
    /// by another one on the same file (a REPL beside an editor's RPC server). One tiny read
    /// per command; a ledger that cannot be read is left for the command itself to report.
    func refreshClients() {
        // Nothing committed since the last look (a few µs): the names are current.
        if let stamp = database.commitStamp() {
            if stamp == checkedStamp { return }
            checkedStamp = stamp
        }
        guard let version = try? database.clientVersion(), version != clientVersion else { return }
        try? reloadClients()
    }

    /// Client names for completion, optionally those starting with a prefix (accents and case ignored).
    public func clientNames(matching prefix: String = "", limit: Int = 50) -> [String] {
        refreshClients()
        let folded = TextNormalizer.fold(prefix).trimmingCharacters(in: .whitespaces)
        func matches(_ name: String) -> Bool {
            guard !folded.isEmpty else { return true }
            let words = TextNormalizer.fold(name)
            if words.hasPrefix(folded) { return true }
            // Any word of the name: "eto" finds "Café de l'Étoile".
            return words.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains { $0.hasPrefix(folded) }
        }
        return parser.directory.entries.lazy.map(\.name).filter(matches).prefix(limit).map { $0 }
    }

    public func context(for session: String) -> DialogueContext { contexts[session] ?? DialogueContext() }

    /// Reads a sentence without running it (the `parse` RPC method): no side effect.
    public func parse(_ text: String, session: String = "") -> ParseResult {
        refreshClients()
        return parser.parse(text, today: today, context: context(for: session))
    }

    /// Understands a sentence and runs it.
    public func ask(_ text: String, session: String = "") throws -> Reply {
        refreshClients()
        var context = context(for: session)
        let parsed = parser.parse(text, today: today, context: context)
        if parsed.answeredClarification, let pending = context.pending { context.lastChoices = pending.candidates }
        if parsed.answeredClarification || context.pending != nil { context.pending = nil }
        contexts[session] = context
        if let ambiguity = parsed.ambiguity {
            context.pending = ambiguity
            contexts[session] = context
            throw AssistantError.ambiguousClient(
                query: ambiguity.query, candidates: ambiguity.candidates.map { ClientReference(id: $0.id, name: $0.name) })
        }
        if let query = parsed.unknownClient {
            throw AssistantError.clientNotFound(query: query, suggestions: parser.directory.suggestions(for: query).map(\.name))
        }
        if let date = parsed.invalidDate {
            throw AssistantError.invalidValue(field: "date", reason: "La date « \(date) » n’existe pas. Vérifiez le jour et le mois.")
        }
        if parsed.intent == .unknown {
            let suggestions = (parsed.suggestions.isEmpty ? [.overdueList, .clientBalance, .help] : parsed.suggestions).map(\.example)
            throw AssistantError.notUnderstood(text: text.trimmingCharacters(in: .whitespaces), suggestions: suggestions)
        }
        return try run(parsed.intent, parsed.entities, session: session)
    }

    /// Runs an intent with its entities (the direct RPC methods, and `ask` once parsed).
    public func perform(_ intent: IntentID, _ entities: Entities, session: String = "") throws -> Reply {
        refreshClients()
        return try run(intent, entities, session: session)
    }

    /// `perform` once the client names are current (`ask` refreshed them before parsing).
    private func run(_ intent: IntentID, _ entities: Entities, session: String) throws -> Reply {
        var entities = entities
        if let reference = entities.client, intent != .clientAdd {
            entities.client = try resolve(reference, session: session, intent: intent, entities: entities)
        }
        let reply: Reply
        switch intent {
        case .overdueList: reply = try overdueList(entities)
        case .clientBalance: reply = try clientBalance(entities)
        case .clientShow: reply = try clientShow(entities)
        case .clientList: reply = try clientList(entities)
        case .invoiceList: reply = try invoiceList(entities)
        case .clientAdd: reply = try clientAdd(entities)
        case .invoiceAdd: reply = try invoiceAdd(entities)
        case .paymentRecord: reply = try paymentRecord(entities)
        case .undo: reply = try undo(entities)
        case .clientUpdate: reply = try clientUpdate(entities)
        case .promiseRecord: reply = try promiseRecord(entities)
        case .interactionLog: reply = try interactionLog(entities)
        case .disputeOpen: reply = try disputeOpen(entities)
        case .disputeClose: reply = try disputeClose(entities)
        case .reminderDue: reply = try reminderDue(entities)
        case .reminderDraft: reply = try reminderDraft(entities, session: session)
        case .reminderSent: reply = try reminderSent(entities, session: session)
        case .planPropose: reply = try planPropose(entities, session: session)
        case .planAccept: reply = try planAccept(entities, session: session)
        case .planShow: reply = try planShow(entities)
        case .escalationAdvise: reply = try escalationAdvise(entities)
        case .penaltyCompute: reply = try penaltyCompute(entities)
        case .agingReport: reply = try agingReport(entities)
        case .kpiDSO: reply = try kpiDSO(entities)
        case .riskScore: reply = try riskScore(entities)
        case .riskList: reply = try riskList(entities)
        case .riskConcentration: reply = try riskConcentration(entities)
        case .forecastCash: reply = try forecastCash(entities)
        case .dataExport: reply = try dataExport(entities)
        case .help: reply = help(entities)
        case .smalltalk: reply = smalltalk(entities)
        case .quit: reply = quit(entities)
        case .unknown:
            throw AssistantError.notUnderstood(text: "", suggestions: [IntentID.overdueList, .clientBalance, .help].map(\.example))
        case .dataImport: reply = try dataImport(entities)
        }
        remember(reply, session: session)
        return reply
    }

    /// Keeps the last question, client and invoice for "et Martin ?", "il", "cette facture".
    private func remember(_ reply: Reply, session: String) {
        var context = context(for: session)
        context.record(reply.intent, reply.entities)
        contexts[session] = context
    }

    /// A client given by id or by name (direct calls) becomes a ledger client, or an error.
    private func resolve(_ reference: ClientReference, session: String, intent: IntentID, entities: Entities) throws -> ClientReference {
        if let id = reference.id {
            guard let entry = parser.directory.entries.first(where: { $0.id == id }) else {
                throw AssistantError.clientNotFound(query: reference.name.isEmpty ? "n°\(id)" : reference.name, suggestions: [])
            }
            return ClientReference(id: entry.id, name: entry.name)
        }
        // A whole name, as a script or an editor gives it ("Client 2 SARL"), is that client even
        // where the sentence matcher would read its figures as amounts.
        if let entry = parser.directory.entry(exactlyNamed: reference.name) {
            return ClientReference(id: entry.id, name: entry.name)
        }
        let tokens = TextNormalizer.tokenize(reference.name)
        switch parser.directory.match(tokens).match {
        case .unique(let entry):
            return ClientReference(id: entry.id, name: entry.name)
        case .ambiguous(let query, let candidates):
            var context = context(for: session)
            context.pending = PendingClarification(intent: intent, entities: entities, query: query, candidates: candidates)
            contexts[session] = context
            throw AssistantError.ambiguousClient(
                query: reference.name, candidates: candidates.map { ClientReference(id: $0.id, name: $0.name) })
        case .none:
            throw AssistantError.clientNotFound(
                query: reference.name, suggestions: parser.directory.suggestions(for: reference.name).map(\.name))
        }
    }

    /// The client of a request, which must be there.
    func requiredClient(_ entities: Entities, for intent: IntentID) throws -> Client {
        guard let id = entities.client?.id else { throw AssistantError.missingClient(intent) }
        return try database.client(id: id)
    }

    /// Renders a template of `Prompts/`.
    func say(_ template: String, _ context: [String: Any]) -> String { prompts.render(template, context) }
}
