import Foundation
import Testing

/// The command line as a user meets it: `ask`, `--json`, exit codes, the ledger file, the
/// environment variables, bad input in pipe mode.
@Suite struct CommandLineTests {
    static let demo = ["--demo", "--today", "2026-11-22"]

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-e2e-\(UUID().uuidString)-\(name)").path
    }

    @Test func askPrintsTheAnswer() throws {
        let result = try BinaryRunner.run(["ask", "qui est en retard ?"] + Self.demo, stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("clients sont en retard"))
    }

    @Test func askJSONIsTheStructuredResult() throws {
        let result = try BinaryRunner.run(["ask", "--json", "combien me doit Dupont ?"] + Self.demo, stdin: "")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["intent"] as? String == "client.balance")
        #expect((object?["data"] as? [String: Any])?["outstanding"] != nil)
    }

    @Test func askErrorGoesToStderrWithStatusOne() throws {
        let result = try BinaryRunner.run(["ask", "combien me doit Zorg ?"] + Self.demo, stdin: "")
        #expect(result.status == 1)
        #expect(result.stderr.contains("Zorg"))
    }

    @Test(arguments: [["--today", "2026-02-31", "ask", "aide"], ["ask"], ["--frobnicate"], ["demo"]])
    func badUsageExitsWithTwo(_ arguments: [String]) throws {
        let result = try BinaryRunner.run(arguments, stdin: "")
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func todayComesFromTheEnvironment() throws {
        let result = try BinaryRunner.run(
            ["ask", "--json", "--demo", "aide"], stdin: "",
            environment: ["ENCAISSE_TODAY", "2026-11-22"].count == 2 ? ["ENCAISSE_TODAY": "2026-11-22"] : [:])
        #expect(result.status == 0)
        let bad = try BinaryRunner.run(["ask", "--demo", "aide"], stdin: "", environment: ["ENCAISSE_TODAY": "demain"])
        #expect(bad.status == 2)
    }

    @Test func aLedgerFileKeepsChangesBetweenRuns() throws {
        let path = Self.temporaryPath("ledger.sqlite")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let created = try BinaryRunner.run(
            ["--db", path, "--today", "2026-11-22"],
            stdin: "ajoute le client Atelier Vidal, paiement à 30 jours\nnouvelle facture F-1 pour Vidal de 1 200,50 €\n")
        #expect(created.status == 0, "\(created.stdout)\(created.stderr)")
        let again = try BinaryRunner.run(
            ["ask", "combien me doit Vidal ?", "--today", "2026-11-22"], stdin: "", environment: ["ENCAISSE_DB": path])
        #expect(again.status == 0)
        #expect(again.stdout.contains("1\u{202F}200,50\u{00A0}€"))
    }

    @Test func aCorruptLedgerFileIsRefusedAndLeftAlone() throws {
        let path = Self.temporaryPath("garbage.sqlite")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        let result = try BinaryRunner.run(["ask", "qui est en retard ?", "--db", path], stdin: "")
        #expect(result.status == 1)
        #expect(result.stderr.contains("registre"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func pipeModeReportsNonUTF8LinesAndGoesOn() throws {
        var input = Data("# un commentaire\n\n".utf8)
        input.append(contentsOf: [0x71, 0x75, 0x69, 0xE9, 0xFF, 0x0A])  // "qui\xE9\xFF\n" (Latin-1 bytes)
        input.append(Data("aide\n".utf8))
        let result = try BinaryRunner.run(Self.demo, stdin: [input])
        #expect(result.status == 1)
        let answers = result.stdout.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(answers.count == 2)
        #expect(answers[0].contains("UTF-8"))
        #expect(answers[1].contains("qui est en retard"))
    }

    @Test func noColourOutsideATerminal() throws {
        let result = try BinaryRunner.run(Self.demo, stdin: "qui est en retard ?\n", environment: ["NO_COLOR": ""])
        #expect(!result.stdout.contains("\u{1B}["))
    }
}
