import SQLKit
import ZhurnalCore

/// An academic year as its administrator sets it up: its dates, assessment periods and holidays.
public struct YearCalendar: Sendable, Hashable {
    public let yearID: Int
    public let title: String
    public let span: DateSpan
    /// By kind, then number.
    public let periods: [Period]
    /// By start.
    public let holidays: [Holiday]

    public struct Period: Sendable, Hashable {
        public let id: Int
        public let kind: PeriodKind
        public let number: Int
        public let title: String
        public let span: DateSpan
        public let closed: Bool
    }

    public struct Holiday: Sendable, Hashable {
        public let id: Int
        public let title: String
        public let span: DateSpan
        public let parallel: Int?
    }
}

public enum YearCalendars {
    /// The year being set up: the one containing `today` unless it is closed, else the next one not closed (made by
    /// the rollover before its first day), else the latest one before `today`; nil for a school with no year. One
    /// statement.
    public static func current(school: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> YearCalendar? {
        var select = MixedSelect(
            ["id": .integer, "number": .integer, "title": .text, "kind": .text, "starts_on": .text, "ends_on": .text, "flag": .integer],
            with: """
                WITH ranked AS (
                  SELECT id, starts_on,
                         CASE WHEN archived_at IS NULL AND starts_on <= \(bind: today.iso) AND ends_on >= \(bind: today.iso) THEN 0
                              WHEN archived_at IS NULL AND starts_on > \(bind: today.iso) THEN 1
                              WHEN starts_on <= \(bind: today.iso) THEN 2 ELSE 3 END AS rank
                  FROM academic_years WHERE school_id = \(bind: school)
                ), chosen AS (
                  SELECT id FROM ranked WHERE rank < 3
                  ORDER BY rank, CASE WHEN rank = 1 THEN starts_on END, starts_on DESC LIMIT 1
                )
                """
        )
        select.add(
            "year",
            ["id": "y.id", "title": "y.title", "starts_on": "y.starts_on", "ends_on": "y.ends_on"],
            "FROM academic_years y WHERE y.school_id = \(bind: school) AND y.id IN (SELECT id FROM chosen)"
        )
        select.add(
            "period",
            [
                "id": "p.id", "number": "p.number", "title": "p.title", "kind": "p.kind", "starts_on": "p.starts_on", "ends_on": "p.ends_on",
                "flag": "CASE WHEN p.closed_at IS NULL THEN 0 ELSE 1 END",
            ],
            "FROM periods p WHERE p.school_id = \(bind: school) AND p.year_id IN (SELECT id FROM chosen)"
        )
        select.add(
            "holiday",
            ["id": "h.id", "title": "h.title", "starts_on": "h.starts_on", "ends_on": "h.ends_on", "number": "h.only_parallel"],
            "FROM holidays h WHERE h.school_id = \(bind: school) AND h.year_id IN (SELECT id FROM chosen)"
        )
        let rows = try await select.rows(in: sql)
        guard let year = rows["year"]?.first else { return nil }
        func span(_ row: any SQLRow) throws -> DateSpan {
            let start = LocalDate(iso: try row.decode(column: "starts_on", as: String.self))
            let end = LocalDate(iso: try row.decode(column: "ends_on", as: String.self))
            guard let start, let end, start <= end else { throw StoreError.rejected("В календаре года испорчены даты.") }
            return DateSpan(start, end)
        }
        let periods = try (rows["period"] ?? []).map { row in
            YearCalendar.Period(
                id: try row.decode(column: "id", as: Int.self),
                kind: PeriodKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .custom,
                number: try row.decode(column: "number", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                span: try span(row),
                closed: try row.decode(column: "flag", as: Int.self) == 1
            )
        }
        let holidays = try (rows["holiday"] ?? []).map { row in
            YearCalendar.Holiday(
                id: try row.decode(column: "id", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                span: try span(row),
                parallel: try row.decode(column: "number", as: Int?.self)
            )
        }
        return YearCalendar(
            yearID: try year.decode(column: "id", as: Int.self),
            title: try year.decode(column: "title", as: String.self),
            span: try span(year),
            periods: periods.sorted {
                (PeriodKind.allCases.firstIndex(of: $0.kind)!, $0.number) < (PeriodKind.allCases.firstIndex(of: $1.kind)!, $1.number)
            },
            holidays: holidays.sorted { ($0.span.start, $0.id) < ($1.span.start, $1.id) }
        )
    }

    /// Adds a period to the year after ``YearCalendarRules`` allowed it against the year as it is in this transaction.
    public static func addPeriod(
        school: Int,
        calendar: YearCalendar,
        kind: PeriodKind,
        number: Int,
        span: DateSpan,
        in sql: any SQLDatabase
    ) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO periods (school_id, year_id, kind, number, title, starts_on, ends_on)
            VALUES (\(bind: school), \(bind: calendar.yearID), \(bind: kind.rawValue), \(bind: number),
                    \(bind: YearCalendarRules.title(kind: kind, number: number)), \(bind: span.start.iso), \(bind: span.end.iso))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }

    public static func addHoliday(
        school: Int,
        calendar: YearCalendar,
        title: String,
        span: DateSpan,
        parallel: Int?,
        in sql: any SQLDatabase
    ) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO holidays (school_id, year_id, title, starts_on, ends_on, only_parallel)
            VALUES (\(bind: school), \(bind: calendar.yearID), \(bind: title), \(bind: span.start.iso), \(bind: span.end.iso), \(bind: parallel))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }

    public static func setPeriodSpan(school: Int, period: Int, span: DateSpan, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE periods SET starts_on = \(bind: span.start.iso), ends_on = \(bind: span.end.iso)
            WHERE school_id = \(bind: school) AND id = \(bind: period)
            """
        ).run()
    }

    public static func deletePeriod(school: Int, period: Int, in sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM periods WHERE school_id = \(bind: school) AND id = \(bind: period)").run()
    }

    public static func setHoliday(school: Int, holiday: Int, title: String, span: DateSpan, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE holidays SET title = \(bind: title), starts_on = \(bind: span.start.iso), ends_on = \(bind: span.end.iso)
            WHERE school_id = \(bind: school) AND id = \(bind: holiday)
            """
        ).run()
    }

    public static func deleteHoliday(school: Int, holiday: Int, in sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM holidays WHERE school_id = \(bind: school) AND id = \(bind: holiday)").run()
    }
}
