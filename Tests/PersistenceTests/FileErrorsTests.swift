import Foundation
import Persistence
import Receivables
import Testing

import class GRDB.DatabaseQueue

/// Proves that the ledger file's failures reach the user as `PersistenceError`s they can act
/// on, and never damage the file: a folder is "cannot open", garbage bytes are "corrupt"
/// (left byte for byte as they were), a file held by another writer is "locked" once the
/// busy timeout runs out.
@Suite struct FileErrorsTests {
    @Test func aFolderIsNotALedger() throws {
        let file = try TemporaryLedgerFile()
        #expect(throws: PersistenceError.cannotOpen(path: file.folder.path, reason: "c’est un dossier")) {
            try AppDatabase.openFile(at: file.folder.path)
        }
    }

    @Test func aFolderThatCannotBeCreatedIsCannotOpen() throws {
        let file = try TemporaryLedgerFile()
        let plain = file.folder.appendingPathComponent("plain.txt")
        try Data("texte".utf8).write(to: plain)
        let path = plain.appendingPathComponent("ledger.sqlite").path
        do {
            _ = try AppDatabase.openFile(at: path)
            Issue.record("opening under a regular file should fail")
        } catch let error as PersistenceError {
            guard case .cannotOpen(let reported, _) = error else {
                Issue.record("expected cannotOpen, got \(error)")
                return
            }
            #expect(reported == path)
        }
    }

    static func garbage(count: Int, seed: UInt64) -> Data {
        var state = seed
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        return Data(bytes)
    }

    @Test(arguments: [(4_096, UInt64(1)), (8_192, 2), (100, 3), (65_536, 4)])
    func garbageBytesAreCorruptAndLeftUntouched(size: Int, seed: UInt64) throws {
        let file = try TemporaryLedgerFile()
        let bytes = Self.garbage(count: size, seed: seed)
        try bytes.write(to: URL(fileURLWithPath: file.path))
        #expect(throws: PersistenceError.corrupt(path: file.path)) { try file.open() }
        #expect(FileManager.default.contents(atPath: file.path) == bytes)
        // Nothing was created beside it either (no -wal, no -shm).
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.folder.path) == ["ledger.sqlite"])
        // A second attempt says the same.
        #expect(throws: PersistenceError.corrupt(path: file.path)) { try file.open() }
    }

    @Test func aTextFileIsCorrupt() throws {
        let file = try TemporaryLedgerFile()
        let text = Data(String(repeating: "numero;client;date;echeance;montant_ttc\n", count: 200).utf8)
        try text.write(to: URL(fileURLWithPath: file.path))
        #expect(throws: PersistenceError.corrupt(path: file.path)) { try file.open() }
        #expect(FileManager.default.contents(atPath: file.path) == text)
    }

    @Test func anEmptyFileBecomesANewLedger() throws {
        let file = try TemporaryLedgerFile()
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
        let db = try file.open()
        try Ledger.client(db, "Garage Moreau")
        #expect(try db.clientCount() == 1)
    }

    @Test func messagesNameTheFileAndSayNothingChanged() {
        let corrupt = PersistenceError.corrupt(path: "/tmp/x.sqlite").errorDescription ?? ""
        #expect(corrupt.contains("/tmp/x.sqlite"))
        #expect(corrupt.contains("Rien n’a été modifié"))
        let locked = PersistenceError.locked(path: "/tmp/x.sqlite").errorDescription ?? ""
        #expect(locked.contains("/tmp/x.sqlite") && locked.contains("verrouillé"))
        #expect(PersistenceError.nothingToUndo.errorDescription == "Il n’y a rien à annuler.")
        #expect(PersistenceError.duplicateInvoiceNumber("F-1").errorDescription?.contains("F-1") == true)
    }

    /// Takes the whole 5 s busy timeout of `AppDatabase.configuration` (it is not settable).
    @Test(.timeLimit(.minutes(1)))
    func aWriteBlockedByAnotherWritersExclusiveTransactionIsLocked() throws {
        let file = try TemporaryLedgerFile()
        let db = try file.open()
        try Ledger.client(db, "Garage Moreau")
        let before = try db.recentChanges()
        let other = try DatabaseQueue(path: file.path)
        try other.writeWithoutTransaction { holder in
            try holder.execute(sql: "BEGIN EXCLUSIVE")
            let start = Date()
            #expect(throws: PersistenceError.locked(path: file.path)) {
                try Ledger.client(db, "Martin SARL")
            }
            #expect(Date().timeIntervalSince(start) >= 4)
            try holder.execute(sql: "ROLLBACK")
        }
        // Once released, nothing was written and writing works again.
        #expect(try db.recentChanges() == before)
        #expect(try db.clientCount() == 1)
        try Ledger.client(db, "Martin SARL")
        #expect(try db.clientCount() == 2)
    }
}
