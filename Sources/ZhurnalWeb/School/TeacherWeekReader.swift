import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A teacher's week for his page and the API alike: the policy's `.read` on his week (the administration for anyone,
/// a teacher for himself), then the entries of his courses as they stand on the date.
struct TeacherWeekReader: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct View: Sendable {
        let teacherID: Int
        let teacherName: String
        let on: LocalDate
        let week: TeacherWeek
        let bells: [SchoolRulebook.Bell]
        /// The school's teachers, to pick another; empty for one who may only read his own week.
        let teachers: [(id: Int, name: String)]
    }

    func view(teacherID asked: Int?, on date: LocalDate?, context: AppRequestContext, path: String) async throws -> View {
        let actor = try context.requireActor()
        let picks = AccessPolicy.decide(actor, .read, .school(id: actor.schoolID)).isAllowed
        let teachers = try await database.read { try await SchoolClasses.teachers(school: actor.schoolID, in: $0) }
        // The administration's page opens on the first teacher unless its reader teaches himself.
        let teacherID = asked ?? (picks && !teachers.contains { $0.id == actor.personID } ? teachers.first?.id : nil) ?? actor.personID
        _ = try await access.require(.read, on: .teacherWeek(schoolID: actor.schoolID, teacherID: teacherID), context: context, path: path)
        guard let teacher = teachers.first(where: { $0.id == teacherID }) else { throw AppError.notFound }
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            let on = date ?? min(max(today, calendar.span.start), calendar.span.end)
            return View(
                teacherID: teacherID,
                teacherName: teacher.name,
                on: on,
                week: try await Timetables.teacherWeek(school: actor.schoolID, year: calendar.yearID, teacherID: teacherID, on: on, in: sql),
                bells: try await SchoolRulebook.book(school: actor.schoolID, in: sql).bells,
                teachers: picks ? teachers : []
            )
        }
    }
}
