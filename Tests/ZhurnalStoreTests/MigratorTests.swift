import Foundation
import SQLKit
import Testing
import ZhurnalTestSupport

@testable import ZhurnalStore

struct MigratorTests {
    @Test(arguments: TestDatabases.flavors)
    func migratesAnEmptyDatabaseOnceAndIsIdempotent(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor, migrated: false) { database in
            let migrator = Migrator(database: database)
            #expect(try await migrator.currentVersion() == 0)
            let applied = try await migrator.migrate()
            #expect(applied.map(\.version) == Migration.all.map(\.version))
            #expect(try await migrator.currentVersion() == migrator.knownVersion)
            #expect(try await migrator.migrate().isEmpty)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func refusesADatabaseOfANewerSchemaAndWritesNothing(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            let future = Migrator(database: database).knownVersion + 1
            try await database.write { sql in
                try await sql.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: future), 'future', 'x')"
                ).run()
            }
            let before = try await database.read { try await $0.raw("SELECT COUNT(*) AS n FROM schema_migrations").first() }
            await #expect(throws: StoreError.schemaTooNew(found: future, known: future - 1)) {
                try await Migrator(database: database).migrate()
            }
            let after = try await database.read { try await $0.raw("SELECT COUNT(*) AS n FROM schema_migrations").first() }
            #expect(try before?.decode(column: "n", as: Int.self) == after?.decode(column: "n", as: Int.self))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aFailingStepLeavesNoTrace(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor, migrated: false) { database in
            let broken =
                Migration.all + [
                    Migration.testing(version: Migration.all.count + 1) { _ in
                        ["CREATE TABLE half_done (school_id BIGINT)", "CREATE TABLE broken ("]
                    }
                ]
            await #expect(throws: (any Error).self) { try await Migrator(database: database, migrations: broken).migrate() }
            let version = try await Migrator(database: database).currentVersion()
            #expect(version == 0)
            // The good steps went in the same transaction as the bad one, so none of their tables exist either.
            await #expect(throws: (any Error).self) {
                try await database.read { try await $0.raw("SELECT COUNT(*) FROM schools").run() }
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func keysStartWithTheSchoolSoNoRowPointsIntoAnotherSchool(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await database.write { sql in
                for id in [1, 2] {
                    try await sql.raw(
                        "INSERT INTO schools (id, name, short_name, created_at) VALUES (\(bind: id), 'Школа', 'Ш', 'x')"
                    ).run()
                }
                try await sql.raw(
                    """
                    INSERT INTO people (school_id, id, last_name, first_name, created_at)
                    VALUES (1, 10, 'Иванов', 'Иван', 'x')
                    """
                ).run()
            }
            // An account of school 2 for a person of school 1.
            await #expect(throws: (any Error).self) {
                try await database.write { sql in
                    try await sql.raw(
                        """
                        INSERT INTO accounts (school_id, id, person_id, login, password_hash, created_at)
                        VALUES (2, 1, 10, 'ivanov', 'h', 'x')
                        """
                    ).run()
                }
            }
        }
    }
}

extension Migration {
    static func testing(version: Int, statements: @escaping @Sendable (SQLFlavor) -> [String]) -> Migration {
        Migration(version: version, name: "test \(version)", statements: statements)
    }
}
