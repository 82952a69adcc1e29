import Foundation
import JSONRPC
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test(
        "parses strict JSON exactly",
        arguments: [
            ("null", JSONValue.null),
            ("true", .bool(true)),
            ("false", .bool(false)),
            ("0", .int(0)),
            ("-1", .int(-1)),
            ("9007199254740991", .int(9_007_199_254_740_991)),
            ("9007199254740993", .int(9_007_199_254_740_993)),
            ("9223372036854775807", .int(.max)),
            ("-9223372036854775808", .int(.min)),
            ("1.5", .double(1.5)),
            ("2.5e-3", .double(0.0025)),
            ("9223372036854775808", .double(9_223_372_036_854_775_808)),
            (#""é\n\u00e9😀""#, .string("é\né😀")),
            (#"  [1, "a", null]  "#, [1, "a", nil]),
            (#"{"a": {"b": [true]}}"#, ["a": ["b": [true]]]),
            ("{}", .object([:])),
            ("[]", .array([])),
        ] as [(String, JSONValue)]
    )
    func parses(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test(
        "rejects what is not strict JSON",
        arguments: [
            "", "   ", "[1,]", #"{"a":1,}"#, "[1,\n]", "NaN", "[Infinity]", "// c\n1", "/* c */ 1",
            "{} x", "{}{}", "'a'", "{a:1}", "01", "+1", ".5", "1.", "0x10", "[1 2]", "tru",
            "\"a\tb\"", #""\x""#, "[", #"{"a""#, #""abc"#, "}",
        ]
    )
    func rejects(text: String) {
        #expect(throws: ResponseError.self) { try JSONValue(parsing: text) }
        do {
            _ = try JSONValue(parsing: text)
        } catch {
            #expect(error.code == -32700)
            #expect(error.message.hasPrefix("JSON invalide\u{A0}: "))
        }
    }

    @Test("a trailing comma is reported in French with its position")
    func trailingCommaMessage() {
        #expect {
            try JSONValue(parsing: "[1,\n 2,]")
        } throws: { error in
            (error as? ResponseError)?.message
                == "JSON invalide\u{A0}: virgule en trop avant \u{AB}\u{A0}]\u{A0}\u{BB} (ligne 2, colonne 4)"
        }
    }

    @Test("Foundation's errors are located too")
    func foundationErrorPosition() {
        #expect {
            try JSONValue(parsing: "{\n  \"a\": tru\n}")
        } throws: { error in
            (error as? ResponseError)?.message.hasPrefix(
                "JSON invalide\u{A0}: le texte reçu n’est pas du JSON valide (ligne 2, colonne "
            ) == true
        }
    }

    @Test("nesting is limited without recursion", arguments: [512, 513, 10_000, 100_000])
    func depth(levels: Int) throws {
        let text = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
        if levels <= JSONValue.defaultMaxDepth {
            var value = try JSONValue(parsing: text)
            var depth = 1
            while case .array(let elements) = value, let first = elements.first {
                depth += 1
                value = first
            }
            #expect(depth == levels)
        } else {
            #expect {
                try JSONValue(parsing: text)
            } throws: { error in
                (error as? ResponseError)?.message.contains("imbrication trop profonde") == true
            }
        }
    }

    @Test("serialises compactly, keys sorted, slashes unescaped, integers exact")
    func serialisation() throws {
        let value: JSONValue = [
            "z": 1, "a": ["url": "https://exemple.fr/a"], "big": .int(.max), "half": 0.5,
            "text": "« guillemets »\n", "none": nil,
        ]
        let text = try value.jsonString()
        #expect(
            text
                == #"{"a":{"url":"https://exemple.fr/a"},"big":9223372036854775807,"half":0.5,"none":null,"text":"« guillemets »\n","z":1}"#
        )
        #expect(try JSONValue(parsing: text) == value)
    }

    @Test("non-finite doubles cannot be serialised")
    func nonFinite() {
        #expect(throws: (any Error).self) { try JSONValue.double(.infinity).jsonData() }
    }

    @Test("subscripts and accessors")
    func accessors() throws {
        let value = try JSONValue(parsing: #"{"s":"x","i":3,"d":2.5,"b":true,"a":[1,2],"o":{"k":null}}"#)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.intValue == 3)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["d"]?.intValue == nil)
        #expect(value["i"]?.doubleValue == 3)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?[1] == 2)
        #expect(value["a"]?[2] == nil)
        #expect(value["a"]?.arrayValue?.count == 2)
        #expect(value["o"]?.objectValue == ["k": .null])
        #expect(value["o"]?["k"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value[0] == nil)
        #expect(value["s"]?.intValue == nil)
        #expect(JSONValue.double(4).intValue == 4)
    }

    struct Invoice: Codable, Equatable {
        var number: String
        var cents: Int64
        var paid: Bool
        var tags: [String]
        var note: String?
    }

    @Test("converts to and from Codable types")
    func codable() throws {
        let invoice = Invoice(number: "F-2024/001", cents: 9_007_199_254_740_993, paid: false, tags: ["a"], note: nil)
        let value = try JSONValue(encoding: invoice)
        #expect(value == ["number": "F-2024/001", "cents": 9_007_199_254_740_993, "paid": false, "tags": ["a"]])
        #expect(try value.decode(Invoice.self) == invoice)
        let wrapped = try JSONDecoder().decode([String: JSONValue].self, from: Data(#"{"v":[1,1.5,"x"]}"#.utf8))
        #expect(wrapped["v"] == [1, 1.5, "x"])
        let encoded = try JSONEncoder().encode(["v": JSONValue.int(.min)])
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"v":-9223372036854775808}"#)
    }

    struct Params: Decodable {
        struct Line: Decodable { var amount: Int }
        var text: String
        var lines: [Line]?
        var sessionId: String?
    }

    @Test(
        "decodeParams names the faulty field",
        arguments: [
            (nil, "text", "champ obligatoire manquant"),
            (#"{"text": 3}"#, "text", "type incorrect (attendu\u{A0}: chaîne)"),
            (#"{"text": null}"#, "text", "valeur absente ou null (attendu\u{A0}: chaîne)"),
            (
                #"{"text": "a", "lines": [{"amount": 1}, {"amount": "x"}]}"#, "lines[1].amount",
                "type incorrect (attendu\u{A0}: entier)"
            ),
            (#"{"text": "a", "lines": {}}"#, "lines", "type incorrect (attendu\u{A0}: tableau)"),
            (#"["a"]"#, "params", "type incorrect (attendu\u{A0}: objet)"),
        ] as [(String?, String, String)]
    )
    func decodeParams(params: String?, field: String, reason: String) throws {
        let value = try params.map { try JSONValue(parsing: $0) }
        #expect {
            try JSONValue.decodeParams(Params.self, from: value)
        } throws: { error in
            error as? ResponseError == .invalidParams(field: field, reason: reason)
        }
    }

    @Test("decodeParams accepts absent params for all-optional types")
    func decodeOptionalParams() throws {
        struct Options: Decodable { var today: String? }
        #expect(try JSONValue.decodeParams(Options.self, from: nil).today == nil)
        #expect(try JSONValue.decodeParams(Params.self, from: ["text": "bonjour"]).text == "bonjour")
    }

    @Test("literals build every case")
    func literals() {
        let value: JSONValue = ["n": nil, "b": true, "i": 1, "d": 1.5, "s": "x", "a": [1], "o": ["k": "v"]]
        #expect(
            value
                == .object([
                    "n": .null, "b": .bool(true), "i": .int(1), "d": .double(1.5), "s": .string("x"),
                    "a": .array([.int(1)]), "o": .object(["k": .string("v")]),
                ])
        )
    }
}

/// `jsonData()` writes JSON itself: it must be byte for byte what Foundation's `JSONEncoder`
/// writes with sorted keys and unescaped slashes, on values of every shape.
@Suite("JSONValue serialisation")
struct JSONValueSerialisationTests {
    /// A small deterministic generator (xorshift), so that a failure replays.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let pieces = [
        "a", "é", "€", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "😀", " ", "Z", "_",
        "10", "9",
    ]
    static let doubles: [Double] = [
        0, -0.0, 1, 0.1, 2.5, 100, 1e16, 1e21, 1.5e-7, 1e-6, 0.30000000000000004, 123456789.123, -42.25, 1.7976931348623157e308, 5e-324,
    ]

    static func text(_ random: inout Random) -> String {
        (0..<random.below(6)).map { _ in pieces[random.below(pieces.count)] }.joined()
    }

    static func value(_ random: inout Random, depth: Int) -> JSONValue {
        switch random.below(depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.below(2) == 0)
        case 2: return .int(Int64(bitPattern: random.next()) >> random.below(64))
        case 3: return .double(doubles[random.below(doubles.count)] * (random.below(2) == 0 ? 1 : -1))
        case 4: return .string(text(&random))
        case 5: return .array((0..<random.below(5)).map { _ in value(&random, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<random.below(6) { members[text(&random)] = value(&random, depth: depth + 1) }
            return .object(members)
        }
    }

    @Test func writesWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var random = Random(state: 20_261_123)
        for _ in 0..<2_000 {
            let value = Self.value(&random, depth: 0)
            #expect(try value.jsonData() == encoder.encode(value), "\(value)")
        }
    }

    @Test func refusesNonFiniteNumbers() {
        #expect(throws: EncodingError.self) { try JSONValue.array([.double(.nan)]).jsonData() }
        #expect(throws: EncodingError.self) { try JSONValue.double(.infinity).jsonData() }
    }
}
