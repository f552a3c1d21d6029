import Foundation
import Logging
import SQLKit

/// Which SQL the connected database speaks; the few places where SQLite and PostgreSQL differ ask this.
public enum SQLFlavor: String, Sendable {
    case sqlite
    case postgres
}

/// The one door to the data: a pool of connections to SQLite or PostgreSQL behind the same `SQLDatabase` interface.
///
/// Reads run on any pooled connection; writes run in a transaction that commits only if the body returns.
/// Every statement that passes through is counted, so benchmarks and tests can hold hot paths to a budget.
public final class Database: Sendable {
    public let location: DatabaseLocation
    public let flavor: SQLFlavor
    /// Statements executed through this database since it was opened (BEGIN and COMMIT not included).
    public let statements = StatementCounter()
    let driver: any DatabaseDriver
    let logger: Logger

    init(location: DatabaseLocation, flavor: SQLFlavor, driver: any DatabaseDriver, logger: Logger) {
        self.location = location
        self.flavor = flavor
        self.driver = driver
        self.logger = logger
    }

    /// Opens the database at `location`, checking that it is reachable and writable. Creates nothing but an empty
    /// SQLite file; the schema is made by ``Migrator``.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws(StoreError) -> Database {
        switch location {
        case .sqlite(let path):
            let driver = try await SQLiteDriver.open(path: path, logger: logger)
            return Database(location: location, flavor: .sqlite, driver: driver, logger: logger)
        case .postgres(let address):
            let driver = try await PostgresDriver.open(address, logger: logger)
            return Database(location: location, flavor: .postgres, driver: driver, logger: logger)
        }
    }

    /// Runs `body` in a read-only snapshot: every statement sees the database as of the first one, so a page built
    /// from several statements never mixes states (BEGIN and COMMIT are not counted as statements).
    public func read<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await driver.withSnapshot { connection in
            try await body(CountingSQLDatabase(base: connection, counter: statements))
        }
    }

    /// Runs `body` on a pooled connection outside any transaction, for the statements a transaction refuses
    /// (`CREATE DATABASE`, `VACUUM`, a WAL checkpoint).
    public func autocommit<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await driver.withConnection { connection in
            try await body(CountingSQLDatabase(base: connection, counter: statements))
        }
    }

    /// Runs `body` in a transaction: everything it wrote commits together, or nothing does when it throws.
    public func write<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await driver.withTransaction { connection in
            try await body(CountingSQLDatabase(base: connection, counter: statements))
        }
    }

    /// Refreshes the planner's statistics after a bulk load (the demo, an import), so that queries get their
    /// indexed plans at once rather than after the next automatic analysis.
    public func refreshStatistics() async throws {
        try await autocommit { try await $0.raw("ANALYZE").run() }
    }

    /// Closes every connection. The database must not be used afterwards.
    public func close() async {
        await driver.close()
    }
}

protocol DatabaseDriver: Sendable {
    func withConnection<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result
    func withSnapshot<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result
    func withTransaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result
    func close() async
}

extension DatabaseDriver {
    /// Wraps `body` in BEGIN/COMMIT on one connection, rolling back when it throws.
    nonisolated(nonsending) func transaction<Result: Sendable>(
        on connection: any SQLDatabase,
        begin: String,
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await connection.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(connection)
            try await connection.raw("COMMIT").run()
            return result
        } catch let failure {
            do {
                try await connection.raw("ROLLBACK").run()
            } catch {
                throw TransactionError.rollbackFailed(original: failure)
            }
            throw failure
        }
    }
}

/// A transaction whose ROLLBACK failed leaves its connection in an unknown state; the pool must not reuse it.
enum TransactionError: Error {
    case rollbackFailed(original: any Error)
}
