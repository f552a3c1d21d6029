import Foundation
import HTTPTypes
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// Homework beyond the lesson's text — a pupil's own homework, the files of any homework, and their download — for
/// the JSON API and the lesson page alike. Every change goes through ``JournalWriter`` (the policy's rights on the
/// course, the journal's rules, the change and its history in one transaction); a download asks the policy whether
/// the actor may read the course.
struct HomeworkKeeper: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date
    let limits: HomeworkFileLimits

    private var writer: JournalWriter { JournalWriter(database: database, access: access, clock: clock) }

    /// Gives `student` his own homework at this lesson or replaces it; he must be enrolled on the lesson's day.
    func setForPupil(
        lesson lessonID: Int,
        student: Int,
        text: String?,
        dueOn: String?,
        version: Int?,
        reason: String?,
        context: AppRequestContext,
        path: String
    ) async throws -> (record: HomeworkRecord, created: Bool) {
        guard let text = text.trimmed else { throw AppError(HomeworkRefusal.textRequired) }
        let due = try Self.dueDate(dueOn)
        return try await writer.withLesson(lessonID, student: student, target: .pupilRecord, reason: reason, context: context, path: path) {
            lesson,
            author,
            _,
            now,
            sql in
            try await HomeworkWrites.setForPupil(
                lesson: lesson,
                student: student,
                text: text,
                dueOn: due,
                version: version,
                by: author,
                reason: reason,
                at: now,
                in: sql
            )
        }
    }

    /// Removes a pupil's own homework (not while it has files).
    func removeForPupil(
        lesson lessonID: Int,
        student: Int,
        version: Int?,
        reason: String?,
        context: AppRequestContext,
        path: String
    ) async throws {
        try await writer.withLesson(lessonID, student: student, target: .pupilRecord, reason: reason, context: context, path: path) {
            lesson,
            author,
            _,
            now,
            sql in
            try await HomeworkWrites.removeForPupil(lesson: lesson, student: student, version: version, by: author, reason: reason, at: now, in: sql)
        }
    }

    /// The lesson's homework for someone who may read its course.
    func ofLesson(_ lessonID: Int, context: AppRequestContext, path: String) async throws -> [HomeworkRecord] {
        let actor = try context.requireActor()
        let lesson = try await writer.lessonFacts(of: lessonID, actor: actor, context: context, path: path)
        try await access.require(.read, on: .lesson(lesson), context: context, path: path)
        return try await database.read { try await HomeworkQueries.ofLesson(school: actor.schoolID, lesson: lessonID, in: $0) }
    }

    /// Reads an upload form's files and attaches them to the homework, all or none. Who may is asked before a byte
    /// of the body is read; each file is checked by size (as it arrives), extension and first bytes, then the count,
    /// the journal's rules, the files and the history row are written in one transaction. `reason` comes from the
    /// form's `reason` field when the route passes none.
    func upload(homework homeworkID: Int, request: Request, context: AppRequestContext) async throws -> (HomeworkRecord, [HomeworkFile]) {
        let path = request.uri.path
        let homework = try await existing(homeworkID, context: context, path: path)
        try await requireKeeping(homework, context: context, path: path)
        let form = try await MultipartForm.read(request, limits: limits)
        guard !form.files.isEmpty else { throw AppError(HomeworkRefusal.fileRequired) }
        let files = try form.files.map { file -> NewHomeworkFile in
            let name = file.safeName
            let head = Array(file.content.readableBytesView.prefix(HomeworkFileRules.sniffedBytes))
            switch HomeworkFileRules.check(name: name, size: file.content.readableBytes, head: head, limits: limits) {
            case .failure(let refusal): throw AppError(refusal)
            case .success(let kind):
                return NewHomeworkFile(fileName: name, contentType: kind.contentType, content: Data(file.content.readableBytesView))
            }
        }
        let reason = form.fields["reason"].trimmed
        return try await onHomework(homework, reason: reason, context: context, path: path) { current, lesson, author, now, sql in
            let added = try await HomeworkFileWrites.add(
                files,
                to: current,
                lesson: lesson,
                limits: limits,
                by: author,
                reason: reason,
                at: now,
                in: sql
            )
            return (current, added)
        }
    }

    /// Removes one file of a homework.
    func removeFile(homework homeworkID: Int, file: Int, reason: String?, context: AppRequestContext, path: String) async throws -> HomeworkRecord {
        let homework = try await existing(homeworkID, context: context, path: path)
        return try await onHomework(homework, reason: reason, context: context, path: path) { current, lesson, author, now, sql in
            try await HomeworkFileWrites.remove(file: file, from: current, lesson: lesson, by: author, reason: reason, at: now, in: sql)
            return current
        }
    }

    /// A file as a download: only to those who may read the course; always an attachment, with the type of the
    /// allow-list and `nosniff`, so nothing uploaded is ever rendered in the site's origin.
    func download(homework homeworkID: Int, file fileID: Int, context: AppRequestContext, path: String) async throws -> Response {
        let actor = try context.requireActor()
        let homework = try await existing(homeworkID, context: context, path: path)
        let lesson = try await writer.lessonFacts(of: homework.lessonId, actor: actor, context: context, path: path)
        try await access.require(.read, on: .lesson(lesson), context: context, path: path)
        guard
            let (file, content) = try await database.read({
                try await HomeworkQueries.content(school: actor.schoolID, homework: homeworkID, file: fileID, in: $0)
            })
        else { try await access.missing("homework file", context: context, path: path) }
        return HomeworkDownload.response(file, content)
    }

    // MARK: Helpers

    /// A homework of the actor's school, or 404 (logged, like any id that is not there).
    func existing(_ homeworkID: Int, context: AppRequestContext, path: String) async throws -> HomeworkRecord {
        let actor = try context.requireActor()
        guard let homework = try await database.read({ try await HomeworkQueries.find(school: actor.schoolID, homework: homeworkID, in: $0) }) else {
            try await access.missing("homework", context: context, path: path)
        }
        return homework
    }

    /// Refuses (403, logged) before the body is read someone who may neither keep nor correct the course's journal.
    private func requireKeeping(_ homework: HomeworkRecord, context: AppRequestContext, path: String) async throws {
        let actor = try context.requireActor()
        let lesson = try await writer.lessonFacts(of: homework.lessonId, actor: actor, context: context, path: path)
        let rights = JournalWriter.rights(actor, on: lesson)
        if !rights.keepsJournal && !rights.corrects {
            try await access.require(.keepJournal, on: .lesson(lesson), context: context, path: path)
        }
    }

    /// Runs `change` on the homework as it is inside the writer's transaction, under the rules of the lesson's record
    /// (the class's homework) or of the pupil's part of it (his own).
    private func onHomework<Result: Sendable>(
        _ homework: HomeworkRecord,
        reason: String?,
        context: AppRequestContext,
        path: String,
        change: @escaping @Sendable (HomeworkRecord, LessonFacts, JournalAuthor, Date, any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await writer.withLesson(
            homework.lessonId,
            student: homework.studentId,
            target: homework.studentId == nil ? .lessonRecord : .pupilRecord,
            reason: reason,
            context: context,
            path: path
        ) { lesson, author, _, now, sql in
            guard let current = try await HomeworkQueries.find(school: lesson.schoolID, homework: homework.id, in: sql) else {
                throw JournalWriteError.notFound
            }
            return try await change(current, lesson, author, now, sql)
        }
    }

    /// A due date as typed; blank or absent is none.
    static func dueDate(_ text: String?) throws -> LocalDate? {
        do {
            return try HomeworkRules.dueDate(parsing: text ?? "")
        } catch {
            throw AppError(error)
        }
    }
}
