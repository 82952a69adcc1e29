import Foundation
import Receivables
import Testing

@testable import LedgerImport

func fixture(_ name: String) -> URL {
    Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
}

func readAll(_ name: String, kind: ImportKind? = nil) throws -> (reader: CSVImportReader, records: [ImportRecord], issues: [ImportIssue]) {
    var reader = try CSVImportReader(url: fixture(name), kind: kind)
    var records: [ImportRecord] = []
    var issues: [ImportIssue] = []
    while let next = reader.next() {
        switch next {
        case .success(let record): records.append(record)
        case .failure(let issue): issues.append(issue)
        }
    }
    return (reader, records, issues)
}

func cents(_ value: Int64) -> Money { Money(cents: value) }
func day(_ iso: String) -> Day { Day(iso: iso)! }

@Suite("Reading amounts, dates and values of imported cells")
struct FieldParsingTests {
    @Test(
        "amounts in French and English writing",
        arguments: [
            ("1 200,50", 120_050), ("1200.50", 120_050), ("1.200,50 €", 120_050), ("1,200.50", 120_050), ("-35,00", -3_500),
            ("(35,00)", -3_500), ("000123,45", 12_345), ("12 EUR", 1_200), ("99,9", 9_990), ("1.200.000", 120_000_000),
            ("1\u{202F}234,56\u{00A0}€", 123_456), ("+7", 700), ("0,05", 5), ("35,00-", -3_500),
        ] as [(String, Int64)])
    func amounts(text: String, expected: Int64) throws {
        #expect(try FieldParsing.amount(text).get() == Money(cents: expected))
    }

    @Test(
        "unreadable amounts are refused with the value", arguments: ["12,3,4", "abc", "1,234", "12,345", "", "1e5", "5 000 000 000 000,00"])
    func badAmounts(text: String) throws {
        // "1,234" has three decimals: refused rather than read as 1 234 or 1,23.
        guard case .failure(let refusal) = FieldParsing.amount(text) else {
            Issue.record("accepted « \(text) »")
            return
        }
        #expect(!refusal.reason.isEmpty)
    }

    @Test(
        "dates in every common writing",
        arguments: [
            ("31/12/2026", "2026-12-31"), ("1/2/2026", "2026-02-01"), ("01/02/26", "2026-02-01"), ("31-12-2026", "2026-12-31"),
            ("31.12.2026", "2026-12-31"), ("2026-12-31", "2026-12-31"), ("20261231", "2026-12-31"), ("31/12/2026 00:00", "2026-12-31"),
            ("2026-12-31T10:00:00", "2026-12-31"),
        ])
    func dates(text: String, iso: String) throws {
        #expect(try FieldParsing.day(text).get() == day(iso))
    }

    @Test("impossible or unreadable dates", arguments: ["31/02/2026", "2026-13-01", "32/01/2026", "hier", "01/01/1850", "12/2026"])
    func badDates(text: String) {
        if case .success(let value) = FieldParsing.day(text) { Issue.record("accepted « \(text) » as \(value)") }
    }

    @Test(
        "payment modes in French words",
        arguments: [
            ("virement", PaymentMethod.transfer), ("VIR SEPA", .transfer), ("Chèque", .cheque), ("chq", .cheque), ("CB", .card),
            ("carte bancaire", .card), ("prélèvement", .directDebit), ("PRLV", .directDebit), ("espèces", .cash), ("liquide", .cash),
        ])
    func methods(text: String, method: PaymentMethod) throws {
        #expect(try FieldParsing.method(text).get() == method)
    }

    @Test(
        "yes and no", arguments: [("oui", true), ("Non", false), ("1", true), ("0", false), ("vrai", true), ("FAUX", false), ("x", true)])
    func booleans(text: String, value: Bool) throws {
        #expect(try FieldParsing.bool(text).get() == value)
    }

    @Test(
        "headers with synonyms, case and accents aside",
        arguments: [
            ("N° facture", Column.number), ("Numéro de facture", .number), ("numero_facture", .number), ("Montant TTC", .amount),
            ("Total TTC", .amount), ("Date d'échéance", .due), ("ÉCHÉANCE", .due), ("Date facture", .issue), ("Raison sociale", .client),
            ("Reste dû", .outstanding),
        ])
    func headers(header: String, column: Column) {
        #expect(HeaderMatching.map([header], kind: .invoices)[column] == 0)
    }

