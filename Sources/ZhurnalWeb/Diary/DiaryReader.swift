import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// Reads a pupil's diary week for the page and the API alike: his facts for the policy and his week in one snapshot,
/// two statements. A pupil the actor may not see is answered as one that does not exist (and logged); his own family
/// without a recorded consent is told why the diary is closed.
struct DiaryReader: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    static let closed = AppError(
        status: .forbidden,
        code: "diary_closed",
        message:
            "Дневник закрыт: в школе не записано согласие законного представителя ученика на обработку его данных в электронном дневнике. "
            + "Оформить согласие можно у классного руководителя или в канцелярии школы."
    )

    /// The week named by `?week=YYYY-MM-DD` (any of its days), or this week.
    static func week(_ request: Request, today: LocalDate) throws -> SchoolWeek {
        guard let text = request.uri.queryParameters["week"].map(String.init), !text.isEmpty else { return SchoolWeek(containing: today) }
        guard let week = SchoolWeek(iso: text) else {
            throw AppError.badRequest("bad_week", "Неделя задаётся датой любого её дня в виде ГГГГ-ММ-ДД, например 2026-10-05.")
        }
        return week
    }

    /// The pupil's week, with his facts: the page asks the policy more of them (may this parent acknowledge it?).
    func load(student: Int, week: SchoolWeek, context: AppRequestContext, path: String) async throws -> (facts: StudentFacts, week: StudentWeek) {
        // The switcher lists a parent's children; a pupil, or staff, has none to switch between.
        let actor = try context.requireActor()
        let parent = actor.holds(.parent) ? actor.personID : nil
        let loaded = try await read(student: student, context: context, path: path) { school, _, sql in
            // The switcher lists his children in his own school and those of other schools linked to his account.
            try await DiaryQueries.week(
                school: school,
                student: student,
                week: week,
                family: parent,
                familySchool: actor.schoolID,
                linkedAccount: parent.map { _ in AccountRef(schoolID: actor.schoolID, accountID: actor.accountID) },
                in: sql
            )
        }
        guard loaded.value.isInSchoolYear else {
            throw AppError.invalid(
                "week_outside_year",
                "Неделя \(week.title) вне учебного года: в дневнике есть только недели учебных лет школы."
            )
        }
        return (loaded.facts, loaded.value)
    }

    /// The pupil's marks of the period a request names: `/…/students/{studentId}/marks?periodId=…`.
    func marks(_ request: Request, context: AppRequestContext) async throws -> (student: Int, marks: StudentMarks) {
        let student = try context.parameters.require("studentId", as: Int.self)
        let period = try CourseJournalReader.periodID(request)
        return (student, try await marks(student: student, period: period, context: context, path: request.uri.path))
    }

    /// The pupil's marks of a period (`period` nil: the current one of his class).
    func marks(student: Int, period: Int?, context: AppRequestContext, path: String) async throws -> StudentMarks {
        let loaded = try await read(student: student, context: context, path: path) { school, today, sql in
            try await DiaryQueries.marks(school: school, student: student, period: period, today: today, in: sql)
        }
        guard let loaded = loaded.value else {
            if period != nil { throw AppError.invalid("unknown_period", "У класса ученика нет такого учебного периода.") }
            throw AppError.invalid("no_periods", "У класса ученика ещё нет учебных периодов: их задаёт администратор школы.")
        }
        return loaded
    }

    /// In one snapshot: the pupil's facts, the policy's `.readDiary`, then `body` (school, today, the snapshot) only
    /// when it allows.
    private func read<Value: Sendable>(
        student: Int,
        context: AppRequestContext,
        path: String,
        _ body: @escaping @Sendable (Int, LocalDate, any SQLDatabase) async throws -> Value
    ) async throws -> (facts: StudentFacts, value: Value) {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        let read = try await database.read { sql -> (StudentFacts, Value?)? in
            guard let facts = try await Self.facts(of: student, for: actor, today: today, in: sql) else { return nil }
            guard AccessPolicy.decide(actor, .readDiary, .student(facts)).isAllowed else { return (facts, nil) }
            return (facts, try await body(facts.schoolID, today, sql))
        }
        guard let (facts, loaded) = read else { try await access.missing("student", context: context, path: path) }
        guard let loaded else { try await refuse(facts, context: context, path: path) }
        return (facts, loaded)
    }

    /// The pupil's facts once the policy lets the actor read his diary: for what the diary links to, read apart.
    @discardableResult
    func require(student: Int, context: AppRequestContext, path: String) async throws -> StudentFacts {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        guard let facts = try await database.read({ try await Self.facts(of: student, for: actor, today: today, in: $0) })
        else { try await access.missing("student", context: context, path: path) }
        if !AccessPolicy.decide(actor, .readDiary, .student(facts)).isAllowed { try await refuse(facts, context: context, path: path) }
        return facts
    }

    /// The pupil in the actor's school; else, for a parent, his child in another school that the operator linked to
    /// his account (one more statement, only then).
    static func facts(of student: Int, for actor: Actor, today: LocalDate, in sql: any SQLDatabase) async throws -> StudentFacts? {
        if let own = try await AccessFacts.student(school: actor.schoolID, student: student, today: today, in: sql) { return own }
        guard actor.holds(.parent),
            let school = try await FamilyLinks.schoolOfLinkedChild(
                student,
                account: AccountRef(schoolID: actor.schoolID, accountID: actor.accountID),
                in: sql
            )
        else { return nil }
        return try await AccessFacts.student(school: school, student: student, today: today, in: sql)
    }

    /// His own family without the consent learns why; anyone else gets what a pupil who does not exist gets.
    private func refuse(_ facts: StudentFacts, context: AppRequestContext, path: String) async throws -> Never {
        let actor = try context.requireActor()
        let linked = facts.linkedFamilyAccounts.contains(AccountRef(schoolID: actor.schoolID, accountID: actor.accountID))
        if (facts.isFamily(actor) || linked) && !facts.familyConsent { throw Self.closed }
        try await access.requireHiding(.readDiary, on: .student(facts), context: context, path: path)
        throw AppError.notFound
    }

    /// The pupils whose diary the actor keeps as family: a parent's children, a pupil himself.
    func students(context: AppRequestContext) async throws -> [FamilyStudent] {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            try await FamilyStudents.of(
                school: actor.schoolID,
                parent: actor.holds(.parent) ? actor.personID : nil,
                pupil: actor.holds(.student) ? actor.personID : nil,
                account: AccountRef(schoolID: actor.schoolID, accountID: actor.accountID),
                today: today,
                in: sql
            )
        }
    }
}
