import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// A pupil's marks of a period (`/students/{id}/marks?periodId=…`): subject by subject his marks, the weighted
/// average with its computation and the school's rounding, the proposal or why there is none, the term mark, a chart
/// of the average over the period; then his term marks of the whole year.
struct DiaryMarksPageController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/students/:studentId/marks") { request, context in try await marks(request, context) }
    }

    struct MarksPage: PageContext {
        let title: String
        let chrome: Chrome?
        let pupilName: String
        let diaryHref: String
        let periods: [PeriodLink]
        let periodTitle: String
        let periodDates: String
        let rounding: String
        let subjects: [Subject]
        let hasSubjects: Bool
        let yearHeaders: [String]
        let yearRows: [YearRow]

        struct PeriodLink: Sendable {
            let href: String
            let label: String
            let current: Bool
        }

        struct Subject: Sendable {
            let anchor: String
            let name: String
            let marks: [DiaryPageController.WeekPage.Mark]
            let graded: Bool
            let formula: String?
            let proposal: String
            let termMark: String?
            /// Drawn by ``AverageChart`` from numbers only; placed unescaped.
            let chartSVG: String?
        }

        struct YearRow: Sendable {
            let subject: String
            let cells: [String]
        }
    }

    func marks(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (student, loaded) = try await DiaryReader(database: database, access: access, clock: clock).marks(request, context: context)
        let standings = SubjectStanding.all(loaded)
        let subjects = standings.map { standing in
            let graded = standing.course.grading != .ungraded
            let averageText = standing.average.map { "Средний балл \($0.decimalString())" } ?? "Средний балл"
            return MarksPage.Subject(
                anchor: "course-\(standing.course.id)",
                name: standing.course.subject,
                marks: standing.marks.map { mark in
                    DiaryPageController.WeekPage.Mark(
                        value: mark.value,
                        detail: "\(mark.date.russian), \(mark.workType), вес \(mark.weight)" + (mark.comment.map { ": \($0)" } ?? "")
                    )
                },
                graded: graded,
                formula: standing.formula,
                proposal: standing.course.grading == .marks ? standing.proposal.russianText : "—",
                termMark: standing.termMark,
                chartSVG: standing.history.isEmpty
                    ? nil
                    : AverageChart.svg(standing.history, span: loaded.period.span, label: "\(averageText) за \(loaded.period.title)")
            )
        }
        let kinds: [TermMarkKind] = [.year, .exam, .final]
        let page = MarksPage(
            title: "Отметки: \(loaded.pupilName), \(loaded.period.title)",
            chrome: Chrome(context),
            pupilName: loaded.pupilName,
            diaryHref: "/students/\(student)/diary",
            periods: loaded.periods.map { period in
                .init(href: "/students/\(student)/marks?periodId=\(period.id)", label: period.title, current: period.id == loaded.period.id)
            },
            periodTitle: loaded.period.title,
            periodDates: "\(loaded.period.span.start.russian) – \(loaded.period.span.end.russian)",
            rounding: loaded.rules.profile.russianTitle,
            subjects: subjects,
            hasSubjects: !subjects.isEmpty,
            yearHeaders: loaded.periods.map(\.title) + kinds.map(\.russianTitle),
            yearRows: loaded.courses.filter { $0.grading != .ungraded }.map { course in
                let own = loaded.termMarks.filter { $0.courseID == course.id }
                return MarksPage.YearRow(
                    subject: course.subject,
                    cells: loaded.periods.map { period in own.first { $0.kind == .period && $0.periodID == period.id }?.value ?? "" }
                        + kinds.map { kind in own.first { $0.kind == kind }?.value ?? "" }
                )
            }
        )
        return pages.page("diary-marks", page)
    }
}
