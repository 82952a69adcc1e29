import Foundation
import JSONRPC
import Testing

@Suite("Message coding")
struct MessageCodingTests {
    static let messages: [JSONRPCMessage] = [
        .request(JSONRPCRequest(id: 1, method: "ask", params: ["text": "qui me doit ?"])),
        .request(JSONRPCRequest(id: .int(.max), method: "initialize")),
        .request(JSONRPCRequest(id: "abc", method: "parse", params: ["bonjour", 2])),
        .request(JSONRPCRequest(id: .double(1.5), method: "extract", params: [:])),
        .request(JSONRPCRequest(id: .null, method: "shutdown")),
        .notification(JSONRPCNotification(method: "exit")),
        .notification(
            JSONRPCNotification(
                method: "progress", params: ["token": "import", "done": 3, "total": 10, "message": "3/10"]
            )
        ),
        .response(JSONRPCResponse(id: 7, result: ["reply": "Aucun retard.", "data": []])),
        .response(JSONRPCResponse(id: "x", result: .null)),
        .response(JSONRPCResponse(id: .null, error: .parseError("le texte reçu n’est pas du JSON valide"))),
        .response(
            JSONRPCResponse(
                id: 2,
                error: ResponseError(
                    code: -32001, message: "Client introuvable", data: ["query": "Zorg", "suggestions": []])
            )
        ),
    ]

    @Test("round-trips through JSONEncoder and JSONDecoder", arguments: messages)
    func codableRoundTrip(message: JSONRPCMessage) throws {
        let data = try JSONEncoder().encode(message)
        #expect(try JSONDecoder().decode(JSONRPCMessage.self, from: data) == message)
    }

    @Test("round-trips through the wire form", arguments: messages)
    func wireRoundTrip(message: JSONRPCMessage) throws {
        let data = try message.jsonValue.jsonData()
        let value = try JSONValue(parsing: data)
        #expect(value["jsonrpc"] == "2.0")
        #expect(try JSONRPCMessage(validating: value) == message)
    }

    @Test("writes the documented wire form")
    func wireForm() throws {
        let request = JSONRPCRequest(id: 1, method: "ask", params: ["text": "a/b"])
        #expect(
            try request.jsonValue.jsonString() == #"{"id":1,"jsonrpc":"2.0","method":"ask","params":{"text":"a/b"}}"#)
        let notification = JSONRPCNotification(method: "exit")
        #expect(try notification.jsonValue.jsonString() == #"{"jsonrpc":"2.0","method":"exit"}"#)
        let success = JSONRPCResponse(id: "a", result: .null)
        #expect(try success.jsonValue.jsonString() == #"{"id":"a","jsonrpc":"2.0","result":null}"#)
        let failure = JSONRPCResponse(id: .null, error: .methodNotFound("foo"))
        #expect(
            try failure.jsonValue.jsonString()
                == #"{"error":{"code":-32601,"data":{"method":"foo"},"message":"Méthode inconnue\#u{A0}: «\#u{A0}foo\#u{A0}»"},"id":null,"jsonrpc":"2.0"}"#
        )
    }

    @Test(
        "request ids code as their JSON type",
        arguments: [
            (RequestID.int(0), "0"), (.int(-1), "-1"), (.int(9_007_199_254_740_991), "9007199254740991"),
            (.int(.max), "9223372036854775807"), (.double(1.5), "1.5"), (.string("abc"), #""abc""#),
            (.string(""), #""""#), (.null, "null"),
        ] as [(RequestID, String)])
    func requestIDs(id: RequestID, json: String) throws {
        #expect(String(decoding: try JSONEncoder().encode([id]), as: UTF8.self) == "[\(json)]")
        #expect(try JSONDecoder().decode([RequestID].self, from: Data("[\(json)]".utf8)) == [id])
    }

    @Test("ids of another type are refused", arguments: ["true", "[]", "{}"])
    func invalidRequestIDs(json: String) throws {
        #expect(RequestID(try JSONValue(parsing: json)) == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([RequestID].self, from: Data("[\(json)]".utf8))
        }
    }

    @Test("response errors round-trip, data included")
    func responseErrors() throws {
        let errors: [ResponseError] = [
            .parseError("x"), .badHeader("y"), .invalidRequest("z"), .methodNotFound("m"),
            .invalidParams(field: "amount", reason: "montant négatif"), .internalError("boum"),
            ResponseError(code: -32004, message: "Phrase non comprise", data: ["suggestions": ["qui me doit ?"]]),
        ]
        for error in errors {
            #expect(try JSONDecoder().decode(ResponseError.self, from: JSONEncoder().encode(error)) == error)
            #expect(ResponseError(jsonValue: error.jsonValue) == error)
        }
        #expect(ResponseError(jsonValue: ["code": "x", "message": "m"]) == nil)
        #expect(ResponseError(jsonValue: ["code": 1]) == nil)
    }

    @Test("error messages are French with non-breaking spaces")
    func frenchMessages() {
        #expect(ResponseError.methodNotFound("foo").message == "Méthode inconnue\u{A0}: \u{AB}\u{A0}foo\u{A0}\u{BB}")
        #expect(ResponseError.parseError("x").message == "JSON invalide\u{A0}: x")
        #expect(ResponseError.invalidRequest("x").message == "Requête invalide\u{A0}: x")
        let params = ResponseError.invalidParams(field: "text", reason: "champ obligatoire manquant")
        #expect(params.code == -32602)
        #expect(
            params.message
                == "Paramètres invalides\u{A0}: \u{AB}\u{A0}text\u{A0}\u{BB} \u{2014} champ obligatoire manquant")
        #expect(params.data == ["field": "text", "reason": "champ obligatoire manquant"])
        #expect(ResponseError.internalError("x").code == -32603)
        #expect(ResponseError.internalError("x").localizedDescription == "Erreur interne\u{A0}: x")
    }

    @Test("from(_:) passes response errors through and wraps the rest as -32603")
    func fromError() {
        let applicationError = ResponseError(code: -32002, message: "Client ambigu")
        #expect(ResponseError.from(applicationError) == applicationError)
        let wrapped = ResponseError.from(TestHandler.PlainError())
        #expect(wrapped == .internalError("la base est verrouillée"))
    }
}
