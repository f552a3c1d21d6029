import SQLKit
import ZhurnalCore

/// A year's subgroups and groups across classes with their dated members (``GroupMembership``): the list, one group,
/// the pupils one may add, and the membership written from a date.
public enum SchoolGroups {
    public struct Group: Sendable, Hashable {
        public let id: Int
        public let title: String
        public let isSubgroup: Bool
        /// The subgroup's class; nil for a group across classes.
        public let classID: Int?
        public let className: String?
        /// Members on the day asked for.
        public let members: Int
    }

    public struct Pupil: Sendable, Hashable {
        public let id: Int
        public let fullName: String
        public let className: String
    }

    /// The year's groups, subgroups by class first, then those across classes, with their members on `today`. One
    /// statement.
    public static func of(school: Int, year: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> [Group] {
        try await groups(
            school: school,
            where: "g.year_id = \(bind: year)",
            today: today,
            in: sql
        )
    }

    /// One group of the school, or nil. One statement.
    public static func group(school: Int, id: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> (group: Group, year: Int)? {
        guard let group = try await groups(school: school, where: "g.id = \(bind: id)", today: today, in: sql).first,
            let row = try await sql.raw("SELECT year_id FROM groups WHERE school_id = \(bind: school) AND id = \(bind: id)").first()
        else { return nil }
        return (group, try row.decode(column: "year_id", as: Int.self))
    }

    private static func groups(school: Int, where condition: SQLQueryString, today: LocalDate, in sql: any SQLDatabase) async throws -> [Group] {
        var query = SQLQueryString(
            """
            SELECT g.id, g.title, g.kind, g.class_id, k.parallel, k.letter,
                   (SELECT COUNT(*) FROM group_members m WHERE m.school_id = g.school_id AND m.group_id = g.id
                      AND m.starts_on <= \(bind: today.iso) AND (m.ends_on IS NULL OR m.ends_on >= \(bind: today.iso))) AS members
            FROM groups g
            LEFT JOIN classes k ON k.school_id = g.school_id AND k.id = g.class_id
            WHERE g.school_id = \(bind: school) AND
            """
        )
        query.appendLiteral(" ")
        query.appendInterpolation(condition)
        query.appendLiteral(" ORDER BY CASE WHEN k.parallel IS NULL THEN 1 ELSE 0 END, k.parallel, k.letter, g.title, g.id")
        return try await sql.raw(query).all().map { row in
            let parallel = try row.decode(column: "parallel", as: Int?.self)
            return Group(
                id: try row.decode(column: "id", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                isSubgroup: try row.decode(column: "kind", as: String.self) == "subgroup",
                classID: try row.decode(column: "class_id", as: Int?.self),
                className: try parallel.map { "\($0)\(try row.decode(column: "letter", as: String.self))" },
                members: try row.decode(column: "members", as: Int.self)
            )
        }
    }

    /// Every stored stretch of the group's members. One statement.
    public static func stretches(school: Int, group: Int, in sql: any SQLDatabase) async throws -> [GroupMembership.Stretch] {
        try await sql.raw(
            "SELECT student_id, starts_on, ends_on FROM group_members WHERE school_id = \(bind: school) AND group_id = \(bind: group)"
        ).all().compactMap { row in
            guard let start = LocalDate(iso: try row.decode(column: "starts_on", as: String.self)) else { return nil }
            return GroupMembership.Stretch(
                studentID: try row.decode(column: "student_id", as: Int.self),
                startsOn: start,
                endsOn: try row.decode(column: "ends_on", as: String?.self).flatMap { LocalDate(iso: $0) }
            )
        }
    }

    /// Pupils enrolled on `date` in a class of the year — in `classID` only, when given — in the order of a Russian
    /// list. One statement.
    public static func pupils(school: Int, year: Int, classID: Int?, on date: LocalDate, in sql: any SQLDatabase) async throws -> [Pupil] {
        var query = SQLQueryString(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, k.parallel, k.letter
            FROM enrolments e
            JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
            WHERE e.school_id = \(bind: school) AND k.year_id = \(bind: year)
              AND e.starts_on <= \(bind: date.iso) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: date.iso))
            """
        )
        if let classID { query.appendInterpolation(" AND k.id = \(bind: classID)" as SQLQueryString) }
        return try await sql.raw(query).all().map { row in
            (
                key: RussianOrder.key(
                    [
                        try row.decode(column: "last_name", as: String.self), try row.decode(column: "first_name", as: String.self),
                        try row.decode(column: "patronymic", as: String?.self) ?? "",
                    ],
                    foldingYo: true
                ),
                pupil: Pupil(
                    id: try row.decode(column: "id", as: Int.self),
                    fullName: try PersonName.full(row),
                    className: "\(try row.decode(column: "parallel", as: Int.self))\(try row.decode(column: "letter", as: String.self))"
                )
            )
        }.sorted { $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.pupil.id < $1.pupil.id) }.map(\.pupil)
    }

    /// Of `students`, those enrolled in a class of the year on `date`. One statement.
    public static func enrolled(school: Int, year: Int, students: Set<Int>, on date: LocalDate, in sql: any SQLDatabase) async throws -> Set<Int> {
        guard !students.isEmpty else { return [] }
        return Set(
            try await sql.raw(
                """
                SELECT DISTINCT e.student_id FROM enrolments e JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
                WHERE e.school_id = \(bind: school) AND k.year_id = \(bind: year) AND e.student_id IN (\(binds: Array(students)))
                  AND e.starts_on <= \(bind: date.iso) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: date.iso))
                """
            ).all().map { try $0.decode(column: "student_id", as: Int.self) }
        )
    }

    /// Marks and absences of `students` in the group's courses from `date` on: a pupil who has them stays in the group
    /// until after them. One statement.
    public static func entriesFrom(school: Int, group: Int, students: Set<Int>, date: LocalDate, in sql: any SQLDatabase) async throws -> Int {
        guard !students.isEmpty else { return 0 }
        let ids = Array(students)
        let row = try await sql.raw(
            """
            SELECT (SELECT COUNT(*) FROM marks m JOIN lessons l ON l.school_id = m.school_id AND l.id = m.lesson_id
                    JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
                    WHERE m.school_id = \(bind: school) AND c.group_id = \(bind: group) AND l.lesson_date >= \(bind: date.iso)
                      AND m.student_id IN (\(binds: ids)))
                 + (SELECT COUNT(*) FROM attendance a JOIN lessons l ON l.school_id = a.school_id AND l.id = a.lesson_id
                    JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
                    WHERE a.school_id = \(bind: school) AND c.group_id = \(bind: group) AND l.lesson_date >= \(bind: date.iso)
                      AND a.student_id IN (\(binds: ids))) AS n
            """
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    public static func create(school: Int, year: Int, classID: Int?, title: String, in sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO groups (school_id, year_id, class_id, title, kind)
            VALUES (\(bind: school), \(bind: year), \(bind: classID), \(bind: title), \(bind: classID == nil ? "cross_class" : "subgroup"))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }

    /// Writes the plan from `date`: at most three statements, whatever the number of pupils.
    public static func apply(_ plan: GroupMembership.Plan, school: Int, group: Int, on date: LocalDate, in sql: any SQLDatabase) async throws {
        if !plan.ended.isEmpty {
            try await sql.raw(
                """
                UPDATE group_members SET ends_on = \(bind: date.adding(days: -1).iso)
                WHERE school_id = \(bind: school) AND group_id = \(bind: group) AND student_id IN (\(binds: plan.ended.map(\.studentID)))
                  AND starts_on < \(bind: date.iso) AND (ends_on IS NULL OR ends_on >= \(bind: date.iso))
                """
            ).run()
        }
        if !plan.removed.isEmpty {
            try await sql.raw(
                """
                DELETE FROM group_members
                WHERE school_id = \(bind: school) AND group_id = \(bind: group) AND student_id IN (\(binds: plan.removed.map(\.studentID)))
                  AND starts_on >= \(bind: date.iso)
                """
            ).run()
        }
        var opened = RowBatch(table: "group_members", columns: ["school_id", "group_id", "student_id", "starts_on"])
        for student in plan.opened { opened.append([school, group, student, date.iso]) }
        try await opened.flush(into: sql)
    }
}
