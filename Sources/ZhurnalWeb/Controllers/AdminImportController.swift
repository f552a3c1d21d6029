import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The administrator's lists as files (`/admin/import`): the pupils' list exported as CSV or XLSX, and imported in two
/// steps — the file is uploaded and previewed with every refused row, then confirmed and written whole.
struct AdminImportController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    static let kind = "pupils"
    private var files: PupilListFiles { PupilListFiles(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/import") { request, context in try await page(request, context) }
        router.post("/admin/import") { request, context in try await preview(request, context) }
        router.post("/admin/import/confirm") { request, context in try await confirm(request, context) }
        for format in SheetFormat.allCases {
            router.get("/admin/export/pupils.\(format.rawValue)") { request, context in
                try await files.exportFile(format, context: context, path: request.uri.path)
            }
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let headings: String
        let required: String
        let error: String?
        let written: String?
        let preview: Preview?

        struct Preview: Sendable {
            let summary: String
            let refusals: [Refusal]
            let hasRefusals: Bool
            let draft: Int?
            let nothingToDo: Bool
        }

        struct Refusal: Sendable {
            let line: Int
            let message: String
        }
    }

    private func render(
        _ context: AppRequestContext,
        error: String? = nil,
        written: String? = nil,
        preview: Page.Preview? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let page = Page(
            title: "Списки: импорт и выгрузка",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            headings: PupilList.headings.joined(separator: "; "),
            required: PupilList.required.joined(separator: ", "),
            error: error,
            written: written,
            preview: preview
        )
        return pages.page("admin-import", page, status: status)
    }

    func page(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: request.uri.path)
        let query = request.uri.queryParameters
        let written = query["pupils"].flatMap { Int($0) }.map { pupils in
            "Список записан. Новых учеников: \(pupils), новых представителей: \(query["guardians"].flatMap { Int($0) } ?? 0)."
        }
        return render(context, written: written)
    }

    /// The uploaded file is planned, not written, and kept as a draft for the confirmation.
    func preview(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let path = request.uri.path
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let content: Data
        let plan: PupilImportPlan
        do {
            content = try await MultipartForm.listFile(request, missing: "Выберите файл списка (CSV или XLSX).")
            plan = try await files.importFile(content, write: false, context: context, path: path)
        } catch {
            let problem = try Problem.shownOnPage(error)
            return render(context, error: problem.message, status: problem.status)
        }
        var draft: Int?
        if plan.refusals.isEmpty, !plan.changesNothing {
            let now = clock()
            draft = try await database.write { sql in
                try await ImportDrafts.keep(school: actor.schoolID, account: actor.accountID, kind: Self.kind, content: content, now: now, in: sql)
            }
        }
        return render(context, preview: preview(plan, draft: draft), status: plan.refusals.isEmpty ? .ok : .unprocessableContent)
    }

    func confirm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let path = request.uri.path
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let form = try await request.form([String: String].self, context: context)
        let now = clock()
        guard let id = form["draft"].flatMap({ Int($0) }),
            let content = try await database.write({
                try await ImportDrafts.take(id: id, school: actor.schoolID, account: actor.accountID, kind: Self.kind, now: now, in: $0)
            })
        else {
            return render(context, error: "Предпросмотр устарел (он хранится час). Загрузите файл ещё раз.", status: .unprocessableContent)
        }
        let plan: PupilImportPlan
        do {
            plan = try await files.importFile(content, write: true, context: context, path: path)
        } catch let error as AppError where error.status == .unprocessableContent {
            return render(context, error: error.message, status: .unprocessableContent)
        }
        // Between the preview and now the school may have changed: then nothing was written and the page says why (the
        // draft is spent; the file is uploaded again after the fix).
        guard plan.refusals.isEmpty else {
            return render(context, preview: preview(plan, draft: nil), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/import?pupils=\(plan.newPupils)&guardians=\(plan.newGuardians)"])
    }

    private func preview(_ plan: PupilImportPlan, draft: Int?) -> Page.Preview {
        Page.Preview(
            summary: plan.russianSummary,
            refusals: plan.refusals.map { Page.Refusal(line: $0.line, message: $0.russianMessage) },
            hasRefusals: !plan.refusals.isEmpty,
            draft: draft,
            nothingToDo: plan.refusals.isEmpty && plan.changesNothing
        )
    }
}
