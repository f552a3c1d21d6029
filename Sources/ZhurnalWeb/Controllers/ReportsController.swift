import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// «Отчёты» (`/reports`): the reports the reader's scope opens — the whole school's for the administration, his class's
/// for a homeroom teacher, the aggregated figures for an observer.
struct ReportsController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let scopeNote: String
        let reports: [Report]
        let schools: [School]
        let picksSchool: Bool

        struct School: Sendable {
            let href: String
            let name: String
            let current: Bool
        }

        struct Report: Sendable {
            let href: String
            let title: String
            let about: String
        }
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/reports") { request, context in
            let scope = try await ReportScope.of(request, context: context, access: access, clock: clock)
            let query: String =
                switch scope {
                case .school: ""
                case .schoolClass(_, let classID): "?classId=\(classID)"
                case .aggregates(let school): "?schoolId=\(school)"
                }
            // An observer picks among the schools he was given.
            let actor = try context.requireActor()
            var schools: [Page.School] = []
            if case .aggregates(let current) = scope {
                let names = try await database.read { try await SchoolResults.schoolNames(actor.observedSchools, in: $0) }
                schools = actor.observedSchools.sorted().map {
                    Page.School(href: "/reports?schoolId=\($0)", name: names[$0] ?? "Школа \($0)", current: $0 == current)
                }
            }
            let all: [(report: Page.Report, namesPupils: Bool)] = [
                (
                    Page.Report(
                        href: "/reports/metrics" + query,
                        title: "Успеваемость и качество",
                        about: "Итоги периода по классам, параллелям, предметам и учителям: успеваемость, качество, СОУ, средний балл, "
                            + "сравнение периодов, отличники и неуспевающие."
                    ), false
                ),
                (
                    Page.Report(
                        href: "/reports/journal-control" + query,
                        title: "Контроль ведения журналов",
                        about: "По учителям, классам и предметам: проведённые уроки, тема в день урока, задание в срок, уроки без записи, "
                            + "поздние и изменённые отметки, «н» без причины, выполнение программы — с переходом к самим урокам."
                    ), false
                ),
                (
                    Page.Report(
                        href: "/reports/attendance" + query,
                        title: "Посещаемость",
                        about: "Пропущенные уроки и дни по причинам (н, б, у), доля пропущенных уроков и опоздания — по классам и по ученикам."
                    ), false
                ),
                (
                    Page.Report(
                        href: "/reports/attendance/day" + query,
                        title: "Посещаемость за день",
                        about: "Все классы школы за один день: кто отсутствовал, на каких уроках и по какой причине, кто пропустил весь день."
                    ), true
                ),
                (
                    Page.Report(
                        href: "/reports/assessments" + query,
                        title: "График оценочных процедур",
                        about: "Контрольные работы года по датам и классам с нарушениями правил: чаще раза в 17 дней, больше 10 % часов, "
                            + "две в день, на первом или последнем уроке."
                    ), false
                ),
                (
                    Page.Report(
                        href: "/reports/summary" + query,
                        title: "Сводная ведомость",
                        about:
                            "Отметки класса за периоды, год, экзамен и итоговые по всем предметам, с успеваемостью и качеством по каждому предмету."
                    ), true
                ),
            ]
            // A report that names pupils is not offered where the reader may see only aggregated figures.
            let reports = all.filter { scope.namesPupils || !$0.namesPupils }.map(\.report)
            let note: String =
                switch scope {
                case .school: "Отчёты по всей школе."
                case .schoolClass: "Отчёты по вашему классу."
                case .aggregates: "Сводные цифры школы, без имён учеников."
                }
            return pages.page(
                "reports",
                Page(title: "Отчёты", chrome: Chrome(context), scopeNote: note, reports: reports, schools: schools, picksSchool: schools.count > 1)
            )
        }
    }
}
