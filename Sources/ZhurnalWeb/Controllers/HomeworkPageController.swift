import Foundation
import HTTPTypes
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The lesson page's homework forms, without JavaScript: a pupil's own homework (give, change, remove), the files of
/// any homework (attach — a `multipart/form-data` form whose first field is the CSRF token —, remove) and their
/// download. A refusal shows the lesson page again with its message and status; nothing is written.
struct HomeworkPageController: Sendable {
    let keeper: HomeworkKeeper
    let lessons: JournalPageController

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/lessons/:lessonId/homework/students") { request, context in try await setForPupil(request, context) }
        router.post("/lessons/:lessonId/homework/students/:studentId/delete") { request, context in try await removeForPupil(request, context) }
        router.post("/homework/:homeworkId/files") { request, context in try await upload(request, context) }
        router.post("/homework/:homeworkId/files/:fileId/delete") { request, context in try await removeFile(request, context) }
        router.get("/homework/:homeworkId/files/:fileId") { request, context in
            try await keeper.download(
                homework: try context.parameters.require("homeworkId", as: Int.self),
                file: try context.parameters.require("fileId", as: Int.self),
                context: context,
                path: request.uri.path
            )
        }
    }

    struct PupilForm: Decodable {
        let studentId: Int?
        let text: String?
        let dueOn: String?
        let version: Int?
    }

    func setForPupil(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let form = try await request.form(PupilForm.self, context: context)
        return try await answer(lesson: lessonID, request, context) {
            guard let student = form.studentId else { throw AppError.invalid("student_required", "Выберите ученика.") }
            _ = try await keeper.setForPupil(
                lesson: lessonID,
                student: student,
                text: form.text,
                dueOn: form.dueOn,
                version: form.version,
                reason: nil,
                context: context,
                path: request.uri.path
            )
        }
    }

    func removeForPupil(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let student = try context.parameters.require("studentId", as: Int.self)
        return try await answer(lesson: lessonID, request, context) {
            try await keeper.removeForPupil(lesson: lessonID, student: student, version: nil, reason: nil, context: context, path: request.uri.path)
        }
    }

    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let homeworkID = try context.parameters.require("homeworkId", as: Int.self)
        let homework = try await keeper.existing(homeworkID, context: context, path: request.uri.path)
        return try await answer(lesson: homework.lessonId, request, context) {
            _ = try await keeper.upload(homework: homeworkID, request: request, context: context)
        }
    }

    func removeFile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let homeworkID = try context.parameters.require("homeworkId", as: Int.self)
        let fileID = try context.parameters.require("fileId", as: Int.self)
        let homework = try await keeper.existing(homeworkID, context: context, path: request.uri.path)
        return try await answer(lesson: homework.lessonId, request, context) {
            _ = try await keeper.removeFile(homework: homeworkID, file: fileID, reason: nil, context: context, path: request.uri.path)
        }
    }

    static let shownOnPage: [HTTPResponse.Status] = [.unprocessableContent, .conflict, .badRequest, .contentTooLarge, .unsupportedMediaType]

    /// Back to the lesson's homework after a change; its page again, with the message, after a refusal of the rules
    /// or of the values (refusals of access stay error pages).
    private func answer(
        lesson lessonID: Int,
        _ request: Request,
        _ context: AppRequestContext,
        change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
        } catch let error as AppError where Self.shownOnPage.contains(error.status) {
            return try await lessons.lessonPage(lessonID, context: context, path: request.uri.path, typed: nil, error: error, saved: false)
        }
        return .redirect(to: "/lessons/\(lessonID)?saved=1#lesson-homework")
    }
}
