import Foundation

/// Decodes a `Decodable` straight from a `JSONValue`, without going back through JSON text:
/// every failure carries the coding path of the member at fault (so a `-32602` can name the
/// field), integers stay exact, and a number with a fraction is refused where an integer is
/// expected.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: JSONValue].self, value, codingPath) }
        return KeyedDecodingContainer(Keyed<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let array) = value else { throw mismatch([JSONValue].self, value, codingPath) }
        return Unkeyed(array: array, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(stringValue: String) { self.stringValue = stringValue }
        init(intValue: Int) {
            self.stringValue = "\(intValue)"
            self.intValue = intValue
        }
    }

    struct Keyed<K: CodingKey>: KeyedDecodingContainerProtocol {
        let object: [String: JSONValue]
        let codingPath: [any CodingKey]
        var allKeys: [K] { object.keys.compactMap { K(stringValue: $0) } }

        func contains(_ key: K) -> Bool { object[key.stringValue] != nil }

        func decodeNil(forKey key: K) throws -> Bool { object[key.stringValue].map { $0 == .null } ?? true }

        func decode<T: Decodable>(_ type: T.Type, forKey key: K) throws -> T {
            let path = codingPath + [key]
            guard let member = object[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "absent"))
            }
            return try decodeValue(type, from: member, path: path)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: K) throws -> KeyedDecodingContainer<NestedKey>
        {
            try JSONValueDecoder(object[key.stringValue] ?? .null, codingPath: codingPath + [key]).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: K) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(object[key.stringValue] ?? .null, codingPath: codingPath + [key]).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { JSONValueDecoder(.object(object), codingPath: codingPath) }
        func superDecoder(forKey key: K) throws -> any Decoder {
            JSONValueDecoder(object[key.stringValue] ?? .null, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let array: [JSONValue]
        let codingPath: [any CodingKey]
        var currentIndex = 0
        var count: Int? { array.count }
        var isAtEnd: Bool { currentIndex >= array.count }

        init(array: [JSONValue], codingPath: [any CodingKey]) {
            self.array = array
            self.codingPath = codingPath
        }

        mutating func next() throws -> (JSONValue, [any CodingKey]) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(JSONValue.self, .init(codingPath: codingPath, debugDescription: "fin du tableau"))
            }
            defer { currentIndex += 1 }
            return (array[currentIndex], codingPath + [Key(intValue: currentIndex)])
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, array[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, path) = try next()
            return try decodeValue(type, from: value, path: path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            let (value, path) = try next()
            return try JSONValueDecoder(value, codingPath: path).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, path) = try next()
            return try JSONValueDecoder(value, codingPath: path).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (value, path) = try next()
            return JSONValueDecoder(value, codingPath: path)
        }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { value == .null }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type, from: value, path: codingPath) }
    }
}

/// Decodes one value: primitives here, anything else through its own `init(from:)`.
private func decodeValue<T: Decodable>(_ type: T.Type, from value: JSONValue, path: [any CodingKey]) throws -> T {
    if T.self == JSONValue.self { return value as! T }
    if T.self == String.self {
        guard case .string(let string) = value else { throw mismatch(T.self, value, path) }
        return string as! T
    }
    if T.self == Bool.self {
        guard case .bool(let bool) = value else { throw mismatch(T.self, value, path) }
        return bool as! T
    }
    if T.self == Double.self || T.self == Float.self {
        let number: Double
        switch value {
        case .int(let int): number = Double(int)
        case .double(let double): number = double
        default: throw mismatch(T.self, value, path)
        }
        return (T.self == Double.self ? number as Any : Float(number) as Any) as! T
    }
    if let integerType = T.self as? any FixedWidthInteger.Type {
        guard case .int(let int) = value else {
            if case .double(let double) = value, double.rounded() == double, let exact = Int64(exactly: double) {
                return try exactInteger(integerType, exact, value, path) as! T
            }
            throw mismatch(T.self, value, path)
        }
        return try exactInteger(integerType, int, value, path) as! T
    }
    return try T(from: JSONValueDecoder(value, codingPath: path))
}

private func exactInteger(_ type: any FixedWidthInteger.Type, _ int: Int64, _ value: JSONValue, _ path: [any CodingKey]) throws -> Any {
    guard let converted = type.init(exactly: int) else {
        throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "nombre hors limites pour \(type)"))
    }
    return converted
}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ path: [any CodingKey]) -> DecodingError {
    if value == .null {
        return DecodingError.valueNotFound(type, .init(codingPath: path, debugDescription: "null"))
    }
    return DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "type incorrect"))
}
