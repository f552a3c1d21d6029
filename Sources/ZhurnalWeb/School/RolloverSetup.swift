import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The year's end for the administrator's page and the API alike: `.manageStructure`, the plan of ``YearRollover``
/// against the year as it stands, and — when asked — the plan written in the same transaction.
struct RolloverSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct Outcome: Sendable {
        let closing: YearCalendar
        let plan: Result<YearRollover.Plan, RuleRefusal>
        let newYearID: Int?
    }

    func run(write: Bool, context: AppRequestContext, path: String) async throws -> Outcome {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        let now = Timestamp.string(clock())
        let body: @Sendable (any SQLDatabase) async throws -> Outcome = { sql in
            if write { try await SetUpLock.hold(school: actor.schoolID, in: sql) }
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            let state = try await YearRollovers.state(school: actor.schoolID, calendar: calendar, in: sql)
            let plan = Result { () throws(RuleRefusal) in
                try YearRollover.plan(
                    span: calendar.span,
                    periods: calendar.periods.map { .init(title: $0.title, span: $0.span, closed: $0.closed) },
                    classes: state.classes,
                    nextYearExists: state.nextYearExists,
                    today: today
                )
            }
            guard write, case .success(let planned) = plan else { return Outcome(closing: calendar, plan: plan, newYearID: nil) }
            let year = try await YearRollovers.apply(planned, school: actor.schoolID, calendar: calendar, now: now, in: sql)
            return Outcome(closing: calendar, plan: plan, newYearID: year)
        }
        return write ? try await database.write(body) : try await database.read(body)
    }
}
