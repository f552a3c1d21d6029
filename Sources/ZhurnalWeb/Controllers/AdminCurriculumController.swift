import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The year's curriculum (`/admin/curriculum`): hours a week by subject and parallel, the table as a file to edit in a
/// spreadsheet and the upload that replaces it; and the same for programs under `/api/v1/curriculum`.
struct AdminCurriculumController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: CurriculumSetup { CurriculumSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/curriculum") { request, context in try await page(request, context) }
        router.post("/admin/curriculum") { request, context in try await upload(request, context) }
        for format in SheetFormat.allCases {
            router.get("/admin/curriculum.\(format.rawValue)") { request, context in
                let view = try await setup.view(context: context, path: request.uri.path)
                return try SheetDownload.response(view.table, format: format, sheetName: "Учебный план", fileName: "curriculum")
            }
        }
        router.get("/api/v1/curriculum") { request, context in CurriculumJSON(try await setup.view(context: context, path: request.uri.path)) }
        router.put("/api/v1/curriculum") { request, context in
            let dryRun = request.uri.queryParameters["dryRun"] == "true"
            let body = try await request.body.collect(upTo: PupilListFiles.maxBytes)
            let refusals = try await setup.replace(file: Data(body.readableBytesView), write: !dryRun, context: context, path: request.uri.path)
            if !refusals.isEmpty {
                let lines = refusals.prefix(5).map { "строка \($0.line): \($0.russianMessage)" }.joined(separator: "; ")
                throw AppError.invalid("curriculum_refused", "Учебный план не принят, ничего не записано. \(lines)")
            }
            return CurriculumJSON(try await setup.view(context: context, path: request.uri.path))
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let error: String?
        let refusals: [Refusal]
        let hasRefusals: Bool
        let saved: Bool
        let parallels: [Int]
        let rows: [Row]

        struct Refusal: Sendable {
            let line: Int
            let message: String
        }

        struct Row: Sendable {
            let subject: String
            let cells: [String]
        }
    }

    func page(
        _ request: Request,
        _ context: AppRequestContext,
        error: String? = nil,
        refusals: [ImportRefusal] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: request.uri.path)
        let view = try await setup.view(context: context, path: request.uri.path)
        let page = Page(
            title: "Учебный план \(view.calendar.title)",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            refusals: refusals.map { Page.Refusal(line: $0.line, message: $0.russianMessage) },
            hasRefusals: !refusals.isEmpty,
            saved: request.uri.queryParameters["saved"] != nil,
            parallels: Array(CurriculumPlan.parallels),
            rows: view.table.rows.map { Page.Row(subject: $0.cells[0], cells: Array($0.cells.dropFirst())) }
        )
        return pages.page("admin-curriculum", page, status: status)
    }

    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let refusals: [ImportRefusal]
        do {
            let file = try await MultipartForm.listFile(request, missing: "Выберите файл учебного плана (CSV или XLSX).")
            refusals = try await setup.replace(file: file, write: true, context: context, path: request.uri.path)
        } catch {
            let problem = try Problem.shownOnPage(error)
            return try await page(request, context, error: problem.message, status: problem.status)
        }
        guard refusals.isEmpty else {
            return try await page(
                request,
                context,
                error: "Учебный план не принят, ничего не записано: исправьте строки ниже.",
                refusals: refusals,
                status: .unprocessableContent
            )
        }
        return Response(status: .seeOther, headers: [.location: "/admin/curriculum?saved=1"])
    }

    struct CurriculumJSON: ResponseEncodable {
        let yearId: Int
        let hours: [Cell]

        struct Cell: Encodable {
            let subjectId: Int
            let subject: String
            let parallel: Int
            let hoursPerWeek: Int
        }

        init(_ view: CurriculumSetup.View) {
            yearId = view.calendar.yearID
            let names = Dictionary(view.subjects.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            hours = view.hours.map {
                Cell(subjectId: $0.subjectID, subject: names[$0.subjectID] ?? "", parallel: $0.parallel, hoursPerWeek: $0.hours)
            }
        }
    }
}
