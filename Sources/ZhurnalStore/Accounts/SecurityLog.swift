import Foundation
import SQLKit

/// What the security log records (SECURITY.md, Audit): never a password, a cookie or a token.
public enum SecurityEventKind: String, Sendable, CaseIterable {
    case signIn = "sign_in"
    case signInFailed = "sign_in_failed"
    case throttled
    case accessDenied = "access_denied"
    case passwordChanged = "password_changed"
    case passwordReset = "password_reset"
    case accountCreated = "account_created"
    case accountDeactivated = "account_deactivated"
    case accountReactivated = "account_reactivated"
    case rolesChanged = "roles_changed"
    case secondFactorEnabled = "second_factor_enabled"
    case secondFactorFailed = "second_factor_failed"
    case secondFactorRemoved = "second_factor_removed"
    case recoveryCodeUsed = "recovery_code_used"
    case sessionEnded = "session_ended"

    public var russianTitle: String {
        switch self {
        case .signIn: "Вход"
        case .signInFailed: "Неудачный вход"
        case .throttled: "Попытки входа замедлены"
        case .accessDenied: "Отказ в доступе"
        case .passwordChanged: "Смена пароля"
        case .passwordReset: "Сброс пароля"
        case .accountCreated: "Учётная запись создана"
        case .accountDeactivated: "Учётная запись отключена"
        case .accountReactivated: "Учётная запись включена"
        case .rolesChanged: "Изменены роли"
        case .secondFactorEnabled: "Подключён второй фактор"
        case .secondFactorFailed: "Неверный код второго фактора"
        case .secondFactorRemoved: "Второй фактор снят администратором"
        case .recoveryCodeUsed: "Использован резервный код"
        case .sessionEnded: "Сеанс завершён"
        }
    }
}

public struct SecurityEvent: Sendable, Equatable {
    public var id: Int?
    public var schoolID: Int?
    public var at: String
    public var kind: SecurityEventKind
    public var accountID: Int?
    public var login: String?
    public var clientAddress: String?
    /// A short English note for the administrator: the path refused, why a session ended.
    public var detail: String?

    public init(
        schoolID: Int?,
        at: Date,
        kind: SecurityEventKind,
        accountID: Int? = nil,
        login: String? = nil,
        clientAddress: String? = nil,
        detail: String? = nil
    ) {
        self.schoolID = schoolID
        self.at = Timestamp.string(at)
        self.kind = kind
        self.accountID = accountID
        self.login = login
        self.clientAddress = clientAddress
        self.detail = detail
    }
}

/// The installation's security log: appended to in the same transaction as the change it records, never rewritten.
public enum SecurityLog {
    public static func record(_ event: SecurityEvent, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO security_events (school_id, at, kind, account_id, login, client_address, detail)
            VALUES (\(bind: event.schoolID), \(bind: event.at), \(bind: event.kind.rawValue), \(bind: event.accountID),
                    \(bind: event.login), \(bind: event.clientAddress), \(bind: event.detail))
            """
        ).run()
    }

    public struct Filter: Sendable, Equatable {
        public var kind: SecurityEventKind?
        public var login: String?
        /// Instants: events at or after `from` and before `until`. The page turns the days a person picks, in the
        /// school's time, into these.
        public var from: Date?
        public var until: Date?

        public init(kind: SecurityEventKind? = nil, login: String? = nil, from: Date? = nil, until: Date? = nil) {
            self.kind = kind
            self.login = login
            self.from = from
            self.until = until
        }
    }

    /// One page of a school's events, newest first, and whether there are more. One statement.
    public static func page(
        school: Int,
        filter: Filter,
        before: Int? = nil,
        limit: Int = 100,
        in sql: any SQLDatabase
    ) async throws -> (events: [SecurityEvent], more: Bool) {
        var query = SQLQueryString(
            "SELECT id, school_id, at, kind, account_id, login, client_address, detail FROM security_events WHERE school_id = "
        )
        query.appendInterpolation(bind: school)
        if let kind = filter.kind {
            query.appendLiteral(" AND kind = ")
            query.appendInterpolation(bind: kind.rawValue)
        }
        if let login = filter.login, !login.isEmpty {
            query.appendLiteral(" AND login = ")
            query.appendInterpolation(bind: login)
        }
        // Instants are stored as UTC text of one fixed width, so they compare as text.
        if let from = filter.from {
            query.appendLiteral(" AND at >= ")
            query.appendInterpolation(bind: Timestamp.string(from))
        }
        if let until = filter.until {
            query.appendLiteral(" AND at < ")
            query.appendInterpolation(bind: Timestamp.string(until))
        }
        if let before {
            query.appendLiteral(" AND id < ")
            query.appendInterpolation(bind: before)
        }
        query.appendLiteral(" ORDER BY id DESC LIMIT ")
        query.appendInterpolation(bind: limit + 1)
        let rows = try await sql.raw(query).all()
        let events = try rows.prefix(limit).compactMap { row -> SecurityEvent? in
            // A kind written by a newer build is left out rather than shown as something it is not.
            guard let kind = SecurityEventKind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            var event = SecurityEvent(
                schoolID: try row.decode(column: "school_id", as: Int?.self),
                at: Date(timeIntervalSince1970: 0),
                kind: kind,
                accountID: try row.decode(column: "account_id", as: Int?.self),
                login: try row.decode(column: "login", as: String?.self),
                clientAddress: try row.decode(column: "client_address", as: String?.self),
                detail: try row.decode(column: "detail", as: String?.self)
            )
            event.id = try row.decode(column: "id", as: Int.self)
            event.at = try row.decode(column: "at", as: String.self)
            return event
        }
        return (events, rows.count > limit)
    }
}
