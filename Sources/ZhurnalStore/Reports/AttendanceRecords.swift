import SQLKit
import ZhurnalCore

/// The school's attendance as its reports read it (DOMAIN.md §4): for a range, every pupil's held lessons while he was
/// enrolled, summed by day, and for one day the lessons and codes of every pupil the journal has an entry for. A
/// pupil's lessons are his class's courses while he is enrolled in it and his groups' courses while he is in the group
/// and enrolled; cancelled lessons are not lessons. Whole school in two statements, whatever its size.
public enum AttendanceRecords {
    /// A pupil in a class during the range; a pupil who moved between classes is one of these in each.
    public struct Member: Sendable, Hashable {
        public let studentID: Int
        public let classID: Int
        public let className: String
        public let parallel: Int
        public let letter: String
        public let name: String
    }

    /// A pupil's attendance in one class over the range.
    public struct PupilLessons: Sendable, Hashable {
        public let studentID: Int
        public let classID: Int
        /// Held lessons he had in the class in the range.
        public var lessons = 0
        /// The days with a journal entry (absence or lateness) — the only days that can change his figures.
        public var markedDays: [LocalDate: AttendanceDay] = [:]

        public var tally: AttendanceTally { AttendanceTally(lessons: lessons, days: Array(markedDays.values)) }
    }

    public struct Range: Sendable {
        /// In the order of the classes (parallel, letter), then of the pupils' names.
        public let members: [Member]
        /// By student and class.
        public let lessons: [Key: PupilLessons]

        public struct Key: Sendable, Hashable {
            public let studentID: Int
            public let classID: Int

            public init(studentID: Int, classID: Int) {
                self.studentID = studentID
                self.classID = classID
            }
        }
    }

    /// The members and lessons of the school — or of one class — over `span`, lessons only up to `heldUntil` (the
    /// timetable's lessons after today have not been held yet). Two statements, one when no lesson can count.
    public static func range(
        school: Int,
        span: DateSpan,
        heldUntil: LocalDate,
        classID: Int? = nil,
        in sql: any SQLDatabase
    ) async throws
        -> Range
    {
        let ofClass: SQLQueryString = classID.map { " AND e.class_id = \(bind: $0)" } ?? ""
        let members = try await sql.raw(
            """
            SELECT DISTINCT e.student_id, e.class_id, k.parallel, k.letter, p.last_name, p.first_name, p.patronymic
            FROM enrolments e
            JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
            WHERE e.school_id = \(bind: school) AND e.starts_on <= \(bind: span.end.iso)
              AND (e.ends_on IS NULL OR e.ends_on >= \(bind: span.start.iso))
            """ + ofClass
        ).all().map { row in
            let parallel = try row.decode(column: "parallel", as: Int.self)
            let letter = try row.decode(column: "letter", as: String.self)
            let names = [
                try row.decode(column: "last_name", as: String.self), try row.decode(column: "first_name", as: String.self),
                try row.decode(column: "patronymic", as: String?.self) ?? "",
            ]
            let member = Member(
                studentID: try row.decode(column: "student_id", as: Int.self),
                classID: try row.decode(column: "class_id", as: Int.self),
                className: "\(parallel)\(letter)",
                parallel: parallel,
                letter: letter,
                name: names.filter { !$0.isEmpty }.joined(separator: " ")
            )
            return (member, RussianOrder.key(names, foldingYo: true))
        }
        var lessons: [Range.Key: PupilLessons] = [:]
        guard span.start <= min(span.end, heldUntil) else { return Range(members: sorted(members), lessons: lessons) }
        let held = DateSpan(span.start, min(span.end, heldUntil))
        // Per pupil and day first; then one total row a pupil and the day rows with an entry, so that the days he simply
        // attended never leave the database.
        let rows = try await sql.raw(
            """
            WITH taught AS (
            """ + taught(school: school, span: held, ofClass: ofClass)
                + """
                ),
                per_day AS (
                  SELECT t.student_id, t.class_id, t.lesson_date, COUNT(*) AS lessons,
                         SUM(CASE WHEN a.code = 'н' THEN 1 ELSE 0 END) AS absent,
                         SUM(CASE WHEN a.code = 'б' THEN 1 ELSE 0 END) AS ill,
                         SUM(CASE WHEN a.code = 'у' THEN 1 ELSE 0 END) AS excused,
                         SUM(CASE WHEN a.code = 'оп' THEN 1 ELSE 0 END) AS late
                  FROM taught t
                  LEFT JOIN attendance a ON a.school_id = \(bind: school) AND a.lesson_id = t.lesson_id AND a.student_id = t.student_id
                  GROUP BY t.student_id, t.class_id, t.lesson_date
                )
                SELECT student_id, class_id, CAST(NULL AS TEXT) AS lesson_date, CAST(SUM(lessons) AS BIGINT) AS lessons,
                       CAST(0 AS BIGINT) AS absent, CAST(0 AS BIGINT) AS ill, CAST(0 AS BIGINT) AS excused, CAST(0 AS BIGINT) AS late
                FROM per_day GROUP BY student_id, class_id
                UNION ALL
                SELECT student_id, class_id, lesson_date, CAST(lessons AS BIGINT), CAST(absent AS BIGINT), CAST(ill AS BIGINT),
                       CAST(excused AS BIGINT), CAST(late AS BIGINT)
                FROM per_day WHERE absent + ill + excused + late > 0
                """
        ).all()
        for row in rows {
            let key = Range.Key(
                studentID: try row.decode(column: "student_id", as: Int.self),
                classID: try row.decode(column: "class_id", as: Int.self)
            )
            var pupil = lessons[key] ?? PupilLessons(studentID: key.studentID, classID: key.classID)
            let count = try row.decode(column: "lessons", as: Int.self)
            if let day = try row.decode(column: "lesson_date", as: String?.self).flatMap(LocalDate.init(iso:)) {
                pupil.markedDays[day] = AttendanceDay(
                    lessons: count,
                    missed: AbsenceCounts(
                        absent: try row.decode(column: "absent", as: Int.self),
                        ill: try row.decode(column: "ill", as: Int.self),
                        excused: try row.decode(column: "excused", as: Int.self)
                    ),
                    late: try row.decode(column: "late", as: Int.self)
                )
            } else {
                pupil.lessons = count
            }
            lessons[key] = pupil
        }
        return Range(members: sorted(members), lessons: lessons)
    }

