import Foundation
import SQLKit
import ZhurnalCore

/// A lesson's homework: for the whole class (`studentId` nil) or for one pupil, with its due date and files.
public struct HomeworkRecord: Sendable, Hashable {
    public let id: Int
    public let lessonId: Int
    public let studentId: Int?
    public let text: String
    /// nil: due by the course's next lesson.
    public let dueOn: LocalDate?
    public let version: Int
    public let files: [HomeworkFile]

    /// How the history keeps it: the words, the due date and the files' names, so that any change shows in full.
    public var historyText: String {
        HomeworkRecord.historyText(text: text, dueOn: dueOn, files: files.map(\.fileName))
    }

    static func historyText(text: String, dueOn: LocalDate?, files: [String]) -> String {
        var parts = [text]
        if let dueOn { parts.append("сдать к \(dueOn.russian)") }
        if !files.isEmpty { parts.append("файлы: " + files.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    /// The history's id of a homework: the lesson's for the class's (as the journal has always kept it), lesson and
    /// pupil for a pupil's own, like his attendance cell.
    public static func historyID(lesson: Int, student: Int?) -> String {
        student.map { "\(lesson):\($0)" } ?? String(lesson)
    }
}

/// A file attached to homework, without its content.
public struct HomeworkFile: Sendable, Hashable {
    public let id: Int
    public let homeworkId: Int
    /// Made safe when stored (``HomeworkFileRules/safeName(_:)``).
    public let fileName: String
    /// From the allow-list by the extension, never the uploader's claim.
    public let contentType: String
    public let byteSize: Int
    public let uploadedAt: String
}

/// The reads of homework: a lesson's, one by its id, and a file's content. Each a fixed number of statements.
public enum HomeworkQueries {
    /// The lesson's homework, the class's first, then the pupils' by id; two statements.
    public static func ofLesson(school: Int, lesson: Int, in sql: any SQLDatabase) async throws -> [HomeworkRecord] {
        let rows = try await sql.raw(
            """
            SELECT id, lesson_id, student_id, body, due_on, version FROM homework
            WHERE school_id = \(bind: school) AND lesson_id = \(bind: lesson)
            ORDER BY CASE WHEN student_id IS NULL THEN 0 ELSE 1 END, id
            """
        ).all()
        return try await records(rows, school: school, in: sql)
    }

    /// The class's homework of a lesson (`student` nil) or a pupil's.
    public static func find(school: Int, lesson: Int, student: Int?, in sql: any SQLDatabase) async throws -> HomeworkRecord? {
        let pupil: SQLQueryString = student.map { (id: Int) -> SQLQueryString in "student_id = \(bind: id)" } ?? "student_id IS NULL"
        let rows = try await sql.raw(
            """
            SELECT id, lesson_id, student_id, body, due_on, version FROM homework
            WHERE school_id = \(bind: school) AND lesson_id = \(bind: lesson) AND \(pupil)
            """
        ).all()
        return try await records(rows, school: school, in: sql).first
    }

    /// A homework by its id, within the school.
    public static func find(school: Int, homework: Int, in sql: any SQLDatabase) async throws -> HomeworkRecord? {
        let rows = try await sql.raw(
            """
            SELECT id, lesson_id, student_id, body, due_on, version FROM homework
            WHERE school_id = \(bind: school) AND id = \(bind: homework)
            """
        ).all()
        return try await records(rows, school: school, in: sql).first
    }

    /// A file's description and content, if it belongs to this homework of the school.
    public static func content(school: Int, homework: Int, file: Int, in sql: any SQLDatabase) async throws -> (HomeworkFile, Data)? {
        guard
            let row = try await sql.raw(
                """
                SELECT id, homework_id, file_name, content_type, byte_size, uploaded_at, content FROM homework_files
                WHERE school_id = \(bind: school) AND homework_id = \(bind: homework) AND id = \(bind: file)
                """
            ).first()
        else { return nil }
        return (try self.file(row), try row.decode(column: "content", as: Data.self))
    }

    static func records(_ rows: [any SQLRow], school: Int, in sql: any SQLDatabase) async throws -> [HomeworkRecord] {
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        var files: [Int: [HomeworkFile]] = [:]
        if !ids.isEmpty {
            for row in try await sql.raw(
                """
                SELECT id, homework_id, file_name, content_type, byte_size, uploaded_at FROM homework_files
                WHERE school_id = \(bind: school) AND homework_id IN (\(binds: ids))
                ORDER BY id
                """
            ).all() {
                let file = try file(row)
                files[file.homeworkId, default: []].append(file)
            }
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return HomeworkRecord(
                id: id,
                lessonId: try row.decode(column: "lesson_id", as: Int.self),
                studentId: try row.decode(column: "student_id", as: Int?.self),
                text: try row.decode(column: "body", as: String.self),
                dueOn: try row.decode(column: "due_on", as: String?.self).flatMap { LocalDate(iso: $0) },
                version: try row.decode(column: "version", as: Int.self),
                files: files[id] ?? []
            )
        }
    }

    static func file(_ row: any SQLRow) throws -> HomeworkFile {
        HomeworkFile(
            id: try row.decode(column: "id", as: Int.self),
            homeworkId: try row.decode(column: "homework_id", as: Int.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            contentType: try row.decode(column: "content_type", as: String.self),
            byteSize: try row.decode(column: "byte_size", as: Int.self),
            uploadedAt: try row.decode(column: "uploaded_at", as: String.self)
        )
    }
}
