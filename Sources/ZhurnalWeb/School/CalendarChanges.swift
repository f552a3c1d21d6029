import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// Periods and holidays changed or removed after lessons were laid onto them: the days a change takes from the
/// lessons lose their untouched lessons (or the change is refused when someone wrote in one), and the days it gives
/// back get the timetable's lessons — all in one transaction.
extension CalendarSetup {
    struct Changed: Sendable {
        let lessonsRemoved: Int
        let lessonsCreated: Int
    }

    func changePeriod(id: Int, startsOn: String, endsOn: String, context: AppRequestContext, path: String) async throws -> Changed {
        try await changing(context: context, path: path) { calendar, school, sql in
            let period = try Self.period(id, in: calendar)
            let span = try YearCalendarRules.span(from: startsOn, to: endsOn, in: calendar.span)
            try YearCalendarRules.check(
                newPeriod: period.kind,
                number: period.number,
                span: span,
                among: calendar.periods.filter { $0.id != id }.map { YearCalendarRules.Period(kind: $0.kind, number: $0.number, span: $0.span) }
            )
            return Plan(pupils: .periodKind(period.kind), taken: period.span.subtracting(span), regenerate: span.subtracting(period.span)) {
                try await YearCalendars.setPeriodSpan(school: school, period: id, span: span, in: sql)
            }
        }
    }

    func deletePeriod(id: Int, context: AppRequestContext, path: String) async throws -> Changed {
        try await changing(context: context, path: path) { calendar, school, sql in
            let period = try Self.period(id, in: calendar)
            guard try await CalendarLessons.termMarks(school: school, period: id, in: sql) == 0 else {
                throw RuleRefusal(code: "period_has_marks", russianMessage: "За «\(period.title)» уже выставлены отметки за период: его не удаляют.")
            }
            return Plan(pupils: .periodKind(period.kind), taken: [period.span], regenerate: []) {
                try await YearCalendars.deletePeriod(school: school, period: id, in: sql)
            }
        }
    }

    func changeHoliday(id: Int, title: String?, startsOn: String, endsOn: String, context: AppRequestContext, path: String) async throws -> Changed {
        try await changing(context: context, path: path) { calendar, school, sql in
            let holiday = try Self.holiday(id, in: calendar)
            let title = try title.map(Self.holidayTitle) ?? holiday.title
            let span = try YearCalendarRules.span(from: startsOn, to: endsOn, in: calendar.span)
            try YearCalendarRules.check(
                newHoliday: span,
                parallel: holiday.parallel,
                among: calendar.holidays.filter { $0.id != id }.map { YearCalendarRules.Holiday(span: $0.span, parallel: $0.parallel) }
            )
            return Plan(pupils: .parallel(holiday.parallel), taken: span.subtracting(holiday.span), regenerate: holiday.span.subtracting(span)) {
                try await YearCalendars.setHoliday(school: school, holiday: id, title: title, span: span, in: sql)
            }
        }
    }

    func deleteHoliday(id: Int, context: AppRequestContext, path: String) async throws -> Changed {
        try await changing(context: context, path: path) { calendar, school, sql in
            let holiday = try Self.holiday(id, in: calendar)
            return Plan(pupils: .parallel(holiday.parallel), taken: [], regenerate: [holiday.span]) {
                try await YearCalendars.deleteHoliday(school: school, holiday: id, in: sql)
            }
        }
    }

    /// What a change does to the lessons, and the change itself.
    private struct Plan {
        let pupils: CalendarLessons.Pupils
        /// Days that stop being lesson days for those pupils.
        let taken: [DateSpan]
        /// Days that may become lesson days.
        let regenerate: [DateSpan]
        let write: () async throws -> Void
    }

    private func changing(
        context: AppRequestContext,
        path: String,
        _ plan: @escaping @Sendable (YearCalendar, Int, any SQLDatabase) async throws -> Plan
    ) async throws -> Changed {
        let school = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
            .schoolID
        let today = SchoolCalendar.today(clock())
        let now = Timestamp.string(clock())
        return try await database.write { sql in
            try await SetUpLock.hold(school: school, in: sql)
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw Self.noYear }
            do {
                let change = try await plan(calendar, school, sql)
                let removed = try await Self.clear(school: school, year: calendar.yearID, pupils: change.pupils, days: change.taken, in: sql)
                try await change.write()
                var created = 0
                if !change.regenerate.isEmpty, let fresh = try await YearCalendars.current(school: school, today: today, in: sql) {
                    for days in change.regenerate {
                        created += try await TimetableLessons.generate(school: school, calendar: fresh, span: days, now: now, in: sql).new.count
                    }
                }
                return Changed(lessonsRemoved: removed, lessonsCreated: created)
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
        }
    }

    /// Takes the untouched lessons of those pupils off `days`, refused while one of them is not untouched; returns how
    /// many went.
    @discardableResult
    static func clear(school: Int, year: Int, pupils: CalendarLessons.Pupils, days: [DateSpan], in sql: any SQLDatabase) async throws -> Int {
        let kept = try await CalendarLessons.keptCount(school: school, year: year, pupils: pupils, days: days, in: sql)
        guard kept == 0 else {
            throw RuleRefusal(
                code: "lessons_kept",
                russianMessage: "На днях, которые перестают быть учебными, есть уроки с записями, изменённые вручную "
                    + "или в закрытом периоде (\(kept)): сначала перенесите или отмените их."
            )
        }
        return try await CalendarLessons.removeUntouched(school: school, year: year, pupils: pupils, days: days, in: sql)
    }

    private static func period(_ id: Int, in calendar: YearCalendar) throws -> YearCalendar.Period {
        guard let period = calendar.periods.first(where: { $0.id == id }) else { throw AppError.notFound }
        guard !period.closed else {
            throw RuleRefusal(code: "period_closed", russianMessage: "«\(period.title)» закрыт: его даты не меняют.")
        }
        return period
    }

    private static func holiday(_ id: Int, in calendar: YearCalendar) throws -> YearCalendar.Holiday {
        guard let holiday = calendar.holidays.first(where: { $0.id == id }) else { throw AppError.notFound }
        return holiday
    }
}
