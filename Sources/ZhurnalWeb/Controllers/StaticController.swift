import Foundation
import Hummingbird

/// Our own stylesheet (and later our own scripts), read once from the bundle. No third-party front-end code.
struct StaticController: Sendable {
    static let files: [String: (contentType: String, body: ByteBuffer)] = {
        var files: [String: (String, ByteBuffer)] = [:]
        let types = ["css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml"]
        guard let folder = Bundle.module.url(forResource: "static", withExtension: nil, subdirectory: "Resources"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [:] }
        for name in names {
            let ext = (name as NSString).pathExtension
            guard let type = types[ext], let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
            else { continue }
            files[name] = (type, ByteBuffer(bytes: data))
        }
        return files
    }()

    func addRoutes(to router: Router<some RequestContext>) {
        router.get("/static/:name") { _, context in
            guard let name = context.parameters.get("name"), let file = Self.files[name] else {
                throw HTTPError(.notFound)
            }
            return Response(status: .ok, headers: [.contentType: file.contentType], body: .init(byteBuffer: file.body))
        }
    }
}
