import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// One course's school year as the final-marks page (`/courses/{id}/year`) and `GET /api/v1/courses/{id}/year-marks`
/// show it: for each pupil his period marks beside their proposals (with the accumulation flag), the year mark beside
/// its proposal, the exam mark, and the final mark beside its proposal.
struct CourseYear: Sendable {
    struct PeriodCell: Sendable {
        let period: JournalPeriod
        /// Whether he belonged to the course on some day of the period; no mark is entered for him otherwise.
        let member: Bool
        /// His average and proposal over the period (nil when not a member).
        let standing: CourseJournal.Standing?
        /// Whether the course has held a lesson in the period yet: before, "too few marks" says nothing.
        let held: Bool
        let mark: TermMarkRecord?
        /// A grade entered below the accumulation minimum.
        let warning: AccumulationWarning?
    }

    struct Pupil: Sendable {
        let id: Int
        let fullName: String
        /// His last day on the course, when it is before the year's last period ends.
        let leftOn: LocalDate?
        let periods: [PeriodCell]
        let year: TermMarkRecord?
        let yearProposal: YearMarkProposal
        let exam: TermMarkRecord?
        let final: TermMarkRecord?
        /// From the year and exam marks entered; nil without a year mark.
        let finalProposal: MarkValue?

        func mark(_ slot: TermMarkSlot) -> TermMarkRecord? {
            switch slot.kind {
            case .period: periods.first { $0.period.id == slot.periodID }?.mark
            case .year: year
            case .exam: exam
            case .final: final
            }
        }

        /// Whether a mark may be entered for him in `slot`: he belonged to the course in that period, or in the year.
        func belongs(_ slot: TermMarkSlot) -> Bool {
            guard let period = slot.periodID else { return true }
            return periods.first { $0.period.id == period }?.member ?? false
        }
    }

    let sheet: YearSheet
    let pupils: [Pupil]
    let showsExam: Bool

    /// The lock on a slot, whoever asks.
    func lock(_ slot: TermMarkSlot) -> TermMarkLock? {
        let period = slot.periodID.flatMap { id in sheet.periods.first { $0.id == id } }
        return TermMarkLock.of(
            slot.kind,
            periodClosed: period?.closed ?? false,
            lastPeriodClosed: sheet.lastPeriodClosed,
            yearArchived: sheet.yearArchived
        )
    }

    func pupil(_ id: Int) -> Pupil? { pupils.first { $0.id == id } }

    /// The sheet and the year's grid, in five statements: the grid is read once for the year and cut by period.
    static func load(school: Int, course: Int, in sql: any SQLDatabase) async throws -> CourseYear? {
        guard let sheet = try await YearSheet.load(school: school, course: course, in: sql) else { return nil }
        let grid = try await JournalQueries.grid(school: school, course: course, span: sheet.span, in: sql)
        return build(sheet: sheet, grid: grid)
    }

    static func build(sheet: YearSheet, grid: JournalGrid) -> CourseYear {
        let periodGrids = sheet.periods.map { grid.restricted(to: $0.span) }
        let standings = zip(sheet.periods, periodGrids).map { period, grid in
            Dictionary(uniqueKeysWithValues: CourseJournal.standings(grid, period: period).map { ($0.studentID, $0) })
        }
        let held = periodGrids.map { $0.lessons.contains { !$0.isCancelled } }
        let marks = Dictionary(grouping: sheet.termMarks, by: \.studentID)
        let pupils = grid.pupils.map { pupil in
            let entered = marks[pupil.id] ?? []
            func mark(_ slot: TermMarkSlot) -> TermMarkRecord? { entered.first { $0.slot == slot } }
            func value(_ record: TermMarkRecord?) -> MarkValue? { record.flatMap { MarkValue(canonical: $0.value) } }
            let cells = sheet.periods.indices.map { index in
                let period = sheet.periods[index]
                let standing = standings[index][pupil.id]
                let record = mark(.period(period.id))
                return PeriodCell(
                    period: period,
                    member: standing != nil,
                    standing: standing,
                    held: held[index],
                    mark: record,
                    warning: standing.flatMap { AccumulationWarning.of(entered: value(record), proposal: $0.proposal) }
                )
            }
            let year = mark(.year)
            let exam = mark(.exam)
            let lastDay = pupil.member.map(\.end).max() ?? sheet.span.end
            return Pupil(
                id: pupil.id,
                fullName: pupil.fullName,
                leftOn: lastDay < sheet.span.end ? lastDay : nil,
                periods: cells,
                year: year,
                yearProposal: YearMarkProposal.propose(periods: cells.filter(\.member).map { ($0.period.title, value($0.mark)) }),
                exam: exam,
                final: mark(.final),
                finalProposal: FinalMark.propose(year: value(year), exam: value(exam))
            )
        }
        return CourseYear(
            sheet: sheet,
            pupils: pupils,
            showsExam: FinalMark.showsExam(parallel: sheet.parallel, hasExamMarks: sheet.termMarks.contains { $0.slot == .exam })
        )
    }
}

/// Reads a ``CourseYear`` for the signed-in actor: the course's facts within his school, the policy's `.read`
/// (refusals logged; another school's course is not found), then one read-only snapshot.
struct CourseYearReader: Sendable {
    let database: Database
    let access: Access

    func load(course courseID: Int, context: AppRequestContext, path: String) async throws -> (CourseListing, CourseFacts, CourseYear) {
        let school = try context.requireActor().schoolID
        let facts = try await access.course(courseID, context: context, path: path)
        try await access.require(.read, on: .course(facts), context: context, path: path)
        let loaded = try await database.read { sql -> (CourseListing, CourseYear)? in
            guard let course = try await CourseDirectory.find(school: school, course: courseID, in: sql),
                let year = try await CourseYear.load(school: school, course: courseID, in: sql)
            else { return nil }
            return (course, year)
        }
        guard let (course, year) = loaded else { throw AppError.notFound }
        return (course, facts, year)
    }
}
