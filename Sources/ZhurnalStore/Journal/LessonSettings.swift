import Foundation
import SQLKit
import ZhurnalCore

/// The lesson's settings beside its topic and homework: the work type of a control lesson and whether attendance was
/// taken. Neither is a cell of the journal, so neither has history rows; both are written in the caller's transaction.
extension LessonWrites {
    /// Makes the lesson a control lesson of `workType` (one of the school's), or an ordinary one when nil.
    public static func setControlWorkType(lesson: LessonFacts, workType: Int?, at now: Date, in sql: any SQLDatabase) async throws {
        guard workType != lesson.controlWorkTypeID else { return }
        let at = Timestamp.string(now)
        guard let workType else {
            try await sql.raw(
                """
                UPDATE lessons SET control_work_type_id = NULL, updated_at = \(bind: at)
                WHERE school_id = \(bind: lesson.schoolID) AND id = \(bind: lesson.lessonID)
                """
            ).run()
            return
        }
        // The column has no foreign key (schema v3 only added it), so the school's work type is checked here, in the
        // same statement.
        let updated = try await sql.raw(
            """
            UPDATE lessons SET control_work_type_id = \(bind: workType), updated_at = \(bind: at)
            WHERE school_id = \(bind: lesson.schoolID) AND id = \(bind: lesson.lessonID)
              AND EXISTS (SELECT 1 FROM work_types w WHERE w.school_id = \(bind: lesson.schoolID) AND w.id = \(bind: workType))
            RETURNING id
            """
        ).first()
        guard updated != nil else { throw JournalWriteError.unknownWorkType }
    }

    /// Notes that the lesson's attendance was taken — by whom and when the first time; later saves change absences,
    /// whose own history says who and when. No statement when it was noted already.
    public static func noteAttendanceTaken(lesson: LessonFacts, by author: JournalAuthor, at now: Date, in sql: any SQLDatabase) async throws {
        guard !lesson.attendanceTaken else { return }
        try await sql.raw(
            """
            UPDATE lessons SET attendance_taken_at = COALESCE(attendance_taken_at, \(bind: Timestamp.string(now))),
                attendance_taken_by = COALESCE(attendance_taken_by, \(bind: author.personID))
            WHERE school_id = \(bind: lesson.schoolID) AND id = \(bind: lesson.lessonID)
            """
        ).run()
    }
}
