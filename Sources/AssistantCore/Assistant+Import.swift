import Foundation
import FrenchParsing
import LedgerImport
import Persistence
import Receivables

/// What `data.import` did: the file as read, what the ledger gained, the refused lines and,
/// for a FEC, the balance of its receivable accounts next to what the ledger now shows.
public struct ImportData: Encodable, Sendable {
    public struct Issue: Encodable, Sendable {
        public var line: Int
        public var column: String?
        public var reason: String
    }

    /// A FEC's receivable balance per client, and the ledger's after the import.
    public struct FECBalance: Encodable, Sendable {
        public var code: String
        public var name: String
        public var file: Money
        public var ledger: Money
    }

    public var file: String
    public var kind: String
    public var encoding: String
    public var separator: String?
    /// Records read (data lines; a quoted field over several lines is one record).
    public var records: Int
    public var counts: ImportCounts
    public var issues: [Issue]
    /// Whether the ledger changed: false when refused (all or nothing) or when everything
    /// was already there.
    public var committed: Bool
    /// With `--skip-errors`: where the refused lines were written.
    public var errorReport: String?
    public var fecBalances: [FECBalance]?
    public var fecOpenBalance: Money?
}

/// Progress of long work: (done, total, message), `total` in the unit of `done` (bytes).
public typealias ProgressHandler = (Int, Int, String) -> Void

extension Assistant {
    /// The file kinds `data.import` reads.
    static let importKinds: [String: ImportKind] = [
        "clients": .clients, "client": .clients, "factures": .invoices, "invoices": .invoices, "facture": .invoices,
        "paiements": .payments, "payments": .payments, "reglements": .payments, "règlements": .payments, "fec": .fec,
    ]

    /// `data.import`: reads a CSV of clients, invoices or payments, or a FEC, into the ledger in
    /// one transaction. All or nothing unless `skipErrors`: then the good lines go in and the
    /// refused ones are written to a report next to the file. Re-importing a file adds nothing.
    public func importFile(
        _ path: String, kind requested: String? = nil, skipErrors: Bool = false, errorReport: String? = nil,
        progress: ProgressHandler? = nil
    ) throws -> Reply {
        let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        var kind: ImportKind? = nil
        if let requested, requested.lowercased() != "csv" {
            guard let known = Self.importKinds[requested.lowercased()] else {
                throw AssistantError.invalidValue(
                    field: "format", reason: "Type d’import «\u{00A0}\(requested)\u{00A0}» inconnu (clients, invoices, payments ou fec).")
            }
            kind = known
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw AssistantError.invalidValue(field: "file", reason: "Le fichier «\u{00A0}\(path)\u{00A0}» est introuvable.")
        }
        do {
            if kind == nil { kind = try ImportSniffer.sniffKind(url: url) }
            if kind == .fec {
                return try importFEC(url, name: path, skipErrors: skipErrors, errorReport: errorReport, progress: progress)
            }
            return try importCSV(url, name: path, kind: kind, skipErrors: skipErrors, errorReport: errorReport, progress: progress)
        } catch let error as ImportFileError {
            throw AssistantError.invalidValue(
                field: "file", reason: "Import impossible de «\u{00A0}\(path)\u{00A0}»\u{00A0}: \(error.message)")
        }
    }

    /// The refusal of an all-or-nothing import: every bad line (the first twenty shown).
    func refusal(_ issues: [ImportData.Issue], file: String) -> AssistantError {
        let shown = issues.prefix(20).map { issue in
            "– ligne \(issue.line)\(issue.column.map { ", colonne «\u{00A0}\($0)\u{00A0}»" } ?? "")\u{00A0}: \(issue.reason)"
        }
        let more = issues.count > 20 ? "\n… et \(issues.count - 20) autres." : ""
        let count = issues.count == 1 ? "une ligne est refusée" : "\(issues.count) lignes sont refusées"
        return .invalidValue(
            field: "file",
            reason: "Import de «\u{00A0}\(file)\u{00A0}» annulé, rien n’a été modifié\u{00A0}: \(count).\n" + shown.joined(separator: "\n")
                + more
                + "\nCorrigez le fichier, ou importez le reste avec --skip-errors (les lignes refusées sont alors écrites dans un rapport)."
        )
    }

    /// Throws the refusal when lines were refused and the import is all or nothing.
    private func checkAllOrNothing(_ issues: [ImportData.Issue], skipErrors: Bool, file: String) throws {
        if !issues.isEmpty && !skipErrors { throw ImportAbort(error: refusal(issues, file: file)) }
    }

