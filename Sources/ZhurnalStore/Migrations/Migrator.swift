import Foundation
import SQLKit

/// Brings a database to the schema this build knows, one transactional step at a time, and refuses to touch a
/// database that a newer build has migrated.
public struct Migrator: Sendable {
    public let database: Database
    public let migrations: [Migration]

    public init(database: Database, migrations: [Migration] = Migration.all) {
        self.database = database
        self.migrations = migrations
    }

    /// The version this build brings a database to.
    public var knownVersion: Int { migrations.last?.version ?? 0 }

    /// The highest applied version, 0 for a database that has never been migrated. Writes nothing.
    public func currentVersion() async throws -> Int {
        try await database.read { sql in
            guard try await Self.hasLedger(sql, flavor: database.flavor) else { return 0 }
            return try await sql.raw("SELECT MAX(version) AS version FROM schema_migrations").first()?
                .decode(column: "version", as: Int?.self) ?? 0
        }
    }

    /// Applies the pending steps and returns them. Throws ``StoreError/schemaTooNew(found:known:)`` before writing
    /// anything when the database is ahead of this build.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Migration] {
        let found = try await currentVersion()
        guard found <= knownVersion else { throw StoreError.schemaTooNew(found: found, known: knownVersion) }
        guard found < knownVersion else { return [] }
        return try await database.write { sql in
            if database.flavor == .postgres {
                // Two servers starting together must not both migrate; the lock ends with the transaction.
                try await sql.raw("SELECT pg_advisory_xact_lock(7405)").run()
            }
            try await sql.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """
            ).run()
            // Read again under the lock: another process may have migrated meanwhile.
            let applied =
                try await sql.raw("SELECT MAX(version) AS version FROM schema_migrations").first()?
                .decode(column: "version", as: Int?.self) ?? 0
            guard applied <= knownVersion else { throw StoreError.schemaTooNew(found: applied, known: knownVersion) }
            let pending = migrations.filter { $0.version > applied }
            for migration in pending {
                for statement in migration.statements(database.flavor) {
                    try await sql.raw(SQLQueryString(statement)).run()
                }
                try await sql.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.string(now)))
                    """
                ).run()
            }
            return pending
        }
    }

    private static func hasLedger(_ sql: any SQLDatabase, flavor: SQLFlavor) async throws -> Bool {
        switch flavor {
        case .sqlite:
            try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
                .first() != nil
        case .postgres:
            try await sql.raw("SELECT to_regclass('schema_migrations')::text AS name").first()?
                .decode(column: "name", as: String?.self) != nil
        }
    }
}
