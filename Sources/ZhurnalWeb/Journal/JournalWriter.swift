import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The one path of every journal write, for the JSON API and the plain lesson form alike: the lesson within the
/// actor's school, the policy's rights on it (keep this lesson — its course's teacher or the substitute who taught
/// it —, or correct after the window), the journal's rules for the cell or the lesson's record, and the write with
/// its history — in one transaction.
struct JournalWriter: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    /// Loads the lesson within the actor's school, asks the policy which rights he has on it, checks the journal's
    /// rules for this pupil's cell (or the lesson's record when `student` is nil; `target` says otherwise, as for a
    /// pupil's own homework) — and, when `teacher` names someone other than the lesson's teacher, the rules of a
    /// substitution with the rights on the course —, and runs `write`, all in one transaction. A refusal becomes an
    /// ``AppError`` with the rule's Russian message.
    func withLesson<Result: Sendable>(
        _ lessonID: Int,
        student: Int?,
        target: JournalEditRules.Target? = nil,
        reason: String?,
        teacher: Int? = nil,
        context: AppRequestContext,
        path: String,
        write: @escaping @Sendable (LessonFacts, JournalAuthor, JournalEditRules.Rights, Date, any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        let actor = try context.requireActor()
        let facts = try await lessonFacts(of: lessonID, actor: actor, context: context, path: path)
        let rights = Self.rights(actor, on: facts)
        if !rights.keepsJournal && !rights.corrects {
            try await access.require(.keepJournal, on: .lesson(facts), context: context, path: path)
        }
        let courseRights = Self.rights(actor, on: facts.course)
        let role: Role = rights.keepsJournal ? .teacher : (actor.holds(.deputy) ? .deputy : .admin)
        let author = JournalAuthor(accountID: actor.accountID, personID: actor.personID, role: role, clientAddress: context.clientAddress)
        let now = clock()
        let today = SchoolCalendar.today(now)
        do {
            return try await database.write { sql in
                guard let lesson = try await LessonFacts.load(school: actor.schoolID, lesson: lessonID, in: sql) else {
                    throw JournalWriteError.notFound
                }
                // A pupil's cell needs him enrolled on the day; the lesson's own record (topic, homework) does not.
                var enrolled = true
                if let student { enrolled = try await lesson.members(in: sql).contains(student) }
                let situation = lesson.situation(today: today, pupilEnrolled: enrolled)
                if let refusal = JournalEditRules.refusal(
                    target ?? (student == nil ? .lessonRecord : .pupilCell),
                    situation,
                    rights: rights,
                    reason: reason
                ) {
                    throw refusal
                }
                if let teacher, teacher != lesson.teacherID,
                    let refusal = JournalEditRules.refusal(.substitution, situation, rights: courseRights, reason: reason)
                {
                    throw refusal
                }
                return try await write(lesson, author, rights, now, sql)
            }
        } catch let refusal as JournalEditRefusal {
            throw AppError(refusal)
        } catch let error as JournalWriteError {
            throw AppError(error)
        } catch let refusal as SubstitutionRefusal {
            throw AppError.invalid(refusal.code, refusal.message)
        } catch let refusal as HomeworkRefusal {
            throw AppError(refusal)
        }
    }

    /// What the policy lets the actor do in this course's journal: its teachers keep it, the deputy and the
    /// administrator correct it. A substitution is recorded with these rights.
    static func rights(_ actor: Actor, on course: CourseFacts) -> JournalEditRules.Rights {
        rights(actor, on: .course(course))
    }

    /// What the policy lets the actor do in one lesson: also its substitute keeps it.
    static func rights(_ actor: Actor, on lesson: CourseLessonFacts) -> JournalEditRules.Rights {
        rights(actor, on: .lesson(lesson))
    }

    private static func rights(_ actor: Actor, on resource: AccessResource) -> JournalEditRules.Rights {
        JournalEditRules.Rights(
            keepsJournal: AccessPolicy.decide(actor, .keepJournal, resource).isAllowed,
            corrects: AccessPolicy.decide(actor, .correctAfterWindow, resource).isAllowed
        )
    }

    /// Whether this save takes the lesson's attendance: the rules would let the actor change its pupils' cells now (so
    /// not before the lesson, and not after the window without a correction's reason).
    static func takesAttendance(_ lesson: LessonFacts, rights: JournalEditRules.Rights, reason: String?, today: LocalDate) -> Bool {
        JournalEditRules.refusal(.pupilCell, lesson.situation(today: today), rights: rights, reason: reason) == nil
    }

    /// The lesson's course facts and who taught it, within the actor's school; another school's lesson is not found.
    func lessonFacts(of lessonID: Int, actor: Actor, context: AppRequestContext, path: String) async throws -> CourseLessonFacts {
        let today = SchoolCalendar.today(clock())
        let facts = try await database.read { sql in
            try await AccessFacts.lesson(school: actor.schoolID, lesson: lessonID, today: today, in: sql)
        }
        guard let facts else { try await access.missing("lesson", context: context, path: path) }
        return facts
    }

    // MARK: A whole lesson's lines

    /// One pupil's line of a whole lesson as typed: attendance (absent: unchanged; null: cleared) and new marks.
    struct Line: Sendable {
        struct Mark: Sendable {
            let value: String
            /// nil: the control lesson's work type.
            let workType: Int?
            let comment: String?
        }

        let studentID: Int
        let attendance: String??
        let marks: [Mark]
    }

    /// Checks every line of a whole lesson against the journal's rules and parses its values; the first refused line
    /// refuses the lot, its message starting with `label(studentID)` (a name on the page, a number in the API).
    static func entries(
        _ lines: [Line],
        lesson: LessonFacts,
        rights: JournalEditRules.Rights,
        reason: String?,
        today: LocalDate,
        label: (Int) -> String,
        in sql: any SQLDatabase
    ) async throws -> [LessonWrites.Entry] {
        let members = try await lesson.members(in: sql)
        var entries: [LessonWrites.Entry] = []
        for line in lines {
            if let refusal = JournalEditRules.refusal(
                .pupilCell,
                lesson.situation(today: today, pupilEnrolled: members.contains(line.studentID)),
                rights: rights,
                reason: reason
            ) {
                throw AppError.invalid(refusal.code, label(line.studentID) + ": " + refusal.message)
            }
            do {
                let attendance: AttendanceCode?? = try line.attendance.map { try JournalAPIController.attendance($0) }
                let marks = try line.marks.map { mark in
                    LessonWrites.NewMark(
                        value: try JournalAPIController.parse(mark.value, lesson),
                        workType: try Self.workType(mark.workType, lesson),
                        comment: mark.comment.trimmed
                    )
                }
                entries.append(LessonWrites.Entry(studentID: line.studentID, attendance: attendance, marks: marks))
            } catch let error as AppError {
                throw AppError(status: error.status, code: error.code, message: label(line.studentID) + ": " + error.message)
            }
        }
        return entries
    }

    /// The work type of a new mark: the one given, or else the control lesson's.
    static func workType(_ given: Int?, _ lesson: LessonFacts) throws -> Int {
        guard let type = given ?? lesson.controlWorkTypeID else {
            throw AppError.invalid("work_type_required", "Выберите вид работы для новой отметки: у этого урока вид контрольной работы не задан.")
        }
        return type
    }
}
