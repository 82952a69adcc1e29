import Foundation
import GRDB

/// The built `encaisse` binary kept running: requests written whenever the test wants, its
/// stdout read line by line as it comes, and a `SIGKILL` at the moment the test chooses.
final class LiveProcess: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSCondition()
    private var buffer = Data()
    /// Where the unread part of `buffer` starts (compacted now and then, not at every line).
    private var readOffset = 0
    private var stderrData = Data()
    private var closed = false
    /// Signalled once stderr has been read to its end.
    private let stderrDone = DispatchSemaphore(value: 0)

    init(_ arguments: [String]) throws {
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "ENCAISSE_DB")
        environment.removeValue(forKey: "ENCAISSE_TODAY")
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let output = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let chunk = output.availableData
                lock.lock()
                if chunk.isEmpty { closed = true } else { buffer.append(chunk) }
                lock.broadcast()
                lock.unlock()
                if chunk.isEmpty { return }
            }
        }
        let errorOutput = errors.fileHandleForReading
        Thread.detachNewThread { [self] in
            let data = errorOutput.readDataToEndOfFile()
            lock.lock()
            stderrData = data
            lock.unlock()
            stderrDone.signal()
        }
    }

    var pid: pid_t { process.processIdentifier }

    /// Writes to the process's stdin; `false` once the process is gone (broken pipe).
    @discardableResult func send(_ data: Data) -> Bool {
        (try? input.fileHandleForWriting.write(contentsOf: data)) != nil
    }

    func send(_ text: String) { send(Data(text.utf8)) }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// The next line of stdout (without its newline), or `nil` if none came within `timeout`
    /// seconds or stdout closed first.
    func readLine(timeout: TimeInterval = 30) -> String? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            let start = buffer.startIndex + readOffset
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                readOffset = newline + 1 - buffer.startIndex
                if readOffset > 1 << 20 {
                    buffer.removeSubrange(buffer.startIndex..<(buffer.startIndex + readOffset))
                    buffer = Data(buffer)
                    readOffset = 0
                }
                return line
            }
            if closed || !lock.wait(until: deadline) { return nil }
        }
    }

    /// Kills the process at once (no signal handler runs, no buffer is flushed).
    func kill() {
        _ = Foundation.kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits for the end of the process, then returns the rest of stdout and all of stderr.
    func finish() -> (stdout: String, stderr: String, status: Int32) {
        process.waitUntilExit()
        lock.lock()
        while !closed { lock.wait() }
        let rest = String(decoding: buffer.dropFirst(readOffset), as: UTF8.self)
        buffer.removeAll()
        readOffset = 0
        lock.unlock()
        stderrDone.wait()
        stderrDone.signal()  // a second `finish()` does not wait forever
        lock.lock()
        defer { lock.unlock() }
        return (rest, String(decoding: stderrData, as: UTF8.self), process.terminationStatus)
    }
}

/// A ledger file looked at from outside, read-only, with GRDB: what a later run will find.
struct LedgerFile {
    let path: String

    /// A new demo ledger in a directory of its own.
    static func demo(in directory: URL, name: String = "ledger.sqlite") throws -> LedgerFile {
        let path = directory.appendingPathComponent(name).path
        let made = try BinaryRunner.run(["demo", "--db", path, "--today", "2026-11-22"], stdin: "")
        guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: made.stderr]) }
        return LedgerFile(path: path)
    }

    static func directory(_ label: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        // Not read-only: opening a WAL file left by a killed process recovers its committed log.
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read(body)
    }

    func integrity() throws -> [String] { try read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try read { try Int.fetchOne($0, sql: sql, arguments: arguments) ?? 0 }
    }

    /// Rows breaking the money rules: a payment allocated beyond its amount, an invoice whose
    /// outstanding is not its amount less its allocations, a foreign key pointing nowhere.
    func brokenRules() throws -> [String] {
        try read { db in
            var broken: [String] = []
            broken += try String.fetchAll(
                db,
                sql: """
                    SELECT 'paiement ' || p.id FROM payment p LEFT JOIN allocation a ON a.payment_id = p.id GROUP BY p.id
                    HAVING COALESCE(SUM(a.amount_cents), 0) + p.unallocated_cents != p.amount_cents
                    """)
            broken += try String.fetchAll(
                db,
                sql: """
                    SELECT 'facture ' || i.number FROM invoice i LEFT JOIN allocation a ON a.invoice_id = i.id GROUP BY i.id
                    HAVING i.outstanding_cents != i.amount_cents - COALESCE(SUM(a.amount_cents), 0)
                    """)
            broken += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "clé étrangère \($0)" }
            return broken
        }
    }
}
