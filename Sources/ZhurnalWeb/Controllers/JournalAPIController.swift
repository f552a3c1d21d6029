import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// Marks and attendance for programs and the grid's script. Every write asks the policy (keep this course's journal,
/// or correct after the window), then the journal's rules, then writes the change with its history — all inside one
/// transaction, so a period closed or a cell saved by someone else in between is seen, and nothing is half-written.
struct JournalAPIController: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/lessons/:lessonId/marks") { request, context in try await addMark(request, context) }
        router.patch("/api/v1/marks/:markId") { request, context in try await updateMark(request, context) }
        router.delete("/api/v1/marks/:markId") { request, context in try await deleteMark(request, context) }
        router.get("/api/v1/marks/:markId/history") { request, context in try await markHistory(request, context) }
        router.put("/api/v1/lessons/:lessonId/attendance/:studentId") { request, context in try await setAttendance(request, context) }
        router.patch("/api/v1/lessons/:lessonId") { request, context in try await updateLesson(request, context) }
        router.put("/api/v1/lessons/:lessonId/entries") { request, context in try await saveEntries(request, context) }
    }

    // MARK: Bodies

    struct NewMark: Decodable {
        let studentId: Int?
        let value: String?
        let workType: Int?
        let comment: String?
        let reason: String?
    }

    struct MarkChange: Decodable {
        let value: String?
        let workType: Int?
        /// Absent: unchanged; null: removed.
        let comment: String??
        let version: Int?
        let reason: String?

        enum CodingKeys: String, CodingKey { case value, workType, comment, version, reason }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            value = try container.decodeIfPresent(String.self, forKey: .value)
            workType = try container.decodeIfPresent(Int.self, forKey: .workType)
            comment = container.contains(.comment) ? .some(try container.decodeIfPresent(String.self, forKey: .comment)) : .none
            version = try container.decodeIfPresent(Int.self, forKey: .version)
            reason = try container.decodeIfPresent(String.self, forKey: .reason)
        }
    }

    struct Removal: Decodable {
        let version: Int?
        let reason: String?
    }

    struct AttendanceChange: Decodable {
        let code: String?
        let reason: String?
    }

    struct AttendanceCell: ResponseEncodable {
        let lessonId: Int
        let studentId: Int
        let code: String?
        let version: Int
    }

    struct History: ResponseEncodable {
        let history: [HistoryEntry]
    }

    // MARK: Routes

    func addMark(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        // Who is asking comes before what he sent: an anonymous request is 401 whatever its body.
        _ = try context.requireActor()
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let body = try await decode(NewMark.self, request, context)
        guard let student = body.studentId, let text = body.value else {
            throw AppError.invalid("missing_fields", "Нужны поля studentId и value (и workType, если у урока не задан вид контрольной работы).")
        }
        let mark = try await withLesson(lessonID, student: student, reason: body.reason, request, context) { lesson, author, rights, now, sql in
            let value = try Self.parse(text, lesson)
            return try await MarkWrites.add(
                lesson: lesson,
                student: student,
                value: value,
                workType: try JournalWriter.workType(body.workType, lesson),
                comment: body.comment.trimmed,
                by: author,
                reason: body.reason,
                at: now,
                in: sql
            )
        }
        return try Self.json(mark, status: .created)
    }

    func updateMark(_ request: Request, _ context: AppRequestContext) async throws -> MarkRecord {
        // Who is asking comes before what he sent: an anonymous request is 401 whatever its body.
        _ = try context.requireActor()
        let markID = try context.parameters.require("markId", as: Int.self)
        let body = try await decode(MarkChange.self, request, context)
        guard let version = body.version else { throw AppError.invalid("version_required", "Нужно поле version: версия отметки, которую вы видели.") }
        let current = try await existingMark(markID, request, context)
        return try await withLesson(current.lessonId, student: current.studentId, reason: body.reason, request, context) {
            lesson,
            author,
            rights,
            now,
            sql in
            let value = try body.value.map { try Self.parse($0, lesson) }
            return try await MarkWrites.update(
                school: lesson.schoolID,
                mark: markID,
                version: version,
                value: value,
                workType: body.workType,
                comment: body.comment.map { $0.trimmed },
                by: author,
                reason: body.reason,
                at: now,
                in: sql
            )
        }
    }

    func deleteMark(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        // Who is asking comes before what he sent: an anonymous request is 401 whatever its body.
        _ = try context.requireActor()
        let markID = try context.parameters.require("markId", as: Int.self)
        let body = try await decodeOptional(Removal.self, request, context)
        let current = try await existingMark(markID, request, context)
        try await withLesson(current.lessonId, student: current.studentId, reason: body?.reason, request, context) {
            lesson,
            author,
            rights,
            now,
            sql in
            try await MarkWrites.delete(
                school: lesson.schoolID,
                mark: markID,
                version: body?.version,
                by: author,
                reason: body?.reason,
                at: now,
                in: sql
            )
        }
        return Response(status: .noContent)
    }

    func markHistory(_ request: Request, _ context: AppRequestContext) async throws -> History {
        let actor = try context.requireActor()
        let markID = try context.parameters.require("markId", as: Int.self)
        // A deleted mark keeps its history; the lesson it belonged to is read from there.
        let lesson = try await database.read { sql -> Int? in
            if let mark = try await MarkWrites.find(school: actor.schoolID, mark: markID, in: sql) { return mark.lessonId }
            return try await JournalHistory.lesson(school: actor.schoolID, .mark, id: String(markID), in: sql)
        }
        guard let lesson else { try await access.missing("mark", context: context, path: request.uri.path) }
        let facts = try await writer.lessonFacts(of: lesson, actor: actor, context: context, path: request.uri.path)
        try await access.require(.readHistory, on: .lesson(facts), context: context, path: request.uri.path)
        return History(history: try await database.read { try await JournalHistory.of(school: actor.schoolID, .mark, id: String(markID), in: $0) })
    }

    func setAttendance(_ request: Request, _ context: AppRequestContext) async throws -> AttendanceCell {
        // Who is asking comes before what he sent: an anonymous request is 401 whatever its body.
        _ = try context.requireActor()
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let student = try context.parameters.require("studentId", as: Int.self)
        let body = try await decode(AttendanceChange.self, request, context)
        let code = try Self.attendance(body.code)
        let version = try await withLesson(lessonID, student: student, reason: body.reason, request, context) { lesson, author, rights, now, sql in
            let version = try await AttendanceWrites.set(
                lesson: lesson,
                student: student,
                code: code,
                by: author,
                reason: body.reason,
                at: now,
                in: sql
            )
            // The grid marks absentees one by one: its first mark takes the lesson's attendance.
            try await LessonWrites.noteAttendanceTaken(lesson: lesson, by: author, at: now, in: sql)
            return version
        }
        return AttendanceCell(lessonId: lessonID, studentId: student, code: code?.rawValue, version: version)
    }

    struct LessonChange: Decodable {
        let topic: String??
        let homework: String??
        /// Absent: unchanged; null: cleared (due by the next lesson).
        let homeworkDueOn: String??
        /// Who actually taught the lesson: another teacher of the school records a substitution, the course's teacher
        /// ends it.
        let teacherId: Int?
        /// Absent: unchanged; null: no longer a control lesson.
        let controlWorkTypeId: Int??
        let version: Int?
        let reason: String?

        enum CodingKeys: String, CodingKey { case topic, homework, homeworkDueOn, teacherId, controlWorkTypeId, version, reason }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            topic = container.contains(.topic) ? .some(try container.decodeIfPresent(String.self, forKey: .topic)) : .none
            homework = container.contains(.homework) ? .some(try container.decodeIfPresent(String.self, forKey: .homework)) : .none
            teacherId = try container.decodeIfPresent(Int.self, forKey: .teacherId)
            controlWorkTypeId =
                container.contains(.controlWorkTypeId) ? .some(try container.decodeIfPresent(Int.self, forKey: .controlWorkTypeId)) : .none
            homeworkDueOn =
                container.contains(.homeworkDueOn) ? .some(try container.decodeIfPresent(String.self, forKey: .homeworkDueOn)) : .none
            version = try container.decodeIfPresent(Int.self, forKey: .version)
            reason = try container.decodeIfPresent(String.self, forKey: .reason)
        }
    }

    struct LessonRecord: ResponseEncodable {
        let id: Int
        let topic: String?
        let homework: String?
        let homeworkDueOn: String?
        let homeworkId: Int?
        let teacherId: Int
        let controlWorkTypeId: Int?
        let version: Int

        enum CodingKeys: String, CodingKey { case id, topic, homework, homeworkDueOn, homeworkId, teacherId, controlWorkTypeId, version }

        /// No topic, homework or control work type is `null`, not a missing key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(topic, forKey: .topic)
            try container.encode(homework, forKey: .homework)
            try container.encode(teacherId, forKey: .teacherId)
            try container.encode(controlWorkTypeId, forKey: .controlWorkTypeId)
            try container.encode(homeworkDueOn, forKey: .homeworkDueOn)
            try container.encode(homeworkId, forKey: .homeworkId)
            try container.encode(version, forKey: .version)
        }
    }

    func updateLesson(_ request: Request, _ context: AppRequestContext) async throws -> LessonRecord {
        // Who is asking comes before what he sent: an anonymous request is 401 whatever its body.
        _ = try context.requireActor()
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let body = try await decode(LessonChange.self, request, context)
        let dueOn: LocalDate?? = try body.homeworkDueOn.map { text in try text.flatMap { try HomeworkRules.dueDate(parsing: $0) } }
        return try await writer.withLesson(
            lessonID,
            student: nil,
            reason: body.reason,
            teacher: body.teacherId,
            context: context,
            path: request.uri.path
        ) {
            lesson,
            author,
            rights,
            now,
            sql in
            var version = lesson.version
            if let topic = body.topic {
                version = try await LessonWrites.setTopic(
                    lesson: lesson,
                    topic: topic,
                    version: body.version,
                    by: author,
                    reason: body.reason,
                    at: now,
                    in: sql
                )
            }
            var homework = try await HomeworkQueries.find(school: lesson.schoolID, lesson: lesson.lessonID, student: nil, in: sql)
            if body.homework != nil || dueOn != nil {
                homework = try await HomeworkWrites.setForClass(
                    lesson: lesson,
                    text: body.homework,
                    dueOn: dueOn,
                    by: author,
                    reason: body.reason,
                    at: now,
                    in: sql
                )
            }
            if let workType = body.controlWorkTypeId {
                try await LessonWrites.setControlWorkType(lesson: lesson, workType: workType, at: now, in: sql)
            }
            if let teacher = body.teacherId {
                try await Substitutions.record(lesson: lesson, teacher: teacher, by: author, at: now, in: sql)
            }
            let saved = try await LessonFacts.load(school: lesson.schoolID, lesson: lesson.lessonID, in: sql)
            return LessonRecord(
                id: lesson.lessonID,
                topic: saved?.topic,
                homework: homework?.text,
                homeworkDueOn: homework?.dueOn?.iso,
                homeworkId: homework?.id,
                teacherId: saved?.teacherID ?? lesson.teacherID,
                controlWorkTypeId: saved?.controlWorkTypeID,
                version: saved?.version ?? version
            )
        }
    }

    struct Entries: Decodable {
        struct Line: Decodable {
            let studentId: Int
            /// Absent: unchanged; null: cleared.
            let attendance: String??
            let marks: [MarkLine]?

            enum CodingKeys: String, CodingKey { case studentId, attendance, marks }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: CodingKeys.self)
                studentId = try container.decode(Int.self, forKey: .studentId)
                attendance = container.contains(.attendance) ? .some(try container.decodeIfPresent(String.self, forKey: .attendance)) : .none
                marks = try container.decodeIfPresent([MarkLine].self, forKey: .marks)
            }
        }

        struct MarkLine: Decodable {
            let value: String
            /// nil: the control lesson's work type.
            let workType: Int?
            let comment: String?
        }

        let entries: [Line]
        let reason: String?
    }

    struct SavedEntries: ResponseEncodable {
        let attendanceChanged: Int
        let marks: [MarkRecord]
    }

    /// The whole lesson — every pupil's attendance and new marks — in one request and one transaction: all of it is
    /// checked first, and one refused line refuses the lot.
    func saveEntries(_ request: Request, _ context: AppRequestContext) async throws -> SavedEntries {
        // Who is asking comes before what he sent: an anonymous request is 401 whatever its body.
        _ = try context.requireActor()
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let body = try await decode(Entries.self, request, context)
        let result = try await withLesson(lessonID, student: nil, reason: body.reason, request, context) { lesson, author, rights, now, sql in
            let entries = try await JournalWriter.entries(
                body.entries.map { line in
                    JournalWriter.Line(
                        studentID: line.studentId,
                        attendance: line.attendance,
                        marks: (line.marks ?? []).map { .init(value: $0.value, workType: $0.workType, comment: $0.comment) }
                    )
                },
                lesson: lesson,
                rights: rights,
                reason: body.reason,
                today: SchoolCalendar.today(now),
                label: { "Ученик \($0)" },
                in: sql
            )
            let saved = try await LessonWrites.saveEntries(lesson: lesson, entries: entries, by: author, reason: body.reason, at: now, in: sql)
            // The whole lesson states everyone's attendance, so it is taken even when nobody was absent.
            if JournalWriter.takesAttendance(lesson, rights: rights, reason: body.reason, today: SchoolCalendar.today(now)) {
                try await LessonWrites.noteAttendanceTaken(lesson: lesson, by: author, at: now, in: sql)
            }
            return saved
        }
        return SavedEntries(attendanceChanged: result.attendanceChanged, marks: result.marksAdded)
    }

    // MARK: The one path of every write

    private var writer: JournalWriter { JournalWriter(database: database, access: access, clock: clock) }

    private func withLesson<Result: Sendable>(
        _ lessonID: Int,
        student: Int?,
        reason: String?,
        _ request: Request,
        _ context: AppRequestContext,
        write: @escaping @Sendable (LessonFacts, JournalAuthor, JournalEditRules.Rights, Date, any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await writer.withLesson(lessonID, student: student, reason: reason, context: context, path: request.uri.path, write: write)
    }

    private func existingMark(_ markID: Int, _ request: Request, _ context: AppRequestContext) async throws -> MarkRecord {
        let actor = try context.requireActor()
        guard let mark = try await database.read({ try await MarkWrites.find(school: actor.schoolID, mark: markID, in: $0) }) else {
            try await access.missing("mark", context: context, path: request.uri.path)
        }
        return mark
    }

    /// A typed attendance code, or nil for an empty one (clearing the cell). The lesson's journal takes н and оп;
    /// turning н into б or у is the homeroom teacher's (DOMAIN.md §3).
    static func attendance(_ text: String?) throws -> AttendanceCode? {
        guard let text = text.trimmed else { return nil }
        let code: AttendanceCode
        do {
            code = try AttendanceCode(parsing: text)
        } catch {
            throw AppError.invalid("invalid_attendance", error.russianMessage)
        }
        guard AttendanceCode.enteredByTeacher.contains(code) else {
            throw AppError.invalid(
                "classification_not_here",
                "В журнале урока ставят «н» или «оп»; причину пропуска (б, у) отмечает классный руководитель или администратор."
            )
        }
        return code
    }

    static func parse(_ text: String, _ lesson: LessonFacts) throws -> MarkValue {
        do {
            return try MarkValue.parse(text, rules: lesson.markRules, context: .lesson)
        } catch {
            throw AppError.invalid("invalid_mark", error.russianMessage)
        }
    }

    private func decode<Body: Decodable>(_ type: Body.Type, _ request: Request, _ context: AppRequestContext) async throws -> Body {
        try await request.jsonBody(type, context: context)
    }

    /// A body that may be absent altogether (a DELETE without one).
    private func decodeOptional<Body: Decodable>(_ type: Body.Type, _ request: Request, _ context: AppRequestContext) async throws -> Body? {
        try await request.optionalJSONBody(type, context: context)
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let data = try JSONEncoder().encode(value)
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

extension MarkRecord: ResponseEncodable {}
