import SQLKit
import ZhurnalCore

/// The year's end written: the next year with the curriculum carried over, the classes promoted with their pupils,
/// the graduates' enrolments ended and the old year archived — in the caller's transaction.
public enum YearRollovers {
    /// The year's classes with their pupils on its last day, and whether a later year exists. Two statements.
    public static func state(
        school: Int,
        calendar: YearCalendar,
        in sql: any SQLDatabase
    ) async throws -> (classes: [YearRollover.SchoolClass], nextYearExists: Bool) {
        let last = calendar.span.end.iso
        let classes = try await sql.raw(
            """
            SELECT k.id, k.parallel, k.letter,
                   (SELECT COUNT(*) FROM enrolments e WHERE e.school_id = k.school_id AND e.class_id = k.id
                      AND e.starts_on <= \(bind: last) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: last))) AS pupils
            FROM classes k WHERE k.school_id = \(bind: school) AND k.year_id = \(bind: calendar.yearID)
            """
        ).all().map {
            YearRollover.SchoolClass(
                id: try $0.decode(column: "id", as: Int.self),
                parallel: try $0.decode(column: "parallel", as: Int.self),
                letter: try $0.decode(column: "letter", as: String.self),
                pupils: try $0.decode(column: "pupils", as: Int.self)
            )
        }
        let later =
            try await sql.raw(
                "SELECT COUNT(*) AS n FROM academic_years WHERE school_id = \(bind: school) AND starts_on > \(bind: calendar.span.start.iso)"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        return (classes, later > 0)
    }

    /// Returns the new year's id.
    public static func apply(_ plan: YearRollover.Plan, school: Int, calendar: YearCalendar, now: String, in sql: any SQLDatabase) async throws -> Int
    {
        let old = calendar.yearID
        let last = calendar.span.end.iso
        let year = try await sql.raw(
            """
            INSERT INTO academic_years (school_id, title, starts_on, ends_on)
            VALUES (\(bind: school), \(bind: plan.title), \(bind: plan.span.start.iso), \(bind: plan.span.end.iso))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
        try await sql.raw(
            """
            INSERT INTO curriculum_hours (school_id, year_id, parallel, subject_id, hours_per_week)
            SELECT school_id, \(bind: year), parallel, subject_id, hours_per_week FROM curriculum_hours
            WHERE school_id = \(bind: school) AND year_id = \(bind: old)
            """
        ).run()
        // Two statements a class: a year's end is done once, and a school has a few dozen classes.
        for promotion in plan.promotions {
            // The class keeps its kind of periods and its homeroom teacher.
            let id = try await sql.raw(
                """
                INSERT INTO classes (school_id, year_id, parallel, letter, period_kind, homeroom_teacher_id)
                SELECT school_id, \(bind: year), \(bind: promotion.parallel), letter, period_kind, homeroom_teacher_id
                FROM classes WHERE school_id = \(bind: school) AND id = \(bind: promotion.from.id)
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int.self)
            try await sql.raw(
                """
                INSERT INTO enrolments (school_id, student_id, class_id, starts_on, reason)
                SELECT school_id, student_id, \(bind: id), \(bind: plan.span.start.iso), \(bind: "перевод в \(promotion.name)")
                FROM enrolments
                WHERE school_id = \(bind: school) AND class_id = \(bind: promotion.from.id)
                  AND starts_on <= \(bind: last) AND (ends_on IS NULL OR ends_on >= \(bind: last))
                """
            ).run()
        }
        let graduates = plan.graduating.map(\.id)
        try await sql.raw(
            """
            UPDATE enrolments SET ends_on = \(bind: last),
                   end_reason = CASE WHEN class_id IN (\(binds: graduates.isEmpty ? [0] : graduates)) THEN 'выпуск' ELSE 'окончание учебного года' END
            WHERE school_id = \(bind: school) AND starts_on <= \(bind: last) AND (ends_on IS NULL OR ends_on > \(bind: last))
              AND class_id IN (SELECT id FROM classes WHERE school_id = \(bind: school) AND year_id = \(bind: old))
            """
        ).run()
        try await sql.raw(
            "UPDATE academic_years SET archived_at = \(bind: now) WHERE school_id = \(bind: school) AND id = \(bind: old)"
        ).run()
        return year
    }
}
