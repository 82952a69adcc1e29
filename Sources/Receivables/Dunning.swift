import Foundation

/// How to reach a client. Raw values are the `channel` ids of `intents.md`.
public enum Channel: String, Hashable, Sendable, Codable, CaseIterable {
    case email, letter, registeredLetter, phone, sms

    /// "par courriel", "par courrier", "en recommandé avec accusé de réception", "par téléphone", "par SMS".
    public var frenchLabel: String {
        switch self {
        case .email: return "par courriel"
        case .letter: return "par courrier"
        case .registeredLetter: return "en recommandé avec accusé de réception"
        case .phone: return "par téléphone"
        case .sms: return "par SMS"
        }
    }

    /// "courriel", "courrier", "recommandé", "téléphone", "SMS" (table cells).
    public var shortLabel: String {
        switch self {
        case .email: return "courriel"
        case .letter: return "courrier"
        case .registeredLetter: return "recommandé AR"
        case .phone: return "téléphone"
        case .sms: return "SMS"
        }
    }
}

/// How the letters address a client: "tu" or "vous" (the default).
public enum AddressForm: String, Hashable, Sendable, Codable, CaseIterable {
    case tu, vous
}

/// The steps of the dunning sequence, in order. Raw values are the `level` ids of
/// `intents.md`, plus `courtesy` (before the due date) and `escalation` (after the formal notice).
public enum DunningLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case courtesy, reminder1, reminder2, reminder3, formalNotice, escalation

    public var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: DunningLevel, rhs: DunningLevel) -> Bool { lhs.rank < rhs.rank }

    /// "relance de courtoisie", "première relance", …
    public var frenchLabel: String {
        switch self {
        case .courtesy: return "rappel de courtoisie"
        case .reminder1: return "première relance"
        case .reminder2: return "deuxième relance"
        case .reminder3: return "troisième relance"
        case .formalNotice: return "mise en demeure"
        case .escalation: return "suite contentieuse"
        }
    }

    /// Whether the letters of this level state the penalties and the 40 € indemnity (from the
    /// first firm reminder on).
    public var mentionsPenalties: Bool { self >= .reminder2 }
}

/// The tone of a step: friendly, firm or formal.
public enum DunningTone: String, Hashable, Sendable, Codable, CaseIterable {
    case friendly, firm, formal

    public var frenchLabel: String {
        switch self {
        case .friendly: return "cordial"
        case .firm: return "ferme"
        case .formal: return "formel"
        }
    }
}

/// One step of a dunning sequence.
public struct DunningStep: Hashable, Sendable, Codable {
    public var level: DunningLevel
    /// Days after the due date (negative: before it), or after the previous step when the
    /// sequence counts from the previous reminder.
    public var delay: Int
    /// The channels of the step; the first is the one a reminder is drafted for.
    public var channels: [Channel]
    public var tone: DunningTone

    public init(level: DunningLevel, delay: Int, channels: [Channel], tone: DunningTone) {
        self.level = level
        self.delay = delay
        self.channels = channels
        self.tone = tone
    }
}

/// A dunning sequence: its steps and what their delays count from.
///
/// Text form (the `dunning.sequence` setting): steps separated by `;`, each
/// `level:delay:channel+channel[:tone]`, e.g.
/// `courtesy:-5:email; reminder1:3:email; reminder2:15:email+phone; reminder3:30:letter; formalNotice:45:registeredLetter; escalation:60`.
public struct DunningSequence: Hashable, Sendable, Codable {
    /// What a step's delay counts from.
    public enum Anchor: String, Hashable, Sendable, Codable, CaseIterable {
        /// Days after the due date of the oldest unpaid invoice (the default).
        case dueDate
        /// Days after the previous reminder sent (the first late step counts from the due date).
        case previousReminder
    }

    public var steps: [DunningStep]
    public var anchor: Anchor