    /// Thrown inside the import transaction to roll it back with the user's message.
    struct ImportAbort: Error { var error: AssistantError }

    // MARK: CSV

    private func importCSV(
        _ url: URL, name: String, kind: ImportKind?, skipErrors: Bool, errorReport: String?, progress: ProgressHandler?
    ) throws -> Reply {
        var reader = try CSVImportReader(url: url, kind: kind)
        let kindLabel = Self.frenchKind(reader.kind)
        progress?(0, reader.totalBytes, "Import de \(name)")
        var issues: [ImportData.Issue] = []
        var records = 0
        var occurrences: [String: Int] = [:]
        let reading = try settings().endOfMonthReading
        var lastReported = 0
        let counts: ImportCounts
        do {
            counts = try database.importing(
                action: "data.import", summary: "import de \(url.lastPathComponent) (\(kindLabel))", day: today, reading: reading,
                bulkLoad: reader.kind == .invoices
            ) { writer in
                while let next = reader.next() {
                    records += 1
                    if let progress, reader.bytesRead - lastReported >= max(reader.totalBytes / 100, 65_536) {
                        lastReported = reader.bytesRead
                        progress(reader.bytesRead, reader.totalBytes, "Import de \(name)")
                    }
                    switch next {
                    case .failure(let issue):
                        issues.append(.init(line: issue.line, column: issue.column, reason: issue.reason))
                    case .success(let record):
                        // After a refused line an all-or-nothing import only reads on, to list every error.
                        guard issues.isEmpty || skipErrors else { continue }
                        do {
                            try write(record, to: writer, occurrences: &occurrences)
                        } catch let conflict as ImportConflict {
                            issues.append(.init(line: record.line, column: nil, reason: conflict.reason))
                        }
                    }
                }
                try checkAllOrNothing(issues, skipErrors: skipErrors, file: name)
                return writer.counts
            }
        } catch let abort as ImportAbort {
            throw abort.error
        }
        progress?(reader.totalBytes, reader.totalBytes, "Import de \(name)")
        try reloadClients()
        let report = try writeErrorReport(issues, given: name, to: errorReport)
        let data = ImportData(
            file: name, kind: reader.kind.rawValue, encoding: reader.encodingName,
            separator: reader.separator == "\t" ? "tabulation" : String(reader.separator), records: records, counts: counts,
            issues: issues, committed: counts.clientsAdded + counts.invoicesAdded + counts.paymentsAdded > 0, errorReport: report,
            fecBalances: nil, fecOpenBalance: nil)
        return importReply(data)
    }

    /// One record of a CSV into the ledger.
    private func write(_ record: ImportRecord, to writer: ImportWriter, occurrences: inout [String: Int]) throws {
        switch record {
        case .client(let row):
            var terms: PaymentTerms? = nil
            if row.termsDays != nil || row.endOfMonth != nil {
                terms = PaymentTerms(days: row.termsDays ?? PaymentTerms.standard.days, endOfMonth: row.endOfMonth ?? false)
            }
            try writer.client(code: row.code, name: row.name, email: row.email, phone: row.phone, terms: terms, kind: row.kind)
        case .invoice(let row):
            let clientID = try writer.clientID(creatingIfNeeded: row.client)
            try writer.invoice(
                number: row.number, clientID: clientID, issue: row.issue, due: row.due, amount: row.amount, outstanding: row.outstanding)
        case .payment(let row):
            guard let clientID = writer.clientID(named: row.client) else {
                throw ImportConflict(
                    "client «\u{00A0}\(row.client)\u{00A0}» inconnu du registre (importez d’abord les clients ou les factures, ou écrivez son code)"
                )
            }
            // The same line twice in a file is two payments: its rank is part of its key.
            let base = ["csv", String(clientID), row.day.iso, String(row.amount.cents), row.invoice ?? "", row.reference ?? ""]
                .joined(separator: "|")
            let rank = occurrences[base, default: 0] + 1
            occurrences[base] = rank
            try writer.payment(
                key: base + "#\(rank)", clientID: clientID, day: row.day, amount: row.amount, method: row.method,
                invoiceNumber: row.invoice, note: row.reference)
        }
    }

    // MARK: FEC

