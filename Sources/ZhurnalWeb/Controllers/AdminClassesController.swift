import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The administrator's list of the year's classes (`/admin/classes`): each with its homeroom teacher and pupils, and a
/// form for a new class; a refused form comes back with the reason.
struct AdminClassesController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: ClassSetup { ClassSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/classes") { request, context in try await page(request, context) }
        router.post("/admin/classes") { request, context in try await add(request, context) }
        router.post("/admin/classes/homeroom") { request, context in try await setHomeroom(request, context) }
        router.post("/admin/classes/import") { request, context in try await importList(request, context) }
        router.post("/admin/classes/timetable-import") { request, context in try await importTimetable(request, context) }
        for format in SheetFormat.allCases {
            router.get("/admin/classes/timetable.\(format.rawValue)") { request, context in
                try await PupilListFiles(database: database, access: access, clock: clock).exportTimetable(
                    format,
                    on: try request.dateQuery(),
                    context: context,
                    path: request.uri.path
                )
            }
            router.get("/admin/classes.\(format.rawValue)") { request, context in
                try await PupilListFiles(database: database, access: access, clock: clock).exportClasses(
                    format,
                    context: context,
                    path: request.uri.path
                )
            }
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let classes: [Row]
        let hasClasses: Bool
        let csrf: String
        let classChoices: [Choice]
        let kinds: [Choice]
        let teachers: [Choice]
        let error: String?
        let added: Bool
        /// After a timetable's file: how many lessons it laid.
        let timetableNotice: String?
        let today: String

        struct Row: Sendable {
            let name: String
            let homeroom: String
            let pupils: Int
            let periods: String
            let people: String
            let timetable: String
        }

        struct Choice: Sendable {
            let value: String
            let label: String
        }
    }

    func page(_ request: Request, _ context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let path = "/admin/classes"
        try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let (calendar, classes) = try await setup.classes(context: context, path: path)
        let rows = classes.map { schoolClass in
            Page.Row(
                name: schoolClass.name,
                homeroom: schoolClass.homeroomName ?? "не назначен",
                pupils: schoolClass.pupils,
                periods: schoolClass.periodKind.russianTitle,
                people: "/admin/people?class=\(schoolClass.id)",
                timetable: "/admin/classes/\(schoolClass.id)/timetable"
            )
        }
        let page = Page(
            title: "Классы \(calendar.title)",
            chrome: Chrome(context),
            classes: rows,
            hasClasses: !rows.isEmpty,
            csrf: context.session?.csrfToken ?? "",
            classChoices: classes.map { Page.Choice(value: String($0.id), label: "\($0.name) (сейчас: \($0.homeroomName ?? "нет"))") },
            kinds: PeriodKind.allCases.map { Page.Choice(value: $0.rawValue, label: $0.russianTitle) },
            teachers: try await setup.teachers(context: context).map { Page.Choice(value: String($0.id), label: $0.name) },
            error: error,
            added: request.uri.queryParameters["added"] != nil,
            timetableNotice: request.uri.queryParameters["timetable"].flatMap { Int(String($0)) }.map {
                "Расписание загружено; уроков по нему создано: \($0)."
            },
            today: min(max(SchoolCalendar.today(clock()), calendar.span.start), calendar.span.end).iso
        )
        return pages.page("admin-classes", page, status: status)
    }

    func add(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.form([String: String].self, context: context)
        do {
            _ = try await setup.add(
                parallel: form["parallel"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) },
                letter: form["letter"] ?? "",
                periodKind: form["periodKind"] ?? "",
                homeroom: form["homeroom"].flatMap { Int($0) },
                context: context,
                path: request.uri.path
            )
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/classes?added=1"])
    }

    func setHomeroom(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.form([String: String].self, context: context)
        do {
            guard let classID = form["class"].flatMap({ Int($0) }) else { throw AppError.invalid("no_class", "Выберите класс.") }
            try await setup.setHomeroom(classID: classID, teacher: form["homeroom"].flatMap { Int($0) }, context: context, path: request.uri.path)
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/admin/classes?added=1"])
    }

    /// The classes' list from a file: checked whole and, with no refused row, written; the page says which classes
    /// were added or why nothing was.
    func importList(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await upload(request, context, refused: "Список классов не принят, ничего не записано.") {
            let file = try await MultipartForm.listFile(request, missing: "Выберите файл списка классов (CSV или XLSX).")
            let outcome = try await PupilListFiles(database: database, access: access, clock: clock).importClasses(
                file,
                write: true,
                context: context,
                path: request.uri.path
            )
            return (outcome.refusals, "/admin/classes?added=1")
        }
    }

    /// The whole school's timetable from a file, from the date given beside it: every class it names, checked
    /// together and written whole, or the page says why nothing was.
    func importTimetable(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await upload(request, context, refused: "Расписание не принято, ничего не записано.") {
            let (file, fields) = try await MultipartForm.listFileAndFields(request, missing: "Выберите файл расписания (CSV или XLSX).")
            let outcome = try await PupilListFiles(database: database, access: access, clock: clock).importTimetable(
                file,
                from: fields["from"] ?? "",
                write: true,
                context: context,
                path: request.uri.path
            )
            return (outcome.refusals, "/admin/classes?timetable=\(outcome.lessonsCreated)")
        }
    }

    /// A list's upload: its refused rows, or a refusal of the whole file, shown on the page; else on to `location`.
    private func upload(
        _ request: Request,
        _ context: AppRequestContext,
        refused: String,
        _ body: () async throws -> (refusals: [ImportRefusal], location: String)
    ) async throws -> Response {
        let outcome: (refusals: [ImportRefusal], location: String)
        do {
            outcome = try await body()
        } catch {
            let problem = try Problem.shownOnPage(error)
            return try await page(request, context, error: problem.message, status: problem.status)
        }
        guard outcome.refusals.isEmpty else {
            let lines = outcome.refusals.map { "строка \($0.line): \($0.russianMessage)" }.joined(separator: "; ")
            return try await page(request, context, error: "\(refused) \(lines)", status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: outcome.location])
    }
}
