import Foundation
import Receivables

/// Reads a CSV of clients, invoices or payments one record at a time: the encoding, the
/// separator and the header are found first, then each line becomes a typed row or an issue
/// naming its line, its column and the reason. Nothing is kept but the current record, so a
/// million-line file streams through in constant memory.
public struct CSVImportReader {
    public let kind: ImportKind
    public let encodingName: String
    public let separator: Character
    public let headers: [String]
    public let totalBytes: Int
    public var bytesRead: Int { scanner.bytesRead }
    private var scanner: CSVScanner
    private let columns: [Column: Int]
    private var released = 0

    public init(url: URL, kind: ImportKind? = nil) throws(ImportFileError) {
        try self.init(text: try TextBytes(url: url), kind: kind)
    }

    public init(data: Data, kind: ImportKind? = nil) throws(ImportFileError) {
        try self.init(text: try TextBytes(data: data), kind: kind)
    }

    init(text: TextBytes, kind requested: ImportKind?) throws(ImportFileError) {
        guard requested != .fec else { throw ImportFileError("un FEC se lit avec FECLedger (--kind fec)") }
        let separator = CSVScanner.detectSeparator(text) ?? 0x3B
        var scanner = CSVScanner(text: text, separator: separator)
        guard let first = scanner.next() else { throw ImportFileError("le fichier est vide") }
        var headers = first.fields.map { scanner.string($0) }
        // Spreadsheets often put a title or a date above the table: the header is the first of
        // the ten first lines whose cells name the columns of a kind.
        if requested == nil ? HeaderMatching.guessKind(headers) == nil : !HeaderMatching.fits(headers, kind: requested!) {
            var probe = scanner
            for _ in 0..<10 {
                guard let record = probe.next() else { break }
                let candidate = record.fields.map { probe.string($0) }
                let fits = requested.map { HeaderMatching.fits(candidate, kind: $0) } ?? (HeaderMatching.guessKind(candidate) != nil)
                if fits && candidate.count >= 2 {
                    headers = candidate
                    scanner = probe
                    break
                }
            }
        }
        if headers.count >= 18, FECLedger.looksLikeFEC(headers) {
            throw ImportFileError("ce fichier est un FEC (Fichier des écritures comptables)\u{00A0}: importez-le avec --kind fec")
        }
        guard headers.count >= 2 else {
            throw ImportFileError(
                "une seule colonne trouvée («\u{00A0}\(headers.first ?? "")\u{00A0}»)\u{00A0}: le séparateur doit être «\u{00A0};\u{00A0}», «\u{00A0},\u{00A0}» ou une tabulation, et la première ligne les en-têtes"
            )
        }
        guard let kind = requested ?? HeaderMatching.guessKind(headers) else {
            throw ImportFileError(
                "les en-têtes («\u{00A0}\(headers.joined(separator: separator == 0x09 ? " | " : String(UnicodeScalar(separator))))\u{00A0}») ne disent pas s’il s’agit de clients, de factures ou de paiements\u{00A0}: précisez --kind clients, invoices, payments ou fec"
            )
        }
        let columns = HeaderMatching.map(headers, kind: kind)
        let missing = HeaderMatching.required[kind]!.filter { columns[$0] == nil }
        if let first = missing.first {
            let spellings = HeaderMatching.synonyms[kind]![first]!.prefix(6).map { "«\u{00A0}\($0)\u{00A0}»" }.joined(separator: ", ")
            throw ImportFileError(
                "colonne «\u{00A0}\(first.french)\u{00A0}» absente pour un fichier de \(Self.french(kind)) (en-têtes acceptés\u{00A0}: \(spellings)…)"
            )
        }
        self.kind = kind
        self.encodingName = text.encodingName
        self.separator = Character(UnicodeScalar(separator))
        self.headers = headers
        self.totalBytes = text.data.count
        self.scanner = scanner
        self.columns = columns
    }

    static func french(_ kind: ImportKind) -> String {
        switch kind {
        case .clients: return "clients"
        case .invoices: return "factures"
        case .payments: return "paiements"
        case .fec: return "FEC"
        }
    }

