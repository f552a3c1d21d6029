import Foundation
import Logging
import ZhurnalCore
import ZhurnalStore

/// The schedule of the weekly remarks inside the server: at start it makes up this week's check (a server that was
/// down on Monday night catches up; the same Monday twice makes nothing twice), then it wakes at each Monday 00:00
/// school time. It ends when its task is cancelled, with the server.
public struct RemarkSchedule: Sendable {
    let run: RemarkRun
    let clock: @Sendable () -> Date
    let logger: Logger

    public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.run = RemarkRun(database: database, clock: clock)
        self.clock = clock
        self.logger = logger
    }

    /// The next Monday 00:00 school time after `now`, as an instant.
    public static func nextMonday(after now: Date, timeZone: TimeZone = SchoolCalendar.defaultTimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let monday = RemarkRun.monday(of: SchoolCalendar.today(now, timeZone: timeZone)).adding(days: 7)
        let parts = monday.components
        return calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day)) ?? now.addingTimeInterval(7 * 86_400)
    }

    public func start() async {
        var monday = RemarkRun.monday(of: SchoolCalendar.today(clock()))
        while !Task.isCancelled {
            do {
                let outcome = try await run.weekly(monday: monday)
                logger.info("weekly remarks", metadata: ["week": "\(monday.iso)", "made": "\(outcome.made)", "closed": "\(outcome.closed)"])
            } catch {
                logger.error("weekly remarks failed", metadata: ["week": "\(monday.iso)", "error": "\(error)"])
            }
            let wake = Self.nextMonday(after: clock())
            do {
                try await Task.sleep(for: .seconds(max(wake.timeIntervalSince(clock()), 1)))
            } catch {
                return
            }
            monday = RemarkRun.monday(of: SchoolCalendar.today(clock()))
        }
    }
}
