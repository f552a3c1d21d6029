import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// One course's journal for one period, as both the grid page and `GET /api/v1/courses/{id}/journal` show it: the
/// course, the period, pupils, lessons and cells, the term marks entered, and each pupil's weighted average and
/// proposed term mark. The page also takes the course's periods (its switcher) and the school's work types.
struct CourseJournal: Sendable {
    /// A pupil's standing over the period (DOMAIN.md §3): exact average, the marks counted, the proposal or why none.
    struct Standing: Sendable {
        let studentID: Int
        let average: Rational?
        let markCount: Int
        let proposal: TermMarkProposal

        var proposedMark: Int? { proposal.proposedMark }
    }

    let course: CourseListing
    let facts: CourseFacts
    let period: JournalPeriod
    let grid: JournalGrid
    let termMarks: [JournalPeriod.TermMark]
    let standings: [Standing]
    /// The course's periods (the page's switcher) and the school's work types.
    let periods: [JournalPeriod]
    let workTypes: [JournalQueries.WorkTypeChoice]

    /// Each pupil's weighted average and proposal over the period's held lessons, in the grid's order.
    static func standings(_ grid: JournalGrid, period: JournalPeriod) -> [Standing] {
        let held = grid.lessons.filter { !$0.isCancelled }
        let marksByPupil = Dictionary(grouping: grid.marks, by: \.studentId)
        let absences = Dictionary(grouping: grid.attendance.filter { AttendanceCode(rawValue: $0.code)?.isAbsence == true }, by: \.studentId)
        return grid.pupils.map { pupil in
            let counted = (marksByPupil[pupil.id] ?? []).compactMap { mark in
                MarkValue(canonical: mark.value).map { CountedMark(value: $0, weight: mark.weight) }
            }
            let lessonsHeld = held.filter { lesson in pupil.member.contains { $0.contains(lesson.date) } }.count
            let proposal = TermMarkProposal.propose(
                marks: counted,
                periodKind: period.kind,
                weeklyHours: period.weeklyHours,
                absenceRatio: TermMarkProposal.absenceRatio(missed: absences[pupil.id]?.count ?? 0, held: lessonsHeld),
                rules: period.termRules
            )
            return Standing(
                studentID: pupil.id,
                average: WeightedAverage.of(counted, doubleCounting: period.termRules.doubleCounting),
                markCount: Accumulation.count(of: counted),
                proposal: proposal
            )
        }
    }
}

/// Reads a ``CourseJournal`` for the signed-in actor in one snapshot of two statements: the course's head (its facts
/// for the policy, its periods, the school's work types), then — only when the policy lets him read it — the period's
/// pupils, lessons, cells and term marks. A refusal is logged after the snapshot; another school's course is not found.
struct CourseJournalReader: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func load(course courseID: Int, period periodID: Int?, context: AppRequestContext, path: String) async throws -> CourseJournal {
        let actor = try context.requireActor()
        let today = SchoolCalendar.today(clock())
        let school = actor.schoolID
        let (head, read) = try await database.read { sql -> (CourseJournalHead?, (JournalPeriod, JournalGrid)?) in
            guard let head = try await CourseJournalHead.load(school: school, course: courseID, today: today, in: sql) else { return (nil, nil) }
            guard AccessPolicy.decide(actor, .read, .course(head.facts)).isAllowed, let period = head.period(periodID, today: today)
            else { return (head, nil) }
            return (
                head, (period, try await JournalQueries.grid(school: school, course: courseID, span: period.span, termPeriod: period.id, in: sql))
            )
        }
        guard let head else { try await access.missing("course", context: context, path: path) }
        try await access.require(.read, on: .course(head.facts), context: context, path: path)
        guard let (period, grid) = read else {
            throw AppError(status: .notFound, code: "no_period", message: "У этого курса нет такого учебного периода.")
        }
        return CourseJournal(
            course: head.listing,
            facts: head.facts,
            period: period,
            grid: grid,
            termMarks: grid.termMarks,
            standings: CourseJournal.standings(grid, period: period),
            periods: head.periods,
            workTypes: head.workTypes
        )
    }

    /// `periodId` of the query, when given; a non-number is a bad request.
    static func periodID(_ request: Request) throws -> Int? {
        try request.uri.queryParameters["periodId"].map { text -> Int in
            guard let id = Int(String(text)) else { throw AppError.badRequest("bad_period", "periodId должен быть числом.") }
            return id
        }
    }
}