    private static func sorted(_ members: [(Member, [UInt32])]) -> [Member] {
        members.sorted { a, b in
            if (a.0.parallel, a.0.letter) != (b.0.parallel, b.0.letter) { return (a.0.parallel, a.0.letter) < (b.0.parallel, b.0.letter) }
            if a.1 != b.1 { return a.1.lexicographicallyPrecedes(b.1) }
            return a.0.studentID < b.0.studentID
        }
        .map(\.0)
    }

    /// A class's name («5А»), nil for a class the school does not have.
    public static func className(school: Int, classID: Int, in sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT parallel, letter FROM classes WHERE school_id = \(bind: school) AND id = \(bind: classID)").first().map {
            "\(try $0.decode(column: "parallel", as: Int.self))\(try $0.decode(column: "letter", as: String.self))"
        }
    }

    /// Each held lesson a pupil had in the span while enrolled, with the class he was enrolled in on its day: the
    /// class's own courses, and his groups' courses while he was in the group.
    static func taught(school: Int, span: DateSpan, ofClass: SQLQueryString, extra: SQLQueryString = "") -> SQLQueryString {
        """
          SELECT e.student_id, e.class_id, l.id AS lesson_id, l.lesson_date, l.lesson_number, c.subject_id
          FROM enrolments e
          JOIN courses c ON c.school_id = e.school_id AND c.class_id = e.class_id AND c.group_id IS NULL
          JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
          WHERE e.school_id = \(bind: school) AND l.status = 'held'
            AND l.lesson_date >= \(bind: span.start.iso) AND l.lesson_date <= \(bind: span.end.iso)
            AND l.lesson_date >= e.starts_on AND (e.ends_on IS NULL OR l.lesson_date <= e.ends_on)
        """ + ofClass + extra
            + """

              UNION ALL
              SELECT e.student_id, e.class_id, l.id AS lesson_id, l.lesson_date, l.lesson_number, c.subject_id
              FROM group_members m
              JOIN courses c ON c.school_id = m.school_id AND c.group_id = m.group_id
              JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
              JOIN enrolments e ON e.school_id = m.school_id AND e.student_id = m.student_id
              WHERE m.school_id = \(bind: school) AND l.status = 'held'
                AND l.lesson_date >= \(bind: span.start.iso) AND l.lesson_date <= \(bind: span.end.iso)
                AND l.lesson_date >= m.starts_on AND (m.ends_on IS NULL OR l.lesson_date <= m.ends_on)
                AND l.lesson_date >= e.starts_on AND (e.ends_on IS NULL OR l.lesson_date <= e.ends_on)
            """ + ofClass + extra
    }
}
