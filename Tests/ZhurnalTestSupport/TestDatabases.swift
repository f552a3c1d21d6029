import Foundation
import Logging
import SQLKit
import ZhurnalStore

/// Throwaway databases for tests: a fresh SQLite file always, and a fresh PostgreSQL database when
/// `ZHURNAL_TEST_POSTGRES_URL` names a server (CI sets it). Each test gets its own, so tests run in parallel.
public enum TestDatabases {
    public static let postgresURL = ProcessInfo.processInfo.environment["ZHURNAL_TEST_POSTGRES_URL"]

    /// The flavors a storage test runs on here: parameterise tests with this.
    public static var flavors: [SQLFlavor] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    public static let logger: Logger = {
        var logger = Logger(label: "zhurnal.test")
        logger.logLevel = .warning
        return logger
    }()

    /// Opens a fresh database of `flavor`, migrated unless told otherwise, runs `body`, then closes and removes it.
    public static func with<T: Sendable>(
        _ flavor: SQLFlavor,
        migrated: Bool = true,
        _ body: (Database) async throws -> T
    ) async throws -> T {
        let scratch = try await Scratch.make(flavor)
        let database = try await Database.open(scratch.location, logger: logger)
        do {
            if migrated { try await Migrator(database: database).migrate() }
            let result = try await body(database)
            await database.close()
            await scratch.remove()
            return result
        } catch {
            await database.close()
            await scratch.remove()
            throw error
        }
    }

    /// A location that no test shares, and how to clean it up.
    public struct Scratch: Sendable {
        public let location: DatabaseLocation
        let admin: DatabaseLocation?
        let name: String

        public static func make(_ flavor: SQLFlavor) async throws -> Scratch {
            let name = "zt_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            switch flavor {
            case .sqlite:
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).sqlite").path
                return Scratch(location: .sqlite(path: path), admin: nil, name: name)
            case .postgres:
                guard let url = postgresURL else { throw StoreError.unavailable("ZHURNAL_TEST_POSTGRES_URL не задан") }
                let admin = try DatabaseLocation(url: url)
                guard case .postgres(var address) = admin else { throw StoreError.badLocation(url) }
                try await execute("CREATE DATABASE \(name)", on: admin)
                address.database = name
                return Scratch(location: .postgres(address), admin: admin, name: name)
            }
        }

        public func remove() async {
            if let admin {
                try? await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", on: admin)
            } else if case .sqlite(let path) = location {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }

        private static func execute(_ statement: String, on location: DatabaseLocation) async throws {
            let database = try await Database.open(location, logger: logger)
            do {
                try await database.autocommit { try await $0.raw(SQLQueryString(statement)).run() }
                await database.close()
            } catch {
                await database.close()
                throw error
            }
        }

        private func execute(_ statement: String, on location: DatabaseLocation) async throws {
            try await Self.execute(statement, on: location)
        }
    }
}
