import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The one path of every term-mark write — a period mark through `PUT /api/v1/courses/{id}/term-marks/{studentId}`,
/// a year, exam or final mark through `PUT …/year-marks/{studentId}`, the whole final-marks page at once: the course
/// within the actor's school, the policy's rights (keep this journal, or correct with a reason), then in one
/// transaction the locks, enrolment, values and versions of every field, and the write with its history. One refused
/// field refuses the lot, and every refused field is named.
struct TermMarkWriter: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    /// One field as typed: `text` nil (or blank) removes the mark; `version` is the one the writer saw.
    struct Field: Sendable, Hashable {
        let studentID: Int
        let slot: TermMarkSlot
        let text: String?
        let version: Int?
    }

    /// Every refused field with its refusal, in the order given.
    struct Refusals: Error, Sendable {
        let fields: [(field: Field, error: AppError)]
    }

    /// A slot after the write, with the accumulation flag of a period mark.
    struct Written: Sendable {
        let saved: TermMarkWrites.Saved
        let warning: AccumulationWarning?
    }

    func save(course courseID: Int, fields: [Field], reason: String?, context: AppRequestContext, path: String) async throws -> [Written] {
        let actor = try context.requireActor()
        let facts = try await access.course(courseID, context: context, path: path)
        let rights = JournalWriter.rights(actor, on: facts)
        if !rights.keepsJournal && !rights.corrects {
            try await access.require(.keepJournal, on: .course(facts), context: context, path: path)
        }
        // Term marks have no edit window: the teacher enters them while the period is open, and anyone else
        // corrects them with a reason.
        if !rights.keepsJournal, (reason ?? "").allSatisfy(\.isWhitespace) {
            throw AppError(JournalEditRefusal.reasonRequired)
        }
        let role: Role = rights.keepsJournal ? .teacher : (actor.holds(.deputy) ? .deputy : .admin)
        let author = JournalAuthor(accountID: actor.accountID, personID: actor.personID, role: role, clientAddress: context.clientAddress)
        let now = clock()
        return try await database.write { sql in
            guard let year = try await CourseYear.load(school: actor.schoolID, course: courseID, in: sql) else { throw AppError.notFound }
            var changes: [TermMarkWrites.Change] = []
            var refused: [(field: Field, error: AppError)] = []
            for field in fields {
                do {
                    changes.append(try Self.change(field, in: year))
                } catch let error as AppError {
                    refused.append((field, error))
                }
            }
            if !refused.isEmpty { throw Refusals(fields: refused) }
            let saved = try await TermMarkWrites.save(
                school: actor.schoolID,
                course: courseID,
                changes: changes,
                by: author,
                reason: reason,
                at: now,
                in: sql
            )
            return saved.map { saved in
                let cell = year.pupil(saved.studentID)?.periods.first { $0.period.id == saved.slot.periodID }
                let proposal = cell?.standing?.proposal
                let value = saved.value.flatMap { MarkValue(canonical: $0) }
                return Written(saved: saved, warning: proposal.flatMap { AccumulationWarning.of(entered: value, proposal: $0) })
            }
        }
    }

    /// A field checked against the year as it stands in the transaction: its period, its lock, the pupil's
    /// enrolment, its value and the version the writer saw.
    static func change(_ field: Field, in year: CourseYear) throws -> TermMarkWrites.Change {
        if let period = field.slot.periodID, !year.sheet.periods.contains(where: { $0.id == period }) {
            throw AppError(status: .notFound, code: "no_period", message: "У этого курса нет такого учебного периода.")
        }
        if let lock = year.lock(field.slot) { throw AppError.invalid(lock.code, lock.message) }
        guard let pupil = year.pupil(field.studentID), pupil.belongs(field.slot) else {
            throw field.slot.kind == .period ? AppError.pupilNotEnrolledInPeriod : .pupilNotEnrolledInYear
        }
        var value: MarkValue?
        if let text = field.text.trimmed {
            do {
                value = try MarkValue.parse(text, rules: year.sheet.markRules, context: .term)
            } catch {
                throw AppError.invalid("invalid_mark", error.russianMessage)
            }
        }
        let stored = pupil.mark(field.slot)
        if (field.version ?? 0) != (stored?.version ?? 0) { throw AppError(JournalWriteError.staleVersion(current: stored?.version ?? 0)) }
        return TermMarkWrites.Change(studentID: field.studentID, slot: field.slot, value: value, version: field.version)
    }
}

extension AppError {
    /// A pupil who did not belong to the course on any day of the period.
    static let pupilNotEnrolledInPeriod = AppError.invalid(
        JournalEditRefusal.pupilNotEnrolled.code,
        "Ученик не учился на этом курсе в этом периоде."
    )

    /// A pupil who did not belong to the course on any day of its year.
    static let pupilNotEnrolledInYear = AppError.invalid(
        JournalEditRefusal.pupilNotEnrolled.code,
        "Этот ученик не учился на этом курсе в этом учебном году."
    )
}

extension TermMarkWriter {
    /// The mark of the route's `{studentId}` in the route's `{courseId}` and `slot`, as the API writes one: the
    /// field's refusal is the answer.
    func saveOne(
        _ slot: TermMarkSlot,
        text: String?,
        version: Int?,
        reason: String?,
        request: Request,
        context: AppRequestContext
    ) async throws -> Written {
        let course = try context.parameters.require("courseId", as: Int.self)
        let field = Field(studentID: try context.parameters.require("studentId", as: Int.self), slot: slot, text: text, version: version)
        do {
            let written = try await save(course: course, fields: [field], reason: reason, context: context, path: request.uri.path)
            guard let one = written.first else { throw AppError.notFound }
            return one
        } catch let refusals as Refusals {
            throw refusals.fields.first?.error ?? AppError.notFound
        }
    }
}
