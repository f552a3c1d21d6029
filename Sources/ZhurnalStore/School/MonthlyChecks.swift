import SQLKit
import ZhurnalCore

/// The homeroom teachers' monthly checks of their classes' lists.
public enum MonthlyChecks {
    public struct Check: Sendable, Hashable {
        public let id: Int
        public let classID: Int
        /// nil: «no changes».
        public let changes: String?
        public let submittedAt: String
        public let resolution: String?
    }

    public struct ClassLine: Sendable, Hashable {
        public let classID: Int
        public let className: String
        public let homeroomID: Int?
        public let homeroomName: String?
        public let check: Check?
    }

    /// Every class of the year with its homeroom teacher and this month's answer, if any. One statement.
    public static func month(_ month: String, school: Int, year: Int, in sql: any SQLDatabase) async throws -> [ClassLine] {
        try await sql.raw(
            """
            SELECT k.id AS class_id, k.parallel, k.letter, k.homeroom_teacher_id, p.last_name, p.first_name, p.patronymic,
                   m.id AS check_id, m.changes, m.submitted_at, m.resolution
            FROM classes k
            LEFT JOIN people p ON p.school_id = k.school_id AND p.id = k.homeroom_teacher_id
            LEFT JOIN monthly_checks m ON m.school_id = k.school_id AND m.class_id = k.id AND m.month = \(bind: month)
            WHERE k.school_id = \(bind: school) AND k.year_id = \(bind: year)
            ORDER BY k.parallel, k.letter
            """
        ).all().map { row in
            let homeroom = try row.decode(column: "homeroom_teacher_id", as: Int?.self)
            let checkID = try row.decode(column: "check_id", as: Int?.self)
            let classID = try row.decode(column: "class_id", as: Int.self)
            return ClassLine(
                classID: classID,
                className: "\(try row.decode(column: "parallel", as: Int.self))\(try row.decode(column: "letter", as: String.self))",
                homeroomID: homeroom,
                homeroomName: homeroom == nil ? nil : try PersonName.full(row),
                check: try checkID.map {
                    Check(
                        id: $0,
                        classID: classID,
                        changes: try row.decode(column: "changes", as: String?.self),
                        submittedAt: try row.decode(column: "submitted_at", as: String.self),
                        resolution: try row.decode(column: "resolution", as: String?.self)
                    )
                }
            )
        }
    }

    /// The class's answer for the month; a second answer replaces the first while it is not resolved.
    public static func submit(
        school: Int,
        classID: Int,
        month: String,
        changes: String?,
        by person: Int,
        at now: String,
        in sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            INSERT INTO monthly_checks (school_id, class_id, month, changes, submitted_by, submitted_at)
            VALUES (\(bind: school), \(bind: classID), \(bind: month), \(bind: changes), \(bind: person), \(bind: now))
            ON CONFLICT (school_id, class_id, month) DO UPDATE
            SET changes = excluded.changes, submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at
            WHERE monthly_checks.resolution IS NULL
            """
        ).run()
    }

    /// Marks requested changes applied or declined; false when there is no such open request.
    public static func resolve(school: Int, checkID: Int, applied: Bool, by person: Int, at now: String, in sql: any SQLDatabase) async throws -> Bool
    {
        try await sql.raw(
            """
            UPDATE monthly_checks SET resolution = \(bind: applied ? "applied" : "declined"), resolved_by = \(bind: person), resolved_at = \(bind: now)
            WHERE school_id = \(bind: school) AND id = \(bind: checkID) AND changes IS NOT NULL AND resolution IS NULL
            RETURNING id
            """
        ).first() != nil
    }
}
