import Foundation
import JSONRPC
import Testing

@Suite("Dispatch")
struct DispatchTests {
    static let deepNesting = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)

    @Test(
        "bad messages get the right error and id",
        arguments: [
            ("{", -32700, JSONValue.null),
            ("not json", -32700, .null),
            (#"{"jsonrpc":"2.0","id":1,"method":"echo",}"#, -32700, .null),
            (#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[1,]}"#, -32700, .null),
            (deepNesting, -32700, .null),
            ("[]", -32600, .null),
            ("{}", -32600, .null),
            ("1", -32600, .null),
            (#""texte""#, -32600, .null),
            ("null", -32600, .null),
            (#"{"jsonrpc":"1.0","id":1,"method":"echo"}"#, -32600, 1),
            (#"{"id":2,"method":"echo"}"#, -32600, 2),
            (#"{"jsonrpc":2.0,"id":3,"method":"echo"}"#, -32600, 3),
            (#"{"jsonrpc":"2.0","id":4}"#, -32600, 4),
            (#"{"jsonrpc":"2.0","id":"a","method":5}"#, -32600, "a"),
            (#"{"jsonrpc":"2.0","id":6,"method":"echo","params":"texte"}"#, -32600, 6),
            (#"{"jsonrpc":"2.0","id":7,"method":"echo","params":3}"#, -32600, 7),
            (#"{"jsonrpc":"2.0","id":{"a":1},"method":"echo"}"#, -32600, .null),
            (#"{"jsonrpc":"2.0","id":[1],"method":"echo"}"#, -32600, .null),
            (#"{"jsonrpc":"2.0","id":true,"method":"echo"}"#, -32600, .null),
            (#"{"jsonrpc":"2.0","method":1}"#, -32600, .null),
            (#"{"jsonrpc":"2.0","id":8,"method":"inconnue"}"#, -32601, 8),
            (#"{"jsonrpc":"2.0","id":9,"method":"invalid"}"#, -32602, 9),
            (#"{"jsonrpc":"2.0","id":10,"method":"fail"}"#, -32603, 10),
            (#"{"jsonrpc":"2.0","id":11,"method":"nan"}"#, -32603, 11),
        ] as [(String, Int64, JSONValue)]
    )
    func badMessages(text: String, code: Int64, id: JSONValue) throws {
        let response = try #require(try respond(text))
        #expect(response.errorCode == code)
        #expect(response["id"] == id)
        #expect(response["jsonrpc"] == "2.0")
        #expect(response["result"] == nil)
        #expect(response["error"]?["message"]?.stringValue?.isEmpty == false)
    }

    @Test("a batch of non-objects gets one -32600 per member")
    func batchOfNumbers() throws {
        let response = try #require(try respond("[1,2]"))
        let members = try #require(response.arrayValue)
        #expect(members.count == 2)
        #expect(members.allSatisfy { $0.errorCode == -32600 && $0["id"] == .null })
    }

    @Test("the messages a person reads are French")
    func frenchMessages() throws {
        let unknown = try #require(try respond(#"{"jsonrpc":"2.0","id":1,"method":"foo"}"#))
        #expect(unknown["error"]?["message"] == "Méthode inconnue\u{A0}: \u{AB}\u{A0}foo\u{A0}\u{BB}")
        let method = try #require(try respond(#"{"jsonrpc":"2.0","id":1,"method":[]}"#))
        #expect(
            method["error"]?["message"]
                == "Requête invalide\u{A0}: le champ \u{AB}\u{A0}method\u{A0}\u{BB} doit être une chaîne"
        )
        let parse = try #require(try respond("[1 2]"))
        #expect(parse["error"]?["message"]?.stringValue?.hasPrefix("JSON invalide\u{A0}: ") == true)
        let params = try #require(try respond(#"{"jsonrpc":"2.0","id":1,"method":"invalid"}"#))
        #expect(params["error"]?["data"] == ["field": "text", "reason": "champ obligatoire manquant"])
        let failure = try #require(try respond(#"{"jsonrpc":"2.0","id":1,"method":"fail"}"#))
        #expect(failure["error"]?["message"] == "Erreur interne\u{A0}: la base est verrouillée")
    }

    @Test(
        "ids are echoed with their type and value",
        arguments: [
            "0", "-1", "9007199254740991", "9223372036854775807", "-9223372036854775808", "1.5", #""abc""#, #""""#,
            "null",
        ]
    )
    func idEcho(id: String) throws {
        let (connection, handler, _) = makeDispatcher()
        let text = #"{"jsonrpc":"2.0","id":\#(id),"method":"echo","params":[true]}"#
        let data = try #require(connection.respond(to: Data(text.utf8), handler: handler))
        #expect(String(decoding: data, as: UTF8.self) == #"{"id":\#(id),"jsonrpc":"2.0","result":[true]}"#)
    }

    @Test("params null or absent reach the handler as nil", arguments: [#","params":null"#, ""])
    func absentParams(params: String) throws {
        let response = try respond(#"{"jsonrpc":"2.0","id":1,"method":"echo"\#(params)}"#)
        #expect(response?["result"] == "sans paramètres")
    }

    @Test("array params are passed as they are")
    func arrayParams() throws {
        let response = try respond(#"{"jsonrpc":"2.0","id":1,"method":"echo","params":[1,"a",{"b":null}]}"#)
        #expect(response?["result"] == [1, "a", ["b": nil]])
    }

    @Test("notifications get no response, even when unknown or failing")
    func notifications() throws {
        let (connection, handler, _) = makeDispatcher()
        for method in ["echo", "inconnue", "fail", "invalid"] {
            let text = #"{"jsonrpc":"2.0","method":"\#(method)","params":{}}"#
            #expect(connection.respond(to: Data(text.utf8), handler: handler) == nil)
        }
        #expect(handler.calls.map(\.method) == ["echo", "inconnue", "fail", "invalid"])
        #expect(handler.calls.allSatisfy { $0.isNotification })
    }

    @Test(
        "responses from the peer are ignored silently",
        arguments: [
            #"{"jsonrpc":"2.0","id":1,"result":{"ok":true}}"#,
            #"{"jsonrpc":"2.0","id":1,"error":{"code":-1,"message":"x"}}"#,
            #"{"id":1,"result":null}"#,
            #"[{"jsonrpc":"2.0","id":1,"result":1},{"jsonrpc":"2.0","id":2,"result":2}]"#,
        ]
    )
    func peerResponses(text: String) throws {
        #expect(try respond(text) == nil)
    }

    @Test("a mixed batch answers requests and invalid members, in order, not notifications")
    func mixedBatch() throws {
        let text = """
            [
              {"jsonrpc":"2.0","id":1,"method":"echo","params":["un"]},
              {"jsonrpc":"2.0","method":"echo","params":["notification"]},
              {"foo":"bar"},
              {"jsonrpc":"2.0","id":"deux","method":"inconnue"},
              5,
              {"jsonrpc":"2.0","id":3,"result":"réponse du client"},
              {"jsonrpc":"2.0","id":4,"method":"fail"},
              {"jsonrpc":"2.0","id":5,"method":"echo","params":7}
            ]
            """
        let response = try #require(try respond(text))
        let members = try #require(response.arrayValue)
        #expect(members.map { $0["id"] } == [1, .null, "deux", .null, 4, 5])
        #expect(members[0]["result"] == ["un"])
        #expect(members.dropFirst().map(\.errorCode) == [-32600, -32601, -32600, -32603, -32600])
    }

    @Test("an all-notification batch produces nothing at all")
    func notificationBatch() throws {
        let text = #"[{"jsonrpc":"2.0","method":"echo"},{"jsonrpc":"2.0","method":"inconnue","params":null}]"#
        #expect(try respond(text) == nil)
    }

    @Test("an empty batch is a single -32600, not an array")
    func emptyBatch() throws {
        let response = try #require(try respond(" [ ] "))
        #expect(response.arrayValue == nil)
        #expect(response.errorCode == -32600)
    }

    @Test("a nested batch is an invalid member")
    func nestedBatch() throws {
        let response = try #require(try respond(#"[[{"jsonrpc":"2.0","id":1,"method":"echo"}]]"#))
        #expect(response[0]?.errorCode == -32600)
    }

    @Test("framing errors are answered with id null")
    func framingErrors() throws {
        let (connection, handler, _) = makeDispatcher()
        let oversized = try #require(
            connection.respond(to: FramedMessage(framing: .newline, payload: .oversized), handler: handler)
        )
        let oversizedValue = try JSONValue(parsing: oversized)
        #expect(oversizedValue.errorCode == -32600)
        #expect(oversizedValue["id"] == .null)
        #expect(
            oversizedValue["error"]?["message"]
                == "Requête invalide\u{A0}: le message dépasse la taille maximale (64\u{A0}Mio) et a été ignoré"
        )
        let badHeader = try #require(
            connection.respond(to: FramedMessage(framing: .contentLength, payload: .badHeader("x")), handler: handler)
        )
        #expect(try JSONValue(parsing: badHeader).errorCode == -32700)
    }
}
