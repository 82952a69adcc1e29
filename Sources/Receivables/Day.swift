import Foundation

/// A calendar day, with no time and no time zone: the unit of every due date and payment.
///
/// Stored as the number of days since 1970-01-01 so that arithmetic and comparison are
/// integer operations. "Today" is the Europe/Paris day (see `Day.today(in:)`).
public struct Day: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before).
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A valid day, or `nil` for "31 février" and other impossible dates.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), year >= 1, year <= 9999,
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// Year, month (1–12) and day of month, by the civil-from-days algorithm (H. Hinnant).
    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (index 3 from Monday = 0)
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Adds calendar months, clamping to the month's last day (31 janvier + 1 mois = 28/29 février).
    public func adding(months: Int) -> Day {
        let c = components
        let total = c.year * 12 + (c.month - 1) + months
        let year = total / 12
        let month = total % 12 + 1
        return Day(year: year, month: month, day: Swift.min(c.day, Day.daysIn(month: month, year: year)))!
    }

    public var firstOfMonth: Day { Day(ordinal: ordinal - day + 1) }
    public var lastOfMonth: Day {
        let c = components
        return Day(year: c.year, month: c.month, day: Day.daysIn(month: c.month, year: c.year))!
    }

    /// Signed number of days from `self` to `other`.
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// The current day in the given time zone (Europe/Paris by default).
    public static func today(in timeZone: TimeZone = Day.paris, now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The time zone in which Encaisse counts days.
    public static let paris: TimeZone = TimeZone(identifier: "Europe/Paris") ?? TimeZone(secondsFromGMT: 3600)!
}

extension Day {
    /// "2026-11-22".
    public var iso: String {
        let c = components
        var bytes: [UInt8] = Array(repeating: 0, count: 10)
        func put(_ value: Int, at offset: Int, width: Int) {
            var value = value
            for index in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(c.year, at: 0, width: 4)
        bytes[4] = UInt8(ascii: "-")
        put(c.month, at: 5, width: 2)
        bytes[7] = UInt8(ascii: "-")
        put(c.day, at: 8, width: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses "2026-11-22" strictly (an impossible day is `nil`). Reads the UTF-8 bytes
    /// directly: ledgers parse millions of these.
    public init?(iso text: some StringProtocol) {
        var fields = (0, 0, 0)
        var count = 0
        for byte in text.utf8 {
            count += 1
            guard count <= 10 else { return nil }
            if count == 5 || count == 8 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte &- UInt8(ascii: "0"))
            switch count {
            case 1...4: fields.0 = fields.0 * 10 + digit
            case 6...7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        guard count == 10 else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// "22/11/2026".
    public var french: String {
        let c = components
        return String(format: "%02d/%02d/%04d", c.day, c.month, c.year)
    }

    /// "22/11".
    public var frenchShort: String {
        let c = components
        return String(format: "%02d/%02d", c.day, c.month)
    }

    public static let frenchMonthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
    public static let frenchWeekdayNames = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

    /// "dimanche 22 novembre 2026"; the first of the month is written "1er".
    public var frenchLong: String {
        let c = components
        let dayText = c.day == 1 ? "1er" : "\(c.day)"
        return "\(Day.frenchWeekdayNames[weekday - 1]) \(dayText) \(Day.frenchMonthNames[c.month - 1]) \(c.year)"
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "date AAAA-MM-JJ qui existe attendue (reçu « \(text) »)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension Day: CustomStringConvertible {
    public var description: String { iso }
}