    /// The next record as a row, or the issue that refuses it; `nil` at the end of the file.
    public mutating func next() -> Result<ImportRecord, ImportIssue>? {
        if scanner.bytesRead - released > 8 << 20 {
            scanner.text.release(before: scanner.bytesRead)
            released = scanner.bytesRead
        }
        guard let record = scanner.next() else { return nil }
        if record.unterminated {
            return .failure(
                ImportIssue(line: record.line, column: nil, reason: "guillemet ouvert jamais refermé (ligne tronquée\u{202F}?)"))
        }
        // Excel pads short lines with separators; a line with fewer cells than headers lacks data.
        let needed = (columns.values.max() ?? 0) + 1
        if record.fields.count < needed && record.fields.count < headers.count {
            return .failure(
                ImportIssue(
                    line: record.line, column: nil,
                    reason:
                        "\(record.fields.count) cellule\(record.fields.count > 1 ? "s" : "") au lieu de \(headers.count) (ligne tronquée\u{202F}?)"
                ))
        }
        if record.fields.count > headers.count,
            record.fields[headers.count...].contains(where: { !scanner.string($0).isEmpty })
        {
            return .failure(
                ImportIssue(
                    line: record.line, column: nil,
                    reason:
                        "\(record.fields.count) cellules au lieu de \(headers.count) (séparateur «\u{00A0}\(separator)\u{00A0}» dans une valeur sans guillemets\u{202F}?)"
                ))
        }
        let line = record.line
        func cell(_ column: Column) -> String? {
            guard let index = columns[column], index < record.fields.count else { return nil }
            let value = scanner.string(record.fields[index])
            return value.isEmpty ? nil : value
        }
        func issue(_ column: Column, _ reason: String) -> Result<ImportRecord, ImportIssue> {
            .failure(ImportIssue(line: line, column: columns[column].map { headers[$0] } ?? column.french, reason: reason))
        }
        func issue(_ column: Column, _ refusal: Refusal) -> Result<ImportRecord, ImportIssue> { issue(column, refusal.reason) }
        switch kind {
        case .clients:
            guard let name = cell(.name) else { return issue(.name, "nom du client vide") }
            var row = ClientRow(line: line, code: cell(.code), name: name, email: cell(.email), phone: cell(.phone))
            if let email = row.email, !email.contains("@") { return issue(.email, "adresse «\u{00A0}\(email)\u{00A0}» sans @") }
            if let raw = cell(.termsDays) {
                switch FieldParsing.terms(raw) {
                case .failure(let reason): return issue(.termsDays, reason)
                case .success(let terms):
                    row.termsDays = terms?.days
                    if terms?.endOfMonth == true { row.endOfMonth = true }
                }
            }
            if let raw = cell(.endOfMonth) {
                switch FieldParsing.bool(raw) {
                case .failure(let reason): return issue(.endOfMonth, reason)
                case .success(let value): row.endOfMonth = value ?? row.endOfMonth
                }
            }
            if let raw = cell(.kind) {
                guard let kind = ClientKind(parsing: raw) else {
                    return issue(.kind, "type de client «\u{00A0}\(raw)\u{00A0}» inconnu (B2B, B2C, PUBLIC ou TRANSPORT)")
                }
                row.kind = kind
            }
            return .success(.client(row))
        case .invoices:
            guard let number = cell(.number) else { return issue(.number, "numéro de facture vide") }
            guard number.count <= 40 else { return issue(.number, "numéro de facture de plus de 40 caractères") }
            guard let client = cell(.client) else { return issue(.client, "client vide") }
            guard let rawIssue = cell(.issue) else { return issue(.issue, "date de facture vide") }
            let issueDay: Day
            switch FieldParsing.day(rawIssue) {
            case .failure(let reason): return issue(.issue, reason)
            case .success(let day): issueDay = day
            }
            var due: Day? = nil
            if let raw = cell(.due) {
                switch FieldParsing.day(raw) {
                case .failure(let reason): return issue(.due, reason)
                case .success(let day): due = day
                }
                if let due, due < issueDay {
                    return issue(.due, "l’échéance (\(due.french)) précède la date de la facture (\(issueDay.french))")
                }
            }
            guard let rawAmount = cell(.amount) else { return issue(.amount, "montant vide") }
            let amount: Money
            switch FieldParsing.positiveAmount(rawAmount) {
            case .failure(let reason): return issue(.amount, reason)
            case .success(let money): amount = money
            }
            var outstanding: Money? = nil
            if let raw = cell(.outstanding) {
                switch FieldParsing.amount(raw) {
                case .failure(let reason): return issue(.outstanding, reason)
                case .success(let money):
                    guard money.cents >= 0, money <= amount else {
                        return issue(.outstanding, "reste dû «\u{00A0}\(raw)\u{00A0}» hors de 0 à \(amount.formatted)")
                    }
                    outstanding = money
                }
            }
            if outstanding == nil, let raw = cell(.status) {
                switch FieldParsing.paidStatus(raw) {
                case .failure(let reason): return issue(.status, reason)
                case .success(let paid): outstanding = paid == true ? .zero : nil
                }
            }
            return .success(
                .invoice(
                    InvoiceRow(
                        line: line, number: number, client: client, issue: issueDay, due: due, amount: amount, outstanding: outstanding)))
        case .payments:
            guard let client = cell(.client) else { return issue(.client, "client vide") }
            guard let rawDay = cell(.day) else { return issue(.day, "date du paiement vide") }
            let day: Day
            switch FieldParsing.day(rawDay) {
            case .failure(let reason): return issue(.day, reason)
            case .success(let value): day = value
            }
            guard let rawAmount = cell(.amount) else { return issue(.amount, "montant vide") }
            let amount: Money
            switch FieldParsing.positiveAmount(rawAmount) {
            case .failure(let reason): return issue(.amount, reason)
            case .success(let money): amount = money
            }
            var method: PaymentMethod? = nil
            if let raw = cell(.method) {
                switch FieldParsing.method(raw) {
                case .failure(let reason): return issue(.method, reason)
                case .success(let value): method = value
                }
            }
            return .success(
                .payment(
                    PaymentRow(
                        line: line, client: client, day: day, amount: amount, invoice: cell(.invoice), method: method,
                        reference: cell(.reference))))
        case .fec:
            return nil
        }
    }
}

/// Which reader a file needs.
public enum ImportSniffer {
    /// `.fec` for a file whose header is the FEC's; else the CSV kind its headers describe, or
    /// `nil` when they say nothing (the caller then asks for --kind).
    public static func sniffKind(url: URL) throws(ImportFileError) -> ImportKind? {
        let text = try TextBytes(url: url)
        guard let separator = CSVScanner.detectSeparator(text) else { return nil }
        var scanner = CSVScanner(text: text, separator: separator)
        guard let header = scanner.next() else { return nil }
        let headers = header.fields.map { scanner.string($0) }
        if FECLedger.looksLikeFEC(headers) { return .fec }
        return HeaderMatching.guessKind(headers)
    }
}
