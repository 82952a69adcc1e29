import Foundation
import Receivables

/// The settings a user can change (`encaisse settings KEY VALUE`, RPC `settings.set`), each with
/// its French description, default and check. They live in the ledger (`setting` table), so a
/// change is journaled and undoable like any other.
public struct SettingDefinition: Sendable {
    public var key: String
    public var label: String
    public var defaultValue: String?
    /// A French reason when the value is refused.
    let check: @Sendable (String) -> String?

    init(_ key: String, _ label: String, default defaultValue: String? = nil, check: @escaping @Sendable (String) -> String? = { _ in nil })
    {
        self.key = key
        self.label = label
        self.defaultValue = defaultValue
        self.check = check
    }
}

/// The settings of a ledger, typed, with their defaults.
public struct LedgerSettings: Sendable {
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// Every known setting. `dunning.sequence.NAME` keys (a client's own sequence) are accepted too.
    public static let definitions: [SettingDefinition] = [
        SettingDefinition("sender.name", "votre nom, qui signe les lettres"),
        SettingDefinition("sender.company", "votre entreprise"),
        SettingDefinition("sender.address", "votre adresse postale (lignes séparées par « / »)"),
        SettingDefinition("sender.city", "la ville où vous signez (« Fait à … »)"),
        SettingDefinition(
            "sender.email", "votre adresse électronique, expéditrice des courriels",
            check: { value in
                Assistant.isPlausibleEmail(value) && !value.lowercased().contains("no-reply") && !value.lowercased().contains("noreply")
                    ? nil : "il faut une adresse à laquelle le client peut répondre (pas de « no-reply »)"
            }),
        SettingDefinition("sender.phone", "votre téléphone"),
        SettingDefinition(
            "bank.iban", "l’IBAN où vous recevez les virements",
            check: { value in
                LedgerSettings.isValidIBAN(value) ? nil : "cet IBAN n’est pas valide (clé de contrôle incorrecte)"
            }),
        SettingDefinition(
            "bank.bic", "le BIC de votre banque",
            check: { value in
                let compact = value.replacingOccurrences(of: " ", with: "")
                return [8, 11].contains(compact.count) && compact.allSatisfy({ $0.isLetter || $0.isNumber })
                    ? nil : "un BIC a 8 ou 11 caractères"
            }),
        SettingDefinition("payment.methods", "les moyens de paiement acceptés", default: "virement ou chèque"),
        SettingDefinition(
            "dunning.sequence", "la séquence de relance par défaut", default: DunningSequence.standard.text,
            check: { value in
                if case .failure(let error) = DunningSequence.parse(value) { return error.frenchMessage }
                return nil
            }),
        SettingDefinition(
            "dunning.anchor", "d’où comptent les délais : dueDate (échéance) ou previousReminder (relance précédente)",
            default: "dueDate",
            check: { DunningSequence.Anchor(rawValue: $0) == nil ? "valeurs possibles : dueDate ou previousReminder" : nil }),
        SettingDefinition("dunning.minimumGap", "le nombre minimal de jours entre deux relances", default: "7", check: checkInt(1...60)),
        SettingDefinition("formalNotice.days", "le délai laissé par la mise en demeure, en jours", default: "8", check: checkInt(1...60)),
        SettingDefinition(
            "plan.graceDays", "les jours de grâce avant qu’une échéance impayée ne rompe l’échéancier", default: "7",
            check: checkInt(0...60)),
        SettingDefinition("plan.maxInstallments", "le nombre maximal d’échéances d’un échéancier", default: "36", check: checkInt(2...120)),
        SettingDefinition("plan.incentive", "une incitation au paiement anticipé, écrite dans l’échéancier"),
        SettingDefinition("outbox", "le dossier où sont écrits les fichiers .eml"),
        SettingDefinition(
            "terms.endOfMonth", "la lecture de « N jours fin de mois » : addThenEndOfMonth (N jours puis fin de mois) ou endOfMonthThenAdd",
            default: "addThenEndOfMonth",
            check: {
                PaymentTerms.EndOfMonthReading(rawValue: $0) == nil ? "valeurs possibles : addThenEndOfMonth ou endOfMonthThenAdd" : nil
            }),
    ]

    static func checkInt(_ range: ClosedRange<Int>) -> @Sendable (String) -> String? {
        { value in
            guard let number = Int(value), range.contains(number) else {
                return "il faut un nombre entier entre \(range.lowerBound) et \(range.upperBound)"
            }
            return nil
        }
    }

    public static func definition(_ key: String) -> SettingDefinition? {
        if let known = definitions.first(where: { $0.key == key }) { return known }
        let prefix = "dunning.sequence."
        if key.hasPrefix(prefix), key.count > prefix.count,
            key.dropFirst(prefix.count).allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        {
            return SettingDefinition(
                key, "la séquence de relance « \(key.dropFirst(prefix.count)) »",
                check: { value in
                    if case .failure(let error) = DunningSequence.parse(value) { return error.frenchMessage }
                    return nil
                })
        }
        return nil
    }

    public subscript(key: String) -> String? {
        if let value = values[key], !value.isEmpty { return value }
        return Self.definition(key)?.defaultValue
    }

    func int(_ key: String) -> Int { Int(self[key] ?? "") ?? Int(Self.definition(key)?.defaultValue ?? "") ?? 0 }

    public var graceDays: Int { int("plan.graceDays") }
    public var maxInstallments: Int { int("plan.maxInstallments") }
    public var formalNoticeDays: Int { int("formalNotice.days") }
    public var minimumGap: Int { int("dunning.minimumGap") }
    public var endOfMonthReading: PaymentTerms.EndOfMonthReading {
        PaymentTerms.EndOfMonthReading(rawValue: self["terms.endOfMonth"] ?? "") ?? .addThenEndOfMonth
    }
    public var anchor: DunningSequence.Anchor { DunningSequence.Anchor(rawValue: self["dunning.anchor"] ?? "") ?? .dueDate }

    /// The sequence a client follows: its own named one, else the default.
    public func sequence(named name: String?) -> DunningSequence {
        let text = name.flatMap { self["dunning.sequence.\($0)"] } ?? self["dunning.sequence"] ?? DunningSequence.standard.text
        if case .success(let sequence) = DunningSequence.parse(text, anchor: anchor) { return sequence }
        return DunningSequence(steps: DunningSequence.standard.steps, anchor: anchor)
    }

    /// The names of the sequences defined besides the default.
    public var sequenceNames: [String] {
        values.keys.filter { $0.hasPrefix("dunning.sequence.") }.map { String($0.dropFirst("dunning.sequence.".count)) }.sorted()
    }

    /// IBAN check digits (ISO 13616, mod 97).
    public static func isValidIBAN(_ text: String) -> Bool {
        let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard (15...34).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for character in rearranged {
            let digits = character.isNumber ? String(character) : String(Int(character.asciiValue!) - 55)
            for digit in digits { remainder = (remainder * 10 + Int(String(digit))!) % 97 }
        }
        return remainder == 1
    }

    /// "FR7630006000011234567890189" → "FR76 3000 6000 0112 3456 7890 189".
    public static func groupedIBAN(_ text: String) -> String {
        let compact = Array(text.replacingOccurrences(of: " ", with: "").uppercased())
        return stride(from: 0, to: compact.count, by: 4).map { String(compact[$0..<min($0 + 4, compact.count)]) }.joined(separator: " ")
    }
}
