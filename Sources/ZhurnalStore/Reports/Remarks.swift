import Foundation
import SQLKit
import ZhurnalCore

/// The weekly remarks of the journal-keeping control: made for what is outstanding in a lesson, addressed to the
/// teacher who held it, closed once it is put right.
public enum Remarks {
    /// A remark to make: an outstanding item of one lesson.
    public struct Item: Sendable, Hashable {
        public let teacherID: Int
        public let courseID: Int
        public let lessonID: Int
        public let problem: JournalControl.Problem

        public init(teacherID: Int, courseID: Int, lessonID: Int, problem: JournalControl.Problem) {
            self.teacherID = teacherID
            self.courseID = courseID
            self.lessonID = lessonID
            self.problem = problem
        }
    }

    /// A remark as its page and the API show it.
    public struct Remark: Sendable, Hashable {
        public let id: Int
        public let teacherID: Int
        public let teacherName: String
        public let lessonID: Int
        /// nil when the lesson was taken away (and the remark closed with it).
        public let lessonDate: LocalDate?
        public let lessonNumber: Int?
        public let subject: String
        public let className: String
        public let problem: JournalControl.Problem
        public let weekOf: LocalDate
        public let closedAt: String?
    }

    /// The school's (or one teacher's) open remarks with their lessons' dates, nil for a lesson no longer held. One
    /// statement.
    public static func open(school: Int, teacher: Int? = nil, in sql: any SQLDatabase) async throws -> [RemarkPlan.OpenRemark] {
        let only: SQLQueryString = teacher.map { " AND r.teacher_id = \(bind: $0)" } ?? ""
        return try await sql.raw(
            """
            SELECT r.id, r.lesson_id, r.problem, l.lesson_date FROM remarks r
            LEFT JOIN lessons l ON l.school_id = r.school_id AND l.id = r.lesson_id AND l.status = 'held'
            WHERE r.school_id = \(bind: school) AND r.closed_at IS NULL\(only)
            """
        ).all().compactMap { row in
            guard let problem = JournalControl.Problem(rawValue: try row.decode(column: "problem", as: String.self)) else { return nil }
            return RemarkPlan.OpenRemark(
                id: try row.decode(column: "id", as: Int.self),
                lessonID: try row.decode(column: "lesson_id", as: Int.self),
                problem: problem,
                lessonDate: try row.decode(column: "lesson_date", as: String?.self).flatMap(LocalDate.init(iso:))
            )
        }
    }

    /// The Monday of the latest weekly check of any school; nil before the first. One statement.
    public static func latestWeek(in sql: any SQLDatabase) async throws -> LocalDate? {
        try await sql.raw("SELECT MAX(week_of) AS week FROM remarks").first()?.decode(column: "week", as: String?.self).flatMap(LocalDate.init(iso:))
    }

    /// Makes the remarks of the week beginning `monday` and closes those put right. Two statements at most.
    public static func apply(
        school: Int,
        add items: [Item],
        close ids: [Int],
        weekOf monday: LocalDate,
        now: Date,
        in sql: any SQLDatabase
    ) async throws {
        let at = Timestamp.string(now)
        if !ids.isEmpty {
            try await sql.raw(
                "UPDATE remarks SET closed_at = \(bind: at) WHERE school_id = \(bind: school) AND closed_at IS NULL AND id IN (\(binds: ids))"
            ).run()
        }
        guard !items.isEmpty else { return }
        var batch = RowBatch(table: "remarks", columns: ["school_id", "teacher_id", "course_id", "lesson_id", "problem", "week_of", "created_at"])
        for item in items {
            batch.append([school, item.teacherID, item.courseID, item.lessonID, item.problem.rawValue, monday.iso, at])
        }
        try await batch.flush(into: sql)
    }

    /// The remarks of the school, or of one teacher, newest week first: the open ones, and with `closedSince` those
    /// closed since that instant too. One statement.
    public static func list(school: Int, teacher: Int?, closedSince: Date?, in sql: any SQLDatabase) async throws -> [Remark] {
        let onlyTeacher: SQLQueryString = teacher.map { " AND r.teacher_id = \(bind: $0)" } ?? ""
        let state: SQLQueryString =
            closedSince.map { " AND (r.closed_at IS NULL OR r.closed_at >= \(bind: Timestamp.string($0)))" } ?? " AND r.closed_at IS NULL"
        return try await sql.raw(
            """
            SELECT r.id, r.teacher_id, r.lesson_id, r.problem, r.week_of, r.closed_at, l.lesson_date, l.lesson_number,
                   s.name AS subject, k.parallel, k.letter, g.title AS group_title, p.last_name, p.first_name, p.patronymic
            FROM remarks r
            JOIN people p ON p.school_id = r.school_id AND p.id = r.teacher_id
            JOIN courses c ON c.school_id = r.school_id AND c.id = r.course_id
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = c.class_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN lessons l ON l.school_id = r.school_id AND l.id = r.lesson_id
            WHERE r.school_id = \(bind: school)\(onlyTeacher)\(state)
            ORDER BY r.week_of DESC, p.last_name, p.first_name, l.lesson_date, l.lesson_number, r.id
            """
        ).all().compactMap { row in
            guard let problem = JournalControl.Problem(rawValue: try row.decode(column: "problem", as: String.self)),
                let week = LocalDate(iso: try row.decode(column: "week_of", as: String.self))
            else { return nil }
            let className = try CourseClassName.of(row)
            return Remark(
                id: try row.decode(column: "id", as: Int.self),
                teacherID: try row.decode(column: "teacher_id", as: Int.self),
                teacherName: try PersonName.full(row),
                lessonID: try row.decode(column: "lesson_id", as: Int.self),
                lessonDate: try row.decode(column: "lesson_date", as: String?.self).flatMap(LocalDate.init(iso:)),
                lessonNumber: try row.decode(column: "lesson_number", as: Int?.self),
                subject: try row.decode(column: "subject", as: String.self),
                className: className,
                problem: problem,
                weekOf: week,
                closedAt: try row.decode(column: "closed_at", as: String?.self)
            )
        }
    }
}
