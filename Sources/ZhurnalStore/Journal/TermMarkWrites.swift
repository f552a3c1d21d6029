import Foundation
import SQLKit
import ZhurnalCore

/// Term (period) marks: entered by the teacher with the proposal beside them, versioned, with history; a closed
/// period refuses them (the caller checks, in the same transaction).
public enum TermMarkWrites {
    /// Sets the period mark of `student` in `course`, or removes it when `value` is nil. `version` is the one the
    /// writer saw (nil for a new mark). Returns the mark afterwards, or nil when removed.
    public static func set(
        school: Int,
        course: Int,
        period: Int,
        student: Int,
        value: MarkValue?,
        version: Int?,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> JournalPeriod.TermMark? {
        let at = Timestamp.string(now)
        let current = try await sql.raw(
            """
            SELECT id, value, version FROM term_marks
            WHERE school_id = \(bind: school) AND course_id = \(bind: course) AND period_id = \(bind: period)
              AND student_id = \(bind: student)
            """
        ).first()
        let old = try current?.decode(column: "value", as: String.self)
        let currentVersion = try current?.decode(column: "version", as: Int.self)
        if let currentVersion, version != currentVersion { throw JournalWriteError.staleVersion(current: currentVersion) }
        if current == nil, let version, version != 0 { throw JournalWriteError.staleVersion(current: 0) }
        let entityID = "\(course):\(period):\(student)"
        var result: JournalPeriod.TermMark?
        switch (current, value) {
        case (nil, nil):
            return nil
        case (nil, let value?):
            let row = try await sql.raw(
                """
                INSERT INTO term_marks (school_id, course_id, student_id, kind, period_id, value, author_id, entered_at, updated_at)
                VALUES (\(bind: school), \(bind: course), \(bind: student), 'period', \(bind: period), \(bind: value.canonical),
                        \(bind: author.personID), \(bind: at), \(bind: at))
                RETURNING id, version
                """
            ).first()
            result = .init(
                id: try row?.decode(column: "id", as: Int.self) ?? 0,
                studentId: student,
                value: value.canonical,
                version: try row?.decode(column: "version", as: Int.self) ?? 1
            )
        case (let row?, let value?):
            let id = try row.decode(column: "id", as: Int.self)
            guard value.canonical != old else {
                return .init(id: id, studentId: student, value: value.canonical, version: currentVersion ?? 1)
            }
            guard
                let updated = try await sql.raw(
                    """
                    UPDATE term_marks SET value = \(bind: value.canonical), author_id = \(bind: author.personID),
                        updated_at = \(bind: at), version = version + 1
                    WHERE school_id = \(bind: school) AND id = \(bind: id) AND version = \(bind: currentVersion ?? 0)
                    RETURNING version
                    """
                ).first()
            else { throw JournalWriteError.staleVersion(current: (currentVersion ?? 0) + 1) }
            result = .init(id: id, studentId: student, value: value.canonical, version: try updated.decode(column: "version", as: Int.self))
        case (let row?, nil):
            let id = try row.decode(column: "id", as: Int.self)
            try await sql.raw("DELETE FROM term_marks WHERE school_id = \(bind: school) AND id = \(bind: id)").run()
        }
        try await JournalHistory.record(
            school: school,
            lesson: nil,
            student: student,
            .termMark,
            id: entityID,
            old == nil ? .create : (value == nil ? .delete : .update),
            by: author,
            old: old,
            new: value?.canonical,
            reason: reason,
            at: now,
            in: sql
        )
        return result
    }
}
