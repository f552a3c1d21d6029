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

    /// A check of a week before one already made is refused: it would judge the later week's lessons by an
    /// earlier day's rules.
    public struct EarlierWeek: Error, CustomStringConvertible {
        public let latest: LocalDate
        public var description: String { "Проверка недели \(latest.russian) уже сделана: более раннюю неделю проверить нельзя." }
    }

    /// Every school's check as it stood at 00:00 on `monday`: the lessons from the year's start to the Sunday before.
    /// The year's facts are read first; only the remarks themselves are written, in a short transaction.
    public func weekly(monday: LocalDate) async throws -> Outcome {
        if let latest = try await database.read({ try await Remarks.latestWeek(in: $0) }), latest > monday { throw EarlierWeek(latest: latest) }
        var outcome = Outcome()
        for school in try await database.read({ try await NotificationPreferences.schools(in: $0) }).map(\.id) {
            try Task.checkCancellation()
            let found = try await database.read { sql -> (JournalKeeping.Facts, JournalControl.Rules, DateSpan)? in
                guard let year = try await YearCalendars.current(school: school, today: monday.adding(days: -1), in: sql),
                    year.span.start < monday
                else { return nil }
                let span = DateSpan(year.span.start, min(monday.adding(days: -1), year.span.end))
                let facts = try await JournalKeeping.facts(school: school, year: year, span: span, today: monday, in: sql)
                return (facts, Self.rules(facts.settings, today: monday), span)
            }
            guard let (facts, rules, span) = found else { continue }
            try await database.write { sql in
                let open = try await Remarks.open(school: school, in: sql)
                let plan = RemarkPlan.plan(open: open, overdue: Self.overdue(facts, rules), checked: span, creating: true)
                let items = plan.add.map { lesson, problem in
                    // An unexplained «н» is for the homeroom teacher to explain; the rest for the teacher who held the lesson.
                    let homeroom = problem == .unexplainedAbsences ? facts.courses[lesson.courseID]?.homeroomID : nil
                    return Remarks.Item(teacherID: homeroom ?? lesson.teacherID, courseID: lesson.courseID, lessonID: lesson.id, problem: problem)
                }
                try await Remarks.apply(school: school, add: items, close: plan.close, weekOf: monday, now: clock(), in: sql)
                outcome.made += items.count
                outcome.closed += plan.close.count
            }
        }
        return outcome
    }

    /// The Monday of the latest check that made a remark; nil before the first.
    public func latestWeek() async throws -> LocalDate? {
        try await database.read { try await Remarks.latestWeek(in: $0) }
    }

    /// The nightly pass between two Mondays: closes, in every school, the open remarks put right by now.
    public func closeFixed() async throws -> Int {
        var closed = 0
        for school in try await database.read({ try await NotificationPreferences.schools(in: $0) }).map(\.id) {
            try Task.checkCancellation()
            let fixed = try await fixedNow(school: school, teacher: nil)
            guard !fixed.isEmpty else { continue }
            try await database.write { sql in
                try await Remarks.apply(school: school, add: [], close: fixed.sorted(), weekOf: SchoolCalendar.today(clock()), now: clock(), in: sql)
            }
            closed += fixed.count
        }
        return closed
    }

    /// The open remarks of the school (or of one teacher) whose items are put right by now, without writing: a
    /// reader sees his fix at once, and the nightly pass records it.
    func fixedNow(school: Int, teacher: Int?) async throws -> Set<Int> {
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            let open = try await Remarks.open(school: school, teacher: teacher, in: sql)
            guard !open.isEmpty, let year = try await YearCalendars.current(school: school, today: today, in: sql) else { return [] }
            let span = DateSpan(year.span.start, max(year.span.start, min(today, year.span.end)))
            let facts = try await JournalKeeping.facts(
                school: school,
                year: year,
                span: span,
                today: today,
                lessons: .withOpenRemarks(teacher: teacher),
                in: sql
            )
            let rules = Self.rules(facts.settings, today: today)
            return Set(RemarkPlan.plan(open: open, overdue: Self.overdue(facts, rules), checked: span, creating: false).close)
        }
    }

    private static func rules(_ settings: SchoolSettings, today: LocalDate) -> JournalControl.Rules {
        JournalControl.Rules(today: today, homeworkMinutes: settings.homeworkDeadlineMinutes, editWindowDays: settings.editWindowDays)
    }

    private static func overdue(_ facts: JournalKeeping.Facts, _ rules: JournalControl.Rules) -> [JournalControl.Overdue] {
        JournalControl.rows(facts.lessons, rules: rules).flatMap(\.overdue)
    }
}
