import AssistantCore
import Dispatch
import Foundation
import FrenchParsing
import FuzzSupport
import Persistence
import Receivables

/// libFuzzer target for the French parser: any bytes, read as UTF-8 (invalid sequences
/// replaced, as a terminal would), must parse without crashing and in bounded time, and what
/// comes out must hold together: a confidence within 0…1, entity offsets inside the text.
///
/// Built with `Scripts/fuzz.sh` (`swift build -c release -Xswiftc -sanitize=fuzzer -Xswiftc
/// -DFUZZING`), where libFuzzer supplies `main`. In a normal build the same check runs over
/// the files given on the command line (the corpus, `Fuzz/corpus/parser`): a replay.
enum ParserTarget {
    static let today = Day(year: 2026, month: 11, day: 22)!

    /// The demo ledger's assistant (its 40 client names, fuzzy-matched by the parser).
    nonisolated(unsafe) static let assistant: Assistant = {
        do {
            let database = try AppDatabase.inMemory()
            try database.loadDemo(DemoLedger(today: today))
            return try Assistant(database: database, today: today)
        } catch {
            fatalError("demo ledger: \(error)")
        }
    }()

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        let start = DispatchTime.now()
        let result = assistant.parse(text)
        precondition(result.confidence.isFinite && (0...1).contains(result.confidence), "confidence \(result.confidence)")
        let length = text.utf16.count
        for entity in EntityExtractor.entities(in: text, today: today) {
            precondition(0 <= entity.start && entity.start <= entity.end && entity.end <= length, "offsets \(entity.start)…\(entity.end)")
        }
        // Bounded time: a sentence (libFuzzer's inputs are at most -max_len bytes) is parsed in
        // well under a second even instrumented; the harness also runs with -timeout.
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        precondition(milliseconds < 1_000 + Double(bytes.count) / 10, "parse took \(milliseconds) ms for \(bytes.count) bytes")
    }
}

#if FUZZING
    /// The program's `main` in a fuzzing build (SwiftPM links `main` to this symbol): libFuzzer
    /// runs with the command line's options and corpus directories.
    @_cdecl("fuzz_parser_main")
    public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        runFuzzer(argc: argc, argv: argv) { data, size in
            ParserTarget.check(UnsafeBufferPointer(start: data, count: size))
            return 0
        }
    }
#else
    @main struct ReplayParserCorpus {
        static func main() throws {
            try Replay.run(name: "fuzz-parser") { ParserTarget.check($0) }
        }
    }
#endif
