import SQLKit
import ZhurnalCore

/// A date's lessons as the administration changes them (``ScheduleChange``): a class's day, one lesson with what its
/// change needs to know, the school's lessons at an hour, and the writes — each a statement, each leaving who made it
/// and when on the lesson. Families learn of a moved or cancelled lesson from the lesson's own row (``FamilyEvents``).
public enum ScheduleChanges {
    public struct Placed: Sendable, Hashable {
        public let id: Int
        public let lesson: ScheduleChange.Lesson
        public let subject: String
        /// «5А», or the group's title for a group across classes.
        public let className: String
        public let teacherName: String
        public let date: LocalDate
        public let number: Int
        public let cancelled: Bool
        public let movedFrom: LocalDate?
        /// The hour the lesson stood at before the administration first moved it; nil for one never moved.
        public let movedFromNumber: Int?
        /// `moved`, `cancelled`, `restored` or `added`; nil for a lesson as the timetable laid it.
        public let change: String?
        /// Marks, attendance or homework of its day.
        public let hasEntries: Bool
        /// The class's parallel and kind of periods; nil for a group across classes.
        public let parallel: Int?
        public let periodKind: PeriodKind?
        /// The academic year of its course.
        public let yearID: Int
        public let version: Int
    }

    /// The lesson, or nil when the school has none such. One statement.
    public static func lesson(school: Int, id: Int, in sql: any SQLDatabase) async throws -> Placed? {
        try await placed(school: school, where: "l.id = \(bind: id)", in: sql).first
    }

    /// The lessons of a class's courses (its subgroups' among them) on a date, by hour. One statement.
    public static func day(school: Int, classID: Int, date: LocalDate, in sql: any SQLDatabase) async throws -> [Placed] {
        try await placed(school: school, where: "COALESCE(c.class_id, g.class_id) = \(bind: classID) AND l.lesson_date = \(bind: date.iso)", in: sql)
    }

    private static func placed(school: Int, where condition: SQLQueryString, in sql: any SQLDatabase) async throws -> [Placed] {
        var query = SQLQueryString(
            """
            SELECT l.id, l.course_id, l.lesson_date, l.lesson_number, l.teacher_id, l.status, l.moved_from, l.moved_from_number, l.schedule_change,
                   l.version, l.attendance_taken_at, c.group_id, COALESCE(c.class_id, g.class_id) AS class_id, k.parallel,
                   k.letter, k.period_kind, c.year_id, s.name AS subject, g.title AS group_title, p.last_name, p.first_name, p.patronymic,
                   (SELECT COUNT(*) FROM marks m WHERE m.school_id = l.school_id AND m.lesson_id = l.id)
                   + (SELECT COUNT(*) FROM attendance a WHERE a.school_id = l.school_id AND a.lesson_id = l.id)
                   + (SELECT COUNT(*) FROM homework h WHERE h.school_id = l.school_id AND h.lesson_id = l.id) AS entries
            FROM lessons l
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            JOIN people p ON p.school_id = l.school_id AND p.id = l.teacher_id
            WHERE l.school_id = \(bind: school) AND
            """
        )
        query.appendLiteral(" ")
        query.appendInterpolation(condition)
        query.appendLiteral(" ORDER BY l.lesson_number, s.sort_order, s.name, l.id")
        return try await sql.raw(query).all().compactMap { row in
            guard let date = LocalDate(iso: try row.decode(column: "lesson_date", as: String.self)) else { return nil }
            let group = try row.decode(column: "group_title", as: String?.self)
            let parallel = try row.decode(column: "parallel", as: Int?.self)
            return Placed(
                id: try row.decode(column: "id", as: Int.self),
                lesson: ScheduleChange.Lesson(
                    courseID: try row.decode(column: "course_id", as: Int.self),
                    groupID: try row.decode(column: "group_id", as: Int?.self),
                    classID: try row.decode(column: "class_id", as: Int?.self),
                    teacherID: try row.decode(column: "teacher_id", as: Int.self)
                ),
                subject: try row.decode(column: "subject", as: String.self) + (group.map { " (\($0))" } ?? ""),
                className: try parallel.map { "\($0)\(try row.decode(column: "letter", as: String.self))" } ?? group ?? "группа",
                teacherName: try PersonName.full(row),
                date: date,
                number: try row.decode(column: "lesson_number", as: Int.self),
                cancelled: try row.decode(column: "status", as: String.self) == "cancelled",
                movedFrom: try row.decode(column: "moved_from", as: String?.self).flatMap { LocalDate(iso: $0) },
                movedFromNumber: try row.decode(column: "moved_from_number", as: Int?.self),
                change: try row.decode(column: "schedule_change", as: String?.self),
                hasEntries: try row.decode(column: "entries", as: Int.self) > 0
                    || (try row.decode(column: "attendance_taken_at", as: String?.self)) != nil,
                parallel: parallel,
                periodKind: try row.decode(column: "period_kind", as: String?.self).flatMap { PeriodKind(rawValue: $0) },
                yearID: try row.decode(column: "year_id", as: Int.self),
                version: try row.decode(column: "version", as: Int.self)
            )
        }
    }

