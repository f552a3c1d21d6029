import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// `GET /api/v1/students/{studentId}/marks`: a pupil's period subject by subject — marks, the weighted average (a
/// string with two decimals) and its computation, the proposal — and his term marks of the year. Absent values are
/// `null`, never missing keys.
struct StudentMarksJSON: ResponseEncodable {
    struct Period: Encodable {
        let id: Int
        let name: String
        let start: String
        let end: String
        let closed: Bool

        init(_ period: StudentMarks.Period) {
            (id, name, start, end, closed) = (period.id, period.title, period.span.start.iso, period.span.end.iso, period.closed)
        }
    }

    struct Subject: Encodable {
        let courseId: Int
        let subject: String
        let grading: String
        let marks: [Mark]
        @Nullable var weightedAverage: String?
        @Nullable var formula: String?
        /// Only a five-point course has a proposal.
        @Nullable var proposedMark: Int?
        @Nullable var proposal: String?
        @Nullable var termMark: String?

        init(_ standing: SubjectStanding) {
            let proposes = standing.course.grading == .marks
            (courseId, subject, grading) = (standing.course.id, standing.course.subject, standing.course.grading.rawValue)
            marks = standing.marks.map {
                Mark(date: $0.date.iso, value: $0.value, workType: $0.workType, weight: $0.weight, comment: $0.comment)
            }
            weightedAverage = standing.average?.decimalString(places: 2, separator: ".")
            formula = standing.formula
            proposedMark = proposes ? standing.proposal.proposedMark : nil
            proposal = proposes ? standing.proposal.russianText : nil
            termMark = standing.termMark
        }
    }

    struct Mark: Encodable {
        let date: String
        let value: String
        let workType: String
        let weight: Int
        @Nullable var comment: String?
    }

    struct TermMark: Encodable {
        let courseId: Int
        let kind: String
        @Nullable var periodId: Int?
        let value: String
    }

    let studentId: Int
    let period: Period
    let periods: [Period]
    let roundingProfile: String
    let subjects: [Subject]
    let termMarks: [TermMark]

    init(student: Int, _ loaded: StudentMarks) {
        studentId = student
        period = Period(loaded.period)
        periods = loaded.periods.map(Period.init)
        roundingProfile = loaded.rules.profile.russianTitle
        subjects = SubjectStanding.all(loaded).map(Subject.init)
        termMarks = loaded.termMarks.sorted { ($0.courseID, $0.periodID ?? 0, $0.kind.rawValue) < ($1.courseID, $1.periodID ?? 0, $1.kind.rawValue) }
            .map { TermMark(courseId: $0.courseID, kind: $0.kind.rawValue, periodId: $0.periodID, value: $0.value) }
    }
}
