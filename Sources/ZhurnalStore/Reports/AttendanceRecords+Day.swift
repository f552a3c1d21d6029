import SQLKit
import ZhurnalCore

extension AttendanceRecords {
    /// A class on the day, with how many pupils were enrolled in it.
    public struct DayClass: Sendable, Hashable {
        public let classID: Int
        public let name: String
        public let pupils: Int
    }

    /// A pupil with an entry on the day: every held lesson he had, in the order of the bells, with its code.
    public struct DayPupil: Sendable, Hashable {
        public let studentID: Int
        public let classID: Int
        public let name: String
        public var lessons: [DayLesson]

        public var day: AttendanceDay { AttendanceDay(codes: lessons.map(\.code)) }
    }

    public struct DayLesson: Sendable, Hashable {
        public let number: Int
        public let subject: String
        /// nil: he was there.
        public let code: AttendanceCode?
    }

    public struct Day: Sendable {
        /// Every class with pupils enrolled on the day, by parallel and letter.
        public let classes: [DayClass]
        /// The pupils with an entry, by class and name.
        public let pupils: [DayPupil]

        public init(classes: [DayClass], pupils: [DayPupil]) {
            self.classes = classes
            self.pupils = pupils
        }
    }

    /// The whole school's day in two statements: the classes with their pupils, and the pupils the journal has an entry
    /// for that day with all their lessons (the lessons of those who came are never read).
    public static func day(school: Int, date: LocalDate, in sql: any SQLDatabase) async throws -> Day {
        let classes = try await sql.raw(
            """
            SELECT k.id, k.parallel, k.letter, COUNT(DISTINCT e.student_id) AS pupils
            FROM enrolments e
            JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            WHERE e.school_id = \(bind: school) AND e.starts_on <= \(bind: date.iso) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: date.iso))
            GROUP BY k.id, k.parallel, k.letter
            ORDER BY k.parallel, k.letter
            """
        ).all().map { row in
            DayClass(
                classID: try row.decode(column: "id", as: Int.self),
                name: "\(try row.decode(column: "parallel", as: Int.self))\(try row.decode(column: "letter", as: String.self))",
                pupils: try row.decode(column: "pupils", as: Int.self)
            )
        }
        let span = DateSpan(date, date)
        // The pupils with an entry are found from the day's lessons (a course and a date are a key), then only their
        // lessons are laid out.
        let marked: SQLQueryString = """
             AND e.student_id IN (
                SELECT a.student_id FROM courses mc
                JOIN lessons ml ON ml.school_id = mc.school_id AND ml.course_id = mc.id
                JOIN attendance a ON a.school_id = ml.school_id AND a.lesson_id = ml.id
                WHERE mc.school_id = \(bind: school) AND ml.lesson_date = \(bind: date.iso) AND ml.status = 'held')
            """
        let rows = try await sql.raw(
            "WITH taught AS (" + taught(school: school, span: span, extra: marked)
                + """
                )
                SELECT t.student_id, t.class_id, t.lesson_number, s.name AS subject, a.code, p.last_name, p.first_name, p.patronymic
                FROM taught t
                JOIN people p ON p.school_id = \(bind: school) AND p.id = t.student_id
                JOIN subjects s ON s.school_id = \(bind: school) AND s.id = t.subject_id
                LEFT JOIN attendance a ON a.school_id = \(bind: school) AND a.lesson_id = t.lesson_id AND a.student_id = t.student_id
                ORDER BY t.student_id, t.class_id, t.lesson_number, s.name
                """
        ).all()
        var pupils: [DayPupil] = []
        var keys: [[UInt32]] = []
        for row in rows {
            let studentID = try row.decode(column: "student_id", as: Int.self)
            let classID = try row.decode(column: "class_id", as: Int.self)
            let lesson = DayLesson(
                number: try row.decode(column: "lesson_number", as: Int.self),
                subject: try row.decode(column: "subject", as: String.self),
                code: try row.decode(column: "code", as: String?.self).flatMap(AttendanceCode.init(rawValue:))
            )
            if let last = pupils.last, last.studentID == studentID, last.classID == classID {
                pupils[pupils.count - 1].lessons.append(lesson)
                continue
            }
            let names = [
                try row.decode(column: "last_name", as: String.self), try row.decode(column: "first_name", as: String.self),
                try row.decode(column: "patronymic", as: String?.self) ?? "",
            ]
            pupils.append(
                DayPupil(studentID: studentID, classID: classID, name: names.filter { !$0.isEmpty }.joined(separator: " "), lessons: [lesson])
            )
            keys.append(RussianOrder.key(names, foldingYo: true))
        }
        let position = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($0.element.classID, $0.offset) })
        let ordered = zip(pupils, keys).sorted { a, b in
            let (left, right) = (position[a.0.classID] ?? .max, position[b.0.classID] ?? .max)
            if left != right { return left < right }
            if a.1 != b.1 { return a.1.lexicographicallyPrecedes(b.1) }
            return a.0.studentID < b.0.studentID
        }
        return Day(classes: classes, pupils: ordered.map(\.0))
    }

    /// Each held lesson a pupil had in the span while enrolled, with the class he was enrolled in on its day: the
    /// class's own courses, and his groups' courses while he was in the group.
    private static func taught(school: Int, span: DateSpan, extra: SQLQueryString) -> SQLQueryString {
        """
          SELECT e.student_id, e.class_id, l.id AS lesson_id, l.lesson_date, l.lesson_number, c.subject_id
          FROM enrolments e
          JOIN courses c ON c.school_id = e.school_id AND c.class_id = e.class_id AND c.group_id IS NULL
          JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
          WHERE e.school_id = \(bind: school) AND l.status = 'held'
            AND l.lesson_date >= \(bind: span.start.iso) AND l.lesson_date <= \(bind: span.end.iso)
            AND l.lesson_date >= e.starts_on AND (e.ends_on IS NULL OR l.lesson_date <= e.ends_on)
        """ + extra
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
            """ + extra
    }
}
