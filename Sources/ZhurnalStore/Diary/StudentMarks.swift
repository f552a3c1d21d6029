import ZhurnalCore

/// A pupil's marks for one period as his diary shows them, subject by subject: what the average and the proposal
/// are computed from, and the term marks of the whole year. Read by
/// ``DiaryQueries/marks(school:student:period:today:in:)``.
public struct StudentMarks: Sendable, Hashable {
    public let pupilName: String
    /// The periods of his class's year and kind, in order; `period` is the one shown.
    public let periods: [Period]
    public let period: Period
    /// The school's rules of the term mark: its rounding profile and optional rules.
    public let rules: TermMarkRules
    /// His courses in the period (and those with a term mark this year), by subject.
    public let courses: [Course]
    /// His marks of the period, by date.
    public let marks: [Mark]
    /// His term marks of the year: period, year, exam and final.
    public let termMarks: [TermMark]

    public struct Period: Sendable, Hashable {
        public let id: Int
        public let title: String
        public let span: DateSpan
        public let kind: PeriodKind
        public let closed: Bool
    }

    public struct Course: Sendable, Hashable {
        public let id: Int
        public let subject: String
        public let weeklyHours: Int
        public let grading: Grading
        /// Lessons held in the period while he belonged to the course, and how many of them he missed.
        public let lessonsHeld: Int
        public let absences: Int
    }

    public struct Mark: Sendable, Hashable {
        public let id: Int
        public let courseID: Int
        public let date: LocalDate
        public let value: String
        public let workType: String
        public let weight: Int
        public let comment: String?
    }

    public struct TermMark: Sendable, Hashable {
        public let courseID: Int
        public let kind: TermMarkKind
        /// The period of a period mark; nil for the year, exam and final marks.
        public let periodID: Int?
        public let value: String
    }
}