    @Test(
        "the kind is guessed from the headers",
        arguments: [
            ("numero;client;date;echeance;montant_ttc", ImportKind.invoices), ("client;date;montant;facture;mode", .payments),
            ("code;nom;email;telephone;delai_jours;fin_de_mois;type", .clients), ("Client;Date de règlement;Montant", .payments),
            ("N° facture;Client;Date facture;Montant TTC", .invoices),
        ])
    func kinds(header: String, kind: ImportKind) {
        #expect(HeaderMatching.guessKind(header.split(separator: ";").map(String.init)) == kind)
    }
}

@Suite("CSV files: encodings, separators, quoting, errors")
struct CSVReaderTests {
    @Test("UTF-8 with BOM, `;`, quoted separator, doubled quotes and a newline inside quotes")
    func utf8WithBOM() throws {
        let (reader, records, issues) = try readAll("factures-utf8-bom.csv")
        #expect(reader.kind == .invoices)
        #expect(reader.encodingName == "UTF-8 avec BOM")
        #expect(reader.separator == ";")
        #expect(issues.isEmpty)
        let rows = records.compactMap { if case .invoice(let row) = $0 { return row } else { return nil } }
        #expect(rows.map(\.number) == ["F-2026-001", "F-2026-002", "F-2026-003", "F-2026-004"])
        #expect(rows.map(\.amount) == [cents(120_050), cents(35_000), cents(123_456), cents(9_990)])
        #expect(rows[1].client == "Dupont; père et fils")
        #expect(rows[2].client == "Café \"L'Étoile\"\r\nsuite")
        #expect(rows[0].due == day("2026-10-01") && rows[1].due == nil)
        #expect(rows[3].issue == day("2026-10-03"))
        // Physical lines: the quoted newline makes F-2026-004 start on line 7 (after a blank line).
        #expect(rows.map(\.line) == [2, 3, 4, 7])
    }

    @Test("Windows-1252 bytes are decoded: é and €")
    func windows1252() throws {
        let (reader, records, issues) = try readAll("factures-cp1252.csv")
        #expect(reader.encodingName == "Windows-1252")
        #expect(issues.isEmpty)
        guard case .invoice(let first) = records.first else { throw Failure("no invoice") }
        #expect(first.client == "Électricité Mercier")
        #expect(first.amount == cents(250_000))
    }

    @Test("`,` with decimal points and ISO dates: payments")
    func commaSeparated() throws {
        let (reader, records, issues) = try readAll("paiements-virgule.csv")
        #expect(reader.kind == .payments && reader.separator == ",")
        #expect(issues.isEmpty)
        let rows = records.compactMap { if case .payment(let row) = $0 { return row } else { return nil } }
        #expect(rows.map(\.amount) == [cents(120_050), cents(135_000), cents(1_000)])
        #expect(rows.map(\.method) == [.transfer, .cheque, .card])
        #expect(rows[0].invoice == "F-2026-001" && rows[1].invoice == nil)
        #expect(rows[1].client == "Dupont; père et fils")
    }

    @Test("tab-separated clients with terms, end of month and category")
    func tabClients() throws {
        let (reader, records, issues) = try readAll("clients-tab.tsv")
        #expect(reader.kind == .clients && reader.separator == "\t")
        #expect(issues.isEmpty)
        let rows = records.compactMap { if case .client(let row) = $0 { return row } else { return nil } }
        #expect(rows.map(\.code) == ["MOR", "PAR", "MAI"])
        #expect(rows[0].termsDays == 45 && rows[0].endOfMonth == true && rows[0].kind == .business)
        #expect(rows[1].kind == .consumer && rows[1].endOfMonth == false && rows[1].email == nil)
        #expect(rows[2].kind == .publicBuyer)
    }

    @Test(
        "bad lines name their line, column and reason",
        arguments: [
            ("tronque.csv", "ligne 3\u{00A0}: 3 cellules au lieu de 5 (ligne tronquée\u{202F}?)"),
            ("guillemet.csv", "ligne 3\u{00A0}: guillemet ouvert jamais refermé (ligne tronquée\u{202F}?)"),
            ("mauvaise-date.csv", "ligne 2, colonne «\u{00A0}date\u{00A0}»\u{00A0}: la date «\u{00A0}31/02/2026\u{00A0}» n’existe pas"),
            ("mauvais-montant.csv", "ligne 2, colonne «\u{00A0}montant\u{00A0}»\u{00A0}: montant illisible «\u{00A0}12,3,4\u{00A0}»"),
        ])
    func badLines(file: String, message: String) throws {
        let (_, _, issues) = try readAll(file)
        #expect(issues.map(\.message) == [message])
    }

