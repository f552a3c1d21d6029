import SQLKit
import ZhurnalCore

/// A course's thematic plan as stored, and its lessons in order for laying the plan onto them.
public enum ThematicPlans {
    public struct Course: Sendable {
        public let topics: [ThematicPlan.Topic]
        public let lessons: [ThematicPlan.Lesson]
        /// Each lesson's day, number and written topic, by id.
        public let lessonDetails: [Int: (number: Int, topic: String?)]
        public let workTypes: [Int: String]
    }

    /// The plan, the course's lessons of its year and the school's work types. Three statements.
    public static func course(school: Int, course: Int, in sql: any SQLDatabase) async throws -> Course {
        let topics = try await sql.raw(
            """
            SELECT position, title, hours, control_work_type_id FROM plan_topics
            WHERE school_id = \(bind: school) AND course_id = \(bind: course) ORDER BY position
            """
        ).all().map {
            ThematicPlan.Topic(
                position: try $0.decode(column: "position", as: Int.self),
                title: try $0.decode(column: "title", as: String.self),
                hours: try $0.decode(column: "hours", as: Int.self),
                controlWorkTypeID: try $0.decode(column: "control_work_type_id", as: Int?.self)
            )
        }
        var lessons: [ThematicPlan.Lesson] = []
        var details: [Int: (Int, String?)] = [:]
        for row in try await sql.raw(
            """
            SELECT id, lesson_date, lesson_number, status, topic, attendance_taken_at FROM lessons
            WHERE school_id = \(bind: school) AND course_id = \(bind: course) ORDER BY lesson_date, lesson_number, id
            """
        ).all() {
            guard let date = LocalDate(iso: try row.decode(column: "lesson_date", as: String.self)) else { continue }
            let id = try row.decode(column: "id", as: Int.self)
            let topic = try row.decode(column: "topic", as: String?.self)
            let attendanceTaken = try row.decode(column: "attendance_taken_at", as: String?.self) != nil
            lessons.append(
                .init(
                    id: id,
                    date: date,
                    cancelled: try row.decode(column: "status", as: String.self) == "cancelled",
                    recorded: topic != nil || attendanceTaken
                )
            )
            details[id] = (try row.decode(column: "lesson_number", as: Int.self), topic)
        }
        var workTypes: [Int: String] = [:]
        for row in try await sql.raw("SELECT id, name FROM work_types WHERE school_id = \(bind: school)").all() {
            workTypes[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "name", as: String.self)
        }
        return Course(topics: topics, lessons: lessons, lessonDetails: details, workTypes: workTypes)
    }

    /// The course's plan becomes `topics`. Two statements.
    public static func replace(school: Int, course: Int, topics: [ThematicPlan.Topic], in sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM plan_topics WHERE school_id = \(bind: school) AND course_id = \(bind: course)").run()
        var rows = RowBatch(table: "plan_topics", columns: ["school_id", "course_id", "position", "title", "hours", "control_work_type_id"])
        for topic in topics {
            rows.append([school, course, topic.position, topic.title, topic.hours, topic.controlWorkTypeID])
        }
        try await rows.flush(into: sql)
    }
}
