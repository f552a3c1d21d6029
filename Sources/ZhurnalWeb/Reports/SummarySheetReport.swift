import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// A class's summary sheet (issue 7, item 6) for the page, the file and the API: a class the reader may see with
/// names (a homeroom teacher's own, or any for the administration; never an observer's aggregates).
struct SummarySheetReport: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct View: Sendable {
        let sheet: ClassSummary
        /// The classes to choose from; empty for a reader of one class.
        let classes: [SchoolClass]
    }

    func view(_ request: Request, context: AppRequestContext) async throws -> View {
        let scope = try await ReportScope.of(request, context: context, access: access, clock: clock)
        guard scope.namesPupils else { try await access.refuse(.read, context: context, path: request.uri.path) }
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            var classes: [SchoolClass] = []
            var classID = scope.classID
            // The administration keeps its choice of class after choosing one; the first grade has no marks to show.
            if AccessPolicy.decide(try context.requireActor(), .read, .school(id: scope.schoolID)).isAllowed {
                guard let year = try await YearCalendars.current(school: scope.schoolID, today: today, in: sql) else { throw CalendarSetup.noYear }
                classes = try await SchoolClasses.of(school: scope.schoolID, year: year.yearID, today: today, in: sql)
                classID = classID ?? (classes.first { $0.parallel > 1 } ?? classes.first)?.id
            }
            guard let classID, let sheet = try await ClassSummary.load(school: scope.schoolID, classID: classID, today: today, in: sql) else {
                throw AppError.invalid("no_class", "В школе пока нет классов.")
            }
            return View(sheet: sheet, classes: classes)
        }
    }

    /// Every slot of the sheet, in the order a paper sheet has them: the periods, the year, the exam, the final mark.
    static func slots(_ sheet: ClassSummary) -> [(slot: TermMarkSlot, title: String)] {
        sheet.periods.map { (TermMarkSlot.period($0.id), $0.title) } + [(.year, "Год"), (.exam, "Экзамен"), (.final, "Итог")]
    }

    /// The whole sheet as a file: a pupil a row, a column per subject and slot that has any mark.
    static func table(_ sheet: ClassSummary) -> SheetTable {
        let columns = sheet.subjects.flatMap { subject in
            slots(sheet).filter { sheet.hasMarks(subject.id, $0.slot) }.map {
                (subject: subject, slot: $0.slot, title: "\(subject.name): \($0.title)")
            }
        }
        return SheetTable(
            header: ["Ученик"] + columns.map(\.title),
            rows: sheet.pupils.enumerated().map { index, pupil in
                ImportRow(line: index + 2, cells: [pupil.name] + columns.map { sheet.mark(pupil.id, $0.subject.id, $0.slot) ?? "" })
            }
        )
    }
}
