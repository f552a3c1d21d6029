import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Homework for programs: a lesson's homework with its files, a pupil's own homework (`PUT`/`DELETE` under the
/// lesson), and the files of any homework (multipart upload, download, removal). The class's homework text and due
/// date are the lesson's (`PATCH /api/v1/lessons/{lessonId}`).
struct HomeworkAPIController: Sendable {
    let keeper: HomeworkKeeper

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/lessons/:lessonId/homework") { request, context in try await lessonHomework(request, context) }
        router.put("/api/v1/lessons/:lessonId/homework/students/:studentId") { request, context in try await setForPupil(request, context) }
        router.delete("/api/v1/lessons/:lessonId/homework/students/:studentId") { request, context in
            try await removeForPupil(request, context)
        }
        router.post("/api/v1/homework/:homeworkId/files") { request, context in try await upload(request, context) }
        router.get("/api/v1/homework/:homeworkId/files/:fileId") { request, context in try await download(request, context) }
        router.delete("/api/v1/homework/:homeworkId/files/:fileId") { request, context in try await removeFile(request, context) }
    }

    // MARK: Bodies

    struct Homework: Encodable {
        let id: Int
        let lessonId: Int
        let studentId: Int?
        let text: String
        let dueOn: String?
        let version: Int
        let files: [File]

        init(_ record: HomeworkRecord) {
            id = record.id
            lessonId = record.lessonId
            studentId = record.studentId
            text = record.text
            dueOn = record.dueOn?.iso
            version = record.version
            files = record.files.map(File.init)
        }
    }

    struct File: Encodable {
        let id: Int
        let homeworkId: Int
        let fileName: String
        let contentType: String
        let byteSize: Int
        let uploadedAt: String
        /// Where to download it.
        let href: String

        init(_ file: HomeworkFile) {
            id = file.id
            homeworkId = file.homeworkId
            fileName = file.fileName
            contentType = file.contentType
            byteSize = file.byteSize
            uploadedAt = file.uploadedAt
            href = "/api/v1/homework/\(file.homeworkId)/files/\(file.id)"
        }
    }

    struct LessonHomework: ResponseEncodable {
        let lessonId: Int
        let classHomework: Homework?
        let students: [Homework]

        enum CodingKeys: String, CodingKey {
            case lessonId
            case classHomework = "class"
            case students
        }
    }

    struct PupilHomework: Decodable {
        let text: String?
        let dueOn: String?
        let version: Int?
        let reason: String?
    }

    struct Removal: Decodable {
        let version: Int?
        let reason: String?
    }

    struct FileRemoval: Decodable {
        let reason: String?
    }

    struct AddedFiles: Encodable {
        let homeworkId: Int
        let files: [File]
    }

    // MARK: Routes

    func lessonHomework(_ request: Request, _ context: AppRequestContext) async throws -> LessonHomework {
        _ = try context.requireActor()
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let records = try await keeper.ofLesson(lessonID, context: context, path: request.uri.path)
        return LessonHomework(
            lessonId: lessonID,
            classHomework: records.first { $0.studentId == nil }.map(Homework.init),
            students: records.filter { $0.studentId != nil }.map(Homework.init)
        )
    }

    func setForPupil(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        // Who is asking comes before what he sent: an anonymous request is 401 whatever its body.
        _ = try context.requireActor()
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let student = try context.parameters.require("studentId", as: Int.self)
        let body = try await request.jsonBody(PupilHomework.self, context: context)
        let (record, created) = try await keeper.setForPupil(
            lesson: lessonID,
            student: student,
            text: body.text,
            dueOn: body.dueOn,
            version: body.version,
            reason: body.reason,
            context: context,
            path: request.uri.path
        )
        return try JournalAPIController.json(Homework(record), status: created ? .created : .ok)
    }

    func removeForPupil(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let student = try context.parameters.require("studentId", as: Int.self)
        let body = try await request.optionalJSONBody(Removal.self, context: context)
        try await keeper.removeForPupil(
            lesson: lessonID,
            student: student,
            version: body?.version,
            reason: body?.reason,
            context: context,
            path: request.uri.path
        )
        return Response(status: .noContent)
    }

    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let homeworkID = try context.parameters.require("homeworkId", as: Int.self)
        let (_, added) = try await keeper.upload(homework: homeworkID, request: request, context: context)
        return try JournalAPIController.json(AddedFiles(homeworkId: homeworkID, files: added.map(File.init)), status: .created)
    }

    func download(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let homeworkID = try context.parameters.require("homeworkId", as: Int.self)
        let fileID = try context.parameters.require("fileId", as: Int.self)
        return try await keeper.download(homework: homeworkID, file: fileID, context: context, path: request.uri.path)
    }

    func removeFile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let homeworkID = try context.parameters.require("homeworkId", as: Int.self)
        let fileID = try context.parameters.require("fileId", as: Int.self)
        let body = try await request.optionalJSONBody(FileRemoval.self, context: context)
        _ = try await keeper.removeFile(homework: homeworkID, file: fileID, reason: body?.reason, context: context, path: request.uri.path)
        return Response(status: .noContent)
    }
}
