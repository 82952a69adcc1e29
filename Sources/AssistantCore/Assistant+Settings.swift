import Foundation
import FrenchParsing
import Persistence
import Receivables

/// One setting as listed by `encaisse settings` and RPC `settings.get`.
public struct SettingData: Encodable, Sendable {
    public var key: String
    public var label: String
    public var value: String?
    public var isDefault: Bool
}

/// `settings.get` / `settings.set`.
public struct SettingsData: Encodable, Sendable {
    public var settings: [SettingData]
}

extension Assistant {
    /// The ledger's settings with their defaults.
    public func settings() throws -> LedgerSettings { LedgerSettings(try database.settings()) }

    /// Every setting (or one), with its value and whether it is the default.
    public func settingsReply(key: String? = nil) throws -> Reply {
        let settings = try settings()
        var keys = LedgerSettings.definitions.map(\.key) + settings.values.keys.filter { $0.hasPrefix("dunning.sequence.") }.sorted()
        if let key {
            guard LedgerSettings.definition(key) != nil else { throw unknownSetting(key) }
            keys = [key]
        }
        let rows = keys.map { key in
            SettingData(
                key: key, label: LedgerSettings.definition(key)?.label ?? key, value: settings[key],
                isDefault: (settings.values[key] ?? "").isEmpty)
        }
        let table = TextTable(
            columns: [.init("Réglage"), .init("Valeur"), .init("Rôle")],
            rows: rows.map { [$0.key, ($0.value ?? "—") + ($0.isDefault && $0.value != nil ? " (défaut)" : ""), $0.label] })
        let missing = rows.filter { $0.key.hasPrefix("sender.") && $0.value == nil }.map(\.key)
        var blocks: [ReplyBlock] = [.table(table)]
        if key == nil, !missing.isEmpty {
            blocks.insert(
                .paragraph(
                    "À compléter pour signer vos lettres\u{00A0}: \(missing.joined(separator: ", ")) — par exemple « encaisse settings sender.name \"Marie Durand\" »."
                ), at: 0)
        }
        return Reply(intent: .help, entities: Entities(), blocks: blocks, data: SettingsData(settings: rows))
    }

    /// Sets a setting (nil or empty removes it, back to the default), after checking the value.
    public func setSetting(_ key: String, to value: String?) throws -> Reply {
        guard let definition = LedgerSettings.definition(key) else { throw unknownSetting(key) }
        let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines)
        var stored = trimmed?.isEmpty == true ? nil : trimmed
        if let text = stored {
            guard text.count <= 2_000 else { throw AssistantError.invalidValue(field: key, reason: "Valeur trop longue pour « \(key) ».") }
            if let reason = definition.check(text) {
                throw AssistantError.invalidValue(field: key, reason: "Réglage « \(key) » refusé\u{00A0}: \(reason). Rien n’a été modifié.")
            }
            if key == "bank.iban" { stored = LedgerSettings.groupedIBAN(text) }
        }
        let current = try database.settings()[key]
        guard current != stored else {
            let prose =
                stored.map { "Le réglage « \(key) » vaut déjà « \($0) »\u{00A0}: rien n’a changé." }
                ?? "Le réglage « \(key) » n’est pas défini\u{00A0}: la valeur par défaut s’applique déjà."
            let settings = try settings()
            return Reply(
                intent: .help, entities: Entities(), blocks: [.paragraph(prose)],
                data: SettingsData(settings: [
                    SettingData(key: key, label: definition.label, value: settings[key], isDefault: stored == nil)
                ]))
        }
        try database.setSetting(key, to: stored, day: today)
        let prose =
            stored.map { "Réglage « \(key) » enregistré\u{00A0}: \($0)." }
            ?? "Réglage « \(key) » effacé\u{202F}; la valeur par défaut s’applique\(definition.defaultValue.map { " (\($0))" } ?? "")."
        let settings = try settings()
        return Reply(
            intent: .help, entities: Entities(), blocks: [.paragraph(prose)],
            data: SettingsData(settings: [
                SettingData(key: key, label: definition.label, value: settings[key], isDefault: stored == nil)
            ]))
    }

    private func unknownSetting(_ key: String) -> AssistantError {
        .invalidValue(
            field: "key",
            reason:
                "Réglage « \(key) » inconnu. Réglages possibles\u{00A0}: \(LedgerSettings.definitions.map(\.key).joined(separator: ", ")).")
    }
}
