import Foundation

/// Everything that can make a message unfit to be written, in French words a person can act on.
public enum MailError: LocalizedError, Equatable, Sendable {
    /// An address that is not a plausible `local@domain.tld` addr-spec (see ``MailAddress/isValid(_:)``).
    case invalidAddress(String)
    /// A message without any recipient in `To`.
    case noRecipient
    /// An extra header whose name is not a valid RFC 5322 field name (printable ASCII without
    /// colon or space), or is longer than 40 characters.
    case invalidHeaderName(String)
    /// An extra header that would duplicate one of the headers the writer produces itself.
    case reservedHeaderName(String)
    /// A `Message-ID` that is not of the form `<left@right>` in printable ASCII without spaces.
    case invalidMessageID(String)
    /// The `.eml` file could not be written.
    case writeFailed(path: String, reason: String)

    /// The French sentence shown to the user.
    public var message: String {
        let nbsp = "\u{00A0}"
        switch self {
        case .invalidAddress(let address):
            return "Adresse électronique invalide\(nbsp): « \(Self.visible(address)) »."
        case .noRecipient:
            return "Le message n’a aucun destinataire\(nbsp): indiquez au moins une adresse."
        case .invalidHeaderName(let name):
            return "Nom d’en-tête invalide\(nbsp): « \(Self.visible(name)) »."
        case .reservedHeaderName(let name):
            return "L’en-tête « \(Self.visible(name)) » est produit automatiquement et ne peut pas être ajouté."
        case .invalidMessageID(let id):
            return "Identifiant de message invalide\(nbsp): « \(Self.visible(id)) »."
        case .writeFailed(let path, let reason):
            return "Impossible d’écrire le message dans « \(path) »\(nbsp): \(reason)."
        }
    }

    /// Same as ``message``.
    public var errorDescription: String? { message }

    /// `text` with its control characters shown as escapes, so that a hostile value cannot
    /// break the line the message is printed on.
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r": result += "\\r"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar == "\u{2028}" || scalar == "\u{2029}"
                {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
