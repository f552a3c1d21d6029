import Foundation
import SQLKit
import ZhurnalCore

/// The reads behind the family's diary. Each is one statement whatever the week holds: the diary is what most parents
/// open, most of them on a phone.
public enum DiaryQueries {
    /// The pupil's week: his lessons (of his class's courses while enrolled, of his groups' while a member), their
    /// homework for the class and for him with its files, his marks and attendance, the school's years, the parents' «Ознакомлен» of the week,
    /// and — when `family` is a parent's person id — that parent's children. One statement.
    public static func week(
        school: Int,
        student: Int,
        week: SchoolWeek,
        family parent: Int? = nil,
        familySchool: Int? = nil,
        linkedAccount: AccountRef? = nil,
        in sql: any SQLDatabase
    ) async throws
        -> StudentWeek
    {
        let (from, to) = (week.span.start.iso, week.span.end.iso)
        // His lessons of the week, read once for every branch below.
        let weekLessons: SQLQueryString = """
            WITH week_lessons AS (
              SELECT l.id AS lesson_id FROM enrolments e
              JOIN courses c ON c.school_id = e.school_id AND c.class_id = e.class_id AND c.group_id IS NULL
              JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
              WHERE e.school_id = \(bind: school) AND e.student_id = \(bind: student)
                AND l.lesson_date BETWEEN \(bind: from) AND \(bind: to)
                AND l.lesson_date >= e.starts_on AND (e.ends_on IS NULL OR l.lesson_date <= e.ends_on)
              UNION
              SELECT l.id FROM group_members m
              JOIN courses c ON c.school_id = m.school_id AND c.group_id = m.group_id
              JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
              WHERE m.school_id = \(bind: school) AND m.student_id = \(bind: student)
                AND l.lesson_date BETWEEN \(bind: from) AND \(bind: to)
                AND l.lesson_date >= m.starts_on AND (m.ends_on IS NULL OR l.lesson_date <= m.ends_on)
            )
            """
        var select = MixedSelect(
            [
                "id": .integer, "lesson_id": .integer, "homework_id": .integer, "number": .integer, "weight": .integer,
                "flag": .integer, "on_date": .text, "other_date": .text, "title": .text, "value": .text, "comment": .text,
                "status": .text, "starts_at": .text, "ends_at": .text, "last_name": .text, "first_name": .text,
                "patronymic": .text,
            ],
            with: weekLessons
        )
        select.add(
            "lesson",
            [
                "id": "l.id", "on_date": "l.lesson_date", "number": "l.lesson_number", "other_date": "l.moved_from",
                "title": "s.name", "value": "l.topic", "comment": "cw.name", "status": "l.status", "starts_at": "b.starts_at",
                "ends_at": "b.ends_at", "last_name": "t.last_name", "first_name": "t.first_name", "patronymic": "t.patronymic",
                // A substitution: the lesson's teacher is not one of the course's.
                "flag": """
                (SELECT COUNT(*) FROM course_teachers ct
                 WHERE ct.school_id = l.school_id AND ct.course_id = l.course_id AND ct.teacher_id = l.teacher_id)
                """,
            ],
            """
            FROM week_lessons w
            JOIN lessons l ON l.school_id = \(bind: school) AND l.id = w.lesson_id
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            JOIN people t ON t.school_id = l.school_id AND t.id = l.teacher_id
            LEFT JOIN work_types cw ON cw.school_id = l.school_id AND cw.id = l.control_work_type_id
            LEFT JOIN bells b ON b.school_id = l.school_id AND b.lesson_number = l.lesson_number
            """
        )
        select.add(
            "homework",
            ["id": "h.id", "lesson_id": "h.lesson_id", "value": "h.body", "on_date": "h.due_on", "flag": "h.student_id"],
            """
            FROM homework h
            WHERE h.school_id = \(bind: school) AND h.lesson_id IN (SELECT lesson_id FROM week_lessons)
              AND (h.student_id IS NULL OR h.student_id = \(bind: student))
            """
        )
        select.add(
            "file",
            ["id": "f.id", "homework_id": "f.homework_id", "title": "f.file_name", "number": "f.byte_size"],
            """
            FROM homework h
            JOIN homework_files f ON f.school_id = h.school_id AND f.homework_id = h.id
            WHERE h.school_id = \(bind: school) AND h.lesson_id IN (SELECT lesson_id FROM week_lessons)
              AND (h.student_id IS NULL OR h.student_id = \(bind: student))
            """
        )
        select.add(
            "mark",
            [
                "id": "m.id", "lesson_id": "m.lesson_id", "value": "m.value", "title": "w.name", "weight": "w.weight",
                "comment": "m.comment",
            ],
            """
            FROM marks m
            JOIN work_types w ON w.school_id = m.school_id AND w.id = m.work_type_id
            WHERE m.school_id = \(bind: school) AND m.student_id = \(bind: student) AND m.lesson_id IN (SELECT lesson_id FROM week_lessons)
            """
        )
        select.add(
            "attendance",
            ["lesson_id": "a.lesson_id", "value": "a.code"],
            """
            FROM attendance a
            WHERE a.school_id = \(bind: school) AND a.student_id = \(bind: student) AND a.lesson_id IN (SELECT lesson_id FROM week_lessons)
            """
        )
        select.add(
            "year",
            ["id": "y.id", "on_date": "y.starts_on", "other_date": "y.ends_on"],
            "FROM academic_years y WHERE y.school_id = \(bind: school)"
        )
        select.add(
            "pupil",
            ["id": "p.id", "last_name": "p.last_name", "first_name": "p.first_name", "patronymic": "p.patronymic"],
            "FROM people p WHERE p.school_id = \(bind: school) AND p.id = \(bind: student)"
        )
        select.add(
            "acknowledgement",
            [
                "id": "p.id", "last_name": "p.last_name", "first_name": "p.first_name", "patronymic": "p.patronymic",
                "value": "k.acknowledged_at",
            ],
            """
            FROM diary_acknowledgements k JOIN people p ON p.school_id = k.school_id AND p.id = k.guardian_id
            WHERE k.school_id = \(bind: school) AND k.student_id = \(bind: student) AND k.week_start = \(bind: week.monday.iso)
            """
        )
        if let parent {
            select.add(
                "child",
                ["id": "p.id", "last_name": "p.last_name", "first_name": "p.first_name", "patronymic": "p.patronymic"],
                """
                FROM guardianships g JOIN people p ON p.school_id = g.school_id AND p.id = g.student_id
                WHERE g.school_id = \(bind: familySchool ?? school) AND g.guardian_id = \(bind: parent)
                """
            )
        }
        if let linkedAccount {
            // His children in other schools, linked by the operator to his account.
            select.add(
                "child",
                ["id": "p.id", "last_name": "p.last_name", "first_name": "p.first_name", "patronymic": "p.patronymic"],
                """
                FROM family_links f JOIN people p ON p.school_id = f.school_id AND p.id = f.student_id
                WHERE f.guardian_school_id = \(bind: linkedAccount.schoolID) AND f.guardian_account_id = \(bind: linkedAccount.accountID)
                """
            )
        }
        let rows = try await select.rows(in: sql)
        return try StudentWeek(week: week, rows: rows)
    }
}

