import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The family's diary for programs: `GET /api/v1/me/students` (a parent's children, a pupil himself) and
/// `GET /api/v1/students/{studentId}/diary?week=YYYY-MM-DD` (a week of lessons, homework, marks and attendance).
struct DiaryAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/me/students") { _, context in try await students(context) }
        router.get("/api/v1/students/:studentId/diary") { request, context in try await diary(request, context) }
        router.get("/api/v1/students/:studentId/marks") { request, context in try await marks(request, context) }
        router.post("/api/v1/students/:studentId/diary/acknowledgements") { request, context in try await acknowledge(request, context) }
    }

    struct Students: ResponseEncodable {
        struct Student: Encodable {
            let id: Int
            let fullName: String
            @Nullable var className: String?
            /// The consent of his legal representative is on record, so his diary is open to his family.
            let diaryOpen: Bool
        }

        let students: [Student]
    }

    func students(_ context: AppRequestContext) async throws -> Students {
        let found = try await DiaryReader(database: database, access: access, clock: clock).students(context: context)
        return Students(students: found.map { .init(id: $0.id, fullName: $0.fullName, className: $0.className, diaryOpen: $0.familyConsent) })
    }

    func diary(_ request: Request, _ context: AppRequestContext) async throws -> DiaryWeekJSON {
        let student = try context.parameters.require("studentId", as: Int.self)
        let week = try DiaryReader.week(request, today: SchoolCalendar.today(clock()))
        let loaded = try await DiaryReader(database: database, access: access, clock: clock).load(
            student: student,
            week: week,
            context: context,
            path: request.uri.path
        )
        return DiaryWeekJSON(student: student, loaded.week)
    }

    func marks(_ request: Request, _ context: AppRequestContext) async throws -> StudentMarksJSON {
        let (student, loaded) = try await DiaryReader(database: database, access: access, clock: clock).marks(request, context: context)
        return StudentMarksJSON(student: student, loaded)
    }

    struct AcknowledgementRequest: Decodable {
        let week: String?
    }

    struct Acknowledgement: ResponseEncodable {
        let week: String
        let acknowledgedAt: String
    }

    func acknowledge(_ request: Request, _ context: AppRequestContext) async throws -> Acknowledgement {
        _ = try context.requireActor()
        let student = try context.parameters.require("studentId", as: Int.self)
        let body = try await request.jsonBody(AcknowledgementRequest.self, context: context)
        let (week, at) = try await DiaryAcknowledger(database: database, access: access, clock: clock).acknowledge(
            student: student,
            week: body.week ?? "",
            context: context,
            path: request.uri.path
        )
        return Acknowledgement(week: week.monday.iso, acknowledgedAt: at)
    }
}
