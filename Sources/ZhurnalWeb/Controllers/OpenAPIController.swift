import Foundation
import Hummingbird

/// `GET /api/openapi.json`: the OpenAPI 3.1 document of the JSON API, written by hand in `Resources/openapi.json`,
/// read once at startup and served as it is. `OpenAPITests` holds it to the router: every `/api/` route is in it and
/// every operation in it is a route.
struct OpenAPIController: Sendable {
    static let path = "/api/openapi.json"

    let document: ByteBuffer

    /// Reads the document from the bundle; a build without it fails at startup rather than at the first request.
    static func load() throws -> OpenAPIController {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources") else {
            throw OpenAPIError.missingDocument
        }
        return OpenAPIController(document: ByteBuffer(bytes: try Data(contentsOf: url)))
    }

    func addRoutes(to router: Router<some RequestContext>) {
        router.get(RouterPath(Self.path)) { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: document))
        }
    }

    enum OpenAPIError: Error {
        case missingDocument
    }
}
