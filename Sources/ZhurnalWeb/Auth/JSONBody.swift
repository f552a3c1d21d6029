import Foundation
import Hummingbird

extension Request {
    /// The JSON body of an API call; a malformed one is 400 with the field that is wrong.
    func jsonBody<Body: Decodable>(_ type: Body.Type, context: AppRequestContext) async throws -> Body {
        do {
            return try await decode(as: type, context: context)
        } catch let error as DecodingError {
            throw AppError.badRequest("bad_request", Problem.describe(error))
        }
    }

    /// A JSON body that may be absent altogether (a DELETE without one).
    func optionalJSONBody<Body: Decodable>(_ type: Body.Type, context: AppRequestContext) async throws -> Body? {
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return nil }
        do {
            return try JSONDecoder().decode(type, from: Data(String(buffer: buffer).utf8))
        } catch let error as DecodingError {
            throw AppError.badRequest("bad_request", Problem.describe(error))
        }
    }
}
