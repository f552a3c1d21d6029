import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// «Группы» (`/admin/groups`): the year's subgroups by class and its groups across classes, with forms for new ones;
/// a group's page (`/admin/groups/{id}`) sets its members from a date by ticking the pupils of its class — or, for a
/// group across classes, of any class picked in turn. A refused form comes back with the reason.
struct AdminGroupsController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: GroupSetup { GroupSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/groups") { request, context in try await list(request, context) }
        router.post("/admin/groups") { request, context in
            let form = try await request.form([String: String].self, context: context)
            let id: Int
            do {
                id = try await setup.create(
                    title: form["title"] ?? "",
                    classID: form["class"].flatMap { Int($0) },
                    context: context,
                    path: request.uri.path
                )
            } catch let error as AppError where error.status == .unprocessableContent {
                return try await list(request, context, error: error.message, status: .unprocessableContent)
            }
            return Response(status: .seeOther, headers: [.location: "/admin/groups/\(id)?created=1"])
        }
        router.get("/admin/groups/:id") { request, context in try await group(request, context) }
        router.post("/admin/groups/:id/members") { request, context in
            let groupID = try context.parameters.require("id", as: Int.self)
            let form = try await request.form([String: String].self, context: context)
            // Members not shown on the form (a group across classes shows one class at a time) stay as they are.
            let shown = Set((form["shown"] ?? "").split(separator: ",").compactMap { Int($0) })
            let ticked = Set(form.keys.compactMap { $0.hasPrefix("s_") ? Int($0.dropFirst(2)) : nil })
            let outcome: (joined: Int, left: Int)
            do {
                outcome = try await setup.setMembers(groupID: groupID, from: form["from"] ?? "", context: context, path: request.uri.path) {
                    $0.subtracting(shown).union(ticked)
                }
            } catch let error as AppError where error.status == .unprocessableContent {
                return try await group(request, context, error: error.message, status: .unprocessableContent)
            }
            return Response(status: .seeOther, headers: [.location: "/admin/groups/\(groupID)?joined=\(outcome.joined)&left=\(outcome.left)"])
        }
    }

    struct ListPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let groups: [Line]
        let hasGroups: Bool
        let classes: [Choice]

        struct Line: Sendable {
            let link: String
            let title: String
            let place: String
            let members: Int
            let timetable: String?
        }
    }

    struct Choice: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    private func list(
        _ request: Request,
        _ context: AppRequestContext,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let overview = try await setup.overview(context: context, path: request.uri.path)
        let page = ListPage(
            title: "Подгруппы и группы",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            groups: overview.groups.map { group in
                ListPage.Line(
                    link: "/admin/groups/\(group.id)",
                    title: group.title,
                    place: group.className.map { "подгруппа \($0)" } ?? "из разных классов",
                    members: group.members,
                    timetable: group.isSubgroup ? group.classID.map { "/admin/classes/\($0)/timetable" } : "/admin/groups/\(group.id)/timetable"
                )
            },
            hasGroups: !overview.groups.isEmpty,
            classes: overview.classes.map { Choice(value: String($0.id), label: $0.name, selected: false) }
        )
        return pages.page("admin-groups", page, status: status)
    }

    struct GroupPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let notice: String?
        let place: String
        let date: String
        let action: String
        let timetable: String
        let selfLink: String
        let candidates: [Pupil]
        let shown: String
        let acrossClasses: Bool
        let classes: [Choice]

        struct Pupil: Sendable {
            let id: Int
            let name: String
            let className: String
            let member: Bool
        }
    }

    private func group(
        _ request: Request,
        _ context: AppRequestContext,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let groupID = try context.parameters.require("id", as: Int.self)
        let query = request.uri.queryParameters
        let view = try await setup.members(
            groupID: groupID,
            on: try request.dateQuery(),
            candidatesOf: query["class"].flatMap { Int(String($0)) },
            context: context,
            path: request.uri.path
        )
        let memberIDs = Set(view.members.map(\.id))
        // The members first, then the class's other pupils, each once.
        let listed = view.members + view.candidates.filter { !memberIDs.contains($0.id) }
        let notice: String? =
            if query["created"] != nil {
                "Группа создана: отметьте её учеников."
            } else if let joined = query["joined"].flatMap({ Int(String($0)) }), let left = query["left"].flatMap({ Int(String($0)) }) {
                "Состав сохранён: пришли \(joined), ушли \(left)."
            } else { nil }
        let page = GroupPage(
            title: view.group.title,
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            notice: notice,
            place: view.group.className.map { "Подгруппа класса \($0)" } ?? "Группа из учеников разных классов",
            date: view.date.iso,
            action: "/admin/groups/\(groupID)/members",
            timetable: view.group.isSubgroup ? "/admin/classes/\(view.group.classID ?? 0)/timetable" : "/admin/groups/\(groupID)/timetable",
            selfLink: "/admin/groups/\(groupID)",
            candidates: listed.map { GroupPage.Pupil(id: $0.id, name: $0.fullName, className: $0.className, member: memberIDs.contains($0.id)) },
            shown: listed.map { String($0.id) }.joined(separator: ","),
            acrossClasses: !view.group.isSubgroup,
            classes: view.classes.map { Choice(value: String($0.id), label: $0.name, selected: $0.id == view.pickedClass) }
        )
        return pages.page("admin-group", page, status: status)
    }
}
