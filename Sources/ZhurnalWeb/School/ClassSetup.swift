import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The year's classes for the administrator's page and the API alike: `.manageStructure` to add one, `.read` on the
/// school to list them, ``ClassRules`` checked against the year as it stands in the adding transaction.
struct ClassSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func classes(context: AppRequestContext, path: String) async throws -> (calendar: YearCalendar, classes: [SchoolClass]) {
        let actor = try await access.require(.read, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            return (calendar, try await SchoolClasses.of(school: actor.schoolID, year: calendar.yearID, today: today, in: sql))
        }
    }

    func teachers(context: AppRequestContext) async throws -> [(id: Int, name: String)] {
        let actor = try context.requireActor()
        return try await database.read { try await SchoolClasses.teachers(school: actor.schoolID, in: $0) }
    }

    func add(parallel: Int?, letter: String, periodKind: String, homeroom: Int?, context: AppRequestContext, path: String) async throws -> Int {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        guard let kind = PeriodKind(rawValue: periodKind) else {
            throw AppError.invalid("bad_kind", "Вид периодов класса: quarter (четверти), half_year (полугодия), trimester (триместры) или custom.")
        }
        let today = SchoolCalendar.today(clock())
        return try await database.write { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            let existing = try await SchoolClasses.of(school: actor.schoolID, year: calendar.yearID, today: today, in: sql)
            do {
                let letter = try ClassRules.letter(letter)
                try ClassRules.check(parallel: parallel ?? 0, letter: letter, among: existing.map { ($0.parallel, $0.letter) })
                if let homeroom {
                    let roles = try await Correspondents.roles(school: actor.schoolID, people: [homeroom], in: sql)[homeroom] ?? []
                    try ClassRules.check(homeroom: roles, leads: existing.first { $0.homeroomID == homeroom }?.name)
                }
                return try await SchoolClasses.add(
                    school: actor.schoolID,
                    year: calendar.yearID,
                    parallel: parallel ?? 0,
                    letter: letter,
                    periodKind: kind,
                    homeroom: homeroom,
                    in: sql
                )
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
        }
    }

    /// Another homeroom teacher for a class of the year, or none (`teacher` nil).
    func setHomeroom(classID: Int, teacher: Int?, context: AppRequestContext, path: String) async throws {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        try await database.write { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            let classes = try await SchoolClasses.of(school: actor.schoolID, year: calendar.yearID, today: today, in: sql)
            guard let schoolClass = classes.first(where: { $0.id == classID }) else { throw AppError.notFound }
            if let teacher {
                let roles = try await Correspondents.roles(school: actor.schoolID, people: [teacher], in: sql)[teacher] ?? []
                do {
                    try ClassRules.check(homeroom: roles, leads: classes.first { $0.homeroomID == teacher && $0.id != classID }?.name)
                } catch let refusal as RuleRefusal {
                    throw AppError.invalid(refusal)
                }
            }
            try await SchoolClasses.setHomeroom(
                school: actor.schoolID,
                classID: classID,
                previous: schoolClass.homeroomID,
                teacher: teacher,
                in: sql
            )
        }
    }
}
