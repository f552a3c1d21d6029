import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The monthly check: the homeroom teacher's checklist of his class (`/homeroom/check`) — the pupils with their
/// birth dates and guardians, and «no changes» or the changes to make —, and the administrator's overview
/// (`/admin/monthly-check`) of who has answered, with the requested changes to apply or decline. The same for programs
/// under `/api/v1/monthly-check`.
struct MonthlyCheckController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: MonthlyCheckSetup { MonthlyCheckSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/homeroom/check") { request, context in try await homeroomPage(request, context) }
        router.post("/homeroom/check") { request, context in
            let form = try await request.form([String: String].self, context: context)
            guard let classID = form["class"].flatMap({ Int($0) }) else { throw AppError.invalid("no_class", "Не указан класс.") }
            let changes = form["answer"] == "changes" ? form["changes"] ?? "" : nil
            if let changes, changes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return try await homeroomPage(
                    request,
                    context,
                    error: "Опишите изменения или отметьте «Изменений нет».",
                    status: .unprocessableContent
                )
            }
            try await setup.submit(classID: classID, changes: changes, context: context, path: request.uri.path)
            return Response(status: .seeOther, headers: [.location: "/homeroom/check?sent=1"])
        }
        router.get("/admin/monthly-check") { request, context in try await adminPage(request, context) }
        router.post("/admin/monthly-check/:id") { request, context in
            let form = try await request.form([String: String].self, context: context)
            do {
                try await setup.resolve(
                    checkID: try context.parameters.require("id", as: Int.self),
                    applied: form["resolution"] == "applied",
                    context: context,
                    path: request.uri.path
                )
            } catch let error as AppError where error.status == .unprocessableContent {
                return try await adminPage(request, context, error: error.message, status: .unprocessableContent)
            }
            return Response(status: .seeOther, headers: [.location: "/admin/monthly-check"])
        }
        router.get("/api/v1/monthly-check") { request, context in
            ChecksJSON(month: setup.month, lines: try await setup.overview(context: context, path: request.uri.path))
        }
        router.post("/api/v1/monthly-check") { request, context in
            let body = try await request.jsonBody(Answer.self, context: context)
            try await setup.submit(classID: body.classId, changes: body.changes, context: context, path: request.uri.path)
            return Response(status: .noContent)
        }
        router.post("/api/v1/monthly-check/:checkId/resolution") { request, context in
            let body = try await request.jsonBody(Resolution.self, context: context)
            try await setup.resolve(
                checkID: try context.parameters.require("checkId", as: Int.self),
                applied: body.applied,
                context: context,
                path: request.uri.path
            )
            return Response(status: .noContent)
        }
    }

    struct Answer: Decodable {
        let classId: Int
        let changes: String?
    }

    struct Resolution: Decodable {
        let applied: Bool
    }

    struct ChecksJSON: ResponseEncodable {
        let month: String
        let classes: [Item]

        struct Item: Encodable {
            let classId: Int
            let className: String
            @Nullable var homeroomTeacher: String?
            let status: String
            @Nullable var checkId: Int?
            @Nullable var changes: String?
        }

        init(month: String, lines: [MonthlyChecks.ClassLine]) {
            self.month = month
            classes = lines.map {
                Item(
                    classId: $0.classID,
                    className: $0.className,
                    homeroomTeacher: $0.homeroomName,
                    status: MonthlyCheckController.status($0.check),
                    checkId: $0.check?.id,
                    changes: $0.check?.changes
                )
            }
        }
    }

    /// `missing`, `no_changes`, `changes_requested`, `applied` or `declined`.
    static func status(_ check: MonthlyChecks.Check?) -> String {
        guard let check else { return "missing" }
        guard check.changes != nil else { return "no_changes" }
        return check.resolution ?? "changes_requested"
    }

    static let statusTitles = [
        "missing": "не проведена", "no_changes": "изменений нет", "changes_requested": "запрошены изменения",
        "applied": "изменения внесены", "declined": "изменения отклонены",
    ]

    struct HomeroomPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let sent: Bool
        let classes: [ClassBlock]
        let hasClasses: Bool

        struct ClassBlock: Sendable {
            let classID: Int
            let name: String
            let status: String
            let pupils: [PupilLine]
        }

        struct PupilLine: Sendable {
            let name: String
            let born: String
            let guardians: String
        }
    }

    func homeroomPage(
        _ request: Request,
        _ context: AppRequestContext,
        error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let mine = try await setup.mine(context: context)
        let blocks = mine.map { block in
            HomeroomPage.ClassBlock(
                classID: block.line.classID,
                name: block.line.className,
                status: Self.statusTitles[Self.status(block.line.check)] ?? "",
                pupils: block.pupils.map { cells in
                    HomeroomPage.PupilLine(
                        name: cells[0...2].filter { !$0.isEmpty }.joined(separator: " "),
                        born: cells[3],
                        guardians: [cells[6], cells[8]].filter { !$0.isEmpty }.joined(separator: "; ")
                    )
                }
            )
        }
        let page = HomeroomPage(
            title: "Сверка списка класса: \(setup.monthTitle)",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            sent: request.uri.queryParameters["sent"] != nil,
            classes: blocks,
            hasClasses: !blocks.isEmpty
        )
        return pages.page("homeroom-check", page, status: status)
    }

    struct AdminPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let lines: [Line]
        let missing: Int

        struct Line: Sendable {
            let className: String
            let homeroom: String
            let status: String
            let changes: String?
            let resolveAction: String?
        }
    }

    func adminPage(_ request: Request, _ context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response
    {
        let lines = try await setup.overview(context: context, path: request.uri.path)
        let page = AdminPage(
            title: "Сверка списков классов: \(setup.monthTitle)",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            lines: lines.map { line in
                let state = Self.status(line.check)
                return AdminPage.Line(
                    className: line.className,
                    homeroom: line.homeroomName ?? "нет классного руководителя",
                    status: Self.statusTitles[state] ?? "",
                    changes: line.check?.changes,
                    resolveAction: state == "changes_requested" ? line.check.map { "/admin/monthly-check/\($0.id)" } : nil
                )
            },
            missing: lines.filter { $0.check == nil }.count
        )
        return pages.page("admin-monthly-check", page, status: status)
    }
}
