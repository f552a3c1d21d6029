import SQLKit
import ZhurnalCore

/// What a course's journal shows before its cells, like the first pages of a paper journal: the course as listed,
/// who may see it (the policy's facts), its periods with the rules of their arithmetic, and the school's work types.
/// One statement; the grid page adds one more for the cells (``JournalQueries/grid(school:course:span:termPeriod:in:)``).
public struct CourseJournalHead: Sendable {
    public let listing: CourseListing
    public let facts: CourseFacts
    /// The periods of the course's year and kind (quarters or half-years), in order.
    public let periods: [JournalPeriod]
    public let workTypes: [JournalQueries.WorkTypeChoice]

    /// `id` when given (nil when it is not one of the course's periods), else the period containing `today`, else the
    /// last one begun before it, else the first.
    public func period(_ id: Int?, today: LocalDate) -> JournalPeriod? {
        if let id { return periods.first { $0.id == id } }
        return periods.first { $0.span.contains(today) }
            ?? periods.last { $0.span.start <= today }
            ?? periods.first
    }

    /// The course's head, or nil when the school has no such course.
    public static func load(school: Int, course: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> CourseJournalHead? {
        var select = MixedSelect([
            "person": .integer, "id": .integer, "title": .text, "starts_on": .text, "ends_on": .text, "kind": .text,
            "closed_at": .text, "weight": .integer, "sort_order": .integer, "subject": .text, "parallel": .integer, "letter": .text,
            "group_title": .text, "journal_kind": .text, "hours_per_week": .integer, "grading": .text,
            "rounding_profile": .text, "two_forbids_five": .boolean, "not_attested_rule": .boolean,
            "double_mark_counting": .text, "allows_mark_one": .boolean, "edit_window_days": .integer,
            "last_name": .text, "first_name": .text, "patronymic": .text,
        ])
        let ofCourse: SQLQueryString = """
            FROM courses c
            JOIN schools sc ON sc.id = c.school_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            """
        select.add(
            "course",
            [
                "person": "c.id", "subject": "s.name", "parallel": "k.parallel", "letter": "k.letter", "group_title": "g.title",
                "journal_kind": "c.journal_kind", "hours_per_week": "c.hours_per_week", "grading": "c.grading",
                "rounding_profile": "sc.rounding_profile", "two_forbids_five": "sc.two_forbids_five",
                "not_attested_rule": "sc.not_attested_rule", "double_mark_counting": "sc.double_mark_counting",
                "allows_mark_one": "sc.allows_mark_one", "edit_window_days": "sc.edit_window_days",
            ],
            ofCourse + """
                JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
                WHERE c.school_id = \(bind: school) AND c.id = \(bind: course)
                """
        )
        AccessFacts.addCourseRelations(to: &select, school: school, course: course, today: today)
        select.add(
            "named_teacher",
            ["id": "p.id", "last_name": "p.last_name", "first_name": "p.first_name", "patronymic": "p.patronymic"],
            """
            FROM course_teachers t JOIN people p ON p.school_id = t.school_id AND p.id = t.teacher_id
            WHERE t.school_id = \(bind: school) AND t.course_id = \(bind: course)
            """
        )
        select.add(
            "period",
            [
                "id": "p.id", "title": "p.title", "starts_on": "p.starts_on", "ends_on": "p.ends_on", "kind": "p.kind",
                "closed_at": "p.closed_at",
            ],
            ofCourse + """
                JOIN periods p ON p.school_id = c.school_id AND p.year_id = c.year_id AND p.kind = COALESCE(k.period_kind, 'quarter')
                WHERE c.school_id = \(bind: school) AND c.id = \(bind: course)
                """
        )
        select.add(
            "work_type",
            ["id": "w.id", "title": "w.name", "weight": "w.weight", "sort_order": "w.sort_order"],
            "FROM work_types w WHERE w.school_id = \(bind: school)"
        )
        let rows = try await select.rows(in: sql)
        guard let facts = try AccessFacts.courseFacts(school: school, course: course, from: rows), let head = rows["course"]?.first
        else { return nil }
        return CourseJournalHead(
            listing: try listing(course, head, teachers: rows["named_teacher"] ?? []),
            facts: facts,
            periods: try JournalPeriod.all(rows["period"] ?? [], rules: head),
            workTypes: try workTypes(rows["work_type"] ?? [])
        )
    }

    private static func listing(_ course: Int, _ row: any SQLRow, teachers: [any SQLRow]) throws -> CourseListing {
        let className = try row.decode(column: "parallel", as: Int?.self).map { "\($0)\(try row.decode(column: "letter", as: String?.self) ?? "")" }
        let named = try teachers.map { row in
            (
                lastName: try row.decode(column: "last_name", as: String.self),
                teacher: CourseListing.Teacher(id: try row.decode(column: "id", as: Int.self), fullName: try PersonName.full(row))
            )
        }
        return CourseListing(
            id: course,
            subject: try row.decode(column: "subject", as: String.self),
            group: try row.decode(column: "group_title", as: String?.self) ?? className ?? "",
            kind: try row.decode(column: "journal_kind", as: String.self),
            teachers: named.sorted { ($0.lastName, $0.teacher.id) < ($1.lastName, $1.teacher.id) }.map(\.teacher)
        )
    }

    /// In the school's order: as ``JournalQueries/workTypes(school:in:)`` sorts them.
    private static func workTypes(_ rows: [any SQLRow]) throws -> [JournalQueries.WorkTypeChoice] {
        try rows.map { row in
            (
                order: try row.decode(column: "sort_order", as: Int.self),
                choice: JournalQueries.WorkTypeChoice(
                    id: try row.decode(column: "id", as: Int.self),
                    name: try row.decode(column: "title", as: String.self),
                    weight: try row.decode(column: "weight", as: Int.self)
                )
            )
        }
        .sorted { ($0.order, $0.choice.weight, $0.choice.name, $0.choice.id) < ($1.order, $1.choice.weight, $1.choice.name, $1.choice.id) }
        .map(\.choice)
    }
}
