import Receivables

/// A client named in a request: its id once resolved, and its name (params may give either).
public struct ClientReference: Hashable, Sendable, Codable {
    public var id: Int64?
    public var name: String

    public init(id: Int64?, name: String) {
        self.id = id
        self.name = name
    }

    /// Accepts `{"id": 3, "name": "…"}`, a bare id, or a name string (direct RPC calls).
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if let id = try? single.decode(Int64.self) {
                self.init(id: id, name: "")
                return
            }
            if let name = try? single.decode(String.self) {
                self.init(id: nil, name: name)
                return
            }
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decodeIfPresent(Int64.self, forKey: .id),
            name: try container.decodeIfPresent(String.self, forKey: .name) ?? "")
    }

    private enum CodingKeys: String, CodingKey { case id, name }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(name, forKey: .name)
    }
}

/// The entities of `intents.md`, typed. Keys and JSON forms are the contract of `parse`,
/// `ask` and direct RPC calls.
public struct Entities: Hashable, Sendable, Codable {
    public var client: ClientReference?
    public var invoice: String?
    public var amount: Money?
    public var date: Day?
    public var period: DayRange?
    public var installments: Int?
    public var frequency: String?
    public var downPayment: Money?
    public var maxInstallment: Money?
    public var minDaysLate: Int?
    public var minAmount: Money?
    public var channel: String?
    public var level: String?
    public var method: PaymentMethod?
    public var limit: Int?
    public var dueDate: Day?
    public var termsDays: Int?
    public var endOfMonth: Bool?
    public var note: String?
    /// client.add: the new client's name, email, phone and kind ("B2B"/"B2C").
    public var name: String?
    public var email: String?
    public var phone: String?
    public var kind: String?
    /// client.list / invoice.list filter: "overdue", "open", "paid", "disputed"; client.update:
    /// "insolvent" (a collective procedure, named in `note`).
    public var status: String?
    /// data.import / data.export: the file named, its format ("csv", "json"), and for an
    /// export the report (an intent id such as "aging.report").
    public var file: String?
    public var format: String?
    public var report: String?
    /// client.update: how to address the client in letters, "tu" or "vous".
    public var tone: String?
    /// client.update: the client's dunning — "pause" (until `date`), "stop" ("ne plus
    /// relancer", with `note` as the reason) or "resume".
    public var dunning: String?
    /// reminder.draft: invoice numbers to leave out of the letter ("sauf la F-12").
    public var exclude: [String]?
    /// client.update: the name of the dunning sequence the client follows (a setting).
    public var sequence: String?
    /// client.add / client.update: the late-payment rate of the client's contract, in basis
    /// points (1 200 = 12,00 %); 0 puts the client back on the statutory rate.
    public var penaltyRate: Int?
    /// invoice.add: a periodic (recapitulative) invoice, whose terms may not exceed 45 days
    /// from its issue (Code de commerce L441-10).
    public var periodic: Bool?
    /// data.import: import the valid lines and report the others ("en ignorant les erreurs").
    public var skipErrors: Bool?

    /// invoice.list: whether `period` is about due dates ("à échéance", "à payer") rather than
    /// issue dates. Said by the parser; not part of the JSON contract.
    public var periodIsDue: Bool? = nil

    private enum CodingKeys: String, CodingKey {
        case client, invoice, amount, date, period, installments, frequency, downPayment, maxInstallment, minDaysLate
        case minAmount, channel, level, method, limit, dueDate, termsDays, endOfMonth, note, name, email, phone, kind, status
        case file, format, report, tone, dunning, exclude, sequence, penaltyRate, periodic, skipErrors
    }

    public init() {}

    /// These entities with every value `newer` sets replacing this one: "et Durand ?" after
    /// "factures en retard de Dupont" keeps the status and changes the client.
    public func overridden(by newer: Entities) -> Entities {
        var merged = self
        func take<T>(_ path: WritableKeyPath<Entities, T?>) {
            if let value = newer[keyPath: path] { merged[keyPath: path] = value }
        }
        take(\.client)
        take(\.invoice)
        take(\.amount)
        take(\.date)
        take(\.period)
        take(\.installments)
        take(\.frequency)
        take(\.downPayment)
        take(\.maxInstallment)
        take(\.minDaysLate)
        take(\.minAmount)
        take(\.channel)
        take(\.level)
        take(\.method)
        take(\.limit)
        take(\.dueDate)
        take(\.termsDays)
        take(\.endOfMonth)
        take(\.note)
        take(\.name)
        take(\.email)
        take(\.phone)
        take(\.kind)
        take(\.status)
        take(\.file)
        take(\.format)
        take(\.report)
        take(\.tone)
        take(\.dunning)
        take(\.exclude)
        take(\.sequence)
        take(\.penaltyRate)
        take(\.periodic)
        take(\.skipErrors)
        take(\.periodIsDue)
        return merged
    }

    /// The keys of the entities that are set (as in the JSON contract).
    public var setKeys: Set<String> {
        Set(
            Mirror(reflecting: self).children.compactMap { child in
                guard let label = child.label, label != "periodIsDue" else { return nil }
                let mirror = Mirror(reflecting: child.value)
                return mirror.displayStyle == .optional && mirror.children.isEmpty ? nil : label
            })
    }

    /// Whether no entity is set.
    public var isEmpty: Bool { self == Entities() }
}
