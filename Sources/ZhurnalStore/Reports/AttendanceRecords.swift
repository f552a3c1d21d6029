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
        // The lessons are counted per class (or group) and day, then laid over each pupil's enrolment and memberships:
        // a pupil's lessons are never listed one by one. Only the days with an entry come back as days.
        let within: SQLQueryString = "l.lesson_date >= \(bind: held.start.iso) AND l.lesson_date <= \(bind: held.end.iso)"
        let rows = try await sql.raw(
            """
            WITH class_days AS (
              SELECT c.class_id, l.lesson_date, COUNT(*) AS lessons
              FROM courses c JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
              WHERE c.school_id = \(bind: school) AND c.group_id IS NULL AND l.status = 'held' AND \(within)
              GROUP BY c.class_id, l.lesson_date
            ),
            group_days AS (
              SELECT c.group_id, l.lesson_date, COUNT(*) AS lessons
              FROM courses c JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
              WHERE c.school_id = \(bind: school) AND c.group_id IS NOT NULL AND l.status = 'held' AND \(within)
              GROUP BY c.group_id, l.lesson_date
            ),
            pupil_lessons AS (
              SELECT e.student_id, e.class_id, d.lessons
              FROM enrolments e JOIN class_days d ON d.class_id = e.class_id
              WHERE e.school_id = \(bind: school) AND d.lesson_date >= e.starts_on AND (e.ends_on IS NULL OR d.lesson_date <= e.ends_on)\(ofClass)
              UNION ALL
              SELECT e.student_id, e.class_id, d.lessons
              FROM group_members m JOIN group_days d ON d.group_id = m.group_id
              JOIN enrolments e ON e.school_id = m.school_id AND e.student_id = m.student_id
              WHERE m.school_id = \(bind: school) AND d.lesson_date >= m.starts_on AND (m.ends_on IS NULL OR d.lesson_date <= m.ends_on)
                AND d.lesson_date >= e.starts_on AND (e.ends_on IS NULL OR d.lesson_date <= e.ends_on)\(ofClass)
            ),
            entries AS (
              SELECT e.student_id, e.class_id, l.lesson_date,
                     SUM(CASE WHEN a.code = 'н' THEN 1 ELSE 0 END) AS absent,
                     SUM(CASE WHEN a.code = 'б' THEN 1 ELSE 0 END) AS ill,
                     SUM(CASE WHEN a.code = 'у' THEN 1 ELSE 0 END) AS excused,
                     SUM(CASE WHEN a.code = 'оп' THEN 1 ELSE 0 END) AS late
              FROM courses c
              JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
              JOIN attendance a ON a.school_id = l.school_id AND a.lesson_id = l.id
              JOIN enrolments e ON e.school_id = a.school_id AND e.student_id = a.student_id
               AND e.starts_on <= l.lesson_date AND (e.ends_on IS NULL OR e.ends_on >= l.lesson_date)
              WHERE c.school_id = \(bind: school) AND l.status = 'held' AND \(within)\(ofClass)
                AND ((c.group_id IS NULL AND c.class_id = e.class_id)
                  OR (c.group_id IS NOT NULL AND EXISTS (
                        SELECT 1 FROM group_members m WHERE m.school_id = c.school_id AND m.group_id = c.group_id
                          AND m.student_id = e.student_id AND m.starts_on <= l.lesson_date AND (m.ends_on IS NULL OR m.ends_on >= l.lesson_date))))
              GROUP BY e.student_id, e.class_id, l.lesson_date
            )
            SELECT student_id, class_id, CAST(NULL AS TEXT) AS lesson_date, CAST(SUM(lessons) AS BIGINT) AS lessons,
                   CAST(0 AS BIGINT) AS absent, CAST(0 AS BIGINT) AS ill, CAST(0 AS BIGINT) AS excused, CAST(0 AS BIGINT) AS late
            FROM pupil_lessons GROUP BY student_id, class_id
            UNION ALL
            SELECT x.student_id, x.class_id, x.lesson_date,
                   CAST(COALESCE((SELECT SUM(d.lessons) FROM class_days d WHERE d.class_id = x.class_id AND d.lesson_date = x.lesson_date), 0)
                      + COALESCE((SELECT SUM(g.lessons) FROM group_members m
                                  JOIN group_days g ON g.group_id = m.group_id AND g.lesson_date = x.lesson_date
                                  WHERE m.school_id = \(bind: school) AND m.student_id = x.student_id AND m.starts_on <= x.lesson_date
                                    AND (m.ends_on IS NULL OR m.ends_on >= x.lesson_date)), 0) AS BIGINT),
                   CAST(x.absent AS BIGINT), CAST(x.ill AS BIGINT), CAST(x.excused AS BIGINT), CAST(x.late AS BIGINT)
            FROM entries x
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
}
