import Receivables

/// What a file holds.
public enum ImportKind: String, Sendable, CaseIterable {
    case clients, invoices, payments, fec
}

/// A whole-file problem (empty, binary, unreadable encoding, missing column…), in French.
public struct ImportFileError: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// A refused line: its 1-based physical line number (where the record starts), the column
/// as written in the header, and the reason in French.
public struct ImportIssue: Error, Sendable, Equatable {
    public var line: Int
    public var column: String?
    public var reason: String

    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// « ligne 12, colonne « Montant TTC » : montant illisible « 12,3,4 » ».
    public var message: String {
        "ligne \(line)" + (column.map { ", colonne «\u{00A0}\($0)\u{00A0}»" } ?? "") + "\u{00A0}: " + reason
    }
}

public struct ClientRow: Sendable, Equatable {
    public var line: Int
    public var code: String?
    public var name: String
    public var email: String?
    public var phone: String?
    public var termsDays: Int?
    public var endOfMonth: Bool?
    public var kind: ClientKind?
}

public struct InvoiceRow: Sendable, Equatable {
    public var line: Int
    public var number: String
    /// The client's code or name, as written.
    public var client: String
    public var issue: Day
    public var due: Day?
    public var amount: Money
    /// The amount still due, when the file has such a column ("reste dû", "solde").
    public var outstanding: Money?
}

public struct PaymentRow: Sendable, Equatable {
    public var line: Int
    public var client: String
    public var day: Day
    public var amount: Money
    public var invoice: String?
    public var method: PaymentMethod?
    public var reference: String?
}

public enum ImportRecord: Sendable, Equatable {
    case client(ClientRow)
    case invoice(InvoiceRow)
    case payment(PaymentRow)

    /// The line the record starts on.
    public var line: Int {
        switch self {
        case .client(let row): return row.line
        case .invoice(let row): return row.line
        case .payment(let row): return row.line
        }
    }
}
