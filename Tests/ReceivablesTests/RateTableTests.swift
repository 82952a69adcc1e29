import Foundation
import Receivables
import Testing

/// Proves the half-year arithmetic, the shipped figures (exactly those of law-fr.md), percent
/// parsing and French display, the JSON rate file (round trip, tolerant values, strict keys,
/// French errors) and merging an update into the table.
@Suite struct RateTableTests {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }
    static func h(_ year: Int, _ half: Int) -> HalfYear { HalfYear(year: year, half: half) }

    // MARK: HalfYear

    @Test(arguments: [
        ("2026-01-01", 2026, 1), ("2026-06-30", 2026, 1), ("2026-07-01", 2026, 2), ("2026-12-31", 2026, 2),
        ("2024-02-29", 2024, 1), ("2027-03-15", 2027, 1),
    ])
    func halfYearContainingDay(iso: String, year: Int, half: Int) {
        let halfYear = HalfYear(containing: Self.day(iso))
        #expect(halfYear == HalfYear(year: year, half: half))
        #expect(halfYear.firstDay <= Self.day(iso) && Self.day(iso) <= halfYear.lastDay)
    }

    @Test func halfYearBoundsAndSuccession() {
        #expect(Self.h(2026, 1).firstDay.iso == "2026-01-01")
        #expect(Self.h(2026, 1).lastDay.iso == "2026-06-30")
        #expect(Self.h(2026, 2).firstDay.iso == "2026-07-01")
        #expect(Self.h(2026, 2).lastDay.iso == "2026-12-31")
        #expect(Self.h(2026, 1).next == Self.h(2026, 2))
        #expect(Self.h(2026, 2).next == Self.h(2027, 1))
        #expect(Self.h(2027, 1).previous == Self.h(2026, 2))
        #expect(Self.h(2026, 1).lastDay.adding(days: 1) == Self.h(2026, 2).firstDay)
        #expect(Self.h(2026, 2).lastDay.adding(days: 1) == Self.h(2027, 1).firstDay)
        #expect(Self.h(2025, 2) < Self.h(2026, 1))
        #expect(Self.h(2026, 1) < Self.h(2026, 2))
        #expect([Self.h(2026, 2), Self.h(2023, 1), Self.h(2026, 1)].sorted() == [Self.h(2023, 1), Self.h(2026, 1), Self.h(2026, 2)])
    }

    @Test func halfYearTexts() {
        #expect(Self.h(2026, 1).french == "1er semestre 2026")
        #expect(Self.h(2026, 2).french == "2e semestre 2026")
        #expect(Self.h(2026, 2).description == "2026-H2")
        #expect(Self.h(987, 1).description == "0987-H1")
    }

    @Test(arguments: [
        ("2026-H1", 2026, 1), ("2026-H2", 2026, 2), ("2026-h2", 2026, 2), ("2026-S1", 2026, 1), (" 2023-H1 ", 2023, 1),
    ])
    func halfYearParses(text: String, year: Int, half: Int) {
        #expect(HalfYear(text) == HalfYear(year: year, half: half))
    }

    @Test(arguments: ["2026-H3", "2026-H0", "26-H1", "2026H1", "2026-H12", "2026-X1", "", "abcd-H1", "0000-H1", "2026-1"])
    func halfYearRejects(text: String) {
        #expect(HalfYear(text) == nil)
    }

    @Test func halfYearCodesAsAStringAndAsADictionaryKey() throws {
        let data = try JSONEncoder().encode([Self.h(2026, 2)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-H2"]"#)
        #expect(try JSONDecoder().decode([HalfYear].self, from: data) == [Self.h(2026, 2)])
        let keyed = try JSONEncoder().encode([Self.h(2026, 1): 215])
        #expect(String(decoding: keyed, as: UTF8.self) == #"{"2026-H1":215}"#)
        #expect(try JSONDecoder().decode([HalfYear: Int].self, from: keyed) == [Self.h(2026, 1): 215])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([HalfYear].self, from: Data(#"["2026-H3"]"#.utf8)) }
    }

    // MARK: Shipped figures (law-fr.md)

    /// The ECB table of law-fr.md, with its B2B penalty column (ECB + 10 points).
    @Test(arguments: [
        (2023, 1, 250, 1250), (2023, 2, 400, 1400), (2024, 1, 450, 1450), (2024, 2, 425, 1425),
        (2025, 1, 315, 1315), (2025, 2, 215, 1215), (2026, 1, 215, 1215), (2026, 2, 215, 1215),
    ])
    func shippedECBRates(year: Int, half: Int, ecb: Int, penalty: Int) {
        let halfYear = HalfYear(year: year, half: half)
        #expect(RateTable.shipped.ecb[halfYear] == ecb)
        #expect(LatePayment.rate(for: .business, in: halfYear, rates: .shipped) == penalty)
        #expect(LatePayment.rate(for: .publicBuyer, in: halfYear, rates: .shipped) == penalty - 200)
    }

    /// The legal interest rate table of law-fr.md: (creditor a business, creditor an individual).
    @Test(arguments: [
        (2023, 1, 206, 447), (2023, 2, 422, 682), (2024, 1, 507, 801), (2024, 2, 492, 816),
        (2025, 1, 371, 721), (2025, 2, 276, 665), (2026, 1, 262, 667),
    ])
    func shippedLegalRates(year: Int, half: Int, professional: Int, individual: Int) {
        let halfYear = HalfYear(year: year, half: half)
        #expect(RateTable.shipped.legalProfessionalCreditor[halfYear] == professional)
        #expect(RateTable.shipped.legalIndividualCreditor[halfYear] == individual)
    }

    @Test func shippedTableHasNothingElse() {
        let shipped = RateTable.shipped
        #expect(shipped.ecb.count == 8)
        #expect(shipped.legalProfessionalCreditor.count == 7)
        #expect(shipped.legalIndividualCreditor.count == 7)
        // 2026 H2: the legal rate is not yet known; the user adds it.
        #expect(shipped.legalProfessionalCreditor[Self.h(2026, 2)] == nil)
        #expect(shipped.legalIndividualCreditor[Self.h(2026, 2)] == nil)
        #expect(shipped.ecb[Self.h(2027, 1)] == nil)
        #expect(shipped.halfYears.first == Self.h(2023, 1))
        #expect(shipped.halfYears.last == Self.h(2026, 2))
        #expect(shipped.halfYears.count == 8)
    }

    // MARK: Percent text

    @Test(arguments: [
        (1215, "12,15\u{00A0}%"), (215, "2,15\u{00A0}%"), (400, "4,00\u{00A0}%"), (4, "0,04\u{00A0}%"),
        (50, "0,50\u{00A0}%"), (0, "0,00\u{00A0}%"), (-50, "-0,50\u{00A0}%"), (786, "7,86\u{00A0}%"), (10_000, "100,00\u{00A0}%"),
    ])
    func formatPercent(basisPoints: Int, expected: String) {
        #expect(RateTable.formatPercent(basisPoints) == expected)
        #expect(RateTable.basisPoints(parsing: expected) == basisPoints)
    }

    @Test(arguments: [
        ("2,15", 215), ("2.15", 215), ("2,15 %", 215), ("2,15%", 215), ("2,15\u{202F}%", 215), ("2,15\u{00A0}%", 215),
        (" 2,15 ", 215), ("4", 400), ("4,5", 450), ("4.0", 400), ("0,04", 4), ("-0,50", -50), ("−0,5", -50), ("+3", 300),
        ("12,15 %", 1215), ("100", 10_000),
    ])
    func parsesPercent(text: String, expected: Int) {
        #expect(RateTable.basisPoints(parsing: text) == expected)
    }

    @Test(arguments: ["", "abc", "2,155", "2,", ",5", ".5", "1 000", "2,1,5", "1234", "2,15 %%", "%", "2e1", "- 2", "2,x5"])
    func rejectsMalformedPercent(text: String) {
        #expect(RateTable.basisPoints(parsing: text) == nil)
    }

    // MARK: JSON rate file

    @Test func shippedTableRoundTripsThroughJSON() throws {
        let data = try RateTable.shipped.jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"2,15\""))
        #expect(text.contains("\"2026-H1\""))
        #expect(text.contains("\"legalIndividual\""))
        #expect(try RateTable(jsonData: data) == RateTable.shipped)
        // Written in order, one rate per line: a person can read and edit it.
        #expect(text.range(of: "2023-H1")!.lowerBound < text.range(of: "2023-H2")!.lowerBound)
        #expect(text.split(separator: "\n").count > 22)
    }

    @Test func readsFrenchAndEnglishDecimalsAndNumbers() throws {
        let json = """
            {
              "_comment": "taux de l’intérêt légal du 2e semestre 2026, à vérifier",
              "ecb": {"2026-H2": "2,15", "2027-H1": "2.00 %"},
              "legal": {"2026-H2": "2.70"},
              "legalIndividual": {"2026-S2": 6.5, "2027-H1": 7}
            }
            """
        let table = try RateTable(jsonData: Data(json.utf8))
        #expect(table.ecb == [Self.h(2026, 2): 215, Self.h(2027, 1): 200])
        #expect(table.legalProfessionalCreditor == [Self.h(2026, 2): 270])
        #expect(table.legalIndividualCreditor == [Self.h(2026, 2): 650, Self.h(2027, 1): 700])
    }

    @Test func membersAreOptional() throws {
        let table = try RateTable(jsonData: Data(#"{"legal": {"2026-H2": "2,70"}}"#.utf8))
        #expect(table.ecb.isEmpty && table.legalIndividualCreditor.isEmpty)
        #expect(table.legalProfessionalCreditor == [Self.h(2026, 2): 270])
        #expect(try RateTable(jsonData: Data("{}".utf8)) == RateTable())
    }

    /// Each bad file is refused with a French message that names the culprit.
    @Test(arguments: [
        (#"{"ecb": {"2026-H3": "2,15"}}"#, "2026-H3"),
        (#"{"ecb": {"2026-H2": "deux"}}"#, "deux"),
        (#"{"ecb": {"2026-H2": "2,155"}}"#, "2,155"),
        (#"{"ecb": {"2026-H2": 215}}"#, "215"),  // basis points by mistake: 215 % is out of range
        (#"{"ecb": {"2026-H2": true}}"#, "2026-H2"),
        (#"{"legl": {"2026-H2": "2,70"}}"#, "legl"),
        (#"{"ecb": ["2,15"]}"#, "ecb"),
        (#"["2,15"]"#, "attendu"),
        (#"{"ecb": {"2026-H2": "2,15"}"#, "JSON"),
    ])
    func refusesBadFiles(json: String, culprit: String) {
        do {
            _ = try RateTable(jsonData: Data(json.utf8))
            Issue.record("accepted \(json)")
        } catch let error as RateTableError {
            #expect(error.message.contains(culprit), "\(error.message)")
            #expect(!error.message.contains("The data couldn"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    // MARK: Merging

    @Test func anUpdateWinsAndCompletes() {
        let update = RateTable(
            ecb: [Self.h(2026, 2): 200, Self.h(2027, 1): 190],
            legalProfessionalCreditor: [Self.h(2026, 2): 270])
        let merged = RateTable.shipped.merging(update)
        #expect(merged.ecb[Self.h(2026, 2)] == 200)
        #expect(merged.ecb[Self.h(2027, 1)] == 190)
        #expect(merged.ecb[Self.h(2026, 1)] == 215)
        #expect(merged.legalProfessionalCreditor[Self.h(2026, 2)] == 270)
        #expect(merged.legalProfessionalCreditor[Self.h(2026, 1)] == 262)
        #expect(merged.legalIndividualCreditor == RateTable.shipped.legalIndividualCreditor)
        #expect(RateTable.shipped.merging(RateTable()) == RateTable.shipped)
        #expect(RateTable().merging(RateTable.shipped) == RateTable.shipped)
    }

    @Test func aFileReadBackMergesIntoTheShippedTable() throws {
        let file = try RateTable(jsonData: Data(#"{"legal": {"2026-H2": "2,70"}, "legalIndividual": {"2026-H2": "6,80"}}"#.utf8))
        let merged = RateTable.shipped.merging(file)
        #expect(merged.legalProfessionalCreditor.count == 8)
        #expect(merged.legalIndividualCreditor[Self.h(2026, 2)] == 680)
        #expect(try RateTable(jsonData: merged.jsonData()) == merged)
    }
}
