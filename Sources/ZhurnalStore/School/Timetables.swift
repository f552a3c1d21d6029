import SQLKit
import ZhurnalCore

/// A class's courses and weekly timetable as the administrator edits them, with the other classes' lessons that a new
/// timetable must not clash with.
public enum Timetables {
    /// A lesson as the timetable laid it and nobody touched since — no topic, entries or history lines, substitution
    /// or change by hand, outside closed periods — over the table `lessons` itself: one a new timetable or calendar may
    /// take away. A calendar that takes the day away takes a cancelled lesson too (`cancelledToo`): there is nothing
    /// left to cancel.
    static func untouched(cancelledToo: Bool = false) -> SQLQueryString {
        var query: SQLQueryString =
            cancelledToo
            ? "(lessons.status = 'cancelled' OR (lessons.status = 'held' AND lessons.schedule_change IS NULL AND lessons.moved_from IS NULL))"
            : "lessons.status = 'held' AND lessons.schedule_change IS NULL AND lessons.moved_from IS NULL"
        query.appendLiteral(
            """

              AND lessons.topic IS NULL AND lessons.attendance_taken_at IS NULL AND lessons.control_work_type_id IS NULL
              AND lessons.substitution_recorded_at IS NULL AND lessons.moved_from_number IS NULL
              AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.school_id = lessons.school_id AND m.lesson_id = lessons.id)
              AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.school_id = lessons.school_id AND a.lesson_id = lessons.id)
              AND NOT EXISTS (SELECT 1 FROM homework h WHERE h.school_id = lessons.school_id AND h.lesson_id = lessons.id)
              AND NOT EXISTS (SELECT 1 FROM history y WHERE y.school_id = lessons.school_id AND y.lesson_id = lessons.id)
              AND NOT EXISTS (SELECT 1 FROM periods p WHERE p.school_id = lessons.school_id AND p.closed_at IS NOT NULL
                              AND lessons.lesson_date BETWEEN p.starts_on AND p.ends_on)
            """
        )
        return query
    }

    /// Whose week: a class — its own courses and its subgroups' — or a group across classes.
    public enum Owner: Sendable, Hashable {
        case schoolClass(Int)
        case group(Int)

        /// The owner's courses, over `courses c LEFT JOIN groups g`.
        var courses: SQLQueryString {
            switch self {
            case .schoolClass(let id): "COALESCE(c.class_id, g.class_id) = \(bind: id)"
            case .group(let id): "c.group_id = \(bind: id)"
            }
        }

        /// Everyone else's courses, over the same join with `classes k`.
        var others: SQLQueryString {
            switch self {
            case .schoolClass(let id): "(k.id IS NULL OR k.id <> \(bind: id))"
            case .group(let id): "(c.group_id IS NULL OR c.group_id <> \(bind: id))"
            }
        }
    }

    public struct ClassCourse: Sendable, Hashable {
        public let id: Int
        public let subjectID: Int
        /// The subject's name, with the subgroup's title after it for a course of a subgroup.
        public let subject: String
        public let subjectName: String
        public let groupTitle: String?
        public let kind: JournalKind
        public let grading: Grading
        public let hoursPerWeek: Int
        /// The subgroup the course is taught to; nil for the whole class.
        public let groupID: Int?
        public let teacherIDs: [Int]
        public let teacherNames: [String]
    }

    /// The class's own courses and those of its subgroups, by subject. One statement.
    public static func courses(school: Int, of owner: Owner, in sql: any SQLDatabase) async throws -> [ClassCourse] {
        var courses: [ClassCourse] = []
        for row in try await sql.raw(
            """
            SELECT c.id, c.subject_id, s.name AS subject, c.journal_kind, c.grading, c.hours_per_week, c.group_id, g.title AS group_title,
                   p.id AS teacher_id, p.last_name, p.first_name, p.patronymic
            FROM courses c
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN course_teachers t ON t.school_id = c.school_id AND t.course_id = c.id
            LEFT JOIN people p ON p.school_id = t.school_id AND p.id = t.teacher_id
            WHERE c.school_id = \(bind: school) AND \(owner.courses)
            ORDER BY s.sort_order, s.name, c.id, p.last_name, p.id
            """
        ).all() {
            let id = try row.decode(column: "id", as: Int.self)
            let teacher = try row.decode(column: "teacher_id", as: Int?.self)
            let name = try teacher.map { _ in try PersonName.full(row) }
            if let last = courses.last, last.id == id {
                courses[courses.count - 1] = ClassCourse(
                    id: id,
                    subjectID: last.subjectID,
                    subject: last.subject,
                    subjectName: last.subjectName,
                    groupTitle: last.groupTitle,
                    kind: last.kind,
                    grading: last.grading,
                    hoursPerWeek: last.hoursPerWeek,
                    groupID: last.groupID,
                    teacherIDs: last.teacherIDs + [teacher].compactMap { $0 },
                    teacherNames: last.teacherNames + [name].compactMap { $0 }
                )
                continue
            }
            let group = try row.decode(column: "group_title", as: String?.self)
            courses.append(
                ClassCourse(
                    id: id,
                    subjectID: try row.decode(column: "subject_id", as: Int.self),
                    subject: try row.decode(column: "subject", as: String.self) + (group.map { " (\($0))" } ?? ""),
                    subjectName: try row.decode(column: "subject", as: String.self),
                    groupTitle: group,
                    kind: JournalKind(rawValue: try row.decode(column: "journal_kind", as: String.self)) ?? .lesson,
                    grading: Grading(rawValue: try row.decode(column: "grading", as: String.self)) ?? .marks,
                    hoursPerWeek: try row.decode(column: "hours_per_week", as: Int.self),
                    groupID: try row.decode(column: "group_id", as: Int?.self),
                    teacherIDs: [teacher].compactMap { $0 },
                    teacherNames: [name].compactMap { $0 }
                )
            )
        }
        return courses
    }

