import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// `PUT /api/v1/students/{studentId}/absences/{lessonId}`: the homeroom teacher (or the administrator) turns an
/// unexplained «н» into «б» (illness) or «у» (excused by a document) — DOMAIN.md §3. No diagnosis is stored, only
/// the code. A closed period is locked here too.
struct AbsenceAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.put("/api/v1/students/:studentId/absences/:lessonId") { request, context in try await classify(request, context) }
    }

    struct Classification: Decodable {
        let code: String?
    }

    func classify(_ request: Request, _ context: AppRequestContext) async throws -> JournalAPIController.AttendanceCell {
        let actor = try context.requireActor()
        let student = try context.parameters.require("studentId", as: Int.self)
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let body = try await request.jsonBody(Classification.self, context: context)
        let target: AttendanceCode
        do {
            target = try AttendanceCode(parsing: body.code ?? "")
        } catch {
            throw AppError.invalid("invalid_attendance", error.russianMessage)
        }
        guard AttendanceCode.classifications.contains(target) else {
            throw AppError.invalid("not_a_classification", "Причина пропуска — «б» (болезнь) или «у» (уважительная, по документу).")
        }
        let today = SchoolCalendar.today(clock())
        guard let facts = try await database.read({ try await AccessFacts.student(school: actor.schoolID, student: student, today: today, in: $0) })
        else { try await access.missing("student", context: context, path: request.uri.path) }
        try await access.require(.classifyAbsence, on: .student(facts), context: context, path: request.uri.path)
        let author = JournalAuthor(
            accountID: actor.accountID,
            personID: actor.personID,
            role: actor.holds(.homeroom) ? .homeroom : .admin,
            clientAddress: context.clientAddress
        )
        let now = clock()
        let version = try await database.write { sql -> Int in
            guard let lesson = try await LessonFacts.load(school: actor.schoolID, lesson: lessonID, in: sql) else {
                throw JournalWriteError.notFound
            }
            if lesson.periodClosed { throw JournalEditRefusal.periodClosed }
            let current = try await AttendanceWrites.code(lesson: lesson, student: student, in: sql)
            guard let current, current.canBeClassified(as: target) else {
                throw AppError.invalid(
                    "nothing_to_classify",
                    "На этом уроке у ученика нет неуважительного пропуска «н»: классифицировать нечего."
                )
            }
            return try await AttendanceWrites.set(lesson: lesson, student: student, code: target, by: author, reason: nil, at: now, in: sql)
        }
        return .init(lessonId: lessonID, studentId: student, code: target.rawValue, version: version)
    }
}
