import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// Rules the schema enforces itself, so that no code path can get around them.
struct SchemaRulesTests {
    @Test(arguments: TestDatabases.flavors)
    func historyIsAppendOnly(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO history (school_id, entity, entity_id, action, at, new_value)
                    VALUES (1, 'mark', '1', 'create', '2026-09-07T06:00:00Z', '5')
                    """
                ).run()
            }
            await #expect(throws: (any Error).self) {
                try await database.write { try await $0.raw("UPDATE history SET new_value = '2'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.write { try await $0.raw("DELETE FROM history").run() }
            }
            let row = try await database.read { try await $0.raw("SELECT new_value FROM history").first() }
            #expect(try row?.decode(column: "new_value", as: String.self) == "5")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aLoginNamesOneAccountInTheWholeInstallation(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await database.write { sql in
                try await sql.raw("INSERT INTO schools (id, name, short_name, created_at) VALUES (2, 'Другая', 'Д', 'x')").run()
                try await sql.raw(
                    "INSERT INTO people (school_id, id, last_name, first_name, created_at) VALUES (2, 50, 'Петров', 'Пётр', 'x')"
                ).run()
                try await sql.raw(
                    """
                    INSERT INTO accounts (school_id, person_id, login, password_hash, created_at)
                    VALUES (1, 1, 'smirnova', 'h', 'x')
                    """
                ).run()
            }
            await #expect(throws: (any Error).self) {
                try await database.write { sql in
                    try await sql.raw(
                        """
                        INSERT INTO accounts (school_id, person_id, login, password_hash, created_at)
                        VALUES (2, 50, 'smirnova', 'h', 'x')
                        """
                    ).run()
                }
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aFailedWriteLeavesNothingBehind(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            await #expect(throws: (any Error).self) {
                try await database.write { sql in
                    try await sql.raw(
                        """
                        INSERT INTO marks (school_id, lesson_id, student_id, work_type_id, value, work_date, author_id,
                                           entered_at, updated_at)
                        VALUES (1, 1, 3, 1, '2', '2026-09-07', 1, 'x', 'x')
                        """
                    ).run()
                    // A mark for a pupil of no school: the foreign key refuses, and the first insert goes too.
                    try await sql.raw(
                        """
                        INSERT INTO marks (school_id, lesson_id, student_id, work_type_id, value, work_date, author_id,
                                           entered_at, updated_at)
                        VALUES (1, 1, 999, 1, '2', '2026-09-07', 1, 'x', 'x')
                        """
                    ).run()
                }
            }
            let count = try await database.read {
                try await $0.raw("SELECT COUNT(*) AS n FROM marks").first()?.decode(column: "n", as: Int.self)
            }
            #expect(count == 5)
            // The writer is usable again after the rollback.
            try await database.write { try await $0.raw("UPDATE lessons SET topic = 'Новая тема' WHERE id = 1").run() }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aClosedDatabaseAnswersUnavailable(flavor: SQLFlavor) async throws {
        let scratch = try await TestDatabases.Scratch.make(flavor)
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        await database.close()
        do {
            _ = try await database.read { try await $0.raw("SELECT 1 AS one").first() }
            Issue.record("read a closed database")
        } catch {
            #expect(StoreError.isUnavailable(error))
        }
        await scratch.remove()
    }
}
