import Foundation
import SQLKit
import ZhurnalCore

/// What sign-in needs to know about the account behind a login.
public struct SignInAccount: Sendable {
    public let accountID: Int
    public let schoolID: Int
    public let personID: Int
    public let login: String
    public let fullName: String
    public let passwordHash: String
    public let mustChangePassword: Bool
    public let initialPasswordExpiresAt: String?
    public let initialPasswordUsedAt: String?
    public let deactivatedAt: String?
    public let totpSecret: String?
    public let totpEnabled: Bool
    public let totpLastStep: Int?
    public let secondFactorWaived: Bool
    public let roles: Set<Role>

    public var state: AccountState {
        AccountState(
            roles: roles,
            mustChangePassword: mustChangePassword,
            hasSecondFactor: totpEnabled,
            secondFactorWaived: secondFactorWaived
        )
    }

    static let columns = """
        a.id, a.school_id, a.person_id, a.login, a.password_hash, a.must_change_password,
        a.initial_password_expires_at, a.initial_password_used_at, a.deactivated_at, a.totp_secret, a.totp_enabled_at,
        a.totp_last_step, a.second_factor_waived, p.last_name, p.first_name, p.patronymic, r.role
        """

    /// The account with this login (exactly as stored: logins are lowercase), in one statement.
    public static func find(login: String, in sql: any SQLDatabase) async throws -> SignInAccount? {
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: columns)
            FROM accounts a
            JOIN people p ON p.school_id = a.school_id AND p.id = a.person_id
            LEFT JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id
            WHERE a.login = \(bind: login)
            """
        ).all()
        return try decode(rows)
    }

    /// The account by id, in one statement.
    public static func find(school: Int, account: Int, in sql: any SQLDatabase) async throws -> SignInAccount? {
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: columns)
            FROM accounts a
            JOIN people p ON p.school_id = a.school_id AND p.id = a.person_id
            LEFT JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id
            WHERE a.school_id = \(bind: school) AND a.id = \(bind: account)
            """
        ).all()
        return try decode(rows)
    }

    static func decode(_ rows: [any SQLRow]) throws -> SignInAccount? {
        guard let row = rows.first else { return nil }
        let roles = try Set(rows.compactMap { try $0.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)) })
        return SignInAccount(
            accountID: try row.decode(column: "id", as: Int.self),
            schoolID: try row.decode(column: "school_id", as: Int.self),
            personID: try row.decode(column: "person_id", as: Int.self),
            login: try row.decode(column: "login", as: String.self),
            fullName: try PersonName.full(row),
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            mustChangePassword: try row.decode(column: "must_change_password", as: Bool.self),
            initialPasswordExpiresAt: try row.decode(column: "initial_password_expires_at", as: String?.self),
            initialPasswordUsedAt: try row.decode(column: "initial_password_used_at", as: String?.self),
            deactivatedAt: try row.decode(column: "deactivated_at", as: String?.self),
            totpSecret: try row.decode(column: "totp_secret", as: String?.self),
            totpEnabled: try row.decode(column: "totp_enabled_at", as: String?.self) != nil,
            totpLastStep: try row.decode(column: "totp_last_step", as: Int?.self),
            secondFactorWaived: try row.decode(column: "second_factor_waived", as: Bool.self),
            roles: roles
        )
    }
}
