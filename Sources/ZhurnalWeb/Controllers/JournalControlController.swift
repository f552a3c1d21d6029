import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// «Контроль ведения журналов» (`/reports/journal-control`, its `.xlsx` and `.csv`) and
/// `GET /api/v1/reports/journal-control`: per teacher, class and subject over a range, the lessons held and how
/// they were kept, with the overdue lessons themselves one link away.
struct JournalControlController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var report: JournalControlReport { JournalControlReport(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/reports/journal-control") { request, context in
            try await page(try await report.view(request, context: context), context: context)
        }
        for format in SheetFormat.allCases {
            router.get("/reports/journal-control.\(format.rawValue)") { request, context in
                let view = try await report.view(request, context: context)
                return try SheetDownload.response(Self.table(view), format: format, sheetName: "Контроль журналов", fileName: "journal-control")
            }
        }
        router.get("/api/v1/reports/journal-control") { request, context in
            JournalControlJSON(try await report.view(request, context: context))
        }
    }

    static let header = [
        "Учитель", "Класс", "Предмет", "Проведено уроков", "Тема в день урока, %", "Задание в срок, %", "Уроков без записи",
        "Отметок позже срока", "Изменено после окна", "«н» дольше 3 дней", "Ниже накопляемости", "План часов на дату", "Проведено с начала года",
        "Отставание",
    ]

    static func cells(_ line: JournalControlReport.Line) -> [String] {
        let row = line.row
        let rates: [String] = [row.topicOnTimeRate, row.homeworkOnTimeRate].map { $0?.decimalString(places: 1) ?? "—" }
        let counts: [String] = [row.withoutRecord, row.lateMarks, row.changedAfterWindow, row.unexplainedAbsences].map(String.init)
        let pace: [String] = [line.plannedHours, line.course.heldToDate, line.lag].map(String.init)
        let accumulation: String = line.belowAccumulation.map(String.init) ?? "—"
        return [line.teacher, line.course.className, line.course.subject, String(row.held)] + rates + counts + [accumulation] + pace
    }

    static func table(_ view: JournalControlReport.View) -> SheetTable {
        SheetTable(header: header, rows: view.lines.enumerated().map { ImportRow(line: $0.offset + 2, cells: cells($0.element)) })
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let from: String
        let to: String
        let classID: String?
        /// An observer's school other than his own, kept by the form.
        let schoolID: String?
        let header: [String]
        let lines: [Line]
        let empty: Bool
        let chart: String?
        let xlsx: String
        let csv: String

        struct Line: Sendable {
            let cells: [String]
            let late: Bool
            let overdue: [Overdue]
            let overdueCount: Int
            let hasOverdue: Bool
        }

        struct Overdue: Sendable {
            let href: String
            let label: String
            let problems: String
        }
    }

    private func page(_ view: JournalControlReport.View, context: AppRequestContext) async throws -> Response {
        var query = "from=\(view.span.start.iso)&to=\(view.span.end.iso)"
        if let classID = view.scope.classID { query += "&classId=\(classID)" }
        if case .aggregates(let school) = view.scope { query += "&schoolId=\(school)" }
        let lines = view.lines.map { line in
            Page.Line(
                cells: Self.cells(line),
                late: line.row.withoutRecord + line.row.lateMarks + line.row.unexplainedAbsences + (line.belowAccumulation ?? 0) > 0 || line.lag > 0,
                overdue: view.drillDown
                    ? line.row.overdue.map {
                        Page.Overdue(
                            href: "/lessons/\($0.lesson.id)",
                            label: "\($0.lesson.date.russian), \($0.lesson.number) урок",
                            problems: $0.problems.map(\.russianTitle).joined(separator: "; ")
                        )
                    } : [],
                overdueCount: line.row.overdue.count,
                hasOverdue: view.drillDown && !line.row.overdue.isEmpty
            )
        }
        // One bar a teacher: the share of his lessons with the topic written on the day.
        var byTeacher: [String: (held: Int, onTime: Int)] = [:]
        for line in view.lines {
            byTeacher[line.teacher, default: (0, 0)].held += line.row.held
            byTeacher[line.teacher, default: (0, 0)].onTime += line.row.topicOnTime
        }
        let bars = byTeacher.sorted { $0.key < $1.key }.filter { $0.value.held > 0 }.map {
            BarChart.Bar(label: $0.key, value: Rational(100 * $0.value.onTime, $0.value.held), previous: nil)
        }
        let page = Page(
            title: "Контроль ведения журналов",
            chrome: Chrome(context),
            from: view.span.start.iso,
            to: view.span.end.iso,
            classID: view.scope.classID.map(String.init),
            schoolID: { if case .aggregates(let school) = view.scope { String(school) } else { nil } }(),
            header: Self.header,
            lines: lines,
            empty: lines.isEmpty,
            chart: bars.isEmpty ? nil : BarChart.svg(bars, title: "Тема записана в день урока, % уроков учителя"),
            xlsx: "/reports/journal-control.xlsx?" + query,
            csv: "/reports/journal-control.csv?" + query
        )
        return pages.page("report-journal-control", page)
    }
}

/// `GET /api/v1/reports/journal-control`: a row per course and the teacher who held its lessons.
struct JournalControlJSON: ResponseEncodable {
    let from: String
    let to: String
    let rows: [Row]

    struct Row: Encodable, Sendable {
        let courseId: Int
        let teacherId: Int
        let teacherName: String
        let className: String
        let subject: String
        let held: Int
        let judged: Int
        let topicOnTime: Int
        @Nullable var topicOnTimeRate: String?
        let homeworkOnTime: Int
        @Nullable var homeworkOnTimeRate: String?
        let withoutRecord: Int
        let lateMarks: Int
        let changedAfterWindow: Int
        let unexplainedAbsences: Int
        @Nullable var belowAccumulation: Int?
        let plannedHours: Int
        let heldToDate: Int
        let lag: Int
        let overdue: [Overdue]
    }

    struct Overdue: Encodable, Sendable {
        let lessonId: Int
        let date: String
        let lessonNumber: Int
        let problems: [String]
    }

    init(_ view: JournalControlReport.View) {
        from = view.span.start.iso
        to = view.span.end.iso
        rows = view.lines.map { line in
            let row = line.row
            return Row(
                courseId: row.courseID,
                teacherId: row.teacherID,
                teacherName: line.teacher,
                className: line.course.className,
                subject: line.course.subject,
                held: row.held,
                judged: row.judged,
                topicOnTime: row.topicOnTime,
                topicOnTimeRate: row.topicOnTimeRate?.decimalString(places: 1, separator: "."),
                homeworkOnTime: row.homeworkOnTime,
                homeworkOnTimeRate: row.homeworkOnTimeRate?.decimalString(places: 1, separator: "."),
                withoutRecord: row.withoutRecord,
                lateMarks: row.lateMarks,
                changedAfterWindow: row.changedAfterWindow,
                unexplainedAbsences: row.unexplainedAbsences,
                belowAccumulation: line.belowAccumulation,
                plannedHours: line.plannedHours,
                heldToDate: line.course.heldToDate,
                lag: line.lag,
                overdue: view.drillDown
                    ? row.overdue.map {
                        Overdue(
                            lessonId: $0.lesson.id,
                            date: $0.lesson.date.iso,
                            lessonNumber: $0.lesson.number,
                            problems: $0.problems.map(\.rawValue)
                        )
                    } : []
            )
        }
    }
}
