import Foundation
import SQLKit
import ZhurnalCore

/// The lesson's own record — its topic (the homework is ``HomeworkWrites``') — and the whole lesson's entries at
/// once, each with history rows in the caller's transaction.
public enum LessonWrites {
    /// Sets the topic; nil or blank clears it. Returns the lesson's version afterwards.
    public static func setTopic(
        lesson: LessonFacts,
        topic: String?,
        version: Int?,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> Int {
        let topic = topic.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if let version, version != lesson.version { throw JournalWriteError.staleVersion(current: lesson.version) }
        guard topic != lesson.topic else { return lesson.version }
        let at = Timestamp.string(now)
        guard
            let row = try await sql.raw(
                """
                UPDATE lessons SET topic = \(bind: topic), topic_entered_at = COALESCE(topic_entered_at, \(bind: at)),
                    updated_at = \(bind: at), version = version + 1
                WHERE school_id = \(bind: lesson.schoolID) AND id = \(bind: lesson.lessonID) AND version = \(bind: lesson.version)
                RETURNING version
                """
            ).first()
        else { throw JournalWriteError.staleVersion(current: lesson.version + 1) }
        try await JournalHistory.record(
            school: lesson.schoolID,
            lesson: lesson.lessonID,
            student: nil,
            .topic,
            id: String(lesson.lessonID),
            lesson.topic == nil ? .create : (topic == nil ? .delete : .update),
            by: author,
            old: lesson.topic,
            new: topic,
            reason: reason,
            at: now,
            in: sql
        )
        return try row.decode(column: "version", as: Int.self)
    }

    /// One pupil's line of a lesson saved as a whole.
    public struct Entry: Sendable, Hashable {
        public let studentID: Int
        /// nil leaves attendance as it is; `.some(nil)` clears it.
        public let attendance: AttendanceCode??
        public let marks: [NewMark]

        public init(studentID: Int, attendance: AttendanceCode??, marks: [NewMark]) {
            self.studentID = studentID
            self.attendance = attendance
            self.marks = marks
        }
    }

    public struct NewMark: Sendable, Hashable {
        public let value: MarkValue
        public let workType: Int
        public let comment: String?

        public init(value: MarkValue, workType: Int, comment: String?) {
            self.value = value
            self.workType = workType
            self.comment = comment
        }
    }

    /// Saves attendance and new marks of the whole class in a fixed number of statements, whatever its size: the
    /// current attendance with the work types asked for, then one insert-or-update of the changed codes, one delete of
    /// the cleared ones, one insert of the marks, and one insert of all their history lines.
    public static func saveEntries(
        lesson: LessonFacts,
        entries: [Entry],
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> (attendanceChanged: Int, marksAdded: [MarkRecord]) {
        let school = lesson.schoolID
        let at = Timestamp.string(now)
        let reason = reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let wantedTypes = Set(entries.flatMap { $0.marks.map(\.workType) })
        // One statement for both: the save's budget is counted (≤ 10 for a whole class, attendance taken included).
        var current = SQLQueryString(
            """
            SELECT 'attendance' AS kind, student_id AS id, code AS name, 0 AS weight FROM attendance
            WHERE school_id = \(bind: school) AND lesson_id = \(bind: lesson.lessonID)
            """
        )
        if !wantedTypes.isEmpty {
            current.appendInterpolation(
                """

                UNION ALL
                SELECT 'work_type', id, name, weight FROM work_types WHERE school_id = \(bind: school) AND id IN (\(binds: Array(wantedTypes)))
                """ as SQLQueryString
            )
        }
        var currentCodes: [Int: String] = [:]
        var workTypes: [Int: (name: String, weight: Int)] = [:]
        for row in try await sql.raw(current).all() {
            let id = try row.decode(column: "id", as: Int.self)
            let name = try row.decode(column: "name", as: String.self)
            if try row.decode(column: "kind", as: String.self) == "attendance" {
                currentCodes[id] = name
            } else {
                workTypes[id] = (name, try row.decode(column: "weight", as: Int.self))
            }
        }
        guard wantedTypes.isSubset(of: workTypes.keys) else { throw JournalWriteError.unknownWorkType }

        var history = RowBatch(
            table: "history",
            columns: [
                "school_id", "lesson_id", "student_id", "entity", "entity_id", "action", "actor_account_id", "actor_role", "at",
                "old_value", "new_value", "reason", "client_address",
            ]
        )
        func line(
            _ student: Int,
            _ entity: JournalHistory.Entity,
            _ id: String,
            _ action: JournalHistory.Action,
            _ old: String?,
            _ new: String?
        ) {
            history.append([
                school, lesson.lessonID, student, entity.rawValue, id, action.rawValue, author.accountID, author.role.rawValue, at, old,
                new, reason, author.clientAddress,
            ])
        }

        var upserts: [(student: Int, code: AttendanceCode)] = []
        var cleared: [Int] = []
        for entry in entries {
            guard let wanted = entry.attendance else { continue }
            let old = currentCodes[entry.studentID]
            guard old != wanted?.rawValue else { continue }
            let id = "\(lesson.lessonID):\(entry.studentID)"
            if let code = wanted {
                upserts.append((entry.studentID, code))
                line(entry.studentID, .attendance, id, old == nil ? .create : .update, old, code.rawValue)
            } else {
                cleared.append(entry.studentID)
                line(entry.studentID, .attendance, id, .delete, old, nil)
            }
        }
        if !upserts.isEmpty {
            var insert = SQLQueryString(
                "INSERT INTO attendance (school_id, lesson_id, student_id, code, entered_by, entered_at, updated_at) VALUES "
            )
            for (index, upsert) in upserts.enumerated() {
                if index > 0 { insert.appendLiteral(", ") }
                insert.appendInterpolation(
                    "(\(bind: school), \(bind: lesson.lessonID), \(bind: upsert.student), \(bind: upsert.code.rawValue), \(bind: author.personID), \(bind: at), \(bind: at))"
                        as SQLQueryString
                )
            }
            insert.appendLiteral(
                " ON CONFLICT (school_id, lesson_id, student_id) DO UPDATE SET code = excluded.code, entered_by = excluded.entered_by,"
                    + " updated_at = excluded.updated_at, version = attendance.version + 1"
            )
            try await sql.raw(insert).run()
        }
        if !cleared.isEmpty {
            try await sql.raw(
                """
                DELETE FROM attendance
                WHERE school_id = \(bind: school) AND lesson_id = \(bind: lesson.lessonID) AND student_id IN (\(binds: cleared))
                """
            ).run()
        }

        var added: [MarkRecord] = []
        let newMarks = entries.flatMap { entry in entry.marks.map { (entry.studentID, $0) } }
        if !newMarks.isEmpty {
            var insert = SQLQueryString(
                "INSERT INTO marks (school_id, lesson_id, student_id, work_type_id, value, comment, work_date, author_id, entered_at, updated_at) VALUES "
            )
            for (index, (student, mark)) in newMarks.enumerated() {
                if index > 0 { insert.appendLiteral(", ") }
                insert.appendInterpolation(
                    """
                    (\(bind: school), \(bind: lesson.lessonID), \(bind: student), \(bind: mark.workType), \(bind: mark.value.canonical), \
                    \(bind: mark.comment), \(bind: lesson.date.iso), \(bind: author.personID), \(bind: at), \(bind: at))
                    """ as SQLQueryString
                )
            }
            insert.appendLiteral(" RETURNING id, student_id, work_type_id, value, comment, version")
            for row in try await sql.raw(insert).all() {
                let type = try row.decode(column: "work_type_id", as: Int.self)
                let mark = MarkRecord(
                    id: try row.decode(column: "id", as: Int.self),
                    lessonId: lesson.lessonID,
                    studentId: try row.decode(column: "student_id", as: Int.self),
                    value: try row.decode(column: "value", as: String.self),
                    workTypeId: type,
                    workType: workTypes[type]?.name ?? "",
                    weight: workTypes[type]?.weight ?? 1,
                    comment: try row.decode(column: "comment", as: String?.self),
                    version: try row.decode(column: "version", as: Int.self)
                )
                added.append(mark)
                line(mark.studentId, .mark, String(mark.id), .create, nil, mark.historyText)
            }
        }
        try await history.flush(into: sql)
        return (upserts.count + cleared.count, added.sorted { $0.id < $1.id })
    }
}
