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

/// Whether a client is a business (B2B: statutory penalties and the 40 € indemnity apply)
/// or a consumer (B2C).
public enum ClientKind: String, Hashable, Sendable, Codable, CaseIterable {
    case business = "B2B"
    case consumer = "B2C"

    /// "professionnel" / "particulier".
    public var frenchLabel: String { self == .business ? "professionnel" : "particulier" }
}
