import Foundation
import Receivables

/// A FEC (Fichier des Écritures Comptables, LPF art. A47 A-1) read for its receivables: the
/// lines on the client accounts (411 by default), turned into clients, invoices (debits),
/// receipts (credits) and the settlements its lettrage states.
///
/// Tolerates what real files do: tab or `|`, header case, `Montant` + `Sens` instead of
/// `Debit`/`Credit`, zero-padded or signed amounts, a decimal point, ISO 8859-15 text.
public struct FECLedger: Sendable {
    public struct Client: Sendable, Equatable {
        public var code: String
        public var name: String
        public var account: String
    }

    public struct Invoice: Sendable, Equatable {
        public var line: Int
        public var number: String
        public var clientCode: String
        public var day: Day
        public var amount: Money
        public var lettrage: String?
    }

    public struct Receipt: Sendable, Equatable {
        public var line: Int
        public var clientCode: String
        public var day: Day
        public var amount: Money
        public var reference: String?
        public var lettrage: String?
        /// A credit note (avoir) rather than money received.
        public var isCreditNote: Bool
    }

    /// Part of a receipt applied to an invoice (indices into `receipts` and `invoices`).
    public struct Settlement: Sendable, Equatable {
        public var receipt: Int
        public var invoice: Int
        public var amount: Money
    }

    public var clients: [Client] = []
    public var invoices: [Invoice] = []
    public var receipts: [Receipt] = []
    public var settlements: [Settlement] = []
    /// Σ debits − Σ credits on the receivable lines, per client code.
    public var openBalanceByClient: [String: Money] = [:]
    public var openBalance: Money = .zero
    public var issues: [ImportIssue] = []
    public var encodingName = "UTF-8"
    /// Lines of the file (header excluded) and receivable lines among them.
    public var lineCount = 0
    public var receivableLines = 0

    static let requiredColumns = ["journalcode", "ecriturenum", "ecrituredate", "comptenum", "pieceref"]

    /// Whether a header is a FEC's (its column names, in any case).
    public static func looksLikeFEC(_ headers: [String]) -> Bool {
        let names = Set(headers.map { $0.lowercased().trimmingCharacters(in: .whitespaces) })
        return requiredColumns.allSatisfy(names.contains) && (names.contains("debit") || names.contains("montant"))
    }

    public static func read(url: URL, accountPrefix: String = "411") throws(ImportFileError) -> FECLedger {
        try read(text: try TextBytes(url: url, iso885915: true), accountPrefix: accountPrefix)
    }

    public static func read(data: Data, accountPrefix: String = "411") throws(ImportFileError) -> FECLedger {
        try read(text: try TextBytes(data: data, iso885915: true), accountPrefix: accountPrefix)
    }

