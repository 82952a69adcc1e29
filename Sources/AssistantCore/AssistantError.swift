import Foundation
import FrenchParsing

/// Everything the assistant refuses, in French a person can act on. The RPC layer maps
/// these onto the application error codes -32001…-32004 of `rpc.md`.
public enum AssistantError: LocalizedError, Equatable, Sendable {
    /// No client matches what was typed.
    case clientNotFound(query: String, suggestions: [String])
    /// Several clients match: the question to ask, and the choices.
    case ambiguousClient(query: String, candidates: [ClientReference])
    /// A request needs a client and none was named.
    case missingClient(IntentID)
    /// A value is wrong: negative amount, unknown invoice, impossible date…
    case invalidValue(field: String, reason: String)
    /// The sentence was not understood.
    case notUnderstood(text: String, suggestions: [String])

    public var errorDescription: String? {
        let nbsp = "\u{00A0}"
        switch self {
        case .clientNotFound(let query, let suggestions):
            let base = "Client « \(query) » introuvable."
            guard !suggestions.isEmpty else { return base + " Tapez « liste des clients » pour les voir tous." }
            return base + " Vouliez-vous dire\(nbsp): " + suggestions.map { "« \($0) »" }.joined(separator: ", ") + "\u{202F}?"
        case .ambiguousClient(let query, let candidates):
            let choices = candidates.enumerated().map { "\($0.offset + 1). \($0.element.name)" }.joined(separator: "\n")
            return "Plusieurs clients correspondent à « \(query) ». Lequel\u{202F}?\n" + choices
                + "\nRépondez par le nom ou le numéro (« le deuxième »)."
        case .missingClient(let intent):
            return "De quel client s’agit-il\u{202F}? Par exemple\(nbsp): « \(intent.example) »."
        case .invalidValue(_, let reason):
            return reason
        case .notUnderstood(let text, let suggestions):
            let shown = text.count > 60 ? String(text.prefix(57)) + "…" : text
            let base = "Je n’ai pas compris « \(shown) »."
            return base + " Essayez par exemple\(nbsp): " + suggestions.map { "« \($0) »" }.joined(separator: ", ") + "."
        }
    }
}
