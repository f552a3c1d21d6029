/// A teacher's weekly timetable across his classes (DOMAIN.md §2), as the administration checks it: each hour of the
/// week and what he teaches then. Saving one class's week refuses a teacher busy elsewhere, but a course handed to
/// another teacher afterwards can still put him in two places at once; such hours are the week's clashes.
public struct TeacherWeek: Sendable, Hashable {
    public struct Lesson: Sendable, Hashable {
        public let weekday: Int
        public let lessonNumber: Int
        public let courseID: Int
        public let subject: String
        public let className: String
        public let room: String?

        public init(weekday: Int, lessonNumber: Int, courseID: Int, subject: String, className: String, room: String?) {
            self.weekday = weekday
            self.lessonNumber = lessonNumber
            self.courseID = courseID
            self.subject = subject
            self.className = className
            self.room = room
        }
    }

    public struct Hour: Sendable, Hashable, Comparable {
        public let weekday: Int
        public let lessonNumber: Int

        public init(weekday: Int, lessonNumber: Int) {
            self.weekday = weekday
            self.lessonNumber = lessonNumber
        }

        public static func < (lhs: Hour, rhs: Hour) -> Bool {
            (lhs.weekday, lhs.lessonNumber) < (rhs.weekday, rhs.lessonNumber)
        }
    }

    public let lessons: [Lesson]

    public init(lessons: [Lesson]) {
        self.lessons = lessons.sorted { ($0.weekday, $0.lessonNumber, $0.className) < ($1.weekday, $1.lessonNumber, $1.className) }
    }

    public func at(_ hour: Hour) -> [Lesson] {
        lessons.filter { $0.weekday == hour.weekday && $0.lessonNumber == hour.lessonNumber }
    }

    /// Hours with two different courses at once.
    public var clashes: Set<Hour> {
        Set(
            Dictionary(grouping: lessons) { Hour(weekday: $0.weekday, lessonNumber: $0.lessonNumber) }
                .filter { Set($0.value.map(\.courseID)).count > 1 }.keys
        )
    }

    /// Lessons a week, the figure a teacher's load is counted in.
    public var hours: Int { Set(lessons.map { Hour(weekday: $0.weekday, lessonNumber: $0.lessonNumber) }).count }
}