    static func read(text: TextBytes, accountPrefix: String) throws(ImportFileError) -> FECLedger {
        guard let separator = CSVScanner.detectSeparator(text), separator == 0x09 || separator == 0x7C else {
            throw ImportFileError(
                "un FEC sépare ses 18 colonnes par des tabulations ou des «\u{00A0}|\u{00A0}»\u{00A0}; ce fichier n’en a pas")
        }
        var scanner = CSVScanner(text: text, separator: separator)
        guard let header = scanner.next() else { throw ImportFileError("le fichier est vide") }
        let headers = header.fields.map { scanner.string($0) }
        var index: [String: Int] = [:]
        for (position, name) in headers.enumerated() { index[name.lowercased()] = index[name.lowercased()] ?? position }
        guard looksLikeFEC(headers) else {
            let missing = requiredColumns.filter { index[$0] == nil } + (index["debit"] == nil && index["montant"] == nil ? ["Debit"] : [])
            throw ImportFileError(
                "en-têtes de FEC incomplets (manque\u{00A0}: \(missing.joined(separator: ", ")))\u{00A0}; la première ligne doit nommer les 18 colonnes (JournalCode, JournalLib, EcritureNum, EcritureDate, CompteNum…)"
            )
        }
        let usesSens = index["debit"] == nil
        var ledger = FECLedger()
        ledger.encodingName = text.encodingName
        var invoiceIndex: [String: Int] = [:]  // "client\u{1}number" → index
        var clientIndex: [String: Int] = [:]
        while let record = scanner.next() {
            ledger.lineCount += 1
            let line = record.line
            func cell(_ name: String) -> String {
                guard let position = index[name], position < record.fields.count else { return "" }
                return scanner.string(record.fields[position])
            }
            if record.unterminated {
                ledger.issues.append(
                    ImportIssue(line: line, column: nil, reason: "guillemet ouvert jamais refermé (ligne tronquée\u{202F}?)"))
                continue
            }
            let account = cell("comptenum")
            guard account.hasPrefix(accountPrefix) else { continue }
            ledger.receivableLines += 1
            if record.fields.count < min(headers.count, 13) {
                ledger.issues.append(
                    ImportIssue(
                        line: line, column: nil,
                        reason: "\(record.fields.count) colonnes au lieu de \(headers.count) (ligne tronquée\u{202F}?)"))
                continue
            }
            // The signed amount: debit − credit, or Montant with its Sens.
            var signed: Money
            if usesSens {
                guard case .success(let amount) = FieldParsing.amount(cell("montant")) else {
                    ledger.issues.append(
                        ImportIssue(
                            line: line, column: headers[index["montant"]!], reason: "montant illisible «\u{00A0}\(cell("montant"))\u{00A0}»"
                        ))
                    continue
                }
                let sens = FieldParsing.fold(cell("sens"))
                let credit = ["c", "credit", "-1", "cr"].contains(sens)
                guard credit || ["d", "debit", "1", "+1", "db"].contains(sens) else {
                    ledger.issues.append(
                        ImportIssue(line: line, column: "Sens", reason: "sens «\u{00A0}\(cell("sens"))\u{00A0}» au lieu de D ou C"))
                    continue
                }
                signed = credit ? -amount : amount
            } else {
                let debit = cell("debit").isEmpty ? Result<Money, Refusal>.success(.zero) : FieldParsing.amount(cell("debit"))
                let credit = cell("credit").isEmpty ? Result<Money, Refusal>.success(.zero) : FieldParsing.amount(cell("credit"))
                switch (debit, credit) {
                case (.success(let d), .success(let c)): signed = d - c
                case (.failure(let reason), _):
                    ledger.issues.append(ImportIssue(line: line, column: headers[index["debit"]!], reason: reason.reason))
                    continue
                case (_, .failure(let reason)):
                    ledger.issues.append(
                        ImportIssue(line: line, column: headers[index["credit"] ?? index["debit"]!], reason: reason.reason))
                    continue
                }
            }
            guard signed != .zero else { continue }
            let rawDay = cell("piecedate").isEmpty ? cell("ecrituredate") : cell("piecedate")
            let day: Day
            switch FieldParsing.day(rawDay) {
            case .success(let value): day = value
            case .failure(let reason):
                ledger.issues.append(
                    ImportIssue(line: line, column: cell("piecedate").isEmpty ? "EcritureDate" : "PieceDate", reason: reason.reason))
                continue
            }
            // The client: its auxiliary account, else the 411 sub-account.
            let auxiliary = cell("compauxnum")
            let code = auxiliary.isEmpty ? account : auxiliary
            let name =
                auxiliary.isEmpty
                ? (cell("comptelib").isEmpty ? account : cell("comptelib")) : (cell("compauxlib").isEmpty ? auxiliary : cell("compauxlib"))
            if clientIndex[code] == nil {
                clientIndex[code] = ledger.clients.count
                ledger.clients.append(Client(code: code, name: name, account: account))
            }
            ledger.openBalanceByClient[code, default: .zero] = ledger.openBalanceByClient[code, default: .zero] + signed
            ledger.openBalance = ledger.openBalance + signed
            let lettrage = cell("ecriturelet").isEmpty ? nil : cell("ecriturelet")
            let piece = cell("pieceref").isEmpty ? cell("ecriturenum") : cell("pieceref")
            if signed.isPositive {
                let key = code + "\u{1}" + piece
                if let existing = invoiceIndex[key] {
                    ledger.invoices[existing].amount = ledger.invoices[existing].amount + signed
                    if ledger.invoices[existing].lettrage == nil { ledger.invoices[existing].lettrage = lettrage }
                } else {
                    invoiceIndex[key] = ledger.invoices.count
                    ledger.invoices.append(
                        Invoice(line: line, number: piece, clientCode: code, day: day, amount: signed, lettrage: lettrage))
                }
            } else {
                let journal = FieldParsing.fold(cell("journalcode") + " " + cell("journallib"))
                let label = FieldParsing.fold(cell("ecriturelib"))
                let creditNote = label.contains("avoir") || journal.hasPrefix("ve") || journal.hasPrefix("vt") || journal.contains("vente")
                ledger.receipts.append(
                    Receipt(
                        line: line, clientCode: code, day: day, amount: -signed,
                        reference: [piece, cell("ecriturelib")].filter { !$0.isEmpty }.joined(separator: " "), lettrage: lettrage,
                        isCreditNote: creditNote))
            }
        }
        ledger.settle()
        return ledger
    }

    /// Applies receipts to invoices: each lettered group (per client and code) settles its
    /// invoices oldest first; an unlettered receipt goes to the invoice its reference names,
    /// else to the client's oldest open invoices; what is left is the client's credit.
    mutating func settle() {
        var open = invoices.map(\.amount)
        var left = receipts.map(\.amount)
        let byClient = Dictionary(grouping: invoices.indices, by: { invoices[$0].clientCode }).mapValues { indices in
            indices.sorted { (invoices[$0].day, invoices[$0].line) < (invoices[$1].day, invoices[$1].line) }
        }
        func apply(_ receipt: Int, to invoice: Int) {
            let part = min(left[receipt], open[invoice])
            guard part.isPositive else { return }
            open[invoice] = open[invoice] - part
            left[receipt] = left[receipt] - part
            settlements.append(Settlement(receipt: receipt, invoice: invoice, amount: part))
        }
        // 1. Lettered groups.
        var lettered: [String: [Int]] = [:]
        for (index, invoice) in invoices.enumerated() {
            if let code = invoice.lettrage { lettered[invoice.clientCode + "\u{1}" + code, default: []].append(index) }
        }
        for (receipt, value) in receipts.enumerated() {
            guard let code = value.lettrage, let group = lettered[value.clientCode + "\u{1}" + code] else { continue }
            for invoice in group.sorted(by: { (invoices[$0].day, invoices[$0].line) < (invoices[$1].day, invoices[$1].line) }) {
                apply(receipt, to: invoice)
            }
        }
        // 2. The rest: the invoice named in the reference, then the oldest open ones.
        for (receipt, value) in receipts.enumerated() where left[receipt].isPositive {
            let candidates = byClient[value.clientCode] ?? []
            if let reference = value.reference?.uppercased(),
                let named = candidates.first(where: { open[$0].isPositive && reference.contains(invoices[$0].number.uppercased()) })
            {
                apply(receipt, to: named)
            }
            for invoice in candidates where left[receipt].isPositive && invoices[invoice].lettrage == nil { apply(receipt, to: invoice) }
            for invoice in candidates where left[receipt].isPositive { apply(receipt, to: invoice) }
        }
    }
}
