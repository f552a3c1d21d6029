import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// «Успеваемость и качество» (`/reports/metrics`, its `.xlsx` and `.csv`) and `GET /api/v1/reports/metrics` with
/// `…/metrics/pupils`: the school metrics of a period by class, parallel, subject, teacher or the whole school, beside
/// a second period if asked, with the lists of excellent and failing pupils where the reader may see names.
struct MetricsController: Sendable {
    let database: Database
    let pages: PageRenderer
    let access: Access
    let clock: @Sendable () -> Date

    private var report: MetricsReport { MetricsReport(database: database, access: access, clock: clock) }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/reports/metrics") { request, context in
            try await page(try await report.view(request, context: context, withLists: true), request: request, context: context)
        }
        for format in SheetFormat.allCases {
            router.get("/reports/metrics.\(format.rawValue)") { request, context in
                let view = try await report.view(request, context: context, withLists: false)
                return try SheetDownload.response(Self.table(view), format: format, sheetName: "Успеваемость", fileName: "metrics")
            }
        }
        router.get("/api/v1/reports/metrics") { request, context in
            MetricsJSON(try await report.view(request, context: context, withLists: false))
        }
        router.get("/api/v1/reports/metrics/pupils") { request, context in
            let view = try await report.view(request, context: context, withLists: true)
            guard let lists = view.lists else { try await access.refuse(.read, context: context, path: request.uri.path) }
            return PupilListsJSON(view, lists: lists)
        }
    }

    static let columns = ["", "N", "«5»", "«4»", "«3»", "«2»", "н/а", "Успеваемость, %", "Качество, %", "СОУ, %", "Средний балл"]

    private static func figures(_ row: PeriodResults.Row) -> [String] {
        let metrics = row.metrics
        let counts = metrics.counts
        return [metrics.population, counts.n5, counts.n4, counts.n3, counts.n2, counts.notAttested].map(String.init)
            + [metrics.passRate, metrics.qualityRate, metrics.degreeOfLearning].map { $0?.decimalString(places: 1) ?? "—" }
            + [row.averageMark?.decimalString(places: 2) ?? "—"]
    }

    /// The table as the files write it: the page's columns, and the compared period's quality beside when asked.
    static func table(_ view: MetricsReport.View) -> SheetTable {
        var header = columns
        header[0] = view.grouping == .school ? "Школа" : groupTitle(view.grouping)
        if let compared = view.compared { header.append("Качество, % (\(compared.title))") }
        let rows = view.lines.enumerated().map { index, line in
            var cells = [line.label] + figures(line.row)
            if view.compared != nil { cells.append(line.previous?.metrics.qualityRate?.decimalString(places: 1) ?? "—") }
            return ImportRow(line: index + 2, cells: cells)
        }
        return SheetTable(header: header, rows: rows)
    }

    static func groupTitle(_ grouping: MetricsGrouping) -> String {
        switch grouping {
        case .schoolClass: "Класс"
        case .parallel: "Параллель"
        case .subject: "Предмет"
        case .teacher: "Учитель"
        case .school: "Школа"
        }
    }

    struct Page: PageContext {
        let title: String
        let chrome: Chrome?
        let scopeNote: String
        let classID: String?
        let schoolID: String?
        let periods: [Choice]
        let groupings: [Choice]
        let comparisons: [Choice]
        let columnTitle: String
        let comparing: Bool
        let comparedTitle: String
        let lines: [Line]
        let empty: Bool
        let charts: [Chart]
        let lists: [ListSection]
        let hasLists: Bool
        let xlsx: String
        let csv: String

        typealias Choice = PageChoice

        struct Chart: Sendable {
            let title: String
            let svg: String
        }

        struct Line: Sendable {
            let label: String
            let link: String?
            let figures: [String]
            let previous: String
            let change: String
        }

        struct ListSection: Sendable {
            let title: String
            let pupils: [String]
            let none: Bool
        }
    }

    private func page(_ view: MetricsReport.View, request: Request, context: AppRequestContext) async throws -> Response {
        let query = Self.query(view)
        let wholeSchool = view.scope.classID == nil
        let lines = view.lines.map { line in
            let now = line.row.metrics.qualityRate
            let before = line.previous?.metrics.qualityRate
            let change = now.flatMap { now in before.map { now - $0 } }
            return Page.Line(
                label: line.label,
                link: line.classID.flatMap { id in
                    view.scope.namesPupils ? "/reports/metrics?periodId=\(view.period.id)&classId=\(id)&groupBy=subject" : nil
                },
                figures: Self.figures(line.row),
                previous: before?.decimalString(places: 1) ?? "—",
                change: change.map { ($0 > .zero ? "+" : "") + $0.decimalString(places: 1) } ?? "—"
            )
        }
        let shown = view.lines.filter { $0.row.metrics.population > 0 }
        let charts =
            shown.isEmpty
            ? []
            : [
                ("Качество знаний, %", { (row: PeriodResults.Row) in row.metrics.qualityRate }),
                ("Успеваемость, %", { (row: PeriodResults.Row) in row.metrics.passRate }),
            ]
            .map { title, rate in
                Page.Chart(
                    title: title,
                    svg: BarChart.svg(
                        shown.map { BarChart.Bar(label: $0.label, value: rate($0.row), previous: $0.previous.flatMap(rate)) },
                        title: title
                    )
                )
            }
        let sections: [Page.ListSection] =
            view.lists.map { lists in
                [
                    ("Отличники", lists.excellent, false),
                    ("С одной «4»", lists.singleFour, true),
                    ("С одной «3»", lists.singleThree, true),
                    ("Неуспевающие", lists.failing, true),
                    ("Не аттестованы", lists.notAttested, true),
                ]
                .map { title, pupils, withSubjects in
                    Page.ListSection(
                        title: "\(title): \(pupils.count)",
                        pupils: pupils.map { "\($0.name), \($0.className)" + (withSubjects ? " — " + $0.subjects.joined(separator: ", ") : "") },
                        none: pupils.isEmpty
                    )
                }
            } ?? []
        let scopeNote: String =
            switch view.scope {
            case .school: "Вся школа, \(view.grouping.russianTitle)."
            case .schoolClass: "Класс \(view.className ?? ""), \(view.grouping.russianTitle)."
            case .aggregates: "Сводные цифры школы, \(view.grouping.russianTitle); списки учеников наблюдателю не показываются."
            }
        let page = Page(
            title: "Успеваемость и качество: \(view.period.title)",
            chrome: Chrome(context),
            scopeNote: scopeNote + (view.period.closed ? "" : " Период не закрыт: итоговые отметки могут измениться."),
            classID: view.scope.classID.map(String.init),
            schoolID: view.scope.schoolID == (try context.requireActor().schoolID) ? nil : String(view.scope.schoolID),
            periods: view.periods.map { Page.Choice(value: String($0.id), label: $0.title, selected: $0.id == view.period.id) },
            groupings: MetricsGrouping.allCases.filter { wholeSchool || !$0.countsPupils || $0 == .school }.map {
                Page.Choice(value: $0.rawValue, label: Self.groupTitle($0), selected: $0 == view.grouping)
            },
            comparisons: [Page.Choice(value: "", label: "не сравнивать", selected: view.compared == nil)]
                + view.periods.filter { $0.id != view.period.id }.map {
                    Page.Choice(value: String($0.id), label: $0.title, selected: $0.id == view.compared?.id)
                },
            columnTitle: Self.groupTitle(view.grouping),
            comparing: view.compared != nil,
            comparedTitle: view.compared?.title ?? "",
            lines: lines,
            empty: lines.isEmpty,
            charts: charts,
            lists: sections,
            hasLists: !sections.isEmpty,
            xlsx: "/reports/metrics.xlsx?" + query,
            csv: "/reports/metrics.csv?" + query
        )
        return pages.page("report-metrics", page)
    }

    /// The view's choices as a query string, for its files.
    private static func query(_ view: MetricsReport.View) -> String {
        var items = ["periodId=\(view.period.id)", "groupBy=\(view.grouping.rawValue)"]
        if let compared = view.compared { items.append("compareTo=\(compared.id)") }
        if let classID = view.scope.classID { items.append("classId=\(classID)") }
        if case .aggregates(let school) = view.scope { items.append("schoolId=\(school)") }
        return items.joined(separator: "&")
    }
}