    @Test(
        "whole-file problems are refused before any line",
        arguments: [
            ("vide.csv", "le fichier est vide"), ("blancs.csv", "le fichier est vide"),
            ("binaire.csv", "le fichier ne ressemble pas à un fichier texte"), ("inconnu.csv", "précisez --kind"),
            ("utf16-sans-bom.csv", "UTF-16 sans marque d’ordre"),
        ])
    func badFiles(file: String, fragment: String) {
        do {
            _ = try CSVImportReader(url: fixture(file))
            Issue.record("\(file) accepted")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    @Test("UTF-16 (Excel's « Texte Unicode ») is read")
    func utf16() throws {
        let (reader, records, _) = try readAll("utf16.csv")
        #expect(reader.encodingName == "UTF-16")
        #expect(records.count == 1)
    }

    @Test("a missing required column names itself and its spellings")
    func missingColumn() {
        do {
            _ = try CSVImportReader(data: Data("numero;client;date\nF-1;A;01/01/2026\n".utf8), kind: .invoices)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("colonne «\u{00A0}montant\u{00A0}» absente"))
        }
    }

    @Test("a title above the table, an Excel serial date and a status column")
    func spreadsheetHabits() throws {
        let text = """
            Export des factures clients — novembre 2026

            N° facture;Client;Date;Montant TTC;Statut
            T-1;Garage Moreau;46348;100,00;Payée
            T-2;Garage Moreau;22/11/2026;50,00;Partiellement payée
            T-3;Garage Moreau;22/11/2026;70,00;
            T-4;Garage Moreau;22/11/2026;80,00;peut-être

            """
        var reader = try CSVImportReader(data: Data(text.utf8))
        #expect(reader.kind == .invoices)
        #expect(reader.headers.first == "N° facture")
        var rows: [InvoiceRow] = []
        var issues: [ImportIssue] = []
        while let next = reader.next() {
            switch next {
            case .success(.invoice(let row)): rows.append(row)
            case .success: break
            case .failure(let issue): issues.append(issue)
            }
        }
        #expect(rows.map(\.issue) == [day("2026-11-22"), day("2026-11-22"), day("2026-11-22")])
        #expect(rows.map(\.outstanding) == [.zero, nil, nil])
        #expect(rows.map(\.line) == [4, 5, 6])
        #expect(
            issues.map(\.message) == [
                "ligne 7, colonne «\u{00A0}Statut\u{00A0}»\u{00A0}: statut «\u{00A0}peut-être\u{00A0}» illisible (payée ou impayée)"
            ])
    }

    @Test("a FEC given as a CSV is sent to the FEC reader")
    func fecAsCSV() throws {
        #expect(try ImportSniffer.sniffKind(url: fixture("fec-montant-sens-latin9.txt")) == .fec)
        #expect(throws: ImportFileError.self) { try CSVImportReader(url: fixture("fec-montant-sens-latin9.txt")) }
    }
}

struct Failure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

