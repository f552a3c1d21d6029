import SQLKit
import ZhurnalCore

/// A pupil whose diary someone reads as his family: for `GET /api/v1/me/students` and the diary's start page.
public struct FamilyStudent: Sendable, Hashable {
    public let id: Int
    public let fullName: String
    /// His class today («5А»), nil when he is not enrolled in one today.
    public let className: String?
    /// The consent of his legal representative is on record: his diary is open to his family.
    public let familyConsent: Bool

    public init(id: Int, fullName: String, className: String?, familyConsent: Bool) {
        self.id = id
        self.fullName = fullName
        self.className = className
        self.familyConsent = familyConsent
    }
}

public enum FamilyStudents {
    /// A parent's children (`parent`) and a pupil himself (`pupil`), by name. One statement.
    public static func of(school: Int, parent: Int?, pupil: Int?, today: LocalDate, in sql: any SQLDatabase) async throws -> [FamilyStudent] {
        guard parent != nil || pupil != nil else { return [] }
        let day = today.iso
        let rows = try await sql.raw(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, p.family_consent_on, k.parallel, k.letter
            FROM people p
            LEFT JOIN enrolments e ON e.school_id = p.school_id AND e.student_id = p.id
              AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            LEFT JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            WHERE p.school_id = \(bind: school)
              AND (p.id IN (SELECT g.student_id FROM guardianships g WHERE g.school_id = \(bind: school) AND g.guardian_id = \(bind: parent ?? 0))
                   OR p.id = \(bind: pupil ?? 0))
            """
        ).all()
        let students = try rows.map { row in
            FamilyStudent(
                id: try row.decode(column: "id", as: Int.self),
                fullName: try PersonName.full(row),
                className: try row.decode(column: "parallel", as: Int?.self).map {
                    "\($0)\(try row.decode(column: "letter", as: String?.self) ?? "")"
                },
                familyConsent: try row.decode(column: "family_consent_on", as: String?.self) != nil
            )
        }
        // One line a pupil, should two enrolments overlap today.
        var seen = Set<Int>()
        return students.filter { seen.insert($0.id).inserted }.sorted { ($0.fullName, $0.id) < ($1.fullName, $1.id) }
    }
}
