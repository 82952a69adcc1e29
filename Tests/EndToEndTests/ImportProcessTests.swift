import Foundation
import Testing

/// `encaisse import` and the `data.import` RPC method through the real binary: all or
/// nothing on a real ledger file, re-import without duplicates, `--skip-errors` and its
/// report, `progress` notifications.
@Suite struct ImportProcessTests {
    static let invoices = """
        N° facture;Client;Date facture;Échéance;Montant TTC
        IMP-1;Garage Moreau;02/11/2026;02/12/2026;1 250,00 €
        IMP-2;"Fromagerie Vidal; Frères";10/10/2026;;2 400,00

        """
    static let broken = """
        numero;client;date;echeance;montant
        B-1;Garage Moreau;01/11/2026;;100,00
        B-2;Garage Moreau;31/11/2026;;100,00
        B-3;Garage Moreau;01/11/2026;;-20,00

        """

    /// A demo ledger in a file of its own, and a directory for the files to import.
    static func ledger() throws -> (db: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("ledger.sqlite").path
        let made = try BinaryRunner.run(["demo", "--db", db, "--today", "2026-11-22"], stdin: "")
        #expect(made.status == 0, "\(made.stderr)")
        return (db, directory)
    }

    /// Every invoice of the ledger, as JSON: what must not change when an import is refused.
    static func invoiceDump(_ db: String) throws -> String {
        try BinaryRunner.run(["export", "invoices", "--format", "json", "--db", db, "--today", "2026-11-22"], stdin: "").stdout
    }

    @Test func aRefusedImportListsEveryBadLineAndChangesNothing() throws {
        let (db, directory) = try Self.ledger()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.csv")
        try Self.broken.write(to: file, atomically: true, encoding: .utf8)
        let before = try Self.invoiceDump(db)
        let result = try BinaryRunner.run(["import", file.path, "--db", db, "--today", "2026-11-22"], stdin: "")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("rien n’a été modifié"))
        #expect(result.stderr.contains("ligne 3, colonne «\u{00A0}date\u{00A0}»"))
        #expect(result.stderr.contains("ligne 4, colonne «\u{00A0}montant\u{00A0}»"))
        #expect(try Self.invoiceDump(db) == before)
        #expect(!before.contains("B-1"))
    }

    @Test func skipErrorsImportsTheRestAndWritesTheReport() throws {
        let (db, directory) = try Self.ledger()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("broken.csv")
        try Self.broken.write(to: file, atomically: true, encoding: .utf8)
        let report = directory.appendingPathComponent("refus.csv").path
        let result = try BinaryRunner.run(
            ["import", file.path, "--skip-errors", "--report", report, "--db", db, "--today", "2026-11-22"], stdin: "")
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: report, encoding: .utf8)
        #expect(written.contains("3;date;la date"))
        #expect(written.contains("4;montant;montant négatif"))
        let dump = try Self.invoiceDump(db)
        #expect(dump.contains("B-1") && !dump.contains("B-2"))
    }

    @Test func reimportingAddsNothingAndUndoTakesTheWholeImportBack() throws {
        let (db, directory) = try Self.ledger()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("factures.csv")
        try Self.invoices.write(to: file, atomically: true, encoding: .utf8)
        let before = try Self.invoiceDump(db)
        let first = try BinaryRunner.run(["import", file.path, "--json", "--db", db, "--today", "2026-11-22"], stdin: "")
        #expect(first.status == 0, "\(first.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any]
        let counts = ((object?["data"] as? [String: Any])?["counts"] as? [String: Any])
        #expect(counts?["invoicesAdded"] as? Int == 2)
        #expect(counts?["clientsAdded"] as? Int == 1)
        let second = try BinaryRunner.run(["import", file.path, "--db", db, "--today", "2026-11-22"], stdin: "")
        #expect(second.stdout.contains("Rien de nouveau"))
        let undo = try BinaryRunner.run(["--db", db, "--today", "2026-11-22"], stdin: "annule\n")
        #expect(undo.stdout.contains("import de factures.csv"))
        #expect(try Self.invoiceDump(db) == before)
    }

    @Test func rpcImportSendsProgressNotifications() throws {
        let (db, directory) = try Self.ledger()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("factures.csv")
        try Self.invoices.write(to: file, atomically: true, encoding: .utf8)
        let request = try JSONSerialization.data(withJSONObject: [
            "jsonrpc": "2.0", "id": 7, "method": "data.import", "params": ["file": file.path, "progressToken": "imp-1"],
        ])
        let result = try BinaryRunner.run(
            ["rpc", "--db", db, "--today", "2026-11-22"], stdin: String(decoding: request, as: UTF8.self) + "\n")
        let messages = try RPCProcessTests.messages(result.stdout)
        let progress = messages.filter { $0["method"] as? String == "progress" }.compactMap { $0["params"] as? [String: Any] }
        #expect(!progress.isEmpty)
        #expect(progress.allSatisfy { $0["token"] as? String == "imp-1" && $0["message"] is String })
        #expect(progress.last.map { $0["done"] as? Int == $0["total"] as? Int } == true)
        let response = try #require(messages.last)
        #expect(response["id"] as? Int == 7)
        let data = (response["result"] as? [String: Any])?["data"] as? [String: Any]
        #expect(data?["kind"] as? String == "invoices")
        // The notifications come before the response.
        #expect(messages.firstIndex { $0["id"] as? Int == 7 }! > messages.firstIndex { $0["method"] as? String == "progress" }!)
    }

    @Test func aFECImportMatchesItsReceivableBalance() throws {
        let (db, directory) = try Self.ledger()
        defer { try? FileManager.default.removeItem(at: directory) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = root.appendingPathComponent("Scripts/sessions/data/fec-exemple.txt").path
        let result = try BinaryRunner.run(["import", sample, "--kind", "fec", "--json", "--db", db, "--today", "2026-11-22"], stdin: "")
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let data = try #require(object?["data"] as? [String: Any])
        #expect((data["fecOpenBalance"] as? [String: Any])?["cents"] as? Int == 4_463_341)
        let balances = data["fecBalances"] as? [[String: Any]] ?? []
        #expect(balances.count == 4)
    }
}

/// `encaisse export letter|plan`: the documents as text and as `.eml`.
@Suite struct DocumentExportTests {
    @Test func aLetterAsTextAndAsEml() throws {
        let outbox = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-outbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outbox) }
        let text = try BinaryRunner.run(["export", "letter", "--client", "Moreau", "--demo", "--today", "2026-11-22"], stdin: "")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("F-2026-0235"))
        #expect(!text.stdout.contains("Subject:"))
        let eml = try BinaryRunner.run(
            ["export", "letter", "--client", "Moreau", "--format", "eml", "--demo", "--today", "2026-11-22"], stdin: "",
            environment: ["ENCAISSE_OUTBOX": outbox.path])
        #expect(eml.status == 0, "\(eml.stderr)")
        #expect(eml.stdout.hasPrefix("Date: Sun, 22 Nov 2026 09:00:00 +0100"))
        #expect(eml.stdout.contains("To: Garage Moreau <"))
        #expect(eml.stdout.contains("\r\n\r\n"), "headers end with an empty CRLF line")
    }

    @Test func aPlanProposalAsText() throws {
        let result = try BinaryRunner.run(
            ["export", "plan", "--client", "Moreau", "--installments", "3", "--format", "text", "--demo", "--today", "2026-11-22"],
            stdin: "")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("échéance"))
    }

    @Test func aDocumentNeedsAClient() throws {
        let result = try BinaryRunner.run(["export", "letter", "--demo"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--client"))
    }
}
