import Foundation
import GRDB
import Testing

/// Two Encaisse processes on one ledger file at once — a script in pipe mode and an editor's
/// RPC server, with now and then an import holding the write lock — as happens when a user
/// types in the terminal while the editor records payments: every write lands (SQLite's WAL,
/// immediate transactions, a busy timeout that waits), none is refused as "locked", and each
/// process sees the other's new clients.
@Suite(.serialized) struct ConcurrencyTests {
    static let perProcess = 60

    @Test func aScriptAndAnRPCServerWriteAtOnceAndLoseNothing() throws {
        let directory = try LedgerFile.directory("concurrency")
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledger = try LedgerFile.demo(in: directory)
        let paymentsBefore = try ledger.count("SELECT COUNT(*) FROM payment")
        let changesBefore = try ledger.count("SELECT COUNT(*) FROM change")
        // A bulk import in a third process: it holds the write lock for a while.
        var csv = "numero;client;date;echeance;montant\n"
        for index in 0..<15_000 { csv += "C-\(index);Garage Moreau;\(1 + index % 28)/09/2026;;\(100 + index % 900),00\n" }
        let file = directory.appendingPathComponent("factures.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)

        // The script: French sentences, one a line, each paying its own amount (2 000 € and i cents).
        let script = try LiveProcess(["--db", ledger.path, "--today", "2026-11-22"])
        // The editor: JSON-RPC payments (3 000 € and i cents) and invoices, one a line.
        let server = try LiveProcess(["rpc", "--db", ledger.path, "--today", "2026-11-22"])
        let importer = try LiveProcess(["import", file.path, "--db", ledger.path, "--today", "2026-11-22"])
        let scriptLines = (0..<Self.perProcess).map { "Garage Moreau a payé 2 000,\(String(format: "%02d", $0)) € par virement\n" }
        let requests = (0..<Self.perProcess).map { index in
            #"{"jsonrpc":"2.0","id":\#(index),"method":"payment.record","params":{"client":"Garage Moreau","amount":{"cents":\#(300_000 + index)}}}"#
                + "\n"
                + #"{"jsonrpc":"2.0","id":"f\#(index)","method":"invoice.add","params":{"client":"Pharmacie Bernard","invoice":"CONC-\#(index)","amount":{"cents":\#(10_000 + index)}}}"#
                + "\n"
        }
        // Interleaved in time: a few lines to each, turn about.
        for start in stride(from: 0, to: Self.perProcess, by: 5) {
            script.send(scriptLines[start..<(start + 5)].joined())
            server.send(requests[start..<(start + 5)].joined())
        }
        script.closeInput()
        server.closeInput()
        importer.closeInput()
        let scriptEnd = script.finish()
        let serverEnd = server.finish()
        let importEnd = importer.finish()
        #expect(scriptEnd.status == 0 && serverEnd.status == 0 && importEnd.status == 0, "\(scriptEnd.stderr)\(importEnd.stderr)")
        for output in [scriptEnd.stdout, scriptEnd.stderr, serverEnd.stdout, serverEnd.stderr, importEnd.stderr] {
            #expect(!output.contains("verrouillé") && !output.localizedCaseInsensitiveContains("locked"), "\(output.prefix(500))")
        }
        let responses = serverEnd.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(responses.count == 2 * Self.perProcess)
        #expect(responses.allSatisfy { $0["result"] != nil }, "\(responses.filter { $0["error"] != nil }.prefix(3))")

        // Every write of both processes is in the file, once, and in the audit trail.
        let amounts = try ledger.read { db in
            try Int.fetchAll(db, sql: "SELECT amount_cents FROM payment WHERE id > ?", arguments: [paymentsBefore])
        }
        #expect(amounts.filter { (200_000..<200_100).contains($0) }.sorted() == (0..<Self.perProcess).map { 200_000 + $0 })
        #expect(amounts.filter { (300_000..<300_100).contains($0) }.sorted() == (0..<Self.perProcess).map { 300_000 + $0 })
        #expect(amounts.count == 2 * Self.perProcess)
        #expect(try ledger.count("SELECT COUNT(*) FROM invoice WHERE number LIKE 'CONC-%'") == Self.perProcess)
        #expect(try ledger.count("SELECT COUNT(*) FROM invoice WHERE number LIKE 'C-%'") == 15_000)
        #expect(try ledger.count("SELECT COUNT(*) FROM change") == changesBefore + 3 * Self.perProcess + 1)
        #expect(try ledger.integrity() == ["ok"])
        #expect(try ledger.brokenRules() == [])
    }

    @Test func aClientAddedByOneProcessIsKnownToTheOther() throws {
        let directory = try LedgerFile.directory("concurrency-clients")
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledger = try LedgerFile.demo(in: directory)
        let script = try LiveProcess(["--db", ledger.path, "--today", "2026-11-22"])
        script.send("combien me doit Dupont ?\n")
        #expect(script.readLine() != nil)
        // Meanwhile, the editor adds a client and an invoice, and renames another client.
        let added = try BinaryRunner.run(
            ["rpc", "--db", ledger.path, "--today", "2026-11-22"],
            stdin: """
                {"jsonrpc":"2.0","id":1,"method":"client.add","params":{"name":"Zéphyr Distribution"}}
                {"jsonrpc":"2.0","id":2,"method":"invoice.add","params":{"client":"Zéphyr Distribution","invoice":"Z-1","amount":{"cents":123456}}}

                """)
        #expect(added.stdout.split(separator: "\n").count == 2 && !added.stdout.contains("\"error\""), "\(added.stdout)")
        script.send("combien me doit Zéphyr ?\n")
        script.closeInput()
        let end = script.finish()
        #expect(end.status == 0)
        #expect(end.stdout.contains("Zéphyr Distribution"), "\(end.stdout)")
        #expect(end.stdout.contains("1\u{202F}234,56\u{00A0}€") || end.stdout.contains("1 234,56"), "\(end.stdout)")
    }
}
