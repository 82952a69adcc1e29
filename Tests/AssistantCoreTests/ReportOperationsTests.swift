import Foundation
import FrenchParsing
import Persistence
import Receivables
import Testing

@testable import AssistantCore

/// The reports on the demo ledger agree with the ledger's own figures, and export safely.
@Suite("Reports and exports")
struct ReportOperationsTests {
    @Test("aging.report: the buckets add up to the outstanding, the overdue part to overdue.list")
    func agingAddsUp() throws {
        let demo = try Demo()
        let report = try #require(try demo.assistant.perform(.agingReport, Entities()).data as? AgingReport)
        let overdue = try #require(try demo.assistant.perform(.overdueList, Entities()).data as? OverdueData)
        let summaries = try demo.database.clientSummaries(asOf: Demo.today)
        #expect(report.total == summaries.reduce(Money.zero) { $0 + $1.outstanding })
        #expect(report.overdue == overdue.total)
        #expect(report.totals.reduce(Money.zero, +) == report.total)
        for line in report.lines { #expect(line.amounts.reduce(Money.zero, +) == line.total) }
    }

    @Test("kpi.dso and the payment delay are stated with their method")
    func dso() throws {
        let demo = try Demo()
        let reply = try demo.assistant.ask("quel est mon DSO ?")
        let data = try #require(reply.data as? DSOData)
        #expect(data.countBack.method == .countBack)
        #expect(data.countBack.days > 0 && data.countBack.days < 365)
        #expect(reply.text.contains("méthode simple"))
        #expect(data.delay.count > 0)
    }

    @Test("risk.list ranks the riskiest first, each with reasons; risk.score agrees")
    func risk() throws {
        let demo = try Demo()
        let list = try #require(try demo.assistant.perform(.riskList, Entities()).data as? RiskData)
        #expect(!list.rows.isEmpty)
        #expect(list.rows.map(\.score) == list.rows.map(\.score).sorted())
        #expect(list.rows.allSatisfy { !$0.reasons.isEmpty && $0.reasons.count <= 3 })
        var entities = Entities()
        entities.client = named(list.rows[0].client.name)
        let one = try #require(try demo.assistant.perform(.riskScore, entities).data as? RiskData)
        #expect(one.rows.first?.score == list.rows[0].score)
    }

    @Test("risk.concentration: shares of the top clients, cumulative, and a warning above 20 %")
    func concentration() throws {
        let demo = try Demo()
        let report = try #require(try demo.assistant.perform(.riskConcentration, Entities()).data as? ConcentrationReport)
        #expect(report.byOutstanding.top.count == 5)
        #expect(abs(report.byOutstanding.top.map(\.share).reduce(0, +) - report.byOutstanding.topShare) < 0.01)
        let total = try demo.database.clientSummaries(asOf: Demo.today).reduce(Money.zero) { $0 + $1.outstanding }
        #expect(report.byOutstanding.total == total)
        #expect(report.warnings.allSatisfy { $0.share > 20 })
    }

    @Test("forecast.cash: buckets add up; optimistic never below pessimistic over all flows")
    func forecast() throws {
        let demo = try Demo()
        let report = try #require(try demo.assistant.ask("prévision d’encaissements sur 3 mois").data as? ForecastReport)
        #expect(report.granularity == .month)
        #expect(report.buckets.reduce(Money.zero) { $0 + $1.expected } == report.total.expected)
        #expect(report.grandTotal.optimistic >= report.grandTotal.pessimistic)
    }

    @Test(
        "CSV: French conventions and cells neutralised against formula injection",
        arguments: [
            ("=SOMME(A1:A2)", "'=SOMME(A1:A2)"), ("+33 6 12", "'+33 6 12"), ("@cmd", "'@cmd"), ("-35,00", "-35,00"),
            ("-2+3", "'-2+3"), ("Martin & Fils", "Martin & Fils"), ("a;b", "\"a;b\""), ("dit \"non\"", "\"dit \"\"non\"\"\""),
            ("\tx", "'\tx"),
        ])
    func csvCells(input: String, expected: String) {
        #expect(SpreadsheetCSV.cell(input) == expected)
    }

    @Test(
        "CSV cells: numbers in French format become plain numbers, anything else stays text",
        arguments: [
            ("1\u{202F}234,56\u{00A0}€", "1234,56"), ("-35,00\u{00A0}€", "-35,00"), ("12,5 %", "12,5"), ("12,5%", "12,5"),
            ("45\u{00A0}j", "45"), ("45 j", "45"), ("  7  ", "7"), ("0", "0"), ("-0,5", "-0,5"),
            ("06 12 34 56 78", nil), ("45j", nil), ("j", nil), ("€", nil), ("1,", nil), (",5", nil), ("-", nil), ("1,2,3", nil),
            ("1.5", nil), ("Garage Moreau", nil), ("", nil), ("F-2026-0001", nil), ("١٢", nil), ("12 € €", nil),
        ] as [(String, String?)])
    func csvPlainNumbers(input: String, expected: String?) {
        #expect(SpreadsheetCSV.plainNumber(input) == expected)
    }

    @Test("CSV amounts are plain numbers with a decimal comma")
    func csvNumbers() {
        #expect(SpreadsheetCSV.plainNumber("1\u{202F}234,56\u{00A0}€") == "1234,56")
        #expect(SpreadsheetCSV.plainNumber("12,5\u{00A0}%") == "12,5")
        #expect(SpreadsheetCSV.plainNumber("Garage Moreau") == nil)
        let csv = SpreadsheetCSV.render(TextTable(columns: [.init("Client"), .init("Dû")], rows: [["=1+1", "1\u{202F}200,50\u{00A0}€"]]))
        #expect(csv == "\u{FEFF}Client;Dû\r\n'=1+1;1200,50\r\n")
    }

    @Test("export: CSV of the aging report, JSON of the risk list; unknown report or format refused")
    func export() throws {
        let demo = try Demo()
        let csv = try demo.assistant.exportReport(.agingReport, entities: Entities(), format: "csv")
        #expect(csv.text.hasPrefix("\u{FEFF}Client;"))
        #expect(csv.rows == (try #require(try demo.assistant.perform(.agingReport, Entities()).data as? AgingReport)).lines.count)
        let json = try demo.assistant.exportReport(.riskList, entities: Entities(), format: "json")
        let object = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any]
        #expect(object?["rows"] != nil)
        #expect(throws: AssistantError.self) { try demo.assistant.exportReport(.undo, entities: Entities(), format: "csv") }
        #expect(throws: AssistantError.self) { try demo.assistant.exportReport(.agingReport, entities: Entities(), format: "xls") }
    }
}
