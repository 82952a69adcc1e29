import Foundation
import GRDB
import Testing

/// The process killed with `SIGKILL` — no handler, no flush, as a power cut or the OOM killer
/// does it — in the middle of an import and of a burst of payments: the file stays sound
/// (`PRAGMA integrity_check`), an import is there whole or not at all, every payment the
/// process answered for is there, and the money rules hold.
@Suite(.serialized) struct CrashSafetyTests {
    static let importLines = 60_000

    /// A CSV of new invoices for a demo client, each with its own number.
    static func invoiceFile(in directory: URL) throws -> URL {
        var text = "numero;client;date;echeance;montant\n"
        text.reserveCapacity(importLines * 48)
        for index in 0..<importLines {
            text += "K-\(index);Garage Moreau;\(1 + index % 28)/10/2026;;\(1 + index % 9_000),\(index % 90 + 10)\n"
        }
        let file = directory.appendingPathComponent("factures.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func anImportKilledMidwayLeavesNoPartOfIt() throws {
        let directory = try LedgerFile.directory("crash-import")
        defer { try? FileManager.default.removeItem(at: directory) }
        let pristine = try LedgerFile.demo(in: directory, name: "pristine.sqlite")
        let file = try Self.invoiceFile(in: directory)
        let invoicesBefore = try pristine.count("SELECT COUNT(*) FROM invoice")
        let changesBefore = try pristine.count("SELECT COUNT(*) FROM change")

        // A whole run first: how long the import takes here, and what it adds.
        let whole = LedgerFile(path: directory.appendingPathComponent("whole.sqlite").path)
        try FileManager.default.copyItem(atPath: pristine.path, toPath: whole.path)
        let start = Date()
        let completed = try BinaryRunner.run(["import", file.path, "--db", whole.path, "--today", "2026-11-22"], stdin: "")
        let duration = Date().timeIntervalSince(start)
        #expect(completed.status == 0, "\(completed.stderr)")
        #expect(try whole.count("SELECT COUNT(*) FROM invoice") == invoicesBefore + Self.importLines)

        // Then killed at points spread over that time: before, during and around the commit.
        var interrupted = 0
        for (round, fraction) in [0.1, 0.3, 0.5, 0.7, 0.9].enumerated() {
            let ledger = LedgerFile(path: directory.appendingPathComponent("killed-\(round).sqlite").path)
            try FileManager.default.copyItem(atPath: pristine.path, toPath: ledger.path)
            let process = try LiveProcess(["import", file.path, "--db", ledger.path, "--today", "2026-11-22"])
            Thread.sleep(forTimeInterval: duration * fraction)
            let stillRunning = process.process.isRunning
            process.kill()
            #expect(try ledger.integrity() == ["ok"], "killed at \(fraction)")
            let invoices = try ledger.count("SELECT COUNT(*) FROM invoice")
            let changes = try ledger.count("SELECT COUNT(*) FROM change")
            #expect(
                invoices == invoicesBefore || invoices == invoicesBefore + Self.importLines,
                "killed at \(Int(fraction * 100)) %: \(invoices - invoicesBefore) invoices of \(Self.importLines)")
            // The audit entry goes with the rows: both or neither.
            #expect((invoices == invoicesBefore) == (changes == changesBefore))
            #expect(try ledger.brokenRules() == [])
            if stillRunning && invoices == invoicesBefore { interrupted += 1 }
            // The next run opens the file and imports it again, whole.
            let again = try BinaryRunner.run(["import", file.path, "--db", ledger.path, "--today", "2026-11-22"], stdin: "")
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try ledger.count("SELECT COUNT(*) FROM invoice") == invoicesBefore + Self.importLines)
        }
        // The kills did land inside the import, not only after it.
        #expect(interrupted >= 2, "only \(interrupted) kills interrupted the import (\(duration) s)")
    }

    @Test func aBurstOfPaymentsKilledKeepsEveryAnsweredOne() throws {
        let directory = try LedgerFile.directory("crash-payments")
        defer { try? FileManager.default.removeItem(at: directory) }
        let ledger = try LedgerFile.demo(in: directory)
        let paymentsBefore = try ledger.count("SELECT COUNT(*) FROM payment")
        let auditedBefore = try ledger.count("SELECT COUNT(*) FROM change WHERE action = 'payment.record'")
        let process = try LiveProcess(["rpc", "--db", ledger.path, "--today", "2026-11-22"])
        // Each payment has its own amount (1 000 € and `index` cents), to be found again.
        func request(_ index: Int) -> String {
            #"{"jsonrpc":"2.0","id":\#(index),"method":"payment.record","params":{"client":"Garage Moreau","amount":{"cents":\#(100_000 + index)},"method":"transfer"}}"#
                + "\n"
        }
        var answered = Set<Int>()
        func collect(_ line: String) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return }
            if let id = object["id"] as? Int, object["result"] != nil { answered.insert(id) }
        }
        // Twenty answered one by one, then a burst of 300 written at once and killed mid-way.
        for index in 0..<20 {
            process.send(request(index))
            if let line = process.readLine() { collect(line) }
        }
        #expect(answered.count == 20)
        let burst = 300
        process.send((20..<(20 + burst)).map(request).joined())
        // Killed once some of the burst is answered, so that the kill falls among writes.
        while answered.count < 60, let line = process.readLine(timeout: 30) { collect(line) }
        process.kill()
        for line in process.finish().stdout.split(separator: "\n") { collect(String(line)) }

        #expect(try ledger.integrity() == ["ok"])
        #expect(try ledger.brokenRules() == [])
        let recorded = Set(
            try ledger.read { db in
                try Int.fetchAll(db, sql: "SELECT amount_cents - 100000 FROM payment WHERE id > ? ORDER BY id", arguments: [paymentsBefore])
            })
        // Every answered payment is there; the ones written are the first ones sent, in order,
        // with no gap and none twice.
        #expect(answered.isSubset(of: recorded), "missing: \(answered.subtracting(recorded).sorted())")
        #expect(recorded == Set(0..<recorded.count))
        #expect(try ledger.count("SELECT COUNT(*) FROM payment") == paymentsBefore + recorded.count)
        #expect(recorded.count < 20 + burst, "the kill came after the whole burst")
        // And the audit trail has one entry per payment written.
        #expect(try ledger.count("SELECT COUNT(*) FROM change WHERE action = 'payment.record'") == auditedBefore + recorded.count)
    }
}
