import SQLKit
import ZhurnalCore

/// The lessons a calendar change takes days from: a period shortened or removed (its classes' lessons on the days it
/// gives up) or holidays added or widened (their pupils' lessons on the days they take). Lessons someone wrote in keep
/// the change from happening; the untouched ones go with the days.
public enum CalendarLessons {
    /// Whose lessons a change concerns.
    public enum Pupils: Sendable, Hashable {
        /// Classes with this kind of periods, and groups across classes (which follow every period).
        case periodKind(PeriodKind)
        /// One parallel's classes; nil for the whole school, groups across classes included.
        case parallel(Int?)

        var condition: SQLQueryString {
            switch self {
            case .periodKind(let kind): "(k.id IS NULL OR k.period_kind = \(bind: kind.rawValue))"
            case .parallel(let parallel?): "k.parallel = \(bind: parallel)"
            case .parallel(nil): "1 = 1"
            }
        }
    }

    private static func lessons(school: Int, year: Int, pupils: Pupils, days: [DateSpan]) -> SQLQueryString {
        var within = SQLQueryString("(1 = 0")
        for span in days {
            within.appendInterpolation(" OR l.lesson_date BETWEEN \(bind: span.start.iso) AND \(bind: span.end.iso)" as SQLQueryString)
        }
        within.appendLiteral(")")
        return """
            SELECT l.id FROM lessons l
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            WHERE l.school_id = \(bind: school) AND c.year_id = \(bind: year) AND \(pupils.condition) AND \(within)
            """
    }

    /// How many of those lessons on `days` someone wrote in (or the administration changed). One statement.
    public static func keptCount(school: Int, year: Int, pupils: Pupils, days: [DateSpan], in sql: any SQLDatabase) async throws -> Int {
        guard !days.isEmpty else { return 0 }
        return try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM lessons
            WHERE lessons.school_id = \(bind: school) AND lessons.id IN (\(lessons(school: school, year: year, pupils: pupils, days: days)))
              AND NOT (\(Timetables.untouched(cancelledToo: true)))
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Removes the untouched ones; returns how many went. One statement.
    public static func removeUntouched(school: Int, year: Int, pupils: Pupils, days: [DateSpan], in sql: any SQLDatabase) async throws -> Int {
        guard !days.isEmpty else { return 0 }
        return try await sql.raw(
            """
            DELETE FROM lessons
            WHERE lessons.school_id = \(bind: school) AND lessons.id IN (\(lessons(school: school, year: year, pupils: pupils, days: days)))
              AND \(Timetables.untouched(cancelledToo: true))
            RETURNING id
            """
        ).all().count
    }

    /// Term marks given for the period. One statement.
    public static func termMarks(school: Int, period: Int, in sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            "SELECT COUNT(*) AS n FROM term_marks WHERE school_id = \(bind: school) AND period_id = \(bind: period)"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
