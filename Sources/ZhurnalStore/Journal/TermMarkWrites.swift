import Foundation
import SQLKit
import ZhurnalCore

/// Term marks — period, year, exam and final — entered by the teacher with the proposal beside them, versioned, with
/// history. The caller checks the locks (``TermMarkLock``) and enrolment in the same transaction.
public enum TermMarkWrites {
    /// One pupil's mark in one slot as the writer wants it: `value` nil removes it; `version` is the one he saw (nil
    /// or 0 for a mark he saw absent).
    public struct Change: Sendable, Hashable {
        public let studentID: Int
        public let slot: TermMarkSlot
        public let value: MarkValue?
        public let version: Int?

        public init(studentID: Int, slot: TermMarkSlot, value: MarkValue?, version: Int?) {
            self.studentID = studentID
            self.slot = slot
            self.value = value
            self.version = version
        }
    }

    /// A slot after the write: its id and value, or none with version 0 after removal.
    public struct Saved: Sendable, Hashable {
        public let studentID: Int
        public let slot: TermMarkSlot
        public let id: Int?
        public let value: String?
        public let version: Int

        init(_ record: TermMarkRecord) {
            (studentID, slot, id, value, version) = (record.studentID, record.slot, record.id, record.value, record.version)
        }

        init(removed student: Int, _ slot: TermMarkSlot) {
            (studentID, self.slot, id, value, version) = (student, slot, nil, nil, 0)
        }
    }

