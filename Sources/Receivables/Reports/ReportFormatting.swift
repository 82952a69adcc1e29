import Foundation

/// French writing of the numbers the reports put into words: "54,8", "34 %", "1 jour".
///
/// Internal to the reports so that every sentence they build writes figures the same way:
/// a decimal comma, a no-break space before the percent sign (`FrenchTypography`), and
/// rounding half away from zero (34,5 → 35; −0,04 shows as "0,0", never "-0,0").
enum ReportText {
    /// `value` with `places` decimals and a decimal comma: `decimal(54.8, places: 1)` = "54,8".
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "–" }
        let scale = pow(10.0, Double(places))
        var rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
        if rounded == 0 { rounded = 0 }  // no "-0,0"
        let text = String(format: "%.\(places)f", rounded)
        return text.replacingOccurrences(of: ".", with: ",")
    }

    /// A whole number of days or percent, rounded half away from zero.
    static func whole(_ value: Double) -> Int {
        guard value.isFinite else { return 0 }
        return Int(value.rounded(.toNearestOrAwayFromZero))
    }

    /// "34 %" (no decimals) or "34,2 %" with `places: 1`.
    static func percent(_ value: Double, places: Int = 0) -> String {
        (places == 0 ? String(whole(value)) : decimal(value, places: places)) + FrenchTypography.noBreakSpace + "%"
    }

    /// "1 jour", "0 jour", "12 jours": French counts 0 and 1 as singular.
    static func count(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(value) " + (abs(value) <= 1 ? singular : plural)
    }

    /// `part × 100 / whole`, in percent (exact for whole percents); 0 when `whole` is zero or negative.
    static func share(_ part: Money, of whole: Money) -> Double {
        whole.cents > 0 ? Double(part.cents) * 100 / Double(whole.cents) : 0
    }

    /// The key names are ordered by: case and accents folded ("Éclair" → "eclair").
    static func sortKey(_ name: String) -> String {
        // Plain ASCII names (most of them) are just lowercased, without Foundation's cost.
        var ascii = true
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            guard byte < 0x80 else {
                ascii = false
                break
            }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        return name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The order of rows by a figure, LARGEST first; equal figures by name with case and
    /// accents ignored ("élan" between "Eau" and "Ferme"), then by exact spelling, then by id,
    /// so that a report never depends on the input order. Returns indices into the arrays
    /// (all of the same length). Names are folded only for rows that tie, once each. O(n log n).
    static func descendingOrder(_ figures: [Int64], names: [String], ids: [Int64]) -> [Int] {
        var keys = [String?](repeating: nil, count: figures.count)
        func key(_ index: Int) -> String {
            if let known = keys[index] { return known }
            let folded = sortKey(names[index])
            keys[index] = folded
            return folded
        }
        return figures.indices.sorted { i, j in
            if figures[i] != figures[j] { return figures[i] > figures[j] }
            let (ki, kj) = (key(i), key(j))
            if ki != kj { return ki < kj }
            if names[i] != names[j] { return names[i] < names[j] }
            return ids[i] < ids[j]
        }
    }
}
