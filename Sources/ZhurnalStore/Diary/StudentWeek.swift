import ZhurnalCore

/// A pupil's week as his diary shows it: the lessons of every course he belonged to on their day, each with its topic,
/// homework, his marks and his attendance. Read by ``DiaryQueries/week(school:student:week:family:in:)``.
public struct StudentWeek: Sendable, Hashable {
    public let week: SchoolWeek
    /// His parents' «Ознакомлен» of this week, earliest first.
    public let acknowledgements: [DiaryAcknowledgement]
    /// «Аксёнова Мария Ивановна».
    public let pupilName: String
    /// In order of date and lesson number.
    public let lessons: [Lesson]
    /// The school's academic years: a week outside all of them has no diary.
    public let years: [DateSpan]
    /// The other children of the parent who asked, for the switcher (with the pupil himself); empty for anyone else.
    public let children: [Child]

    public struct Lesson: Sendable, Hashable {
        public let id: Int
        public let date: LocalDate
        public let number: Int
        /// From the bell schedule: «08:30».
        public let startsAt: String?
        public let endsAt: String?
        public let subject: String
        /// Who taught it, and whether he stood in for the course's teacher (a substitution).
        public let teacher: String
        public let substitution: Bool
        public let cancelled: Bool
        /// The day the timetable had it on, when it was moved.
        public let movedFrom: LocalDate?
        public let topic: String?
        /// The work type of a control lesson: «Контрольная работа».
        public let controlWork: String?
        /// The class's homework, then the pupil's own.
        public let homework: [Homework]
        public let marks: [Mark]
        public let attendance: String?
    }

    public struct Homework: Sendable, Hashable {
        public let id: Int
        public let body: String
        /// Nil: by the course's next lesson.
        public let dueOn: LocalDate?
        /// Given to this pupil alone.
        public let personal: Bool
        public let files: [File]
    }

    public struct File: Sendable, Hashable {
        public let id: Int
        public let name: String
        public let byteSize: Int
    }

    public struct Mark: Sendable, Hashable {
        public let id: Int
        public let value: String
        public let workType: String
        public let weight: Int
        public let comment: String?
    }

    public struct Child: Sendable, Hashable {
        public let id: Int
        public let fullName: String
    }

    /// Whether the week lies, at least with one day, in one of the school's academic years.
    public var isInSchoolYear: Bool { years.contains { $0.overlaps(week.span) } }
}
