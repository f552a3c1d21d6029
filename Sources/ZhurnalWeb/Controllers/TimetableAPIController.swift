import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A class's courses and week for programs: `GET /api/v1/classes/{classId}/timetable[?date=]`,
/// `PUT /api/v1/classes/{classId}/timetable`, `POST /api/v1/classes/{classId}/courses`, under the page's rules.
struct TimetableAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: TimetableSetup { TimetableSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/classes/:classId/timetable") { request, context in
            let classID = try context.parameters.require("classId", as: Int.self)
            let date = try request.dateQuery()
            return WeekJSON(try await setup.view(classID: classID, on: date, context: context, path: request.uri.path))
        }
        router.put("/api/v1/classes/:classId/timetable") { request, context in
            let classID = try context.parameters.require("classId", as: Int.self)
            let body = try await request.jsonBody(WeekBody.self, context: context)
            let made = try await setup.save(
                classID: classID,
                from: body.from,
                cells: body.cells.map { .init(weekday: $0.weekday, lessonNumber: $0.lessonNumber, courseID: $0.courseId, room: $0.room) },
                context: context,
                path: request.uri.path
            )
            return Saved(lessonsCreated: made)
        }
        router.post("/api/v1/classes/:classId/courses") { request, context in
            let classID = try context.parameters.require("classId", as: Int.self)
            let body = try await request.jsonBody(CourseBody.self, context: context)
            let id = try await setup.addCourse(
                classID: classID,
                subjectID: body.subjectId,
                kind: body.journalKind,
                grading: body.grading ?? (JournalKind(rawValue: body.journalKind)?.defaultGrading.rawValue ?? ""),
                hours: body.hoursPerWeek,
                teacherID: body.teacherId,
                context: context,
                path: request.uri.path
            )
            return try CreatedResponse.response(id)
        }
    }

    struct Cell: Codable {
        let weekday: Int
        let lessonNumber: Int
        let courseId: Int
        let room: String?
    }

    struct WeekBody: Decodable {
        let from: String
        let cells: [Cell]
    }

    struct CourseBody: Decodable {
        let subjectId: Int
        let journalKind: String
        let grading: String?
        let hoursPerWeek: Int
        let teacherId: Int
    }

    struct Saved: ResponseEncodable {
        let lessonsCreated: Int
    }

    struct WeekJSON: ResponseEncodable {
        let classId: Int
        let className: String
        let date: String
        let courses: [Course]
        let cells: [Cell]

        struct Course: Encodable {
            let id: Int
            let subject: String
            let journalKind: String
            let grading: String
            let hoursPerWeek: Int
            let teacherIds: [Int]
        }

        init(_ view: TimetableSetup.View) {
            classId = view.schoolClass.id
            className = view.schoolClass.name
            date = view.on.iso
            courses = view.courses.map {
                Course(
                    id: $0.id,
                    subject: $0.subject,
                    journalKind: $0.kind.rawValue,
                    grading: $0.grading.rawValue,
                    hoursPerWeek: $0.hoursPerWeek,
                    teacherIds: $0.teacherIDs
                )
            }
            cells = view.week.map { Cell(weekday: $0.weekday, lessonNumber: $0.lessonNumber, courseId: $0.courseID, room: $0.room) }
        }
    }
}