    /// Writes `changes` of one course in a fixed number of statements, whatever their count: the current marks, then
    /// one insert of the new ones, one update of the changed, one delete of the removed, and one insert of their
    /// history lines. A version other than the one stored refuses the lot with
    /// ``JournalWriteError/staleVersion(current:)``; an unchanged value is left alone and gets no history line. Each
    /// pupil's slot appears at most once in `changes`.
    public static func save(
        school: Int,
        course: Int,
        changes: [Change],
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> [Saved] {
        guard !changes.isEmpty else { return [] }
        let at = Timestamp.string(now)
        let reason = reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        var current: [Key: TermMarkRecord] = [:]
        let students = Array(Set(changes.map(\.studentID)))
        for row in try await sql.raw(
            """
            SELECT \(TermMarkRecord.columns) FROM term_marks
            WHERE school_id = \(bind: school) AND course_id = \(bind: course) AND student_id IN (\(binds: students))
            """
        ).all() {
            let record = try TermMarkRecord(row: row)
            current[Key(record.studentID, record.slot)] = record
        }

        var history = RowBatch(
            table: "history",
            columns: [
                "school_id", "lesson_id", "student_id", "entity", "entity_id", "action", "actor_account_id", "actor_role", "at",
                "old_value", "new_value", "reason", "client_address",
            ]
        )
        func line(_ change: Change, _ action: JournalHistory.Action, _ old: String?) {
            history.append([
                school, Int?.none, change.studentID, JournalHistory.Entity.termMark.rawValue,
                change.slot.historyID(course: course, student: change.studentID),
                action.rawValue, author.accountID, author.role.rawValue, at, old, change.value?.canonical, reason, author.clientAddress,
            ])
        }

        var saved: [Key: Saved] = [:]
        func keep(_ rows: [any SQLRow]) throws {
            for row in rows {
                let record = try TermMarkRecord(row: row)
                saved[Key(record.studentID, record.slot)] = Saved(record)
            }
        }
        var inserts: [Change] = []
        var updates: [(record: TermMarkRecord, value: MarkValue)] = []
        var removals: [TermMarkRecord] = []
        for change in changes {
            let key = Key(change.studentID, change.slot)
            let old = current[key]
            guard (change.version ?? 0) == (old?.version ?? 0) else { throw JournalWriteError.staleVersion(current: old?.version ?? 0) }
            switch (old, change.value) {
            case (nil, nil):
                saved[key] = Saved(removed: change.studentID, change.slot)
            case (nil, _?):
                inserts.append(change)
                line(change, .create, nil)
            case (let old?, let value?) where old.value == value.canonical:
                saved[key] = Saved(old)
            case (let old?, let value?):
                updates.append((old, value))
                line(change, .update, old.value)
            case (let old?, nil):
                removals.append(old)
                saved[key] = Saved(removed: change.studentID, change.slot)
                line(change, .delete, old.value)
            }
        }

        if !inserts.isEmpty {
            var insert = SQLQueryString(
                "INSERT INTO term_marks (school_id, course_id, student_id, kind, period_id, value, author_id, entered_at, updated_at) VALUES "
            )
            for (index, change) in inserts.enumerated() {
                if index > 0 { insert.appendLiteral(", ") }
                insert.appendInterpolation(
                    """
                    (\(bind: school), \(bind: course), \(bind: change.studentID), \(bind: change.slot.kind.rawValue), \(bind: change.slot.periodID), \
                    \(bind: change.value?.canonical ?? ""), \(bind: author.personID), \(bind: at), \(bind: at))
                    """ as SQLQueryString
                )
            }
            // Someone else's insert of the same slot since the read is a lost race, answered as a conflict.
            insert.appendInterpolation(" ON CONFLICT DO NOTHING RETURNING \(TermMarkRecord.columns)" as SQLQueryString)
            let rows = try await sql.raw(insert).all()
            guard rows.count == inserts.count else { throw JournalWriteError.staleVersion(current: 1) }
            try keep(rows)
        }
        if !updates.isEmpty {
            var update = SQLQueryString("UPDATE term_marks SET value = CASE id")
            for (record, value) in updates { update.appendInterpolation(" WHEN \(bind: record.id) THEN \(bind: value.canonical)" as SQLQueryString) }
            update.appendInterpolation(
                " END, author_id = \(bind: author.personID), updated_at = \(bind: at), version = version + 1 WHERE school_id = \(bind: school) AND ("
                    as SQLQueryString
            )
            appendVersioned(updates.map(\.record), to: &update)
            update.appendInterpolation(") RETURNING \(TermMarkRecord.columns)" as SQLQueryString)
            let rows = try await sql.raw(update).all()
            guard rows.count == updates.count else { throw JournalWriteError.staleVersion(current: (updates.first?.record.version ?? 0) + 1) }
            try keep(rows)
        }
        if !removals.isEmpty {
            var delete = SQLQueryString("DELETE FROM term_marks WHERE school_id = \(bind: school) AND (")
            appendVersioned(removals, to: &delete)
            delete.appendLiteral(") RETURNING id")
            guard try await sql.raw(delete).all().count == removals.count else {
                throw JournalWriteError.staleVersion(current: (removals.first?.version ?? 0) + 1)
            }
        }
        try await history.flush(into: sql)
        return changes.compactMap { saved[Key($0.studentID, $0.slot)] }
    }

    /// `(id = ? AND version = ?) OR …`: each row only at the version read, so a write in between is noticed.
    private static func appendVersioned(_ records: [TermMarkRecord], to query: inout SQLQueryString) {
        for (index, record) in records.enumerated() {
            if index > 0 { query.appendLiteral(" OR ") }
            query.appendInterpolation("(id = \(bind: record.id) AND version = \(bind: record.version))" as SQLQueryString)
        }
    }

    private struct Key: Hashable {
        let student: Int
        let slot: TermMarkSlot

        init(_ student: Int, _ slot: TermMarkSlot) {
            self.student = student
            self.slot = slot
        }
    }

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
        let change = Change(studentID: student, slot: .period(period), value: value, version: version)
        let saved = try await save(school: school, course: course, changes: [change], by: author, reason: reason, at: now, in: sql)
        guard let mark = saved.first, let id = mark.id, let value = mark.value else { return nil }
        return JournalPeriod.TermMark(id: id, studentId: student, value: value, version: mark.version)
    }
}
