import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// «График оценочных процедур» (`/reports/assessments`, its `.xlsx` and `.csv`) and `GET /api/v1/reports/assessments`:
/// the year's control works by date with the rules' warnings (DOMAIN.md §4). A homeroom teacher sees his class's
/// works and the warnings that concern it.
struct AssessmentScheduleController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    struct View: Sendable {
        let works: [AssessmentWorks.Listed]
        let warnings: [(code: String, text: String)]
    }

    func view(_ request: Request, context: AppRequestContext) async throws -> View {
        let scope = try await ReportScope.of(request, context: context, access: access, clock: clock)
        let today = SchoolCalendar.today(clock())
        let schedule = try await database.read { sql in
            guard let year = try await YearCalendars.current(school: scope.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            return try await AssessmentWorks.load(school: scope.schoolID, year: year.yearID, in: sql)
        }
        let all = AssessmentSchedule.warnings(schedule.works.map(\.work), days: schedule.days)
        let subjects = Dictionary(schedule.works.map { ($0.work.subjectID, $0.subject) }) { first, _ in first }
        let classes = Dictionary(schedule.works.map { ($0.work.classID, $0.className) }) { first, _ in first }
        let own = scope.classID
        let ownParallel = schedule.works.first { $0.work.classID == own }?.work.parallel
        let warnings = all.compactMap { warning -> (String, String)? in
            switch warning {
            case .tooClose(let parallel, let subject, let earlier, let later):
                if own != nil && parallel != ownParallel { return nil }
                return (
                    warning.code,
                    "\(parallel) классы, \(subjects[subject] ?? ""): работы \(earlier.russian) и \(later.russian) — меньше \(AssessmentSchedule.minimumGapDays) дней между ними."
                )
            case .overQuota(let classID, let subject, let works, let hours):
                if own != nil && classID != own { return nil }
                return (warning.code, "\(classes[classID] ?? ""), \(subjects[subject] ?? ""): \(works) работ при \(hours) часах в год — больше 10 %.")
            case .sameDay(let classID, let date, let works):
                if own != nil && classID != own { return nil }
                return (warning.code, "\(classes[classID] ?? ""), \(date.russian): \(works) работы в один день.")
            case .edgeLesson(_, let classID, let date, let number):
                if own != nil && classID != own { return nil }
                return (warning.code, "\(classes[classID] ?? ""), \(date.russian): работа на \(number) уроке — первом или последнем в этот день.")
            }
        }
        return View(works: schedule.works.filter { own == nil || $0.work.classID == own }, warnings: warnings)
    }

    static let header = ["Дата", "Класс", "Предмет", "Вид работы", "Урок"]

    static func table(_ view: View) -> SheetTable {
        SheetTable(
            header: header,
            rows: view.works.enumerated().map { index, listed in
                ImportRow(
                    line: index + 2,
                    cells: [listed.work.date.russian, listed.className, listed.subject, listed.workType, String(listed.work.lessonNumber)]
                )
            }
        )
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/reports/assessments") { request, context in
            let view = try await view(request, context: context)
            let query = request.uri.queryParameters["classId"].map { "?classId=\($0)" } ?? ""
            return pages.page(
                "report-assessments",
                Page(
                    title: "График оценочных процедур",
                    chrome: Chrome(context),
                    header: Self.header,
                    rows: Self.table(view).rows.map { Page.Row(cells: $0.cells) },
                    empty: view.works.isEmpty,
                    warnings: view.warnings.map(\.text),
                    hasWarnings: !view.warnings.isEmpty,
                    xlsx: "/reports/assessments.xlsx" + query,
                    csv: "/reports/assessments.csv" + query
                )
            )
        }
        for format in SheetFormat.allCases {
            router.get("/reports/assessments.\(format.rawValue)") { request, context in
                try SheetDownload.response(
                    Self.table(try await view(request, context: context)),
                    format: format,
                    sheetName: "График",
                    fileName: "assessments"
                )
            }
        }
        router.get("/api/v1/reports/assessments") { request, context in
            let view = try await view(request, context: context)
            return AssessmentsJSON(
                works: view.works.map {
                    AssessmentsJSON.Work(
                        lessonId: $0.work.lessonID,
                        date: $0.work.date.iso,
                        lessonNumber: $0.work.lessonNumber,
                        classId: $0.work.classID,
                        className: $0.className,
                        subject: $0.subject,
                        workType: $0.workType
                    )
                },
                warnings: view.warnings.map { AssessmentsJSON.Warning(code: $0.code, message: $0.text) }
            )
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let header: [String]
        let rows: [Row]
        let empty: Bool
        let warnings: [String]
        let hasWarnings: Bool
        let xlsx: String
        let csv: String

        struct Row: Sendable {
            let cells: [String]
        }
    }
}

/// `GET /api/v1/reports/assessments`.
struct AssessmentsJSON: ResponseEncodable {
    let works: [Work]
    let warnings: [Warning]

    struct Work: Encodable, Sendable {
        let lessonId: Int
        let date: String
        let lessonNumber: Int
        let classId: Int
        let className: String
        let subject: String
        let workType: String
    }

    struct Warning: Encodable, Sendable {
        let code: String
        let message: String
    }
}
