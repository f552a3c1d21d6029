import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The year's curriculum for the administrator's page and the API alike: read by the administration, replaced from a
/// CSV or XLSX table (a row per subject, a column per parallel) by the administrator, all or nothing.
struct CurriculumSetup: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct View: Sendable {
        let calendar: YearCalendar
        let subjects: [SchoolRulebook.Subject]
        let hours: [CurriculumPlan.Hours]

        /// The table as schools keep it: the school's subjects in their order, hours by parallel, empty for none.
        var table: SheetTable {
            let byCell = Dictionary(hours.map { ([$0.subjectID, $0.parallel], $0.hours) }, uniquingKeysWith: { first, _ in first })
            return SheetTable(
                header: CurriculumPlan.headings,
                rows: subjects.enumerated().map { index, subject in
                    ImportRow(
                        line: index + 2,
                        cells: [subject.name] + CurriculumPlan.parallels.map { byCell[[subject.id, $0]].map(String.init) ?? "" }
                    )
                }
            )
        }
    }

    func view(context: AppRequestContext, path: String) async throws -> View {
        let actor = try await access.require(.read, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            return View(
                calendar: calendar,
                subjects: try await SchoolRulebook.book(school: actor.schoolID, in: sql).subjects,
                hours: try await SchoolCurriculum.hours(school: actor.schoolID, year: calendar.yearID, in: sql)
            )
        }
    }

    func replace(file: Data, write: Bool, context: AppRequestContext, path: String) async throws -> [ImportRefusal] {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let table: SheetTable
        do {
            table = try SheetFormat.of(file).read(file)
        } catch {
            throw AppError.invalid(error.code, error.russianMessage)
        }
        let today = SchoolCalendar.today(clock())
        return try await database.write { sql in
            guard let calendar = try await YearCalendars.current(school: actor.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
            let subjects = try await SchoolRulebook.book(school: actor.schoolID, in: sql).subjects
            let read: (hours: [CurriculumPlan.Hours], refusals: [ImportRefusal])
            do {
                read = try CurriculumPlan.read(
                    header: table.header,
                    rows: table.rows,
                    subjects: Dictionary(subjects.map { ($0.name.lowercased(), $0.id) }, uniquingKeysWith: { first, _ in first })
                )
            } catch let refusal as RuleRefusal {
                throw AppError.invalid(refusal)
            }
            if write, read.refusals.isEmpty {
                try await SchoolCurriculum.replace(school: actor.schoolID, year: calendar.yearID, hours: read.hours, in: sql)
            }
            return read.refusals
        }
    }
}
