import FrenchParsing

/// What the assistant answers: the prose a person reads, and the structured data an editor
/// renders. Front-ends only render it; they add no rule.
public struct Reply: Sendable {
    /// How the request went, for exit codes and editors.
    public enum Outcome: String, Sendable, Codable {
        /// Done as asked.
        case done
    }

    public var intent: IntentID
    public var entities: Entities
    /// Paragraphs and tables, in order.
    public var blocks: [ReplyBlock]
    /// The structured result (`data` over JSON-RPC and `--json`).
    public var data: any Encodable & Sendable
    public var outcome: Outcome = .done
    /// The REPL should end after printing this.
    public var endsSession = false

    public init(intent: IntentID, entities: Entities, blocks: [ReplyBlock], data: any Encodable & Sendable) {
        self.intent = intent
        self.entities = entities
        self.blocks = blocks
        self.data = data
    }

    /// The reply as plain text, tables aligned: what pipe mode prints and RPC sends as `reply`.
    public var text: String { blocks.map(\.plainText).joined(separator: "\n") }
}

/// A piece of a reply.
public enum ReplyBlock: Sendable {
    case paragraph(String)
    case table(TextTable)

    public var plainText: String {
        switch self {
        case .paragraph(let text): return text
        case .table(let table): return table.render()
        }
    }
}

/// Empty data, for replies that carry none.
public struct NoData: Encodable, Sendable {
    public init() {}
}
