import Foundation
import Receivables

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The import benchmark: a generated CSV of invoices in the French Excel conventions (`;`,
/// dd/mm/yyyy, decimal comma, UTF-8 with BOM, some quoted names) imported by the real
/// `encaisse import` into a new ledger file, as a separate process whose wall time and peak
/// memory are measured, next to `sqlite3 .import` of the same file into a bare table.
enum ImportBench {
    /// Writes `lines` invoices over `clients` clients; returns the file's size in bytes.
    static func writeInvoiceCSV(to path: String, lines: Int, clients: Int) throws -> Int {
        guard let file = fopen(path, "w") else { throw POSIXError(.EIO) }
        defer { fclose(file) }
        var random = SplitMix64(seed: 2026)
        var size = 0
        func put(_ text: String) {
            fputs(text, file)
            size += text.utf8.count
        }
        put("\u{FEFF}N° facture;Client;Date facture;Date d'échéance;Montant TTC\r\n")
        let start = Day(year: 2024, month: 1, day: 1)!
        for index in 0..<lines {
            let client = Int(random.next() % UInt64(clients))
            // One client name in ten has a separator in it, so it is quoted.
            let name = client % 10 == 0 ? "\"Société \(client); et fils\"" : "Client \(client)"
            let issue = start.adding(days: Int(random.next() % 1_000))
            let due = issue.adding(days: 30)
            let cents = 1_000 + Int64(random.next() % 2_000_000)
            put(
                "F-\(index + 1);\(name);\(issue.french);\(due.french);\(cents / 100),\(String(format: "%02lld", cents % 100))\r\n"
            )
        }
        return size
    }

    /// Runs a process to its end, its output thrown away: wall milliseconds, peak resident
    /// memory (MB), exit status.
    ///
    /// Linux keeps a process's peak memory across `exec` and starts a child's from its parent's
    /// size, so a child spawned by this (large) bench would report the bench's memory. The child
    /// is therefore started by a small helper — this binary again, `--measure-child` — whose
    /// own child reports its real peak; the helper times it and writes the figures to a file.
    static func run(
        _ path: String, _ arguments: [String], stdin: String? = nil, environment overrides: [String: String] = [:]
    ) throws -> (ms: Double, peakMB: Double, status: Int32) {
        let result = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-bench-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: result) }
        let helper = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        _ = try spawn(helper, ["--measure-child", result, path] + arguments, stdin: stdin, inheritStdin: false, environment: overrides)
        let fields = (try? String(contentsOfFile: result, encoding: .utf8))?.split(separator: " ").compactMap { Double($0) } ?? []
        guard fields.count == 3 else { throw POSIXError(.ECHILD) }
        return (fields[0], fields[1], Int32(fields[2]))
    }

    /// `encaisse-bench --measure-child RESULT PATH ARGS…`: runs PATH with this process's stdin
    /// and writes "milliseconds peakMB status" to RESULT.
    static func measureChild(_ arguments: [String]) throws {
        let measured = try spawn(arguments[1], Array(arguments.dropFirst(2)), stdin: nil, inheritStdin: true, environment: [:])
        try "\(measured.ms) \(measured.peakMB) \(measured.status)".write(toFile: arguments[0], atomically: true, encoding: .utf8)
    }

    private static func spawn(
        _ path: String, _ arguments: [String], stdin: String?, inheritStdin: Bool, environment overrides: [String: String]
    ) throws -> (ms: Double, peakMB: Double, status: Int32) {
        var input: [Int32] = [0, 0]
        guard pipe(&input) == 0 else { throw POSIXError(.EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if !inheritStdin { posix_spawn_file_actions_adddup2(&actions, input[0], 0) }
        posix_spawn_file_actions_addclose(&actions, input[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environment =
            ProcessInfo.processInfo.environment.merging(overrides) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now()
        guard posix_spawn(&pid, path, &actions, nil, argv, environment) == 0 else { throw POSIXError(.ENOEXEC) }
        close(input[0])
        if let stdin {
            let bytes = Array(stdin.utf8)
            _ = bytes.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) }
        }
        close(input[1])
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        return (Bench.elapsed(start), Double(usage.ru_maxrss) / 1024, (status >> 8) & 0xff)
    }

    /// The rows of the table: the import, and sqlite3 `.import` of the same file.
    static func rows(lines: Int, clients: Int, directory: String) throws -> [Bench.Row] {
        let csv = "\(directory)/bench-import-\(lines).csv"
        let ledger = "\(directory)/bench-import-\(lines).sqlite"
        let bytes = try writeInvoiceCSV(to: csv, lines: lines, clients: clients)
        defer { try? FileManager.default.removeItem(atPath: csv) }
        var rows: [Bench.Row] = []
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("encaisse").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return [Bench.Row(operation: "import CSV", median: .nan, target: "< 15 s", note: "binaire encaisse absent (\(binary))")]
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ledger + suffix) }
        let result = try run(binary, ["import", csv, "--db", ledger, "--today", "2026-11-22"])
        let megabytes = Double(bytes) / 1_048_576
        rows.append(
            Bench.Row(
                operation: "import CSV de \(Bench.french(Double(lines), 0)) factures", median: result.ms, target: "< 15 s",
                note: String(
                    format: "%.0f\u{00A0}Mo, mémoire cible < 200\u{00A0}Mo, %@", megabytes,
                    result.status == 0 ? "code 0" : "ÉCHEC code \(result.status)"), memory: result.peakMB))
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: ledger + suffix) }
        if let sqlite = Bench.which("sqlite3") {
            let bare = "\(directory)/bench-import-bare.sqlite"
            try? FileManager.default.removeItem(atPath: bare)
            let script = """
                CREATE TABLE raw(number TEXT, client TEXT, issue TEXT, due TEXT, amount TEXT);
                .mode csv
                .separator ;
                .import --skip 1 \(csv) raw
                """
            let reference = try run(sqlite, [bare], stdin: script)
            try? FileManager.default.removeItem(atPath: bare)
            rows.append(
                Bench.Row(
                    operation: "  même fichier, sqlite3 .import", median: reference.ms, target: "référence",
                    note: "texte brut sans contrôle\u{202F}; import Encaisse / sqlite3 = \(Bench.french(result.ms / reference.ms, 1))",
                    memory: reference.peakMB))
        }
        return rows
    }
}
