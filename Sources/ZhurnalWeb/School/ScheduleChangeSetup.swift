import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// A date's lessons changed by the administration, for the class's day page and the API alike: the policy's
/// `.changeSchedule` (administrator or deputy), then ``ScheduleChange``'s rules against the school's lessons at the new
/// hour, read in the same transaction that writes.
struct ScheduleChangeSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct Day: Sendable {
        let schoolClass: SchoolClass
        let date: LocalDate
        let lessons: [ScheduleChanges.Placed]
        let courses: [Timetables.ClassCourse]
        let bells: [SchoolRulebook.Bell]
        let teachers: [Substitutions.Teacher]
        /// The year's classes, to pick another.
        let classes: [SchoolClass]
    }

    func day(classID: Int, date: LocalDate?, context: AppRequestContext, path: String) async throws -> Day {
        let (school, _) = try await changer(context, path)
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            let (calendar, schoolClass) = try await TimetableSetup.schoolClass(classID, school: school, today: today, in: sql)
            let date = date ?? min(max(today, calendar.span.start), calendar.span.end)
            return Day(
                schoolClass: schoolClass,
                date: date,
                lessons: try await ScheduleChanges.day(school: school, classID: classID, date: date, in: sql),
                courses: try await Timetables.courses(school: school, of: .schoolClass(classID), in: sql),
                bells: try await SchoolRulebook.book(school: school, in: sql).bells,
                teachers: try await Substitutions.candidates(school: school, in: sql),
                classes: try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql)
            )
        }
    }

    /// The year's first class, for a page opened without one.
    func firstClass(context: AppRequestContext, path: String) async throws -> Int? {
        let (school, _) = try await changer(context, path)
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw CalendarSetup.noYear }
            return try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql).first?.id
        }
    }

    /// Moves the lesson to another date or hour (nil keeps its own), cancels it or restores it — all in one
    /// transaction; returns it as it now stands.
    func reschedule(
        lessonID: Int,
        date text: String?,
        number: Int?,
        cancelled: Bool?,
        context: AppRequestContext,
        path: String
    ) async throws -> ScheduleChanges.Placed {
        let (school, person) = try await changer(context, path)
        guard text != nil || number != nil || cancelled != nil else {
            throw AppError.badRequest("bad_request", "Укажите, что изменить: date, number или cancelled.")
        }
        let date = try text.map(Self.date)
        let now = Timestamp.string(clock())
        return try await database.write { sql in
            try await SetUpLock.hold(school: school, in: sql)
            guard let lesson = try await ScheduleChanges.lesson(school: school, id: lessonID, in: sql) else { throw AppError.notFound }
            let target = (date: date ?? lesson.date, number: number ?? lesson.number)
            let moving = target.date != lesson.date || target.number != lesson.number
            let cancelled = cancelled ?? lesson.cancelled
            guard moving || cancelled != lesson.cancelled else { return lesson }
            do {
                let calendar = try await Self.calendar(
                    on: lesson.date,
                    year: lesson.yearID,
                    parallel: lesson.parallel,
                    kind: lesson.periodKind,
                    school: school,
                    in: sql
                )
                // Restoring a lesson takes back nothing of its day; moving or cancelling one would.
                try ScheduleChange.checkMovable(from: lesson.date, hasEntries: lesson.hasEntries && (moving || cancelled), calendar: calendar)
                if moving, lesson.cancelled, cancelled {
                    throw RuleRefusal(code: "lesson_cancelled", russianMessage: "Урок отменён: сначала восстановите его, потом переносите.")
                }
                if !cancelled {
                    // A restored lesson's hour may have been given to another lesson meanwhile.
                    try ScheduleChange.checkPlace(
                        of: lesson.lesson,
                        lessonID: lesson.id,
                        date: target.date,
                        number: target.number,
                        calendar: moving
                            ? try await Self.calendar(
                                on: target.date,
                                year: lesson.yearID,
                                parallel: lesson.parallel,
                                kind: lesson.periodKind,
                                school: school,
                                in: sql
                            )
                            : calendar,
                        neighbours: try await ScheduleChanges.neighbours(school: school, date: target.date, number: target.number, in: sql)
                    )
                }
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
            guard
                try await ScheduleChanges.reschedule(
                    school: school,
                    lesson,
                    to: target.date,
                    number: target.number,
                    cancelled: cancelled,
                    by: person,
                    at: now,
                    in: sql
                ),
                let changed = try await ScheduleChanges.lesson(school: school, id: lessonID, in: sql)
            else {
                throw AppError(JournalWriteError.staleVersion(current: lesson.version + 1))
            }
            return changed
        }
    }

    /// An extra lesson of one of the class's courses, taught by `teacherID` or the course's teacher; returns its id.
    func add(
        classID: Int,
        courseID: Int?,
        date text: String,
        number: Int?,
        teacherID: Int?,
        context: AppRequestContext,
        path: String
    ) async throws -> Int {
        let (school, person) = try await changer(context, path)
        let date = try Self.date(text)
        let today = SchoolCalendar.today(clock())
        let now = Timestamp.string(clock())
        return try await database.write { sql in
            try await SetUpLock.hold(school: school, in: sql)
            let (year, schoolClass) = try await TimetableSetup.schoolClass(classID, school: school, today: today, in: sql)
            guard let course = try await Timetables.courses(school: school, of: .schoolClass(classID), in: sql).first(where: { $0.id == courseID })
            else {
                throw AppError.invalid("unknown_course", "Это не курс класса.")
            }
            guard let teacher = teacherID ?? course.teacherIDs.first else {
                throw AppError.invalid("no_teacher", "У курса нет учителя: выберите, кто проведёт урок.")
            }
            guard try await Substitutions.candidates(school: school, in: sql).contains(where: { $0.id == teacher }) else {
                throw AppError.invalid("unknown_teacher", "Урок проводит работающий учитель школы.")
            }
            guard let number else { throw AppError.invalid("no_bell", "Выберите номер урока.") }
            let lesson = ScheduleChange.Lesson(courseID: course.id, groupID: course.groupID, classID: classID, teacherID: teacher)
            do {
                try await Self.checkPlace(
                    lesson,
                    lessonID: nil,
                    date: date,
                    number: number,
                    year: year.yearID,
                    parallel: schoolClass.parallel,
                    kind: schoolClass.periodKind,
                    school: school,
                    in: sql
                )
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
            return try await ScheduleChanges.add(
                school: school,
                courseID: course.id,
                date: date,
                number: number,
                teacherID: teacher,
                by: person,
                at: now,
                in: sql
            )
        }
    }

    /// The calendar as the lesson's class sees it on `date`: the periods of its kind and the holidays of its course's
    /// year; a date outside that year is outside every period.
    private static func calendar(
        on date: LocalDate,
        year yearID: Int,
        parallel: Int?,
        kind: PeriodKind?,
        school: Int,
        in sql: any SQLDatabase
    ) async throws -> ScheduleChange.Calendar {
        let bells = Set(try await SchoolRulebook.book(school: school, in: sql).bells.map(\.number))
        guard let year = try await YearCalendars.current(school: school, today: date, in: sql), year.yearID == yearID, year.span.contains(date)
        else {
            return ScheduleChange.Calendar(openTerms: [], closedTerms: [], holidays: [], parallel: parallel, bells: bells)
        }
        let periods = year.periods.filter { kind == nil || $0.kind == kind }
        return ScheduleChange.Calendar(
            openTerms: periods.filter { !$0.closed }.map(\.span),
            closedTerms: periods.filter(\.closed).map(\.span),
            holidays: year.holidays.map { .init(span: $0.span, parallel: $0.parallel) },
            parallel: parallel,
            bells: bells
        )
    }

    /// ``ScheduleChange``'s rules for the lesson at `date`, hour `number`, against the school's lessons there.
    private static func checkPlace(
        _ lesson: ScheduleChange.Lesson,
        lessonID: Int?,
        date: LocalDate,
        number: Int,
        year: Int,
        parallel: Int?,
        kind: PeriodKind?,
        school: Int,
        in sql: any SQLDatabase
    ) async throws {
        try ScheduleChange.checkPlace(
            of: lesson,
            lessonID: lessonID,
            date: date,
            number: number,
            calendar: try await calendar(on: date, year: year, parallel: parallel, kind: kind, school: school, in: sql),
            neighbours: try await ScheduleChanges.neighbours(school: school, date: date, number: number, in: sql)
        )
    }

    private static func date(_ text: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw AppError.invalid("bad_date", "Дата — в виде ГГГГ-ММ-ДД.")
        }
        return date
    }

    private func changer(_ context: AppRequestContext, _ path: String) async throws -> (school: Int, person: Int) {
        let actor = try await access.require(.changeSchedule, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        return (actor.schoolID, actor.personID)
    }
}