extension StudentWeek {
    init(week: SchoolWeek, rows: [String: [any SQLRow]]) throws {
        var files: [Int: [File]] = [:]
        for row in rows["file"] ?? [] {
            files[try row.decode(column: "homework_id", as: Int.self), default: []].append(
                File(
                    id: try row.decode(column: "id", as: Int.self),
                    name: try row.decode(column: "title", as: String.self),
                    byteSize: try row.decode(column: "number", as: Int.self)
                )
            )
        }
        var homework: [Int: [Homework]] = [:]
        for row in rows["homework"] ?? [] {
            let id = try row.decode(column: "id", as: Int.self)
            homework[try row.decode(column: "lesson_id", as: Int.self), default: []].append(
                Homework(
                    id: id,
                    body: try row.decode(column: "value", as: String.self),
                    dueOn: try row.decode(column: "on_date", as: String?.self).flatMap(LocalDate.init(iso:)),
                    personal: try row.decode(column: "flag", as: Int?.self) != nil,
                    files: (files[id] ?? []).sorted { $0.id < $1.id }
                )
            )
        }
        var marks: [Int: [Mark]] = [:]
        for row in rows["mark"] ?? [] {
            marks[try row.decode(column: "lesson_id", as: Int.self), default: []].append(
                Mark(
                    id: try row.decode(column: "id", as: Int.self),
                    value: try row.decode(column: "value", as: String.self),
                    workType: try row.decode(column: "title", as: String.self),
                    weight: try row.decode(column: "weight", as: Int.self),
                    comment: try row.decode(column: "comment", as: String?.self)
                )
            )
        }
        var attendance: [Int: String] = [:]
        for row in rows["attendance"] ?? [] {
            attendance[try row.decode(column: "lesson_id", as: Int.self)] = try row.decode(column: "value", as: String.self)
        }
        let lessons = try (rows["lesson"] ?? []).map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return Lesson(
                id: id,
                date: try date(row, "on_date"),
                number: try row.decode(column: "number", as: Int.self),
                startsAt: try row.decode(column: "starts_at", as: String?.self),
                endsAt: try row.decode(column: "ends_at", as: String?.self),
                subject: try row.decode(column: "title", as: String.self),
                teacher: try PersonName.full(row),
                substitution: try row.decode(column: "flag", as: Int.self) == 0,
                cancelled: try row.decode(column: "status", as: String.self) == "cancelled",
                movedFrom: try row.decode(column: "other_date", as: String?.self).flatMap(LocalDate.init(iso:)),
                topic: try row.decode(column: "value", as: String?.self),
                controlWork: try row.decode(column: "comment", as: String?.self),
                homework: (homework[id] ?? []).sorted { ($0.personal ? 1 : 0, $0.id) < ($1.personal ? 1 : 0, $1.id) },
                marks: (marks[id] ?? []).sorted { $0.id < $1.id },
                attendance: attendance[id]
            )
        }
        let children = try (rows["child"] ?? []).map { row in
            Child(id: try row.decode(column: "id", as: Int.self), fullName: try PersonName.full(row))
        }
        let acknowledgements = try (rows["acknowledgement"] ?? []).map { row in
            DiaryAcknowledgement(
                guardianID: try row.decode(column: "id", as: Int.self),
                guardianName: try PersonName.full(row),
                at: try row.decode(column: "value", as: String.self)
            )
        }
        self.init(
            week: week,
            acknowledgements: acknowledgements.sorted { ($0.at, $0.guardianID) < ($1.at, $1.guardianID) },
            pupilName: try (rows["pupil"]?.first).map(PersonName.full) ?? "",
            lessons: lessons.sorted { ($0.date, $0.number, $0.id) < ($1.date, $1.number, $1.id) },
            years: try (rows["year"] ?? []).map { row in DateSpan(try date(row, "on_date"), try date(row, "other_date")) },
            children: children.sorted { ($0.fullName, $0.id) < ($1.fullName, $1.id) }
        )
    }
}