    /// Every lesson of the school at one date and hour, cancelled ones too. One statement.
    public static func neighbours(school: Int, date: LocalDate, number: Int, in sql: any SQLDatabase) async throws -> [ScheduleChange.Neighbour] {
        try await placed(school: school, where: "l.lesson_date = \(bind: date.iso) AND l.lesson_number = \(bind: number)", in: sql).map {
            ScheduleChange.Neighbour(
                lessonID: $0.id,
                lesson: $0.lesson,
                cancelled: $0.cancelled,
                subject: $0.subject,
                className: $0.className,
                teacherName: $0.teacherName
            )
        }
    }

    /// Puts the lesson at `date`, hour `number`, cancelled or held, in one statement. False when someone changed it
    /// meanwhile.
    public static func reschedule(
        school: Int,
        _ lesson: Placed,
        to date: LocalDate,
        number: Int,
        cancelled: Bool,
        by person: Int,
        at now: String,
        in sql: any SQLDatabase
    ) async throws -> Bool {
        let moved = date != lesson.date || number != lesson.number
        let movedFrom = moved ? ScheduleChange.movedFrom(original: lesson.movedFrom, current: lesson.date, to: date) : lesson.movedFrom
        // The first place it stood: back there, it is no longer a moved lesson.
        let original = (date: lesson.movedFrom ?? lesson.date, number: lesson.movedFromNumber ?? lesson.number)
        let fromNumber: Int? = (date == original.date && number == original.number) ? nil : original.number
        let change = moved ? "moved" : (cancelled == lesson.cancelled ? lesson.change : (cancelled ? "cancelled" : "restored"))
        var query = SQLQueryString(
            """
            UPDATE lessons SET lesson_date = \(bind: date.iso), lesson_number = \(bind: number), moved_from = \(bind: movedFrom?.iso),
                moved_from_number = \(bind: fromNumber), status = \(bind: cancelled ? "cancelled" : "held"), schedule_change = \(bind: change),
                schedule_changed_by = \(bind: person), schedule_changed_at = \(bind: now), updated_at = \(bind: now), version = version + 1
            WHERE school_id = \(bind: school) AND id = \(bind: lesson.id) AND version = \(bind: lesson.version)
            """
        )
        if moved || cancelled {
            // A teacher's mark given meanwhile keeps the lesson where it is.
            query.appendLiteral(
                """

                  AND attendance_taken_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.school_id = lessons.school_id AND m.lesson_id = lessons.id)
                  AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.school_id = lessons.school_id AND a.lesson_id = lessons.id)
                  AND NOT EXISTS (SELECT 1 FROM homework h WHERE h.school_id = lessons.school_id AND h.lesson_id = lessons.id)
                """
            )
        }
        query.appendLiteral(" RETURNING id")
        return try await sql.raw(query).first() != nil
    }

    /// An extra lesson of the course beside the timetable; returns its id.
    public static func add(
        school: Int,
        courseID: Int,
        date: LocalDate,
        number: Int,
        teacherID: Int,
        by person: Int,
        at now: String,
        in sql: any SQLDatabase
    ) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO lessons (school_id, course_id, lesson_date, lesson_number, teacher_id, status, schedule_change,
                                 schedule_changed_by, schedule_changed_at, created_at, updated_at)
            VALUES (\(bind: school), \(bind: courseID), \(bind: date.iso), \(bind: number), \(bind: teacherID), 'held', 'added',
                    \(bind: person), \(bind: now), \(bind: now), \(bind: now))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }
}
