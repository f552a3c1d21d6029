import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A pupil's classes this year and his movement (`/admin/people/{id}/movement`): his enrolments with their dates and
/// reasons, and forms for a transfer, a departure and an arrival; a refused form comes back with the reason.
struct AdminMovementController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: PupilMovementSetup { PupilMovementSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/people/:id/movement") { request, context in try await page(request, context) }
        router.post("/admin/people/:id/movement") { request, context in try await move(request, context) }
        router.post("/admin/people/:id/guardians") { request, context in
            let person = try context.parameters.require("id", as: Int.self)
            let form = try await request.form([String: String].self, context: context)
            return try await changed(request, context) {
                _ = try await setup.link(
                    person: person,
                    fullName: form["fullName"] ?? "",
                    relation: form["relation"] ?? "",
                    context: context,
                    path: request.uri.path
                )
            }
        }
        router.post("/admin/people/:id/guardians/:guardianId/delete") { request, context in
            let person = try context.parameters.require("id", as: Int.self)
            let guardian = try context.parameters.require("guardianId", as: Int.self)
            return try await changed(request, context) {
                try await setup.unlink(person: person, guardian: guardian, context: context, path: request.uri.path)
            }
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let card: String
        let action: String
        let enrolments: [Line]
        let hasEnrolments: Bool
        let guardians: [GuardianLine]
        let guardiansAction: String

        struct GuardianLine: Sendable {
            let name: String
            let relation: String
            let card: String
            let unlink: String
        }
        let enrolled: Bool
        let classes: [Choice]
        let today: String
        let csrf: String
        let error: String?
        let saved: Bool

        struct Line: Sendable {
            let className: String
            let dates: String
            let reasons: String
        }

        struct Choice: Sendable {
            let value: String
            let label: String
        }
    }

    func page(_ request: Request, _ context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let person = try context.parameters.require("id", as: Int.self)
        let view = try await setup.view(person: person, context: context, path: request.uri.path)
        let today = SchoolCalendar.today(clock())
        let lines = view.pupil.enrolments.map { enrolment in
            let reasons = view.pupil.reasons[enrolment.id]
            return Page.Line(
                className: enrolment.className,
                dates: "с \(enrolment.startsOn.russian)" + (enrolment.endsOn.map { " по \($0.russian)" } ?? ""),
                reasons: [reasons?.began.map { "основание: \($0)" }, reasons?.ended.map { "окончание: \($0)" }].compactMap { $0 }.joined(
                    separator: "; "
                )
            )
        }
        let page = Page(
            title: "\(view.pupil.name): классы, движение, представители",
            chrome: Chrome(context),
            card: "/admin/people/\(person)",
            action: "/admin/people/\(person)/movement",
            enrolments: lines,
            hasEnrolments: !lines.isEmpty,
            guardians: try await setup.guardians(person: person, context: context, path: request.uri.path).map {
                Page.GuardianLine(
                    name: $0.fullName,
                    relation: $0.relation,
                    card: "/admin/people/\($0.personID)",
                    unlink: "/admin/people/\(person)/guardians/\($0.personID)/delete"
                )
            },
            guardiansAction: "/admin/people/\(person)/guardians",
            enrolled: view.pupil.enrolments.contains { $0.endsOn.map { $0 >= today } ?? true },
            classes: view.classes.map { Page.Choice(value: String($0.id), label: $0.name) },
            today: today.iso,
            csrf: context.session?.csrfToken ?? "",
            error: error,
            saved: request.uri.queryParameters["saved"] != nil
        )
        return pages.page("admin-movement", page, status: status)
    }

    func move(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let person = try context.parameters.require("id", as: Int.self)
        let form = try await request.form([String: String].self, context: context)
        do {
            try await setup.move(
                person: person,
                kind: form["kind"] ?? "",
                classID: form["classId"].flatMap { Int($0) },
                date: form["date"] ?? "",
                reason: form["reason"],
                context: context,
                path: request.uri.path
            )
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/people/\(person)/movement?saved=1"])
    }

    private func changed(_ request: Request, _ context: AppRequestContext, _ body: () async throws -> Void) async throws -> Response {
        let person = try context.parameters.require("id", as: Int.self)
        do {
            try await body()
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/people/\(person)/movement?saved=1"])
    }
}
