import Foundation
import Hummingbird

/// Decodes the API's JSON bodies, and answers a body that does not fit with a Russian 400 (`bad_request`) naming the
/// field. Without it Hummingbird's `Request.decode` turns every `DecodingError` into its own English `HTTPError`
/// before a route could catch it.
public struct RussianJSONDecoder: RequestDecoder {
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try await decoder.decode(type, from: request, context: context)
        } catch let error as DecodingError {
            throw AppError.badRequest("bad_request", Problem.describe(error))
        }
    }
}
