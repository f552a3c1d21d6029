import Foundation
import SQLKit
import ZhurnalCore

/// A file to attach, already checked by the web layer: a safe name, a type from the allow-list, its bytes.
public struct NewHomeworkFile: Sendable {
    public let fileName: String
    public let contentType: String
    public let content: Data

    public init(fileName: String, contentType: String, content: Data) {
        self.fileName = fileName
        self.contentType = contentType
        self.content = content
    }
}

/// Attaching files to a homework and removing them, each change with the homework's history row in the caller's
/// transaction. Either change moves the homework's version, so two uploads at once cannot both pass the count.
public enum HomeworkFileWrites {
    /// Attaches `files` to `homework` (as read in this transaction), refusing them all when the homework would then
    /// have more than `limits.maxFiles`. Returns the attached files.
    public static func add(
        _ files: [NewHomeworkFile],
        to homework: HomeworkRecord,
        lesson: LessonFacts,
        limits: HomeworkFileLimits,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws -> [HomeworkFile] {
        guard !files.isEmpty else { throw HomeworkRefusal.fileRequired }
        guard homework.files.count + files.count <= limits.maxFiles else { throw HomeworkRefusal.tooManyFiles(limit: limits.maxFiles) }
        try await touch(homework, school: lesson.schoolID, at: now, in: sql)
        let at = Timestamp.string(now)
        var added: [HomeworkFile] = []
        // One statement per file: a homework has a handful, each up to megabytes — not rows to batch.
        for file in files {
            let row = try await sql.raw(
                """
                INSERT INTO homework_files (school_id, homework_id, file_name, content_type, byte_size, content, uploaded_by, uploaded_at)
                VALUES (\(bind: lesson.schoolID), \(bind: homework.id), \(bind: file.fileName), \(bind: file.contentType),
                        \(bind: file.content.count), \(bind: file.content), \(bind: author.personID), \(bind: at))
                RETURNING id
                """
            ).first()
            added.append(
                HomeworkFile(
                    id: try row.unwrap().decode(column: "id", as: Int.self),
                    homeworkId: homework.id,
                    fileName: file.fileName,
                    contentType: file.contentType,
                    byteSize: file.content.count,
                    uploadedAt: at
                )
            )
        }
        try await HomeworkWrites.history(
            lesson,
            homework.studentId,
            .update,
            old: homework.historyText,
            new: HomeworkRecord.historyText(text: homework.text, dueOn: homework.dueOn, files: (homework.files + added).map(\.fileName)),
            author,
            reason,
            now,
            sql
        )
        return added
    }

    /// Removes one file of `homework` (as read in this transaction); `notFound` when it has no such file.
    public static func remove(
        file id: Int,
        from homework: HomeworkRecord,
        lesson: LessonFacts,
        by author: JournalAuthor,
        reason: String?,
        at now: Date,
        in sql: any SQLDatabase
    ) async throws {
        guard homework.files.contains(where: { $0.id == id }) else { throw JournalWriteError.notFound }
        try await touch(homework, school: lesson.schoolID, at: now, in: sql)
        try await sql.raw(
            "DELETE FROM homework_files WHERE school_id = \(bind: lesson.schoolID) AND homework_id = \(bind: homework.id) AND id = \(bind: id)"
        ).run()
        try await HomeworkWrites.history(
            lesson,
            homework.studentId,
            .update,
            old: homework.historyText,
            new: HomeworkRecord.historyText(
                text: homework.text,
                dueOn: homework.dueOn,
                files: homework.files.filter { $0.id != id }.map(\.fileName)
            ),
            author,
            reason,
            now,
            sql
        )
    }

    /// Moves the homework's version, or finds it moved by someone else: then the change is a conflict.
    private static func touch(_ homework: HomeworkRecord, school: Int, at now: Date, in sql: any SQLDatabase) async throws {
        let moved = try await sql.raw(
            """
            UPDATE homework SET version = version + 1, updated_at = \(bind: Timestamp.string(now))
            WHERE school_id = \(bind: school) AND id = \(bind: homework.id)
              AND version = \(bind: homework.version)
            RETURNING version
            """
        ).first()
        guard moved != nil else { throw JournalWriteError.staleVersion(current: homework.version + 1) }
    }
}

extension Optional where Wrapped == any SQLRow {
    fileprivate func unwrap() throws -> any SQLRow {
        guard let self else { throw JournalWriteError.notFound }
        return self
    }
}