    /// The class's week as it stands on `date`. One statement.
    public static func week(school: Int, of owner: Owner, on date: LocalDate, in sql: any SQLDatabase) async throws -> [TimetableRules.Cell] {
        try await sql.raw(
            """
            SELECT t.weekday, t.lesson_number, t.course_id, t.room FROM timetable_entries t
            JOIN courses c ON c.school_id = t.school_id AND c.id = t.course_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            WHERE t.school_id = \(bind: school) AND \(owner.courses)
              AND t.valid_from <= \(bind: date.iso) AND (t.valid_to IS NULL OR t.valid_to >= \(bind: date.iso))
            ORDER BY t.weekday, t.lesson_number
            """
        ).all().map {
            TimetableRules.Cell(
                weekday: try $0.decode(column: "weekday", as: Int.self),
                lessonNumber: try $0.decode(column: "lesson_number", as: Int.self),
                courseID: try $0.decode(column: "course_id", as: Int.self),
                room: try $0.decode(column: "room", as: String?.self)
            )
        }
    }

    /// A teacher's week of the year as it stands on `date`: every timetable entry of the courses he teaches. One
    /// statement.
    public static func teacherWeek(school: Int, year: Int, teacherID: Int, on date: LocalDate, in sql: any SQLDatabase) async throws -> TeacherWeek {
        TeacherWeek(
            lessons: try await sql.raw(
                """
                SELECT t.weekday, t.lesson_number, t.room, t.course_id, s.name AS subject, k.parallel, k.letter, g.title AS group_title
                FROM timetable_entries t
                JOIN courses c ON c.school_id = t.school_id AND c.id = t.course_id
                JOIN course_teachers ct ON ct.school_id = c.school_id AND ct.course_id = c.id
                JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
                LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
                LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
                WHERE t.school_id = \(bind: school) AND c.year_id = \(bind: year) AND ct.teacher_id = \(bind: teacherID)
                  AND t.valid_from <= \(bind: date.iso) AND (t.valid_to IS NULL OR t.valid_to >= \(bind: date.iso))
                """
            ).all().map { row in
                let group = try row.decode(column: "group_title", as: String?.self)
                let parallel = try row.decode(column: "parallel", as: Int?.self)
                let className = try parallel.map { "\($0)\(try row.decode(column: "letter", as: String.self))" }
                return TeacherWeek.Lesson(
                    weekday: try row.decode(column: "weekday", as: Int.self),
                    lessonNumber: try row.decode(column: "lesson_number", as: Int.self),
                    courseID: try row.decode(column: "course_id", as: Int.self),
                    subject: try row.decode(column: "subject", as: String.self),
                    className: [className, group].compactMap { $0 }.joined(separator: ", "),
                    room: try row.decode(column: "room", as: String?.self)
                )
            }
        )
    }

