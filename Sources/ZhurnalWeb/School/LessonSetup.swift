import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The year's lessons generated from the timetable, for the calendar page and the API alike: `.manageStructure`, a
/// period that is still open (or the whole year: from its first period's start to its last one's end), then
/// ``TimetableLessons`` in one transaction.
struct LessonSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func generate(periodID: Int?, context: AppRequestContext, path: String) async throws -> (span: DateSpan, outcome: LessonGeneration.Outcome) {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        let now = Timestamp.string(clock())
        return try await database.write { sql in
            try await SetUpLock.hold(school: actor.schoolID, in: sql)
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            let span: DateSpan
            if let periodID {
                guard let period = calendar.periods.first(where: { $0.id == periodID }) else {
                    throw AppError.invalid("unknown_period", "Такого периода в этом учебном году нет.")
                }
                guard !period.closed else {
                    throw AppError.invalid("period_closed", "\(period.title) закрыт: уроки в него не добавляются.")
                }
                span = period.span
            } else {
                guard let first = calendar.periods.map(\.span.start).min(), let last = calendar.periods.map(\.span.end).max() else {
                    throw AppError.invalid("no_periods", "В году нет учебных периодов: сначала задайте четверти, триместры или полугодия.")
                }
                span = DateSpan(first, last)
            }
            return (span, try await TimetableLessons.generate(school: actor.schoolID, calendar: calendar, span: span, now: now, in: sql))
        }
    }
}
