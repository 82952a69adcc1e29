import Foundation

/// Strict parsing and serialisation. `JSONSerialization` does the parsing (strict and fast),
/// but on Linux it accepts trailing commas, so a cheap structural pass runs first: it rejects
/// trailing commas and nesting deeper than `maxDepth` without recursion, and words those
/// errors in French with a line and column. Numbers are then read back exactly from
/// Foundation's `NSNumber`s. (`JSONDecoder` is as lenient, and ten times slower on `JSONValue`.)
extension JSONValue {
    /// The deepest nesting accepted; Foundation refuses more than 512 levels in any case.
    public static let defaultMaxDepth = 512

    /// Parses exactly one strict JSON value (RFC 8259; a leading UTF-8 byte order mark is
    /// tolerated). Throws a `-32700` `ResponseError` whose message says what is wrong.
    public init(parsing data: Data, maxDepth: Int = JSONValue.defaultMaxDepth) throws(ResponseError) {
        if let problem = Self.structuralProblem(in: data, maxDepth: maxDepth) {
            throw .parseError(problem)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .parseError("le texte reçu n’est pas du JSON valide" + Self.position(of: error, in: data))
        }
        guard let value = JSONValue(foundationObject: object) else {
            throw .parseError("valeur JSON inattendue")
        }
        self = value
    }

    /// Parses exactly one strict JSON value from its text.
    public init(parsing text: String, maxDepth: Int = JSONValue.defaultMaxDepth) throws(ResponseError) {
        try self.init(parsing: Data(text.utf8), maxDepth: maxDepth)
    }

    /// Converts any `Encodable` value into a `JSONValue` through `JSONEncoder` (pass one to
    /// choose date or key strategies).
    public init(encoding value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws {
        self = try JSONValue(parsing: encoder.encode(value))
    }

    /// Decodes this value into any `Decodable` type through `JSONDecoder`; errors are
    /// Foundation's `DecodingError` (see `decodeParams` for a `-32602` instead).
    public func decode<T: Decodable>(_ type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(type, from: jsonData())
    }

    /// Compact UTF-8 JSON with sorted keys and unescaped slashes, so output is stable.
    /// Throws only for a non-finite double, which JSON cannot express.
    ///
    /// Written directly, byte for byte what `JSONEncoder` with `.sortedKeys` and
    /// `.withoutEscapingSlashes` writes (keys in UTF-8 order, doubles as their shortest
    /// description without a trailing ".0", control characters as `\u00XX`): every response
    /// goes through here, and Foundation's encoder took a fifth of a large reply's time.
    public func jsonData() throws -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        try write(to: &bytes)
        return Data(bytes)
    }

    private func write(to bytes: inout [UInt8]) throws {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): bytes.append(contentsOf: String(value).utf8)
        case .double(let value):
            guard value.isFinite else {
                throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "nombre non fini : \(value)"))
            }
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            bytes.append(contentsOf: text.utf8)
        case .string(let value): Self.writeString(value, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                try element.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                try member.value.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func writeString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 10: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 8: bytes.append(contentsOf: [92, UInt8(ascii: "b")])
            case 12: bytes.append(contentsOf: [92, UInt8(ascii: "f")])
            case 0..<32:
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `jsonData()` as a string, for logs and tests.
    public func jsonString() throws -> String {
        String(decoding: try jsonData(), as: UTF8.self)
    }

    /// One linear pass over the bytes outside strings: the problems Foundation misses or
    /// cannot survive, described in French, or `nil` when the structure looks sound.
    static func structuralProblem(in data: Data, maxDepth: Int) -> String? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> String? in
            var depth = 0
            var inString = false
            var escaped = false
            var previous: UInt8 = 0  // last significant byte outside strings, 0 at start
            for (offset, byte) in bytes.enumerated() {
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == ASCII.backslash {
                        escaped = true
                    } else if byte == ASCII.quote {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case ASCII.quote:
                    inString = true
                case ASCII.openBrace, ASCII.openBracket:
                    depth += 1
                    if depth > maxDepth {
                        return "imbrication trop profonde (plus de \(maxDepth) niveaux)"
                            + position(of: offset, in: bytes)
                    }
                case ASCII.closeBrace, ASCII.closeBracket:
                    if previous == ASCII.comma {
                        let closer = String(UnicodeScalar(byte))
                        return "virgule en trop avant \(ResponseError.quoted(closer))"
                            + position(of: offset, in: bytes)
                    }
                    depth -= 1
                case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn:
                    continue
                default:
                    break
                }
                previous = byte
            }
            return previous == 0 && !inString ? "message vide" : nil
        }
    }

    /// " (ligne L, colonne C)" for a byte offset, counting from 1.
    private static func position(of offset: Int, in bytes: UnsafeRawBufferPointer) -> String {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == ASCII.lineFeed {
            line += 1
            lineStart = index + 1
        }
        return " (ligne \(line), colonne \(offset - lineStart + 1))"
    }

    /// The position Foundation reports ("… around character 12."), or "" when it gives none.
    private static func position(of error: any Error, in data: Data) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        guard let range = description.range(of: #"character \d+"#, options: .regularExpression),
            let offset = Int(description[range].dropFirst("character ".count)), offset <= data.count
        else { return "" }
        return data.withUnsafeBytes { position(of: offset, in: $0) }
    }

    /// Converts what `JSONSerialization` returns. Booleans are the `NSNumber`s of type `c`
    /// (Foundation makes no other `char` numbers); integers keep their exact `Int64` value,
    /// including those Linux returns as `NSDecimalNumber`; the rest become doubles. Swift
    /// types are tried first: casting a Swift collection to a class bridges it, which is slow.
    init?(foundationObject object: Any) {
        switch object {
        case let text as String:
            self = .string(text)
        case let members as [String: Any]:
            var values: [String: JSONValue] = [:]
            values.reserveCapacity(members.count)
            for (key, member) in members {
                guard let value = JSONValue(foundationObject: member) else { return nil }
                values[key] = value
            }
            self = .object(values)
        case let elements as [Any]:
            var values: [JSONValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let value = JSONValue(foundationObject: element) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case let number as NSNumber:
            self = JSONValue(number: number)
        case is NSNull:
            self = .null
        default:
            return nil
        }
    }

    private init(number: NSNumber) {
        if let decimal = number as? NSDecimalNumber {
            if let integer = Int64(decimal.stringValue) {
                self = .int(integer)
            } else {
                self = .double(decimal.doubleValue)
            }
            return
        }
        switch UInt8(bitPattern: number.objCType.pointee) {
        case UInt8(ascii: "c"), UInt8(ascii: "B"):
            self = .bool(number.boolValue)
        case UInt8(ascii: "d"), UInt8(ascii: "f"):
            self = .double(number.doubleValue)
        case UInt8(ascii: "Q"), UInt8(ascii: "L"), UInt8(ascii: "I"):
            if let integer = Int64(exactly: number.uint64Value) {
                self = .int(integer)
            } else {
                self = .double(number.doubleValue)
            }
        default:
            self = .int(number.int64Value)
        }
    }
}
