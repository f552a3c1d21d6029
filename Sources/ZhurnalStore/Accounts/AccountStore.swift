import Foundation
import SQLKit
import ZhurnalCore

/// Writes to accounts: passwords, initial passwords, the second factor, deactivation. Each runs inside the caller's
/// transaction, beside its security-log row.
public enum AccountStore {
    /// How long an initial password on a slip stays valid.
    public static let initialPasswordLifetime: TimeInterval = 14 * 86_400

    /// Marks the initial password used; false when another sign-in used it first.
    public static func markInitialPasswordUsed(school: Int, account: Int, now: Date, in sql: any SQLDatabase) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE accounts SET initial_password_used_at = \(bind: Timestamp.string(now))
            WHERE school_id = \(bind: school) AND id = \(bind: account) AND initial_password_used_at IS NULL
            RETURNING id
            """
        ).all().isEmpty
    }

    /// The person's own password replaces whatever was there; any initial password is gone with it.
    public static func setPassword(school: Int, account: Int, hash: String, now: Date, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE accounts SET password_hash = \(bind: hash), must_change_password = FALSE,
                initial_password_expires_at = NULL, initial_password_used_at = NULL,
                password_changed_at = \(bind: Timestamp.string(now))
            WHERE school_id = \(bind: school) AND id = \(bind: account)
            """
        ).run()
        try await endDigest(school: school, account: account, in: sql)
    }

    /// A new password ends the e-mail digest as it ends the sessions: an address set from a stolen session must not
    /// keep receiving a child's marks once the password is changed. The person gives his address again.
    private static func endDigest(school: Int, account: Int, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE notification_settings SET digest_email = NULL
            WHERE school_id = \(bind: school)
              AND person_id = (SELECT person_id FROM accounts WHERE school_id = \(bind: school) AND id = \(bind: account))
            """
        ).run()
    }

    /// An initial password: works once, within ``initialPasswordLifetime``, and must then be replaced.
    public static func setInitialPassword(school: Int, account: Int, hash: String, now: Date, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE accounts SET password_hash = \(bind: hash), must_change_password = TRUE,
                initial_password_expires_at = \(bind: Timestamp.string(now.addingTimeInterval(initialPasswordLifetime))),
                initial_password_used_at = NULL
            WHERE school_id = \(bind: school) AND id = \(bind: account)
            """
        ).run()
        try await endDigest(school: school, account: account, in: sql)
    }

    /// Accepts a time step only if it is later than the last accepted one; false when another request took it first.
    public static func advanceTOTPStep(school: Int, account: Int, to step: Int, in sql: any SQLDatabase) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE accounts SET totp_last_step = \(bind: step)
            WHERE school_id = \(bind: school) AND id = \(bind: account)
              AND (totp_last_step IS NULL OR totp_last_step < \(bind: step))
            RETURNING id
            """
        ).all().isEmpty
    }

    /// Marks a recovery code used; false when it is unknown or was used before.
    public static func useRecoveryCode(_ code: String, school: Int, account: Int, now: Date, in sql: any SQLDatabase) async throws -> Bool {
        try await !sql.raw(
            """
            UPDATE recovery_codes SET used_at = \(bind: Timestamp.string(now))
            WHERE school_id = \(bind: school) AND account_id = \(bind: account)
              AND code_hash = \(bind: RecoveryCodes.hash(code)) AND used_at IS NULL
            RETURNING code_hash
            """
        ).all().isEmpty
    }

    /// Turns a second factor on with `secret`, the step of the code that confirmed it and fresh recovery codes;
    /// false (and nothing changed) when the account already has one — two enrolments racing cannot both win.
    public static func enableSecondFactor(
        school: Int,
        account: Int,
        secret: String,
        step: Int,
        recoveryCodes: [String],
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> Bool {
        let changed = try await sql.raw(
            """
            UPDATE accounts SET totp_secret = \(bind: secret), totp_enabled_at = \(bind: Timestamp.string(now)),
                totp_last_step = \(bind: step)
            WHERE school_id = \(bind: school) AND id = \(bind: account) AND totp_enabled_at IS NULL
            RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { return false }
        try await sql.raw("DELETE FROM recovery_codes WHERE school_id = \(bind: school) AND account_id = \(bind: account)").run()
        var batch = RowBatch(table: "recovery_codes", columns: ["school_id", "account_id", "code_hash"])
        for code in recoveryCodes { batch.append([school, account, RecoveryCodes.hash(code)]) }
        try await batch.flush(into: sql)
        return true
    }

    /// Removes the second factor (the administrator's answer to a lost phone without recovery codes).
    public static func removeSecondFactor(school: Int, account: Int, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE accounts SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL
            WHERE school_id = \(bind: school) AND id = \(bind: account)
            """
        ).run()
        try await sql.raw("DELETE FROM recovery_codes WHERE school_id = \(bind: school) AND account_id = \(bind: account)").run()
    }

    public static func setDeactivated(_ deactivated: Bool, school: Int, account: Int, now: Date, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE accounts SET deactivated_at = \(bind: deactivated ? Timestamp.string(now) : nil)
            WHERE school_id = \(bind: school) AND id = \(bind: account)
            """
        ).run()
    }

    /// Whether a login is taken anywhere in the installation.
    public static func loginExists(_ login: String, in sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT 1 AS one FROM accounts WHERE login = \(bind: login)").first() != nil
    }

    /// Creates the account of an existing person with an initial password; returns the account's id.
    public static func create(
        school: Int,
        person: Int,
        login: String,
        initialPasswordHash: String,
        roles: Set<Role>,
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> Int {
        let at = Timestamp.string(now)
        guard
            let row = try await sql.raw(
                """
                INSERT INTO accounts (school_id, person_id, login, password_hash, must_change_password, created_at,
                                      initial_password_expires_at)
                VALUES (\(bind: school), \(bind: person), \(bind: login), \(bind: initialPasswordHash), TRUE, \(bind: at),
                        \(bind: Timestamp.string(now.addingTimeInterval(initialPasswordLifetime))))
                RETURNING id
                """
            ).first()
        else { throw StoreError.rejected("the database returned no id for the new account") }
        let account = try row.decode(column: "id", as: Int.self)
        try await setRoles(roles, school: school, account: account, in: sql)
        return account
    }

    /// Adds one role if the account lacks it.
    public static func addRole(_ role: Role, school: Int, account: Int, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO account_roles (school_id, account_id, role)
            SELECT \(bind: school), \(bind: account), \(bind: role.rawValue)
            WHERE NOT EXISTS (SELECT 1 FROM account_roles WHERE school_id = \(bind: school)
                              AND account_id = \(bind: account) AND role = \(bind: role.rawValue))
            """
        ).run()
    }

    public static func setRoles(_ roles: Set<Role>, school: Int, account: Int, in sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM account_roles WHERE school_id = \(bind: school) AND account_id = \(bind: account)").run()
        var batch = RowBatch(table: "account_roles", columns: ["school_id", "account_id", "role"])
        for role in Role.allCases where roles.contains(role) { batch.append([school, account, role.rawValue]) }
        try await batch.flush(into: sql)
    }
}

/// A school's session limits (the settings the access schema added to `schools`).
public enum SchoolSessionPolicy {
    public static func load(school: Int, in sql: any SQLDatabase) async throws -> SessionPolicy {
        guard
            let row = try await sql.raw(
                """
                SELECT staff_idle_minutes, staff_session_hours, family_idle_days, family_session_days
                FROM schools WHERE id = \(bind: school)
                """
            ).first()
        else { return SessionPolicy() }
        return SessionPolicy(
            staff: SessionLimits(
                idleSeconds: try row.decode(column: "staff_idle_minutes", as: Int.self) * 60,
                absoluteSeconds: try row.decode(column: "staff_session_hours", as: Int.self) * 3600
            ),
            family: SessionLimits(
                idleSeconds: try row.decode(column: "family_idle_days", as: Int.self) * 86_400,
                absoluteSeconds: try row.decode(column: "family_session_days", as: Int.self) * 86_400
            )
        )
    }
}
