import Foundation

/// From message bytes to response bytes, with no I/O: parsing, validation, batches, and the
/// call to the handler. Public so tests and fuzzers can drive dispatch directly.
extension JSONRPCConnection {
    /// The unframed response to one framed message, or `nil` when none is due
    /// (notifications, responses from the peer, all-notification batches).
    public func respond(to message: FramedMessage, handler: any JSONRPCHandler) -> Data? {
        switch message.payload {
        case .data(let payload):
            return respond(to: payload, handler: handler)
        case .oversized:
            let limit = Self.describeSize(maxMessageBytes)
            let error = ResponseError.invalidRequest(
                "le message dépasse la taille maximale (\(limit)) et a été ignoré"
            )
            return Self.serialize(JSONRPCResponse(id: .null, error: error))
        case .badHeader(let reason):
            return Self.serialize(JSONRPCResponse(id: .null, error: .badHeader(reason)))
        }
    }

    /// The unframed response to one message body (a single message or a batch), or `nil`
    /// when none is due.
    public func respond(to payload: Data, handler: any JSONRPCHandler) -> Data? {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: payload)
        } catch {
            return Self.serialize(JSONRPCResponse(id: .null, error: error))
        }
        guard case .array(let members) = value else {
            return reply(to: value, handler: handler).map(Self.serialize)
        }
        guard !members.isEmpty else {
            let error = ResponseError.invalidRequest("un lot (batch) vide ne contient aucune requête")
            return Self.serialize(JSONRPCResponse(id: .null, error: error))
        }
        let responses = members.compactMap { reply(to: $0, handler: handler).map(Self.serialize) }
        guard !responses.isEmpty else { return nil }
        var batch = Data("[".utf8)
        batch.append(contentsOf: responses.joined(separator: Data(",".utf8)))
        batch.append(contentsOf: "]".utf8)
        return batch
    }

    /// The response to one member: an error for an invalid message, the handler's outcome
    /// for a request, nothing for a notification or a response.
    private func reply(to value: JSONValue, handler: any JSONRPCHandler) -> JSONRPCResponse? {
        if JSONRPCMessage.isResponse(value) {
            return nil
        }
        let message: JSONRPCMessage
        do {
            message = try JSONRPCMessage(validating: value)
        } catch {
            return error.response
        }
        switch message {
        case .request(let request):
            do {
                let result = try handler.handle(
                    method: request.method, params: request.params, isNotification: false,
                    connection: self
                )
                return JSONRPCResponse(id: request.id, result: result)
            } catch {
                return JSONRPCResponse(id: request.id, error: .from(error))
            }
        case .notification(let notification):
            _ = try? handler.handle(
                method: notification.method, params: notification.params, isNotification: true,
                connection: self
            )
            return nil
        case .response:
            return nil
        }
    }

    /// The response's bytes; a result JSON cannot express (a non-finite number) becomes a
    /// `-32603` for the same id rather than no answer at all.
    private static func serialize(_ response: JSONRPCResponse) -> Data {
        if let data = try? response.jsonValue.jsonData() {
            return data
        }
        let error = ResponseError.internalError("la réponse contient un nombre non fini, que JSON ne sait pas écrire")
        let fallback = JSONRPCResponse(id: response.id, error: error)
        return (try? fallback.jsonValue.jsonData()) ?? Data()
    }

    /// "64 Mio", "512 Kio" or "1000 octets", with a non-breaking space.
    static func describeSize(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 {
            return "\(bytes >> 20)\u{A0}Mio"
        }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 {
            return "\(bytes >> 10)\u{A0}Kio"
        }
        return "\(bytes)\u{A0}octets"
    }
}
