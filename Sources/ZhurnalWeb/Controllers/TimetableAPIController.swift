import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A class's courses and week for programs: `GET /api/v1/classes/{classId}/timetable[?date=]`,
/// `PUT /api/v1/classes/{classId}/timetable`, `POST /api/v1/classes/{classId}/courses`, and the same under
/// `/api/v1/groups/{groupId}` for a group across classes, under the pages' rules.
struct TimetableAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: TimetableSetup { TimetableSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        for (prefix, parameter) in [("classes", "classId"), ("groups", "groupId")] {
            @Sendable func owner(_ context: AppRequestContext) throws -> Timetables.Owner {
                let id = try context.parameters.require(parameter, as: Int.self)
                return parameter == "classId" ? .schoolClass(id) : .group(id)
            }
            router.get("/api/v1/\(prefix)/:\(parameter)/timetable") { request, context in
                WeekJSON(try await setup.view(try owner(context), on: try request.dateQuery(), context: context, path: request.uri.path))
            }
            router.put("/api/v1/\(prefix)/:\(parameter)/timetable") { request, context in
                let body = try await request.jsonBody(WeekBody.self, context: context)
                let made = try await setup.save(
                    try owner(context),
                    from: body.from,
                    cells: body.cells.map { .init(weekday: $0.weekday, lessonNumber: $0.lessonNumber, courseID: $0.courseId, room: $0.room) },
                    context: context,
                    path: request.uri.path
                )
                return Saved(lessonsCreated: made)
            }
            router.put("/api/v1/\(prefix)/:\(parameter)/courses/:courseId/teachers") { request, context in
                let body = try await request.jsonBody(TeachersBody.self, context: context)
                try await setup.setTeachers(
                    try owner(context),
                    courseID: try context.parameters.require("courseId", as: Int.self),
                    teachers: body.teacherIds,
                    context: context,
                    path: request.uri.path
                )
                return Response(status: .noContent)
            }
            router.post("/api/v1/\(prefix)/:\(parameter)/courses") { request, context in
                let body = try await request.jsonBody(CourseBody.self, context: context)
                let id = try await setup.addCourse(
                    try owner(context),
                    groupID: body.groupId,
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
        /// For a class: the subgroup the course is taught to.
        let groupId: Int?
    }

    struct TeachersBody: Decodable {
        let teacherIds: [Int]
    }

    struct Saved: ResponseEncodable {
        let lessonsCreated: Int
    }

    struct WeekJSON: ResponseEncodable {
        /// A class's week names the class, a group's the group.
        let classId: Int?
        let className: String?
        let groupId: Int?
        let title: String?
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
            @Nullable var groupId: Int?
        }

        init(_ view: TimetableSetup.View) {
            switch view.owner.key {
            case .schoolClass(let id): (classId, className, groupId, title) = (id, view.owner.title, nil, nil)
            case .group(let id): (classId, className, groupId, title) = (nil, nil, id, view.owner.title)
            }
            date = view.on.iso
            courses = view.courses.map {
                Course(
                    id: $0.id,
                    subject: $0.subject,
                    journalKind: $0.kind.rawValue,
                    grading: $0.grading.rawValue,
                    hoursPerWeek: $0.hoursPerWeek,
                    teacherIds: $0.teacherIDs,
                    groupId: $0.groupID
                )
            }
            cells = view.week.map { Cell(weekday: $0.weekday, lessonNumber: $0.lessonNumber, courseId: $0.courseID, room: $0.room) }
        }
    }
}
