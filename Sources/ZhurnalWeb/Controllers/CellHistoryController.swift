import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The history of one pupil's cell in one lesson — his marks there (deleted ones too) and his attendance: who, in
/// which role, when, from what to what, and why. For the grid's script as JSON
/// (`GET /api/v1/lessons/{id}/students/{sid}/history`), and as a plain page linked from the lesson's page
/// (`/lessons/{id}/students/{sid}/history`). Both ask the policy for `.readHistory` on the lesson's course: the
/// course's teacher, the deputy and the administrator; never a parent or a pupil.
struct CellHistoryController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/lessons/:lessonId/students/:studentId/history") { request, context in try await json(request, context) }
        router.get("/lessons/:lessonId/students/:studentId/history") { request, context in try await page(request, context) }
    }

    struct Answer: ResponseEncodable {
        let lessonId: Int
        let studentId: Int
        let history: [CellHistory.Line]
    }

    func json(_ request: Request, _ context: AppRequestContext) async throws -> Answer {
        let (lesson, _, history) = try await load(request, context)
        return Answer(lessonId: lesson.lessonID, studentId: history.studentID, history: history.lines)
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let lessonHref: String
        let gridHref: String
        let pupil: String
        let course: String
        let when: String
        let lines: [Line]
        let hasLines: Bool

        struct Line: Sendable {
            let at: String
            let what: String
            let who: String
            let role: String
            let old: String
            let new: String
            let reason: String
        }
    }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (lesson, course, history) = try await load(request, context)
        let lines = history.lines.map { line in
            Page.Line(
                at: RussianTime.moment(line.at),
                what: Self.describe(line),
                who: line.actorName ?? "—",
                role: line.actorRole.flatMap { Role(rawValue: $0)?.russianTitle } ?? "",
                old: line.oldValue ?? "—",
                new: line.newValue ?? "—",
                reason: line.reason ?? ""
            )
        }
        let page = Page(
            title: "История клетки — \(history.pupilName), \(lesson.date.russian)",
            chrome: Chrome(context),
            lessonHref: "/lessons/\(lesson.lessonID)",
            gridHref: "/courses/\(course.id)/journal",
            pupil: history.pupilName,
            course: "\(course.subject), \(course.group)",
            when: "\(lesson.date.russian), \(lesson.number)-й урок",
            lines: lines,
            hasLines: !lines.isEmpty
        )
        return pages.page("cell-history", page)
    }

    /// What a line is about, in words: «Отметка создана», «Пропуск изменён»…
    static func describe(_ line: CellHistory.Line) -> String {
        let mark = line.entity == "mark"
        switch line.action {
        case "create": return mark ? "Отметка поставлена" : "Пропуск отмечен"
        case "delete": return mark ? "Отметка удалена" : "Пропуск снят"
        default: return mark ? "Отметка изменена" : "Пропуск изменён"
        }
    }

    /// The lesson within the actor's school (else 404), the policy's `.readHistory` on its course (refusals logged),
    /// then in one snapshot the lesson, its course and the cell's history; a pupil who is not the lesson's is 404.
    private func load(_ request: Request, _ context: AppRequestContext) async throws -> (LessonFacts, CourseListing, CellHistory) {
        let actor = try context.requireActor()
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let student = try context.parameters.require("studentId", as: Int.self)
        let path = request.uri.path
        let facts = try await JournalWriter(database: database, access: access, clock: clock)
            .lessonFacts(of: lessonID, actor: actor, context: context, path: path)
        try await access.require(.readHistory, on: .lesson(facts), context: context, path: path)
        let school = actor.schoolID
        let loaded = try await database.read { sql -> (LessonFacts, CourseListing, CellHistory)? in
            guard let lesson = try await LessonFacts.load(school: school, lesson: lessonID, in: sql),
                let course = try await CourseDirectory.find(school: school, course: lesson.courseID, in: sql),
                let history = try await CellHistory.load(school: school, lesson: lesson, student: student, in: sql)
            else { return nil }
            return (lesson, course, history)
        }
        guard let loaded else { try await access.missing("pupil in the lesson", context: context, path: path) }
        return loaded
    }
}