@Suite("FEC: clients, invoices, receipts and lettrage from the 411 accounts")
struct FECTests {
    @Test("the shared sample's open balances, to the cent")
    func sharedSample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let samples = root.deletingLastPathComponent().appendingPathComponent("shared/samples")
        let expectedURL = samples.appendingPathComponent("fec-411-lettrage-pipe-utf8.expected.json")
        guard FileManager.default.fileExists(atPath: expectedURL.path) else { return }
        struct Expected: Decodable {
            var clients: Int
            var invoices: Int
            var receipts: Int
            var open_cents_by_client: [String: Int64]
            var open_cents_total: Int64
        }
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))
        let fec = try FECLedger.read(url: samples.appendingPathComponent("fec-411-lettrage-pipe-utf8.txt"))
        #expect(fec.issues.isEmpty)
        #expect(fec.clients.count == expected.clients)
        #expect(fec.invoices.count == expected.invoices)
        #expect(fec.receipts.count == expected.receipts)
        #expect(fec.openBalance.cents == expected.open_cents_total)
        for client in fec.clients {
            #expect(fec.openBalanceByClient[client.code]?.cents == expected.open_cents_by_client[client.name], "\(client.name)")
        }
        try checkSettlements(fec)
    }

    /// Settlements never exceed a receipt or an invoice, and what stays open equals the balance.
    func checkSettlements(_ fec: FECLedger) throws {
        var open = fec.invoices.map(\.amount)
        var left = fec.receipts.map(\.amount)
        for settlement in fec.settlements {
            open[settlement.invoice] = open[settlement.invoice] - settlement.amount
            left[settlement.receipt] = left[settlement.receipt] - settlement.amount
        }
        #expect(open.allSatisfy { $0.cents >= 0 } && left.allSatisfy { $0.cents >= 0 })
        for client in fec.clients {
            let invoices = fec.invoices.indices.filter { fec.invoices[$0].clientCode == client.code }
            let receipts = fec.receipts.indices.filter { fec.receipts[$0].clientCode == client.code }
            let ledger = invoices.reduce(Money.zero) { $0 + open[$1] } - receipts.reduce(Money.zero) { $0 + left[$1] }
            #expect(ledger == fec.openBalanceByClient[client.code])
        }
    }

    @Test("tab, ISO 8859-15, Montant + Sens, opening entries, a credit note, lettering of two invoices, a partial payment")
    func handMade() throws {
        let fec = try FECLedger.read(url: fixture("fec-montant-sens-latin9.txt"))
        #expect(fec.issues.isEmpty)
        #expect(fec.encodingName == "ISO 8859-15")
        #expect(fec.clients.map(\.name) == ["Boulangerie Rémi", "Œuvres du Cœur"])
        #expect(fec.clients.map(\.code) == ["4110001", "4110002"])
        #expect(fec.invoices.map(\.number) == ["AN-2026", "FA1", "FA2", "FA3"])
        #expect(fec.invoices.map(\.amount) == [cents(50_000), cents(100_000), cents(25_050), cents(30_000)])
        #expect(fec.receipts.map(\.amount) == [cents(125_050), cents(5_000), cents(10_000)])
        #expect(fec.receipts.map(\.isCreditNote) == [false, true, false])
        // 500 + 300 − 50 − 100 = 650,00 € ; 1 000 + 250,50 − 1 250,50 = 0.
        #expect(fec.openBalanceByClient == ["4110001": cents(65_000), "4110002": .zero])
        #expect(fec.openBalance == cents(65_000))
        // VIR1 settles FA1 and FA2 (lettrage AA); the credit note and the cheque go to FA3, named in their labels.
        let settled = fec.settlements.map {
            "\(fec.receipts[$0.receipt].reference ?? ""):\(fec.invoices[$0.invoice].number):\($0.amount.cents)"
        }
        #expect(
            settled == [
                "VIR1 Virement FA1 FA2:FA1:100000", "VIR1 Virement FA1 FA2:FA2:25050", "AV1 Avoir sur FA3:FA3:5000",
                "CHQ7 Chèque FA3:FA3:10000",
            ])
        try checkSettlements(fec)
    }

    @Test("another account prefix reads other accounts")
    func prefix() throws {
        let fec = try FECLedger.read(url: fixture("fec-montant-sens-latin9.txt"), accountPrefix: "706")
        #expect(fec.clients.map(\.code) == ["706000"])
        #expect(fec.invoices.isEmpty && fec.receipts.count == 1)
    }

    @Test("a bad amount or date on a 411 line is an issue with its line")
    func badLines() throws {
        let text = """
            JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise
            VE|Ventes|1|20260101|411000|Clients|C1|Client 1|F1|20260101|F1|12,3,4|0,00||||
            VE|Ventes|2|20260231|411000|Clients|C1|Client 1|F2|20260231|F2|10,00|0,00||||
            VE|Ventes|3|20260101|706000|Ventes|||F1|20260101|F1|0,00|pas un montant||||
            """
        let fec = try FECLedger.read(data: Data(text.utf8))
        #expect(fec.issues.map(\.line) == [2, 3])
        #expect(fec.issues.map(\.column) == ["Debit", "PieceDate"])
    }

    @Test("a file that is not a FEC is refused with what is missing")
    func notFEC() {
        #expect(throws: ImportFileError.self) { try FECLedger.read(data: Data("a;b;c\n1;2;3\n".utf8)) }
        do {
            _ = try FECLedger.read(data: Data("JournalCode\tCompteNum\tDebit\nVE\t411\t1\n".utf8))
        } catch {
            #expect(error.message.contains("EcritureNum"))
        }
    }
}
