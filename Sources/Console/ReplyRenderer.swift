import AssistantCore

/// Turns a reply into what the console prints: the same text as every front-end, with bold
/// table headers and coloured errors on a colour terminal.
public struct ReplyRenderer: Sendable {
    public var usesColor: Bool

    public init(usesColor: Bool) { self.usesColor = usesColor }

    public func render(_ reply: Reply) -> String {
        reply.blocks.map { block in
            switch block {
            case .paragraph(let text): return text
            case .table(let table): return table.render(header: { usesColor ? "\u{1B}[1m\($0)\u{1B}[0m" : $0 })
            }
        }.joined(separator: "\n")
    }

    public func renderError(_ message: String) -> String {
        usesColor ? "\u{1B}[31m\(message)\u{1B}[0m" : message
    }
}
