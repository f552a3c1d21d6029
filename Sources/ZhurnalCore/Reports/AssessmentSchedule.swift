/// The school's assessment schedule (график оценочных процедур, DOMAIN.md §4): the lessons marked as a control work,
/// checked against the rules for works of 30 minutes and more — in a subject and parallel not more often than once
/// in 17 days; in a class and subject not more than 10 % of the subject's yearly hours; not more than one a day in a
/// class; not on the day's first or last lesson unless the subject has at most one lesson a week.
public enum AssessmentSchedule {
    /// The fewest days between two works of a subject in a parallel.
    public static let minimumGapDays = 17

    public struct Work: Sendable, Hashable {
        public let lessonID: Int
        public let date: LocalDate
        public let lessonNumber: Int
        public let classID: Int
        public let parallel: Int
        public let subjectID: Int
        /// The course's weekly hours.
        public let weeklyHours: Int
        /// The course's yearly hours (its thematic plan's, or weekly × 34).
        public let yearlyHours: Int

        public init(
            lessonID: Int,
            date: LocalDate,
            lessonNumber: Int,
            classID: Int,
            parallel: Int,
            subjectID: Int,
            weeklyHours: Int,
            yearlyHours: Int
        ) {
            self.lessonID = lessonID
            self.date = date
            self.lessonNumber = lessonNumber
            self.classID = classID
            self.parallel = parallel
            self.subjectID = subjectID
            self.weeklyHours = weeklyHours
            self.yearlyHours = yearlyHours
        }
    }

    /// The first and last lesson numbers of a class's day.
    public struct DayBounds: Sendable, Hashable {
        public let first: Int
        public let last: Int

        public init(first: Int, last: Int) {
            self.first = first
            self.last = last
        }
    }

    public struct ClassDay: Sendable, Hashable {
        public let classID: Int
        public let date: LocalDate

        public init(classID: Int, date: LocalDate) {
            self.classID = classID
            self.date = date
        }
    }

    public enum Warning: Sendable, Hashable {
        /// Two works of a subject in a parallel fewer than 17 days apart.
        case tooClose(parallel: Int, subjectID: Int, earlier: LocalDate, later: LocalDate)
        /// A class's works in a subject over 10 % of its yearly hours.
        case overQuota(classID: Int, subjectID: Int, works: Int, yearlyHours: Int)
        /// More than one work on a class's day.
        case sameDay(classID: Int, date: LocalDate, works: Int)
        /// A work on the first or last lesson of the class's day.
        case edgeLesson(lessonID: Int, classID: Int, date: LocalDate, lessonNumber: Int)

        public var code: String {
            switch self {
            case .tooClose: "too_close"
            case .overQuota: "over_quota"
            case .sameDay: "same_day"
            case .edgeLesson: "edge_lesson"
            }
        }
    }

    /// The warnings of the schedule, in the order of the rules, each rule's by date.
    public static func warnings(_ works: [Work], days: [ClassDay: DayBounds]) -> [Warning] {
        var warnings: [Warning] = []
        // Works of several classes of a parallel on one day are one procedure of the parallel.
        let byParallel = Dictionary(grouping: works) { [$0.parallel, $0.subjectID] }
        for key in byParallel.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let dates = Set(byParallel[key]!.map(\.date)).sorted()
            for (earlier, later) in zip(dates, dates.dropFirst()) where earlier.distance(to: later) < minimumGapDays {
                warnings.append(.tooClose(parallel: key[0], subjectID: key[1], earlier: earlier, later: later))
            }
        }
        // The subgroups of a class writing the same work on one day are one work of the class.
        var seen: Set<[Int]> = []
        let classWorks = works.sorted { ($0.date, $0.lessonID) < ($1.date, $1.lessonID) }.filter {
            seen.insert([$0.classID, $0.subjectID, $0.date.dayNumber]).inserted
        }
        let byClassSubject = Dictionary(grouping: classWorks) { [$0.classID, $0.subjectID] }
        for key in byClassSubject.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let group = byClassSubject[key]!
            let yearly = group.map(\.yearlyHours).max() ?? 0
            // 10 % of the yearly hours, exactly: works × 10 must not exceed the hours.
            if group.count * 10 > yearly {
                warnings.append(.overQuota(classID: key[0], subjectID: key[1], works: group.count, yearlyHours: yearly))
            }
        }
        let byDay = Dictionary(grouping: classWorks) { ClassDay(classID: $0.classID, date: $0.date) }
        for (day, group) in byDay.sorted(by: { ($0.key.date, $0.key.classID) < ($1.key.date, $1.key.classID) }) where group.count > 1 {
            warnings.append(.sameDay(classID: day.classID, date: day.date, works: group.count))
        }
        for work in works.sorted(by: { ($0.date, $0.classID, $0.lessonNumber) < ($1.date, $1.classID, $1.lessonNumber) }) where work.weeklyHours > 1 {
            guard let bounds = days[ClassDay(classID: work.classID, date: work.date)] else { continue }
            if work.lessonNumber == bounds.first || work.lessonNumber == bounds.last {
                warnings.append(.edgeLesson(lessonID: work.lessonID, classID: work.classID, date: work.date, lessonNumber: work.lessonNumber))
            }
        }
        return warnings
    }
}
