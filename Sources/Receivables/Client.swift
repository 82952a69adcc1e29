import Foundation

/// A customer of the business: who owes, how to reach them, and their payment terms.
public struct Client: Hashable, Sendable, Codable {
    /// Database identity; `nil` until saved.
    public var id: Int64?
    /// Short unique code, as in the accounting package ("GMOREAU", "411DUPONT").
    public var code: String
    public var name: String
    public var email: String?
    public var phone: String?
    public var terms: PaymentTerms
    public var kind: ClientKind
    /// Postal address, several lines (letters).
    public var address: String? = nil
    /// How the client prefers to be reached; reminders use it first.
    public var preferredChannel: Channel? = nil
    /// "tu" or "vous" in letters.
    public var addressForm: AddressForm = .vous
    /// The name of the client's own dunning sequence (a setting), `nil` for the default.
    public var sequence: String? = nil
    /// Set when the client must not be dunned ("ne plus relancer"): the reason.
    public var dunningStop: String? = nil
    /// A collective procedure (redressement, liquidation, sauvegarde): claims go to the
    /// mandataire, not to reminders.
    public var insolvency: String? = nil
    /// The late-payment rate the contract sets, in basis points (1 200 = 12,00 %); `nil` for
    /// the statutory rate of the category. Never below 3 × the legal rate (flagged).
    public var contractRate: Int? = nil

    public init(
        id: Int64? = nil, code: String, name: String, email: String? = nil, phone: String? = nil,
        terms: PaymentTerms = .standard, kind: ClientKind = .business
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.email = email
        self.phone = phone
        self.terms = terms
        self.kind = kind
    }
}

/// The client's category, which sets the late-payment rules and the legal payment terms:
/// a business (B2B: ECB + 10 points and the 40 € indemnity, terms at most 60 days or 45 days
/// end of month), a consumer (B2C: legal interest from the formal notice, no indemnity), a
/// public buyer (ECB + 8 points and 40 €, pays within 30 days — 50 for public hospitals, 60
/// for public enterprises), a road-transport or freight-forwarding client (a business whose
/// terms may not exceed 30 days).
public enum ClientKind: String, Hashable, Sendable, Codable, CaseIterable {
    case business = "B2B"
    case consumer = "B2C"
    case publicBuyer = "PUBLIC"
    case transport = "TRANSPORT"

    /// "professionnel", "particulier", "acheteur public", "transporteur".
    public var frenchLabel: String {
        switch self {
        case .business: return "professionnel"
        case .consumer: return "particulier"
        case .publicBuyer: return "acheteur public"
        case .transport: return "transport routier"
        }
    }

    /// Every category but the consumer is a business in the sense of the Code de commerce.
    public var isBusiness: Bool { self != .consumer }

    /// The longest payment terms the law allows this category, in days from the invoice
    /// (`nil` for consumers: no statutory cap here).
    public var legalMaximumDays: Int? {
        switch self {
        case .business: return 60
        case .consumer: return nil
        case .publicBuyer, .transport: return 30
        }
    }

    /// The latest due date the law allows for an invoice of this category issued on `issue`
    /// (`nil` for consumers): 60 days, or 45 days end of month, whichever is later, between
    /// businesses; 30 days for a public buyer (the common case; hospitals 50, public
    /// enterprises 60) and in road transport.
    public func latestLawfulDueDay(issuedOn issue: Day, reading: PaymentTerms.EndOfMonthReading = .addThenEndOfMonth) -> Day? {
        switch self {
        case .consumer: return nil
        case .business:
            return max(issue.adding(days: 60), PaymentTerms(days: 45, endOfMonth: true).dueDay(issuedOn: issue, reading: reading))
        case .publicBuyer, .transport: return issue.adding(days: 30)
        }
    }

    /// The legal limit on payment terms, in French, for warnings.
    public var termsLimitFrench: String? {
        switch self {
        case .consumer: return nil
        case .business: return "le maximum légal entre professionnels (60 jours après la facture, ou 45 jours fin de mois)"
        case .publicBuyer:
            return "le délai légal d’un acheteur public (30 jours ; 50 pour un hôpital public, 60 pour une entreprise publique)"
        case .transport: return "le maximum légal du transport routier et de la commission de transport (30 jours après la facture)"
        }
    }

    /// Reads "B2B", "b2c", "public", "transport" and a few French words.
    public init?(parsing text: String) {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
        switch folded {
        case "b2b", "pro", "professionnel", "entreprise", "business": self = .business
        case "b2c", "particulier", "consommateur", "consumer": self = .consumer
        case "public", "acheteur public", "administration", "collectivite", "publicbuyer": self = .publicBuyer
        case "transport", "transporteur", "transport routier": self = .transport
        default: return nil
        }
    }
}
