import Receivables

/// What the conversation remembers between two sentences: the last question, client and
/// invoice, and a question waiting for an answer ("Lequel : Martin SARL ou Martin & Fils ?").
public struct DialogueContext: Hashable, Sendable {
    public var lastIntent: IntentID?
    public var lastEntities = Entities()
    public var lastClient: ClientReference?
    public var lastInvoice: String?
    public var pending: PendingClarification?
    /// The candidates of the last clarification, for "et pour l'autre ?".
    public var lastChoices: [ClientDirectory.Entry] = []

    public init() {}

    /// Remembers a request that was answered: the last question, client and invoice, for
    /// "et Martin ?", "il", "cette facture". Conversation intents (help, thanks, undo) leave
    /// the context as it was.
    public mutating func record(_ intent: IntentID, _ entities: Entities) {
        if let pending, let chosen = entities.client?.id, pending.candidates.contains(where: { $0.id == chosen }) {
            lastChoices = pending.candidates
        }
        pending = nil
        guard ![.help, .smalltalk, .quit, .undo, .unknown].contains(intent) else { return }
        lastIntent = intent
        lastEntities = entities
        if let client = entities.client { lastClient = client }
        if let invoice = entities.invoice { lastInvoice = invoice }
    }
}

/// A request that could not run because the client was ambiguous, waiting for the choice.
public struct PendingClarification: Hashable, Sendable {
    public var intent: IntentID
    public var entities: Entities
    public var query: String
    public var candidates: [ClientDirectory.Entry]

    public init(intent: IntentID, entities: Entities, query: String, candidates: [ClientDirectory.Entry]) {
        self.intent = intent
        self.entities = entities
        self.query = query
        self.candidates = candidates
    }
}

/// The parser's reading of one sentence.
public struct ParseResult: Hashable, Sendable {
    public var intent: IntentID
    /// 0…1: how sure the parser is of the intent.
    public var confidence: Double
    public var entities: Entities
    /// A client was named but several match: the question to ask.
    public var ambiguity: PendingClarification?
    /// A client was named but none matches: what was typed.
    public var unknownClient: String?
    /// A date was said that does not exist ("31 février").
    public var invalidDate: String?
    /// The closest intents, when the sentence was not understood.
    public var suggestions: [IntentID] = []
    /// The sentence answered a pending question.
    public var answeredClarification = false

    public init(intent: IntentID, confidence: Double, entities: Entities = Entities()) {
        self.intent = intent
        self.confidence = confidence
        self.entities = entities
    }
}
