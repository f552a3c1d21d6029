import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import ZhurnalCore

/// A `multipart/form-data` body — a page's upload form or a program's — read as it arrives with MultipartKit's
/// parser: its text fields, and its files, each counted as its bytes come, so that a file over the limit is refused
/// at the limit rather than after the whole body (SECURITY.md, Uploads: size limit before reading the body).
/// The request's own size is checked first, from its `Content-Length`, before a byte is read.
struct MultipartForm {
    struct File {
        /// The name as the client sent it; ``safeName`` is what is stored.
        let sentName: String
        var content: ByteBuffer

        /// Browsers send a name raw in UTF-8 with `"`, CR and LF as `%22`, `%0D`, `%0A` (WHATWG's form encoding);
        /// those come back before the name is made safe, which then drops them. macOS sends decomposed letters
        /// («й» as «и» and a breve): composed, as everyone else writes them.
        var safeName: String {
            let sent = sentName.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0D", with: "\r")
                .replacingOccurrences(of: "%0A", with: "\n")
            return HomeworkFileRules.safeName(sent.precomposedStringWithCanonicalMapping)
        }
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// The most text a form's fields may carry all together.
    static let maxFieldBytes = 64 * 1024

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        let header = HeaderParameters(contentType)
        guard header.value == "multipart/form-data", let boundary = header["boundary"], !boundary.isEmpty, boundary.count <= 200 else {
            return nil
        }
        return boundary
    }

    /// The largest body an upload may have: every file at the limit, and the fields.
    static func maxBodyBytes(_ limits: HomeworkFileLimits) -> Int {
        limits.maxFiles * limits.maxBytes + maxFieldBytes + 64 * 1024
    }

    /// Reads the form. Parts with a file name are files (an empty file input, sent with an empty name and no bytes,
    /// is skipped); the rest are text fields. Refuses a body larger than ``maxBodyBytes(_:)``, a file over
    /// `limits.maxBytes` (named), more files than `limits.maxFiles`, and anything that is not such a form.
    static func read(_ request: Request, limits: HomeworkFileLimits) async throws -> MultipartForm {
        guard let boundary = boundary(of: request.headers[.contentType]) else { throw notMultipart }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes(limits) {
            throw tooLarge(limits)
        }
        let collector = Collector(limits: limits)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name, value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        var received = 0
        for try await chunk in request.body {
            received += chunk.readableBytes
            if received > maxBodyBytes(limits) { throw tooLarge(limits) }
            do {
                try parser.execute(chunk)
            } catch {
                throw unreadable
            }
            if let refusal = collector.refusal { throw refusal }
        }
        guard !collector.inPart, collector.seenParts > 0 else { throw unreadable }
        return collector.form
    }

    static let notMultipart = AppError(
        status: .unsupportedMediaType,
        code: "not_multipart",
        message: "Файлы отправляют формой multipart/form-data: в части «file» — файл."
    )
    static let unreadable = AppError.badRequest("bad_request", "Тело запроса не читается как форма с файлами (multipart/form-data).")

    static func tooLarge(_ limits: HomeworkFileLimits) -> AppError {
        AppError(
            status: .contentTooLarge,
            code: "upload_too_large",
            message: "За один раз можно отправить не больше \(limits.maxFiles) файлов по \(HomeworkFileRules.sizeText(limits.maxBytes))."
        )
    }

    /// The parser's callbacks, which cannot throw: what they saw, and the first refusal, checked after each chunk.
    private final class Collector {
        let limits: HomeworkFileLimits
        var form = MultipartForm()
        var refusal: (any Error)?
        var inPart = false
        var seenParts = 0
        private var disposition: HeaderParameters?
        private var content = ByteBuffer()
        private var fieldBytes = 0

        init(limits: HomeworkFileLimits) { self.limits = limits }

        func header(_ name: String, _ value: String) {
            inPart = true
            if name.lowercased() == "content-disposition" { disposition = HeaderParameters(value) }
        }

        func body(_ buffer: inout ByteBuffer) {
            inPart = true
            guard refusal == nil else { return }
            if let sentName = disposition?["filename"] {
                if content.readableBytes + buffer.readableBytes > limits.maxBytes {
                    refusal = HomeworkRefusal.fileTooLarge(name: File(sentName: sentName, content: content).safeName, limitBytes: limits.maxBytes)
                    return
                }
            } else {
                fieldBytes += buffer.readableBytes
                if fieldBytes > MultipartForm.maxFieldBytes {
                    refusal = AppError(status: .contentTooLarge, code: "too_large", message: "Поля формы слишком длинные.")
                    return
                }
            }
            content.writeBuffer(&buffer)
        }

        func complete() {
            defer {
                inPart = false
                disposition = nil
                content = ByteBuffer()
            }
            seenParts += 1
            guard refusal == nil, let name = disposition?["name"] else { return }
            if let sentName = disposition?["filename"] {
                if sentName.isEmpty, content.readableBytes == 0 { return }
                guard form.files.count < limits.maxFiles else {
                    refusal = HomeworkRefusal.tooManyFiles(limit: limits.maxFiles)
                    return
                }
                form.files.append(File(sentName: sentName, content: content))
            } else {
                form.fields[name] = String(buffer: content)
            }
        }
    }
}

extension MultipartForm {
    /// The one list file of a page's upload form (CSV or XLSX, up to the lists' limit), or a 422 that asks for it.
    static func listFile(_ request: Request, missing message: String) async throws -> Data {
        try await listFileAndFields(request, missing: message).file
    }

    /// A list's file with the form's other fields (the date a timetable takes effect from, say).
    static func listFileAndFields(_ request: Request, missing message: String) async throws -> (file: Data, fields: [String: String]) {
        let form = try await read(request, limits: HomeworkFileLimits(maxBytes: PupilListFiles.maxBytes, maxFiles: 1))
        guard let file = form.files.first, file.content.readableBytes > 0 else { throw AppError.invalid("no_file", message) }
        return (Data(file.content.readableBytesView), form.fields)
    }
}
