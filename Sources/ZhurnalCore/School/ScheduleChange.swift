/// The administration's change to one date's lessons (DOMAIN.md §2, the timetable's changes): a lesson moved to
/// another day or hour, cancelled or restored, or an extra lesson added. A lesson's place must be a day of its class's
/// open periods that is not its pupils' holiday, at an hour with a bell, with neither the class nor the teacher busy
/// elsewhere; a lesson whose day already carries marks, attendance or homework keeps it, since they were given for
/// that day.
public enum ScheduleChange {
    public typealias Refusal = RuleRefusal
    public typealias Holiday = YearCalendarRules.Holiday

    /// What a change is asked of: the lesson itself, or the one to be added.
    public struct Lesson: Sendable, Hashable {
        public let courseID: Int
        /// The subgroup it is taught to; nil for the whole class (or a group across classes, see `classID`).
        public let groupID: Int?
        /// The class whose pupils it takes; nil for a group across classes.
        public let classID: Int?
        public let teacherID: Int

        public init(courseID: Int, groupID: Int?, classID: Int?, teacherID: Int) {
            self.courseID = courseID
            self.groupID = groupID
            self.classID = classID
            self.teacherID = teacherID
        }
    }

    /// Another lesson of the school at the same date and hour.
    public struct Neighbour: Sendable, Hashable {
        public let lessonID: Int
        public let lesson: Lesson
        public let cancelled: Bool
        public let subject: String
        public let className: String
        public let teacherName: String

        public init(lessonID: Int, lesson: Lesson, cancelled: Bool, subject: String, className: String, teacherName: String) {
            self.lessonID = lessonID
            self.lesson = lesson
            self.cancelled = cancelled
            self.subject = subject
            self.className = className
            self.teacherName = teacherName
        }
    }

    /// The calendar as the lesson's class sees it: its periods (of its kind) open and closed, and the holidays.
    public struct Calendar: Sendable, Hashable {
        public let openTerms: [DateSpan]
        public let closedTerms: [DateSpan]
        public let holidays: [Holiday]
        /// The class's parallel; nil for a group across classes, which only school-wide holidays stop.
        public let parallel: Int?
        public let bells: Set<Int>

        public init(openTerms: [DateSpan], closedTerms: [DateSpan], holidays: [Holiday], parallel: Int?, bells: Set<Int>) {
            self.openTerms = openTerms
            self.closedTerms = closedTerms
            self.holidays = holidays
            self.parallel = parallel
            self.bells = bells
        }
    }

    /// The lesson at `date`, hour `number`: refused with the reason, naming who is there already. `neighbours` are the
    /// school's lessons at that hour, the lesson itself among them or not.
    public static func checkPlace(
        of lesson: Lesson,
        lessonID: Int?,
        date: LocalDate,
        number: Int,
        calendar: Calendar,
        neighbours: [Neighbour]
    ) throws(Refusal) {
        let place = "\(date.russian), \(number) урок"
        guard calendar.bells.contains(number) else {
            throw Refusal(code: "no_bell", russianMessage: "\(place): для этого урока нет звонка.")
        }
        guard date.weekday != 7 else {
            throw Refusal(code: "sunday", russianMessage: "\(date.russian) — воскресенье.")
        }
        if calendar.closedTerms.contains(where: { $0.contains(date) }) {
            throw Refusal(code: "period_closed", russianMessage: "\(date.russian) — в закрытом периоде: его журнал уже не меняют.")
        }
        guard calendar.openTerms.contains(where: { $0.contains(date) }) else {
            throw Refusal(code: "outside_period", russianMessage: "\(date.russian) — вне учебных периодов класса.")
        }
        if let holiday = calendar.holidays.first(where: { $0.span.contains(date) && ($0.parallel == nil || $0.parallel == calendar.parallel) }) {
            throw Refusal(
                code: "holiday",
                russianMessage: "\(date.russian) — каникулы (\(holiday.span.start.russian) – \(holiday.span.end.russian))."
            )
        }
        for other in neighbours where other.lessonID != lessonID {
            if other.lesson.courseID == lesson.courseID {
                throw Refusal(
                    code: "lesson_exists",
                    russianMessage: other.cancelled
                        ? "\(place): этот урок там уже есть, отменённый — восстановите его."
                        : "\(place): этот урок там уже есть."
                )
            }
            guard !other.cancelled else { continue }
            if other.lesson.teacherID == lesson.teacherID {
                throw Refusal(
                    code: "teacher_clash",
                    russianMessage: "\(place): \(other.teacherName) ведёт урок «\(other.subject)» в \(other.className)."
                )
            }
            if sharesPupils(lesson, other.lesson) {
                throw Refusal(code: "class_clash", russianMessage: "\(place): у \(other.className) уже стоит «\(other.subject)».")
            }
        }
    }

    /// A lesson leaves its place only from an open period, and only without the day's entries: they were given for
    /// that day.
    public static func checkMovable(from date: LocalDate, hasEntries: Bool, calendar: Calendar) throws(Refusal) {
        if calendar.closedTerms.contains(where: { $0.contains(date) }) {
            throw Refusal(code: "period_closed", russianMessage: "\(date.russian) — в закрытом периоде: его журнал уже не меняют.")
        }
        guard !hasEntries else {
            throw Refusal(
                code: "lesson_has_entries",
                russianMessage: "На уроке уже есть отметки, посещаемость или домашнее задание: их ставили за этот день, урок остаётся на месте."
            )
        }
    }

    /// Two lessons of one class take the same pupils unless each is taught to its own subgroup.
    static func sharesPupils(_ one: Lesson, _ other: Lesson) -> Bool {
        guard let classID = one.classID, classID == other.classID else { return false }
        guard let group = one.groupID, let otherGroup = other.groupID else { return true }
        return group == otherGroup
    }

    /// Where the lesson first stood: a lesson moved again keeps its first date, and one moved back has none.
    public static func movedFrom(original: LocalDate?, current: LocalDate, to date: LocalDate) -> LocalDate? {
        let first = original ?? current
        return first == date ? nil : first
    }
}
