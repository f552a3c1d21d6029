import Foundation

/// The text forms of instants and dates kept in the database (see the schema's note on dates).
public enum Timestamp {
    /// `2026-09-01T05:30:00Z`: an instant, in UTC.
    public static func string(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }
}

extension Timestamp {
    /// Reads back an instant written by ``string(_:)``.
    public static func date(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
