import Foundation

/// A mailbox: an optional display name and an addr-spec such as `compta@garage-moreau.fr`.
public struct MailAddress: Hashable, Sendable {
    /// The display name, any Unicode; line breaks and control characters are rendered as spaces.
    public var name: String?
    /// The addr-spec, `local@domain.tld`, ASCII only.
    public var address: String

    /// A mailbox with an optional display name.
    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// Validates a plausible addr-spec: `local@domain.tld`, ASCII only, no spaces, CR or LF.
    ///
    /// The local part is a dot-atom (RFC 5322 `atext` separated by single dots, at most 64
    /// octets); the domain has at least two labels of letters, digits and inner hyphens (at most
    /// 63 octets each), and ends with an alphabetic top-level domain or an `xn--` one. Quoted
    /// local parts, address literals and internationalised addresses are refused.
    public static func isValid(_ address: String) -> Bool {
        let bytes = Array(address.utf8)
        guard !bytes.isEmpty, bytes.count <= 254, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else {
            return false
        }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        guard (1...64).contains(local.count), isDotAtom(local) else { return false }
        guard (4...253).contains(domain.count) else { return false }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(isDomainLabel) else { return false }
        let top = labels[labels.count - 1]
        let isPunycode = top.count > 4 && top.starts(with: Array("xn--".utf8))
        return isPunycode || (top.count >= 2 && top.allSatisfy(isLetter))
    }

    /// `true` for the RFC 5322 `atext` octets: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func isDotAtom(_ bytes: ArraySlice<UInt8>) -> Bool {
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(isAtext) }
    }

    private static func isDomainLabel(_ label: ArraySlice<UInt8>) -> Bool {
        guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else {
            return false
        }
        return label.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }
}
