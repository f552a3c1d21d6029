/// A moment on the school's clock: its local date and the minute of that day. Comparable, so deadlines are compared
/// without time zones once the instants are turned into the school's time.
public struct SchoolMoment: Sendable, Hashable, Comparable {
    public let date: LocalDate
    public let minute: Int

    public init(date: LocalDate, minute: Int) {
        self.date = date
        self.minute = minute
    }

    public static func < (lhs: SchoolMoment, rhs: SchoolMoment) -> Bool {
        (lhs.date, lhs.minute) < (rhs.date, rhs.minute)
    }
}

/// The internal control of how journals are kept (DOMAIN.md §4, the order's appendix 11): for each course and the
/// teacher who held its lessons, how many lessons were held and how many of them had their topic on the day, their
/// homework within the deadline after the class's last lesson, no record at all, marks entered after the work
/// type's deadline, marks changed after the edit window, absences still «н» after three days.
public enum JournalControl {
    /// The days after which an absence still «н» is overdue.
    public static let absenceGraceDays = 3

    public struct Rules: Sendable {
        public let today: LocalDate
        /// Minutes after the end of the class's last lesson by which homework is due.
        public let homeworkMinutes: Int
        /// Days after the lesson during which a mark may be changed; nil when the school keeps no window.
        public let editWindowDays: Int?

        public init(today: LocalDate, homeworkMinutes: Int, editWindowDays: Int?) {
            self.today = today
            self.homeworkMinutes = homeworkMinutes
            self.editWindowDays = editWindowDays
        }
    }

    /// Marks of one lesson entered together: the work's date, its type's deadline and when they were entered.
    public struct MarkEntry: Sendable, Hashable {
        public let workDate: LocalDate
        public let deadlineDays: Int
        public let entered: SchoolMoment
        public let count: Int

        public init(workDate: LocalDate, deadlineDays: Int, entered: SchoolMoment, count: Int) {
            self.workDate = workDate
            self.deadlineDays = deadlineDays
            self.entered = entered
            self.count = count
        }
    }

    /// A held lesson with what was written in it and when.
    public struct Lesson: Sendable, Hashable {
        public let id: Int
        public let courseID: Int
        public let teacherID: Int
        public let date: LocalDate
        public let number: Int
        /// When the topic was written; nil for no topic.
        public let topicEntered: SchoolMoment?
        /// A topic, attendance taken or a mark: anything at all written for the lesson.
        public let hasRecord: Bool
        /// When its first homework for the whole group was written; nil for none.
        public let homeworkEntered: SchoolMoment?
        /// The minute the class's last lesson of that day ends; nil when the bells do not say.
        public let classDayEnds: Int?
        public let marks: [MarkEntry]
        /// When its marks were changed or removed (the history's lines), one entry a change.
        public let markChanges: [SchoolMoment]
        /// Absences still «н».
        public let unexplainedAbsences: Int

        public init(
            id: Int,
            courseID: Int,
            teacherID: Int,
            date: LocalDate,
            number: Int,
            topicEntered: SchoolMoment?,
            hasRecord: Bool,
            homeworkEntered: SchoolMoment?,
            classDayEnds: Int?,
            marks: [MarkEntry] = [],
            markChanges: [SchoolMoment] = [],
            unexplainedAbsences: Int = 0
        ) {
            self.id = id
            self.courseID = courseID
            self.teacherID = teacherID
            self.date = date
            self.number = number
            self.topicEntered = topicEntered
            self.hasRecord = hasRecord
            self.homeworkEntered = homeworkEntered
            self.classDayEnds = classDayEnds
            self.marks = marks
            self.markChanges = markChanges
            self.unexplainedAbsences = unexplainedAbsences
        }
    }

    public enum Problem: String, CaseIterable, Sendable, Hashable {
        case noRecord = "no_record"
        case topicMissing = "topic_missing"
        case topicLate = "topic_late"
        case homeworkLate = "homework_late"
        case lateMarks = "late_marks"
        case changedAfterWindow = "changed_after_window"
        case unexplainedAbsences = "unexplained_absences"

        public var russianTitle: String {
            switch self {
            case .noRecord: "нет записи об уроке"
            case .topicMissing: "нет темы урока"
            case .topicLate: "тема не в день урока"
            case .homeworkLate: "задание записано позже срока"
            case .lateMarks: "отметки выставлены позже срока"
            case .changedAfterWindow: "отметки изменены после окна правки"
            case .unexplainedAbsences: "«н» без причины дольше 3 дней"
            }
        }

        /// What is still undone and can be put right — a weekly remark is made for these, and closes once they are:
        /// a lesson with nothing written, a lesson without its topic, an «н» not yet explained. A topic or marks written
        /// late stay late; the control counts them, but there is nothing left to do about them.
        public var isOutstanding: Bool {
            switch self {
            case .noRecord, .topicMissing, .unexplainedAbsences: true
            case .topicLate, .homeworkLate, .lateMarks, .changedAfterWindow: false
            }
        }
    }

    public struct Overdue: Sendable, Hashable {
        public let lesson: Lesson
        public let problems: [Problem]
    }

    /// One course as kept by one teacher over the range.
    public struct Row: Sendable, Hashable {
        public let courseID: Int
        public let teacherID: Int
        public internal(set) var held = 0
        /// The lessons held before today, whose deadlines have passed: the shares on time are of these, so that a
        /// lesson still to be taught this afternoon does not count as late.
        public internal(set) var judged = 0
        public internal(set) var topicOnTime = 0
        public internal(set) var homeworkOnTime = 0
        public internal(set) var withoutRecord = 0
        public internal(set) var lateMarks = 0
        public internal(set) var changedAfterWindow = 0
        public internal(set) var unexplainedAbsences = 0
        /// The lessons with something overdue, by date and hour, with what.
        public internal(set) var overdue: [Overdue] = []