extension DiaryQueries {
    /// A homework file as the pupil's diary offers it: of his class's homework or his own, in a lesson of a course he
    /// belonged to on its day; nil for any other. One statement.
    public static func file(school: Int, student: Int, file: Int, in sql: any SQLDatabase) async throws -> (HomeworkFile, Data)? {
        guard
            let row = try await sql.raw(
                """
                SELECT f.id, f.homework_id, f.file_name, f.content_type, f.byte_size, f.uploaded_at, f.content
                FROM homework_files f
                JOIN homework h ON h.school_id = f.school_id AND h.id = f.homework_id
                JOIN lessons l ON l.school_id = h.school_id AND l.id = h.lesson_id
                JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
                WHERE f.school_id = \(bind: school) AND f.id = \(bind: file)
                  AND (h.student_id IS NULL OR h.student_id = \(bind: student))
                  AND (EXISTS (SELECT 1 FROM enrolments e
                               WHERE e.school_id = c.school_id AND c.group_id IS NULL AND e.class_id = c.class_id
                                 AND e.student_id = \(bind: student)
                                 AND e.starts_on <= l.lesson_date AND (e.ends_on IS NULL OR e.ends_on >= l.lesson_date))
                       OR EXISTS (SELECT 1 FROM group_members m
                                  WHERE m.school_id = c.school_id AND m.group_id = c.group_id AND m.student_id = \(bind: student)
                                    AND m.starts_on <= l.lesson_date AND (m.ends_on IS NULL OR m.ends_on >= l.lesson_date)))
                """
            ).first()
        else { return nil }
        return (try HomeworkQueries.file(row), try row.decode(column: "content", as: Data.self))
    }
}
