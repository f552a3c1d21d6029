import Foundation
import Hummingbird
import ZhurnalStore

/// A homework file as it leaves the server, from the journal or from the diary: always an attachment under its safe
/// name, of the type the allow-list gave it, never sniffed by the browser and never kept in a shared cache.
enum HomeworkDownload {
    static func response(_ file: HomeworkFile, _ content: Data) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: file.contentType,
                .contentDisposition: ContentDisposition.attachment(fileName: file.fileName),
                .xContentTypeOptions: "nosniff",
                .cacheControl: "private, no-store",
                .contentLength: String(content.count),
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: content))
        )
    }
}
