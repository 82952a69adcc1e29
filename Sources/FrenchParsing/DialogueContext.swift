import Receivables

/// What the conversation remembers between two sentences: the last question, client and
/// invoice, and a question waiting for an answer ("Lequel : Martin SARL ou Martin & Fils ?").
public struct DialogueContext: Hashable, Sendable {
    public var lastIntent: IntentID?
    public var lastEntities = Entities()
    public var lastClient: ClientReference?
    public var lastInvoice: String?
    public var pending: PendingClarification?

    public init() {}
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
