import Foundation
import SQLKit
import ZhurnalCore

/// A mark as the API returns it.
public struct MarkRecord: Sendable, Equatable, Codable {
    public let id: Int
    public let lessonId: Int
    public let studentId: Int
    public let value: String
    public let workTypeId: Int
    public let workType: String
    public let weight: Int
    public let comment: String?
    public let version: Int

    /// What the history keeps of it: value, work type and comment.
    var historyText: String {
        "\(value) · \(workType) (×\(weight))" + (comment.map { " · \($0)" } ?? "")
    }
}

/// Why a journal write could not be made, besides the rules' refusals.
public enum JournalWriteError: Error, Sendable, Equatable {
    /// Someone saved the cell since this version was read.
    case staleVersion(current: Int)
    case unknownWorkType
    case notFound
}

/// Creating, changing and deleting marks, each with its history row in the caller's transaction. Changes are
/// versioned: an update or delete names the version it read, and a newer one in the database refuses it.
public enum MarkWrites {
    public static func add(
        lesson: LessonFacts,
        student: Int,
        value: MarkValue,
        workType: Int,
        comment: String?,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> MarkRecord {
        let at = Timestamp.string(now)
        guard
            let row = try await sql.raw(
                """
                INSERT INTO marks (school_id, lesson_id, student_id, work_type_id, value, comment, work_date, author_id,
                                   entered_at, updated_at)
                SELECT \(bind: lesson.schoolID), \(bind: lesson.lessonID), \(bind: student), w.id, \(bind: value.canonical),
                       \(bind: comment), \(bind: lesson.date.iso), \(bind: author.personID), \(bind: at), \(bind: at)
                FROM work_types w WHERE w.school_id = \(bind: lesson.schoolID) AND w.id = \(bind: workType)
                RETURNING id
                """
            ).first()
        else { throw JournalWriteError.unknownWorkType }
        let id = try row.decode(column: "id", as: Int.self)
        guard let mark = try await find(school: lesson.schoolID, mark: id, in: sql) else { throw JournalWriteError.notFound }
        try await JournalHistory.record(
            school: lesson.schoolID,
            lesson: lesson.lessonID,
            student: student,
            .mark,
            id: String(id),
            .create,
            by: author,
            old: nil,
            new: mark.historyText,
            reason: reason,
            at: now,
            in: sql
        )
        return mark
    }

    /// Changes what is given; the others stay. Throws `staleVersion` when the mark changed since `version`.
    public static func update(
        school: Int,
        mark id: Int,
        version: Int,
        value: MarkValue?,
        workType: Int?,
        comment: String??,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> MarkRecord {
        guard let before = try await find(school: school, mark: id, in: sql) else { throw JournalWriteError.notFound }
        guard before.version == version else { throw JournalWriteError.staleVersion(current: before.version) }
        if let workType, try await sql.raw("SELECT id FROM work_types WHERE school_id = \(bind: school) AND id = \(bind: workType)").first() == nil {
            throw JournalWriteError.unknownWorkType
        }
        let newComment: String? = comment ?? before.comment
        let updated = try await sql.raw(
            """
            UPDATE marks SET value = \(bind: value?.canonical ?? before.value), work_type_id = \(bind: workType ?? before.workTypeId),
                comment = \(bind: newComment), updated_at = \(bind: Timestamp.string(now)), version = version + 1
            WHERE school_id = \(bind: school) AND id = \(bind: id) AND version = \(bind: version)
            RETURNING version
            """
        ).first()
        // Another transaction changed it between the read and the update (PostgreSQL's READ COMMITTED).
        guard updated != nil, let after = try await find(school: school, mark: id, in: sql) else {
            throw JournalWriteError.staleVersion(current: version + 1)
        }
        try await JournalHistory.record(
            school: school,
            lesson: before.lessonId,
            student: before.studentId,
            .mark,
            id: String(id),
            .update,
            by: author,
            old: before.historyText,
            new: after.historyText,
            reason: reason,
            at: now,
            in: sql
        )
        return after
    }

    public static func delete(
        school: Int,
        mark id: Int,
        version: Int?,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws {
        guard let before = try await find(school: school, mark: id, in: sql) else { throw JournalWriteError.notFound }
        if let version, before.version != version { throw JournalWriteError.staleVersion(current: before.version) }
        let deleted = try await sql.raw(
            """
            DELETE FROM marks WHERE school_id = \(bind: school) AND id = \(bind: id) AND version = \(bind: before.version)
            RETURNING id
            """
        ).first()
        guard deleted != nil else { throw JournalWriteError.staleVersion(current: before.version + 1) }
        try await JournalHistory.record(
            school: school,
            lesson: before.lessonId,
            student: before.studentId,
            .mark,
            id: String(id),
            .delete,
            by: author,
            old: before.historyText,
            new: nil,
            reason: reason,
            at: now,
            in: sql
        )
    }

    /// A mark of this school with its work type, or nil.
    public static func find(school: Int, mark id: Int, in sql: any SQLDatabase) async throws -> MarkRecord? {
        guard
            let row = try await sql.raw(
                """
                SELECT m.id, m.lesson_id, m.student_id, m.value, m.work_type_id, w.name, w.weight, m.comment, m.version
                FROM marks m JOIN work_types w ON w.school_id = m.school_id AND w.id = m.work_type_id
                WHERE m.school_id = \(bind: school) AND m.id = \(bind: id)
                """
            ).first()
        else { return nil }
        return MarkRecord(
            id: try row.decode(column: "id", as: Int.self),
            lessonId: try row.decode(column: "lesson_id", as: Int.self),
            studentId: try row.decode(column: "student_id", as: Int.self),
            value: try row.decode(column: "value", as: String.self),
            workTypeId: try row.decode(column: "work_type_id", as: Int.self),
            workType: try row.decode(column: "name", as: String.self),
            weight: try row.decode(column: "weight", as: Int.self),
            comment: try row.decode(column: "comment", as: String?.self),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
