import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// The monthly check of the classes' lists (the order's homeroom duty) for the pages and the API alike. The homeroom
/// teacher answers for his class — the policy's `.read` on the class and his being its homeroom teacher —; the
/// administrator sees every class's answer and resolves requested changes under `.manageStructure`.
struct MonthlyCheckSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    /// «2026-10»: the check of the month, open from its first day.
    var month: String { String(SchoolCalendar.today(clock()).iso.prefix(7)) }

    /// «октябрь 2026».
    var monthTitle: String {
        let today = SchoolCalendar.today(clock())
        return "\(LocalDate.russianMonthNames[today.month - 1]) \(today.year)"
    }

    struct Mine: Sendable {
        let line: MonthlyChecks.ClassLine
        /// The class's list as the export writes it: name, birth date, class, arrival, guardians.
        let pupils: [[String]]
    }

    func overview(context: AppRequestContext, path: String) async throws -> [MonthlyChecks.ClassLine] {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        let month = month
        return try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            return try await MonthlyChecks.month(month, school: actor.schoolID, year: calendar.yearID, in: sql)
        }
    }

    /// The classes the actor leads, each with its list; empty for anyone who leads none.
    func mine(context: AppRequestContext) async throws -> [Mine] {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        let month = month
        return try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { return [] }
            let lines = try await MonthlyChecks.month(month, school: actor.schoolID, year: calendar.yearID, in: sql).filter {
                $0.homeroomID == actor.personID
            }
            guard !lines.isEmpty else { return [] }
            let list = try await PupilRoll.list(school: actor.schoolID, year: calendar.yearID, today: today, in: sql)
            return lines.map { line in Mine(line: line, pupils: list.filter { $0[4] == line.className }) }
        }
    }

    func submit(classID: Int, changes: String?, context: AppRequestContext, path: String) async throws {
        let actor = try context.requireActor()
        guard let facts = try await database.read({ try await AccessFacts.schoolClass(school: actor.schoolID, classID: classID, in: $0) }) else {
            try await access.missing("class", refusing: AppError.notFound, context: context, path: path)
        }
        try await access.require(.read, on: .schoolClass(facts), context: context, path: path)
        guard facts.homeroomTeacherID == actor.personID else {
            throw AppError(status: .forbidden, code: "not_homeroom", message: "Сверку списка класса проводит его классный руководитель.")
        }
        let changes = changes?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (changes ?? "").count <= 2000 else { throw AppError.invalid("bad_changes", "Описание изменений — не длиннее 2000 знаков.") }
        let now = Timestamp.string(clock())
        let month = month
        try await database.write { sql in
            try await MonthlyChecks.submit(
                school: actor.schoolID,
                classID: classID,
                month: month,
                changes: changes?.isEmpty == false ? changes : nil,
                by: actor.personID,
                at: now,
                in: sql
            )
        }
    }

    func resolve(checkID: Int, applied: Bool, context: AppRequestContext, path: String) async throws {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let now = Timestamp.string(clock())
        let resolved = try await database.write {
            try await MonthlyChecks.resolve(school: actor.schoolID, checkID: checkID, applied: applied, by: actor.personID, at: now, in: $0)
        }
        guard resolved else { throw AppError.invalid("not_open", "Такой открытой заявки на изменения нет.") }
    }
}
