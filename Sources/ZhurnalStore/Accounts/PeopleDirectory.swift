import Foundation
import SQLKit
import ZhurnalCore

/// A line of the administrator's people list.
public struct PersonListing: Sendable, Equatable {
    public let personID: Int
    public let fullName: String
    public let login: String?
    public let accountID: Int?
    public let deactivated: Bool
    public var roles: [Role]
    /// The class he studies in today, for a pupil.
    public let className: String?
}

/// A class of the school's current year, for filters and bulk issuing.
public struct ClassListing: Sendable, Equatable {
    public let id: Int
    public let name: String
}

/// The administrator's view of the school's people: searching, one person's card, and who is in a class.
public enum PeopleDirectory {
    public struct Filter: Sendable, Equatable {
        /// Part of a last, first name or a login, any case.
        public var text: String?
        public var classID: Int?
        public var role: Role?

        public init(text: String? = nil, classID: Int? = nil, role: Role? = nil) {
            self.text = text
            self.classID = classID
            self.role = role
        }
    }

    /// One page of people matching `filter`, in Russian alphabetical order, and whether there are more. Two statements.
    public static func search(
        school: Int,
        filter: Filter,
        today: LocalDate,
        offset: Int = 0,
        limit: Int = 50,
        in sql: any SQLDatabase
    ) async throws -> (people: [PersonListing], more: Bool) {
        let day = today.iso
        var conditions: SQLQueryString = "p.school_id = \(bind: school)"
        if let typed = filter.text?.lowercased(), !typed.isEmpty {
            // SQLite's lower() folds only ASCII, so a Cyrillic name is matched as stored (capitalised) and in lower
            // case; ё is read as е on both sides, as people type it.
            let text = typed.replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "%", with: "")
                .replacingOccurrences(of: "_", with: "")
            let pattern = "%" + text + "%"
            let capitalised = "%" + text.prefix(1).uppercased() + text.dropFirst() + "%"
            conditions.appendLiteral(" AND (replace(replace(p.last_name, 'ё', 'е'), 'Ё', 'Е') LIKE ")
            conditions.appendInterpolation(bind: capitalised)
            conditions.appendLiteral(" OR replace(lower(p.last_name), 'ё', 'е') LIKE ")
            conditions.appendInterpolation(bind: pattern)
            conditions.appendLiteral(" OR replace(p.first_name, 'ё', 'е') LIKE ")
            conditions.appendInterpolation(bind: capitalised)
            conditions.appendLiteral(" OR a.login LIKE ")
            conditions.appendInterpolation(bind: pattern)
            conditions.appendLiteral(")")
        }
        if let classID = filter.classID {
            conditions.appendLiteral(" AND (e.class_id = ")
            conditions.appendInterpolation(bind: classID)
            conditions.appendLiteral(
                " OR p.id IN (SELECT g.guardian_id FROM guardianships g JOIN enrolments ge ON ge.school_id = g.school_id"
                    + " AND ge.student_id = g.student_id WHERE g.school_id = "
            )
            conditions.appendInterpolation(bind: school)
            conditions.appendLiteral(" AND ge.class_id = ")
            conditions.appendInterpolation(bind: classID)
            conditions.appendLiteral(" AND ge.starts_on <= ")
            conditions.appendInterpolation(bind: day)
            conditions.appendLiteral(" AND (ge.ends_on IS NULL OR ge.ends_on >= ")
            conditions.appendInterpolation(bind: day)
            conditions.appendLiteral(")))")
        }
        if let role = filter.role {
            conditions.appendLiteral(" AND a.id IN (SELECT account_id FROM account_roles WHERE school_id = ")
            conditions.appendInterpolation(bind: school)
            conditions.appendLiteral(" AND role = ")
            conditions.appendInterpolation(bind: role.rawValue)
            conditions.appendLiteral(")")
        }
        let rows = try await sql.raw(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, a.id AS account_id, a.login, a.deactivated_at,
                   k.parallel, k.letter
            FROM people p
            LEFT JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id
            LEFT JOIN enrolments e ON e.school_id = p.school_id AND e.student_id = p.id
                AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            LEFT JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            WHERE \(conditions)
            ORDER BY p.last_name, p.first_name, p.patronymic, p.id
            LIMIT \(bind: limit + 1) OFFSET \(bind: offset)
            """
        ).all()
        var people = try rows.prefix(limit).map { row in
            let parallel = try row.decode(column: "parallel", as: Int?.self)
            return PersonListing(
                personID: try row.decode(column: "id", as: Int.self),
                fullName: try PersonName.full(row),
                login: try row.decode(column: "login", as: String?.self),
                accountID: try row.decode(column: "account_id", as: Int?.self),
                deactivated: try row.decode(column: "deactivated_at", as: String?.self) != nil,
                roles: [],
                className: try parallel.map { "\($0)\(try row.decode(column: "letter", as: String.self))" }
            )
        }
        let roles = try await rolesOf(school: school, accounts: people.compactMap(\.accountID), in: sql)
        for index in people.indices {
            if let account = people[index].accountID { people[index].roles = roles[account] ?? [] }
        }
        return (people, rows.count > limit)
    }

    /// Roles of several accounts in one statement, each list in the order of `Role.allCases`.
    public static func rolesOf(school: Int, accounts: [Int], in sql: any SQLDatabase) async throws -> [Int: [Role]] {
        guard !accounts.isEmpty else { return [:] }
        let rows = try await sql.raw(
            "SELECT account_id, role FROM account_roles WHERE school_id = \(bind: school) AND account_id IN (\(binds: accounts))"
        ).all()
        var held: [Int: Set<Role>] = [:]
        for row in rows {
            if let role = Role(rawValue: try row.decode(column: "role", as: String.self)) {
                held[try row.decode(column: "account_id", as: Int.self), default: []].insert(role)
            }
        }
        return held.mapValues { set in Role.allCases.filter(set.contains) }
    }

    /// The classes of the school year that contains `today`.
    public static func classes(school: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> [ClassListing] {
        try await sql.raw(
            """
            SELECT k.id, k.parallel, k.letter FROM classes k
            JOIN academic_years y ON y.school_id = k.school_id AND y.id = k.year_id
            WHERE k.school_id = \(bind: school) AND y.starts_on <= \(bind: today.iso) AND y.ends_on >= \(bind: today.iso)
            ORDER BY k.parallel, k.letter
            """
        ).all().map { row in
            ClassListing(
                id: try row.decode(column: "id", as: Int.self),
                name: "\(try row.decode(column: "parallel", as: Int.self))\(try row.decode(column: "letter", as: String.self))"
            )
        }
    }

    /// People who get slips when a class's credentials are issued: its pupils today, or their guardians.
    public static func classMembers(
        school: Int,
        classID: Int,
        guardians: Bool,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> [IssuedPerson] {
        let day = today.iso
        let rows: [any SQLRow]
        if guardians {
            rows = try await sql.raw(
                """
                SELECT DISTINCT p.id, p.last_name, p.first_name, p.patronymic, a.id AS account_id
                FROM enrolments e
                JOIN guardianships g ON g.school_id = e.school_id AND g.student_id = e.student_id
                JOIN people p ON p.school_id = g.school_id AND p.id = g.guardian_id
                LEFT JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id
                WHERE e.school_id = \(bind: school) AND e.class_id = \(bind: classID)
                  AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
                ORDER BY p.last_name, p.first_name, p.patronymic, p.id
                """
            ).all()
        } else {
            rows = try await sql.raw(
                """
                SELECT p.id, p.last_name, p.first_name, p.patronymic, a.id AS account_id
                FROM enrolments e
                JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
                LEFT JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id
                WHERE e.school_id = \(bind: school) AND e.class_id = \(bind: classID)
                  AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
                ORDER BY p.last_name, p.first_name, p.patronymic, p.id
                """
            ).all()
        }
        return try rows.map { row in
            IssuedPerson(
                personID: try row.decode(column: "id", as: Int.self),
                lastName: try row.decode(column: "last_name", as: String.self),
                firstName: try row.decode(column: "first_name", as: String.self),
                patronymic: try row.decode(column: "patronymic", as: String?.self),
                accountID: try row.decode(column: "account_id", as: Int?.self)
            )
        }
    }

    /// A new person of the school (staff get their account right after); returns his id.
    public static func addPerson(
        school: Int,
        lastName: String,
        firstName: String,
        patronymic: String?,
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> Int {
        guard
            let id = try await sql.raw(
                """
                INSERT INTO people (school_id, last_name, first_name, patronymic, created_at)
                VALUES (\(bind: school), \(bind: lastName), \(bind: firstName), \(bind: patronymic), \(bind: Timestamp.string(now)))
                RETURNING id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { throw StoreError.rejected("the database returned no id for the new person") }
        return id
    }

}

/// A person credentials are issued to.
public struct IssuedPerson: Sendable, Equatable {
    public let personID: Int
    public let lastName: String
    public let firstName: String
    public let patronymic: String?
    public let accountID: Int?

    public init(personID: Int, lastName: String, firstName: String, patronymic: String?, accountID: Int?) {
        self.personID = personID
        self.lastName = lastName
        self.firstName = firstName
        self.patronymic = patronymic
        self.accountID = accountID
    }

    public var fullName: String { PersonName.full(lastName: lastName, firstName: firstName, patronymic: patronymic) }
}
