import Foundation
import SQLKit
import ZhurnalCore

/// Setting, changing and removing a lesson's homework — the class's or one pupil's — with its due date, each with
/// its history row in the caller's transaction. The journal's rules are the caller's (``JournalEditRules``); the
/// due date's rules (``HomeworkRules``) are checked here, where the course's academic year is at hand.
public enum HomeworkWrites {
    /// The class's homework. `text`: nil leaves the words as they are, `.some(nil)` or blank removes the homework;
    /// `dueOn`: nil leaves the date, `.some(nil)` clears it. A date without any homework is refused, and so is
    /// removing a homework that still has files. Returns the homework afterwards.
    @discardableResult
    public static func setForClass(
        lesson: LessonFacts,
        text: String??,
        dueOn: LocalDate??,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> HomeworkRecord? {
        let current = try await HomeworkQueries.find(school: lesson.schoolID, lesson: lesson.lessonID, student: nil, in: sql)
        let words: String?
        switch text {
        case .none: words = current?.text
        case .some(let text): words = text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        }
        if current == nil, words == nil {
            if case .some(.some(_)) = dueOn { throw HomeworkRefusal.textRequired }
            return nil
        }
        return try await write(
            lesson: lesson,
            student: nil,
            current: current,
            text: words,
            dueOn: dueOn ?? current?.dueOn,
            version: nil,
            by: author,
            reason: reason,
            at: now,
            in: sql
        ).record
    }

    /// A pupil's own homework, created or replaced: its words (required) and due date. With `version`, a homework
    /// changed since is a conflict. Returns it and whether it was created.
    public static func setForPupil(
        lesson: LessonFacts,
        student: Int,
        text: String,
        dueOn: LocalDate?,
        version: Int?,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> (record: HomeworkRecord, created: Bool) {
        guard !text.allSatisfy(\.isWhitespace) else { throw HomeworkRefusal.textRequired }
        let current = try await HomeworkQueries.find(school: lesson.schoolID, lesson: lesson.lessonID, student: student, in: sql)
        let written = try await write(
            lesson: lesson,
            student: student,
            current: current,
            text: text,
            dueOn: dueOn,
            version: version,
            by: author,
            reason: reason,
            at: now,
            in: sql
        )
        guard let record = written.record else { throw JournalWriteError.notFound }
        return (record, written.created)
    }

    /// Removes a pupil's own homework; `notFound` when he has none, `hasFiles` while files are attached.
    public static func removeForPupil(
        lesson: LessonFacts,
        student: Int,
        version: Int?,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws {
        guard let current = try await HomeworkQueries.find(school: lesson.schoolID, lesson: lesson.lessonID, student: student, in: sql) else {
            throw JournalWriteError.notFound
        }
        _ = try await write(
            lesson: lesson,
            student: student,
            current: current,
            text: nil,
            dueOn: nil,
            version: version,
            by: author,
            reason: reason,
            at: now,
            in: sql
        )
    }

    /// The last day a homework of this lesson may be due: the end of its course's academic year.
    public static func yearEnd(of lesson: LessonFacts, in sql: any SQLDatabase) async throws -> LocalDate? {
        let end = try await sql.raw(
            """
            SELECT y.ends_on FROM courses c
            JOIN academic_years y ON y.school_id = c.school_id AND y.id = c.year_id
            WHERE c.school_id = \(bind: lesson.schoolID) AND c.id = \(bind: lesson.courseID)
            """
        ).first()?.decode(column: "ends_on", as: String.self)
        return end.flatMap { LocalDate(iso: $0) }
    }

    /// Moves `current` to `text` and `dueOn` (nil text: removed), in one statement and its history row. A write that
    /// finds the row changed under it — or another insert first — is a conflict, never a silent overwrite.
    private static func write(
        lesson: LessonFacts,
        student: Int?,
        current: HomeworkRecord?,
        text: String?,
        dueOn: LocalDate?,
        version: Int?,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> (record: HomeworkRecord?, created: Bool) {
        let school = lesson.schoolID
        let at = Timestamp.string(now)
        if let version, let current, version != current.version { throw JournalWriteError.staleVersion(current: current.version) }
        if let current, current.text == text, current.dueOn == dueOn { return (current, false) }
        guard let text else {
            guard let current else { return (nil, false) }
            guard current.files.isEmpty else { throw HomeworkRefusal.hasFiles }
            let removed = try await sql.raw(
                "DELETE FROM homework WHERE school_id = \(bind: school) AND id = \(bind: current.id) AND version = \(bind: current.version) RETURNING id"
            ).first()
            guard removed != nil else { throw JournalWriteError.staleVersion(current: current.version + 1) }
            try await history(lesson, student, .delete, old: current.historyText, new: nil, author, reason, now, sql)
            return (nil, false)
        }
        if let dueOn, dueOn != current?.dueOn {
            let yearEnd = try await yearEnd(of: lesson, in: sql) ?? lesson.date
            if let refusal = HomeworkRules.refusal(due: dueOn, lessonDate: lesson.date, yearEnd: yearEnd) { throw refusal }
        }
        let record: HomeworkRecord
        if let current {
            guard
                let row = try await sql.raw(
                    """
                    UPDATE homework SET body = \(bind: text), due_on = \(bind: dueOn?.iso), entered_by = \(bind: author.personID),
                        updated_at = \(bind: at), version = version + 1
                    WHERE school_id = \(bind: school) AND id = \(bind: current.id) AND version = \(bind: current.version)
                    RETURNING version
                    """
                ).first()
            else { throw JournalWriteError.staleVersion(current: current.version + 1) }
            record = HomeworkRecord(
                id: current.id,
                lessonId: lesson.lessonID,
                studentId: student,
                text: text,
                dueOn: dueOn,
                version: try row.decode(column: "version", as: Int.self),
                files: current.files
            )
        } else {
            // The partial unique keys of migration 4: a homework inserted meanwhile by someone else wins, and this
            // write is told so.
            let key: SQLQueryString =
                student == nil
                ? "(school_id, lesson_id) WHERE student_id IS NULL" : "(school_id, lesson_id, student_id) WHERE student_id IS NOT NULL"
            guard
                let row = try await sql.raw(
                    """
                    INSERT INTO homework (school_id, lesson_id, student_id, body, due_on, entered_by, entered_at, updated_at)
                    VALUES (\(bind: school), \(bind: lesson.lessonID), \(bind: student), \(bind: text), \(bind: dueOn?.iso),
                            \(bind: author.personID), \(bind: at), \(bind: at))
                    ON CONFLICT \(key) DO NOTHING
                    RETURNING id, version
                    """
                ).first()
            else { throw JournalWriteError.staleVersion(current: 1) }
            record = HomeworkRecord(
                id: try row.decode(column: "id", as: Int.self),
                lessonId: lesson.lessonID,
                studentId: student,
                text: text,
                dueOn: dueOn,
                version: try row.decode(column: "version", as: Int.self),
                files: []
            )
        }
        try await history(
            lesson,
            student,
            current == nil ? .create : .update,
            old: current?.historyText,
            new: record.historyText,
            author,
            reason,
            now,
            sql
        )
        return (record, current == nil)
    }

    static func history(
        _ lesson: LessonFacts,
        _ student: Int?,
        _ action: JournalHistory.Action,
        old: String?,
        new: String?,
        _ author: JournalAuthor,
        _ reason: String?,
        _ now: Date,
        _ sql: any SQLDatabase
    ) async throws {
        try await JournalHistory.record(
            school: lesson.schoolID,
            lesson: lesson.lessonID,
            student: student,
            .homework,
            id: HomeworkRecord.historyID(lesson: lesson.lessonID, student: student),
            action,
            by: author,
            old: old,
            new: new,
            reason: reason,
            at: now,
            in: sql
        )
    }
}
