import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The year's end (`/admin/rollover`): what closing the year will do — the new year, each class's new name and pupils,
/// the graduates, what is carried over — or why it cannot be done yet; and the button that does it.
struct AdminRolloverController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: RolloverSetup { RolloverSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/rollover") { request, context in try await page(request, context) }
        router.post("/admin/rollover") { request, context in try await rollOver(request, context) }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let closing: String
        let refusal: String?
        let done: Bool
        let plan: Plan?

        struct Plan: Sendable {
            let title: String
            let dates: String
            let promotions: [Line]
            let graduates: [Line]
            let hasGraduates: Bool
            let carried: String
        }

        struct Line: Sendable {
            let from: String
            let to: String
            let pupils: Int
        }
    }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        render(try await setup.run(write: false, context: context, path: request.uri.path), context, done: request.uri.queryParameters["done"] != nil)
    }

    func rollOver(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let outcome = try await setup.run(write: true, context: context, path: request.uri.path)
        guard outcome.newYearID != nil else { return render(outcome, context, done: false, status: .unprocessableContent) }
        return Response(status: .seeOther, headers: [.location: "/admin/rollover?done=1"])
    }

    private func render(_ outcome: RolloverSetup.Outcome, _ context: AppRequestContext, done: Bool, status: HTTPResponse.Status = .ok) -> Response {
        let calendar = outcome.closing
        var refusal: String?
        var plan: Page.Plan?
        switch outcome.plan {
        case .failure(let error): refusal = error.russianMessage
        case .success(let planned):
            plan = Page.Plan(
                title: planned.title,
                dates: "\(planned.span.start.russian) – \(planned.span.end.russian)",
                promotions: planned.promotions.map { Page.Line(from: $0.from.name, to: $0.name, pupils: $0.from.pupils) },
                graduates: planned.graduating.map { Page.Line(from: $0.name, to: "выпуск", pupils: $0.pupils) },
                hasGraduates: !planned.graduating.isEmpty,
                carried: "Переносится учебный план; ученики, представители, сотрудники и учётные записи, предметы, звонки и виды работ остаются. "
                    + "Четверти и каникулы нового года задайте на странице «Календарь года»: их даты каждый год свои."
            )
        }
        let page = Page(
            title: "Завершение учебного года",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            closing: "\(calendar.title), \(calendar.span.start.russian) – \(calendar.span.end.russian)",
            refusal: refusal,
            done: done,
            plan: plan
        )
        return pages.page("admin-rollover", page, status: status)
    }
}
