import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The journal-keeping control (issue 7, item 1) for the page, the API and the files: the scope the policy gives, a
/// range of at most a year (this month so far by default), the rows judged by
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

    func view(_ request: Request, context: AppRequestContext) async throws -> View {
        let scope = try await ReportScope.of(request, context: context, access: access, clock: clock)
        let today = SchoolCalendar.today(clock())
        let span = try request.reportSpan(today: today)
        let courseID = try request.integerQuery("courseId")
        return try await database.read { sql in
            guard let year = try await YearCalendars.current(school: scope.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            let facts = try await JournalKeeping.facts(school: scope.schoolID, year: year, span: span, today: today, in: sql)
            let rules = facts.settings
            let judged = JournalControl.rows(
                facts.lessons,
                rules: JournalControl.Rules(today: today, homeworkMinutes: rules.homeworkDeadlineMinutes, editWindowDays: rules.editWindowDays)
            )
            let periods = year.periods.map(\.span)
            let holidays = year.holidays.filter { $0.parallel == nil }.map(\.span)
            let inYear = JournalControl.studyDays(periods: periods, holidays: holidays, through: year.span.end)
            let elapsed = JournalControl.studyDays(periods: periods, holidays: holidays, through: min(span.end, today))
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
                        let day = min(span.end, today)
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
