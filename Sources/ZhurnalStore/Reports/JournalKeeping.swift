import Foundation
import SQLKit
import ZhurnalCore

/// What the journal-keeping control (issue 7, item 1) reads for a whole school over a range: its held lessons with
/// what was written in them and when, the courses they belong to, and each course's pace through the year. Four
/// statements whatever the school's size; the instants are turned into the school's time here, the rules judged in
/// ``JournalControl``.
public enum JournalKeeping {
    public struct Course: Sendable, Hashable {
        public let id: Int
        public let subject: String
        /// The class's name, or the group's title for a group across classes.
        public let className: String
        public let classID: Int?
        /// The homeroom teacher of its class, who explains absences.
        public let homeroomID: Int?
        /// The year's hours: the thematic plan's when the course has one, its weekly hours over 34 weeks otherwise.
        public let yearlyHours: Int
        /// Lessons held from the year's first day to the range's last.
        public let heldToDate: Int
        /// The kind of periods its class keeps; nil for a group across classes.
        public let periodKind: PeriodKind?
        public let weeklyHours: Int
    }

    /// Which held lessons of the range to read.
    public enum Lessons: Sendable, Hashable {
        case all
        /// Only those with an open remark (of one teacher, or anyone's): the nightly pass that closes the ones put
        /// right reads nothing else, and no course figures.
        case withOpenRemarks(teacher: Int?)
    }

    public struct Facts: Sendable {
        public let lessons: [JournalControl.Lesson]
        public let courses: [Int: Course]
        public let teachers: [Int: String]
        /// For each graded course of a class, the counted marks of every pupil it is for on the range's last day, from
        /// the start of his class's period that holds that day: what accumulation is judged on.
        public let markCounts: [Int: [Int]]
        /// The school's settings the deadlines are judged by, read with the bells.
        public let settings: SchoolSettings
    }

