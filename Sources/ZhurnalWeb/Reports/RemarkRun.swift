import Foundation
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The weekly remarks of the journal-keeping control (issue 7, item 2): on Monday at 00:00 school time the check of
/// the year so far makes a remark for every outstanding item and closes those put right. Run by the server's
/// ``RemarkSchedule`` and by `zhurnal remarks`; the same Monday twice makes nothing twice.
public struct RemarkRun: Sendable {
    public struct Outcome: Sendable, Hashable {
        public var made = 0
        public var closed = 0

        public init(made: Int = 0, closed: Int = 0) {
            self.made = made
            self.closed = closed
        }
    }

    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// The Monday on or before `day`.
    public static func monday(of day: LocalDate) -> LocalDate {
        day.adding(days: 1 - day.weekday)
    }

    /// Every school's check as it stood at 00:00 on `monday`: the lessons from the year's start to the Sunday before.
    public func weekly(monday: LocalDate) async throws -> Outcome {
        var outcome = Outcome()
        for school in try await database.read({ try await SchoolResults.schoolIDs(in: $0) }) {
            try await database.write { sql in
                guard let year = try await YearCalendars.current(school: school, today: monday.adding(days: -1), in: sql),
                    year.span.start < monday
                else { return }
                let span = DateSpan(year.span.start, min(monday.adding(days: -1), year.span.end))
                let facts = try await JournalKeeping.facts(school: school, year: year, span: span, today: monday, in: sql)
                let open = try await Remarks.open(school: school, in: sql)
                let plan = try await Self.plan(school: school, facts: facts, open: open, today: monday, creating: true, in: sql)
                try await Remarks.apply(school: school, add: plan.items, close: plan.close, weekOf: monday, now: clock(), in: sql)
                outcome.made += plan.items.count
                outcome.closed += plan.close.count
            }
        }
        return outcome
    }

    /// Closes, as of now, the open remarks of the school (or of one teacher) whose items were put right since the
    /// Monday: a reader sees his fix take effect at once instead of on the next Monday.
    func recheck(school: Int, teacher: Int?) async throws {
        let today = SchoolCalendar.today(clock())
        try await database.write { sql in
            let open = try await Remarks.open(school: school, teacher: teacher, in: sql)
            guard !open.isEmpty, let year = try await YearCalendars.current(school: school, today: today, in: sql) else { return }
            let facts = try await JournalKeeping.facts(
                school: school,
                year: year,
                span: DateSpan(year.span.start, max(year.span.start, min(today, year.span.end))),
                today: today,
                lessons: Array(open.keys),
                in: sql
            )
            let plan = try await Self.plan(school: school, facts: facts, open: open, today: today, creating: false, in: sql)
            try await Remarks.apply(school: school, add: [], close: plan.close, weekOf: today, now: clock(), in: sql)
        }
    }

    private static func plan(
        school: Int,
        facts: JournalKeeping.Facts,
        open: [Int: [JournalControl.Problem: Int]],
        today: LocalDate,
        creating: Bool,
        in sql: any SQLDatabase
    ) async throws -> (items: [Remarks.Item], close: [Int]) {
        let settings = try await SchoolRulebook.book(school: school, in: sql).settings
        let rules = JournalControl.Rules(today: today, homeworkMinutes: settings.homeworkDeadlineMinutes, editWindowDays: settings.editWindowDays)
        let overdue = JournalControl.rows(facts.lessons, rules: rules).flatMap(\.overdue)
        let plan = RemarkPlan.plan(open: open, overdue: overdue, creating: creating)
        let items = plan.add.map {
            Remarks.Item(teacherID: $0.lesson.teacherID, courseID: $0.lesson.courseID, lessonID: $0.lesson.id, problem: $0.problem)
        }
        return (items, plan.close)
    }
}
