import SQLKit
import ZhurnalCore

/// The history of one pupil's cell in one lesson — every mark he got there, deleted ones included, and his
/// attendance — as the teacher, the deputy and the administrator open it from the grid (issue 4, part 6).
public struct CellHistory: Sendable, Equatable {
    /// One line: what changed, who changed it and in which role, when, from what to what, and why.
    public struct Line: Sendable, Equatable, Codable {
        /// `mark` or `attendance`.
        public let entity: String
        /// The mark a `mark` line is about, so that the lines of one mark can be told from another's.
        public let markId: Int?
        public let at: String
        public let action: String
        public let actorAccountId: Int?
        /// The person behind the account, as documents write him.
        public let actorName: String?
        public let actorRole: String?
        public let oldValue: String?
        public let newValue: String?
        public let reason: String?
    }

    public let studentID: Int
    public let pupilName: String
    /// Oldest first.
    public let lines: [Line]

    /// The cell's history, or nil when the pupil is not one of the lesson's (not on its roll that day) and has no line
    /// there either: an id that names no cell. Three statements.
    public static func load(school: Int, lesson: LessonFacts, student: Int, in sql: any SQLDatabase) async throws -> CellHistory? {
        guard
            let person = try await sql.raw(
                "SELECT last_name, first_name, patronymic FROM people WHERE school_id = \(bind: school) AND id = \(bind: student)"
            ).first()
        else { return nil }
        let lines = try await self.lines(school: school, lesson: lesson.lessonID, student: student, in: sql)
        if lines.isEmpty, try await !lesson.members(in: sql).contains(student) { return nil }
        return CellHistory(studentID: student, pupilName: try PersonName.full(person), lines: lines)
    }

    /// Lines written before the pupil was kept on them (schema step 4) are found through the mark, while it exists,
    /// and through the attendance's id, `lesson:student`.
    static func lines(school: Int, lesson: Int, student: Int, in sql: any SQLDatabase) async throws -> [Line] {
        try await sql.raw(
            """
            SELECT h.entity, h.entity_id, h.at, h.action, h.actor_account_id, h.actor_role, h.old_value, h.new_value, h.reason,
                   p.last_name, p.first_name, p.patronymic
            FROM history h
            LEFT JOIN accounts a ON a.school_id = h.school_id AND a.id = h.actor_account_id
            LEFT JOIN people p ON p.school_id = a.school_id AND p.id = a.person_id
            WHERE h.school_id = \(bind: school) AND h.lesson_id = \(bind: lesson) AND h.entity IN ('mark', 'attendance')
              AND (h.student_id = \(bind: student)
                   OR (h.student_id IS NULL AND h.entity = 'attendance' AND h.entity_id = \(bind: "\(lesson):\(student)"))
                   OR (h.student_id IS NULL AND h.entity = 'mark' AND h.entity_id IN (
                        SELECT CAST(m.id AS TEXT) FROM marks m
                        WHERE m.school_id = \(bind: school) AND m.lesson_id = \(bind: lesson) AND m.student_id = \(bind: student))))
            ORDER BY h.id
            """
        ).all().map { row in
            let entity = try row.decode(column: "entity", as: String.self)
            let lastName = try row.decode(column: "last_name", as: String?.self)
            return Line(
                entity: entity,
                markId: entity == "mark" ? Int(try row.decode(column: "entity_id", as: String.self)) : nil,
                at: try row.decode(column: "at", as: String.self),
                action: try row.decode(column: "action", as: String.self),
                actorAccountId: try row.decode(column: "actor_account_id", as: Int?.self),
                actorName: lastName == nil ? nil : try PersonName.full(row),
                actorRole: try row.decode(column: "actor_role", as: String?.self),
                oldValue: try row.decode(column: "old_value", as: String?.self),
                newValue: try row.decode(column: "new_value", as: String?.self),
                reason: try row.decode(column: "reason", as: String?.self)
            )
        }
    }
}
