import Foundation
import Testing

/// Every `Scripts/sessions/NAME.txt` is fed to the real binary in pipe mode on the demo
/// ledger with today fixed at 2026-11-22; stdout must equal `NAME.expected` and the exit
/// status the `#! exit N` line of the script (0 when absent).
@Suite struct SessionScriptTests {
    static let sessions: [String] = {
        let directory = BinaryRunner.root.appendingPathComponent("Scripts/sessions")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func thereAreSessions() {
        #expect(Self.sessions.count >= 5)
    }

    @Test(arguments: sessions) func session(_ name: String) throws {
        let directory = BinaryRunner.root.appendingPathComponent("Scripts/sessions")
        let script = try String(contentsOf: directory.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let expected = try String(contentsOf: directory.appendingPathComponent("\(name).expected"), encoding: .utf8)
        let expectedStatus = script.split(separator: "\n").first { $0.hasPrefix("#! exit ") }.flatMap { Int32($0.dropFirst(8)) } ?? 0
        let result = try BinaryRunner.run(["--demo", "--today", "2026-11-22"], stdin: script)
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
