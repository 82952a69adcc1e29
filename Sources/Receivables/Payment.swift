import Foundation

/// A receipt from a client, allocated to its invoices (lettrage).
public struct Payment: Hashable, Sendable, Codable {
    public var id: Int64?
    public var clientID: Int64
    public var day: Day
    public var amount: Money
    public var method: PaymentMethod?
    /// The invoice the client said it pays, if any.
    public var invoiceID: Int64?
    /// What could not be allocated to an open invoice: a credit for the client.
    public var unallocated: Money
    public var note: String?

    public init(
        id: Int64? = nil, clientID: Int64, day: Day, amount: Money, method: PaymentMethod? = nil,
        invoiceID: Int64? = nil, unallocated: Money = .zero, note: String? = nil
    ) {
        self.id = id
        self.clientID = clientID
        self.day = day
        self.amount = amount
        self.method = method
        self.invoiceID = invoiceID
        self.unallocated = unallocated
        self.note = note
    }
}

/// How a payment was made. Raw values are the ids of `intents.md`.
public enum PaymentMethod: String, Hashable, Sendable, Codable, CaseIterable {
    case transfer, cheque, card, directDebit, cash

    /// "virement", "chèque", "carte bancaire", "prélèvement", "espèces".
    public var frenchLabel: String {
        switch self {
        case .transfer: return "virement"
        case .cheque: return "chèque"
        case .card: return "carte bancaire"
        case .directDebit: return "prélèvement"
        case .cash: return "espèces"
        }
    }

    /// The method named by its id or by a French word for it, case and accents aside:
    /// "transfer" or "virement", "chèque", "carte" or "CB", "prélèvement", "espèces".
    public init?(word: String) {
        let folded = word.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        if let method = Self.allCases.first(where: { $0.rawValue.lowercased() == folded }) {
            self = method
            return
        }
        switch folded {
        case "virement", "virement bancaire", "vir": self = .transfer
        case "cheque", "chq": self = .cheque
        case "carte", "carte bancaire", "cb": self = .card
        case "prelevement", "prelevement sepa", "prlv": self = .directDebit
        case "especes", "liquide": self = .cash
        default: return nil
        }
    }

    /// Accepts the ids and the French words (an editor may send either); refuses anything else
    /// with the list of methods, in French.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let method = PaymentMethod(word: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "mode de paiement inconnu « \(text) » : transfer (virement), cheque, card (carte), directDebit (prélèvement) ou cash (espèces)"
            )
        }
        self = method
    }
}

/// The part of a payment applied to one invoice.
public struct Allocation: Hashable, Sendable, Codable {
    public var invoiceID: Int64
    public var amount: Money

    public init(invoiceID: Int64, amount: Money) {
        self.invoiceID = invoiceID
        self.amount = amount
    }
}
