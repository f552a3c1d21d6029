import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A pupil's enrolments for programs: `GET /api/v1/students/{id}/enrolments` and `POST …/movements` (arrival,
/// departure, transfer), under the same rules as the page.
struct MovementAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: PupilMovementSetup { PupilMovementSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/students/:studentId/enrolments") { request, context in
            try await enrolments(try context.parameters.require("studentId", as: Int.self), request, context)
        }
        router.post("/api/v1/students/:studentId/guardians") { request, context in
            let person = try context.parameters.require("studentId", as: Int.self)
            let body = try await request.jsonBody(GuardianLink.self, context: context)
            let id = try await setup.link(
                person: person,
                fullName: body.fullName,
                relation: body.relation ?? "",
                context: context,
                path: request.uri.path
            )
            return try CreatedResponse.response(id)
        }
        router.delete("/api/v1/students/:studentId/guardians/:guardianId") { request, context in
            try await setup.unlink(
                person: try context.parameters.require("studentId", as: Int.self),
                guardian: try context.parameters.require("guardianId", as: Int.self),
                context: context,
                path: request.uri.path
            )
            return Response(status: .noContent)
        }
        router.post("/api/v1/students/:studentId/movements") { request, context in
            let person = try context.parameters.require("studentId", as: Int.self)
            let body = try await request.jsonBody(Movement.self, context: context)
            try await setup.move(
                person: person,
                kind: body.kind,
                classID: body.classId,
                date: body.date,
                reason: body.reason,
                context: context,
                path: request.uri.path
            )
            return try await enrolments(person, request, context)
        }
    }

    struct GuardianLink: Decodable {
        let fullName: String
        let relation: String?
    }

    struct Movement: Decodable {
        let kind: String
        let classId: Int?
        let date: String
        let reason: String?
    }

    struct Enrolments: ResponseEncodable {
        let studentId: Int
        let name: String
        let enrolments: [Item]

        struct Item: Encodable {
            let id: Int
            let classId: Int
            let className: String
            let startsOn: String
            @Nullable var endsOn: String?
            @Nullable var reason: String?
            @Nullable var endReason: String?
        }
    }

    func enrolments(_ person: Int, _ request: Request, _ context: AppRequestContext) async throws -> Enrolments {
        let view = try await setup.view(person: person, context: context, path: request.uri.path)
        return Enrolments(
            studentId: person,
            name: view.pupil.name,
            enrolments: view.pupil.enrolments.map {
                .init(
                    id: $0.id,
                    classId: $0.classID,
                    className: $0.className,
                    startsOn: $0.startsOn.iso,
                    endsOn: $0.endsOn?.iso,
                    reason: view.pupil.reasons[$0.id]?.began,
                    endReason: view.pupil.reasons[$0.id]?.ended
                )
            }
        )
    }
}
