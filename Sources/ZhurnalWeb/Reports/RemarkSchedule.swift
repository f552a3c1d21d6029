import Foundation
import Logging
import ZhurnalCore
import ZhurnalStore

/// The schedule of the journal-keeping remarks inside the server: the week's check at each Monday 00:00 school time
/// (made up at start; the same Monday twice makes nothing twice) and, each midnight, the pass that records the
/// remarks put right. It ends when its task is cancelled, with the server.
public struct RemarkSchedule: Sendable {
    let run: RemarkRun
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.run = RemarkRun(database: database, clock: clock)
        self.clock = clock
        self.logger = logger
    }

    /// The next midnight, school time, after `now`, as an instant.
    public static func nextMidnight(after now: Date, timeZone: TimeZone = SchoolCalendar.defaultTimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = SchoolCalendar.today(now, timeZone: timeZone).adding(days: 1).components
        return calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day)) ?? now.addingTimeInterval(86_400)
    }

    /// At start this week's check (a server that was down on Monday night catches up) and the closing pass; then
    /// each midnight the closing pass, and on Mondays the week's check before it.
    public func start() async {
        var day = SchoolCalendar.today(clock())
        // A restart within a week whose check is already made does not judge the whole year again.
        var checkWeek = ((try? await run.latestWeek()) ?? nil).map { $0 < SchoolWeek(containing: day).monday } ?? true
        while !Task.isCancelled {
            do {
                if checkWeek {
                    let week = SchoolWeek(containing: day).monday
                    let outcome = try await run.weekly(monday: week)
                    logger.info("weekly remarks", metadata: ["week": "\(week.iso)", "made": "\(outcome.made)", "closed": "\(outcome.closed)"])
                }
                let closed = try await run.closeFixed()
                if closed > 0 { logger.info("remarks put right", metadata: ["closed": "\(closed)"]) }
            } catch is CancellationError {
                return
            } catch {
                logger.error("remarks failed", metadata: ["day": "\(day.iso)", "error": "\(error)"])
            }
            do {
                try await Task.sleep(for: .seconds(max(Self.nextMidnight(after: clock()).timeIntervalSince(clock()), 1)))
            } catch {
                return
            }
            day = SchoolCalendar.today(clock())
            checkWeek = day.weekday == 1
        }
    }
}
