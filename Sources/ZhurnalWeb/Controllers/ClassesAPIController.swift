import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The year's classes for programs: `GET /api/v1/classes` (the administration) and `POST /api/v1/classes` (the
/// administrator), under the same rules as the page.
struct ClassesAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: ClassSetup { ClassSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/classes") { request, context in try await list(request, context) }
        router.post("/api/v1/classes") { request, context in try await add(request, context) }
        router.put("/api/v1/classes/:classId/homeroom") { request, context in
            _ = try context.requireActor()
            let body = try await request.jsonBody(Homeroom.self, context: context)
            try await setup.setHomeroom(
                classID: try context.parameters.require("classId", as: Int.self),
                teacher: body.teacherId,
                context: context,
                path: request.uri.path
            )
            return try await list(request, context)
        }
    }

    struct ClassList: ResponseEncodable {
        let yearId: Int
        let classes: [Item]

        struct Item: Encodable {
            let id: Int
            let name: String
            let parallel: Int
            let letter: String
            let periodKind: String
            @Nullable var homeroomTeacherId: Int?
            @Nullable var homeroomTeacher: String?
            let pupils: Int
        }
    }

    func list(_ request: Request, _ context: AppRequestContext) async throws -> ClassList {
        let (calendar, classes) = try await setup.classes(context: context, path: request.uri.path)
        return ClassList(
            yearId: calendar.yearID,
            classes: classes.map {
                .init(
                    id: $0.id,
                    name: $0.name,
                    parallel: $0.parallel,
                    letter: $0.letter,
                    periodKind: $0.periodKind.rawValue,
                    homeroomTeacherId: $0.homeroomID,
                    homeroomTeacher: $0.homeroomName,
                    pupils: $0.pupils
                )
            }
        )
    }

    struct Homeroom: Decodable {
        let teacherId: Int?
    }

    struct NewClass: Decodable {
        let parallel: Int
        let letter: String
        let periodKind: String
        let homeroomTeacherId: Int?
    }

    func add(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.requireActor()
        let body = try await request.jsonBody(NewClass.self, context: context)
        let id = try await setup.add(
            parallel: body.parallel,
            letter: body.letter,
            periodKind: body.periodKind,
            homeroom: body.homeroomTeacherId,
            context: context,
            path: request.uri.path
        )
        return try CreatedResponse.response(id)
    }
}
