import Hummingbird
import NIOCore
import ZhurnalSheets

/// A list written as a file for the browser to save: its type, a name with the format's extension, never cached.
enum SheetDownload {
    static func response(_ table: SheetTable, format: SheetFormat, sheetName: String, fileName: String) throws -> Response {
        let data = try format.write(table, sheetName: sheetName)
        return Response(
            status: .ok,
            headers: [
                .contentType: format.mediaType,
                .contentDisposition: "attachment; filename=\"\(fileName).\(format.rawValue)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
