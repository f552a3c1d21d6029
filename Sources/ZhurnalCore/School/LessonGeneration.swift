/// Lessons laid out from the weekly timetable over a span (DOMAIN.md §2): on each day, every timetable entry valid
/// that day gives its course a lesson, if the day lies in one of the assessment periods of the course's class — no
/// lesson outside every period — and is not a holiday of the course's pupils. Lessons already there — generated
/// before, moved, or carrying marks — are never touched: generation only adds the missing.
public enum LessonGeneration {
    public struct Entry: Sendable, Hashable {
        public let courseID: Int
        public let weekday: Int
        public let lessonNumber: Int
        public let valid: DateSpan
        public let teacherID: Int
        /// The parallel of the course's class; nil for a group across classes, which only school-wide holidays stop.
        public let parallel: Int?
        /// The assessment periods of the course's class (of its kind: quarters, half-years…).
        public let terms: [DateSpan]

        public init(courseID: Int, weekday: Int, lessonNumber: Int, valid: DateSpan, teacherID: Int, parallel: Int?, terms: [DateSpan]) {
            self.courseID = courseID
            self.weekday = weekday
            self.lessonNumber = lessonNumber
            self.valid = valid
            self.teacherID = teacherID
            self.parallel = parallel
            self.terms = terms
        }
    }

    /// A holiday of the whole school or of one parallel, as the calendar's rules know it.
    public typealias Holiday = YearCalendarRules.Holiday

    public struct Slot: Sendable, Hashable {
        public let courseID: Int
        public let date: LocalDate
        public let lessonNumber: Int

        public init(courseID: Int, date: LocalDate, lessonNumber: Int) {
            self.courseID = courseID
            self.date = date
            self.lessonNumber = lessonNumber
        }
    }

    public struct Lesson: Sendable, Hashable {
        public let slot: Slot
        public let teacherID: Int
    }

    public struct Outcome: Sendable {
        public var new: [Lesson] = []
        /// Timetable slots that already had their lesson.
        public var existing = 0
        /// Timetable slots that fell on a holiday of the course's pupils.
        public var onHolidays = 0
    }

    /// `existing` holds the lessons there and the hours lessons were moved away from by hand.
    public static func lessons(span: DateSpan, entries: [Entry], holidays: [Holiday], existing: Set<Slot>) -> Outcome {
        var outcome = Outcome()
        let byWeekday = Dictionary(grouping: entries, by: \.weekday)
        for date in span.days {
            for entry in byWeekday[date.weekday] ?? [] where entry.valid.contains(date) && entry.terms.contains(where: { $0.contains(date) }) {
                if holidays.contains(where: { $0.span.contains(date) && ($0.parallel == nil || $0.parallel == entry.parallel) }) {
                    outcome.onHolidays += 1
                    continue
                }
                let slot = Slot(courseID: entry.courseID, date: date, lessonNumber: entry.lessonNumber)
                if existing.contains(slot) {
                    outcome.existing += 1
                } else {
                    outcome.new.append(Lesson(slot: slot, teacherID: entry.teacherID))
                }
            }
        }
        return outcome
    }
}
