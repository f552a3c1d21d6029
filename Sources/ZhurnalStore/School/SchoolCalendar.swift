import Foundation
import ZhurnalCore

/// Dates as the school sees them. The zone is Moscow until schools choose their own (the schema already keeps
/// `schools.time_zone` for that).
public enum SchoolCalendar {
    public static let defaultTimeZone = TimeZone(identifier: "Europe/Moscow")!

    /// The school's calendar date at the instant `now`.
    public static func today(_ now: Date, timeZone: TimeZone = defaultTimeZone) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
