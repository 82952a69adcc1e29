import AssistantCore
import Foundation
import FrenchParsing
import Persistence
import Receivables

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `swift run -c release encaisse-bench [--clients N] [--invoices M] [--regenerate] [--profile-parse] [--report-sql]`
///
/// Measures what users wait for and prints a table: the pipe-mode answer of the real binary
/// on the demo ledger, and on a generated ledger of a million invoices the overdue top 20
/// (next to the same query run by the sqlite3 CLI on the same file, in the same run), a
/// client balance, recording a payment, and parsing one sentence with every client name
/// loaded, and the report reads of issue 7 (aging, DSO, risk, forecast, concentration), each
/// next to the same SQL run by the sqlite3 CLI. Speed is measured here, never by a timed test.
@main
struct Bench {
    struct Row {
        var operation: String
        var median: Double  // milliseconds
        var target: String
        var note: String
    }

    static func main() throws {
        let arguments = CommandLine.arguments
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else {
                return fallback
            }
            return value
        }
        // `--only TEXT`: only the rows whose operation contains TEXT (the ledger's rows and reports).
        let only = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        func selected(_ operation: String) -> Bool { only.map { operation.contains($0) } ?? true }
        let clients = option("--clients", 50_000)
        let invoices = option("--invoices", 1_000_000)
        let today = Day(year: 2026, month: 11, day: 22)!
        let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let ledgerPath = binDirectory.appendingPathComponent("bench-\(clients)-\(invoices).sqlite").path
        var rows: [Row] = []

        // `--profile-parse`: timings per sentence and a long parse loop, for a profiler
        // (`perf record ./encaisse-bench --profile-parse`).
        let profileParseOnly = arguments.contains("--profile-parse")

        // `--report-sql`: print the SQL of the report rows (for EXPLAIN QUERY PLAN in sqlite3) and stop.
        if arguments.contains("--report-sql") {
            let yearAgo = today.adding(months: -12)
            print(ReportSQL.aging(asOf: today))
            print(ReportSQL.outstanding(clientID: nil, asOf: today))
            print(ReportSQL.salesByMonth(clientID: nil, from: today.firstOfMonth.adding(months: -11), to: today))
            print(ReportSQL.paymentDelayByClient(since: yearAgo.adding(days: 1), asOf: today))
            print(ReportSQL.riskInputs(asOf: today))
            print(ReportSQL.forecastInputs(asOf: today))
            print(ReportSQL.clientShares(from: yearAgo, to: today))
            return
        }

        // `--import-only`: just the import of a generated CSV (`--import-lines N`), next to sqlite3.
        if arguments.contains("--import-only") {
            let importRows = try ImportBench.rows(
                lines: option("--import-lines", 1_000_000), clients: clients, directory: binDirectory.path)
            for row in importRows {
                print(String(format: "%@  %10.0f ms  %@  %@", row.operation, row.median, row.target, row.note))
            }
            return
        }

        // 1. The real binary in pipe mode on the demo ledger: process start to answer.
        let binary = binDirectory.appendingPathComponent("encaisse").path
        if profileParseOnly || !selected("pipe") {
        } else if FileManager.default.isExecutableFile(atPath: binary) {
            let times = try (0..<15).map { _ in
                try timeProcess(binary, ["--demo", "--today", "2026-11-22"], stdin: "qui est en retard ?\n")
            }
            rows.append(
                Row(
                    operation: "pipe : « qui est en retard ? » (démo, processus complet)", median: median(times), target: "< 50 ms",
                    note: "15 lancements"))
        } else {
            rows.append(
                Row(
                    operation: "pipe : « qui est en retard ? » (démo)", median: .nan, target: "< 50 ms",
                    note: "binaire absent : swift build -c release"))
        }

        // 2. The generated ledger, made once and kept next to the binary.
        if arguments.contains("--regenerate") { try? FileManager.default.removeItem(atPath: ledgerPath) }
        var generation = "réutilisé"
        if !FileManager.default.fileExists(atPath: ledgerPath) {
            let start = Date()
            let database = try AppDatabase.openFile(at: ledgerPath)
            try database.loadDemo(DemoLedger(today: today, clientCount: clients, invoiceCount: invoices)) { done, total in
                if isatty(2) == 1 {
                    FileHandle.standardError.write(Data("\rGénération du registre : \(done * 100 / max(1, total)) %".utf8))
                }
            }
            if isatty(2) == 1 { FileHandle.standardError.write(Data("\n".utf8)) }
            generation = String(format: "généré en %.1f s", Date().timeIntervalSince(start))
        }
        let database = try AppDatabase.openFile(at: ledgerPath)
        let counts = try database.ledgerCounts()
        let openStart = Date()
        let assistant = try Assistant(database: database, today: today)
        let openTime = Date().timeIntervalSince(openStart) * 1000
        rows.append(Row(operation: "ouverture + index des \(counts.clients) noms", median: openTime, target: "", note: generation))

