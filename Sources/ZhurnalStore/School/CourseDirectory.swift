import SQLKit
import ZhurnalCore

/// A course as lists show it: subject, class or group, journal kind and teachers.
public struct CourseListing: Sendable, Equatable, Codable {
    public struct Teacher: Sendable, Equatable, Codable {
        public let id: Int
        public let fullName: String
    }

    public let id: Int
    public let subject: String
    /// "5А" for a class course; the group's title ("5А, англ. гр. 1") for a subgroup or cross-class group.
    public let group: String
    public let kind: String
    public var teachers: [Teacher]
}

public enum CourseDirectory {
    /// The courses `scope` lets the actor see, in one statement, ordered by class and subject.
    public static func list(school: Int, scope: CourseScope, only course: Int? = nil, in sql: any SQLDatabase) async throws -> [CourseListing] {
        var filter: SQLQueryString
        switch scope {
        case .none:
            return []
        case .wholeSchool:
            filter = "TRUE"
        case .limited(let limited):
            // A substitute reads the journal of a lesson he taught, so the list shows it too.
            filter = """
                (c.id IN (SELECT course_id FROM course_teachers WHERE school_id = \(bind: school) AND teacher_id = \(bind: limited.taughtBy ?? -1))
                 OR c.id IN (SELECT course_id FROM lessons WHERE school_id = \(bind: school) AND teacher_id = \(bind: limited.taughtBy ?? -1))
                 OR k.homeroom_teacher_id = \(bind: limited.homeroomOf ?? -1))
                """
        }
        if let course {
            filter.appendLiteral(" AND c.id = ")
            filter.appendInterpolation(bind: course)
        }
        let rows = try await sql.raw(
            """
            SELECT c.id, s.name AS subject, k.parallel, k.letter, g.title AS group_title, c.journal_kind,
                   p.id AS teacher_id, p.last_name, p.first_name, p.patronymic
            FROM courses c
            JOIN subjects s ON s.school_id = c.school_id AND s.id = c.subject_id
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            LEFT JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            LEFT JOIN course_teachers t ON t.school_id = c.school_id AND t.course_id = c.id
            LEFT JOIN people p ON p.school_id = t.school_id AND p.id = t.teacher_id
            WHERE c.school_id = \(bind: school) AND \(filter)
            ORDER BY k.parallel, k.letter, s.sort_order, s.name, c.id, p.last_name, p.id
            """
        ).all()
        var courses: [CourseListing] = []
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            if courses.last?.id != id {
                let parallel = try row.decode(column: "parallel", as: Int?.self)
                let letter = try row.decode(column: "letter", as: String?.self)
                let className = parallel.map { "\($0)\(letter ?? "")" }
                courses.append(
                    CourseListing(
                        id: id,
                        subject: try row.decode(column: "subject", as: String.self),
                        group: try row.decode(column: "group_title", as: String?.self) ?? className ?? "",
                        kind: try row.decode(column: "journal_kind", as: String.self),
                        teachers: []
                    )
                )
            }
            if let teacher = try row.decode(column: "teacher_id", as: Int?.self) {
                courses[courses.count - 1].teachers.append(.init(id: teacher, fullName: try PersonName.full(row)))
            }
        }
        return courses
    }

    /// One course, or nil when this school has none with that id.
    public static func find(school: Int, course: Int, in sql: any SQLDatabase) async throws -> CourseListing? {
        try await list(school: school, scope: .wholeSchool, only: course, in: sql).first
    }
}
