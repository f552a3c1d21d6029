import Foundation
import SQLKit
import ZhurnalCore

/// A session as the request sees it, joined with its account's state at this moment: a deactivated account or a
/// changed role shows at the very next request.
public struct SessionRecord: Sendable {
    public let id: Int
    public let schoolID: Int
    public let accountID: Int
    public let personID: Int
    public let login: String
    public let fullName: String
    public let kind: SessionKind
    public let stage: SignInStage
    public let secondFactorDone: Bool
    public let csrfToken: String
    /// The second-factor secret this session is enrolling, until a code confirms it.
    public let pendingTOTPSecret: String?
    public let createdAt: String
    public let lastSeenAt: String
    public let idleSeconds: Int
    public let expiresAt: String
    public let endedAt: String?
    public let accountDeactivatedAt: String?
    public let roles: Set<Role>
    public let observedSchools: Set<Int>

    public var actor: Actor {
        Actor(accountID: accountID, personID: personID, schoolID: schoolID, roles: roles, observedSchools: observedSchools)
    }
}

public enum SessionKind: String, Sendable {
    case browser
    case api
}

/// Why a session ended; kept on the row and in the security log.
public enum SessionEnd: String, Sendable {
    case signedOut = "signed_out"
    case idle
    case expired
    case passwordChanged = "password_changed"
    case passwordReset = "password_reset"
    case deactivated
    case endedByOwner = "ended_by_owner"
    case endedByAdmin = "ended_by_admin"
    /// Replaced by a new id when the session gained rights (second factor passed, one enrolled).
    case rotated
    case rolesChanged = "roles_changed"
}

/// One line of "my sessions".
public struct SessionSummary: Sendable, Equatable {
    public let id: Int
    public let kind: SessionKind
    public let createdAt: String
    public let lastSeenAt: String
    public let clientAddress: String?
    public let userAgent: String?
}

public enum SessionStore {
    /// Starts a session and returns its token; the token itself is never stored.
    public static func create(
        account: SignInAccount,
        kind: SessionKind,
        stage: SignInStage,
        secondFactorDone: Bool,
        limits: SessionLimits,
        now: Date,
        clientAddress: String?,
        userAgent: String?,
        in sql: any SQLDatabase
    ) async throws -> SessionToken {
        let token = SessionToken.generate(schoolID: account.schoolID)
        let at = Timestamp.string(now)
        try await sql.raw(
            """
            INSERT INTO sessions (school_id, token_hash, account_id, kind, stage, second_factor_done, csrf_token,
                                  created_at, last_seen_at, idle_seconds, expires_at, client_address, user_agent)
            VALUES (\(bind: account.schoolID), \(bind: token.hash), \(bind: account.accountID), \(bind: kind.rawValue),
                    \(bind: stage.rawValue), \(bind: secondFactorDone), \(bind: RandomText.urlSafe(bytes: 32)), \(bind: at),
                    \(bind: at), \(bind: limits.idleSeconds),
                    \(bind: Timestamp.string(now.addingTimeInterval(Double(limits.absoluteSeconds)))),
                    \(bind: clientAddress.map { String($0.prefix(64)) }), \(bind: userAgent.map { String($0.prefix(256)) }))
            """
        ).run()
        return token
    }

    /// The session behind a token with its account's roles, in one statement; nil when there is no such session.
    /// Expiry is judged by the caller (``SessionRecord/endReason(at:)``) so that it can log why a session ended.
    public static func find(_ token: SessionToken, in sql: any SQLDatabase) async throws -> SessionRecord? {
        try await find(where: "s.school_id = \(bind: token.schoolID) AND s.token_hash = \(bind: token.hash)", in: sql)
    }

    /// The session with this id, for re-reading one after a change in the same request.
    public static func find(id: Int, school: Int, in sql: any SQLDatabase) async throws -> SessionRecord? {
        try await find(where: "s.school_id = \(bind: school) AND s.id = \(bind: id)", in: sql)
    }

