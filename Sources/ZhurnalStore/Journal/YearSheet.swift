import SQLKit
import ZhurnalCore

/// A course's school year as the final-marks sheet (итоговые отметки) shows it: the year, its periods with the
/// rules their proposals need, the course's parallel, and every term mark entered — period, year, exam and final.
/// Two statements.
public struct YearSheet: Sendable {
    public let yearID: Int
    public let yearTitle: String
    public let yearSpan: DateSpan
    /// The year was archived (DOMAIN.md §8): it is read only.
    public let yearArchived: Bool
    /// The parallel of the course's class; nil for a cross-class group.
    public let parallel: Int?
    /// The periods of the course's year and kind, in order.
    public let periods: [JournalPeriod]
    /// The scale of the course's term marks.
    public let markRules: MarkRules
    public let termMarks: [TermMarkRecord]

    /// Whether the year's last period is closed, which locks the year marks.
    public var lastPeriodClosed: Bool { periods.last?.closed ?? false }

    /// From the first period's start to the last one's end; the year's dates when it has no periods.
    public var span: DateSpan {
        guard let first = periods.first, let last = periods.last else { return yearSpan }
        return DateSpan(first.span.start, last.span.end)
    }

    /// The entered mark of a pupil in a slot, if any.
    public func termMark(_ student: Int, _ slot: TermMarkSlot) -> TermMarkRecord? {
        termMarks.first { $0.studentID == student && $0.slot == slot }
    }

    public static func load(school: Int, course: Int, in sql: any SQLDatabase) async throws -> YearSheet? {
        let rows = try await sql.raw(
            """
            SELECT y.id AS year_id, y.title AS year_title, y.starts_on AS year_starts_on, y.ends_on AS year_ends_on,
                   y.archived_at, k.parallel, p.id AS period_id, \(JournalPeriod.columns)
            FROM courses c
            JOIN schools sc ON sc.id = c.school_id
            JOIN academic_years y ON y.school_id = c.school_id AND y.id = c.year_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            LEFT JOIN periods p ON p.school_id = c.school_id AND p.year_id = c.year_id
                AND p.kind = COALESCE(k.period_kind, 'quarter')
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course)
            ORDER BY p.starts_on
            """
        ).all()
        guard let first = rows.first else { return nil }
        let periods = try rows.filter { try $0.decode(column: "period_id", as: Int?.self) != nil }.map(JournalPeriod.init(row:))
        let marks = try await sql.raw(
            """
            SELECT \(TermMarkRecord.columns) FROM term_marks
            WHERE school_id = \(bind: school) AND course_id = \(bind: course)
            ORDER BY student_id, id
            """
        ).all().map(TermMarkRecord.init(row:))
        return YearSheet(
            yearID: try first.decode(column: "year_id", as: Int.self),
            yearTitle: try first.decode(column: "year_title", as: String.self),
            yearSpan: DateSpan(try date(first, "year_starts_on"), try date(first, "year_ends_on")),
            yearArchived: try first.decode(column: "archived_at", as: String?.self) != nil,
            parallel: try first.decode(column: "parallel", as: Int?.self),
            periods: periods,
            markRules: MarkRules(
                allowsOne: try first.decode(column: "allows_mark_one", as: Bool.self),
                grading: Grading(rawValue: try first.decode(column: "grading", as: String.self)) ?? .marks
            ),
            termMarks: marks
        )
    }
}

/// Where a term mark goes: a period's mark (with the period), or the year, exam or final mark of the course.
public struct TermMarkSlot: Sendable, Hashable, CustomStringConvertible {
    public let kind: TermMarkKind
    /// The period of a period mark; nil for the others.
    public let periodID: Int?

    public static func period(_ id: Int) -> TermMarkSlot { TermMarkSlot(kind: .period, periodID: id) }
    public static let year = TermMarkSlot(kind: .year, periodID: nil)
    public static let exam = TermMarkSlot(kind: .exam, periodID: nil)
    public static let final = TermMarkSlot(kind: .final, periodID: nil)

    private init(kind: TermMarkKind, periodID: Int?) {
        self.kind = kind
        self.periodID = periodID
    }

    /// A slot as stored: the schema ties a period to exactly the period kind.
    init(kind text: String, periodID: Int?) throws {
        guard let kind = TermMarkKind(rawValue: text), (kind == .period) == (periodID != nil) else {
            throw StoreError.rejected("итоговая отметка неизвестного вида: «\(text)»")
        }
        self.init(kind: kind, periodID: periodID)
    }

    /// "period:7", "year".
    public var description: String { periodID.map { "\(kind.rawValue):\($0)" } ?? kind.rawValue }

    /// The history's id of a pupil's mark in this slot: "course:period:student" for a period mark (as it always
    /// was), "course:year:student" and so on for the others.
    func historyID(course: Int, student: Int) -> String {
        "\(course):\(periodID.map(String.init) ?? kind.rawValue):\(student)"
    }
}

/// A term mark as stored.
public struct TermMarkRecord: Sendable, Hashable {
    public let id: Int
    public let studentID: Int
    public let slot: TermMarkSlot
    /// Canonical text of ``MarkValue``.
    public let value: String
    public let version: Int
}

extension TermMarkRecord {
    /// The columns a term mark's query selects.
    static let columns: SQLQueryString = "id, student_id, kind, period_id, value, version"

    /// A term mark from a row of ``columns``.
    init(row: any SQLRow) throws {
        self.init(
            id: try row.decode(column: "id", as: Int.self),
            studentID: try row.decode(column: "student_id", as: Int.self),
            slot: try TermMarkSlot(
                kind: try row.decode(column: "kind", as: String.self),
                periodID: try row.decode(column: "period_id", as: Int?.self)
            ),
            value: try row.decode(column: "value", as: String.self),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