        // Overdue top 20, in process and by the sqlite3 CLI on the same file.
        var overdue: [Double] = []
        for _ in 0..<(selected("overdue.list") ? 15 : 0) {
            let start = DispatchTime.now()
            _ = try assistant.perform(
                .overdueList,
                {
                    var e = Entities(); e.limit = 20; return e
                }())
            overdue.append(elapsed(start))
        }
        let overdueMedian = median(overdue)
        if selected("overdue.list") {
            rows.append(
                Row(
                    operation: "overdue.list top 20", median: overdueMedian, target: "< 100 ms", note: "assistant complet (requête + texte)"
                ))
            let sql = """
                SELECT c.id, c.code, c.name, t.overdue, t.disputed, t.invoices, t.oldest_due FROM (SELECT client_id, SUM(outstanding_cents) AS overdue, \
                SUM(CASE WHEN disputed THEN outstanding_cents ELSE 0 END) AS disputed, COUNT(*) AS invoices, MIN(due_day) AS oldest_due \
                FROM invoice WHERE outstanding_cents > 0 AND due_day <= '2026-11-21' GROUP BY client_id) AS t JOIN client c ON c.id = t.client_id \
                WHERE t.overdue >= 1 ORDER BY t.overdue DESC, t.oldest_due ASC, c.name ASC LIMIT 20;
                """
            if let sqlite = which("sqlite3") {
                let reference = try (0..<15).map { _ in try timeProcess(sqlite, ["-readonly", ledgerPath, sql], stdin: "") }
                let referenceMedian = median(reference)
                rows.append(
                    Row(
                        operation: "  même requête, sqlite3 CLI (processus)", median: referenceMedian, target: "référence",
                        note: String(format: "rapport Encaisse / sqlite3 = %.2f (cible ≤ 2)", overdueMedian / referenceMedian)))
            } else {
                rows.append(
                    Row(
                        operation: "  même requête, sqlite3 CLI", median: .nan, target: "référence",
                        note: "sqlite3 absent (apt-get install sqlite3)"))
            }
        }

        // The report reads of issue 7, each timed in process (median) next to the very same SQL
        // run by the sqlite3 CLI on the same file (`ReportSQL`: the SQL with its values written in).
        let yearAgo = today.adding(months: -12)
        /// Times `body` (which returns the row's note), then the same SQL through the CLI.
        func report(_ operation: String, runs: Int, sql: String, _ body: () throws -> String) throws {
            guard selected(operation) else { return }
            var times: [Double] = []
            var note = ""
            for _ in 0..<runs {
                let start = DispatchTime.now()
                note = try body()
                times.append(elapsed(start))
            }
            let inProcess = median(times)
            rows.append(Row(operation: operation, median: inProcess, target: "< 300 ms", note: note))
            guard let sqlite = which("sqlite3") else {
                rows.append(Row(operation: "  même SQL, sqlite3 CLI", median: .nan, target: "référence", note: "sqlite3 absent"))
                return
            }
            let reference = median(try (0..<runs).map { _ in try timeProcess(sqlite, ["-readonly", ledgerPath, sql], stdin: "") })
            rows.append(
                Row(
                    operation: "  même SQL, sqlite3 CLI (processus)", median: reference, target: "référence",
                    note: String(format: "rapport Encaisse / sqlite3 = %.2f (cible ≤ 2)", inProcess / reference)))
        }
        try report("aging.report (SQL)", runs: 9, sql: ReportSQL.aging(asOf: today)) {
            "\(try database.agingRows(asOf: today).count) clients, 5 tranches (index invoice_open)"
        }
        let delaysSince = yearAgo.adding(days: 1)
        let dsoSQL = [ReportSQL.outstanding(clientID: nil, asOf: today), ReportSQL.monthlyTotals(from: delaysSince, to: today)]
        try report("DSO inputs", runs: 7, sql: dsoSQL.joined(separator: "\n")) {
            _ = try database.outstanding(clientID: nil, asOf: today)
            let months = try database.salesByMonth(clientID: nil, from: delaysSince, to: today).count
            let paid = try database.paidDelayTotals(clientID: nil, from: delaysSince, to: today).count
            return "encours + ventes de \(months) mois + délais de \(paid) factures (totaux mensuels)"
        }
        try report("risk inputs", runs: 7, sql: ReportSQL.riskInputs(asOf: today)) {
            "\(try database.riskInputs(asOf: today).count) clients, une requête"
        }
        try report("forecast inputs", runs: 9, sql: ReportSQL.forecastInputs(asOf: today)) {
            let inputs = try database.forecastInputs(asOf: today)
            return "\(inputs.open.count) échéances (client, jour), \(inputs.plans.count) + \(inputs.promises.count) plans/promesses"
        }
        try report("client shares (concentration)", runs: 7, sql: ReportSQL.clientShares(from: yearAgo, to: today)) {
            "\(try database.clientShares(from: yearAgo, to: today).count) clients"
        }

