import SQLKit
import ZhurnalCore

/// The figures on the start page: which school this is and how much of its life the journal holds.
public struct SchoolOverview: Sendable, Equatable {
    public let name: String
    public let yearTitle: String?
    public let classes: Int
    public let pupils: Int
    public let teachers: Int
    public let lessons: Int
    public let marks: Int

    /// How many schools the installation keeps; 0 means a fresh database.
    public static func schoolCount(in sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM schools").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// A school's figures as of `today`, or nil when there is no such school. One statement.
    public static func load(school: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> SchoolOverview? {
        let day = today.iso
        guard
            let row = try await sql.raw(
                """
                SELECT s.name,
                    (SELECT y.title FROM academic_years y
                     WHERE y.school_id = s.id AND y.starts_on <= \(bind: day) AND y.ends_on >= \(bind: day)) AS year_title,
                    (SELECT COUNT(*) FROM classes c JOIN academic_years y ON y.school_id = c.school_id AND y.id = c.year_id
                     WHERE c.school_id = s.id AND y.starts_on <= \(bind: day) AND y.ends_on >= \(bind: day)) AS classes,
                    (SELECT COUNT(DISTINCT e.student_id) FROM enrolments e
                     WHERE e.school_id = s.id AND e.starts_on <= \(bind: day)
                       AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))) AS pupils,
                    (SELECT COUNT(DISTINCT t.teacher_id) FROM course_teachers t WHERE t.school_id = s.id) AS teachers,
                    (SELECT COUNT(*) FROM lessons l WHERE l.school_id = s.id) AS lessons,
                    (SELECT COUNT(*) FROM marks m WHERE m.school_id = s.id) AS marks
                FROM schools s
                WHERE s.id = \(bind: school)
                """
            ).first()
        else { return nil }
        return SchoolOverview(
            name: try row.decode(column: "name", as: String.self),
            yearTitle: try row.decode(column: "year_title", as: String?.self),
            classes: try row.decode(column: "classes", as: Int.self),
            pupils: try row.decode(column: "pupils", as: Int.self),
            teachers: try row.decode(column: "teachers", as: Int.self),
            lessons: try row.decode(column: "lessons", as: Int.self),
            marks: try row.decode(column: "marks", as: Int.self)
        )
    }
}
