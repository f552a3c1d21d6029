import SQLKit
import ZhurnalCore

/// The year's control works of a school's classes for the assessment schedule, with the first and last lesson of
/// each class's day that has one. Two statements.
public enum AssessmentWorks {
    public struct Listed: Sendable, Hashable {
        public let work: AssessmentSchedule.Work
        public let className: String
        public let subject: String
        public let workType: String
    }

    public struct Schedule: Sendable {
        public let works: [Listed]
        public let days: [AssessmentSchedule.ClassDay: AssessmentSchedule.DayBounds]
    }

    public static func load(school: Int, year: Int, in sql: any SQLDatabase) async throws -> Schedule {
        let works = try await sql.raw(
            """
            SELECT l.id, l.lesson_date, l.lesson_number, c.class_id, k.parallel, k.letter, c.subject_id, s.name AS subject,
                   c.hours_per_week, w.name AS work_type,
                   (SELECT SUM(t.hours) FROM plan_topics t WHERE t.school_id = c.school_id AND t.course_id = c.id) AS planned
            FROM lessons l
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            JOIN classes k ON k.school_id = c.school_id AND k.id = c.class_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            JOIN work_types w ON w.school_id = l.school_id AND w.id = l.control_work_type_id
            WHERE l.school_id = \(bind: school) AND c.year_id = \(bind: year) AND l.status = 'held' AND l.control_work_type_id IS NOT NULL
            ORDER BY l.lesson_date, k.parallel, k.letter, l.lesson_number
            """
        ).all().compactMap { row -> Listed? in
            guard let date = LocalDate(iso: try row.decode(column: "lesson_date", as: String.self)) else { return nil }
            let weekly = try row.decode(column: "hours_per_week", as: Int.self)
            let parallel = try row.decode(column: "parallel", as: Int.self)
            return Listed(
                work: AssessmentSchedule.Work(
                    lessonID: try row.decode(column: "id", as: Int.self),
                    date: date,
                    lessonNumber: try row.decode(column: "lesson_number", as: Int.self),
                    classID: try row.decode(column: "class_id", as: Int.self),
                    parallel: parallel,
                    subjectID: try row.decode(column: "subject_id", as: Int.self),
                    weeklyHours: weekly,
                    yearlyHours: try row.decode(column: "planned", as: Int?.self) ?? weekly * 34
                ),
                className: "\(parallel)\(try row.decode(column: "letter", as: String.self))",
                subject: try row.decode(column: "subject", as: String.self),
                workType: try row.decode(column: "work_type", as: String.self)
            )
        }
        var days: [AssessmentSchedule.ClassDay: AssessmentSchedule.DayBounds] = [:]
        for row in try await sql.raw(
            """
            SELECT c.class_id, l.lesson_date, MIN(l.lesson_number) AS first, MAX(l.lesson_number) AS last
            FROM lessons l JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            WHERE l.school_id = \(bind: school) AND c.year_id = \(bind: year) AND l.status = 'held' AND c.class_id IS NOT NULL
              AND l.lesson_date IN (
                SELECT w.lesson_date FROM lessons w WHERE w.school_id = \(bind: school) AND w.control_work_type_id IS NOT NULL AND w.status = 'held')
            GROUP BY c.class_id, l.lesson_date
            """
        ).all() {
            guard let date = LocalDate(iso: try row.decode(column: "lesson_date", as: String.self)) else { continue }
            days[AssessmentSchedule.ClassDay(classID: try row.decode(column: "class_id", as: Int.self), date: date)] =
                AssessmentSchedule.DayBounds(first: try row.decode(column: "first", as: Int.self), last: try row.decode(column: "last", as: Int.self))
        }
        return Schedule(works: works, days: days)
    }
}
