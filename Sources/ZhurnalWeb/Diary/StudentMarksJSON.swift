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
        let standing: SubjectStanding

        enum CodingKeys: String, CodingKey {
            case courseId, subject, grading, marks, weightedAverage, formula, proposedMark, proposal, termMark
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(standing.course.id, forKey: .courseId)
            try container.encode(standing.course.subject, forKey: .subject)
            try container.encode(standing.course.grading.rawValue, forKey: .grading)
            try container.encode(standing.marks.map(Mark.init), forKey: .marks)
            try container.encode(standing.average?.decimalString(places: 2, separator: "."), forKey: .weightedAverage)
            try container.encode(standing.formula, forKey: .formula)
            try container.encode(standing.course.grading == .marks ? standing.proposedMark : nil, forKey: .proposedMark)
            try container.encode(standing.course.grading == .marks ? standing.proposal.russianText : nil, forKey: .proposal)
            try container.encode(standing.termMark, forKey: .termMark)
        }
    }

    struct Mark: Encodable {
        let mark: StudentMarks.Mark

        enum CodingKeys: String, CodingKey { case date, value, workType, weight, comment }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mark.date.iso, forKey: .date)
            try container.encode(mark.value, forKey: .value)
            try container.encode(mark.workType, forKey: .workType)
            try container.encode(mark.weight, forKey: .weight)
            try container.encode(mark.comment, forKey: .comment)
        }
    }

    struct TermMark: Encodable {
        let mark: StudentMarks.TermMark

        enum CodingKeys: String, CodingKey { case courseId, kind, periodId, value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(mark.courseID, forKey: .courseId)
            try container.encode(mark.kind.rawValue, forKey: .kind)
            try container.encode(mark.periodID, forKey: .periodId)
            try container.encode(mark.value, forKey: .value)
        }
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
            .map(TermMark.init)
    }
}