        // The whole operations, SQL and Swift, as a user gets them (median of 5).
        for (intent, label) in [
            (IntentID.agingReport, "aging.report"), (.kpiDSO, "kpi.dso"), (.riskList, "risk.list"), (.forecastCash, "forecast.cash"),
            (.riskConcentration, "risk.concentration"),
        ] where selected("\(label) (opération complète)") {
            var times: [Double] = []
            for _ in 0..<5 {
                let start = DispatchTime.now()
                _ = try assistant.perform(intent, Entities())
                times.append(elapsed(start))
            }
            rows.append(
                Row(
                    operation: "\(label) (opération complète)", median: median(times), target: "< 300 ms", note: "requêtes + calcul + texte"
                ))
        }

        if only != nil {
            printTable(rows, counts: counts, ledgerPath: ledgerPath)
            return
        }

        // Client balance for clients spread over the ledger.
        let names = try database.clientNames()
        var balance: [Double] = []
        for index in stride(from: 0, to: names.count, by: max(1, names.count / 50)) {
            var entities = Entities()
            entities.client = ClientReference(id: names[index].id, name: names[index].name)
            let start = DispatchTime.now()
            _ = try assistant.perform(.clientBalance, entities)
            balance.append(elapsed(start))
        }
        rows.append(Row(operation: "client.balance", median: median(balance), target: "", note: "\(balance.count) clients"))

        // Recording a payment (one transaction, journaled), then undone to leave the file as it was.
        var payment: [Double] = []
        var undo: [Double] = []
        for index in stride(from: 7, to: names.count, by: max(1, names.count / 30)) {
            var entities = Entities()
            entities.client = ClientReference(id: names[index].id, name: names[index].name)
            entities.amount = Money(euros: 123, cents: 45)
            let start = DispatchTime.now()
            _ = try assistant.perform(.paymentRecord, entities)
            payment.append(elapsed(start))
            let undoStart = DispatchTime.now()
            _ = try assistant.perform(.undo, Entities())
            undo.append(elapsed(undoStart))
        }
        rows.append(
            Row(operation: "payment.record", median: median(payment), target: "< 5 ms", note: "\(payment.count) paiements, puis annulés"))
        rows.append(Row(operation: "undo", median: median(undo), target: "", note: ""))

