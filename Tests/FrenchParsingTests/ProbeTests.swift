import Foundation
import Testing

@testable import FrenchParsing

/// Temporary: parses the lines of $PARSE_PROBE and prints the readings.
@Suite struct ProbeTests {
    @Test func probe() throws {
        guard let path = ProcessInfo.processInfo.environment["PARSE_PROBE"] else { return }
        let (parser, _) = try CorpusTests.load()
        var context = DialogueContext()
        var out = ""
        for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
            if line == "---" {
                context = DialogueContext()
                out += "---\n"
                continue
            }
            let parsed = parser.parse(String(line), today: CorpusTests.today, context: context)
            out += "\(line)\n    => \(parsed.intent.rawValue) \(CorpusTests.flatten(parsed.entities).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))\n"
            if let ambiguity = parsed.ambiguity { context.pending = ambiguity } else { context.record(parsed.intent, parsed.entities) }
        }
        print("PROBE\n" + out + "---END")
    }
}
