import SQLKit
import ZhurnalCore

/// A period a course's journal is shown for, with what its arithmetic needs: the school's term-mark rules and the
/// course's weekly hours. Read with the course's ``CourseJournalHead``.
public struct JournalPeriod: Sendable, Hashable {
    public let id: Int
    public let title: String
    public let span: DateSpan
    public let kind: PeriodKind
    public let closed: Bool
    public let weeklyHours: Int
    public let termRules: TermMarkRules
    /// The scale of the course's term marks (no double marks there: the parser refuses them for a term).
    public let markRules: MarkRules
    /// Days after a lesson a teacher may still change its marks and attendance; nil: no limit.
    public let editWindowDays: Int?

    /// `periodID` when given (nil when it is not a period of the course's year and kind), else the period containing
    /// `today`, else the last one begun before it, else the first. One statement, the course's head.
    public static func load(school: Int, course: Int, periodID: Int?, today: LocalDate, in sql: any SQLDatabase) async throws -> JournalPeriod? {
        try await CourseJournalHead.load(school: school, course: course, today: today, in: sql)?.period(periodID, today: today)
    }

    /// The periods of ``CourseJournalHead``'s `period` rows, with the course's and school's rules from its `course` row.
    static func all(_ rows: [any SQLRow], rules: any SQLRow) throws -> [JournalPeriod] {
        try rows.map { try JournalPeriod(period: $0, rules: rules) }.sorted { ($0.span.start, $0.id) < ($1.span.start, $1.id) }
    }

    /// The columns a period's query selects: the period's (`p`), the course's (`c`) and the school's settings (`sc`).
    static let columns: SQLQueryString = """
        p.id, p.title, p.starts_on, p.ends_on, p.kind, p.closed_at, c.hours_per_week, c.grading, sc.rounding_profile,
        sc.two_forbids_five, sc.not_attested_rule, sc.double_mark_counting, sc.allows_mark_one, sc.edit_window_days
        """

    /// Whether `student` belongs to the course at some day of this period.
    public func hasMember(_ student: Int, school: Int, course: Int, in sql: any SQLDatabase) async throws -> Bool {
        try await Self.hasMember(student, school: school, course: course, during: span, in: sql)
    }

    /// Whether `student` belongs to the course at some day of `span`. One statement.
    public static func hasMember(_ student: Int, school: Int, course: Int, during span: DateSpan, in sql: any SQLDatabase) async throws -> Bool {
        let (from, to) = (span.start.iso, span.end.iso)
        return try await sql.raw(
            """
            SELECT 1 AS one FROM courses c
            JOIN enrolments e ON e.school_id = c.school_id AND e.class_id = c.class_id
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course) AND c.group_id IS NULL AND e.student_id = \(bind: student)
              AND e.starts_on <= \(bind: to) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: from))
            UNION ALL
            SELECT 1 FROM courses c
            JOIN group_members m ON m.school_id = c.school_id AND m.group_id = c.group_id
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course) AND m.student_id = \(bind: student)
              AND m.starts_on <= \(bind: to) AND (m.ends_on IS NULL OR m.ends_on >= \(bind: from))
            """
        ).first() != nil
    }

    /// A term mark of this period.
    public struct TermMark: Sendable, Equatable, Codable {
        public let id: Int
        public let studentId: Int
        public let value: String
        public let version: Int
    }
}

extension JournalPeriod {
    /// A period from a row of ``columns``.
    init(row: any SQLRow) throws {
        try self.init(period: row, rules: row)
    }

    /// A period from its row (`p`'s columns) and the row carrying the course's and the school's rules.
    init(period: any SQLRow, rules row: any SQLRow) throws {
        guard let kind = PeriodKind(rawValue: try period.decode(column: "kind", as: String.self)) else {
            throw StoreError.rejected("неизвестный вид периода в строке периода")
        }
        self.init(
            id: try period.decode(column: "id", as: Int.self),
            title: try period.decode(column: "title", as: String.self),
            span: DateSpan(try date(period, "starts_on"), try date(period, "ends_on")),
            kind: kind,
            closed: try period.decode(column: "closed_at", as: String?.self) != nil,
            weeklyHours: try row.decode(column: "hours_per_week", as: Int.self),
            termRules: TermMarkRules(
                profile: RoundingProfile(storageValue: try row.decode(column: "rounding_profile", as: String.self)) ?? .classic,
                twoForbidsFive: try row.decode(column: "two_forbids_five", as: Bool.self),
                notAttestedWhenFewMarksAndAbsent: try row.decode(column: "not_attested_rule", as: Bool.self),
                doubleCounting: DoubleMarkCounting(rawValue: try row.decode(column: "double_mark_counting", as: String.self)) ?? .mean
            ),
            markRules: MarkRules(
                allowsOne: try row.decode(column: "allows_mark_one", as: Bool.self),
                grading: Grading(rawValue: try row.decode(column: "grading", as: String.self)) ?? .marks
            ),
            editWindowDays: try row.decode(column: "edit_window_days", as: Int?.self)
        )
    }
}
