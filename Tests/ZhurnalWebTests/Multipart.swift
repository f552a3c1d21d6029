import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A `multipart/form-data` body as a browser builds it: parts in the order given, files with their names as typed.
struct Multipart {
    enum Part {
        case field(String, String)
        case file(field: String, name: String, bytes: [UInt8], type: String)
    }

    static let boundary = "----ZhurnalTestBoundary7MA4YWxkTrZu0gW"
    var parts: [Part]

    init(_ parts: [Part]) { self.parts = parts }

    var contentType: String { "multipart/form-data; boundary=\(Self.boundary)" }

    var body: ByteBuffer {
        var buffer = ByteBuffer()
        for part in parts {
            buffer.writeString("--\(Self.boundary)\r\n")
            switch part {
            case .field(let name, let value):
                buffer.writeString("Content-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
            case .file(let field, let name, let bytes, let type):
                // Browsers send the name raw (UTF-8), with a quote as %22.
                let sent = name.replacingOccurrences(of: "\"", with: "%22")
                buffer.writeString("Content-Disposition: form-data; name=\"\(field)\"; filename=\"\(sent)\"\r\nContent-Type: \(type)\r\n\r\n")
                buffer.writeBytes(bytes)
                buffer.writeString("\r\n")
            }
        }
        buffer.writeString("--\(Self.boundary)--\r\n")
        return buffer
    }

    static let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< >>\nendobj\n".utf8) + [0, 1, 2, 255, 13, 10, 45, 45]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]

    static func pdfFile(_ name: String, _ bytes: [UInt8] = pdf) -> Part { .file(field: "file", name: name, bytes: bytes, type: "application/pdf") }
}

extension APIClient {
    /// Posts a multipart body with the bearer token.
    func upload(_ uri: String, _ form: Multipart, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        headers[HTTPField.Name("X-Forwarded-For")!] = address
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = form.contentType
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form.body)
    }
}

extension Browser {
    /// Posts an upload form as the page's does: the CSRF token first unless `token` is placed otherwise by the test.
    func upload(_ uri: String, _ parts: [Multipart.Part], csrfFirst: Bool = true, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let token = Multipart.Part.field("_csrf", csrf ?? "")
        let form = Multipart(csrfFirst ? [token] + parts : parts)
        var headers = extra
        headers[.contentType] = form.contentType
        return try await send(uri, method: .post, headers: headers, body: form.body)
    }
}
