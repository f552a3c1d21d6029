import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The journal's pages: the grid of a course and a period (`/courses/{id}/journal`), kept like a spreadsheet by
/// `journal.js` through the JSON API, and a plain page per lesson (`/lessons/{id}`) whose form saves the whole class
/// without JavaScript, through the same writer as `PUT /api/v1/lessons/{id}/entries`.
struct JournalPageController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date
    var homeworkFiles = HomeworkFileLimits.standard

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/courses/:courseId/journal") { request, context in try await grid(request, context) }
        router.get("/lessons/:lessonId") { request, context in try await lesson(request, context) }
        router.post("/lessons/:lessonId") { request, context in try await saveLesson(request, context) }
    }

    private var writer: JournalWriter { JournalWriter(database: database, access: access, clock: clock) }

    // MARK: The grid

    struct GridPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let courseID: Int
        let periodID: Int
        let subject: String
        let group: String
        let teachers: String
        let periodTitle: String
        let periodDates: String
        let periods: [PeriodLink]
        let closed: Bool
        let editable: Bool
        /// The cells' history opens from the grid (the course's teacher, the deputy, the administrator).
        let history: Bool
        /// Term marks are entered by someone who does not keep this journal (the deputy correcting): with a reason.
        let termNeedsReason: Bool
        let workTypes: [Option]
        /// What the course's grading lets the grid show: see ``GridSums``.
        let sums: GridSums
        let grading: String
        let columns: [Column]
        /// The rows, written by ``JournalRowsHTML`` (escaped there), of the pupils in the course and of those who left.
        let rowsHTML: String
        let leftRowsHTML: String
        let hasLeft: Bool
        let hasLessons: Bool
        /// Columns of a full row: the pupil, the lessons, and the sums the grading has.
        let span: Int

        struct PeriodLink: Sendable {
            let href: String
            let label: String
            let current: Bool
        }

        struct Column: Sendable {
            let lessonID: Int
            let day: String
            let hint: String
            let cancelled: Bool
            let open: Bool
            /// Open only with a written reason (after the window, or for someone correcting another's journal).
            let needsReason: Bool
            /// A control lesson's work type: new marks typed in the column take it.
            let control: Control?
            let attendanceTaken: Bool
        }

        struct Control: Sendable {
            let id: Int
            /// «К/р»; the name is the label's title.
            let label: String
            let name: String
        }

        struct Row: Sendable {
            let studentID: Int
            let name: String
            let cells: [Cell]
            let average: String
            let proposal: String
            let proposalNote: String?
            let termMark: String
            /// The term mark's version as stored (0: none yet), sent back with a change.
            let termVersion: Int
        }

        struct Cell: Sendable {
            let lessonID: Int
            let inside: Bool
            let open: Bool
            let tabIndex: Int
            let marks: [MarkChip]
            let code: String?
        }

        struct MarkChip: Sendable {
            let id: Int
            let value: String
            let version: Int
            let workTypeID: Int
            let comment: String
            let hint: String
        }
    }

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    func grid(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let journal = try await CourseJournalReader(database: database, access: access, clock: clock).load(
            course: courseID,
            period: try CourseJournalReader.periodID(request),
            context: context,
            path: request.uri.path
        )
        let rights = JournalWriter.rights(actor, on: journal.facts)
        let today = SchoolCalendar.today(clock())
        let (grid, period) = (journal.grid, journal.period)
        let workTypeNames = Dictionary(uniqueKeysWithValues: journal.workTypes.map { ($0.id, $0.name) })
        let columns = grid.lessons.map { lesson in
            // A substitute keeps the lessons he taught: his rights are asked lesson by lesson.
            let lessonRights = JournalWriter.rights(
                actor,
                on: CourseLessonFacts(course: journal.facts, lessonID: lesson.id, teacherID: lesson.teacherId)
            )
            let refusal = Self.refusal(lesson, period: period, rights: lessonRights, today: today)
            return GridPage.Column(
                lessonID: lesson.id,
                day: String(lesson.date.russian.prefix(5)),
                hint: [lesson.topic ?? "Тема не записана", Self.homeworkHint(lesson), lesson.isCancelled ? "урок отменён" : nil].compactMap { $0 }
                    .joined(separator: " — "),
                cancelled: lesson.isCancelled,
                open: refusal == nil || refusal == .reasonRequired,
                needsReason: refusal == .reasonRequired,
                control: lesson.controlWorkTypeId.flatMap { id in
                    workTypeNames[id].map { GridPage.Control(id: id, label: WorkType.shortLabel(for: $0), name: $0) }
                },
                attendanceTaken: lesson.attendanceTaken
            )
        }
        let marks = Dictionary(grouping: grid.marks) { Pair(lesson: $0.lessonId, student: $0.studentId) }
        let codes = Dictionary(grid.attendance.map { (Pair(lesson: $0.lessonId, student: $0.studentId), $0.code) }) { first, _ in first }
        let standings = Dictionary(uniqueKeysWithValues: journal.standings.map { ($0.studentID, $0) })
        let termMarks = Dictionary(journal.termMarks.map { ($0.studentId, $0) }) { first, _ in first }
        var firstFocusable = true
        var rows: [GridPage.Row] = []
        var leftRows: [GridPage.Row] = []
        for pupil in grid.pupils {
            let left = (pupil.member.map(\.end).max() ?? period.span.end) < period.span.end
            let cells = zip(grid.lessons, columns).map { lesson, column -> GridPage.Cell in
                let inside = pupil.member.contains { $0.contains(lesson.date) }
                let key = Pair(lesson: lesson.id, student: pupil.id)
                let tabIndex = inside && firstFocusable ? 0 : -1
                if inside { firstFocusable = false }
                return GridPage.Cell(
                    lessonID: lesson.id,
                    inside: inside,
                    open: inside && column.open,
                    tabIndex: tabIndex,
                    marks: (marks[key] ?? []).map { mark in
                        GridPage.MarkChip(
                            id: mark.id,
                            value: mark.value,
                            version: mark.version,
                            workTypeID: mark.workTypeId,
                            comment: mark.comment ?? "",
                            hint: "\(workTypeNames[mark.workTypeId] ?? "Отметка") (вес \(mark.weight))" + (mark.comment.map { ": \($0)" } ?? "")
                        )
                    },
                    code: codes[key]
                )
            }
            let standing = standings[pupil.id]
            let row = GridPage.Row(
                studentID: pupil.id,
                name: pupil.fullName,
                cells: cells,
                average: standing?.average?.decimalString(places: 2, separator: ",") ?? "—",
                proposal: standing?.proposedMark.map(String.init) ?? "—",
                proposalNote: standing.flatMap { $0.proposedMark == nil ? $0.proposal.russianText : nil },
                termMark: termMarks[pupil.id]?.value ?? "",
                termVersion: termMarks[pupil.id]?.version ?? 0
            )
            if left { leftRows.append(row) } else { rows.append(row) }
        }
        let course = journal.course
        let sums = GridSums(period.markRules.grading)
        let editable = (rights.keepsJournal || rights.corrects || columns.contains { $0.open }) && !period.closed
        let page = GridPage(
            title: "\(course.subject), \(course.group) — журнал",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            courseID: course.id,
            periodID: period.id,
            subject: course.subject,
            group: course.group,
            teachers: course.teachers.map(\.fullName).joined(separator: ", "),
            periodTitle: period.title,
            periodDates: "\(period.span.start.russian) – \(period.span.end.russian)",
            periods: journal.periods.map { choice in
                GridPage.PeriodLink(href: "/courses/\(course.id)/journal?periodId=\(choice.id)", label: choice.title, current: choice.id == period.id)
            },
            closed: period.closed,
            editable: editable,
            history: AccessPolicy.decide(actor, .readHistory, .course(journal.facts)).isAllowed,
            termNeedsReason: editable && !rights.keepsJournal,
            workTypes: journal.workTypes.map { Option(value: String($0.id), label: "\($0.name) (вес \($0.weight))", selected: false) },
            sums: sums,
            grading: period.markRules.grading.rawValue,
            columns: columns,
            rowsHTML: JournalRowsHTML.render(rows, editable: editable, sums: sums),
            leftRowsHTML: JournalRowsHTML.render(leftRows, editable: editable, sums: sums),
            hasLeft: !leftRows.isEmpty,
            hasLessons: !columns.isEmpty,
            span: columns.count + 1 + sums.count
        )
        return pages.page("journal", page)
    }

    /// The class's homework in a lesson column's title: «ДЗ: § 12 (сдать к 20.10.2026; файлов: 2)».
    static func homeworkHint(_ lesson: JournalGrid.Lesson) -> String? {
        guard let homework = lesson.homework else { return nil }
        let details = [lesson.homeworkDueOn.map { "сдать к \($0.russian)" }, lesson.homeworkFiles > 0 ? "файлов: \(lesson.homeworkFiles)" : nil]
            .compactMap { $0 }
        return "ДЗ: \(homework)" + (details.isEmpty ? "" : " (\(details.joined(separator: "; ")))")
    }

    private struct Pair: Hashable {
        let lesson: Int
        let student: Int
    }

    /// What the rules say of a lesson's cells for this actor today: nil (open), `.reasonRequired` (open with a reason:
    /// the script asks for it), or why they are closed. The server decides again on every save.
    static func refusal(
        _ lesson: JournalGrid.Lesson,
        period: JournalPeriod,
        rights: JournalEditRules.Rights,
        today: LocalDate
    ) -> JournalEditRefusal? {
        let situation = JournalEditRules.Situation(
            lessonDate: lesson.date,
            today: today,
            editWindowDays: period.editWindowDays,
            periodClosed: period.closed,
            lessonCancelled: lesson.isCancelled
        )
        return JournalEditRules.refusal(.pupilCell, situation, rights: rights, reason: nil)
    }

    // MARK: A lesson's page

    struct LessonPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let lessonID: Int
        let gridHref: String
        let subject: String
        let group: String
        let when: String
        let topic: String
        let homework: String
        let homeworkDueOn: String
        let homeworkSection: LessonHomeworkSection
        let version: Int
        /// Who taught the lesson, and for a substitution who recorded it and when.
        let teacher: String
        let substitution: String?
        /// The school's teachers to choose from, when the actor may record a substitution now.
        let teachers: [Option]
        let changesTeacher: Bool
        /// The teacher's and the control work type's values as stored, sent back with the form.
        let teacherWas: String
        let controlWas: String
        /// «—» (an ordinary lesson) and the school's work types.
        let controlTypes: [Option]
        let control: String?
        let attendance: String
        let editable: Bool
        let asksReason: Bool
        let reason: String
        /// Each pupil's line links to his cell's history: for those who may read the course's history.
        let showsHistory: Bool
        /// The course takes marks: an ungraded one's lesson has attendance, topic and homework only.
        let takesMarks: Bool
        let workTypes: [Option]
        let pupils: [PupilLine]
        let hasPupils: Bool
        let error: String?
        let saved: Bool
        let note: String?

        struct PupilLine: Sendable {
            let studentID: Int
            let name: String
            let marks: String
            let was: String
            let mark: String
            let choices: [Option]
            let invalid: Bool
        }
    }

    func lesson(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let saved = request.uri.queryParameters["saved"] != nil
        return try await lessonPage(lessonID, context: context, path: request.uri.path, typed: nil, error: nil, saved: saved)
    }

    /// The page of one lesson; `typed` are the values of a refused form, shown again as they were typed.
    func lessonPage(
        _ lessonID: Int,
        context: AppRequestContext,
        path: String,
        typed: [String: String]?,
        error: AppError?,
        saved: Bool
    ) async throws -> Response {
        let actor = try context.requireActor()
        let facts = try await writer.lessonFacts(of: lessonID, actor: actor, context: context, path: path)
        try await access.require(.read, on: .lesson(facts), context: context, path: path)
        let school = actor.schoolID
        let rights = JournalWriter.rights(actor, on: facts)
        let courseRights = JournalWriter.rights(actor, on: facts.course)
        let today = SchoolCalendar.today(clock())
        let loaded = try await database.read { sql -> LessonView? in
            guard let lesson = try await LessonFacts.load(school: school, lesson: lessonID, in: sql),
                let listing = try await CourseDirectory.find(school: school, course: lesson.courseID, in: sql),
                let staffing = try await Substitutions.staffing(school: school, lesson: lessonID, in: sql)
            else { return nil }
            let grid = try await JournalQueries.grid(school: school, course: lesson.courseID, span: DateSpan(lesson.date, lesson.date), in: sql)
            // The teachers are listed only for those who may choose one now.
            let substitutes = JournalEditRules.refusal(.substitution, lesson.situation(today: today), rights: courseRights, reason: nil) == nil
            return LessonView(
                lesson: lesson,
                listing: listing,
                grid: grid,
                workTypes: try await JournalQueries.workTypes(school: school, in: sql),
                staffing: staffing,
                teachers: substitutes ? try await Substitutions.candidates(school: school, in: sql) : nil,
                homework: try await HomeworkQueries.ofLesson(school: school, lesson: lessonID, in: sql)
            )
        }
        guard let loaded else { throw AppError.notFound }
        let (lesson, listing, grid, workTypes, staffing, homework) =
            (loaded.lesson, loaded.listing, loaded.grid, loaded.workTypes, loaded.staffing, loaded.homework)
        let refusal = JournalEditRules.refusal(.pupilCell, lesson.situation(today: today), rights: rights, reason: nil)
        let record = grid.lessons.first { $0.id == lessonID }
        let typeNames = Dictionary(uniqueKeysWithValues: workTypes.map { ($0.id, $0.name) })
        // A control lesson's marks are of its work type unless the teacher picks another.
        let chosenType = typed?["workType"] ?? (lesson.controlWorkTypeID ?? workTypes.first?.id).map(String.init) ?? ""
        let chosenControl = typed?["controlWorkType"] ?? lesson.controlWorkTypeID.map(String.init) ?? ""
        let chosenTeacher = typed?["teacher"] ?? String(staffing.teacher.id)
        var teachers = loaded.teachers ?? []
        // The lesson's teacher stays choosable even when his account no longer works: the form must not change him
        // by the mere saving.
        if loaded.teachers != nil, !teachers.contains(where: { $0.id == staffing.teacher.id }) { teachers.insert(staffing.teacher, at: 0) }
        let culprit = error.flatMap { Self.culprit($0.message, pupils: grid.pupils) }
        let enrolled = grid.pupils.filter { pupil in pupil.member.contains { $0.contains(lesson.date) } }
        let pupils = enrolled.map { pupil in
            let code = grid.attendance.first { $0.lessonId == lessonID && $0.studentId == pupil.id }?.code ?? ""
            let marks = grid.marks.filter { $0.lessonId == lessonID && $0.studentId == pupil.id }
            let shown = typed?["att_\(pupil.id)"] ?? code
            return LessonPage.PupilLine(
                studentID: pupil.id,
                name: pupil.fullName,
                marks: marks.map { "\($0.value) (\(typeNames[$0.workTypeId] ?? "отметка"))" }.joined(separator: ", "),
                was: code,
                mark: typed?["mark_\(pupil.id)"] ?? "",
                choices: [("", "был"), ("н", "н — отсутствовал"), ("оп", "оп — опоздал"), ("б", "б — болел"), ("у", "у — уважительная причина")].map {
                    Option(value: $0.0, label: $0.1, selected: $0.0 == shown)
                },
                invalid: culprit?.id == pupil.id
            )
        }
        let editable = (rights.keepsJournal || rights.corrects) && refusal != .periodClosed && refusal != .holiday && refusal != .lessonCancelled
        let page = LessonPage(
            title: "Урок \(lesson.date.russian) — \(listing.subject), \(listing.group)",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            lessonID: lessonID,
            gridHref: "/courses/\(listing.id)/journal",
            subject: listing.subject,
            group: listing.group,
            when: "\(lesson.date.russian), \(lesson.number)-й урок",
            topic: typed?["topic"] ?? lesson.topic ?? "",
            homework: typed?["homework"] ?? record?.homework ?? "",
            homeworkDueOn: typed?["homeworkDueOn"] ?? record?.homeworkDueOn?.iso ?? "",
            homeworkSection: LessonHomeworkSection(records: homework, pupils: enrolled, editable: editable, limits: homeworkFiles),
            version: Int(typed?["version"] ?? "") ?? lesson.version,
            teacher: staffing.teacher.fullName,
            substitution: staffing.isSubstitution
                ? "замена" + (staffing.recordedBy.map { ", записал(а) \($0)" } ?? "")
                    + (staffing.recordedAt.map { ", \(RussianTime.moment($0))" } ?? "")
                : nil,
            teachers: teachers.map { Option(value: String($0.id), label: $0.fullName, selected: String($0.id) == chosenTeacher) },
            changesTeacher: loaded.teachers != nil,
            teacherWas: typed?["teacherWas"] ?? String(staffing.teacher.id),
            controlWas: typed?["controlWorkTypeWas"] ?? lesson.controlWorkTypeID.map(String.init) ?? "",
            controlTypes: [Option(value: "", label: "— обычный урок", selected: chosenControl.isEmpty)]
                + workTypes.map { Option(value: String($0.id), label: $0.name, selected: String($0.id) == chosenControl) },
            control: lesson.controlWorkTypeID.flatMap { typeNames[$0] },
            attendance: lesson.attendanceTaken ? "отмечена" : "не отмечена",
            editable: editable,
            asksReason: rights.corrects && (refusal == .reasonRequired || lesson.situation(today: today).windowPassed),
            reason: typed?["reason"] ?? "",
            showsHistory: AccessPolicy.decide(actor, .readHistory, .lesson(facts)).isAllowed,
            takesMarks: lesson.markRules.grading != .ungraded,
            workTypes: workTypes.map { Option(value: String($0.id), label: "\($0.name) (вес \($0.weight))", selected: String($0.id) == chosenType) },
            pupils: pupils,
            hasPupils: !pupils.isEmpty,
            error: culprit?.message ?? error?.message,
            saved: saved && error == nil,
            note: refusal.flatMap { $0 == .reasonRequired ? nil : $0.message }
        )
        return pages.page("lesson", page, status: error.map { $0.status } ?? .ok)
    }

    /// What a lesson's page reads in one snapshot.
    private struct LessonView: Sendable {
        let lesson: LessonFacts
        let listing: CourseListing
        let grid: JournalGrid
        let workTypes: [JournalQueries.WorkTypeChoice]
        let staffing: Substitutions.Staffing
        /// nil when the actor may not record a substitution now.
        let teachers: [Substitutions.Teacher]?
        let homework: [HomeworkRecord]
    }

    /// How a refused line names its pupil in the writer's message; the page puts his name there.
    @Sendable static func label(_ student: Int) -> String { "Ученик \(student)" }

    /// The pupil a refusal's message names first, so that his field is marked, and the message with his name.
    static func culprit(_ message: String, pupils: [JournalGrid.Pupil]) -> (id: Int, message: String)? {
        for pupil in pupils where message.hasPrefix(label(pupil.id) + ":") {
            return (pupil.id, pupil.fullName + message.dropFirst(label(pupil.id).count))
        }
        return nil
    }

    /// Saves the whole lesson — attendance and new marks of every pupil, the topic, the homework and its due date — in one
    /// transaction, through the same checks and store code as `PUT /api/v1/lessons/{id}/entries`. A refused value
    /// shows the form again with its message and what was typed; nothing is written.
    func saveLesson(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let lessonID = try context.parameters.require("lessonId", as: Int.self)
        let fields = try await request.form([String: String].self, context: context)
        let path = request.uri.path
        do {
            let lines = try Self.lines(fields)
            let reason = fields["reason"].trimmed
            let topic = fields["topic"].trimmed
            let homework = fields["homework"].trimmed
            let dueOn = try HomeworkKeeper.dueDate(fields["homeworkDueOn"])
            let version = fields["version"].flatMap { Int($0) }
            let teacher = try Self.number(Self.changed(fields, "teacher"), "Выберите учителя из списка.")
            let control = try Self.changed(fields, "controlWorkType").map { try Self.number($0, "Выберите вид работы из списка.") }
            _ = try await writer.withLesson(lessonID, student: nil, reason: reason, teacher: teacher, context: context, path: path) {
                lesson,
                author,
                rights,
                now,
                sql in
                let entries = try await JournalWriter.entries(
                    lines,
                    lesson: lesson,
                    rights: rights,
                    reason: reason,
                    today: SchoolCalendar.today(now),
                    label: Self.label,
                    in: sql
                )
                _ = try await LessonWrites.saveEntries(lesson: lesson, entries: entries, by: author, reason: reason, at: now, in: sql)
                // The form shows every pupil's attendance: saving it takes attendance, even when all came.
                if JournalWriter.takesAttendance(lesson, rights: rights, reason: reason, today: SchoolCalendar.today(now)) {
                    try await LessonWrites.noteAttendanceTaken(lesson: lesson, by: author, at: now, in: sql)
                }
                _ = try await LessonWrites.setTopic(lesson: lesson, topic: topic, version: version, by: author, reason: reason, at: now, in: sql)
                try await HomeworkWrites.setForClass(
                    lesson: lesson,
                    text: .some(homework),
                    dueOn: .some(dueOn),
                    by: author,
                    reason: reason,
                    at: now,
                    in: sql
                )
                if let control { try await LessonWrites.setControlWorkType(lesson: lesson, workType: control, at: now, in: sql) }
                if let teacher { try await Substitutions.record(lesson: lesson, teacher: teacher, by: author, at: now, in: sql) }
                return true
            }
        } catch let error as AppError where error.status == .unprocessableContent || error.status == .conflict || error.status == .badRequest {
            return try await lessonPage(lessonID, context: context, path: path, typed: fields, error: error, saved: false)
        } catch let error as JournalWriteError {
            return try await lessonPage(
                lessonID,
                context: context,
                path: path,
                typed: fields,
                error: AppError(error),
                saved: false
            )
        }
        return .redirect(to: "/lessons/\(lessonID)?saved=1")
    }

    /// The lines a lesson's form sends: for each pupil `att_{id}` (and `was_{id}`, the code the page showed) and
    /// `mark_{id}` (new marks, separated by spaces). A pupil whose attendance is as it was and who got no mark sends no
    /// line, so the rules judge only what changes.
    static func lines(_ fields: [String: String]) throws -> [JournalWriter.Line] {
        let workType = fields["workType"].flatMap { Int($0) }
        var lines: [JournalWriter.Line] = []
        let students = Set(
            fields.keys.compactMap { key -> Int? in
                guard key.hasPrefix("att_") || key.hasPrefix("mark_") else { return nil }
                return key.split(separator: "_").last.flatMap { Int($0) }
            }
        )
        for student in students.sorted() {
            let attendance = fields["att_\(student)"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let was = fields["was_\(student)"] ?? ""
            let marks = (fields["mark_\(student)"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
            guard attendance != was || !marks.isEmpty else { continue }
            lines.append(
                JournalWriter.Line(
                    studentID: student,
                    attendance: attendance != was ? .some(attendance.isEmpty ? nil : attendance) : .none,
                    marks: marks.map { .init(value: $0, workType: workType, comment: nil) }
                )
            )
        }
        return lines
    }

    /// A select's value when the person changed it from the one the page showed (`{name}Was`), else nil: saving a
    /// page does not undo what someone else changed meanwhile (the deputy recording a substitution, say).
    static func changed(_ fields: [String: String], _ name: String) -> String? {
        guard let value = fields[name], value != fields[name + "Was"] else { return nil }
        return value
    }

    /// A choice of a select: nil when none was made, a number otherwise; anything else was not sent by this page.
    static func number(_ text: String?, _ message: String) throws -> Int? {
        guard let text = text.trimmed else { return nil }
        guard let number = Int(text) else { throw AppError.invalid("bad_choice", message) }
        return number
    }
}