    /// The other classes' lessons of the year on `date`, with their teachers and rooms. One statement.
    public static func busy(
        school: Int,
        year: Int,
        except owner: Owner,
        on date: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> [TimetableRules.Busy] {
        try await sql.raw(
            """
            SELECT t.weekday, t.lesson_number, t.room, ct.teacher_id, p.last_name, p.first_name, p.patronymic, k.parallel, k.letter, g.title AS group_title
            FROM timetable_entries t
            JOIN courses c ON c.school_id = t.school_id AND c.id = t.course_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            JOIN course_teachers ct ON ct.school_id = c.school_id AND ct.course_id = c.id
            JOIN people p ON p.school_id = ct.school_id AND p.id = ct.teacher_id
            WHERE t.school_id = \(bind: school) AND c.year_id = \(bind: year)
              AND \(owner.others)
              AND t.valid_from <= \(bind: date.iso) AND (t.valid_to IS NULL OR t.valid_to >= \(bind: date.iso))
            """
        ).all().map { row in
            let parallel = try row.decode(column: "parallel", as: Int?.self)
            return TimetableRules.Busy(
                weekday: try row.decode(column: "weekday", as: Int.self),
                lessonNumber: try row.decode(column: "lesson_number", as: Int.self),
                teacherID: try row.decode(column: "teacher_id", as: Int.self),
                teacherName: try PersonName.full(row),
                room: try row.decode(column: "room", as: String?.self),
                className: try parallel.map { "\($0)\(try row.decode(column: "letter", as: String.self))" }
                    ?? row.decode(column: "group_title", as: String?.self) ?? "группе"
            )
        }
    }

    /// The class's timetable from `from` on: entries that began earlier end the day before, later ones are replaced,
    /// the new week starts that day. Lessons of the class from `firstLesson` on that nobody has written anything in,
    /// outside closed periods, are removed, so the caller can lay the new week onto the days.
    public static func replace(
        school: Int,
        owner: Owner,
        cells: [TimetableRules.Cell],
        from: LocalDate,
        firstLesson: LocalDate,
        in sql: any SQLDatabase
    ) async throws {
        let courses: SQLQueryString = """
            SELECT c.id FROM courses c LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            WHERE c.school_id = \(bind: school) AND \(owner.courses)
            """
        try await sql.raw(
            "DELETE FROM timetable_entries WHERE school_id = \(bind: school) AND valid_from >= \(bind: from.iso) AND course_id IN (\(courses))"
        ).run()
        try await sql.raw(
            """
            UPDATE timetable_entries SET valid_to = \(bind: from.adding(days: -1).iso)
            WHERE school_id = \(bind: school) AND (valid_to IS NULL OR valid_to >= \(bind: from.iso)) AND course_id IN (\(courses))
            """
        ).run()
        var entries = RowBatch(table: "timetable_entries", columns: ["school_id", "course_id", "weekday", "lesson_number", "valid_from", "room"])
        for cell in cells {
            entries.append([school, cell.courseID, cell.weekday, cell.lessonNumber, from.iso, cell.room?.isEmpty == false ? cell.room : nil])
        }
        try await entries.flush(into: sql)
        try await sql.raw(
            """
            DELETE FROM lessons
            WHERE school_id = \(bind: school) AND lesson_date >= \(bind: firstLesson.iso) AND course_id IN (\(courses))
              AND \(untouched())
            """
        ).run()
    }

    /// A course of a class, of one of its subgroups (`classID` and `groupID`), or of a group across classes (`groupID`
    /// alone).
    public static func addCourse(
        school: Int,
        year: Int,
        classID: Int?,
        groupID: Int? = nil,
        subjectID: Int,
        kind: JournalKind,
        grading: Grading,
        hours: Int,
        teacherID: Int,
        in sql: any SQLDatabase
    ) async throws -> Int {
        let id = try await sql.raw(
            """
            INSERT INTO courses (school_id, year_id, subject_id, class_id, group_id, journal_kind, grading, hours_per_week)
            VALUES (\(bind: school), \(bind: year), \(bind: subjectID), \(bind: classID), \(bind: groupID), \(bind: kind.rawValue),
                    \(bind: grading.rawValue), \(bind: hours))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
        try await sql.raw(
            "INSERT INTO course_teachers (school_id, course_id, teacher_id) VALUES (\(bind: school), \(bind: id), \(bind: teacherID))"
        ).run()
        return id
    }

    /// The course's teachers become `teachers`, the first of them its main one: the course's untouched lessons after
    /// `today` taught by someone no longer among them pass to him. Three statements.
    public static func setTeachers(school: Int, course: Int, teachers: [Int], today: LocalDate, in sql: any SQLDatabase) async throws {
        guard let main = teachers.first else { return }
        try await sql.raw("DELETE FROM course_teachers WHERE school_id = \(bind: school) AND course_id = \(bind: course)").run()
        var rows = RowBatch(table: "course_teachers", columns: ["school_id", "course_id", "teacher_id"])
        for teacher in teachers { rows.append([school, course, teacher]) }
        try await rows.flush(into: sql)
        try await sql.raw(
            """
            UPDATE lessons SET teacher_id = \(bind: main)
            WHERE school_id = \(bind: school) AND course_id = \(bind: course) AND lesson_date > \(bind: today.iso)
              AND substitution_recorded_at IS NULL AND teacher_id NOT IN (\(binds: teachers))
            """
        ).run()
    }
}
