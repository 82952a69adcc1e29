/// Words a `DecodingError` met while reading params as a `-32602` for the field at fault,
/// such as `items[2].amount`.
extension ResponseError {
    /// `-32602` naming the field where decoding failed and why, in French.
    public init(invalidParams error: DecodingError) {
        switch error {
        case .keyNotFound(let key, let context):
            self = .invalidParams(
                field: Self.fieldPath(context.codingPath + [key]), reason: "champ obligatoire manquant"
            )
        case .valueNotFound(let type, let context):
            self = .invalidParams(
                field: Self.fieldPath(context.codingPath),
                reason: "valeur absente ou null (attendu\u{A0}: \(Self.describeType(type)))"
            )
        case .typeMismatch(let type, let context):
            self = .invalidParams(
                field: Self.fieldPath(context.codingPath),
                reason: "type incorrect (attendu\u{A0}: \(Self.describeType(type)))"
            )
        case .dataCorrupted(let context):
            self = .invalidParams(field: Self.fieldPath(context.codingPath), reason: Self.french(context.debugDescription))
        @unknown default:
            self = .invalidParams(field: "params", reason: "\(error)")
        }
    }

    /// The standard library's own words for an enum value it does not know ("Cannot initialize
    /// Kind from invalid String value foo") in French; the project's own reasons are French already.
    static func french(_ reason: String) -> String {
        guard reason.hasPrefix("Cannot initialize "), let range = reason.range(of: " value ") else { return reason }
        return "valeur «\u{A0}\(reason[range.upperBound...])\u{A0}» non reconnue"
    }

    /// `a.b[2].c`, or `params` for the params value itself.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var result = ""
        for key in path {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result.isEmpty ? "params" : result
    }

    /// A Swift type in words a JSON user understands.
    static func describeType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Substring.Type, is Character.Type:
            return "chaîne"
        case is Bool.Type:
            return "booléen"
        case is any BinaryInteger.Type:
            return "entier"
        case is any BinaryFloatingPoint.Type:
            return "nombre"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array<") || name.hasPrefix("Set<") {
                return "tableau"
            }
            return "objet"
        }
    }
}
