import Foundation

/// Typed params for handlers: decode a `Decodable` struct from a request's params and get
/// a `-32602` naming the faulty field when they do not fit.
extension JSONValue {
    /// Decodes `params` as `T`; absent params decode as `{}` so that all-optional structs
    /// work. Throws `ResponseError.invalidParams(field:reason:)` on mismatch.
    public static func decodeParams<T: Decodable>(
        _ type: T.Type, from params: JSONValue?
    ) throws(ResponseError) -> T {
        do {
            // Straight from the value: the error names the member at fault, integers stay exact.
            return try T(from: JSONValueDecoder(params ?? .object([:])))
        } catch let error as DecodingError {
            throw ResponseError(invalidParams: error)
        } catch let error as ResponseError {
            throw error
        } catch {
            throw ResponseError.internalError(error.localizedDescription)
        }
    }
}