    public init(steps: [DunningStep], anchor: Anchor = .dueDate) {
        self.steps = steps.sorted { $0.level < $1.level }
        self.anchor = anchor
    }

    /// The defaults of `product.md`.
    public static let standard = DunningSequence(steps: [
        DunningStep(level: .courtesy, delay: -5, channels: [.email], tone: .friendly),
        DunningStep(level: .reminder1, delay: 3, channels: [.email], tone: .friendly),
        DunningStep(level: .reminder2, delay: 15, channels: [.email, .phone], tone: .firm),
        DunningStep(level: .reminder3, delay: 30, channels: [.letter], tone: .firm),
        DunningStep(level: .formalNotice, delay: 45, channels: [.registeredLetter], tone: .formal),
        DunningStep(level: .escalation, delay: 60, channels: [], tone: .formal),
    ])

    public func step(_ level: DunningLevel) -> DunningStep? { steps.first { $0.level == level } }

    /// The step after `level` (or the first late step when nothing was sent).
    public func step(after level: DunningLevel?) -> DunningStep? {
        steps.first { step in step.level != .courtesy && (level.map { step.level > $0 } ?? true) }
    }

    /// Reads the text form; `nil` with a French reason when it is malformed.
    public static func parse(_ text: String, anchor: Anchor = .dueDate) -> Result<DunningSequence, SequenceError> {
        var steps: [DunningStep] = []
        for rawPart in text.split(separator: ";") {
            let part = rawPart.trimmingCharacters(in: .whitespaces)
            let fields = part.split(separator: ":", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count >= 2, let level = DunningLevel(rawValue: fields[0]) else {
                return .failure(SequenceError(part: part, reason: "étape inconnue"))
            }
            guard let delay = Int(fields[1]), (-60...400).contains(delay) else {
                return .failure(SequenceError(part: part, reason: "délai en jours invalide"))
            }
            var channels: [Channel] = []
            if fields.count >= 3, !fields[2].isEmpty {
                for name in fields[2].split(separator: "+") {
                    guard let channel = Channel(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                        return .failure(SequenceError(part: part, reason: "canal « \(name) » inconnu"))
                    }
                    channels.append(channel)
                }
            }
            if channels.isEmpty && level != .escalation {
                return .failure(SequenceError(part: part, reason: "il faut au moins un canal"))
            }
            var tone = standard.step(level)?.tone ?? .firm
            if fields.count >= 4, !fields[3].isEmpty {
                guard let parsed = DunningTone(rawValue: fields[3]) else {
                    return .failure(SequenceError(part: part, reason: "ton « \(fields[3]) » inconnu (friendly, firm, formal)"))
                }
                tone = parsed
            }
            if steps.contains(where: { $0.level == level }) {
                return .failure(SequenceError(part: part, reason: "étape en double"))
            }
            steps.append(DunningStep(level: level, delay: delay, channels: channels, tone: tone))
        }
        guard steps.contains(where: { $0.level != .courtesy }) else {
            return .failure(SequenceError(part: text, reason: "aucune étape de relance"))
        }
        let sequence = DunningSequence(steps: steps, anchor: anchor)
        if anchor == .dueDate {
            let delays = sequence.steps.map(\.delay)
            guard delays == delays.sorted() else {
                return .failure(SequenceError(part: text, reason: "les délais doivent croître d’une étape à l’autre"))
            }
        }
        return .success(sequence)
    }

    /// The text form, as `parse` reads it.
    public var text: String {
        steps.map { step in
            "\(step.level.rawValue):\(step.delay):\(step.channels.map(\.rawValue).joined(separator: "+")):\(step.tone.rawValue)"
        }.joined(separator: "; ")
    }
}

/// Why a sequence text was refused.
public struct SequenceError: Error, Hashable, Sendable {
    public var part: String
    public var reason: String
    public var frenchMessage: String { "Séquence de relance invalide (« \(part) »)\u{00A0}: \(reason)." }
}
