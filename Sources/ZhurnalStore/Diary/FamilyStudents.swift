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
    /// His school: the reader's own, or another one whose operator linked the parent's account to him.
    public let schoolID: Int
    /// The other school's short name; nil for the reader's own school.
    public let otherSchool: String?

    public init(id: Int, fullName: String, className: String?, familyConsent: Bool, schoolID: Int, otherSchool: String? = nil) {
        self.id = id
        self.fullName = fullName
        self.className = className
        self.familyConsent = familyConsent
        self.schoolID = schoolID
        self.otherSchool = otherSchool
    }
}

public enum FamilyStudents {
    /// A parent's children (`parent`), those of other schools linked to his account (`account`), and a pupil himself
    /// (`pupil`), by name. One statement.
    public static func of(
        school: Int,
        parent: Int?,
        pupil: Int?,
        account: AccountRef? = nil,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> [FamilyStudent] {
        guard parent != nil || pupil != nil else { return [] }
        let day = today.iso
        let columns: SQLQueryString = """
            SELECT p.school_id, p.id, p.last_name, p.first_name, p.patronymic, p.family_consent_on, k.parallel, k.letter, sc.short_name
            """
        let joins: SQLQueryString = """
            LEFT JOIN enrolments e ON e.school_id = p.school_id AND e.student_id = p.id
              AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            LEFT JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            JOIN schools sc ON sc.id = p.school_id
            """
        var query: SQLQueryString = columns + " FROM people p " + joins
        query += """
             WHERE p.school_id = \(bind: school)
              AND (p.id IN (SELECT g.student_id FROM guardianships g WHERE g.school_id = \(bind: school) AND g.guardian_id = \(bind: parent ?? 0))
                   OR p.id = \(bind: pupil ?? 0))
            """
        if let account, parent != nil {
            query +=
                " UNION ALL " + columns + """
                     FROM family_links f JOIN people p ON p.school_id = f.school_id AND p.id = f.student_id
                    """ + " " + joins + """
                     WHERE f.guardian_school_id = \(bind: account.schoolID) AND f.guardian_account_id = \(bind: account.accountID)
                    """
        }
        let rows = try await sql.raw(query).all()
        let students = try rows.map { row in
            let schoolID = try row.decode(column: "school_id", as: Int.self)
            return FamilyStudent(
                id: try row.decode(column: "id", as: Int.self),
                fullName: try PersonName.full(row),
                className: try row.decode(column: "parallel", as: Int?.self).map {
                    "\($0)\(try row.decode(column: "letter", as: String?.self) ?? "")"
                },
                familyConsent: try row.decode(column: "family_consent_on", as: String?.self) != nil,
                schoolID: schoolID,
                otherSchool: schoolID == school ? nil : try row.decode(column: "short_name", as: String?.self) ?? "другая школа"
            )
        }
        // One line a pupil, should two enrolments overlap today.
        var seen = Set<Int>()
        return students.filter { seen.insert($0.id).inserted }.sorted { ($0.fullName, $0.id) < ($1.fullName, $1.id) }
    }
}
