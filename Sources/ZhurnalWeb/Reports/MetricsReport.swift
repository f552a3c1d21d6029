import Foundation
import Hummingbird
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The school metrics of a period (issue 7, item 4) for the page, the API and the files alike: the scope the policy
/// gives, the period's results read in one statement, the rows grouped as asked and, if asked, those of a second
/// period beside them.
struct MetricsReport: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    struct Line: Sendable {
        let key: String
        let label: String
        /// A class's id, for the link to its report by subject.
        let classID: Int?
        let row: PeriodResults.Row
        let previous: PeriodResults.Row?
    }

    struct Listed: Sendable {
        let pupilID: Int
        let name: String
        let classID: Int
        let className: String
        let subjects: [String]
    }

    struct Lists: Sendable {
        let excellent: [Listed]
        let singleFour: [Listed]
        let singleThree: [Listed]
        let failing: [Listed]
        let notAttested: [Listed]
    }

    struct View: Sendable {
        let scope: ReportScope
        let periods: [SchoolResults.Period]
        let period: SchoolResults.Period
        let compared: SchoolResults.Period?
        let grouping: MetricsGrouping
        let className: String?
        let lines: [Line]
        /// Only where pupils may be named.
        let lists: Lists?
    }

    static let badGrouping = AppError.invalid("bad_group_by", "Группировка — class, parallel, subject, teacher или school.")
    static let noPeriod = AppError.invalid("no_period", "В школе нет такого учебного периода.")

    /// The report `request` asks for: `periodId` (default: the latest period that has begun), `groupBy` (default: by
    /// class for a school, by subject for a class), `compareTo` (another period), `classId`, `schoolId`.
    func view(_ request: Request, context: AppRequestContext, withLists: Bool) async throws -> View {
        let scope = try await ReportScope.of(request, context: context, access: access, clock: clock)
        let asked = request.uri.queryParameters["groupBy"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
        if let asked, MetricsGrouping(rawValue: asked) == nil { throw Self.badGrouping }
        let grouping = asked.flatMap(MetricsGrouping.init(rawValue:)) ?? (scope.classID == nil ? .schoolClass : .subject)
        let periodID = try request.integerQuery("periodId")
        let compareID = try request.integerQuery("compareTo")
        let today = SchoolCalendar.today(clock())
        return try await database.read { sql in
            let periods = try await SchoolResults.periods(school: scope.schoolID, in: sql)
            func known(_ id: Int) throws -> SchoolResults.Period {
                guard let period = periods.first(where: { $0.id == id }) else { throw Self.noPeriod }
                return period
            }
            guard let period = try periodID.map(known) ?? Self.latest(periods, today: today) else { throw Self.noPeriod }
            let compared = try compareID.map(known)
            let (results, labels) = try await Self.results(scope: scope, period: period, today: today, in: sql)
            var previous: (PeriodResults, SchoolResults.Labels)?
            if let compared { previous = try await Self.results(scope: scope, period: compared, today: today, in: sql) }
            let before = Dictionary(uniqueKeysWithValues: (previous?.0.rows(by: grouping) ?? []).map { ($0.key, $0) })
            var allLabels = labels
            if let other = previous?.1 { allLabels.merge(other) }
            let lines = results.rows(by: grouping).map { row in
                Line(
                    key: grouping == .school ? "school" : String(row.key),
                    label: Self.label(row.key, grouping, allLabels),
                    classID: grouping == .schoolClass ? row.key : nil,
                    row: row,
                    previous: compared == nil ? nil : before[row.key]
                )
            }
            .sorted { Self.order($0, grouping, allLabels) < Self.order($1, grouping, allLabels) }
            var lists: Lists?
            if withLists, scope.namesPupils {
                let found = PupilLists(results)
                let everyone = [found.excellent, found.singleFour, found.singleThree, found.failing, found.notAttested].joined()
                let names = try await SchoolResults.names(school: scope.schoolID, of: Set(everyone.map(\.pupilID)), in: sql)
                func named(_ entries: [PupilLists.Entry]) -> [Listed] {
                    entries.map {
                        Listed(
                            pupilID: $0.pupilID,
                            name: names[$0.pupilID] ?? "",
                            classID: $0.classID,
                            className: labels.classes[$0.classID] ?? "",
                            subjects: $0.subjectIDs.map { labels.subjects[$0] ?? "" }
                        )
                    }
                    .sorted { ($0.className.count, $0.className, $0.name) < ($1.className.count, $1.className, $1.name) }
                }
                lists = Lists(
                    excellent: named(found.excellent),
                    singleFour: named(found.singleFour),
                    singleThree: named(found.singleThree),
                    failing: named(found.failing),
                    notAttested: named(found.notAttested)
                )
            }
            return View(
                scope: scope,
                periods: periods,
                period: period,
                compared: compared,
                grouping: grouping,
                className: scope.classID.flatMap { labels.classes[$0] },
                lines: lines,
                lists: lists
            )
        }
    }

    /// The results of the scope: the whole school's, or one class's pupils only.
    private static func results(
        scope: ReportScope,
        period: SchoolResults.Period,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> (PeriodResults, SchoolResults.Labels) {
        let (results, labels) = try await SchoolResults.results(
            school: scope.schoolID,
            period: period,
            on: period.referenceDay(today: today),
            in: sql
        )
        return (scope.classID.map { results.only(classID: $0) } ?? results, labels)
    }

    /// The latest period of the current year that has begun; the first one when none has.
    static func latest(_ periods: [SchoolResults.Period], today: LocalDate) -> SchoolResults.Period? {
        guard let year = periods.first(where: { $0.span.start <= today })?.yearID ?? periods.last?.yearID else { return nil }
        let ofYear = periods.filter { $0.yearID == year }
        return ofYear.filter { $0.span.start <= today }.max { ($0.span.start, $0.id) < ($1.span.start, $1.id) } ?? ofYear.first
    }

    static func label(_ key: Int, _ grouping: MetricsGrouping, _ labels: SchoolResults.Labels) -> String {
        switch grouping {
        case .schoolClass: labels.classes[key] ?? "Класс \(key)"
        case .parallel: "\(key) классы"
        case .subject: labels.subjects[key] ?? "Предмет \(key)"
        case .teacher: labels.teachers[key] ?? "Учитель \(key)"
        case .school: "Вся школа"
        }
    }

    /// Classes by parallel and letter, subjects in the school's order, teachers by name.
    private static func order(_ line: Line, _ grouping: MetricsGrouping, _ labels: SchoolResults.Labels) -> String {
        switch grouping {
        case .schoolClass: String(format: "%02d", Int(line.label.prefix { $0.isNumber }) ?? 0) + line.label
        case .parallel: String(format: "%02d", line.row.key)
        case .subject: String(format: "%06d", labels.subjectOrder[line.row.key] ?? 0) + line.label
        case .teacher: line.label
        case .school: ""
        }
    }
}

extension SchoolResults.Labels {
    /// Names known from another period's results fill the gaps of this one's.
    mutating func merge(_ other: SchoolResults.Labels) {
        classes.merge(other.classes) { mine, _ in mine }
        subjects.merge(other.subjects) { mine, _ in mine }
        teachers.merge(other.teachers) { mine, _ in mine }
        subjectOrder.merge(other.subjectOrder) { mine, _ in mine }
    }
}