    private func importFEC(
        _ url: URL, name: String, skipErrors: Bool, errorReport: String?, progress: ProgressHandler?
    ) throws -> Reply {
        let prefix = try settings().values["import.fec.accountPrefix"] ?? "411"
        progress?(0, 1, "Lecture du FEC \(name)")
        let fec = try FECLedger.read(url: url, accountPrefix: prefix)
        var issues = fec.issues.map { ImportData.Issue(line: $0.line, column: $0.column, reason: $0.reason) }
        let reading = try settings().endOfMonthReading
        let total = fec.invoices.count + fec.receipts.count
        var ids: [String: Int64] = [:]
        let counts: ImportCounts
        do {
            counts = try database.importing(
                action: "data.import", summary: "import du FEC \(url.lastPathComponent)", day: today, reading: reading,
                bulkLoad: true
            ) { writer in
                try checkAllOrNothing(issues, skipErrors: skipErrors, file: name)
                for client in fec.clients {
                    ids[client.code] = try writer.client(code: client.code, name: client.name).id
                }
                var done = 0
                for invoice in fec.invoices {
                    done += 1
                    if done % 1_000 == 0 { progress?(done, total, "Import du FEC \(name)") }
                    guard let clientID = ids[invoice.clientCode] else { continue }
                    do {
                        try writer.invoice(
                            number: invoice.number, clientID: clientID, issue: invoice.day, due: nil, amount: invoice.amount)
                    } catch let conflict as ImportConflict {
                        issues.append(.init(line: invoice.line, column: "PieceRef", reason: conflict.reason))
                    }
                }
                var settled: [Int: [(invoiceNumber: String, amount: Money)]] = [:]
                for settlement in fec.settlements {
                    settled[settlement.receipt, default: []].append((fec.invoices[settlement.invoice].number, settlement.amount))
                }
                var occurrences: [String: Int] = [:]
                for (index, receipt) in fec.receipts.enumerated() {
                    done += 1
                    if done % 1_000 == 0 { progress?(done, total, "Import du FEC \(name)") }
                    guard let clientID = ids[receipt.clientCode] else { continue }
                    let base = ["fec", receipt.clientCode, receipt.day.iso, String(receipt.amount.cents), receipt.reference ?? ""]
                        .joined(separator: "|")
                    let rank = occurrences[base, default: 0] + 1
                    occurrences[base] = rank
                    do {
                        try writer.settledPayment(
                            key: base + "#\(rank)", clientID: clientID, day: receipt.day, amount: receipt.amount,
                            method: receipt.isCreditNote ? nil : .transfer,
                            note: receipt.isCreditNote ? "avoir \(receipt.reference ?? "")" : receipt.reference,
                            allocations: settled[index] ?? [])
                    } catch let conflict as ImportConflict {
                        issues.append(.init(line: receipt.line, column: "EcritureLet", reason: conflict.reason))
                    }
                }
                try checkAllOrNothing(issues, skipErrors: skipErrors, file: name)
                return writer.counts
            }
        } catch let abort as ImportAbort {
            throw abort.error
        }
        progress?(total, total, "Import du FEC \(name)")
        try reloadClients()
        // The ledger's balance of each client of the file, next to the file's 411 balance.
        var balances: [ImportData.FECBalance] = []
        for client in fec.clients {
            guard let id = ids[client.code] else { continue }
            let position = try database.position(clientID: id, asOf: today)
            balances.append(
                .init(
                    code: client.code, name: client.name, file: fec.openBalanceByClient[client.code] ?? .zero,
                    ledger: position.outstanding - position.credit))
        }
        let report = try writeErrorReport(issues, given: name, to: errorReport)
        let data = ImportData(
            file: name, kind: "fec", encoding: fec.encodingName, separator: nil, records: fec.receivableLines,
            counts: counts, issues: issues, committed: counts.clientsAdded + counts.invoicesAdded + counts.paymentsAdded > 0,
            errorReport: report, fecBalances: balances, fecOpenBalance: fec.openBalance)
        return importReply(data)
    }

    // MARK: Reply

    static func frenchKind(_ kind: ImportKind) -> String {
        switch kind {
        case .clients: return "clients"
        case .invoices: return "factures"
        case .payments: return "paiements"
        case .fec: return "FEC"
        }
    }

    /// With skipped lines, a CSV of them (line; column; reason) beside the file, or where asked.
    private func writeErrorReport(_ issues: [ImportData.Issue], given: String, to path: String?) throws -> String? {
        guard !issues.isEmpty else { return nil }
        // Said as the user wrote the file's path, so that the reply does not depend on where it runs.
        let shown = path ?? ((given as NSString).deletingPathExtension + ".erreurs.csv")
        let target = URL(fileURLWithPath: (shown as NSString).expandingTildeInPath)
        let table = TextTable(
            columns: [.init("Ligne", .right), .init("Colonne"), .init("Motif")],
            rows: issues.map { [String($0.line), $0.column ?? "", $0.reason] })
        do {
            try Data(SpreadsheetCSV.render(table).utf8).write(to: target, options: .atomic)
        } catch {
            throw AssistantError.invalidValue(
                field: "file",
                reason:
                    "Le rapport des lignes refusées n’a pas pu être écrit dans «\u{00A0}\(target.path)\u{00A0}»\u{00A0}: \(error.localizedDescription)"
            )
        }
        return shown
    }

