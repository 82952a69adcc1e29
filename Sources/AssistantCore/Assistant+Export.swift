import Foundation
import FrenchParsing
import Persistence
import Receivables

/// A report written for a spreadsheet or a program.
public struct ExportData: Encodable, Sendable {
    public var report: String
    public var format: String
    public var file: String?
    public var rows: Int
}

/// CSV in the French Excel conventions: `;` between cells, decimal comma, amounts as plain
/// numbers ("1234,56", no thousands space, no €), UTF-8 with a byte-order mark, CRLF line
/// ends, quotes doubled. A text cell that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) is neutralised with a leading apostrophe;
/// a plain number ("-35,00") is left as a number.
public enum SpreadsheetCSV {
    public static func render(_ table: TextTable) -> String {
        var lines = [table.columns.map { cell($0.title) }.joined(separator: ";")]
        for row in table.rows {
            // "—" marks an empty cell in the REPL; a spreadsheet wants it empty.
            lines.append(row.map { $0 == "—" ? "" : cell(plainNumber($0) ?? $0) }.joined(separator: ";"))
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }

    /// "1 234,56 €" → "1234,56"; "12,5 %" → "12,5"; "45 j" → "45"; nil when the cell is not a
    /// French number. Scalar by scalar (tens of thousands of cells per export: no regex, no
    /// Foundation search).
    static func plainNumber(_ text: String) -> String? {
        var scalars = Substring(text).unicodeScalars[...]
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .spaceSeparator || scalar == "\t" }
        while let first = scalars.first, isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, isSpace(last) { scalars = scalars.dropLast() }
        // One unit at the end, after an optional space: €, %, j.
        if let last = scalars.last, last == "€" || last == "%" || (last == "j" && scalars.count > 1) {
            let rest = scalars.dropLast()
            if last != "j" || rest.last.map(isSpace) == true { scalars = rest }
            while let end = scalars.last, isSpace(end) { scalars = scalars.dropLast() }
        }
        var body = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\u{202F}" && scalar != "\u{00A0}" { body.append(scalar) }
        let result = String(body)
        return isFrenchDecimal(result) ? result : nil
    }

    /// `-?[0-9]+(,[0-9]+)?`, whole.
    static func isFrenchDecimal(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let digits = bytes.prefix { (48...57).contains($0) }
        guard !digits.isEmpty else { return false }
        bytes = bytes.dropFirst(digits.count)
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: ",") else { return false }
        bytes = bytes.dropFirst()
        return !bytes.isEmpty && bytes.allSatisfy { (48...57).contains($0) }
    }

    /// One cell: neutralised against formula injection unless it is a number, then quoted if needed.
    static func cell(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isFrenchDecimal(value) {
            value = "'" + value
        }
        if value.utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
            value = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}

extension Assistant {
    /// The reports `encaisse export` and `data.export` write.
    public static let exportableReports: [IntentID] = [
        .agingReport, .kpiDSO, .forecastCash, .riskList, .riskConcentration, .overdueList, .clientList, .invoiceList, .reminderDue,
        .planShow, .penaltyCompute,
    ]

    /// The documents `encaisse export` writes as text or `.eml`: a client's reminder letter
    /// and a plan proposal with its document to sign.
    public static let exportableDocuments: [IntentID] = [.reminderDraft, .planPropose]

    /// A letter or a plan as ready-to-send text, or as an RFC 5322 `.eml` (which also lands in
    /// the outbox, as `reminder.draft … en eml` does).
    public func exportDocument(_ document: IntentID, entities: Entities, format: String) throws -> String {
        var entities = entities
        entities.format = format == "eml" ? "eml" : nil
        let reply = try perform(document, entities)
        if format == "eml" {
            let path = (reply.data as? DraftData)?.emlFile ?? (reply.data as? PlanProposalData)?.emlFile
            guard let path, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw AssistantError.invalidValue(field: "format", reason: "Le courriel n’a pas pu être relu dans la boîte d’envoi.")
            }
            return text
        }
        switch format {
        case "text", "txt":
            if let draft = reply.data as? DraftData { return draft.text + "\n" }
            if let proposal = reply.data as? PlanProposalData, let document = proposal.document { return document + "\n" }
            return reply.text + "\n"
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(AnyEncodable(reply.data)), as: UTF8.self) + "\n"
        default:
            throw AssistantError.invalidValue(
                field: "format",
                reason: "Format «\u{00A0}\(format)\u{00A0}» inconnu pour une lettre ou un échéancier\u{00A0}: text, eml ou json.")
        }
    }

    /// Runs a report and renders it as CSV (its main table) or JSON (its data).
    public func exportReport(_ report: IntentID, entities: Entities, format: String) throws -> (text: String, rows: Int) {
        guard Self.exportableReports.contains(report) else {
            throw AssistantError.invalidValue(
                field: "report",
                reason:
                    "« \(report.rawValue) » ne s’exporte pas. Rapports possibles\u{00A0}: \(Self.exportableReports.map(\.rawValue).joined(separator: ", "))."
            )
        }
        var entities = entities
        if entities.limit == nil, [.agingReport, .riskList, .overdueList, .clientList, .invoiceList].contains(report) {
            entities.limit = 1_000_000
        }
        let reply = try perform(report, entities)
        switch format.lowercased() {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(AnyEncodable(reply.data))
            return (String(decoding: data, as: UTF8.self) + "\n", 1)
        case "csv":
            let tables = reply.blocks.compactMap { block -> TextTable? in
                if case .table(let table) = block { return table }
                return nil
            }
            guard let main = tables.max(by: { $0.rows.count < $1.rows.count }) else {
                throw AssistantError.invalidValue(
                    field: "report", reason: "Ce rapport n’a pas de tableau à exporter en CSV\u{202F}; essayez le format JSON.")
            }
            return (SpreadsheetCSV.render(main), main.rows.count)
        default:
            throw AssistantError.invalidValue(field: "format", reason: "Format « \(format) » inconnu\u{00A0}: csv ou json.")
        }
    }

    /// `data.export`: writes a report to a file (the one named, else `REPORT-DAY.csv` in the
    /// current folder).
    func dataExport(_ entities: Entities) throws -> Reply {
        guard let raw = entities.report, let report = IntentID(rawValue: raw) else {
            throw AssistantError.invalidValue(
                field: "report", reason: "Quel rapport exporter\u{202F}? Par exemple\u{00A0}: « exporte la balance âgée en CSV ».")
        }
        let format = entities.format.flatMap { ["csv", "json"].contains($0) ? $0 : nil } ?? "csv"
        var filters = entities
        filters.report = nil
        filters.format = nil
        filters.file = nil
        let (text, rows) = try exportReport(report, entities: filters, format: format)
        let name = entities.file ?? "\(raw.replacingOccurrences(of: ".", with: "-"))-\(today.iso).\(format)"
        let url = URL(fileURLWithPath: name)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw AssistantError.invalidValue(
                field: "file", reason: "Impossible d’écrire « \(name) »\u{00A0}: \(error.localizedDescription)")
        }
        let prose =
            "\(report.frenchLabel.capitalizedFirst) exportée en \(format.uppercased()) dans \(url.path) (\(rows) ligne\(rows > 1 ? "s" : ""))."
        return Reply(
            intent: .dataExport, entities: entities, blocks: [.paragraph(prose)],
            data: ExportData(report: raw, format: format, file: url.path, rows: rows))
    }
}

/// Type erasure for encoding a reply's data.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
