import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A date's lessons changed by the administration, for programs: `GET /api/v1/classes/{classId}/lessons?date=`,
/// `POST /api/v1/classes/{classId}/lessons` (an extra lesson) and `PUT /api/v1/lessons/{lessonId}/schedule` (a move,
/// a cancellation or a restoration), under the page's rules.
struct ScheduleChangeAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: ScheduleChangeSetup { ScheduleChangeSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/classes/:classId/lessons") { request, context in
            let classID = try context.parameters.require("classId", as: Int.self)
            let date = try request.dateQuery()
            let day = try await setup.day(classID: classID, date: date, context: context, path: request.uri.path)
            return DayJSON(classId: classID, className: day.schoolClass.name, date: day.date.iso, lessons: day.lessons.map(LessonJSON.init))
        }
        router.post("/api/v1/classes/:classId/lessons") { request, context in
            let classID = try context.parameters.require("classId", as: Int.self)
            let body = try await request.jsonBody(ExtraLesson.self, context: context)
            let id = try await setup.add(
                classID: classID,
                courseID: body.courseId,
                date: body.date,
                number: body.number,
                teacherID: body.teacherId,
                context: context,
                path: request.uri.path
            )
            return try CreatedResponse.response(id)
        }
        router.put("/api/v1/lessons/:lessonId/schedule") { request, context in
            let lessonID = try context.parameters.require("lessonId", as: Int.self)
            let body = try await request.jsonBody(Change.self, context: context)
            let lesson = try await setup.reschedule(
                lessonID: lessonID,
                date: body.date,
                number: body.number,
                cancelled: body.cancelled,
                context: context,
                path: request.uri.path
            )
            return LessonJSON(lesson)
        }
    }

    struct ExtraLesson: Decodable {
        let courseId: Int
        let date: String
        let number: Int
        let teacherId: Int?
    }

    struct Change: Decodable {
        let date: String?
        let number: Int?
        let cancelled: Bool?
    }

    struct DayJSON: ResponseEncodable {
        let classId: Int
        let className: String
        let date: String
        let lessons: [LessonJSON]
    }

    struct LessonJSON: ResponseEncodable {
        let id: Int
        let courseId: Int
        let subject: String
        let date: String
        let number: Int
        let teacherId: Int
        let teacherName: String
        let cancelled: Bool
        @Nullable var movedFrom: String?
        @Nullable var change: String?
        let hasEntries: Bool

        init(_ lesson: ScheduleChanges.Placed) {
            id = lesson.id
            courseId = lesson.lesson.courseID
            subject = lesson.subject
            date = lesson.date.iso
            number = lesson.number
            teacherId = lesson.lesson.teacherID
            teacherName = lesson.teacherName
            cancelled = lesson.cancelled
            movedFrom = lesson.movedFrom?.iso
            change = lesson.change
            hasEntries = lesson.hasEntries
        }
    }
}