    /// The held lessons of `span` up to `today`, of the courses of `year`.
    public static func facts(
        school: Int,
        year: YearCalendar,
        span: DateSpan,
        today: LocalDate,
        lessons only: Lessons = .all,
        timeZone: TimeZone = SchoolCalendar.defaultTimeZone,
        in sql: any SQLDatabase
    ) async throws -> Facts {
        let (from, to) = (span.start.iso, min(span.end, today).iso)
        let these: SQLQueryString =
            switch only {
            case .all: ""
            case .withOpenRemarks(let teacher):
                " AND l.id IN (SELECT r.lesson_id FROM remarks r WHERE r.school_id = \(bind: school) AND r.closed_at IS NULL"
                    + (teacher.map { " AND r.teacher_id = \(bind: $0)" } ?? "") + ")"
            }
        let book = try await SchoolRulebook.book(school: school, in: sql)
        let bells = book.bells
        let ends = Dictionary(uniqueKeysWithValues: bells.map { ($0.number, minutes($0.endsAt)) })
        var clock = Calendar(identifier: .gregorian)
        clock.timeZone = timeZone
        // Marks entered in one sitting share their minute: each minute is turned into the school's time once.
        var known: [String: SchoolMoment] = [:]
        func moment(_ text: String?) -> SchoolMoment? {
            // "2026-10-12T09:41" or a full timestamp: the minute is enough for a deadline.
            guard let minute = text?.prefix(16) else { return nil }
            if let seen = known[String(minute)] { return seen }
            guard let instant = Timestamp.date(minute + ":00Z") else { return nil }
            let parts = clock.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
            guard let date = LocalDate(year: parts.year!, month: parts.month!, day: parts.day!) else { return nil }
            let found = SchoolMoment(date: date, minute: parts.hour! * 60 + parts.minute!)
            known[String(minute)] = found
            return found
        }

        let lessonRows = try await sql.raw(
            """
            SELECT l.id, l.course_id, l.teacher_id, l.lesson_date, l.lesson_number,
                   CASE WHEN l.topic IS NULL OR l.topic = '' THEN 0 ELSE 1 END AS has_topic, l.topic_entered_at,
                   CASE WHEN l.attendance_taken_at IS NULL THEN 0 ELSE 1 END AS attendance_taken,
                   c.class_id,
                   (SELECT MIN(h.entered_at) FROM homework h WHERE h.school_id = l.school_id AND h.lesson_id = l.id AND h.student_id IS NULL) AS homework_at,
                   (SELECT COUNT(*) FROM attendance a WHERE a.school_id = l.school_id AND a.lesson_id = l.id AND a.code = 'н') AS absent,
                   CASE WHEN EXISTS (SELECT 1 FROM marks m WHERE m.school_id = l.school_id AND m.lesson_id = l.id) THEN 1 ELSE 0 END AS marked
            FROM lessons l JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            WHERE l.school_id = \(bind: school) AND c.year_id = \(bind: year.yearID) AND l.status = 'held'
              AND l.lesson_date >= \(bind: from) AND l.lesson_date <= \(bind: to)\(these)
            """
        ).all()
        // Only written work has a deadline for its marks (DOMAIN.md §4). A lesson's marks of one work are summed with the last entry's time: nearly always in time, and then that is
        // all there is to know. Only the lessons whose last entry is late are read again minute by minute.
        func markEntries(_ query: SQLQueryString) async throws -> [(lesson: Int, entry: JournalControl.MarkEntry)] {
            try await sql.raw(query).all().compactMap { row in
                guard let workDate = LocalDate(iso: try row.decode(column: "work_date", as: String.self)),
                    let entered = moment(try row.decode(column: "entered", as: String.self))
                else { return nil }
                let entry = JournalControl.MarkEntry(
                    workDate: workDate,
                    deadlineDays: try row.decode(column: "mark_deadline_days", as: Int.self),
                    entered: entered,
                    count: try row.decode(column: "marks", as: Int.self)
                )
                return (try row.decode(column: "lesson_id", as: Int.self), entry)
            }
        }
        let markSource: SQLQueryString = """
            FROM marks m JOIN lessons l ON l.school_id = m.school_id AND l.id = m.lesson_id
            JOIN work_types w ON w.school_id = m.school_id AND w.id = m.work_type_id AND w.is_written
            WHERE m.school_id = \(bind: school) AND l.lesson_date >= \(bind: from) AND l.lesson_date <= \(bind: to)\(these)
            """
        var marks: [Int: [JournalControl.MarkEntry]] = [:]
        var lateLessons: Set<Int> = []
        for (lesson, entry) in try await markEntries(
            """
            SELECT m.lesson_id, m.work_date, w.mark_deadline_days, MAX(m.entered_at) AS entered, COUNT(*) AS marks \(markSource)
            GROUP BY m.lesson_id, m.work_date, w.mark_deadline_days
            """
        ) {
            if entry.entered.date > entry.workDate.adding(days: entry.deadlineDays) {
                lateLessons.insert(lesson)
            } else {
                marks[lesson, default: []].append(entry)
            }
        }
        if !lateLessons.isEmpty {
            for (lesson, entry) in try await markEntries(
                """
                SELECT m.lesson_id, m.work_date, w.mark_deadline_days, substr(m.entered_at, 1, 16) AS entered, COUNT(*) AS marks \(markSource)
                  AND m.lesson_id IN (\(binds: lateLessons.sorted()))
                GROUP BY m.lesson_id, m.work_date, w.mark_deadline_days, substr(m.entered_at, 1, 16)
                """
            ) {
                marks[lesson, default: []].append(entry)
            }
        }
        var changes: [Int: [SchoolMoment]] = [:]
        for row in try await sql.raw(
            """
            SELECT h.lesson_id, h.at FROM history h JOIN lessons l ON l.school_id = h.school_id AND l.id = h.lesson_id
            WHERE h.school_id = \(bind: school) AND h.entity = 'mark' AND h.action IN ('update', 'delete')
              AND l.lesson_date >= \(bind: from) AND l.lesson_date <= \(bind: to)\(these)
            """
        ).all() {
            if let at = moment(try row.decode(column: "at", as: String.self)) {
                changes[try row.decode(column: "lesson_id", as: Int.self), default: []].append(at)
            }
        }

        // The class's last lesson of each day, from the lessons themselves: a group across classes ends with its own.
        struct Day: Hashable {
            let classID: Int
            let date: String
        }
        var lastNumber: [Day: Int] = [:]
        for row in lessonRows {
            guard let classID = try row.decode(column: "class_id", as: Int?.self) else { continue }
            let day = Day(classID: classID, date: try row.decode(column: "lesson_date", as: String.self))
            lastNumber[day] = max(lastNumber[day] ?? 0, try row.decode(column: "lesson_number", as: Int.self))
        }
        let lessons = try lessonRows.compactMap { row -> JournalControl.Lesson? in
            let id = try row.decode(column: "id", as: Int.self)
            let dateText = try row.decode(column: "lesson_date", as: String.self)
            guard let date = LocalDate(iso: dateText) else { return nil }
            let number = try row.decode(column: "lesson_number", as: Int.self)
            let last = try row.decode(column: "class_id", as: Int?.self).flatMap { lastNumber[Day(classID: $0, date: dateText)] } ?? number
            let topic = try row.decode(column: "has_topic", as: Int.self) == 1
            let marked = try row.decode(column: "marked", as: Int.self) == 1
            let attendanceTaken = try row.decode(column: "attendance_taken", as: Int.self) == 1
            return JournalControl.Lesson(
                id: id,
                courseID: try row.decode(column: "course_id", as: Int.self),
                teacherID: try row.decode(column: "teacher_id", as: Int.self),
                date: date,
                number: number,
                topicEntered: topic
                    ? moment(try row.decode(column: "topic_entered_at", as: String?.self)) ?? SchoolMoment(date: date, minute: 0) : nil,
                hasRecord: topic || marked || attendanceTaken,
                homeworkEntered: moment(try row.decode(column: "homework_at", as: String?.self)),
                classDayEnds: ends[last] ?? nil,
                marks: marks[id] ?? [],
                markChanges: changes[id] ?? [],
                unexplainedAbsences: try row.decode(column: "absent", as: Int.self)
            )
        }

        if case .withOpenRemarks = only { return Facts(lessons: lessons, courses: [:], teachers: [:], markCounts: [:], settings: book.settings) }
        var courses: [Int: Course] = [:]
        var teachers: [Int: String] = [:]
        for row in try await sql.raw(
            """
            SELECT 'course' AS kind, c.id, s.name AS subject, k.parallel, k.letter, g.title AS group_title, c.class_id, c.hours_per_week,
                   k.period_kind, k.homeroom_teacher_id AS homeroom,
                   (SELECT SUM(t.hours) FROM plan_topics t WHERE t.school_id = c.school_id AND t.course_id = c.id) AS planned,
                   (SELECT COUNT(*) FROM lessons l WHERE l.school_id = c.school_id AND l.course_id = c.id AND l.status = 'held'
                      AND l.lesson_date >= \(bind: year.span.start.iso) AND l.lesson_date <= \(bind: to)) AS held,
                   NULL AS last_name, NULL AS first_name, NULL AS patronymic
            FROM courses c JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = c.class_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            WHERE c.school_id = \(bind: school) AND c.year_id = \(bind: year.yearID)
            UNION ALL
            SELECT 'teacher', p.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, p.last_name, p.first_name, p.patronymic
            FROM people p WHERE p.school_id = \(bind: school)
              AND p.id IN (SELECT teacher_id FROM lessons WHERE school_id = \(bind: school) AND lesson_date >= \(bind: from) AND lesson_date <= \(bind: to))
            """
        ).all() {
            let id = try row.decode(column: "id", as: Int.self)
            if try row.decode(column: "kind", as: String.self) == "teacher" {
                teachers[id] = try PersonName.full(row)
                continue
            }
            let className = try CourseClassName.of(row)
            let weekly = try row.decode(column: "hours_per_week", as: Int.self)
            courses[id] = Course(
                id: id,
                subject: try row.decode(column: "subject", as: String.self),
                className: className,
                classID: try row.decode(column: "class_id", as: Int?.self),
                homeroomID: try row.decode(column: "homeroom", as: Int?.self),
                yearlyHours: try row.decode(column: "planned", as: Int?.self) ?? weekly * 34,
                heldToDate: try row.decode(column: "held", as: Int.self),
                periodKind: try row.decode(column: "period_kind", as: String?.self).flatMap(PeriodKind.init(rawValue:)),
                weeklyHours: weekly
            )
        }
        let counts = try await markCounts(school: school, year: year, on: min(span.end, today), in: sql)
        return Facts(lessons: lessons, courses: courses, teachers: teachers, markCounts: counts, settings: book.settings)
    }

