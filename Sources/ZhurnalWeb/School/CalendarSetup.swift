import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The year's periods and holidays for the administrator's page and the API alike: the policy's `.manageStructure`,
/// then ``YearCalendarRules`` against the year as it stands in the same transaction, then the row.
struct CalendarSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    static let noYear = AppError.invalid("no_year", "У школы ещё нет учебного года: его создаёт администратор установки.")

    static func holidayTitle(_ text: String) throws -> String {
        let title = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 100 else {
            throw AppError.invalid("bad_title", "Название каникул — от 1 до 100 знаков, например «Осенние каникулы».")
        }
        return title
    }

    func calendar(context: AppRequestContext, path: String) async throws -> YearCalendar {
        let actor = try await access.require(.read, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        guard let calendar = try await database.read({ try await YearCalendars.current(school: actor.schoolID, today: today, in: $0) }) else {
            throw Self.noYear
        }
        return calendar
    }

    func addPeriod(kind: String, number: Int?, startsOn: String, endsOn: String, context: AppRequestContext, path: String) async throws -> Int {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        guard let kind = PeriodKind(rawValue: kind) else {
            throw AppError.invalid("bad_kind", "Вид периода: quarter (четверть), half_year (полугодие), trimester (триместр) или custom.")
        }
        guard let number else { throw AppError.invalid("bad_number", "Номер периода — от 1 до 12.") }
        return try await adding(startsOn: startsOn, endsOn: endsOn, school: actor.schoolID) { calendar, span, sql in
            try YearCalendarRules.check(
                newPeriod: kind,
                number: number,
                span: span,
                among: calendar.periods.map { YearCalendarRules.Period(kind: $0.kind, number: $0.number, span: $0.span) }
            )
            return try await YearCalendars.addPeriod(school: actor.schoolID, calendar: calendar, kind: kind, number: number, span: span, in: sql)
        }
    }

    func addHoliday(title: String, startsOn: String, endsOn: String, parallel: Int?, context: AppRequestContext, path: String) async throws -> Int {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let title = try Self.holidayTitle(title)
        return try await adding(startsOn: startsOn, endsOn: endsOn, school: actor.schoolID) { calendar, span, sql in
            try YearCalendarRules.check(
                newHoliday: span,
                parallel: parallel,
                among: calendar.holidays.map { YearCalendarRules.Holiday(span: $0.span, parallel: $0.parallel) }
            )
            // Lessons already laid on the new holidays go with their days.
            try await Self.clear(school: actor.schoolID, year: calendar.yearID, pupils: .parallel(parallel), days: [span], in: sql)
            return try await YearCalendars.addHoliday(
                school: actor.schoolID,
                calendar: calendar,
                title: title,
                span: span,
                parallel: parallel,
                in: sql
            )
        }
    }

    /// In one transaction: the year as it stands, the dates checked against it, then `body`'s rule and row; a rule's
    /// refusal becomes the API's and the page's 422.
    private func adding(
        startsOn: String,
        endsOn: String,
        school: Int,
        _ body: @escaping @Sendable (YearCalendar, DateSpan, any SQLDatabase) async throws -> Int
    ) async throws -> Int {
        let today = SchoolCalendar.today(clock())
        return try await database.write { sql in
            // Timetables and schedule changes read the calendar to lay lessons: they wait for this change.
            try await SetUpLock.hold(school: school, in: sql)
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw Self.noYear }
            do {
                return try await body(calendar, try YearCalendarRules.span(from: startsOn, to: endsOn, in: calendar.span), sql)
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
        }
    }
}
