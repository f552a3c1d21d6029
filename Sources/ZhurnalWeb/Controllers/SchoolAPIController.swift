import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The school's courses and students for programs, each answer decided by ``AccessPolicy``: lists are filtered by
/// the actor's scope, single objects checked against their relations.
struct SchoolAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/courses") { _, context in try await courses(context) }
        router.get("/api/v1/courses/:courseId") { request, context in try await course(request, context) }
        router.get("/api/v1/students/:studentId") { request, context in try await student(request, context) }
    }

    struct CourseList: ResponseEncodable {
        let courses: [CourseListing]
    }

    func courses(_ context: AppRequestContext) async throws -> CourseList {
        let actor = try context.requireActor()
        let scope = AccessPolicy.courseScope(actor)
        if scope == .none { try await access.refuse(.read, context: context, path: "/api/v1/courses") }
        return CourseList(courses: try await database.read { try await CourseDirectory.list(school: actor.schoolID, scope: scope, in: $0) })
    }

    func course(_ request: Request, _ context: AppRequestContext) async throws -> CourseListing {
        let actor = try context.requireActor()
        let id = try context.parameters.require("courseId", as: Int.self)
        let today = SchoolCalendar.today(clock())
        guard let facts = try await database.read({ try await AccessFacts.course(school: actor.schoolID, course: id, today: today, in: $0) })
        else { try await access.missing("course", context: context, path: request.uri.path) }
        try await access.require(.read, on: .course(facts), context: context, path: request.uri.path)
        guard let course = try await database.read({ try await CourseDirectory.find(school: actor.schoolID, course: id, in: $0) })
        else { throw AppError.notFound }
        return course
    }

    func student(_ request: Request, _ context: AppRequestContext) async throws -> StudentCard {
        let actor = try context.requireActor()
        let id = try context.parameters.require("studentId", as: Int.self)
        let today = SchoolCalendar.today(clock())
        guard let facts = try await database.read({ try await AccessFacts.student(school: actor.schoolID, student: id, today: today, in: $0) })
        else { try await access.missing("student", context: context, path: request.uri.path) }
        try await access.require(.read, on: .student(facts), context: context, path: request.uri.path)
        guard let card = try await database.read({ try await StudentCard.load(school: actor.schoolID, student: id, today: today, in: $0) })
        else { throw AppError.notFound }
        return card
    }
}

extension CourseListing: ResponseEncodable {}
extension StudentCard: ResponseEncodable {}
