import SQLKit
import ZhurnalCore

extension DiaryQueries {
    /// A pupil's marks of `period` (nil: the period of his class containing `today`, else the last begun, else the
    /// first): the periods of that year, his courses with the lessons held and missed, his marks, his term marks of
    /// the year, the school's rules and his name. One statement; nil when he has no period at all, or `period` is not
    /// one of his class's.
    public static func marks(
        school: Int,
        student: Int,
        period: Int?,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws
        -> StudentMarks?
    {
        let day = today.iso
        let chosen: SQLQueryString =
            if let period {
                "SELECT id, year_id, kind, starts_on, ends_on FROM year_periods WHERE id = \(bind: period)"
            } else {
                """
                SELECT id, year_id, kind, starts_on, ends_on FROM year_periods
                ORDER BY CASE WHEN starts_on <= \(bind: day) AND ends_on >= \(bind: day) THEN 0
                              WHEN starts_on <= \(bind: day) THEN 1 ELSE 2 END,
                         CASE WHEN starts_on <= \(bind: day) THEN starts_on END DESC, starts_on
                LIMIT 1
                """
            }
        // His classes' periods, the one chosen, and his lessons in it: of his class's courses while enrolled and of
        // his groups' while a member.
        let with: SQLQueryString =
            """
            WITH year_periods AS (
              SELECT DISTINCT p.id, p.year_id, p.kind, p.title, p.starts_on, p.ends_on, p.closed_at
              FROM enrolments e
              JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
              JOIN periods p ON p.school_id = k.school_id AND p.year_id = k.year_id AND p.kind = k.period_kind
              WHERE e.school_id = \(bind: school) AND e.student_id = \(bind: student)
            ),
            chosen AS (
            """ + chosen
                + """
                ),
                his_lessons AS (
                  SELECT l.id AS lesson_id, l.course_id, l.lesson_date, l.status FROM chosen ch
                  JOIN enrolments e ON e.school_id = \(bind: school) AND e.student_id = \(bind: student)
                  JOIN courses c ON c.school_id = e.school_id AND c.class_id = e.class_id AND c.group_id IS NULL
                  JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
                  WHERE l.lesson_date BETWEEN ch.starts_on AND ch.ends_on
                    AND l.lesson_date >= e.starts_on AND (e.ends_on IS NULL OR l.lesson_date <= e.ends_on)
                  UNION
                  SELECT l.id, l.course_id, l.lesson_date, l.status FROM chosen ch
                  JOIN group_members m ON m.school_id = \(bind: school) AND m.student_id = \(bind: student)
                  JOIN courses c ON c.school_id = m.school_id AND c.group_id = m.group_id
                  JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
                  WHERE l.lesson_date BETWEEN ch.starts_on AND ch.ends_on
                    AND l.lesson_date >= m.starts_on AND (m.ends_on IS NULL OR l.lesson_date <= m.ends_on)
                )
                """
        var select = MixedSelect(
            [
                "id": .integer, "course_id": .integer, "number": .integer, "flag": .integer, "on_date": .text, "other_date": .text,
                "title": .text, "value": .text, "comment": .text, "kind": .text, "last_name": .text, "first_name": .text,
                "patronymic": .text, "rounding_profile": .text, "two_forbids_five": .boolean, "not_attested_rule": .boolean,
                "double_mark_counting": .text, "held": .integer, "missed": .integer,
            ],
            with: with
        )
        select.add(
            "period",
            [
                "id": "y.id", "title": "y.title", "on_date": "y.starts_on", "other_date": "y.ends_on", "kind": "y.kind",
                "value": "y.closed_at", "flag": "CASE WHEN y.id = ch.id THEN 1 ELSE 0 END",
            ],
            "FROM year_periods y JOIN chosen ch ON y.year_id = ch.year_id AND y.kind = ch.kind"
        )
        select.add(
            "course",
            [
                "id": "c.id", "title": "s.name", "number": "c.hours_per_week", "kind": "c.grading",
                "held": "(SELECT COUNT(*) FROM his_lessons h WHERE h.course_id = c.id AND h.status = 'held')",
                "missed": """
                (SELECT COUNT(*) FROM attendance a JOIN his_lessons h ON h.lesson_id = a.lesson_id
                 WHERE a.school_id = c.school_id AND a.student_id = \(bind: student) AND h.course_id = c.id AND h.status = 'held'
                   AND a.code IN ('н', 'б', 'у'))
                """,
            ],
            """
            FROM courses c JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            WHERE c.school_id = \(bind: school) AND c.year_id IN (SELECT year_id FROM chosen)
              AND (c.id IN (SELECT course_id FROM his_lessons)
                   OR c.id IN (SELECT t.course_id FROM term_marks t WHERE t.school_id = \(bind: school) AND t.student_id = \(bind: student)))
            """
        )
        select.add(
            "mark",
            [
                "id": "m.id", "course_id": "h.course_id", "on_date": "h.lesson_date", "value": "m.value", "title": "w.name",
                "number": "w.weight", "comment": "m.comment",
            ],
            """
            FROM marks m
            JOIN his_lessons h ON h.lesson_id = m.lesson_id
            JOIN work_types w ON w.school_id = m.school_id AND w.id = m.work_type_id
            WHERE m.school_id = \(bind: school) AND m.student_id = \(bind: student)
            """
        )
        select.add(
            "term",
            ["course_id": "t.course_id", "kind": "t.kind", "id": "t.period_id", "value": "t.value"],
            """
            FROM term_marks t JOIN courses c ON c.school_id = t.school_id AND c.id = t.course_id
            WHERE t.school_id = \(bind: school) AND t.student_id = \(bind: student) AND c.year_id IN (SELECT year_id FROM chosen)
            """
        )
        select.add(
            "school",
            [
                "rounding_profile": "sc.rounding_profile", "two_forbids_five": "sc.two_forbids_five",
                "not_attested_rule": "sc.not_attested_rule", "double_mark_counting": "sc.double_mark_counting",
            ],
            "FROM schools sc WHERE sc.id = \(bind: school)"
        )
        select.add(
            "pupil",
            ["id": "p.id", "last_name": "p.last_name", "first_name": "p.first_name", "patronymic": "p.patronymic"],
            "FROM people p WHERE p.school_id = \(bind: school) AND p.id = \(bind: student)"
        )
        let rows = try await select.rows(in: sql)
        return try StudentMarks(rows: rows)
    }
}

extension StudentMarks {
    init?(rows: [String: [any SQLRow]]) throws {
        let periods = try (rows["period"] ?? []).map { row in
            (
                chosen: try row.decode(column: "flag", as: Int.self) == 1,
                period: Period(
                    id: try row.decode(column: "id", as: Int.self),
                    title: try row.decode(column: "title", as: String.self),
                    span: DateSpan(try date(row, "on_date"), try date(row, "other_date")),
                    kind: PeriodKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .quarter,
                    closed: try row.decode(column: "value", as: String?.self) != nil
                )
            )
        }
        guard let chosen = periods.first(where: \.chosen)?.period, let school = rows["school"]?.first else { return nil }
        let courses = try (rows["course"] ?? []).map { row in
            Course(
                id: try row.decode(column: "id", as: Int.self),
                subject: try row.decode(column: "title", as: String.self),
                weeklyHours: try row.decode(column: "number", as: Int.self),
                grading: Grading(rawValue: try row.decode(column: "kind", as: String.self)) ?? .marks,
                lessonsHeld: try row.decode(column: "held", as: Int.self),
                absences: try row.decode(column: "missed", as: Int.self)
            )
        }
        let marks = try (rows["mark"] ?? []).map { row in
            Mark(
                id: try row.decode(column: "id", as: Int.self),
                courseID: try row.decode(column: "course_id", as: Int.self),
                date: try date(row, "on_date"),
                value: try row.decode(column: "value", as: String.self),
                workType: try row.decode(column: "title", as: String.self),
                weight: try row.decode(column: "number", as: Int.self),
                comment: try row.decode(column: "comment", as: String?.self)
            )
        }
        let termMarks = try (rows["term"] ?? []).compactMap { row -> TermMark? in
            guard let kind = TermMarkKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return TermMark(
                courseID: try row.decode(column: "course_id", as: Int.self),
                kind: kind,
                periodID: try row.decode(column: "id", as: Int?.self),
                value: try row.decode(column: "value", as: String.self)
            )
        }
        self.init(
            pupilName: try (rows["pupil"]?.first).map(PersonName.full) ?? "",
            periods: periods.map(\.period).sorted { ($0.span.start, $0.id) < ($1.span.start, $1.id) },
            period: chosen,
            rules: TermMarkRules(
                profile: RoundingProfile(storageValue: try school.decode(column: "rounding_profile", as: String.self)) ?? .classic,
                twoForbidsFive: try school.decode(column: "two_forbids_five", as: Bool.self),
                notAttestedWhenFewMarksAndAbsent: try school.decode(column: "not_attested_rule", as: Bool.self),
                doubleCounting: DoubleMarkCounting(rawValue: try school.decode(column: "double_mark_counting", as: String.self)) ?? .mean
            ),
            courses: courses.sorted { ($0.subject, $0.id) < ($1.subject, $1.id) },
            marks: marks.sorted { ($0.date, $0.id) < ($1.date, $1.id) },
            termMarks: termMarks
        )
    }
}
