import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// `GET /api/v1/reports/metrics`: a row per class, parallel, subject, teacher or the school, its counts and its rates
/// as decimal strings with one place ("92.0"), the average mark with two; `null` where nobody is counted.
struct MetricsJSON: ResponseEncodable {
    let period: PeriodJSON
    let groupBy: String
    @Nullable var classId: Int?
    @Nullable var compareTo: PeriodJSON?
    let rows: [Row]

    struct PeriodJSON: Encodable, Sendable {
        let id: Int
        let title: String
        let startsOn: String
        let endsOn: String

        init(_ period: SchoolResults.Period) {
            (id, title, startsOn, endsOn) = (period.id, period.title, period.span.start.iso, period.span.end.iso)
        }
    }

    struct Figures: Encodable, Sendable {
        let n, n5, n4, n3, n2, na, exempt, withoutMarks: Int
        @Nullable var passRate: String?
        @Nullable var qualityRate: String?
        @Nullable var sou: String?
        @Nullable var averageMark: String?

        init(_ row: PeriodResults.Row) {
            let metrics = row.metrics
            (n, n5, n4, n3, n2) = (metrics.population, metrics.counts.n5, metrics.counts.n4, metrics.counts.n3, metrics.counts.n2)
            (na, exempt, withoutMarks) = (metrics.counts.notAttested, metrics.counts.exempt, metrics.counts.withoutMarks)
            passRate = metrics.passRate?.decimalString(places: 1, separator: ".")
            qualityRate = metrics.qualityRate?.decimalString(places: 1, separator: ".")
            sou = metrics.degreeOfLearning?.decimalString(places: 1, separator: ".")
            averageMark = row.averageMark?.decimalString(places: 2, separator: ".")
        }
    }

    struct Row: Encodable, Sendable {
        let key: String
        let label: String
        let figures: Figures
        /// Only when a second period is compared: its figures for the same row, `null` if it had none.
        let previous: Figures??

        enum CodingKeys: String, CodingKey { case key, label, previous }

        func encode(to encoder: any Encoder) throws {
            try figures.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(label, forKey: .label)
            if let previous { try container.encode(previous, forKey: .previous) }
        }
    }

    init(_ view: MetricsReport.View) {
        period = PeriodJSON(view.period)
        groupBy = view.grouping.rawValue
        classId = view.scope.classID
        compareTo = view.compared.map(PeriodJSON.init)
        rows = view.lines.map { line in
            Row(
                key: line.key,
                label: line.label,
                figures: Figures(line.row),
                previous: view.compared == nil ? nil : .some(line.previous.map(Figures.init))
            )
        }
    }
}

/// `GET /api/v1/reports/metrics/pupils`: the period's excellent pupils, those with a single «4» or «3», those failing
/// and those not attested, each with his class and the subjects that placed him there.
struct PupilListsJSON: ResponseEncodable {
    let periodId: Int
    @Nullable var classId: Int?
    let excellent, singleFour, singleThree, failing, notAttested: [Pupil]

    struct Pupil: Encodable, Sendable {
        let studentId: Int
        let name: String
        let classId: Int
        let className: String
        let subjects: [String]
    }

    init(_ view: MetricsReport.View, lists: MetricsReport.Lists) {
        periodId = view.period.id
        classId = view.scope.classID
        func pupils(_ listed: [MetricsReport.Listed]) -> [Pupil] {
            listed.map { Pupil(studentId: $0.pupilID, name: $0.name, classId: $0.classID, className: $0.className, subjects: $0.subjects) }
        }
        (excellent, singleFour, singleThree) = (pupils(lists.excellent), pupils(lists.singleFour), pupils(lists.singleThree))
        (failing, notAttested) = (pupils(lists.failing), pupils(lists.notAttested))
    }
}
