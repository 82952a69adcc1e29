import Foundation
import Testing

/// `encaisse rpc` as an editor drives it: the real binary, both framings, split reads,
/// broken messages; stdout must carry nothing but protocol messages.
@Suite struct RPCProcessTests {
    static let arguments = ["rpc", "--demo", "--today", "2026-11-22"]

    static func lsp(_ json: String) -> Data {
        let body = Data(json.utf8)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Splits stdout into JSON messages, whatever their framing (bytes, since "\r\n" is one
    /// Character in Swift).
    static func messages(_ output: String) throws -> [[String: Any]] {
        var result: [[String: Any]] = []
        let bytes = Array(output.utf8)
        var index = 0
        let prefix = Array("Content-Length:".utf8)
        func append(_ body: ArraySlice<UInt8>) throws {
            let object = try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
            if let array = object as? [[String: Any]] { result.append(["batch": array]) } else { result.append(object as! [String: Any]) }
        }
        while index < bytes.count {
            if bytes[index...].starts(with: prefix) {
                let headerEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\r"))!
                let length = Int(
                    String(decoding: bytes[(index + prefix.count)..<headerEnd], as: UTF8.self).trimmingCharacters(in: .whitespaces))!
                let bodyStart = headerEnd + 4
                try append(bytes[bodyStart..<(bodyStart + length)])
                index = bodyStart + length
            } else {
                let lineEnd = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                if lineEnd > index { try append(bytes[index..<lineEnd]) }
                index = lineEnd + 1
            }
        }
        return result
    }

    @Test func answersInTheFramingOfEachRequest() throws {
        let input =
            Self.lsp(#"{"jsonrpc":"2.0","id":1,"method":"ask","params":{"text":"qui est en retard ?"}}"#)
            + Data(#"{"jsonrpc":"2.0","id":2,"method":"client.balance","params":{"client":"Dupont"}}"#.utf8) + Data("\n".utf8)
        let result = try BinaryRunner.run(Self.arguments, stdin: [input])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Content-Length: "))
        let messages = try Self.messages(result.stdout)
        #expect(messages.count == 2)
        let ask = messages[0]["result"] as? [String: Any]
        #expect(ask?["intent"] as? String == "overdue.list")
        #expect((ask?["reply"] as? String)?.contains("en retard") == true)
        let balance = (messages[1]["result"] as? [String: Any])?["data"] as? [String: Any]
        #expect((balance?["client"] as? [String: Any])?["name"] as? String == "Boulangerie Dupont")
        #expect(((balance?["outstanding"] as? [String: Any])?["cents"] as? Int ?? 0) > 0)
    }

    @Test func toleratesMessagesSplitAcrossReads() throws {
        let whole = Self.lsp(#"{"jsonrpc":"2.0","id":"é","method":"parse","params":{"text":"combien me doit Dupont ?"}}"#)
        let chunks = stride(from: 0, to: whole.count, by: 7).map { whole.subdata(in: $0..<min(whole.count, $0 + 7)) }
        let result = try BinaryRunner.run(Self.arguments, stdin: chunks, pause: 0.002)
        let messages = try Self.messages(result.stdout)
        #expect(messages.count == 1)
        #expect(messages.first?["id"] as? String == "é")
        #expect((messages.first?["result"] as? [String: Any])?["intent"] as? String == "client.balance")
    }

    @Test func survivesBrokenMessagesAndKeepsAnswering() throws {
        let input = """
            {not json
            []
            [1]
            {"jsonrpc":"2.0","id":3,"method":"does.not.exist"}
            {"jsonrpc":"2.0","method":"ask","params":{"text":"bonjour"}}
            {"jsonrpc":"2.0","id":4,"method":"ask","params":{"text":42}}
            {"jsonrpc":"2.0","id":9007199254740991,"method":"ask","params":null}
            {"jsonrpc":"2.0","id":5,"method":"help","params":null}

            """
        let result = try BinaryRunner.run(Self.arguments, stdin: input)
        #expect(result.status == 0)
        let messages = try Self.messages(result.stdout)
        func code(_ message: [String: Any]) -> Int? { (message["error"] as? [String: Any])?["code"] as? Int }
        #expect(messages.count == 7)
        #expect(code(messages[0]) == -32700)
        #expect(messages[0]["id"] is NSNull)
        #expect(code(messages[1]) == -32600)
        #expect(code((messages[2]["batch"] as? [[String: Any]])?.first ?? [:]) == -32600)
        #expect(code(messages[3]) == -32601)
        #expect(messages[3]["id"] as? Int == 3)
        #expect(code(messages[4]) == -32602)
        #expect(code(messages[5]) == -32602)
        #expect((messages[5]["id"] as? NSNumber)?.int64Value == 9_007_199_254_740_991)
        #expect((messages[6]["result"] as? [String: Any])?["reply"] is String)
    }

    @Test func applicationErrorsCarryFrenchMessagesAndData() throws {
        let input = """
            {"jsonrpc":"2.0","id":1,"method":"client.balance","params":{"client":"Zorg"}}
            {"jsonrpc":"2.0","id":2,"method":"ask","params":{"text":"combien me doit Martin ?","sessionId":"s1"}}
            {"jsonrpc":"2.0","id":3,"method":"ask","params":{"text":"le premier","sessionId":"s1"}}
            {"jsonrpc":"2.0","id":4,"method":"payment.record","params":{"client":"Dupont","amount":-10}}
            {"jsonrpc":"2.0","id":5,"method":"ask","params":{"text":"xyzzy plugh"}}

            """
        let messages = try Self.messages(try BinaryRunner.run(Self.arguments, stdin: input).stdout)
        let errors = messages.map { $0["error"] as? [String: Any] }
        #expect(errors[0]?["code"] as? Int == -32001)
        #expect((errors[0]?["message"] as? String)?.contains("introuvable") == true)
        #expect(errors[1]?["code"] as? Int == -32002)
        let candidates = (errors[1]?["data"] as? [String: Any])?["candidates"] as? [[String: Any]]
        #expect(Set(candidates?.compactMap { $0["name"] as? String } ?? []) == ["Martin SARL", "Martin & Fils"])
        let completed = messages[2]["result"] as? [String: Any]
        #expect(
            ((completed?["entities"] as? [String: Any])?["client"] as? [String: Any])?["name"] as? String == candidates?.first?["name"]
                as? String)
        #expect(errors[3]?["code"] as? Int == -32003)
        #expect((errors[3]?["data"] as? [String: Any])?["field"] as? String == "amount")
        #expect(errors[4]?["code"] as? Int == -32004)
    }

    @Test func nothingButProtocolOnStdoutAndCleanExit() throws {
        let input =
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"clientName":"test"}}"# + "\n"
            + #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"# + "\n" + #"{"jsonrpc":"2.0","method":"exit"}"# + "\n"
            + #"{"jsonrpc":"2.0","id":3,"method":"ask","params":{"text":"aide"}}"# + "\n"
        let result = try BinaryRunner.run(Self.arguments, stdin: input)
        #expect(result.status == 0)
        let messages = try Self.messages(result.stdout)
        #expect(messages.count == 2, "exit ends the server before id 3")
        let methods = (messages[0]["result"] as? [String: Any])?["methods"] as? [String] ?? []
        #expect(methods.contains("overdue.list") && methods.contains("ask") && methods.contains("parse"))
        #expect(messages[1]["result"] is NSNull)
    }

    @Test func extractReturnsEntitiesWithOffsets() throws {
        let input =
            #"{"jsonrpc":"2.0","id":1,"method":"extract","params":{"text":"Réglé 1 200,50 € le 15 mars","today":"2026-11-22"}}"# + "\n"
        let messages = try Self.messages(try BinaryRunner.run(Self.arguments, stdin: input).stdout)
        let entities = (messages.first?["result"] as? [String: Any])?["entities"] as? [[String: Any]] ?? []
        #expect(entities.map { $0["kind"] as? String } == ["amount", "date"])
        #expect(entities.first?["start"] as? Int == 6)
        #expect(entities.first?["end"] as? Int == 16)
        #expect((entities.first?["value"] as? [String: Any])?["cents"] as? Int == 120_050)
        #expect(entities.last?["value"] as? String == "2026-03-15")
    }

    @Test func clientsCompleteOffersNamesByAnyWord() throws {
        let input =
            #"{"jsonrpc":"2.0","id":1,"method":"clients.complete","params":{"prefix":"mar"}}"# + "\n"
            + #"{"jsonrpc":"2.0","id":2,"method":"clients.complete","params":{"prefix":"ETO","limit":5}}"# + "\n"
            + #"{"jsonrpc":"2.0","id":3,"method":"clients.complete","params":{"limit":0}}"# + "\n"
        let messages = try Self.messages(try BinaryRunner.run(Self.arguments, stdin: input).stdout)
        func names(_ message: [String: Any]) -> [String] { (message["result"] as? [String: Any])?["names"] as? [String] ?? [] }
        #expect(Set(names(messages[0])).isSuperset(of: ["Martin SARL", "Martin & Fils", "Pharmacie du Marché"]))
        #expect(names(messages[1]) == ["Café de l'Étoile"])
        #expect((messages[2]["error"] as? [String: Any])?["code"] as? Int == -32602)
    }
}
