import Foundation
import SQLKit
import ZhurnalCore

/// One person as the administrator's card shows him: his account, roles, class, children or parents.
public struct PersonCard: Sendable, Equatable {
    public struct Account: Sendable, Equatable {
        public let id: Int
        public let login: String
        public let createdAt: String
        public let deactivatedAt: String?
        public let mustChangePassword: Bool
        public let initialPasswordExpiresAt: String?
        public let secondFactor: Bool
        public let roles: [Role]
        /// Sessions not ended by a sign-out, an administrator or expiry noticed so far.
        public let openSessions: Int
    }

    public struct Relative: Sendable, Equatable {
        public let personID: Int
        public let fullName: String
        public let relation: String
    }

    public let personID: Int
    public let fullName: String
    public let lastName: String
    public let firstName: String
    public let patronymic: String?
    public let account: Account?
    public let className: String?
    public let children: [Relative]
    public let guardians: [Relative]

    /// The card of a person of this school as of `now`, or nil. Three statements.
    public static func load(school: Int, person: Int, now: Date, in sql: any SQLDatabase) async throws -> PersonCard? {
        let day = SchoolCalendar.today(now).iso
        let now = Timestamp.string(now)
        guard
            let row = try await sql.raw(
                """
                SELECT p.id, p.last_name, p.first_name, p.patronymic, a.id AS account_id, a.login, a.created_at,
                       a.deactivated_at, a.must_change_password, a.initial_password_expires_at, a.totp_enabled_at,
                       (SELECT COUNT(*) FROM sessions s WHERE s.school_id = a.school_id AND s.account_id = a.id
                          AND s.ended_at IS NULL AND s.expires_at > \(bind: now)) AS open_sessions,
                       (SELECT k.parallel || k.letter FROM enrolments e JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
                        WHERE e.school_id = p.school_id AND e.student_id = p.id AND e.starts_on <= \(bind: day)
                          AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day)) ORDER BY e.starts_on DESC LIMIT 1) AS class_name
                FROM people p
                LEFT JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id
                WHERE p.school_id = \(bind: school) AND p.id = \(bind: person)
                """
            ).first()
        else { return nil }
        var account: Account?
        if let accountID = try row.decode(column: "account_id", as: Int?.self) {
            let roles = try await PeopleDirectory.rolesOf(school: school, accounts: [accountID], in: sql)[accountID] ?? []
            account = Account(
                id: accountID,
                login: try row.decode(column: "login", as: String.self),
                createdAt: try row.decode(column: "created_at", as: String.self),
                deactivatedAt: try row.decode(column: "deactivated_at", as: String?.self),
                mustChangePassword: try row.decode(column: "must_change_password", as: Bool.self),
                initialPasswordExpiresAt: try row.decode(column: "initial_password_expires_at", as: String?.self),
                secondFactor: try row.decode(column: "totp_enabled_at", as: String?.self) != nil,
                roles: roles,
                openSessions: try row.decode(column: "open_sessions", as: Int.self)
            )
        }
        let relatives = try await sql.raw(
            """
            SELECT 'child' AS side, p.id, p.last_name, p.first_name, p.patronymic, g.relation
            FROM guardianships g JOIN people p ON p.school_id = g.school_id AND p.id = g.student_id
            WHERE g.school_id = \(bind: school) AND g.guardian_id = \(bind: person)
            UNION ALL
            SELECT 'guardian', p.id, p.last_name, p.first_name, p.patronymic, g.relation
            FROM guardianships g JOIN people p ON p.school_id = g.school_id AND p.id = g.guardian_id
            WHERE g.school_id = \(bind: school) AND g.student_id = \(bind: person)
            ORDER BY 3, 4
            """
        ).all()
        let listed = try relatives.map { row in
            (
                try row.decode(column: "side", as: String.self),
                Relative(
                    personID: try row.decode(column: "id", as: Int.self),
                    fullName: try PersonName.full(row),
                    relation: try row.decode(column: "relation", as: String.self)
                )
            )
        }
        return PersonCard(
            personID: person,
            fullName: try PersonName.full(row),
            lastName: try row.decode(column: "last_name", as: String.self),
            firstName: try row.decode(column: "first_name", as: String.self),
            patronymic: try row.decode(column: "patronymic", as: String?.self),
            account: account,
            className: try row.decode(column: "class_name", as: String?.self),
            children: listed.filter { $0.0 == "child" }.map(\.1),
            guardians: listed.filter { $0.0 == "guardian" }.map(\.1)
        )
    }
}
