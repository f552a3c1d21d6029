import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The attendance reports (issue 7, item 5): «Посещаемость» for a range by class (`/reports/attendance?from=&to=`),
/// one class by pupil (`…&classId=`), and one day of the whole school page by page (`/reports/attendance/day?date=&page=`);
/// each page downloads its table with `format=csv|xlsx` (the day's file holds all its classes) and prints on A4. The
/// same figures for programs under `/api/v1/reports/attendance`.
struct AttendanceReportController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var reports: AttendanceReports { AttendanceReports(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/reports/attendance") { request, context in
            AttendanceJSON.Range(try await reports.range(request, context: context))
        }
        router.get("/api/v1/reports/attendance/day") { request, context in
            AttendanceJSON.Day(try await reports.day(request, context: context))
        }
        router.get("/reports/attendance") { request, context in
            let report = try await reports.range(request, context: context)
            if let format = try AttendanceQuery.format(request) {
                // A header's file name stays ASCII: the class by its number, not «5А».
                let name = report.schoolClass.map { "attendance-class-\($0.id)" } ?? "attendance"
                return try SheetDownload.response(
                    AttendanceSheets.range(report),
                    format: format,
                    sheetName: "Посещаемость",
                    fileName: "\(name)-\(report.span.start.iso)-\(report.span.end.iso)"
                )
            }
            return pages.page("attendance-report", RangePage(report, context: context))
        }
        router.get("/reports/attendance/day") { request, context in
            let format = try await formatAfterSignIn(request, context)
            let report = try await reports.day(request, context: context, paginated: format == nil)
            if let format {
                return try SheetDownload.response(
                    AttendanceSheets.day(report),
                    format: format,
                    sheetName: "Посещаемость",
                    fileName: "attendance-day-\(report.date.iso)" + (report.classID.map { "-class-\($0)" } ?? "")
                )
            }
            return pages.page("attendance-day", DayPage(report, context: context))
        }
    }

    /// The format, asked only of a signed-in person: a stranger is sent to sign in whatever he typed.
    private func formatAfterSignIn(_ request: Request, _ context: AppRequestContext) async throws -> SheetFormat? {
        _ = try context.requireActor()
        return try AttendanceQuery.format(request)
    }

    struct RangePage: PageContext {
        let title: String
        let chrome: Chrome?
        let from: String
        let to: String
        let classID: String?
        let period: String
        let countedNote: String?
        let chartSVG: String
        let byPupil: Bool
        let rows: [Row]
        let total: Row
        let hasRows: Bool
        let csvHref: String
        let xlsxHref: String
        let backHref: String?
        let dayHref: String?

        struct Row: Sendable {
            let label: String
            let href: String?
            let pupils: String
            let lessons: String
            let absent: String
            let ill: String
            let excused: String
            let missed: String
            let percent: String
            let daysAbsent: String
            let daysIll: String
            let daysExcused: String
            let days: String
            let late: String
        }

        init(_ report: AttendanceReports.RangeReport, context: AppRequestContext) {
            let span = "from=\(report.span.start.iso)&to=\(report.span.end.iso)"
            let own = "\(span)" + (report.schoolClass.map { "&classId=\($0.id)" } ?? "")
            let school = context.actor?.schoolID == report.schoolID ? "" : "&schoolId=\(report.schoolID)"
            title = report.schoolClass.map { "Посещаемость класса \($0.name)" } ?? "Посещаемость по классам"
            chrome = Chrome(context)
            from = report.span.start.iso
            to = report.span.end.iso
            classID = report.schoolClass.map { String($0.id) }
            period = "с \(report.span.start.russian) по \(report.span.end.russian)"
            countedNote =
                report.countedTo < report.span.end
                ? "Уроки после \(report.countedTo.russian) ещё не прошли и не учитываются." : nil
            chartSVG = AttendanceChart.svg(report.lines, label: "Доля пропущенных уроков, \(period)", byPupil: report.schoolClass != nil)
            let byPupil = report.schoolClass != nil
            self.byPupil = byPupil
            func row(_ label: String, _ href: String?, _ pupils: Int, _ tally: AttendanceTally) -> Row {
                Row(
                    label: label,
                    href: href,
                    pupils: String(pupils),
                    lessons: String(tally.lessons),
                    absent: String(tally.missedLessons.absent),
                    ill: String(tally.missedLessons.ill),
                    excused: String(tally.missedLessons.excused),
                    missed: String(tally.missedLessons.total),
                    percent: tally.missedPercent ?? "—",
                    daysAbsent: String(tally.missedDays.absent),
                    daysIll: String(tally.missedDays.ill),
                    daysExcused: String(tally.missedDays.excused),
                    days: String(tally.missedDays.total),
                    late: String(tally.lateLessons)
                )
            }
            rows = report.lines.map { line in
                let href = !byPupil && report.opensClasses ? "/reports/attendance?\(span)&classId=\(line.id)" : nil
                return row(line.label, href, line.pupils, line.tally)
            }
            total = row("Итого", nil, report.totalPupils, report.total)
            hasRows = !report.lines.isEmpty
            csvHref = "/reports/attendance?\(own)\(school)&format=csv"
            xlsxHref = "/reports/attendance?\(own)\(school)&format=xlsx"
            backHref = byPupil && report.readsSchool ? "/reports/attendance?\(span)" : nil
            dayHref =
                report.opensClasses
                ? "/reports/attendance/day?date=\(report.countedTo.iso)" + (report.schoolClass.map { "&classId=\($0.id)" } ?? "") : nil
        }
    }

    struct DayPage: PageContext {
        let title: String
        let chrome: Chrome?
        let date: String
        let summary: String
        let pageNote: String
        let previousHref: String?
        let nextHref: String?
        let csvHref: String
        let xlsxHref: String
        let classID: String?
        let classes: [Block]

        struct Block: Sendable {
            let name: String
            let summary: String
            let entries: [Entry]
            let hasEntries: Bool
        }

        struct Entry: Sendable {
            let name: String
            let lessons: String
            let missed: String
            let wholeDay: String
        }

        init(_ report: AttendanceReports.DayReport, context: AppRequestContext) {
            title =
                "Посещаемость за \(report.date.russian)" + (report.classes.first.map { report.classID == nil ? "" : ", класс \($0.info.name)" } ?? "")
            chrome = Chrome(context)
            date = report.date.iso
            summary =
                "Учеников в \(report.classID == nil ? "школе" : "классе"): \(report.pupils). Пропустили хотя бы один урок: \(report.absentPupils), из них весь день: \(report.wholeDayPupils)."
            pageNote = "Страница \(report.page) из \(report.pageCount)"
            let base = "/reports/attendance/day?date=\(report.date.iso)" + (report.classID.map { "&classId=\($0)" } ?? "")
            previousHref = report.page > 1 ? "\(base)&page=\(report.page - 1)" : nil
            nextHref = report.page < report.pageCount ? "\(base)&page=\(report.page + 1)" : nil
            csvHref = "\(base)&format=csv"
            xlsxHref = "\(base)&format=xlsx"
            classID = report.classID.map(String.init)
            classes = report.classes.map { block in
                let absent = block.pupils.filter { $0.day.missed.total > 0 }.count
                return Block(
                    name: block.info.name,
                    summary: "учеников \(block.info.pupils), отсутствовали \(absent)",
                    entries: block.pupils.map { pupil in
                        let day = pupil.day
                        return Entry(
                            name: pupil.name,
                            lessons: AttendanceText.lessons(pupil.lessons),
                            missed: "\(day.missed.total) из \(day.lessons)",
                            wholeDay: AttendanceText.wholeDay(day)
                        )
                    },
                    hasEntries: !block.pupils.isEmpty
                )
            }
        }
    }
}
