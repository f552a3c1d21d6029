import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Subgroups and groups across classes for programs: `GET/POST /api/v1/groups`, `GET/PUT
/// /api/v1/groups/{groupId}/members`, under the pages' rules. A group's courses and week are ``TimetableAPIController``'s.
struct GroupsAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: GroupSetup { GroupSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/groups") { request, context in
            let overview = try await setup.overview(context: context, path: request.uri.path)
            return GroupsJSON(
                groups: overview.groups.map {
                    GroupsJSON.Group(
                        id: $0.id,
                        title: $0.title,
                        kind: $0.isSubgroup ? "subgroup" : "cross_class",
                        classId: $0.classID,
                        className: $0.className,
                        members: $0.members
                    )
                }
            )
        }
        router.post("/api/v1/groups") { request, context in
            let body = try await request.jsonBody(NewGroup.self, context: context)
            return try CreatedResponse.response(
                try await setup.create(title: body.title, classID: body.classId, context: context, path: request.uri.path)
            )
        }
        router.get("/api/v1/groups/:groupId/members") { request, context in
            let groupID = try context.parameters.require("groupId", as: Int.self)
            let view = try await setup.members(
                groupID: groupID,
                on: try request.dateQuery(),
                candidatesOf: nil,
                context: context,
                path: request.uri.path
            )
            return MembersJSON(
                groupId: groupID,
                title: view.group.title,
                date: view.date.iso,
                members: view.members.map { MembersJSON.Member(id: $0.id, fullName: $0.fullName, className: $0.className) }
            )
        }
        router.put("/api/v1/groups/:groupId/members") { request, context in
            let groupID = try context.parameters.require("groupId", as: Int.self)
            let body = try await request.jsonBody(NewMembers.self, context: context)
            let outcome = try await setup.setMembers(
                groupID: groupID,
                from: body.from,
                wanted: Set(body.studentIds),
                context: context,
                path: request.uri.path
            )
            return Saved(joined: outcome.joined, left: outcome.left)
        }
    }

    struct NewGroup: Decodable {
        let title: String
        let classId: Int?
    }

    struct NewMembers: Decodable {
        let from: String
        let studentIds: [Int]
    }

    struct Saved: ResponseEncodable {
        let joined: Int
        let left: Int
    }

    struct GroupsJSON: ResponseEncodable {
        let groups: [Group]

        struct Group: Encodable {
            let id: Int
            let title: String
            let kind: String
            @Nullable var classId: Int?
            @Nullable var className: String?
            let members: Int
        }
    }

    struct MembersJSON: ResponseEncodable {
        let groupId: Int
        let title: String
        let date: String
        let members: [Member]

        struct Member: Encodable {
            let id: Int
            let fullName: String
            let className: String
        }
    }
}
