import Foundation
import Hummingbird
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
}
