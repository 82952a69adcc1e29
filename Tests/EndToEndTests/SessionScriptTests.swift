import Foundation
import Testing

/// Every `Scripts/sessions/NAME.txt` is fed to the real binary in pipe mode; stdout must equal
/// `NAME.expected` and the exit status the `#! exit N` line of the script (0 when absent).
/// `#! today D` sets the day (default 2026-11-22); scripts with `#! ledger L` share one ledger
/// file, created from the demo, and run in name order: a story over several days. The others
/// each run on a fresh in-memory demo ledger. (`Scripts/run-sessions.sh` does the same in bash.)
@Suite struct SessionScriptTests {
    static let directory = BinaryRunner.root.appendingPathComponent("Scripts/sessions")

    struct Script: Sendable {
        var name: String
        var text: String
        func header(_ key: String) -> String? {
            text.split(separator: "\n").first { $0.hasPrefix("#! \(key) ") }.map { String($0.dropFirst(key.count + 4)) }
        }
    }

    static let scripts: [Script] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.sorted().compactMap { file in
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { return nil }
            return Script(name: String(file.dropLast(4)), text: text)
        }
    }()

    /// One test per script, or per ledger for the scripts that share one (run in order).
    static let groups: [[String]] = {
        var groups: [[String]] = []
        var byLedger: [String: Int] = [:]
        for script in scripts {
            if let ledger = script.header("ledger") {
                if let index = byLedger[ledger] {
                    groups[index].append(script.name)
                } else {
                    byLedger[ledger] = groups.count
                    groups.append([script.name])
                }
            } else {
                groups.append([script.name])
            }
        }
        return groups
    }()

    @Test func thereAreSessions() {
        #expect(Self.scripts.count >= 5)
    }

    @Test(arguments: groups) func session(_ names: [String]) throws {
        let ledgers = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: ledgers, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: ledgers) }
        let environment = ["ENCAISSE_OUTBOX": ledgers.appendingPathComponent("outbox").path]
        for name in names {
            let script = try #require(Self.scripts.first { $0.name == name })
            let expected = try String(contentsOf: Self.directory.appendingPathComponent("\(name).expected"), encoding: .utf8)
            let expectedStatus = script.header("exit").flatMap { Int32($0) } ?? 0
            var arguments = ["--demo"]
            if let ledger = script.header("ledger") {
                let file = ledgers.appendingPathComponent("\(ledger).sqlite").path
                if !FileManager.default.fileExists(atPath: file) {
                    let created = try BinaryRunner.run(["demo", "--db", file, "--today", "2026-11-22"], stdin: "")
                    try #require(created.status == 0, "demo ledger: \(created.stderr)")
                }
                arguments = ["--db", file]
            }
            let result = try BinaryRunner.run(
                arguments + ["--today", script.header("today") ?? "2026-11-22"], stdin: script.text, environment: environment)
            if result.stdout != expected {
                let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
                Issue.record(
                    "\(name): first difference at output line \(line + 1)\n  attendu : \(line < want.count ? want[line] : "<fin>")\n  obtenu  : \(line < got.count ? got[line] : "<fin>")"
                )
            }
            #expect(result.status == expectedStatus, "\(name): exit \(result.status), stderr: \(result.stderr)")
        }
    }
}
