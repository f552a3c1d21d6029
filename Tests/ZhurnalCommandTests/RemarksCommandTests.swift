import Foundation
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

@testable import zhurnal

/// `zhurnal remarks` on AccessSchool: the check of Monday 12.10.2026 finds 09.10's lesson with nothing written.
struct RemarksCommandTests {
    let commands = BadInputTests()

    @Test func theWeeksCheckRunsOnceForItsMonday() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        try await Migrator(database: database).migrate()
        try await AccessSchool.write(into: database)
        try await database.write { sql in
            try await sql.raw(
                "INSERT INTO lessons (school_id, id, course_id, lesson_date, lesson_number, teacher_id, created_at, updated_at) VALUES (1, 5, 1, '2026-10-09', 1, 1, '2026-09-01T09:00:00Z', '2026-09-01T09:00:00Z')"
            ).run()
        }
        func remarks() async throws -> [String] {
            try await database.read {
                try await $0.raw("SELECT lesson_id, problem, week_of FROM remarks ORDER BY id").all().map {
                    "\(try $0.decode(column: "lesson_id", as: Int.self)) \(try $0.decode(column: "problem", as: String.self)) \(try $0.decode(column: "week_of", as: String.self))"
                }
            }
        }
        let db = ["--db", "sqlite:\(path)"]
        // Wednesday 14.10 belongs to the week of Monday 12.10.
        try await commands.run(["remarks", "--date", "2026-10-14"] + db)
        #expect(try await remarks() == ["5 no_record 2026-10-12"])
        try await commands.run(["remarks", "--date", "2026-10-12"] + db)
        #expect(try await remarks().count == 1)
        await commands.expectFailure(["remarks", "--date", "14.10.2026"] + db)
        await database.close()
    }
}
