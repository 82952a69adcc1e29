/// The rules of JSON-RPC 2.0 for one message, checked in the order that lets the error echo
/// as much as possible: the id first (so later errors can carry it), then `jsonrpc`,
/// `method` and `params`.
extension JSONRPCMessage {
    /// Validates a JSON value as one message, or throws the `-32600` to answer.
    public init(validating value: JSONValue) throws(Invalid) {
        guard case .object(let members) = value else {
            throw Invalid(
                id: .null,
                error: .invalidRequest("un message doit être un objet JSON, pas \(Self.kind(of: value))")
            )
        }

        var id: RequestID?
        if let rawID = members["id"] {
            guard let valid = RequestID(rawID) else {
                throw Invalid(
                    id: .null,
                    error: .invalidRequest(
                        "le champ \(ResponseError.quoted("id")) doit être une chaîne, un nombre ou null"
                    )
                )
            }
            id = valid
        }
        func invalid(_ detail: String) -> Invalid {
            Invalid(id: id ?? .null, error: .invalidRequest(detail))
        }

        guard members["jsonrpc"] == .string("2.0") else {
            throw invalid(
                "le champ \(ResponseError.quoted("jsonrpc")) doit valoir \(ResponseError.quoted("2.0"))"
            )
        }

        if Self.isResponse(value) {
            self = .response(try Self.response(members, id: id, invalid: invalid))
            return
        }

        guard let rawMethod = members["method"] else {
            throw invalid("le champ \(ResponseError.quoted("method")) est obligatoire")
        }
        guard case .string(let method) = rawMethod else {
            throw invalid("le champ \(ResponseError.quoted("method")) doit être une chaîne")
        }

        let params: JSONValue?
        switch members["params"] {
        case nil, .null?:
            params = nil
        case .object?, .array?:
            params = members["params"]
        case let other?:
            throw invalid(
                "le champ \(ResponseError.quoted("params")) doit être un objet ou un tableau, pas "
                    + Self.kind(of: other)
            )
        }

        if let id {
            self = .request(JSONRPCRequest(id: id, method: method, params: params))
        } else {
            self = .notification(JSONRPCNotification(method: method, params: params))
        }
    }

    private static func response(
        _ members: [String: JSONValue], id: RequestID?, invalid: (String) -> Invalid
    ) throws(Invalid) -> JSONRPCResponse {
        guard let id else {
            throw invalid("une réponse doit porter un \(ResponseError.quoted("id"))")
        }
        switch (members["result"], members["error"]) {
        case (let result?, nil):
            return JSONRPCResponse(id: id, result: result)
        case (nil, let rawError?):
            guard let error = ResponseError(jsonValue: rawError) else {
                throw invalid(
                    "le champ \(ResponseError.quoted("error")) doit être un objet avec "
                        + "\(ResponseError.quoted("code")) et \(ResponseError.quoted("message"))"
                )
            }
            return JSONRPCResponse(id: id, error: error)
        default:
            throw invalid(
                "une réponse porte \(ResponseError.quoted("result")) ou \(ResponseError.quoted("error")), pas les deux"
            )
        }
    }

    /// The JSON type of a value in French, with its article: "un nombre", "une chaîne"…
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null:
            return "null"
        case .bool:
            return "un booléen"
        case .int, .double:
            return "un nombre"
        case .string:
            return "une chaîne"
        case .array:
            return "un tableau"
        case .object:
            return "un objet"
        }
    }
}
