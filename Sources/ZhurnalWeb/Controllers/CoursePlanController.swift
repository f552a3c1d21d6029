import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// A course's thematic plan (`/courses/{id}/plan`): the topics laid onto the lessons, the programme's fulfilment to
/// date, the plan as a file to edit in a spreadsheet, and the upload that replaces it — refused whole, row by row,
/// when any row is wrong.
struct CoursePlanController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var setup: PlanSetup { PlanSetup(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/courses/:courseId/plan") { request, context in try await page(request, context) }
        router.post("/courses/:courseId/plan") { request, context in try await upload(request, context) }
        router.post("/courses/:courseId/plan/rows") { request, context in try await edit(request, context) }
        for format in SheetFormat.allCases {
            router.get("/courses/:courseId/plan.\(format.rawValue)") { request, context in
                try await setup.export(
                    courseID: try context.parameters.require("courseId", as: Int.self),
                    format: format,
                    context: context,
                    path: request.uri.path
                )
            }
        }
        router.get("/api/v1/courses/:courseId/plan") { request, context in
            PlanJSON(
                try await setup.view(courseID: try context.parameters.require("courseId", as: Int.self), context: context, path: request.uri.path)
            )
        }
        router.put("/api/v1/courses/:courseId/plan") { request, context in
            let courseID = try context.parameters.require("courseId", as: Int.self)
            let dryRun = request.uri.queryParameters["dryRun"] == "true"
            let body = try await request.body.collect(upTo: PupilListFiles.maxBytes)
            let read = try await setup.replace(
                courseID: courseID,
                file: Data(body.readableBytesView),
                write: !dryRun,
                context: context,
                path: request.uri.path
            )
            if !read.refusals.isEmpty {
                let lines = read.refusals.prefix(5).map { "строка \($0.line): \($0.russianMessage)" }.joined(separator: "; ")
                throw AppError.invalid("plan_refused", "План не принят, ничего не записано. \(lines)")
            }
            return PlanJSON(try await setup.view(courseID: courseID, context: context, path: request.uri.path))
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
        let fulfilment: String
        let lag: String?
        let topics: [TopicLine]
        let hasTopics: Bool
        let canEdit: Bool
        let action: String
        let editAction: String
        /// The plan's rows as form fields, and a few empty ones for new topics.
        let rows: [EditRow]
        let exportXLSX: String
        let exportCSV: String

        struct Refusal: Sendable {
            let line: Int
            let message: String
        }

        struct EditRow: Sendable {
            let index: Int
            let number: String
            let title: String
            let hours: String
            let controls: [Choice]
        }

        typealias Choice = PageChoice

        struct TopicLine: Sendable {
            let position: Int
            let title: String
            let hours: Int
            let control: String
            let lessons: String
        }
    }

    func page(
        _ request: Request,
        _ context: AppRequestContext,
        error: String? = nil,
        refusals: [ImportRefusal] = [],
        edited: [[String]]? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let view = try await setup.view(courseID: courseID, context: context, path: request.uri.path)
        let listing = try await database.read { try await CourseDirectory.find(school: view.facts.schoolID, course: courseID, in: $0) }
        var datesOf: [Int: [String]] = [:]
        for lesson in view.course.lessons {
            if let topic = view.laid[lesson.id] { datesOf[topic.position, default: []].append(lesson.date.russian) }
        }
        let fulfilment = view.fulfilment
        let page = Page(
            title: "Тематический план: \(listing.map { "\($0.subject), \($0.group)" } ?? "курс")",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            error: error,
            refusals: refusals.map { Page.Refusal(line: $0.line, message: $0.russianMessage) },
            hasRefusals: !refusals.isEmpty,
            saved: request.uri.queryParameters["saved"] != nil,
            fulfilment:
                "Часов в плане: \(fulfilment.total). По плану к сегодняшнему дню: \(fulfilment.plannedToDate), проведено уроков: \(fulfilment.held).",
            lag: fulfilment.lag > 0 ? "Отставание от программы: \(fulfilment.lag) ч." : nil,
            topics: view.course.topics.map { topic in
                let dates = datesOf[topic.position] ?? []
                return Page.TopicLine(
                    position: topic.position,
                    title: topic.title,
                    hours: topic.hours,
                    control: topic.controlWorkTypeID.flatMap { view.course.workTypes[$0] } ?? "",
                    lessons: dates.isEmpty ? "уроков ещё нет" : dates.joined(separator: ", ")
                )
            },
            hasTopics: !view.course.topics.isEmpty,
            canEdit: view.canEdit,
            action: "/courses/\(courseID)/plan",
            editAction: "/courses/\(courseID)/plan/rows",
            rows: Self.editRows(view, edited: edited),
            exportXLSX: "/courses/\(courseID)/plan.xlsx",
            exportCSV: "/courses/\(courseID)/plan.csv"
        )
        return pages.page("course-plan", page, status: status)
    }

    /// Rows of the form: each topic (or, after a refusal, each row as typed) and three empty ones.
    static func editRows(_ view: PlanSetup.View, edited: [[String]]?) -> [Page.EditRow] {
        let names = view.course.workTypes.values.sorted()
        let cells =
            edited
            ?? view.course.topics.map { topic in
                [String(topic.position), topic.title, String(topic.hours), topic.controlWorkTypeID.flatMap { view.course.workTypes[$0] } ?? ""]
            }
        return (cells + Array(repeating: ["", "", "", ""], count: 3)).enumerated().map { index, row in
            Page.EditRow(
                index: index,
                number: row[0],
                title: row[1],
                hours: row[2],
                controls: [Page.Choice(value: "", label: "—", selected: row[3].isEmpty)]
                    + names.map { Page.Choice(value: $0, label: $0, selected: $0 == row[3]) }
            )
        }
    }

    /// The plan edited on the page: its rows, as typed, go through the same rules as a file's; a row without a topic
    /// and hours is left out, which is how a topic is removed.
    func edit(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let form = try await request.form([String: String].self, context: context)
        let indexes = Set(form.keys.compactMap { $0.hasPrefix("t_") ? Int($0.dropFirst(2)) : nil }).sorted()
        let typed = indexes.prefix(1000).map { index in
            ["n", "t", "h", "c"].map { (form["\($0)_\(index)"] ?? "").trimmingCharacters(in: .whitespaces) }
        }
        let kept = typed.enumerated().filter { !$0.element[1].isEmpty || !$0.element[2].isEmpty }
        let table = SheetTable(header: ThematicPlan.headings, rows: kept.map { ImportRow(line: $0.offset + 1, cells: $0.element) })
        let read: (topics: [ThematicPlan.Topic], refusals: [ImportRefusal])
        do {
            read = try await setup.replace(courseID: courseID, table: table, write: true, context: context, path: request.uri.path)
        } catch let error as AppError where error.status == .unprocessableContent {
            return try await page(request, context, error: error.message, edited: typed, status: .unprocessableContent)
        }
        guard read.refusals.isEmpty else {
            return try await page(
                request,
                context,
                error: "План не сохранён: исправьте строки, названные ниже (номер — строка формы).",
                refusals: read.refusals,
                edited: typed,
                status: .unprocessableContent
            )
        }
        return Response(status: .seeOther, headers: [.location: "/courses/\(courseID)/plan?saved=1"])
    }

    func upload(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let read: (topics: [ThematicPlan.Topic], refusals: [ImportRefusal])
        do {
            let file = try await MultipartForm.listFile(request, missing: "Выберите файл плана (CSV или XLSX).")
            read = try await setup.replace(
                courseID: courseID,
                file: file,
                write: true,
                context: context,
                path: request.uri.path
            )
        } catch {
            let problem = try Problem.shownOnPage(error)
            return try await page(request, context, error: problem.message, status: problem.status)
        }
        guard read.refusals.isEmpty else {
            return try await page(
                request,
                context,
                error: "План не принят, ничего не записано: исправьте строки ниже.",
                refusals: read.refusals,
                status: .unprocessableContent
            )
        }
        return Response(status: .seeOther, headers: [.location: "/courses/\(courseID)/plan?saved=1"])
    }

    struct PlanJSON: ResponseEncodable {
        let courseId: Int
        let topics: [Topic]
        let lessons: [Lesson]
        let fulfilment: Fulfilment

        struct Topic: Encodable {
            let position: Int
            let title: String
            let hours: Int
            @Nullable var controlWorkType: String?
        }

        struct Lesson: Encodable {
            let lessonId: Int
            let date: String
            let plannedTopic: Int
        }

        struct Fulfilment: Encodable {
            let total: Int
            let plannedToDate: Int
            let held: Int
            let lag: Int
        }

        init(_ view: PlanSetup.View) {
            courseId = view.facts.courseID
            topics = view.course.topics.map {
                Topic(
                    position: $0.position,
                    title: $0.title,
                    hours: $0.hours,
                    controlWorkType: $0.controlWorkTypeID.flatMap { view.course.workTypes[$0] }
                )
            }
            lessons = view.course.lessons.compactMap { lesson in
                view.laid[lesson.id].map { Lesson(lessonId: lesson.id, date: lesson.date.iso, plannedTopic: $0.position) }
            }
            let fulfilment = view.fulfilment
            self.fulfilment = Fulfilment(total: fulfilment.total, plannedToDate: fulfilment.plannedToDate, held: fulfilment.held, lag: fulfilment.lag)
        }
    }
}
