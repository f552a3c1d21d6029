import SQLKit
import ZhurnalCore

/// Something that happened in a pupil's journal that his family is told of: a mark, an absence, a term mark, homework
/// or a change of the timetable.
public struct FamilyEvent: Sendable, Hashable {
    public let kind: NotificationKind
    public let studentID: Int
    /// UTC ISO-8601: when it was written.
    public let at: String
    /// The lesson's day (for a term mark: none).
    public let date: LocalDate?
    public let subject: String
    /// The mark, the attendance code, the homework's text, or the lesson's change: `cancelled`, `moved`, `substitution`.
    public let value: String
    /// The work type and weight of a mark («Контрольная работа, вес 3»), the period of a term mark.
    public let detail: String?
}

public enum FamilyEvents {
    /// What was written for `students` after `since`: their marks, absences and term marks, their courses' homework, and
    /// changes of their lessons from `today` on. One statement; newest first, at most `limit`.
    public static func since(
        _ since: String,
        school: Int,
        students: [Int],
        today: LocalDate,
        limit: Int = 200,
        in sql: any SQLDatabase
    ) async throws -> [FamilyEvent] {
        guard !students.isEmpty else { return [] }
        let day = today.iso
        let courses: SQLQueryString = """
            WITH family_courses AS (
              SELECT e.student_id, c.id AS course_id FROM enrolments e
              JOIN courses c ON c.school_id = e.school_id AND c.class_id = e.class_id AND c.group_id IS NULL
              WHERE e.school_id = \(bind: school) AND e.student_id IN (\(binds: students))
                AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
              UNION
              SELECT m.student_id, c.id FROM group_members m
              JOIN courses c ON c.school_id = m.school_id AND c.group_id = m.group_id
              WHERE m.school_id = \(bind: school) AND m.student_id IN (\(binds: students))
                AND m.starts_on <= \(bind: day) AND (m.ends_on IS NULL OR m.ends_on >= \(bind: day))
            )
            """
        var select = MixedSelect(
            [
                "kind": .text, "student_id": .integer, "at": .text, "on_date": .text, "subject": .text, "value": .text, "detail": .text,
                "weight": .integer,
            ],
            with: courses
        )
        let lessonSubject: SQLQueryString = """
            JOIN lessons l ON l.school_id = x.school_id AND l.id = x.lesson_id
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            """
        select.add(
            "mark",
            [
                "student_id": "x.student_id", "at": "x.updated_at", "on_date": "l.lesson_date", "subject": "s.name", "value": "x.value",
                "detail": "w.name", "weight": "w.weight",
            ],
            "FROM marks x " + lessonSubject + " " + """
                JOIN work_types w ON w.school_id = x.school_id AND w.id = x.work_type_id
                WHERE x.school_id = \(bind: school) AND x.student_id IN (\(binds: students)) AND x.updated_at > \(bind: since)
                """
        )
        select.add(
            "absence",
            ["student_id": "x.student_id", "at": "x.updated_at", "on_date": "l.lesson_date", "subject": "s.name", "value": "x.code"],
            "FROM attendance x " + lessonSubject + " " + """
                WHERE x.school_id = \(bind: school) AND x.student_id IN (\(binds: students)) AND x.updated_at > \(bind: since)
                """
        )
        select.add(
            "term_mark",
            ["student_id": "x.student_id", "at": "x.updated_at", "subject": "s.name", "value": "x.value", "detail": "x.kind", "weight": "p.number"],
            """
            FROM term_marks x
            JOIN courses c ON c.school_id = x.school_id AND c.id = x.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            LEFT JOIN periods p ON p.school_id = x.school_id AND p.id = x.period_id
            WHERE x.school_id = \(bind: school) AND x.student_id IN (\(binds: students)) AND x.updated_at > \(bind: since)
            """
        )
        select.add(
            "homework",
            ["student_id": "f.student_id", "at": "h.updated_at", "on_date": "l.lesson_date", "subject": "s.name", "value": "h.body"],
            """
            FROM homework h
            JOIN lessons l ON l.school_id = h.school_id AND l.id = h.lesson_id
            JOIN family_courses f ON f.course_id = l.course_id
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            WHERE h.school_id = \(bind: school) AND h.updated_at > \(bind: since) AND (h.student_id IS NULL OR h.student_id = f.student_id)
            """
        )
        select.add(
            "timetable",
            [
                "student_id": "f.student_id", "at": "COALESCE(l.substitution_recorded_at, l.updated_at)", "on_date": "l.lesson_date",
                "subject": "s.name",
                "value": "CASE WHEN l.status = 'cancelled' THEN 'cancelled' WHEN l.moved_from IS NOT NULL THEN 'moved' ELSE 'substitution' END",
                "detail": "l.moved_from", "weight": "l.lesson_number",
            ],
            """
            FROM lessons l
            JOIN family_courses f ON f.course_id = l.course_id
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            WHERE l.school_id = \(bind: school) AND l.lesson_date >= \(bind: day)
              AND (((l.status = 'cancelled' OR l.moved_from IS NOT NULL) AND l.updated_at > \(bind: since))
                   OR l.substitution_recorded_at > \(bind: since))
            """
        )
        var events: [FamilyEvent] = []
        for (shape, rows) in try await select.rows(in: sql) {
            guard let kind = NotificationKind(rawValue: shape) else { continue }
            for row in rows {
                events.append(try event(kind, row))
            }
        }
        return Array(events.sorted { ($0.at, $0.studentID) > ($1.at, $1.studentID) }.prefix(limit))
    }

    private static func event(_ kind: NotificationKind, _ row: any SQLRow) throws -> FamilyEvent {
        let detail = try row.decode(column: "detail", as: String?.self)
        let number = try row.decode(column: "weight", as: Int?.self)
        let described: String? =
            switch kind {
            case .mark: detail.map { "\($0), вес \(number ?? 1)" }
            case .termMark:
                TermMarkKind(rawValue: detail ?? "").map { kind in kind == .period ? "за \(number ?? 1)-й период" : kind.russianTitle.lowercased() }
            case .timetable: detail.flatMap(LocalDate.init(iso:)).map { "перенесён с \($0.russian)" } ?? number.map { "\($0)-й урок" }
            default: detail
            }
        return FamilyEvent(
            kind: kind,
            studentID: try row.decode(column: "student_id", as: Int.self),
            at: try row.decode(column: "at", as: String.self),
            date: try row.decode(column: "on_date", as: String?.self).flatMap(LocalDate.init(iso:)),
            subject: try row.decode(column: "subject", as: String.self),
            value: try row.decode(column: "value", as: String.self),
            detail: described
        )
    }
}