        // The dunning run over the whole ledger, then drafts and plan proposals for clients spread over it.
        var dueRuns: [Double] = []
        var dueCount = 0
        for _ in 0..<5 {
            let start = DispatchTime.now()
            let reply = try assistant.perform(.reminderDue, Entities())
            dueRuns.append(elapsed(start))
            dueCount = (reply.data as? ReminderDueData)?.count ?? 0
        }
        rows.append(
            Row(operation: "reminder.due (tout le registre)", median: median(dueRuns), target: "", note: "\(dueCount) relances à faire"))
        var draftTimes: [Double] = []
        var planTimes: [Double] = []
        let overdueNames =
            (try assistant.perform(
                .overdueList,
                {
                    var e = Entities(); e.limit = 200; return e
                }()
            ).data as? OverdueData)?
            .rows.map(\.client) ?? []
        for client in overdueNames.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            var entities = Entities()
            entities.client = client
            var start = DispatchTime.now()
            _ = try assistant.perform(.reminderDraft, entities)
            draftTimes.append(elapsed(start))
            entities.installments = 4
            start = DispatchTime.now()
            _ = try assistant.perform(.planPropose, entities)
            planTimes.append(elapsed(start))
        }
        rows.append(
            Row(
                operation: "reminder.draft", median: median(draftTimes), target: "",
                note: "\(draftTimes.count) clients, pénalités comprises"))
        rows.append(Row(operation: "plan.propose en 4 fois", median: median(planTimes), target: "", note: "avec le document à signer"))

        // Parsing with every client name loaded.
        let sentences = [
            "combien me doit \(names[names.count / 2].name) ?", "qui me doit plus de 1 000 € depuis plus de 30 jours ?",
            "Dupont a payé 1 200,50 € hier par virement", "factures en retard de \(names[names.count / 3].name)",
            "c koi l'encours de la boulangerie", "nouvelle facture F-2026-101 pour Dupont de 1 500 € à 30 jours",
        ]
        if profileParseOnly {
            let probe = sentences[1]
            var start = DispatchTime.now()
            for _ in 0..<5000 { _ = TextNormalizer.tokenize(probe) }
            print(String(format: "%8.1f µs  tokenize", elapsed(start) / 5000 * 1000))
            let tokens = TextNormalizer.tokenize(probe)
            start = DispatchTime.now()
            for _ in 0..<5000 { _ = EntityExtractor.extract(tokens) }
            print(String(format: "%8.1f µs  extract", elapsed(start) / 5000 * 1000))
            let empty = FrenchParser(directory: ClientDirectory([]))
            start = DispatchTime.now()
            for _ in 0..<5000 { _ = empty.parse(probe, today: today) }
            print(String(format: "%8.1f µs  parse, no clients", elapsed(start) / 5000 * 1000))
            for sentence in sentences {
                let start = DispatchTime.now()
                for _ in 0..<2000 { _ = assistant.parse(sentence) }
                print(String(format: "%8.1f µs  ", elapsed(start) / 2000 * 1000) + sentence)
            }
        }
        // Throughput on one core: the best of five rounds (the least disturbed by the machine).
        let parseCount = profileParseOnly ? 60_000 : 6_000
        var bestRound = Double.infinity
        for _ in 0..<5 {
            let parseStart = DispatchTime.now()
            for index in 0..<parseCount { _ = assistant.parse(sentences[index % sentences.count]) }
            bestRound = min(bestRound, elapsed(parseStart))
        }
        rows.append(
            Row(
                operation: "parse d’une phrase (\(counts.clients) noms chargés)", median: bestRound / Double(parseCount),
                target: "> 20 000/s",
                note: String(format: "%.0f phrases/s sur un cœur (meilleur de 5 × %d)", Double(parseCount) / (bestRound / 1000), parseCount)
            ))

        // Importing a CSV of invoices with the real binary, next to sqlite3 .import (`--no-import` skips it).
        if !profileParseOnly && !arguments.contains("--no-import") {
            rows += try ImportBench.rows(lines: option("--import-lines", 1_000_000), clients: clients, directory: binDirectory.path)
        }

        printTable(rows, counts: counts, ledgerPath: ledgerPath)
    }

    /// Prints the table of `rows`, with the peak memory of this process and of its children.
    static func printTable(_ rows: [Row], counts: (clients: Int, invoices: Int, payments: Int), ledgerPath: String) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        var children = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &children)
        print(
            "Encaisse — banc d’essai (release), registre de \(counts.invoices) factures, \(counts.clients) clients, \(counts.payments) paiements"
        )
        print("Fichier : \(ledgerPath)\n")
        let width = rows.map(\.operation.count).max() ?? 40
        print("  " + "Opération".padding(toLength: width, withPad: " ", startingAt: 0) + "   Médiane     Cible       Note")
        for row in rows {
            let value = row.median.isNaN ? "—" : String(format: "%8.2f ms", row.median)
            print(
                "  " + row.operation.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + value.padding(toLength: 11, withPad: " ", startingAt: 0)
                    + " " + row.target.padding(toLength: 11, withPad: " ", startingAt: 0) + " " + row.note)
        }
        print(
            String(
                format: "\n  Mémoire maximale : %.1f Mo (ce processus, cible < 100 Mo) ; %.1f Mo (processus enfants)", peak,
                Double(children.ru_maxrss) / 1024))
    }

    static func elapsed(_ start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// Wall time of a whole process, from launch to exit, in milliseconds (`ImportBench.run`:
    /// posix_spawn and wait4 directly, so that no run loop or file-handle machinery is counted).
    static func timeProcess(_ path: String, _ arguments: [String], stdin: String) throws -> Double {
        try ImportBench.run(path, arguments, stdin: stdin, environment: ["NO_COLOR": "1"]).ms
    }

    static func which(_ tool: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
