import SQLKit
import ZhurnalCore

/// The reads behind the journal. Each is a fixed, small number of statements whatever the class size: the grid is
/// the hottest page of the product.
public enum JournalQueries {
    /// Pupils, lessons and cells of `course` between the span's dates, in three statements (two when there are no
    /// lessons).
    public static func grid(school: Int, course: Int, span: DateSpan, in sql: any SQLDatabase) async throws -> JournalGrid {
        let from = span.start.iso
        let to = span.end.iso
        // A class course lists the class's enrolments, a subgroup or cross-class course its group's members; both
        // limited to those overlapping the span.
        let memberRows = try await sql.raw(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, e.starts_on, e.ends_on
            FROM courses c
            JOIN enrolments e ON e.school_id = c.school_id AND e.class_id = c.class_id
            JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course) AND c.group_id IS NULL
              AND e.starts_on <= \(bind: to) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: from))
            UNION ALL
            SELECT p.id, p.last_name, p.first_name, p.patronymic, g.starts_on, g.ends_on
            FROM courses c
            JOIN group_members g ON g.school_id = c.school_id AND g.group_id = c.group_id
            JOIN people p ON p.school_id = g.school_id AND p.id = g.student_id
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course)
              AND g.starts_on <= \(bind: to) AND (g.ends_on IS NULL OR g.ends_on >= \(bind: from))
            """
        ).all()
        let lessonRows = try await sql.raw(
            """
            SELECT l.id, l.lesson_date, l.lesson_number, l.teacher_id, l.topic, l.status, l.version,
                (SELECT h.body FROM homework h
                 WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND h.student_id IS NULL
                 ORDER BY h.id LIMIT 1) AS homework,
                (SELECT h.due_on FROM homework h
                 WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND h.student_id IS NULL) AS homework_due_on,
                (SELECT COUNT(*) FROM homework h JOIN homework_files f ON f.school_id = h.school_id AND f.homework_id = h.id
                 WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND h.student_id IS NULL) AS homework_files
            FROM lessons l
            WHERE l.school_id = \(bind: school) AND l.course_id = \(bind: course)
              AND l.lesson_date BETWEEN \(bind: from) AND \(bind: to)
            ORDER BY l.lesson_date, l.lesson_number
            """
        ).all()
        let lessons = try lessonRows.map { row in
            JournalGrid.Lesson(
                id: try row.decode(column: "id", as: Int.self),
                date: try date(row, "lesson_date"),
                number: try row.decode(column: "lesson_number", as: Int.self),
                teacherId: try row.decode(column: "teacher_id", as: Int.self),
                topic: try row.decode(column: "topic", as: String?.self),
                homework: try row.decode(column: "homework", as: String?.self),
                homeworkDueOn: try row.decode(column: "homework_due_on", as: String?.self).flatMap { LocalDate(iso: $0) },
                homeworkFiles: try row.decode(column: "homework_files", as: Int.self),
                isCancelled: try row.decode(column: "status", as: String.self) == "cancelled",
                version: try row.decode(column: "version", as: Int.self)
            )
        }
        // The cells by the lessons' ids rather than a join on lessons: the plan is then the index lookup on both
        // databases, whatever their statistics say.
        let lessonIds = lessons.map(\.id)
        let cellRows: [any SQLRow] =
            lessonIds.isEmpty
            ? []
            : try await sql.raw(
                """
                SELECT 'mark' AS cell, m.lesson_id, m.student_id, m.id, m.value, m.work_type_id, w.weight, m.comment,
                       m.version
                FROM marks m
                JOIN work_types w ON w.school_id = m.school_id AND w.id = m.work_type_id
                WHERE m.school_id = \(bind: school) AND m.lesson_id IN (\(binds: lessonIds))
                UNION ALL
                SELECT 'attendance', a.lesson_id, a.student_id, NULL, a.code, NULL, NULL, NULL, a.version
                FROM attendance a
                WHERE a.school_id = \(bind: school) AND a.lesson_id IN (\(binds: lessonIds))
                """
            ).all()

        var pupils: [Int: JournalGrid.Pupil] = [:]
        for row in memberRows {
            let id = try row.decode(column: "id", as: Int.self)
            let span = try memberSpan(row, clampedTo: span)
            if let known = pupils[id] {
                pupils[id] = JournalGrid.Pupil(
                    id: id,
                    lastName: known.lastName,
                    firstName: known.firstName,
                    patronymic: known.patronymic,
                    member: (known.member + [span]).sorted { $0.start < $1.start }
                )
            } else {
                pupils[id] = JournalGrid.Pupil(
                    id: id,
                    lastName: try row.decode(column: "last_name", as: String.self),
                    firstName: try row.decode(column: "first_name", as: String.self),
                    patronymic: try row.decode(column: "patronymic", as: String?.self),
                    member: [span]
                )
            }
        }
        var marks: [JournalGrid.Mark] = []
        var attendance: [JournalGrid.Attendance] = []
        for row in cellRows {
            let lessonId = try row.decode(column: "lesson_id", as: Int.self)
            let studentId = try row.decode(column: "student_id", as: Int.self)
            let value = try row.decode(column: "value", as: String.self)
            let version = try row.decode(column: "version", as: Int.self)
            if try row.decode(column: "cell", as: String.self) == "mark" {
                marks.append(
                    JournalGrid.Mark(
                        id: try row.decode(column: "id", as: Int.self),
                        lessonId: lessonId,
                        studentId: studentId,
                        value: value,
                        workTypeId: try row.decode(column: "work_type_id", as: Int.self),
                        weight: try row.decode(column: "weight", as: Int.self),
                        comment: try row.decode(column: "comment", as: String?.self),
                        version: version
                    )
                )
            } else {
                attendance.append(JournalGrid.Attendance(lessonId: lessonId, studentId: studentId, code: value, version: version))
            }
        }
        marks.sort { ($0.lessonId, $0.studentId, $0.id) < ($1.lessonId, $1.studentId, $1.id) }
        attendance.sort { ($0.lessonId, $0.studentId) < ($1.lessonId, $1.studentId) }
        let ordered = RussianOrder.sorted(pupils.values)
        return JournalGrid(pupils: ordered, lessons: lessons, marks: marks, attendance: attendance)
    }

    /// A school's work types as a mark's form offers them.
    public struct WorkTypeChoice: Sendable, Hashable {
        public let id: Int
        public let name: String
        public let weight: Int
    }

    /// The school's work types in the school's order. One statement.
    public static func workTypes(school: Int, in sql: any SQLDatabase) async throws -> [WorkTypeChoice] {
        try await sql.raw(
            "SELECT id, name, weight FROM work_types WHERE school_id = \(bind: school) ORDER BY sort_order, weight, name, id"
        ).all().map { row in
            WorkTypeChoice(
                id: try row.decode(column: "id", as: Int.self),
                name: try row.decode(column: "name", as: String.self),
                weight: try row.decode(column: "weight", as: Int.self)
            )
        }
    }

    private static func memberSpan(_ row: any SQLRow, clampedTo span: DateSpan) throws -> DateSpan {
        let start = try date(row, "starts_on")
        let end = try row.decode(column: "ends_on", as: String?.self).flatMap(LocalDate.init(iso:)) ?? span.end
        return DateSpan(max(start, span.start), min(end, span.end))
    }
}

/// Reads a date column, which the schema keeps as ISO text.
func date(_ row: any SQLRow, _ column: String) throws -> LocalDate {
    let text = try row.decode(column: column, as: String.self)
    guard let value = LocalDate(iso: text) else {
        throw StoreError.rejected("в столбце \(column) не дата: «\(text)»")
    }
    return value
}
