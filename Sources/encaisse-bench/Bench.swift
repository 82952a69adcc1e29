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
        /// Peak resident memory during the row's runs, MiB (a child process's own for the rows
        /// that run one).
        var memory: Double? = nil
    }

    nonisolated static func main() throws {
        let arguments = CommandLine.arguments
        if arguments.count > 3, arguments[1] == "--measure-child" {
            try ImportBench.measureChild(Array(arguments.dropFirst(2)))
            return
        }
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
            let runs = try (0..<15).map { _ in
                try ImportBench.run(
                    binary, ["--demo", "--today", "2026-11-22"], stdin: "qui est en retard ?\n", environment: ["NO_COLOR": "1"])
            }
            rows.append(
                Row(
                    operation: "pipe : « qui est en retard ? » (démo, processus complet)", median: median(runs.map(\.ms)),
                    target: "< 50 ms",
                    note: "15 lancements", memory: runs.map(\.peakMB).max()))
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
            generation = "généré en \(french(Date().timeIntervalSince(start), 1))\u{00A0}s"
        }
        Memory.resetPeak()
        let database = try AppDatabase.openFile(at: ledgerPath)
        let counts = try database.ledgerCounts()
        let openStart = Date()
        let assistant = try Assistant(database: database, today: today)
        let openTime = Date().timeIntervalSince(openStart) * 1000
        rows.append(
            Row(
                operation: "ouverture + index des \(french(Double(counts.clients), 0)) noms", median: openTime, target: "",
                note: generation,
                memory: Memory.peakMiB()))

        /// Runs the sqlite3 CLI on the ledger: median wall time and the CLI's own peak memory.
        func sqliteReference(_ sql: String, runs: Int) throws -> (median: Double, memory: Double)? {
            guard let sqlite = which("sqlite3") else { return nil }
            let results = try (0..<runs).map { _ in try ImportBench.run(sqlite, ["-readonly", ledgerPath, sql]) }
            return (median(results.map(\.ms)), results.map(\.peakMB).max() ?? .nan)
        }

        // Overdue top 20, in process and by the sqlite3 CLI on the same file.
        if selected("overdue.list") {
            var top20 = Entities()
            top20.limit = 20
            let overdue = try timed(15) { _ in _ = try assistant.perform(.overdueList, top20) }
            let overdueMedian = overdue.median
            rows.append(
                Row(
                    operation: "overdue.list top 20", median: overdueMedian, target: "< 100 ms",
                    note: "assistant complet (requête + texte)",
                    memory: overdue.memory))
            let sql = """
                SELECT c.id, c.code, c.name, t.overdue, t.disputed, t.invoices, t.oldest_due FROM (SELECT client_id, SUM(outstanding_cents) AS overdue, \
                SUM(CASE WHEN disputed THEN outstanding_cents ELSE 0 END) AS disputed, COUNT(*) AS invoices, MIN(due_day) AS oldest_due \
                FROM invoice WHERE outstanding_cents > 0 AND due_day <= '2026-11-21' GROUP BY client_id) AS t JOIN client c ON c.id = t.client_id \
                WHERE t.overdue >= 1 ORDER BY t.overdue DESC, t.oldest_due ASC, c.name ASC LIMIT 20;
                """
            if let reference = try sqliteReference(sql, runs: 15) {
                rows.append(
                    Row(
                        operation: "  même requête, sqlite3 CLI (processus)", median: reference.median, target: "référence",
                        note: "rapport Encaisse / sqlite3 = \(french(overdueMedian / reference.median, 2)) (cible ≤ 2)",
                        memory: reference.memory))
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
            var note = ""
            Memory.resetPeak()
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now()
                note = try body()
                times.append(elapsed(start))
            }
            let measured = (median: median(times), memory: Memory.peakMiB())
            rows.append(Row(operation: operation, median: measured.median, target: "< 300 ms", note: note, memory: measured.memory))
            guard let reference = try sqliteReference(sql, runs: runs) else {
                rows.append(Row(operation: "  même SQL, sqlite3 CLI", median: .nan, target: "référence", note: "sqlite3 absent"))
                return
            }
            rows.append(
                Row(
                    operation: "  même SQL, sqlite3 CLI (processus)", median: reference.median, target: "référence",
                    note: "rapport Encaisse / sqlite3 = \(french(measured.median / reference.median, 2)) (cible ≤ 2)",
                    memory: reference.memory))
        }
        try report("aging.report (SQL)", runs: 9, sql: ReportSQL.aging(asOf: today)) {
            "\(french(Double(try database.agingRows(asOf: today).count), 0)) clients, 5 tranches (index invoice_open)"
        }
        let delaysSince = yearAgo.adding(days: 1)
        let dsoSQL = [ReportSQL.outstanding(clientID: nil, asOf: today), ReportSQL.monthlyTotals(from: delaysSince, to: today)]
        try report("DSO inputs", runs: 7, sql: dsoSQL.joined(separator: "\n")) {
            _ = try database.outstanding(clientID: nil, asOf: today)
            let months = try database.salesByMonth(clientID: nil, from: delaysSince, to: today).count
            let paid = try database.paidDelayTotals(clientID: nil, from: delaysSince, to: today).count
            return "encours + ventes de \(months) mois + délais de \(french(Double(paid), 0)) factures (totaux mensuels)"
        }
        try report("risk inputs", runs: 7, sql: ReportSQL.riskInputs(asOf: today)) {
            "\(french(Double(try database.riskInputs(asOf: today).count), 0)) clients"
        }
        try report("forecast inputs", runs: 9, sql: ReportSQL.forecastInputs(asOf: today)) {
            let inputs = try database.forecastInputs(asOf: today)
            return
                "\(french(Double(inputs.open.count), 0)) échéances (client, jour), \(inputs.plans.count) + \(inputs.promises.count) plans/promesses"
        }
        try report("client shares (concentration)", runs: 7, sql: ReportSQL.clientShares(from: yearAgo, to: today)) {
            "\(french(Double(try database.clientShares(from: yearAgo, to: today).count), 0)) clients"
        }

        // The whole operations, SQL and Swift, as a user gets them (median of 5).
        for (intent, label) in [
            (IntentID.agingReport, "aging.report"), (.kpiDSO, "kpi.dso"), (.riskList, "risk.list"), (.forecastCash, "forecast.cash"),
            (.riskConcentration, "risk.concentration"),
        ] where selected("\(label) (opération complète)") {
            let measured = try timed(5) { _ in _ = try assistant.perform(intent, Entities()) }
            rows.append(
                Row(
                    operation: "\(label) (opération complète)", median: measured.median, target: "< 300 ms",
                    note: "requêtes + calcul + texte",
                    memory: measured.memory))
        }

        // Every other operation, on clients spread over the ledger (those with overdue invoices
        // for the dunning, penalty and plan ones). Writes are undone at once, each undo timed too,
        // so that the file is left as it was.
        let names = try database.clientNames()
        let spread = stride(from: 0, to: names.count, by: max(1, names.count / 40)).map {
            ClientReference(id: names[$0].id, name: names[$0].name)
        }
        var top200 = Entities()
        top200.limit = 200
        let overdueClients =
            (try assistant.perform(.overdueList, top200).data as? OverdueData)?.rows.enumerated()
            .filter { $0.offset % 8 == 0 }.map(\.element.client) ?? []
        func forClient(_ client: ClientReference, _ build: (inout Entities) -> Void = { _ in }) -> Entities {
            var entities = Entities()
            entities.client = client
            build(&entities)
            return entities
        }
        var undoTimes: [Double] = []
        /// An operation run once per client of `clients` (median over them, peak memory); a
        /// write is undone at once, the undo timed apart.
        func perClient(
            _ label: String, _ intent: IntentID, on clients: [ClientReference], target: String = "", note: String = "",
            undone: Bool = false, _ build: @escaping (ClientReference, inout Entities) throws -> Void = { _, _ in }
        ) throws {
            guard selected(label), !clients.isEmpty else { return }
            Memory.resetPeak()
            var times: [Double] = []
            for client in clients {
                var entities = forClient(client)
                try build(client, &entities)
                if intent == .clientAdd { entities.client = nil }
                let start = DispatchTime.now()
                _ = try assistant.perform(intent, entities)
                times.append(elapsed(start))
                guard undone else { continue }
                let undoStart = DispatchTime.now()
                _ = try assistant.perform(.undo, Entities())
                undoTimes.append(elapsed(undoStart))
            }
            let defaultNote = undone ? "\(clients.count) écritures, chacune annulée" : "\(clients.count) clients"
            rows.append(
                Row(
                    operation: label, median: median(times), target: target, note: note.isEmpty ? defaultNote : note,
                    memory: Memory.peakMiB()))
        }
        func write(
            _ label: String, _ intent: IntentID, on clients: [ClientReference], target: String = "",
            _ build: @escaping (ClientReference, inout Entities) throws -> Void = { _, _ in }
        ) throws {
            try perClient(label, intent, on: clients, target: target, undone: true, build)
        }
        func openInvoice(of client: ClientReference) throws -> String {
            guard let id = client.id, let invoice = try database.openInvoices(clientID: id).first(where: { !$0.disputed }) else {
                return "F-0"
            }
            return invoice.number
        }

        // Reads of one client.
        try perClient("client.balance", .clientBalance, on: spread)
        try perClient("client.show (fiche)", .clientShow, on: spread)
        try perClient("invoice.list (un client)", .invoiceList, on: spread)
        try perClient("risk.score", .riskScore, on: spread)
        try perClient("penalty.compute", .penaltyCompute, on: overdueClients, note: "\(overdueClients.count) clients en retard")
        try perClient("escalation.advise", .escalationAdvise, on: overdueClients, note: "\(overdueClients.count) clients en retard")
        try perClient("reminder.draft", .reminderDraft, on: overdueClients, note: "\(overdueClients.count) clients, pénalités comprises")
        try perClient("plan.propose en 4 fois", .planPropose, on: overdueClients, note: "avec le document à signer") { _, entities in
            entities.installments = 4
        }
        try perClient("plan.show", .planShow, on: spread)

        // Reads of the whole ledger.
        func whole(_ label: String, _ intent: IntentID, runs: Int, target: String = "", _ build: (inout Entities) -> Void = { _ in }) throws
            -> Reply?
        {
            guard selected(label) else { return nil }
            var entities = Entities()
            build(&entities)
            var reply: Reply?
            Memory.resetPeak()
            var times: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now()
                reply = try assistant.perform(intent, entities)
                times.append(elapsed(start))
            }
            let measured = (median: median(times), memory: Memory.peakMiB())
            rows.append(Row(operation: label, median: measured.median, target: target, note: "", memory: measured.memory))
            return reply
        }
        _ = try whole("client.list (50 premiers)", .clientList, runs: 7) { $0.limit = 50 }
        _ = try whole("invoice.list en retard (50 premières)", .invoiceList, runs: 7) {
            $0.status = "overdue"
            $0.limit = 50
        }
        if let reply = try whole("reminder.due (tout le registre)", .reminderDue, runs: 5) {
            rows[rows.count - 1].note = "\(french(Double((reply.data as? ReminderDueData)?.count ?? 0), 0)) relances à faire"
        }
        let exportDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("encaisse-bench-\(getpid())")
        try FileManager.default.createDirectory(at: exportDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: exportDirectory) }
        if let reply = try whole(
            "data.export balance âgée (CSV)", .dataExport, runs: 3,
            { entities in
                entities.report = "aging.report"
                entities.file = exportDirectory.appendingPathComponent("balance.csv").path
            })
        {
            rows[rows.count - 1].note = "\(french(Double((reply.data as? ExportData)?.rows ?? 0), 0)) lignes écrites"
        }
        if let reply = try whole(
            "data.export factures en retard (CSV)", .dataExport, runs: 3,
            { entities in
                entities.report = "invoice.list"
                entities.status = "overdue"
                entities.file = exportDirectory.appendingPathComponent("factures.csv").path
            })
        {
            rows[rows.count - 1].note = "\(french(Double((reply.data as? ExportData)?.rows ?? 0), 0)) lignes écrites"
        }

        // Writes, each one transaction, journaled, then undone.
        let writeClients = Array(spread.prefix(20))
        var invoiceSerial = 0
        try write("client.add", .clientAdd, on: writeClients) { client, entities in
            entities.name = "Banc \(client.name) \(getpid())"
            entities.email = "compta@banc.fr"
        }
        try write("client.update (email)", .clientUpdate, on: writeClients) { _, entities in entities.email = "relances@banc.fr" }
        try write("invoice.add", .invoiceAdd, on: writeClients) { _, entities in
            invoiceSerial += 1
            entities.invoice = "BANC-\(getpid())-\(invoiceSerial)"
            entities.amount = Money(euros: 1_500)
            entities.termsDays = 30
        }
        try write("payment.record", .paymentRecord, on: writeClients, target: "< 5 ms") { _, entities in
            entities.amount = Money(euros: 123, cents: 45)
        }
        try write("promise.record", .promiseRecord, on: overdueClients) { _, entities in
            entities.amount = Money(euros: 500)
            entities.date = today.adding(days: 10)
        }
        try write("interaction.log", .interactionLog, on: writeClients) { _, entities in entities.note = "Appel au service comptable" }
        let disputable = try overdueClients.filter { try openInvoice(of: $0) != "F-0" }
        try write("dispute.open", .disputeOpen, on: disputable) { client, entities in entities.invoice = try openInvoice(of: client) }
        // Closing a dispute: opened first (not timed), closed (timed), both undone.
        if selected("dispute.close") {
            Memory.resetPeak()
            var times: [Double] = []
            for client in disputable {
                var entities = forClient(client)
                entities.invoice = try openInvoice(of: client)
                _ = try assistant.perform(.disputeOpen, entities)
                let start = DispatchTime.now()
                _ = try assistant.perform(.disputeClose, entities)
                times.append(elapsed(start))
                _ = try assistant.perform(.undo, Entities())
                _ = try assistant.perform(.undo, Entities())
            }
            rows.append(
                Row(
                    operation: "dispute.close", median: median(times), target: "",
                    note: "\(times.count) litiges ouverts puis clos, annulés",
                    memory: Memory.peakMiB()))
        }
        try write("reminder.sent", .reminderSent, on: overdueClients) { _, entities in
            entities.level = "reminder1"
            entities.channel = "email"
        }
        try write("plan.accept en 4 fois", .planAccept, on: overdueClients) { _, entities in entities.installments = 4 }
        if !undoTimes.isEmpty {
            rows.append(
                Row(
                    operation: "undo", median: median(undoTimes), target: "", note: "\(undoTimes.count) annulations des écritures ci-dessus"
                ))
        }

        // Parsing with every client name loaded.
        let sentences = [
            "combien me doit \(names[names.count / 2].name) ?", "qui me doit plus de 1 000 € depuis plus de 30 jours ?",
            "Dupont a payé 1 200,50 € hier par virement", "factures en retard de \(names[names.count / 3].name)",
            "c koi l'encours de la boulangerie", "nouvelle facture F-2026-101 pour Dupont de 1 500 € à 30 jours",
        ]
        // A whole question in process: parse, run, French reply (the pipe row adds process start).
        if selected("ask") {
            let questions = ["combien me doit \(names[names.count / 2].name) ?", "fiche \(names[names.count / 5].name)", "aide"]
            let measured = try timed(30) { run in _ = try assistant.ask(questions[run % questions.count]) }
            rows.append(
                Row(
                    operation: "ask : question → réponse (solde, fiche, aide)", median: measured.median, target: "",
                    note: "analyse + opération + texte", memory: measured.memory))
        }
        if selected("extract") {
            let text = "Dupont a payé 1 200,50 € le 15 mars, solde sous huitaine, reste 3 échéances de deux mille euros"
            let measured = timed(2_000) { _ in _ = EntityExtractor.entities(in: text, today: today) }
            rows.append(
                Row(
                    operation: "extract (méthode RPC : dates, montants, durées)", median: measured.median, target: "",
                    note: "\(EntityExtractor.entities(in: text, today: today).count) entités dans une phrase", memory: measured.memory))
        }
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
        let parseCount = profileParseOnly ? 60_000 : selected("parse") ? 6_000 : 0
        Memory.resetPeak()
        var bestRound = Double.infinity
        for _ in 0..<5 {
            let parseStart = DispatchTime.now()
            for index in 0..<parseCount { _ = assistant.parse(sentences[index % sentences.count]) }
            bestRound = min(bestRound, elapsed(parseStart))
        }
        if parseCount > 0 {
            rows.append(
                Row(
                    operation: "parse d’une phrase (\(french(Double(counts.clients), 0)) noms chargés)",
                    median: bestRound / Double(parseCount),
                    target: "> 20 000/s",
                    note:
                        "\(french(Double(parseCount) / (bestRound / 1000), 0)) phrases/s sur un cœur (meilleur de 5 × \(french(Double(parseCount), 0)))",
                    memory: Memory.peakMiB()))
        }

        // Importing a CSV of invoices with the real binary, next to sqlite3 .import (`--no-import` skips it).
        if !profileParseOnly && !arguments.contains("--no-import") && selected("import") {
            rows += try ImportBench.rows(lines: option("--import-lines", 1_000_000), clients: clients, directory: binDirectory.path)
        }

        // A full run writes BENCHMARKS.md in the current folder (the package root under `swift
        // run`), or where `--markdown FILE` says; `--no-markdown` prints only.
        let markdown =
            arguments.contains("--no-markdown") || profileParseOnly || only != nil
            ? nil : arguments.firstIndex(of: "--markdown").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } ?? "BENCHMARKS.md"
        printTable(rows, counts: counts, ledgerPath: ledgerPath, markdown: markdown)
    }

    /// Prints the table of `rows`, with the peak memory of this process and of its children,
    /// and writes it with the machine and the commands to `markdown` (BENCHMARKS.md) if given.
    static func printTable(
        _ rows: [Row], counts: (clients: Int, invoices: Int, payments: Int), ledgerPath: String, markdown: String? = nil
    ) {
        // The rows' own peaks (getrusage's maximum is lowered by the resets between rows).
        let peak =
            rows.filter { !$0.operation.hasPrefix("  ") && !$0.operation.hasPrefix("pipe") && !$0.operation.hasPrefix("import") }
            .compactMap(\.memory).max() ?? .nan
        let children =
            rows.filter { $0.operation.hasPrefix("  ") || $0.operation.hasPrefix("pipe") || $0.operation.hasPrefix("import") }
            .compactMap(\.memory).max() ?? .nan
        let title =
            "registre de \(french(Double(counts.invoices), 0)) factures, \(french(Double(counts.clients), 0)) clients, \(french(Double(counts.payments), 0)) paiements"
        print("Encaisse — banc d’essai (release), \(title)")
        print("Fichier : \(ledgerPath)\n")
        func milliseconds(_ value: Double) -> String { value.isNaN ? "—" : "\(french(value, 2))\u{00A0}ms" }
        func mebibytes(_ value: Double?) -> String { value.map { "\(french($0, 0))\u{00A0}Mo" } ?? "—" }
        let width = rows.map(\.operation.count).max() ?? 40
        print("  " + "Opération".padding(toLength: width, withPad: " ", startingAt: 0) + "     Médiane  Cible       Mémoire  Note")
        for row in rows {
            let value = milliseconds(row.median)
            print(
                "  " + row.operation.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + String(repeating: " ", count: max(0, 10 - value.count)) + value + "  "
                    + row.target.padding(toLength: 11, withPad: " ", startingAt: 0) + " "
                    + String(repeating: " ", count: max(0, 7 - mebibytes(row.memory).count)) + mebibytes(row.memory) + "  " + row.note)
        }
        let summary =
            "Mémoire maximale\u{00A0}: \(mebibytes(peak)) (ce processus, cible < 100\u{00A0}Mo)\u{202F}; \(mebibytes(children)) (processus lancés)"
        print("\n  " + summary)
        guard let markdown else { return }
        var text = """
            # Banc d’essai d’Encaisse

            Écrit par `encaisse-bench` le \(Machine.date)\u{202F}; \(title). Ne pas modifier à la
            main\u{00A0}: relancer le banc (commandes ci-dessous) le réécrit.

            ## Machine

            \(Machine.description.map { "- \($0)" }.joined(separator: "\n"))

            ## Commandes

            ```
            swift build -c release
            swift run -c release encaisse-bench\(CommandLine.arguments.dropFirst().map { " " + $0 }.joined())
            ```

            Le registre généré (1 000 000 de factures, 50 000 clients par défaut) est gardé à côté
            du binaire et réutilisé\u{202F}; `--regenerate` le refait. Chaque ligne est la médiane de
            plusieurs exécutions dans le même processus, sauf les lignes « processus », qui lancent
            un programme (le binaire `encaisse`, le client `sqlite3`) et en mesurent le temps réel.
            La colonne Mémoire est le pic de mémoire résidente pendant l’opération (`VmHWM`, remis
            à zéro avant chaque ligne), ou celui du processus lancé. La référence sqlite3 exécute
            la même requête SQL sur le même fichier, dans le même passage\u{00A0}: le rapport
            Encaisse / sqlite3 est dans la note. Les lignes « ↳ » sont la référence de la ligne
            qui les précède.

            ## Résultats

            | Opération | Médiane | Cible | Mémoire | Note |
            |---|--:|---|--:|---|

            """
        for row in rows {
            let cells = [
                row.operation.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "|", with: "\\|"), milliseconds(row.median),
                row.target, mebibytes(row.memory), row.note.replacingOccurrences(of: "|", with: "\\|"),
            ]
            text += "| " + (row.operation.hasPrefix("  ") ? "↳ " : "") + cells.joined(separator: " | ") + " |\n"
        }
        text += "\n\(summary).\n"
        do {
            try text.write(toFile: markdown, atomically: true, encoding: .utf8)
            print("  Écrit dans \(markdown)")
        } catch {
            FileHandle.standardError.write(Data("Impossible d’écrire \(markdown) : \(error.localizedDescription)\n".utf8))
        }
    }

    /// Times `runs` calls of `body` (median), with the peak memory they reached.
    static func timed(_ runs: Int, _ body: (Int) throws -> Void) rethrows -> (median: Double, memory: Double?) {
        Memory.resetPeak()
        var times: [Double] = []
        for run in 0..<runs {
            let start = DispatchTime.now()
            try body(run)
            times.append(elapsed(start))
        }
        return (median(times), Memory.peakMiB())
    }

    /// A figure in French: "10 403,49" (thin no-break space between thousands, decimal comma).
    static func french(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".")
        var integer = String(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "\u{202F}" + integer.suffix(3) + grouped
            integer = String(integer.dropLast(3))
        }
        grouped = (value < 0 ? "-" : "") + integer + grouped
        return parts.count > 1 ? grouped + "," + parts[1] : grouped
    }

    static func elapsed(_ start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func which(_ tool: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
