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
        /// Each with the day it is about; nil for a whole year's (over the quota).
        let warnings: [(code: String, text: String, date: LocalDate?)]
        /// The classes to choose from, for a reader of the whole school.
        let classes: [(id: Int, name: String)]
        let year: DateSpan
    }

    func view(_ request: Request, context: AppRequestContext) async throws -> View {
        let scope = try await ReportScope.of(request, context: context, access: access, clock: clock)
        let today = SchoolCalendar.today(clock())
        let (schedule, year) = try await database.read { sql in
            guard let year = try await YearCalendars.current(school: scope.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            return (try await AssessmentWorks.load(school: scope.schoolID, year: year.yearID, in: sql), year.span)
        }
        let all = AssessmentSchedule.warnings(schedule.works.map(\.work), days: schedule.days)
        let subjects = Dictionary(schedule.works.map { ($0.work.subjectID, $0.subject) }) { first, _ in first }
        let classes = Dictionary(schedule.works.map { ($0.work.classID, $0.className) }) { first, _ in first }
        let own = scope.classID
        let ownParallel = schedule.works.first { $0.work.classID == own }?.work.parallel
        let warnings = all.compactMap { warning -> (String, String, LocalDate?)? in
            switch warning {
            case .tooClose(let parallel, let subject, let earlier, let later):
                if own != nil && parallel != ownParallel { return nil }
                return (
                    warning.code,
                    "\(parallel) классы, \(subjects[subject] ?? ""): работы \(earlier.russian) и \(later.russian) — меньше \(AssessmentSchedule.minimumGapDays) дней между ними.",
                    later
                )
            case .overQuota(let classID, let subject, let works, let hours):
                if own != nil && classID != own { return nil }
                return (
                    warning.code, "\(classes[classID] ?? ""), \(subjects[subject] ?? ""): \(works) работ при \(hours) часах в год — больше 10 %.", nil
                )
            case .sameDay(let classID, let date, let works):
                if own != nil && classID != own { return nil }
                return (warning.code, "\(classes[classID] ?? ""), \(date.russian): \(works) работы в один день.", date)
            case .edgeLesson(_, let classID, let date, let number):
                if own != nil && classID != own { return nil }
                return (
                    warning.code, "\(classes[classID] ?? ""), \(date.russian): работа на \(number) уроке — первом или последнем в этот день.", date
                )
            }
        }
        return View(
            works: schedule.works.filter { own == nil || $0.work.classID == own },
            warnings: warnings,
            classes: AccessPolicy.decide(try context.requireActor(), .read, .school(id: scope.schoolID)).isAllowed
                ? classes.map { (id: $0.key, name: $0.value) }.sorted { ($0.name.count, $0.name) < ($1.name.count, $1.name) } : [],
            year: year
        )
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
            try await page(try await view(request, context: context), request: request, context: context)
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

    /// The page shows one month (this one by default) or, asked, the whole year; a class's works or the school's.
    private func page(_ view: View, request: Request, context: AppRequestContext) async throws -> Response {
        let asked = request.uri.queryParameters["month"].map(String.init) ?? ""
        let today = SchoolCalendar.today(clock())
        var months: [String] = []
        var day = LocalDate(year: view.year.start.year, month: view.year.start.month, day: 1)!
        while day <= view.year.end {
            months.append(String(day.iso.prefix(7)))
            day = LocalDate(year: day.month == 12 ? day.year + 1 : day.year, month: day.month % 12 + 1, day: 1)!
        }
        let current = String(today.iso.prefix(7))
        let month = asked == "all" ? nil : months.contains(asked) ? asked : months.contains(current) ? current : nil
        guard asked.isEmpty || asked == "all" || months.contains(asked) else {
            throw AppError.invalid("bad_month", "Месяц графика — в виде ГГГГ-ММ внутри учебного года, или весь год.")
        }
        func shown(_ date: LocalDate?) -> Bool { month == nil || date == nil || date!.iso.hasPrefix(month!) }
        let works = view.works.filter { shown($0.work.date) }
        let warnings = view.warnings.filter { shown($0.date) }
        let classID = try request.integerQuery("classId")
        let schoolID = try request.integerQuery("schoolId")
        let query = classID.map { "?classId=\($0)" } ?? schoolID.map { "?schoolId=\($0)" } ?? ""
        return pages.page(
            "report-assessments",
            Page(
                title: "График оценочных процедур",
                chrome: Chrome(context),
                picksClass: !view.classes.isEmpty,
                classes: [Page.Choice(value: "", label: "все классы", selected: classID == nil)]
                    + view.classes.map { Page.Choice(value: String($0.id), label: $0.name, selected: $0.id == classID) },
                ownClass: view.classes.isEmpty ? classID.map(String.init) : nil,
                schoolID: schoolID.map(String.init),
                months: [Page.Choice(value: "all", label: "весь год", selected: month == nil)]
                    + months.map { text in
                        Page.Choice(
                            value: text,
                            label: "\(LocalDate.russianMonthNames[Int(text.suffix(2))! - 1]) \(text.prefix(4))",
                            selected: text == month
                        )
                    },
                header: Self.header,
                rows: Self.table(View(works: works, warnings: [], classes: [], year: view.year)).rows.map { Page.Row(cells: $0.cells) },
                empty: works.isEmpty,
                warnings: warnings.map(\.text),
                hasWarnings: !warnings.isEmpty,
                xlsx: "/reports/assessments.xlsx" + query,
                csv: "/reports/assessments.csv" + query
            )
        )
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let picksClass: Bool
        let classes: [Choice]
        let ownClass: String?
        let schoolID: String?
        let months: [Choice]
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

        typealias Choice = PageChoice
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
