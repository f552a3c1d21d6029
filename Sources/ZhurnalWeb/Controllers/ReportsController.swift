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

        struct Report: Sendable {
            let href: String
            let title: String
            let about: String
        }
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/reports") { request, context in
            let scope = try await ReportScope.of(request, context: context, access: access, clock: clock)
            let query = scope.classID.map { "?classId=\($0)" } ?? ""
            let reports = [
                Page.Report(
                    href: "/reports/metrics" + query,
                    title: "Успеваемость и качество",
                    about:
                        "Итоги периода по классам, параллелям, предметам и учителям: успеваемость, качество, СОУ, средний балл, сравнение периодов, отличники и неуспевающие."
                ),
                Page.Report(
                    href: "/reports/journal-control" + query,
                    title: "Контроль ведения журналов",
                    about:
                        "По учителям, классам и предметам: проведённые уроки, тема в день урока, задание в срок, уроки без записи, поздние и изменённые отметки, «н» без причины, выполнение программы — с переходом к самим урокам.",
                ),
            ]
            let note: String =
                switch scope {
                case .school: "Отчёты по всей школе."
                case .schoolClass: "Отчёты по вашему классу."
                case .aggregates: "Сводные цифры школы, без имён учеников."
                }
            return pages.page("reports", Page(title: "Отчёты", chrome: Chrome(context), scopeNote: note, reports: reports))
        }
    }
}
