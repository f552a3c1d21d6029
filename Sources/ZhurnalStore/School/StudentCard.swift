import SQLKit
import ZhurnalCore

/// A student as the diary's header shows him: name and his class today.
public struct StudentCard: Sendable, Equatable, Codable {
    public let id: Int
    public let fullName: String
    /// "5А", or nil when he is not enrolled today (left, not yet arrived).
    public let className: String?

    public static func load(school: Int, student: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> StudentCard? {
        let day = today.iso
        guard
            let row = try await sql.raw(
                """
                SELECT p.id, p.last_name, p.first_name, p.patronymic,
                    (SELECT k.parallel || k.letter FROM enrolments e JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
                     WHERE e.school_id = p.school_id AND e.student_id = p.id AND e.starts_on <= \(bind: day)
                       AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
                     ORDER BY e.starts_on DESC LIMIT 1) AS class_name
                FROM people p WHERE p.school_id = \(bind: school) AND p.id = \(bind: student)
                """
            ).first()
        else { return nil }
        return StudentCard(
            id: try row.decode(column: "id", as: Int.self),
            fullName: try PersonName.full(row),
            className: try row.decode(column: "class_name", as: String?.self)
        )
    }
}
