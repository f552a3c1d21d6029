import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The school's settings, subjects, work types and bells for the administrator's page and the API alike: reading
/// under `.read` on the school, changing under `.manageStructure`, each change checked by ``SchoolSettingsRules``
/// against the school as it stands in the same transaction.
struct RulebookSetup: Sendable {
    let database: Database
    let access: Access

    struct SettingsForm: Sendable {
        var profile: String
        var thresholds: String
        var editWindow: String
        var allowsMarkOne: Bool
        var doubleMarkCounting: String
        var twoForbidsFive: Bool
        var notAttestedRule: Bool
        var homeworkDeadlineMinutes: Int?
    }

    func book(context: AppRequestContext, path: String) async throws -> SchoolRulebook.Book {
        let actor = try await access.require(.read, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        return try await database.read { try await SchoolRulebook.book(school: actor.schoolID, in: $0) }
    }

    func save(_ form: SettingsForm, context: AppRequestContext, path: String) async throws {
        let school = try await manager(context, path)
        let settings: SchoolSettings
        do {
            guard let counting = DoubleMarkCounting(rawValue: form.doubleMarkCounting) else {
                throw RuleRefusal(
                    code: "bad_double_counting",
                    russianMessage: "Двойная отметка считается как среднее (mean) или как две отметки (two_marks)."
                )
            }
            settings = SchoolSettings(
                rounding: try SchoolSettingsRules.rounding(profile: form.profile, thresholds: form.thresholds),
                editWindowDays: try SchoolSettingsRules.editWindow(form.editWindow),
                allowsMarkOne: form.allowsMarkOne,
                doubleMarkCounting: counting,
                twoForbidsFive: form.twoForbidsFive,
                notAttestedRule: form.notAttestedRule,
                homeworkDeadlineMinutes: try SchoolSettingsRules.homeworkDeadline(form.homeworkDeadlineMinutes ?? -1)
            )
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
        try await database.write { try await SchoolRulebook.save(settings, school: school, in: $0) }
    }

    func addSubject(name: String, shortName: String, allowsDoubleMarks: Bool, context: AppRequestContext, path: String) async throws -> Int {
        let school = try await manager(context, path)
        return try await checked { sql in
            let existing = try await SchoolRulebook.book(school: school, in: sql).subjects.map(\.name)
            let (name, short) = try SchoolSettingsRules.subject(name: name, shortName: shortName, among: existing)
            return try await SchoolRulebook.addSubject(school: school, name: name, shortName: short, allowsDoubleMarks: allowsDoubleMarks, in: sql)
        }
    }

    /// A subject renamed, or its double marks allowed or forbidden.
    func changeSubject(id: Int, name: String, shortName: String, allowsDoubleMarks: Bool, context: AppRequestContext, path: String) async throws {
        let school = try await manager(context, path)
        try await checked { sql in
            let subjects = try await SchoolRulebook.book(school: school, in: sql).subjects
            guard subjects.contains(where: { $0.id == id }) else { throw AppError.notFound }
            let (name, short) = try SchoolSettingsRules.subject(
                name: name,
                shortName: shortName,
                among: subjects.filter { $0.id != id }.map(\.name)
            )
            try SchoolSettingsRules.doubleMarks(
                allowed: allowsDoubleMarks,
                given: allowsDoubleMarks ? 0 : try await SchoolRulebook.doubleMarks(school: school, subject: id, in: sql)
            )
            try await SchoolRulebook.changeSubject(
                school: school,
                subject: id,
                name: name,
                shortName: short,
                allowsDoubleMarks: allowsDoubleMarks,
                in: sql
            )
        }
    }

    func addWorkType(name: String, weight: Int?, isWritten: Bool, deadlineDays: Int?, context: AppRequestContext, path: String) async throws -> Int {
        let school = try await manager(context, path)
        return try await checked { sql in
            let existing = try await SchoolRulebook.book(school: school, in: sql).workTypes.map(\.name)
            let name = try SchoolSettingsRules.workType(name: name, weight: weight ?? 0, deadlineDays: deadlineDays ?? -1, among: existing)
            return try await SchoolRulebook.addWorkType(
                school: school,
                name: name,
                weight: weight ?? 0,
                isWritten: isWritten,
                deadlineDays: deadlineDays ?? 0,
                in: sql
            )
        }
    }

    func setBell(number: Int?, startsAt: String, endsAt: String, context: AppRequestContext, path: String) async throws {
        let school = try await manager(context, path)
        try await checked { sql in
            let number = number ?? -1
            let others = try await SchoolRulebook.book(school: school, in: sql).bells.filter { $0.number != number }
            let (start, end) = try SchoolSettingsRules.bell(
                number: number,
                startsAt: startsAt,
                endsAt: endsAt,
                others: others.map { ($0.number, $0.startsAt, $0.endsAt) }
            )
            try await SchoolRulebook.setBell(school: school, number: number, startsAt: start, endsAt: end, in: sql)
        }
    }

    private func manager(_ context: AppRequestContext, _ path: String) async throws -> Int {
        try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path).schoolID
    }

    /// A write whose rule refusals become the 422 the page and the API answer; nothing is written then.
    private func checked<T: Sendable>(_ body: @Sendable @escaping (any SQLDatabase) async throws -> T) async throws -> T {
        do {
            return try await database.write(body)
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
    }
}
