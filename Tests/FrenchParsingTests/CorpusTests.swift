import Foundation
import Receivables
import Testing

@testable import FrenchParsing

/// The labelled corpus: every sentence parsed with today fixed at 2026-11-22 against the
/// demo clients; intent accuracy and entity exact-match reported per intent, on the train
/// split and on the held-out split (never tuned on).
@Suite struct CorpusTests {
    struct Sample: Decodable {
        var text: String
        var intent: String
        var entities: [String: JSONAny]
        var split: String
    }

    static let today = Day(year: 2026, month: 11, day: 22)!

    static func load() throws -> (FrenchParser, [Sample]) {
        let base = Bundle.module.url(forResource: "Corpus", withExtension: nil)!
        struct ClientLine: Decodable {
            var id: Int64
            var name: String
        }
        let clients = try JSONDecoder().decode([ClientLine].self, from: Data(contentsOf: base.appendingPathComponent("clients.json")))
        let directory = ClientDirectory(clients.map { .init(id: $0.id, name: $0.name, code: "C\($0.id)") })
        var samples: [Sample] = []
        for file in ["sentences.jsonl", "sentences-more.jsonl"] {
            let lines = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
            samples += try lines.map { try JSONDecoder().decode(Sample.self, from: Data($0.utf8)) }
        }
        return (FrenchParser(directory: directory), samples)
    }

    /// The parsed entities in the corpus's notation (client by name, money in cents).
    static func flatten(_ entities: Entities) -> [String: JSONAny] {
        var result: [String: JSONAny] = [:]
        if let client = entities.client { result["client"] = .string(client.name) }
        if let v = entities.invoice { result["invoice"] = .string(v) }
        if let v = entities.amount { result["amount"] = .int(v.cents) }
        if let v = entities.minAmount { result["minAmount"] = .int(v.cents) }
        if let v = entities.downPayment { result["downPayment"] = .int(v.cents) }
        if let v = entities.minDaysLate { result["minDaysLate"] = .int(Int64(v)) }
        if let v = entities.limit { result["limit"] = .int(Int64(v)) }
        if let v = entities.date { result["date"] = .string(v.iso) }
        if let v = entities.dueDate { result["dueDate"] = .string(v.iso) }
        if let v = entities.period { result["period"] = .object(["from": .string(v.from.iso), "to": .string(v.to.iso)]) }
        if let v = entities.method { result["method"] = .string(v.rawValue) }
        if let v = entities.termsDays { result["termsDays"] = .int(Int64(v)) }
        if let v = entities.endOfMonth, v { result["endOfMonth"] = .bool(true) }
        if let v = entities.status { result["status"] = .string(v) }
        if let v = entities.name { result["name"] = .string(v) }
        if let v = entities.email { result["email"] = .string(v) }
        if let v = entities.phone { result["phone"] = .string(v) }
        if let v = entities.kind { result["kind"] = .string(v) }
        if let v = entities.installments { result["installments"] = .int(Int64(v)) }
        if let v = entities.frequency { result["frequency"] = .string(v) }
        if let v = entities.maxInstallment { result["maxInstallment"] = .int(v.cents) }
        if let v = entities.channel { result["channel"] = .string(v) }
        if let v = entities.level { result["level"] = .string(v) }
        if let v = entities.note { result["note"] = .string(v) }
        if let v = entities.file { result["file"] = .string(v) }
        if let v = entities.format { result["format"] = .string(v) }
        if let v = entities.report { result["report"] = .string(v) }
        if let v = entities.tone { result["tone"] = .string(v) }
        if let v = entities.dunning { result["dunning"] = .string(v) }
        if let v = entities.exclude { result["exclude"] = .array(v.map { .string($0) }) }
        if let v = entities.sequence { result["sequence"] = .string(v) }
        if let v = entities.penaltyRate { result["penaltyRate"] = .int(Int64(v)) }
        if let v = entities.periodic, v { result["periodic"] = .bool(true) }
        return result
    }

    struct Tally {
        var total = 0
        var intentHits = 0
        var entityHits = 0
    }

