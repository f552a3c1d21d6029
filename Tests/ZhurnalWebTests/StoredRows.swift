import SQLKit
import ZhurnalStore

/// What the tests read back from the database after a request: the security log, counts, every stored value.
enum Stored {
    struct Event: Sendable, Equatable {
        let kind: String
        let login: String?
        let detail: String?
    }

    /// The security log in the order it was written, of one kind or all.
    static func events(_ database: Database, kind: String? = nil) async throws -> [Event] {
        try await database.read { sql in
            let condition: SQLQueryString = kind.map { "WHERE kind = \(bind: $0)" } ?? ""
            return try await sql.raw("SELECT kind, login, detail FROM security_events \(condition) ORDER BY id").all().map { row in
                Event(
                    kind: try row.decode(column: "kind", as: String.self),
                    login: try row.decode(column: "login", as: String?.self),
                    detail: try row.decode(column: "detail", as: String?.self)
                )
            }
        }
    }

    /// The `access_denied` rows, oldest first.
    static func denials(_ database: Database) async throws -> [Event] {
        try await events(database, kind: "access_denied")
    }

    /// The number in the column `n` of the query's first row.
    static func count(_ database: Database, _ query: SQLQueryString) async throws -> Int {
        try await database.read { sql in try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0 }
    }

    /// Every value of every column of every row of `table`, as text (NULLs left out), whatever columns it has.
    static func everyValue(of table: String, in database: Database) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM \(unsafeRaw: table)").all().flatMap { row in
                row.allColumns.compactMap { column -> String? in
                    if let text = try? row.decode(column: column, as: String.self) { return text }
                    if let number = try? row.decode(column: column, as: Int.self) { return String(number) }
                    if let flag = try? row.decode(column: column, as: Bool.self) { return String(flag) }
                    return nil
                }
            }
        }
    }

    /// Roles of an account, sorted.
    static func roles(_ database: Database, account: Int) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT role FROM account_roles WHERE account_id = \(bind: account) ORDER BY role").all()
                .map { try $0.decode(column: "role", as: String.self) }
        }
    }

    /// Everything about accounts that an administrator's form must not change by accident, one line per account.
    static func accounts(_ database: Database) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT a.school_id, a.id, a.person_id, a.login, a.password_hash, a.must_change_password, a.deactivated_at,
                       p.school_id AS person_school
                FROM accounts a JOIN people p ON p.school_id = a.school_id AND p.id = a.person_id
                ORDER BY a.id
                """
            ).all().map { row in
                [
                    String(try row.decode(column: "school_id", as: Int.self)),
                    String(try row.decode(column: "id", as: Int.self)),
                    String(try row.decode(column: "person_id", as: Int.self)),
                    try row.decode(column: "login", as: String.self),
                    try row.decode(column: "password_hash", as: String.self),
                    String(try row.decode(column: "must_change_password", as: Bool.self)),
                    try row.decode(column: "deactivated_at", as: String?.self) ?? "active",
                    String(try row.decode(column: "person_school", as: Int.self)),
                ].joined(separator: " ")
            }
        }
    }

    /// Every role row of the installation, as "school account role".
    static func allRoles(_ database: Database) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT school_id, account_id, role FROM account_roles ORDER BY school_id, account_id, role").all().map { row in
                "\(try row.decode(column: "school_id", as: Int.self)) \(try row.decode(column: "account_id", as: Int.self)) "
                    + (try row.decode(column: "role", as: String.self))
            }
        }
    }
}
