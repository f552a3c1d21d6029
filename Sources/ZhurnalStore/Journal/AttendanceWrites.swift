import Foundation
import SQLKit
import ZhurnalCore

/// Setting and clearing a pupil's attendance code for a lesson, with its history row.
public enum AttendanceWrites {
    /// Sets `code`, or clears the cell when nil; returns the cell's version afterwards (0 when cleared).
    @discardableResult
    public static func set(
        lesson: LessonFacts,
        student: Int,
        code: AttendanceCode?,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> Int {
        let at = Timestamp.string(now)
        let before = try await sql.raw(
            """
            SELECT code, version FROM attendance
            WHERE school_id = \(bind: lesson.schoolID) AND lesson_id = \(bind: lesson.lessonID) AND student_id = \(bind: student)
            """
        ).first()
        let old = try before?.decode(column: "code", as: String.self)
        guard old != code?.rawValue else { return try before?.decode(column: "version", as: Int.self) ?? 0 }
        let version: Int
        if let code {
            version =
                try await sql.raw(
                    """
                    INSERT INTO attendance (school_id, lesson_id, student_id, code, entered_by, entered_at, updated_at)
                    VALUES (\(bind: lesson.schoolID), \(bind: lesson.lessonID), \(bind: student), \(bind: code.rawValue),
                            \(bind: author.personID), \(bind: at), \(bind: at))
                    ON CONFLICT (school_id, lesson_id, student_id) DO UPDATE SET
                        code = excluded.code, entered_by = excluded.entered_by, updated_at = excluded.updated_at,
                        version = attendance.version + 1
                    RETURNING version
                    """
                ).first()?.decode(column: "version", as: Int.self) ?? 1
        } else {
            try await sql.raw(
                """
                DELETE FROM attendance
                WHERE school_id = \(bind: lesson.schoolID) AND lesson_id = \(bind: lesson.lessonID) AND student_id = \(bind: student)
                """
            ).run()
            version = 0
        }
        try await JournalHistory.record(
            school: lesson.schoolID,
            lesson: lesson.lessonID,
            student: student,
            .attendance,
            id: "\(lesson.lessonID):\(student)",
            old == nil ? .create : (code == nil ? .delete : .update),
            by: author,
            old: old,
            new: code?.rawValue,
            reason: reason,
            at: now,
            in: sql
        )
        return version
    }

    /// The pupil's code at this lesson, or nil.
    public static func code(lesson: LessonFacts, student: Int, in sql: any SQLDatabase) async throws -> AttendanceCode? {
        let row = try await sql.raw(
            """
            SELECT code FROM attendance
            WHERE school_id = \(bind: lesson.schoolID) AND lesson_id = \(bind: lesson.lessonID) AND student_id = \(bind: student)
            """
        ).first()
        guard let code = try row?.decode(column: "code", as: String.self) else { return nil }
        return AttendanceCode(rawValue: code)
    }
}
