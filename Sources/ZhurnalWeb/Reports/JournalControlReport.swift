import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The journal-keeping control (issue 7, item 1) for the page, the API and the files: the scope the policy gives, a
/// range of at most a year inside the current year (this month so far by default), the rows judged by
/// ``JournalControl`` with the programme's pace beside each.
struct JournalControlReport: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct Line: Sendable {
        let row: JournalControl.Row
        let course: JournalKeeping.Course
        let teacher: String
        let plannedHours: Int
        /// Pupils below the accumulation minimum due by the range's last day; nil for a course it is not judged for.
        let belowAccumulation: Int?
        var lag: Int { max(plannedHours - course.heldToDate, 0) }
    }

    struct View: Sendable {
        let scope: ReportScope
        let span: DateSpan
        let lines: [Line]
        /// Whether the lessons behind the figures are listed (not for an observer).
        let drillDown: Bool
    }

    static let badRange = AppError.invalid("bad_range", "Начало периода отчёта — не позже его конца, и не больше года между ними.")

    func view(_ request: Request, context: AppRequestContext) async throws -> View {
        let scope = try await ReportScope.of(request, context: context, access: access, clock: clock)
        let today = SchoolCalendar.today(clock())
        let from = try request.dayQuery("from")
        let to = try request.dayQuery("to")
        let courseID = try request.integerQuery("courseId")
        return try await database.read { sql in
            guard let year = try await YearCalendars.current(school: scope.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            let end = to ?? min(max(today, year.span.start), year.span.end)
            let start = from ?? LocalDate(year: end.year, month: end.month, day: 1)!
            guard start <= end, start.distance(to: end) <= 366 else { throw Self.badRange }
            let span = DateSpan(start, end)
            let facts = try await JournalKeeping.facts(school: scope.schoolID, year: year, span: span, today: today, in: sql)
            let rules = facts.settings
            let judged = JournalControl.rows(
                facts.lessons,
                rules: JournalControl.Rules(today: today, homeworkMinutes: rules.homeworkDeadlineMinutes, editWindowDays: rules.editWindowDays)
            )
            let periods = year.periods.map(\.span)
            let holidays = year.holidays.filter { $0.parallel == nil }.map(\.span)
            let inYear = JournalControl.studyDays(periods: periods, holidays: holidays, through: year.span.end)
            let elapsed = JournalControl.studyDays(periods: periods, holidays: holidays, through: min(end, today))
            let lines = judged.compactMap { row -> Line? in
                guard let course = facts.courses[row.courseID] else { return nil }
                if let classID = scope.classID, course.classID != classID { return nil }
                if let courseID, row.courseID != courseID { return nil }
                return Line(
                    row: row,
                    course: course,
                    teacher: facts.teachers[row.teacherID] ?? "",
                    plannedHours: JournalControl.plannedHours(yearly: course.yearlyHours, studyDaysElapsed: elapsed, studyDaysInYear: inYear),
                    belowAccumulation: facts.markCounts[course.id].flatMap { counts in
                        let day = min(end, today)
                        guard let kind = course.periodKind, let period = year.periods.first(where: { $0.kind == kind && $0.span.contains(day) })
                        else {
                            return nil
                        }
                        let minimum = Accumulation.minimumMarks(periodKind: kind, weeklyHours: course.weeklyHours)
                        return JournalControl.belowAccumulation(markCounts: counts, minimum: minimum, period: period.span, on: day)
                    }
                )
            }
            .sorted {
                ($0.teacher, $0.course.className.count, $0.course.className, $0.course.subject) < (
                    $1.teacher, $1.course.className.count, $1.course.className, $1.course.subject
                )
            }
            return View(scope: scope, span: span, lines: lines, drillDown: scope.namesPupils)
        }
    }
}

extension Request {
    /// A day query parameter (`ГГГГ-ММ-ДД`) by name; nil when absent, refused when misspelt.
    func dayQuery(_ name: String) throws -> LocalDate? {
        guard let text = uri.queryParameters[Substring(name)], !text.isEmpty else { return nil }
        guard let date = LocalDate(iso: String(text)) else { throw AppError.invalid("bad_date", "Дата \(name) — в виде ГГГГ-ММ-ДД.") }
        return date
    }
}
