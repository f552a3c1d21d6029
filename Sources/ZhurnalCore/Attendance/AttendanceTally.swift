/// Missed lessons (or days) by the reason the journal gives: н, б, у. Lateness (оп) is not an absence and is never
/// counted here.
public struct AbsenceCounts: Sendable, Hashable {
    /// н: reason not yet known.
    public var absent = 0
    /// б: illness.
    public var ill = 0
    /// у: excused by a document.
    public var excused = 0

    public init(absent: Int = 0, ill: Int = 0, excused: Int = 0) {
        self.absent = absent
        self.ill = ill
        self.excused = excused
    }

    public var total: Int { absent + ill + excused }

    /// The count for an absence code; lateness has none.
    public subscript(code: AttendanceCode) -> Int {
        switch code {
        case .absent: absent
        case .ill: ill
        case .excused: excused
        case .late: 0
        }
    }

    mutating func add(_ code: AttendanceCode, _ count: Int = 1) {
        switch code {
        case .absent: absent += count
        case .ill: ill += count
        case .excused: excused += count
        case .late: break
        }
    }

    public static func + (lhs: AbsenceCounts, rhs: AbsenceCounts) -> AbsenceCounts {
        AbsenceCounts(absent: lhs.absent + rhs.absent, ill: lhs.ill + rhs.ill, excused: lhs.excused + rhs.excused)
    }
}

/// One pupil's held lessons of one school day and the codes the journal has for them (DOMAIN.md §3, §4).
public struct AttendanceDay: Sendable, Hashable {
    /// Held lessons he had that day (cancelled ones are not lessons).
    public let lessons: Int
    /// Those he missed, by reason.
    public let missed: AbsenceCounts
    /// Those he came late to: attended, so not among `missed`.
    public let late: Int

    /// A day from its lessons' codes, one entry a held lesson, nil where the journal has nothing (he was there).
    public init(codes: [AttendanceCode?]) {
        var missed = AbsenceCounts()
        var late = 0
        for code in codes.compactMap({ $0 }) {
            if code == .late { late += 1 } else { missed.add(code) }
        }
        self.init(lessons: codes.count, missed: missed, late: late)
    }

    /// A day from counts the store summed. Counts beyond the lessons cannot come from one journal; the lessons are
    /// raised to them so that a share never exceeds the whole.
    public init(lessons: Int, missed: AbsenceCounts, late: Int) {
        self.lessons = max(lessons, missed.total + late, 0)
        self.missed = missed
        self.late = late
    }

    /// The reason of the day if he missed every lesson he had that day, nil otherwise — a day with one lesson
    /// attended, or only late to, is not a missed day, and neither is a day without lessons.
    ///
    /// When the day's lessons carry different codes the day takes the weakest reason the school can stand behind:
    /// any «н» leaves the day unexplained (part of it is), all «б» make it a day of illness, and any other mix of «б»
    /// and «у» an excused day (both are valid reasons, and illness is one of the excused ones).
    public var missedDayReason: AttendanceCode? {
        guard lessons > 0, missed.total == lessons else { return nil }
        if missed.absent > 0 { return .absent }
        if missed.ill == lessons { return .ill }
        return .excused
    }
}

/// A pupil's (or a class's, summed) attendance over a range: lessons held, missed by reason with the share of lessons,
/// lateness, and the days he missed whole (DOMAIN.md §4: a day counts only if all that day's lessons were missed).
public struct AttendanceTally: Sendable, Hashable {
    /// Held lessons he had while enrolled.
    public private(set) var lessons = 0
    public private(set) var missedLessons = AbsenceCounts()
    /// Lessons he came late to (оп): attended, counted apart.
    public private(set) var lateLessons = 0
    /// Days on which he missed every lesson, by the day's reason (``AttendanceDay/missedDayReason``).
    public private(set) var missedDays = AbsenceCounts()

    public init() {}

    /// `lessons` held lessons in all, of which the days that have journal entries are given; the lessons of other days
    /// were attended. The total is raised to the days' own lessons if it is short of them.
    public init(lessons: Int, days: [AttendanceDay]) {
        for day in days { add(day) }
        self.lessons = max(self.lessons, lessons)
    }

    public mutating func add(_ day: AttendanceDay) {
        lessons += day.lessons
        missedLessons = missedLessons + day.missed
        lateLessons += day.late
        if let reason = day.missedDayReason { missedDays.add(reason) }
    }

    /// The share of his lessons he missed, exact; nil when he had none.
    public var missedShare: Rational? {
        lessons == 0 ? nil : Rational(missedLessons.total, lessons)
    }

    /// The share as a percentage with one decimal and the Russian comma ("3,2"); nil when he had no lessons.
    public var missedPercent: String? {
        missedShare.map { ($0 * Rational(100)).decimalString(places: 1) }
    }

    /// A class's figures are its pupils' summed; the share is then of all their lessons, not a mean of shares.
    public static func + (lhs: AttendanceTally, rhs: AttendanceTally) -> AttendanceTally {
        var sum = lhs
        sum.lessons += rhs.lessons
        sum.missedLessons = sum.missedLessons + rhs.missedLessons
        sum.lateLessons += rhs.lateLessons
        sum.missedDays = sum.missedDays + rhs.missedDays
        return sum
    }
}