        public var topicOnTimeRate: Rational? { judged > 0 ? Rational(100 * topicOnTime, judged) : nil }
        public var homeworkOnTimeRate: Rational? { judged > 0 ? Rational(100 * homeworkOnTime, judged) : nil }
    }

    /// What is overdue in one lesson under `rules`; a lesson of today is judged only on what is already late.
    public static func problems(of lesson: Lesson, rules: Rules) -> [Problem] {
        var found: [Problem] = []
        let dayOver = lesson.date < rules.today
        if dayOver && !lesson.hasRecord { found.append(.noRecord) }
        if let entered = lesson.topicEntered {
            if entered.date > lesson.date { found.append(.topicLate) }
        } else if dayOver && lesson.hasRecord {
            found.append(.topicMissing)
        }
        if let entered = lesson.homeworkEntered, let due = homeworkDue(lesson), entered > due { found.append(.homeworkLate) }
        if lateMarks(lesson) > 0 { found.append(.lateMarks) }
        if changedAfterWindow(lesson, rules: rules) > 0 { found.append(.changedAfterWindow) }
        if unexplained(lesson, rules: rules) > 0 { found.append(.unexplainedAbsences) }
        return found

        func homeworkDue(_ lesson: Lesson) -> SchoolMoment? {
            guard let end = lesson.classDayEnds else { return nil }
            let minute = end + rules.homeworkMinutes
            return SchoolMoment(date: lesson.date.adding(days: minute / 1440), minute: minute % 1440)
        }
    }

    /// Marks entered after the end of the day their work type's deadline falls on.
    static func lateMarks(_ lesson: Lesson) -> Int {
        lesson.marks.filter { $0.entered.date > $0.workDate.adding(days: $0.deadlineDays) }.reduce(0) { $0 + $1.count }
    }

    static func changedAfterWindow(_ lesson: Lesson, rules: Rules) -> Int {
        guard let window = rules.editWindowDays else { return 0 }
        return lesson.markChanges.count { $0.date > lesson.date.adding(days: window) }
    }

    static func unexplained(_ lesson: Lesson, rules: Rules) -> Int {
        lesson.date.adding(days: absenceGraceDays) < rules.today ? lesson.unexplainedAbsences : 0
    }

    /// One row per course and teacher, by course then teacher; the lessons within by date and hour.
    public static func rows(_ lessons: [Lesson], rules: Rules) -> [Row] {
        var rows: [[Int]: Row] = [:]
        for lesson in lessons.sorted(by: { ($0.date, $0.number, $0.id) < ($1.date, $1.number, $1.id) }) {
            var row = rows[[lesson.courseID, lesson.teacherID]] ?? Row(courseID: lesson.courseID, teacherID: lesson.teacherID)
            let problems = problems(of: lesson, rules: rules)
            row.held += 1
            if lesson.date < rules.today {
                row.judged += 1
                if lesson.topicEntered != nil && !problems.contains(.topicLate) { row.topicOnTime += 1 }
                if lesson.homeworkEntered != nil && !problems.contains(.homeworkLate) { row.homeworkOnTime += 1 }
            }
            if problems.contains(.noRecord) { row.withoutRecord += 1 }
            row.lateMarks += lateMarks(lesson)
            row.changedAfterWindow += changedAfterWindow(lesson, rules: rules)
            row.unexplainedAbsences += unexplained(lesson, rules: rules)
            if !problems.isEmpty { row.overdue.append(Overdue(lesson: lesson, problems: problems)) }
            rows[[lesson.courseID, lesson.teacherID]] = row
        }
        return rows.values.sorted { ($0.courseID, $0.teacherID) < ($1.courseID, $1.teacherID) }
    }

    /// The programme's pace (DOMAIN.md §4): the hours planned by `to`, the year's hours spread evenly over its study
    /// days, against the lessons held; the lag is how many planned hours are still not held.
    public static func plannedHours(yearly: Int, studyDaysElapsed: Int, studyDaysInYear: Int) -> Int {
        guard studyDaysInYear > 0 else { return 0 }
        return Rational(yearly * min(max(studyDaysElapsed, 0), studyDaysInYear), studyDaysInYear).roundedToInteger()
    }
}

extension JournalControl {
    /// The study days (Monday to Friday inside a period, not in the school-wide holidays) of a year, up to `through`.
    public static func studyDays(periods: [DateSpan], holidays: [DateSpan], through last: LocalDate) -> Int {
        var days = Set<LocalDate>()
        for period in periods where period.start <= last {
            for day in period.start...min(period.end, last) where day.weekday <= 5 && !holidays.contains(where: { $0.contains(day) }) {
                days.insert(day)
            }
        }
        return days.count
    }
}

extension JournalControl {
    /// How many pupils are below the accumulation minimum (DOMAIN.md §3) on a day of their period: the minimum is
    /// due by the period's end, so on a day inside it the share of the period gone by is asked, rounded down —
    /// nobody is behind on the period's first days, and everybody short of the whole minimum is behind once it ends.
    public static func belowAccumulation(markCounts: [Int], minimum: Int, period: DateSpan, on day: LocalDate) -> Int {
        let length = period.start.distance(to: period.end) + 1
        let gone = min(max(period.start.distance(to: day) + 1, 0), length)
        let due = minimum * gone / length
        return markCounts.count { $0 < due }
    }
}
