import ZhurnalCore

/// Everything the journal grid of one course over a span of dates shows: its pupils (rows), lessons (columns) and
/// the cells (marks and attendance), and the term marks of a period. Built by
/// ``JournalQueries/grid(school:course:span:termPeriod:in:)`` in one statement.
public struct JournalGrid: Sendable {
    public struct Pupil: Sendable, Hashable {
        public let id: Int
        public let lastName: String
        public let firstName: String
        public let patronymic: String?
        /// The days he belongs to the course (his enrolment or group membership); the journal shows no cell for
        /// a lesson outside them.
        public let member: [DateSpan]

        public var fullName: String { [lastName, firstName, patronymic].compactMap { $0 }.joined(separator: " ") }
    }

    public struct Lesson: Sendable, Hashable {
        public let id: Int
        public let date: LocalDate
        public let number: Int
        public let teacherId: Int
        public let topic: String?
        /// The homework for the whole class (an individual one is shown in that pupil's diary).
        public let homework: String?
        /// When the class's homework is due; nil: by the next lesson.
        public let homeworkDueOn: LocalDate?
        /// How many files the class's homework has.
        public let homeworkFiles: Int
        public let isCancelled: Bool
        public let version: Int
        /// The work type of a control lesson, which its new marks take by default.
        public let controlWorkTypeId: Int?
        /// Whether attendance was taken (even with nobody absent).
        public let attendanceTaken: Bool
    }

    public struct Mark: Sendable, Hashable {
        public let id: Int
        public let lessonId: Int
        public let studentId: Int
        /// Canonical text of ``MarkValue``.
        public let value: String
        public let workTypeId: Int
        public let weight: Int
        public let comment: String?
        public let version: Int
    }

    public struct Attendance: Sendable, Hashable {
        public let lessonId: Int
        public let studentId: Int
        public let code: String
        public let version: Int
    }

    public let pupils: [Pupil]
    public let lessons: [Lesson]
    public let marks: [Mark]
    public let attendance: [Attendance]
    /// The term marks of the period the grid was asked for; empty when it was read for a span of days.
    public let termMarks: [JournalPeriod.TermMark]
}