    func importReply(_ data: ImportData) -> Reply {
        let counts = data.counts
        func count(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }
        var added: [String] = []
        if counts.clientsAdded > 0 { added.append(count(counts.clientsAdded, "client", "clients")) }
        if counts.invoicesAdded > 0 {
            added.append(count(counts.invoicesAdded, "facture", "factures") + " pour \(counts.invoiced.formatted)")
        }
        if counts.paymentsAdded > 0 { added.append(count(counts.paymentsAdded, "paiement", "paiements")) }
        let already = counts.invoicesAlreadyPresent + counts.paymentsAlreadyPresent
        var alreadyParts: [String] = []
        if counts.invoicesAlreadyPresent > 0 { alreadyParts.append(count(counts.invoicesAlreadyPresent, "facture", "factures")) }
        if counts.paymentsAlreadyPresent > 0 { alreadyParts.append(count(counts.paymentsAlreadyPresent, "paiement", "paiements")) }
        var values: [String: Any] = [
            "file": data.file, "kind": data.kind == "fec" ? "FEC" : Self.frenchKind(ImportKind(rawValue: data.kind) ?? .invoices),
            "encoding": data.encoding, "separator": data.separator ?? "", "hasSeparator": data.separator != nil,
            "recordsText": data.kind == "fec"
                ? count(data.records, "écriture de compte client", "écritures de comptes clients") : count(data.records, "ligne", "lignes"),
            "manyRecords": data.records > 1,
            "added": added.joined(separator: ", "),
            "manyAdded": added.count > 1 || counts.invoicesAdded > 1 || counts.clientsAdded > 1
                || counts.paymentsAdded > 1,
            "hasPayments": counts.paymentsAdded > 0, "received": counts.received.formatted,
            "allocated": counts.allocated.formatted, "credit": counts.credit.formatted, "hasCredit": counts.credit.isPositive,
            "alreadyText": alreadyParts.joined(separator: " et "), "hasAlready": already > 0, "manyAlready": already > 1,
            "nothing": !data.committed, "committed": data.committed,
            "skippedText": count(data.issues.count, "ligne", "lignes"), "hasSkipped": !data.issues.isEmpty,
            "manySkipped": data.issues.count > 1, "report": data.errorReport ?? "", "hasReport": data.errorReport != nil,
        ]
        var blocks: [ReplyBlock] = []
        if let balances = data.fecBalances, let open = data.fecOpenBalance {
            let ledgerTotal = balances.reduce(Money.zero) { $0 + $1.ledger }
            values["fec"] = true
            values["fecOpen"] = open.formatted
            values["fecMatches"] = ledgerTotal == open && balances.allSatisfy { $0.file == $0.ledger }
            values["ledgerOpen"] = ledgerTotal.formatted
            blocks.append(.paragraph(say("data-import", values)))
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("Client"), .init("Solde 411 du FEC", .right), .init("Solde du registre", .right)],
                        rows: balances.map { [$0.name, $0.file.formatted, $0.ledger.formatted] })))
        } else {
            blocks.append(.paragraph(say("data-import", values)))
        }
        if !data.issues.isEmpty {
            blocks.append(
                .table(
                    TextTable(
                        columns: [.init("Ligne", .right), .init("Colonne"), .init("Motif")],
                        rows: data.issues.prefix(20).map { [String($0.line), $0.column ?? "—", $0.reason] })))
        }
        var entities = Entities()
        entities.file = data.file
        entities.format = data.kind
        return Reply(intent: .dataImport, entities: entities, blocks: blocks, data: data)
    }
}

extension Assistant {
    /// `data.import` from a sentence or an RPC call: the file named (relative to the current
    /// directory), its kind in `format` (csv, fec, clients, invoices, payments), `skipErrors`.
    func dataImport(_ entities: Entities) throws -> Reply {
        guard let file = entities.file, !file.isEmpty else {
            throw AssistantError.invalidValue(
                field: "file",
                reason:
                    "Quel fichier faut-il importer\u{202F}? Par exemple\u{00A0}: «\u{00A0}importe factures.csv\u{00A0}», «\u{00A0}importe le FEC FEC2026.txt\u{00A0}»."
            )
        }
        return try importFile(file, kind: entities.format, skipErrors: entities.skipErrors ?? false, progress: progress)
    }
}
