import SQLKit
import ZhurnalCore

/// What the journal's rules need to know about one lesson: its course and date, whether its period is closed or its
/// day a holiday, the school's edit window and the mark rules of its subject. One statement.
public struct LessonFacts: Sendable, Hashable {
    public let schoolID: Int
    public let lessonID: Int
    public let courseID: Int
    public let date: LocalDate
    public let number: Int
    public let teacherID: Int
    public let cancelled: Bool
    public let topic: String?
    public let version: Int
    public let periodClosed: Bool
    public let holiday: Bool
    public let editWindowDays: Int?
    public let markRules: MarkRules
    /// The work type of a control lesson: new marks of the lesson take it when none is given.
    public let controlWorkTypeID: Int?
    /// Whether attendance was taken, even with nobody absent.
    public let attendanceTaken: Bool

    /// The situation the edit rules judge, as of `today`, for a pupil enrolled or not.
    public func situation(today: LocalDate, pupilEnrolled: Bool = true) -> JournalEditRules.Situation {
        JournalEditRules.Situation(
            lessonDate: date,
            today: today,
            editWindowDays: editWindowDays,
            periodClosed: periodClosed,
            holiday: holiday,
            lessonCancelled: cancelled,
            pupilEnrolled: pupilEnrolled
        )
    }

    public static func load(school: Int, lesson: Int, in sql: any SQLDatabase) async throws -> LessonFacts? {
        guard
            let row = try await sql.raw(
                """
                SELECT l.id, l.course_id, l.lesson_date, l.lesson_number, l.teacher_id, l.status, l.topic, l.version,
                       l.control_work_type_id, l.attendance_taken_at,
                       c.grading, s.allows_double_marks, sc.edit_window_days, sc.allows_mark_one, sc.double_mark_counting,
                       (SELECT COUNT(*) FROM periods p
                        WHERE p.school_id = l.school_id AND p.year_id = c.year_id AND p.closed_at IS NOT NULL
                          AND (k.period_kind IS NULL OR p.kind = k.period_kind)
                          AND p.starts_on <= l.lesson_date AND p.ends_on >= l.lesson_date) AS closed_periods,
                       (SELECT COUNT(*) FROM holidays h
                        WHERE h.school_id = l.school_id AND h.starts_on <= l.lesson_date AND h.ends_on >= l.lesson_date
                          AND (h.only_parallel IS NULL OR h.only_parallel = k.parallel)) AS holidays
                FROM lessons l
                JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
                JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
                JOIN schools sc ON sc.id = l.school_id
                LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
                LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
                WHERE l.school_id = \(bind: school) AND l.id = \(bind: lesson)
                """
            ).first(),
            let date = LocalDate(iso: try row.decode(column: "lesson_date", as: String.self))
        else { return nil }
        return LessonFacts(
            schoolID: school,
            lessonID: lesson,
            courseID: try row.decode(column: "course_id", as: Int.self),
            date: date,
            number: try row.decode(column: "lesson_number", as: Int.self),
            teacherID: try row.decode(column: "teacher_id", as: Int.self),
            cancelled: try row.decode(column: "status", as: String.self) == "cancelled",
            topic: try row.decode(column: "topic", as: String?.self),
            version: try row.decode(column: "version", as: Int.self),
            periodClosed: try row.decode(column: "closed_periods", as: Int.self) > 0,
            holiday: try row.decode(column: "holidays", as: Int.self) > 0,
            editWindowDays: try row.decode(column: "edit_window_days", as: Int?.self),
            markRules: MarkRules(
                allowsOne: try row.decode(column: "allows_mark_one", as: Bool.self),
                allowsDouble: try row.decode(column: "allows_double_marks", as: Bool.self),
                doubleCounting: DoubleMarkCounting(rawValue: try row.decode(column: "double_mark_counting", as: String.self)) ?? .mean,
                grading: Grading(rawValue: try row.decode(column: "grading", as: String.self)) ?? .marks
            ),
            controlWorkTypeID: try row.decode(column: "control_work_type_id", as: Int?.self),
            attendanceTaken: try row.decode(column: "attendance_taken_at", as: String?.self) != nil
        )
    }

    /// The pupils who belong to the course on the lesson's day: the class's enrolments, or the group's members.
    public func members(in sql: any SQLDatabase) async throws -> Set<Int> {
        let day = date.iso
        let rows = try await sql.raw(
            """
            SELECT e.student_id FROM courses c
            JOIN enrolments e ON e.school_id = c.school_id AND e.class_id = c.class_id
            WHERE c.school_id = \(bind: schoolID) AND c.id = \(bind: courseID) AND c.group_id IS NULL
              AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            UNION
            SELECT m.student_id FROM courses c
            JOIN group_members m ON m.school_id = c.school_id AND m.group_id = c.group_id
            WHERE c.school_id = \(bind: schoolID) AND c.id = \(bind: courseID)
              AND m.starts_on <= \(bind: day) AND (m.ends_on IS NULL OR m.ends_on >= \(bind: day))
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "student_id", as: Int.self) })
    }
}