    @Test func accuracyPerIntent() throws {
        let (parser, samples) = try Self.load()
        var bySplit: [String: [String: Tally]] = [:]
        var failures: [String] = []
        for sample in samples {
            let parsed = parser.parse(sample.text, today: Self.today)
            #expect(parsed.confidence.isFinite && (0...1).contains(parsed.confidence), "confidence \(parsed.confidence): \(sample.text)")
            let intentOK = parsed.intent.rawValue == sample.intent
            let entitiesOK = intentOK && Self.flatten(parsed.entities) == sample.entities
            var tally = bySplit[sample.split, default: [:]][sample.intent, default: Tally()]
            tally.total += 1
            tally.intentHits += intentOK ? 1 : 0
            tally.entityHits += entitiesOK ? 1 : 0
            bySplit[sample.split, default: [:]][sample.intent] = tally
            if !entitiesOK {
                failures.append(
                    "[\(sample.split)] \(sample.text)\n    attendu \(sample.intent) \(sample.entities)\n    obtenu  \(parsed.intent.rawValue) \(Self.flatten(parsed.entities))"
                )
            }
        }
        var report = "\nintent                 split     n   intent%  entities%\n"
        var overall: [String: Tally] = [:]
        for split in ["train", "heldout"] {
            for (intent, tally) in (bySplit[split] ?? [:]).sorted(by: { $0.key < $1.key }) {
                report +=
                    intent.padding(toLength: 22, withPad: " ", startingAt: 0) + " "
                    + split.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(
                        format: " %3d   %6.1f   %6.1f\n", tally.total,
                        100 * Double(tally.intentHits) / Double(tally.total), 100 * Double(tally.entityHits) / Double(tally.total))
                overall[split, default: Tally()].total += tally.total
                overall[split, default: Tally()].intentHits += tally.intentHits
                overall[split, default: Tally()].entityHits += tally.entityHits
            }
        }
        for (split, tally) in overall.sorted(by: { $0.key > $1.key }) {
            report +=
                "TOTAL " + split.padding(toLength: 8, withPad: " ", startingAt: 0)
                + String(
                    format: " %4d sentences: intent %.1f %%, entities %.1f %%\n", tally.total,
                    100 * Double(tally.intentHits) / Double(tally.total), 100 * Double(tally.entityHits) / Double(tally.total))
        }
        print(report)
        if ProcessInfo.processInfo.environment["CORPUS_FAILURES"] != nil { print(failures.joined(separator: "\n")) }
        let train = overall["train"] ?? Tally()
        let heldout = overall["heldout"] ?? Tally()
        #expect(Double(train.intentHits) / Double(max(1, train.total)) >= CorpusTests.intentThreshold)
        #expect(Double(train.entityHits) / Double(max(1, train.total)) >= CorpusTests.entityThreshold)
        #expect(Double(heldout.intentHits) / Double(max(1, heldout.total)) >= CorpusTests.heldoutIntentThreshold)
        #expect(Double(heldout.entityHits) / Double(max(1, heldout.total)) >= CorpusTests.heldoutEntityThreshold)
    }

    struct Dialogue: Decodable {
        struct Turn: Decodable {
            var text: String
            var intent: String
            var entities: [String: JSONAny]
        }

        var id: String
        var split: String
        var turns: [Turn]
    }

    /// The dialogues: each turn parsed with the context the assistant keeps (last question,
    /// client, invoice; a pending clarification), updated from the parser's own readings.
    @Test func dialogues() throws {
        let (parser, _) = try Self.load()
        let url = Bundle.module.url(forResource: "Corpus", withExtension: nil)!.appendingPathComponent("dialogues.jsonl")
        let dialogues = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Dialogue.self, from: Data($0.utf8))
        }
        var tallies: [String: Tally] = [:]
        var failures: [String] = []
        for dialogue in dialogues {
            var context = DialogueContext()
            for turn in dialogue.turns {
                let parsed = parser.parse(turn.text, today: Self.today, context: context)
                let intentOK = parsed.intent.rawValue == turn.intent
                let entitiesOK = intentOK && Self.flatten(parsed.entities) == turn.entities
                tallies[dialogue.split, default: Tally()].total += 1
                tallies[dialogue.split, default: Tally()].intentHits += intentOK ? 1 : 0
                tallies[dialogue.split, default: Tally()].entityHits += entitiesOK ? 1 : 0
                if !entitiesOK {
                    failures.append(
                        "[\(dialogue.split) \(dialogue.id)] \(turn.text)\n    attendu \(turn.intent) \(turn.entities)\n    obtenu  \(parsed.intent.rawValue) \(Self.flatten(parsed.entities))"
                    )
                }
                if let ambiguity = parsed.ambiguity {
                    context.pending = ambiguity
                } else {
                    context.record(parsed.intent, parsed.entities)
                }
            }
        }
        for (split, tally) in tallies.sorted(by: { $0.key > $1.key }) {
            print(
                "DIALOGUES " + split.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(
                        format: " %4d turns: intent %.1f %%, entities %.1f %%", tally.total,
                        100 * Double(tally.intentHits) / Double(tally.total), 100 * Double(tally.entityHits) / Double(tally.total)))
        }
        if ProcessInfo.processInfo.environment["CORPUS_FAILURES"] != nil { print(failures.joined(separator: "\n")) }
        let train = tallies["train"] ?? Tally()
        #expect(Double(train.intentHits) / Double(max(1, train.total)) >= Self.dialogueIntentThreshold)
        #expect(Double(train.entityHits) / Double(max(1, train.total)) >= Self.dialogueEntityThreshold)
    }

    static let dialogueIntentThreshold = 0.95
    static let dialogueEntityThreshold = 0.92

    // Floors, not targets: the figures are printed above; a change that loses ground fails.
    // The held-out split is never tuned on, so its floors are lower.
    static let intentThreshold = 0.97
    static let entityThreshold = 0.95
    static let heldoutIntentThreshold = 0.80
    static let heldoutEntityThreshold = 0.75
}

/// A JSON value for comparing corpus entities.
enum JSONAny: Decodable, Equatable, CustomStringConvertible {
    case string(String), int(Int64), bool(Bool), object([String: JSONAny]), array([JSONAny])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let v = try? container.decode(Bool.self) {
            self = .bool(v)
        } else if let v = try? container.decode(Int64.self) {
            self = .int(v)
        } else if let v = try? container.decode(String.self) {
            self = .string(v)
        } else if let v = try? container.decode([JSONAny].self) {
            self = .array(v)
        } else {
            self = .object(try container.decode([String: JSONAny].self))
        }
    }

    var description: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .int(let i): return "\(i)"
        case .bool(let b): return "\(b)"
        case .object(let o): return "{" + o.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .array(let a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        }
    }
}