    /// The counted marks (numeric, so each an assessment) of every pupil of each graded class course on `day`, from
    /// the start of the period of his class's kind that holds `day`. One statement.
    static func markCounts(school: Int, year: YearCalendar, on day: LocalDate, in sql: any SQLDatabase) async throws -> [Int: [Int]] {
        let starts = Dictionary(year.periods.filter { $0.span.contains(day) }.map { ($0.kind.rawValue, $0.span.start.iso) }) { first, _ in first }
        guard !starts.isEmpty else { return [:] }
        var since: SQLQueryString = "CASE k.period_kind"
        for (kind, start) in starts.sorted(by: { $0.key < $1.key }) { since += " WHEN \(bind: kind) THEN \(bind: start)" }
        since += " END"
        let graded: SQLQueryString = """
            c.school_id = \(bind: school) AND c.year_id = \(bind: year.yearID) AND c.journal_kind = 'lesson' AND c.grading = 'marks'
            """
        // Counted per pupil, then told per course as "so many pupils with so many marks": a few rows a course instead
        // of one a pupil, whatever the school's size.
        let rows = try await sql.raw(
            """
            WITH pupils AS (
              SELECT c.id AS course_id, e.student_id FROM courses c
              JOIN enrolments e ON e.school_id = c.school_id AND e.class_id = c.class_id
              WHERE \(graded) AND c.group_id IS NULL AND e.starts_on <= \(bind: day.iso) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day.iso))
              UNION ALL
              SELECT c.id, g.student_id FROM courses c
              JOIN group_members g ON g.school_id = c.school_id AND g.group_id = c.group_id
              WHERE \(graded) AND c.class_id IS NOT NULL AND g.starts_on <= \(bind: day.iso) AND (g.ends_on IS NULL OR g.ends_on >= \(bind: day.iso))
            ), given AS (
              SELECT l.course_id, m.student_id, COUNT(*) AS marks
              FROM marks m JOIN lessons l ON l.school_id = m.school_id AND l.id = m.lesson_id
              JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
              JOIN classes k ON k.school_id = c.school_id AND k.id = c.class_id
              WHERE \(graded) AND l.lesson_date >= \(since) AND l.lesson_date <= \(bind: day.iso)
                AND (m.value IN ('1', '2', '3', '4', '5') OR m.value LIKE '_/_')
              GROUP BY l.course_id, m.student_id
            )
            SELECT p.course_id, COALESCE(g.marks, 0) AS marks, COUNT(*) AS pupils
            FROM pupils p LEFT JOIN given g ON g.course_id = p.course_id AND g.student_id = p.student_id
            GROUP BY p.course_id, COALESCE(g.marks, 0)
            """
        ).all()
        var counts: [Int: [Int]] = [:]
        for row in rows {
            let marks = try row.decode(column: "marks", as: Int.self)
            counts[try row.decode(column: "course_id", as: Int.self), default: []] += Array(
                repeating: marks,
                count: try row.decode(column: "pupils", as: Int.self)
            )
        }
        return counts
    }

    private static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":").compactMap { Int($0) }
        return parts.count >= 2 ? parts[0] * 60 + parts[1] : nil
    }
}
