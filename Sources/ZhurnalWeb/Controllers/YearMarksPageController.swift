import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The final-marks page of a course (`/courses/{id}/year`, «Итоговые отметки»): per pupil the marks of every period
/// of the year, the year mark, the exam mark and the final mark, each beside what is proposed, entered through one
/// plain form that saves the whole table in one transaction — or refuses it, naming every refused field.
struct YearMarksPageController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/courses/:courseId/year") { request, context in try await show(request, context) }
        router.post("/courses/:courseId/year") { request, context in try await save(request, context) }
    }

    struct YearPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let courseID: Int
        let subject: String
        let group: String
        let teachers: String
        let yearTitle: String
        let profile: String?
        let links: [JournalPageController.GridPage.PeriodLink]
        let columns: [Column]
        let showsExam: Bool
        let notes: [String]
        /// Whether any field may be changed by this person now: then the table is a form.
        let editable: Bool
        let asksReason: Bool
        let reason: String
        let reasonInvalid: Bool
        let rows: [Row]
        let leftRows: [Row]
        let hasLeft: Bool
        let hasPupils: Bool
        /// Columns of a full row: the pupil, the periods, year, exam (when shown) and final.
        let span: Int
        let saved: Bool
        /// Why the form was refused. Not `error`: a field without an error would find the page's in Mustache's
        /// context stack.
        let failure: String?
        let problems: [Problem]

        struct Column: Sendable {
            let title: String
            let dates: String
        }

        struct Row: Sendable {
            let studentID: Int
            let name: String
            let leftNote: String?
            let periods: [Field]
            let year: Field
            let exam: Field
            let final: Field
        }

        struct Field: Sendable {
            /// The form's name: `p{periodId}_{studentId}`, `year_{studentId}`, `exam_…`, `final_…`.
            let name: String
            let value: String
            let was: String
            let version: Int
            let editable: Bool
            let member: Bool
            let label: String
            let proposal: String?
            let warning: String?
            let error: String?
        }

        /// A refused field, listed above the table with a link to it.
        struct Problem: Sendable {
            let href: String
            let text: String
        }
    }

    func show(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let saved = request.uri.queryParameters["saved"] != nil
        return try await render(courseID, context: context, path: request.uri.path, typed: nil, saved: saved)
    }

    /// What a refused form brings back: the fields as typed, the refusal of each refused one, and a refusal of the
    /// whole form.
    struct Typed {
        let form: [String: String]
        let errors: [String: AppError]
        let general: AppError?
    }

    func render(_ courseID: Int, context: AppRequestContext, path: String, typed: Typed?, saved: Bool) async throws -> Response {
        let actor = try context.requireActor()
        let (course, facts, year) = try await CourseYearReader(database: database, access: access).load(
            course: courseID,
            context: context,
            path: path
        )
        let rights = JournalWriter.rights(actor, on: facts)
        let mayWrite = rights.keepsJournal || rights.corrects
        let sheet = year.sheet

        func field(_ pupil: CourseYear.Pupil, _ slot: TermMarkSlot, column: String, proposal: String?, warning: String?) -> YearPage.Field {
            let name = Self.name(slot, student: pupil.id)
            let stored = pupil.mark(slot)
            let error = typed?.errors[name]
            // A field refused for a stale version shows what is stored now; the others show what was typed.
            let keepsTyped = typed != nil && error?.status != .conflict
            return YearPage.Field(
                name: name,
                value: keepsTyped ? typed?.form[name] ?? stored?.value ?? "" : stored?.value ?? "",
                was: keepsTyped ? typed?.form["was_" + name] ?? stored?.value ?? "" : stored?.value ?? "",
                version: keepsTyped ? typed?.form["v_" + name].flatMap { Int($0) } ?? stored?.version ?? 0 : stored?.version ?? 0,
                editable: mayWrite && year.lock(slot) == nil && pupil.belongs(slot),
                member: pupil.belongs(slot),
                label: "\(pupil.fullName), \(column)",
                proposal: proposal,
                warning: warning,
                error: error?.message
            )
        }

        var rows: [YearPage.Row] = []
        var leftRows: [YearPage.Row] = []
        var problems: [YearPage.Problem] = []
        for pupil in year.pupils {
            let periods = pupil.periods.map { cell in
                field(
                    pupil,
                    .period(cell.period.id),
                    column: cell.period.title,
                    proposal: cell.warning == nil && cell.held ? cell.standing.map { Self.shortText($0.proposal) } : nil,
                    warning: cell.warning?.russianText
                )
            }
            let row = YearPage.Row(
                studentID: pupil.id,
                name: pupil.fullName,
                leftNote: pupil.leftOn.map { "выбыл(а) \($0.russian)" },
                periods: periods,
                year: field(pupil, .year, column: TermMarkKind.year.russianTitle, proposal: pupil.yearProposal.russianText, warning: nil),
                exam: field(pupil, .exam, column: TermMarkKind.exam.russianTitle, proposal: nil, warning: nil),
                final: field(
                    pupil,
                    .final,
                    column: TermMarkKind.final.russianTitle,
                    proposal: FinalMark.russianText(proposal: pupil.finalProposal),
                    warning: nil
                )
            )
            for refused in row.periods + [row.year, row.exam, row.final] {
                if let error = refused.error { problems.append(.init(href: "#" + refused.name, text: "\(refused.label): \(error)")) }
            }
            if pupil.leftOn == nil { rows.append(row) } else { leftRows.append(row) }
        }

        // A refused field the table has no place for (a forged pupil or period) is named all the same.
        let shown = Set((rows + leftRows).flatMap { row in (row.periods + [row.year, row.exam, row.final]).map(\.name) })
        for (name, error) in (typed?.errors ?? [:]).sorted(by: { $0.key < $1.key }) where !shown.contains(name) {
            problems.append(.init(href: "#year-error", text: "Поле «\(name)»: \(error.message)"))
        }

        var notes: [String] = []
        if sheet.yearArchived {
            notes.append(TermMarkLock.yearArchived.message)
        } else {
            for period in sheet.periods where period.closed { notes.append("Период «\(period.title)» закрыт: его отметки изменить нельзя.") }
            if sheet.lastPeriodClosed { notes.append(TermMarkLock.lastPeriodClosed.message) }
        }
        if !mayWrite { notes.append("Вы можете только просматривать эти отметки.") }
        let editable = mayWrite && (rows + leftRows).contains { row in (row.periods + [row.year, row.exam, row.final]).contains(where: \.editable) }
        let general = typed?.general
        let page = YearPage(
            title: "\(course.subject), \(course.group) — итоговые отметки",
            chrome: Chrome(context),
            csrf: context.session?.csrfToken ?? "",
            courseID: course.id,
            subject: course.subject,
            group: course.group,
            teachers: course.teachers.map(\.fullName).joined(separator: ", "),
            yearTitle: sheet.yearTitle,
            profile: sheet.periods.first?.termRules.profile.russianTitle,
            links: sheet.periods.map { period in
                .init(href: "/courses/\(course.id)/journal?periodId=\(period.id)", label: period.title, current: false)
            } + [.init(href: "/courses/\(course.id)/year", label: "Итоговые", current: true)],
            columns: sheet.periods.map { .init(title: $0.title, dates: "\($0.span.start.russian) – \($0.span.end.russian)") },
            showsExam: year.showsExam,
            notes: notes,
            editable: editable,
            asksReason: editable && !rights.keepsJournal,
            reason: typed?.form["reason"] ?? "",
            reasonInvalid: general?.code == JournalEditRefusal.reasonRequired.code,
            rows: rows,
            leftRows: leftRows,
            hasLeft: !leftRows.isEmpty,
            hasPupils: !year.pupils.isEmpty,
            span: sheet.periods.count + (year.showsExam ? 4 : 3),
            saved: saved && typed == nil,
            failure: general?.message
                ?? (problems.isEmpty ? nil : "Отметки не сохранены: исправьте отмеченные поля (\(problems.count)) и сохраните ещё раз."),
            problems: problems
        )
        let status = general?.status ?? (typed?.errors.values.contains { $0.status == .conflict } == true ? .conflict : nil)
        return pages.page("year-marks", page, status: status ?? (problems.isEmpty ? .ok : .unprocessableContent))
    }

    /// The proposal beside a period mark, short enough for a narrow column.
    static func shortText(_ proposal: TermMarkProposal) -> String {
        switch proposal {
        case .mark(let mark, let average): "Прогноз \(mark) (\(average.decimalString()))"
        case .insufficientMarks(let count, let required): "Мало отметок: \(count) из \(required)"
        case .notAttested: "Прогноз н/а"
        }
    }

    /// Saves the whole table in one transaction. Only the fields that differ from what the page showed are sent to
    /// the writer, so a locked or unchanged field is never judged; a refused field shows the form again with every
    /// refusal beside its field and nothing written.
    func save(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let courseID = try context.parameters.require("courseId", as: Int.self)
        let form = try await request.form([String: String].self, context: context)
        let path = request.uri.path
        let fields = try Self.fields(form)
        do {
            _ = try await TermMarkWriter(database: database, access: access, clock: clock).save(
                course: courseID,
                fields: fields,
                reason: form["reason"].trimmed,
                context: context,
                path: path
            )
        } catch let refusals as TermMarkWriter.Refusals {
            let errors = Dictionary(refusals.fields.map { (Self.name($0.field.slot, student: $0.field.studentID), $0.error) }) { first, _ in first }
            return try await render(courseID, context: context, path: path, typed: Typed(form: form, errors: errors, general: nil), saved: false)
        } catch let error as AppError where [.unprocessableContent, .conflict].contains(error.status) {
            return try await render(courseID, context: context, path: path, typed: Typed(form: form, errors: [:], general: error), saved: false)
        }
        return .redirect(to: "/courses/\(courseID)/year?saved=1")
    }

    /// The form's name of a pupil's field in a slot.
    static func name(_ slot: TermMarkSlot, student: Int) -> String {
        (slot.periodID.map { "p\($0)" } ?? slot.kind.rawValue) + "_\(student)"
    }

    /// The fields whose value differs from the one the page showed (`was_{name}`), with the version it showed
    /// (`v_{name}`). A name the page never sends is a forged or broken form.
    static func fields(_ form: [String: String]) throws -> [TermMarkWriter.Field] {
        var fields: [TermMarkWriter.Field] = []
        for (name, typed) in form.sorted(by: { $0.key < $1.key }) {
            guard name != "_csrf", name != "reason", !name.hasPrefix("was_"), !name.hasPrefix("v_") else { continue }
            guard let (slot, student) = slot(of: name) else {
                throw AppError.badRequest("bad_form", "Форма испорчена: поля «\(name)» на странице нет. Обновите страницу.")
            }
            let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
            guard text != (form["was_" + name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) else { continue }
            fields.append(.init(studentID: student, slot: slot, text: text, version: form["v_" + name].flatMap { Int($0) }))
        }
        return fields
    }

    /// `p7_12` → (period 7, pupil 12); `year_12`, `exam_12`, `final_12`.
    static func slot(of name: String) -> (TermMarkSlot, Int)? {
        let parts = name.split(separator: "_")
        guard parts.count == 2, let student = Int(parts[1]) else { return nil }
        switch parts[0] {
        case "year": return (.year, student)
        case "exam": return (.exam, student)
        case "final": return (.final, student)
        case let prefix where prefix.hasPrefix("p"):
            return Int(prefix.dropFirst()).map { (.period($0), student) }
        default: return nil
        }
    }
}
