import Foundation
import SQLKit
import ZhurnalCore

/// Who actually taught a lesson (DOMAIN.md §2, замена): the lesson's `teacher_id`. When he is not one of the course's
/// teachers the lesson is a substitution, and the lesson keeps who recorded it and when.
public enum Substitutions {
    public struct Teacher: Sendable, Hashable {
        public let id: Int
        public let fullName: String
    }

    /// A lesson's actual teacher and, for a substitution, who recorded it and when.
    public struct Staffing: Sendable, Hashable {
        public let teacher: Teacher
        public let isSubstitution: Bool
        public let recordedBy: String?
        /// An instant as ``Timestamp`` writes it.
        public let recordedAt: String?
    }

    /// The school's teachers who may take a lesson — an account with the teacher role that works — in the order of a
    /// Russian list. One statement.
    public static func candidates(school: Int, in sql: any SQLDatabase) async throws -> [Teacher] {
        let rows = try await sql.raw(
            """
            SELECT DISTINCT p.id, p.last_name, p.first_name, p.patronymic
            FROM people p
            JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id AND a.deactivated_at IS NULL
            JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id AND r.role = 'teacher'
            WHERE p.school_id = \(bind: school)
            """
        ).all()
        let teachers = try rows.map { row in
            let names = [
                try row.decode(column: "last_name", as: String.self), try row.decode(column: "first_name", as: String.self),
                try row.decode(column: "patronymic", as: String?.self) ?? "",
            ]
            return (
                key: RussianOrder.key(names, foldingYo: true),
                teacher: Teacher(id: try row.decode(column: "id", as: Int.self), fullName: try PersonName.full(row))
            )
        }
        return teachers.sorted { $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.teacher.id < $1.teacher.id) }.map(\.teacher)
    }

    /// The lesson's teacher and its substitution's record, or nil when the school has no such lesson. One statement.
    public static func staffing(school: Int, lesson: Int, in sql: any SQLDatabase) async throws -> Staffing? {
        guard
            let row = try await sql.raw(
                """
                SELECT l.teacher_id, p.last_name, p.first_name, p.patronymic, l.substitution_recorded_at,
                       r.last_name AS recorder_last, r.first_name AS recorder_first, r.patronymic AS recorder_patronymic,
                       (SELECT COUNT(*) FROM course_teachers t
                        WHERE t.school_id = l.school_id AND t.course_id = l.course_id AND t.teacher_id = l.teacher_id) AS own
                FROM lessons l
                JOIN people p ON p.school_id = l.school_id AND p.id = l.teacher_id
                LEFT JOIN people r ON r.school_id = l.school_id AND r.id = l.substitution_recorded_by
                WHERE l.school_id = \(bind: school) AND l.id = \(bind: lesson)
                """
            ).first()
        else { return nil }
        let recorder = try row.decode(column: "recorder_last", as: String?.self).map { last in
            PersonName.full(
                lastName: last,
                firstName: try row.decode(column: "recorder_first", as: String.self),
                patronymic: try row.decode(column: "recorder_patronymic", as: String?.self)
            )
        }
        return Staffing(
            teacher: Teacher(id: try row.decode(column: "teacher_id", as: Int.self), fullName: try PersonName.full(row)),
            isSubstitution: try row.decode(column: "own", as: Int.self) == 0,
            recordedBy: recorder,
            recordedAt: try row.decode(column: "substitution_recorded_at", as: String?.self)
        )
    }

    /// Records `teacher` as the one who taught the lesson, in the caller's transaction: a substitution with its
    /// recorder and time, or — for one of the course's teachers — no substitution at all. Nothing changes when he is
    /// the lesson's teacher already. Throws ``SubstitutionRefusal`` for a person who cannot teach it.
    public static func record(lesson: LessonFacts, teacher: Int, by author: JournalAuthor, at now: Date, in sql: any SQLDatabase) async throws {
        guard teacher != lesson.teacherID else { return }
        let rows = try await sql.raw(
            """
            SELECT p.id, a.deactivated_at, r.role,
                   (SELECT COUNT(*) FROM course_teachers t
                    WHERE t.school_id = p.school_id AND t.course_id = \(bind: lesson.courseID) AND t.teacher_id = p.id) AS own
            FROM people p
            LEFT JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id
            LEFT JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id
            WHERE p.school_id = \(bind: lesson.schoolID) AND p.id = \(bind: teacher)
            """
        ).all()
        var roles: Set<Role> = []
        var teaches = false
        for row in rows {
            guard let role = try row.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)) else { continue }
            roles.insert(role)
            if role == .teacher, try row.decode(column: "deactivated_at", as: String?.self) == nil { teaches = true }
        }
        if let refusal = Substitution.refusal(rows.isEmpty ? nil : Substitution.Candidate(active: teaches, roles: roles)) { throw refusal }
        // One of the course's own teachers taking the lesson back ends the substitution.
        let substitutes = try rows.first?.decode(column: "own", as: Int.self) == 0
        let at = Timestamp.string(now)
        try await sql.raw(
            """
            UPDATE lessons SET teacher_id = \(bind: teacher), substitution_recorded_by = \(bind: substitutes ? author.personID : nil),
                substitution_recorded_at = \(bind: substitutes ? at : nil), updated_at = \(bind: at)
            WHERE school_id = \(bind: lesson.schoolID) AND id = \(bind: lesson.lessonID)
            """
        ).run()
    }
}
