import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// SECURITY.md §Load: concurrent writers and readers, no errors and no lost writes.
struct ConcurrencyTests {
    @Test(arguments: TestDatabases.flavors)
    func concurrentWritesAreNeitherLostNorTorn(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let writers = 40
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writers {
                    group.addTask {
                        // Each writer changes a shared row and appends its own row, in one transaction.
                        try await database.write { sql in
                            try await sql.raw(
                                """
                                UPDATE lessons SET version = version + 1, topic = \(bind: "Тема от \(index)")
                                WHERE school_id = 1 AND id = 1
                                """
                            ).run()
                            try await sql.raw(
                                """
                                INSERT INTO history (school_id, entity, entity_id, action, at, new_value)
                                VALUES (1, 'topic', '1', 'update', '2026-09-07T06:00:00Z', \(bind: "Тема от \(index)"))
                                """
                            ).run()
                        }
                    }
                    group.addTask {
                        let grid = try await database.read { sql in
                            try await JournalQueries.grid(
                                school: 1,
                                course: 1,
                                span: .init(.init(iso: "2026-09-01")!, .init(iso: "2026-10-23")!),
                                in: sql
                            )
                        }
                        #expect(grid.lessons.count == 4)
                    }
                }
                try await group.waitForAll()
            }
            let row = try await database.read {
                try await $0.raw(
                    """
                    SELECT (SELECT version FROM lessons WHERE school_id = 1 AND id = 1) AS version,
                           (SELECT COUNT(DISTINCT new_value) FROM history) AS entries
                    """
                ).first()
            }
            #expect(try row?.decode(column: "version", as: Int.self) == 1 + writers)
            #expect(try row?.decode(column: "entries", as: Int.self) == writers)
        }
    }
}
