import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// A pupil's arrival, departure and transfer for the administrator's page and the API alike: `.manageStructure`,
/// then ``PupilMovement`` against his enrolments and journal as they stand in the writing transaction.
struct PupilMovementSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct View: Sendable {
        let calendar: YearCalendar
        let pupil: PupilMovements.Pupil
        let classes: [SchoolClass]
    }

    func view(person: Int, context: AppRequestContext, path: String) async throws -> View {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            guard let pupil = try await PupilMovements.pupil(school: actor.schoolID, person: person, year: calendar.yearID, in: sql) else {
                throw AppError.notFound
            }
            return View(
                calendar: calendar,
                pupil: pupil,
                classes: try await SchoolClasses.of(school: actor.schoolID, year: calendar.yearID, today: today, in: sql)
            )
        }
    }

    func move(person: Int, kind: String, classID: Int?, date: String, reason: String?, context: AppRequestContext, path: String) async throws {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        guard let kind = PupilMovement.Kind(rawValue: kind) else {
            throw AppError.invalid("bad_kind", "Вид движения: arrival (прибытие), departure (выбытие) или transfer (перевод).")
        }
        guard let day = LocalDate(iso: date.trimmingCharacters(in: .whitespaces)) else {
            throw AppError.invalid("bad_date", "Дата — в виде ГГГГ-ММ-ДД.")
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (reason ?? "").count <= 200 else { throw AppError.invalid("bad_reason", "Основание — не длиннее 200 знаков.") }
        let today = SchoolCalendar.today(clock())
        try await database.write { sql in
            try await SetUpLock.hold(school: actor.schoolID, in: sql)
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            guard let pupil = try await PupilMovements.pupil(school: actor.schoolID, person: person, year: calendar.yearID, in: sql) else {
                throw AppError.notFound
            }
            // Only a pupil is enrolled: a member of staff or a parent chosen by mistake is refused.
            let roles = try await Correspondents.roles(school: actor.schoolID, people: [person], in: sql)[person] ?? []
            if !roles.subtracting([.student]).isEmpty {
                throw AppError.invalid("not_a_pupil", "Это не ученик: в классы зачисляют только учеников.")
            }
            if let classID,
                !(try await SchoolClasses.of(school: actor.schoolID, year: calendar.yearID, today: today, in: sql)).contains(where: {
                    $0.id == classID
                })
            {
                throw AppError.invalid("unknown_class", "Такого класса в этом учебном году нет.")
            }
            let leaving = pupil.enrolments.first { $0.startsOn <= day && ($0.endsOn.map { day <= $0 } ?? true) }
            var lastEntry: LocalDate?
            if let leaving {
                lastEntry = try await PupilMovements.lastEntry(school: actor.schoolID, student: person, classID: leaving.classID, in: sql)
            }
            do {
                let change = try PupilMovement.change(
                    kind,
                    on: day,
                    to: classID,
                    enrolments: pupil.enrolments,
                    year: calendar.span,
                    lastEntry: lastEntry
                )
                try await PupilMovements.apply(
                    change,
                    school: actor.schoolID,
                    student: person,
                    reason: reason?.isEmpty == false ? reason : nil,
                    in: sql
                )
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
        }
    }

    /// The pupil's guardians; the page and the API show them beside his classes.
    func guardians(person: Int, context: AppRequestContext, path: String) async throws -> [Guardianships.Guardian] {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        return try await database.read { try await Guardianships.of(school: actor.schoolID, pupil: person, in: $0) }
    }

    /// Links a guardian named «Фамилия Имя Отчество», the same person as an import would find, or a new one.
    func link(person: Int, fullName: String, relation: String, context: AppRequestContext, path: String) async throws -> Int {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let relation = relation.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard relation.count <= 40 else { throw AppError.invalid("bad_relation", "«Кем приходится»: не длиннее 40 знаков, например «мать».") }
        let name: PersonalName
        do {
            name = try PersonalName.parse(full: fullName, field: "Представитель")
        } catch {
            throw AppError.invalid(error)
        }
        let now = Timestamp.string(clock())
        return try await database.write { sql in
            try await SetUpLock.hold(school: actor.schoolID, in: sql)
            let pupil = try await Self.pupil(person, school: actor.schoolID, in: sql)
            return try await Guardianships.link(
                school: actor.schoolID,
                pupil: person,
                pupilLastName: pupil.lastName,
                name: name,
                relation: relation.isEmpty ? "законный представитель" : relation,
                now: now,
                in: sql
            )
        }
    }

    func unlink(person: Int, guardian: Int, context: AppRequestContext, path: String) async throws {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let removed = try await database.write { sql in
            _ = try await Self.pupil(person, school: actor.schoolID, in: sql)
            return try await Guardianships.unlink(school: actor.schoolID, pupil: person, guardian: guardian, in: sql)
        }
        guard removed else { throw AppError.notFound }
    }

    /// A person of the school who is no member of staff and no parent: a pupil.
    private static func pupil(_ person: Int, school: Int, in sql: any SQLDatabase) async throws -> PersonalName {
        guard
            let row = try await sql.raw(
                "SELECT last_name, first_name, patronymic FROM people WHERE school_id = \(bind: school) AND id = \(bind: person)"
            ).first()
        else { throw AppError.notFound }
        let roles = try await Correspondents.roles(school: school, people: [person], in: sql)[person] ?? []
        guard roles.subtracting([.student]).isEmpty else {
            throw AppError.invalid("not_a_pupil", "Это не ученик: представителей привязывают к ученикам.")
        }
        return PersonalName(
            lastName: try row.decode(column: "last_name", as: String.self),
            firstName: try row.decode(column: "first_name", as: String.self),
            patronymic: try row.decode(column: "patronymic", as: String?.self)
        )
    }
}
