import SQLKit
import ZhurnalCore

/// The reads behind the journal. Each is a fixed, small number of statements whatever the class size: the grid is
/// the hottest page of the product.
public enum JournalQueries {
    /// Pupils, lessons and cells of `course` between the span's dates, and the term marks of `termPeriod` when given,
    /// in one statement.
    public static func grid(
        school: Int,
        course: Int,
        span: DateSpan,
        termPeriod: Int? = nil,
        in sql: any SQLDatabase
    ) async throws -> JournalGrid {
        let from = span.start.iso
        let to = span.end.iso
        var select = MixedSelect([
            "id": .integer, "lesson_id": .integer, "student_id": .integer, "number": .integer, "teacher_id": .integer,
            "work_type_id": .integer, "weight": .integer, "version": .integer, "value": .text, "comment": .text,
            "status": .text, "homework": .text, "last_name": .text, "first_name": .text, "patronymic": .text,
            "starts_on": .text, "ends_on": .text, "control_work_type_id": .integer, "attendance_taken_at": .text,
            "homework_due_on": .text, "homework_files": .integer,
        ])
        // A class course lists the class's enrolments, a subgroup or cross-class course its group's members; both
        // limited to those overlapping the span.
        let person: KeyValuePairs<String, SQLQueryString> = [
            "id": "p.id", "last_name": "p.last_name", "first_name": "p.first_name", "patronymic": "p.patronymic",
            "starts_on": "e.starts_on", "ends_on": "e.ends_on",
        ]
        select.add(
            "member",
            person,
            """
            FROM courses c
            JOIN enrolments e ON e.school_id = c.school_id AND e.class_id = c.class_id
            JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course) AND c.group_id IS NULL
              AND e.starts_on <= \(bind: to) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: from))
            """
        )
        select.add(
            "member",
            person,
            """
            FROM courses c
            JOIN group_members e ON e.school_id = c.school_id AND e.group_id = c.group_id
            JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course)
              AND e.starts_on <= \(bind: to) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: from))
            """
        )
        select.add(
            "lesson",
            [
                "id": "l.id", "starts_on": "l.lesson_date", "number": "l.lesson_number", "teacher_id": "l.teacher_id",
                "value": "l.topic", "status": "l.status", "version": "l.version",
                "control_work_type_id": "l.control_work_type_id", "attendance_taken_at": "l.attendance_taken_at",
                "homework": """
                (SELECT h.body FROM homework h
                 WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND h.student_id IS NULL
                 ORDER BY h.id LIMIT 1)
                """,
                "homework_due_on": """
                (SELECT h.due_on FROM homework h
                 WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND h.student_id IS NULL)
                """,
                "homework_files": """
                (SELECT COUNT(*) FROM homework h JOIN homework_files f ON f.school_id = h.school_id AND f.homework_id = h.id
                 WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND h.student_id IS NULL)
                """,
            ],
            """
            FROM lessons l
            WHERE l.school_id = \(bind: school) AND l.course_id = \(bind: course)
              AND l.lesson_date BETWEEN \(bind: from) AND \(bind: to)
            """
        )
        // The cells of the span's lessons through the lessons' key, so that both databases look them up by the
        // (school, lesson) index rather than scan the school's marks.
        let spanLessons: SQLQueryString = """
            (SELECT l.id FROM lessons l
             WHERE l.school_id = \(bind: school) AND l.course_id = \(bind: course) AND l.lesson_date BETWEEN \(bind: from) AND \(bind: to))
            """
        select.add(
            "mark",
            [
                "id": "m.id", "lesson_id": "m.lesson_id", "student_id": "m.student_id", "value": "m.value",
                "work_type_id": "m.work_type_id", "weight": "w.weight", "comment": "m.comment", "version": "m.version",
            ],
            """
            FROM marks m
            JOIN work_types w ON w.school_id = m.school_id AND w.id = m.work_type_id
            WHERE m.school_id = \(bind: school) AND m.lesson_id IN 
            """ + spanLessons
        )
        select.add(
            "attendance",
            ["lesson_id": "a.lesson_id", "student_id": "a.student_id", "value": "a.code", "version": "a.version"],
            "FROM attendance a WHERE a.school_id = \(bind: school) AND a.lesson_id IN " + spanLessons
        )
        if let termPeriod {
            select.add(
                "term_mark",
                ["id": "t.id", "student_id": "t.student_id", "value": "t.value", "version": "t.version"],
                """
                FROM term_marks t
                WHERE t.school_id = \(bind: school) AND t.course_id = \(bind: course) AND t.period_id = \(bind: termPeriod)
                """
            )
        }
        let rows = try await select.rows(in: sql)
        let memberRows = rows["member"] ?? []
        let lessons = try (rows["lesson"] ?? []).map { row in
            JournalGrid.Lesson(
                id: try row.decode(column: "id", as: Int.self),
                date: try date(row, "starts_on"),
                number: try row.decode(column: "number", as: Int.self),
                teacherId: try row.decode(column: "teacher_id", as: Int.self),
                topic: try row.decode(column: "value", as: String?.self),
                homework: try row.decode(column: "homework", as: String?.self),
                homeworkDueOn: try row.decode(column: "homework_due_on", as: String?.self).flatMap { LocalDate(iso: $0) },
                homeworkFiles: try row.decode(column: "homework_files", as: Int.self),
                isCancelled: try row.decode(column: "status", as: String.self) == "cancelled",
                version: try row.decode(column: "version", as: Int.self),
                controlWorkTypeId: try row.decode(column: "control_work_type_id", as: Int?.self),
                attendanceTaken: try row.decode(column: "attendance_taken_at", as: String?.self) != nil
            )
        }
        .sorted { ($0.date, $0.number) < ($1.date, $1.number) }
        let termMarks = try (rows["term_mark"] ?? []).map { row in
            JournalPeriod.TermMark(
                id: try row.decode(column: "id", as: Int.self),
                studentId: try row.decode(column: "student_id", as: Int.self),
                value: try row.decode(column: "value", as: String.self),
                version: try row.decode(column: "version", as: Int.self)
            )
        }
        .sorted { $0.studentId < $1.studentId }

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
        for row in (rows["mark"] ?? []) + (rows["attendance"] ?? []) {
            let lessonId = try row.decode(column: "lesson_id", as: Int.self)
            let studentId = try row.decode(column: "student_id", as: Int.self)
            let value = try row.decode(column: "value", as: String.self)
            let version = try row.decode(column: "version", as: Int.self)
            if try row.decode(column: "shape", as: String.self) == "mark" {
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
        return JournalGrid(pupils: ordered, lessons: lessons, marks: marks, attendance: attendance, termMarks: termMarks)
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