    /// One statement: the session, its account and person, and a row per role × observed school (an account has a
    /// few roles and only an observer has observed schools, so the product stays a handful of rows).
    private static func find(where condition: SQLQueryString, in sql: any SQLDatabase) async throws -> SessionRecord? {
        let rows = try await sql.raw(
            """
            SELECT s.id, s.school_id, s.account_id, s.kind, s.stage, s.second_factor_done, s.csrf_token, s.pending_totp_secret,
                   s.created_at, s.last_seen_at, s.idle_seconds, s.expires_at, s.ended_at,
                   a.person_id, a.login, a.deactivated_at, p.last_name, p.first_name, p.patronymic,
                   r.role, o.observed_school_id AS observed
            FROM sessions s
            JOIN accounts a ON a.school_id = s.school_id AND a.id = s.account_id
            JOIN people p ON p.school_id = a.school_id AND p.id = a.person_id
            LEFT JOIN account_roles r ON r.school_id = s.school_id AND r.account_id = s.account_id
            LEFT JOIN observer_schools o ON o.school_id = s.school_id AND o.account_id = s.account_id
            WHERE \(condition)
            """
        ).all()
        guard let row = rows.first else { return nil }
        let school = try row.decode(column: "school_id", as: Int.self)
        let account = try row.decode(column: "account_id", as: Int.self)
        var roles: Set<Role> = []
        var observed: Set<Int> = []
        for grant in rows {
            if let role = try grant.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)) { roles.insert(role) }
            if let school = try grant.decode(column: "observed", as: Int?.self) { observed.insert(school) }
        }
        return SessionRecord(
            id: try row.decode(column: "id", as: Int.self),
            schoolID: school,
            accountID: account,
            personID: try row.decode(column: "person_id", as: Int.self),
            login: try row.decode(column: "login", as: String.self),
            fullName: try PersonName.full(row),
            kind: SessionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .browser,
            stage: SignInStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .secondFactor,
            secondFactorDone: try row.decode(column: "second_factor_done", as: Bool.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            pendingTOTPSecret: try row.decode(column: "pending_totp_secret", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: String.self),
            idleSeconds: try row.decode(column: "idle_seconds", as: Int.self),
            expiresAt: try row.decode(column: "expires_at", as: String.self),
            endedAt: try row.decode(column: "ended_at", as: String?.self),
            accountDeactivatedAt: try row.decode(column: "deactivated_at", as: String?.self),
            roles: roles,
            observedSchools: observed
        )
    }

    /// Replaces a session by a new one with a new id and token in `stage` — done whenever a session gains rights, so
    /// that an id seen before (on a shared computer, in a proxy's log) is worth nothing afterwards. The new session
    /// keeps the old one's absolute expiry.
    public static func rotate(
        _ session: SessionRecord,
        stage: SignInStage,
        secondFactorDone: Bool,
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> SessionToken {
        let token = SessionToken.generate(schoolID: session.schoolID)
        let at = Timestamp.string(now)
        try await sql.raw(
            """
            INSERT INTO sessions (school_id, token_hash, account_id, kind, stage, second_factor_done, csrf_token,
                                  created_at, last_seen_at, idle_seconds, expires_at, client_address, user_agent)
            SELECT school_id, \(bind: token.hash), account_id, kind, \(bind: stage.rawValue), \(bind: secondFactorDone),
                   \(bind: RandomText.urlSafe(bytes: 32)), \(bind: at), \(bind: at), idle_seconds, expires_at, client_address,
                   user_agent
            FROM sessions WHERE school_id = \(bind: session.schoolID) AND id = \(bind: session.id)
            """
        ).run()
        try await end(school: session.schoolID, session: session.id, reason: .rotated, now: now, in: sql)
        return token
    }

    /// Keeps the secret this session is enrolling.
    public static func setPendingSecret(school: Int, session: Int, secret: String?, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            "UPDATE sessions SET pending_totp_secret = \(bind: secret) WHERE school_id = \(bind: school) AND id = \(bind: session)"
        ).run()
    }

    /// Notes the request; callers skip it while the last note is fresh, so a page costs no write.
    public static func touch(school: Int, session: Int, now: Date, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET last_seen_at = \(bind: Timestamp.string(now))
            WHERE school_id = \(bind: school) AND id = \(bind: session) AND ended_at IS NULL
            """
        ).run()
    }

    public static func setStage(
        school: Int,
        session: Int,
        stage: SignInStage,
        secondFactorDone: Bool,
        in sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            UPDATE sessions SET stage = \(bind: stage.rawValue), second_factor_done = \(bind: secondFactorDone)
            WHERE school_id = \(bind: school) AND id = \(bind: session) AND ended_at IS NULL
            """
        ).run()
    }

    /// Ends one session; returns whether it was open.
    @discardableResult
    public static func end(
        school: Int,
        session: Int,
        reason: SessionEnd,
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> Bool {
        let rows = try await sql.raw(
            """
            UPDATE sessions SET ended_at = \(bind: Timestamp.string(now)), end_reason = \(bind: reason.rawValue)
            WHERE school_id = \(bind: school) AND id = \(bind: session) AND ended_at IS NULL
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Ends every open session of an account but `except`; returns how many ended.
    @discardableResult
    public static func endAll(
        school: Int,
        account: Int,
        except: Int? = nil,
        reason: SessionEnd,
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> Int {
        let rows = try await sql.raw(
            """
            UPDATE sessions SET ended_at = \(bind: Timestamp.string(now)), end_reason = \(bind: reason.rawValue)
            WHERE school_id = \(bind: school) AND account_id = \(bind: account) AND ended_at IS NULL
              AND id <> \(bind: except ?? -1)
            RETURNING id
            """
        ).all()
        return rows.count
    }

    /// An account's open sessions, most recent first.
    public static func open(school: Int, account: Int, now: Date, in sql: any SQLDatabase) async throws -> [SessionSummary] {
        try await sql.raw(
            """
            SELECT id, kind, created_at, last_seen_at, client_address, user_agent
            FROM sessions
            WHERE school_id = \(bind: school) AND account_id = \(bind: account) AND ended_at IS NULL
              AND expires_at > \(bind: Timestamp.string(now))
            ORDER BY last_seen_at DESC, id DESC
            """
        ).all().map { row in
            SessionSummary(
                id: try row.decode(column: "id", as: Int.self),
                kind: SessionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .browser,
                createdAt: try row.decode(column: "created_at", as: String.self),
                lastSeenAt: try row.decode(column: "last_seen_at", as: String.self),
                clientAddress: try row.decode(column: "client_address", as: String?.self),
                userAgent: try row.decode(column: "user_agent", as: String?.self)
            )
        }
    }
}

extension SessionRecord {
    /// Why this session can no longer be used at `now`, or nil while it can.
    public func endReason(at now: Date) -> SessionEnd? {
        if accountDeactivatedAt != nil { return .deactivated }
        let at = Timestamp.string(now)
        if at >= expiresAt { return .expired }
        if let seen = Timestamp.date(lastSeenAt), now.timeIntervalSince(seen) >= Double(idleSeconds) { return .idle }
        return nil
    }
}

extension SessionStore {
    /// The account a session of this school belongs to, or nil when the school has no such session.
    public static func owner(school: Int, session: Int, in sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw("SELECT account_id FROM sessions WHERE school_id = \(bind: school) AND id = \(bind: session)")
            .first()?.decode(column: "account_id", as: Int.self)
    }
}

extension SessionStore {
    /// Ends a session and, if it was still open, writes why into the security log: sign-out, expiry, an owner or an
    /// administrator ending it all leave the same trace.
    @discardableResult
    public static func endLogged(
        school: Int,
        session: Int,
        account: Int,
        login: String?,
        reason: SessionEnd,
        clientAddress: String?,
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> Bool {
        guard try await end(school: school, session: session, reason: reason, now: now, in: sql) else { return false }
        try await SecurityLog.record(
            SecurityEvent(
                schoolID: school,
                at: now,
                kind: .sessionEnded,
                accountID: account,
                login: login,
                clientAddress: clientAddress,
                detail: reason.rawValue
            ),
            in: sql
        )
        return true
    }

    /// Ends the session of this request and logs why.
    @discardableResult
    public static func endLogged(
        _ session: SessionRecord,
        reason: SessionEnd,
        clientAddress: String?,
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> Bool {
        try await endLogged(
            school: session.schoolID,
            session: session.id,
            account: session.accountID,
            login: session.login,
            reason: reason,
            clientAddress: clientAddress,
            now: now,
            in: sql
        )
    }
}
