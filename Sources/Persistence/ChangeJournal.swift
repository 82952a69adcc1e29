import Foundation
import GRDB

/// Records, inside a write transaction, the before-image of every row the change touches, so
/// that `AppDatabase.undoLastChange()` can put the ledger back exactly as it was.
///
/// Gateway methods write through the journal (`insert`, `update`, `delete`) rather than
/// directly; the rows land in `change_row`, tied to the change's line in the audit trail.
struct ChangeJournal {
    let db: Database
    let changeID: Int64

    /// Tables whose rows a change may touch. Undo only ever names these.
    enum Table: String, CaseIterable {
        case client, invoice, payment, allocation
        case setting, reminder, promise, interaction, dispute, pause, plan
        case planInstallment = "plan_installment"
        case planInvoice = "plan_invoice"
    }

    enum Operation: String {
        case insert, update, delete
        /// Rows `row_id…before` inserted by a bulk import: undo deletes the range.
        case insertRange = "insert-range"
    }

    /// Opens a change in the audit trail and returns its journal.
    static func begin(_ db: Database, action: String, summary: String, day: String) throws -> ChangeJournal {
        try db.execute(
            sql: "INSERT INTO change (at, day, action, summary) VALUES (?, ?, ?, ?)",
            arguments: [ISO8601DateFormatter().string(from: Date()), day, action, summary])
        return ChangeJournal(db: db, changeID: db.lastInsertedRowID)
    }

    func insert<Record: MutablePersistableRecord>(_ record: inout Record) throws {
        try record.insert(db)
        try log(Table(rawValue: Record.databaseTableName)!, rowID: db.lastInsertedRowID, operation: .insert, before: nil)
    }

    func update<Record: MutablePersistableRecord & Identifiable>(_ record: Record) throws where Record.ID == Int64? {
        let table = Table(rawValue: Record.databaseTableName)!
        guard let id = record.id else { return }
        try log(table, rowID: id, operation: .update, before: try snapshot(table, id: id))
        try record.update(db)
    }

    func delete(_ table: Table, id: Int64) throws {
        try log(table, rowID: id, operation: .delete, before: try snapshot(table, id: id))
        try db.execute(sql: "DELETE FROM \(table.rawValue.quotedDatabaseIdentifier) WHERE id = ?", arguments: [id])
    }

    /// Keeps the before-image of a row about to be changed by a statement of the caller's own.
    func logUpdate(_ table: Table, id: Int64) throws {
        try log(table, rowID: id, operation: .update, before: try snapshot(table, id: id))
    }

    /// Journals rows `first…last` of `table` as inserted by this change, in one journal row.
    func logInsertedRange(_ table: Table, from first: Int64, to last: Int64) throws {
        try log(table, rowID: first, operation: .insertRange, before: String(last))
    }

    private func snapshot(_ table: Table, id: Int64) throws -> String? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table.rawValue.quotedDatabaseIdentifier) WHERE id = ?", arguments: [id])
        else { return nil }
        let image = RowImage(row: row)
        return String(decoding: try JSONEncoder().encode(image), as: UTF8.self)
    }

    private func log(_ table: Table, rowID: Int64, operation: Operation, before: String?) throws {
        try db.execute(
            sql: "INSERT INTO change_row (change_id, table_name, row_id, operation, before) VALUES (?, ?, ?, ?, ?)",
            arguments: [changeID, table.rawValue, rowID, operation.rawValue, before])
    }
}

/// A row's columns and values, as stored in the journal.
struct RowImage: Codable {
    enum Value: Codable {
        case null, integer(Int64), real(Double), text(String)

        var databaseValue: DatabaseValue {
            switch self {
            case .null: return .null
            case .integer(let v): return v.databaseValue
            case .real(let v): return v.databaseValue
            case .text(let v): return v.databaseValue
            }
        }
    }

    var columns: [String]
    var values: [Value]

    init(row: Row) {
        columns = Array(row.columnNames)
        values = row.databaseValues.map { value in
            switch value.storage {
            case .null: return .null
            case .int64(let v): return .integer(v)
            case .double(let v): return .real(v)
            case .string(let v): return .text(v)
            case .blob: return .null
            }
        }
    }
}
