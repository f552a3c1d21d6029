import SQLKit
import ZhurnalCore

/// A teacher's lessons of one day, as his start page lists them: the bell's times, the course, whether he stands in
/// for its teacher, and what the journal still lacks (topic, attendance, homework). One statement.
public struct TeacherDay: Sendable, Equatable {
    public struct Lesson: Sendable, Equatable {
        public let id: Int
        public let number: Int
        public let startsAt: String?
        public let endsAt: String?
        public let subject: String
        public let group: String
        /// He teaches it today in place of the course's teacher (замена).
        public let substitution: Bool
        public let cancelled: Bool
        public let hasTopic: Bool
        /// Attendance was taken (even with nobody absent).
        public let hasAttendance: Bool
        public let hasHomework: Bool
    }

    public let lessons: [Lesson]

    public static func load(school: Int, teacher: Int, on day: LocalDate, in sql: any SQLDatabase) async throws -> TeacherDay {
        let rows = try await sql.raw(
            """
            SELECT l.id, l.lesson_number, b.starts_at, b.ends_at, s.name AS subject, g.title AS group_title, k.parallel, k.letter,
                   l.status, l.topic, l.attendance_taken_at,
                   (SELECT COUNT(*) FROM course_teachers t
                    WHERE t.school_id = l.school_id AND t.course_id = l.course_id AND t.teacher_id = l.teacher_id) AS own,
                   (SELECT COUNT(*) FROM homework h
                    WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND h.student_id IS NULL) AS homework
            FROM lessons l
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            LEFT JOIN bells b ON b.school_id = l.school_id AND b.lesson_number = l.lesson_number
            WHERE l.school_id = \(bind: school) AND l.teacher_id = \(bind: teacher) AND l.lesson_date = \(bind: day.iso)
            ORDER BY l.lesson_number, l.id
            """
        ).all()
        return TeacherDay(
            lessons: try rows.map { row in
                let parallel = try row.decode(column: "parallel", as: Int?.self)
                let className = try parallel.map { "\($0)\(try row.decode(column: "letter", as: String.self))" }
                return Lesson(
                    id: try row.decode(column: "id", as: Int.self),
                    number: try row.decode(column: "lesson_number", as: Int.self),
                    startsAt: try row.decode(column: "starts_at", as: String?.self),
                    endsAt: try row.decode(column: "ends_at", as: String?.self),
                    subject: try row.decode(column: "subject", as: String.self),
                    group: try row.decode(column: "group_title", as: String?.self) ?? className ?? "",
                    substitution: try row.decode(column: "own", as: Int.self) == 0,
                    cancelled: try row.decode(column: "status", as: String.self) == "cancelled",
                    hasTopic: !(try row.decode(column: "topic", as: String?.self) ?? "").isEmpty,
                    hasAttendance: try row.decode(column: "attendance_taken_at", as: String?.self) != nil,
                    hasHomework: try row.decode(column: "homework", as: Int.self) > 0
                )
            }
        )
    }
}
