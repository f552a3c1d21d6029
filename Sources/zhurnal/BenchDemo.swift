import Foundation
import ZhurnalCore
import ZhurnalDemo
import ZhurnalStore

/// The demo school a bench measures: a SQLite file in the work folder, created on the first run and reused after.
enum BenchDemo {
    /// The lessons run up to yesterday, so that the last ones are inside the edit window of today.
    static func open(name: String, students: Int, workDir: String) async throws -> Database {
        let path = (workDir as NSString).appendingPathComponent("zhurnal-bench-\(name)-\(students).sqlite")
        let database = try await Database.open(.sqlite(path: path), logger: Logs.logger())
        do {
            try await Migrator(database: database).migrate()
            let yesterday = SchoolCalendar.today(Date()).adding(days: -1)
            if try await database.read({ try await SchoolOverview.schoolCount(in: $0) }) == 0 {
                say("Создаю демо-школу (\(students) учеников, уроки до \(yesterday.iso))…")
                _ = try await DemoSchool.create(
                    in: database,
                    options: DemoOptions(students: students, seed: 1, until: yesterday, hasher: PasswordHasher(cost: 4))
                ) { _ in }
            }
            return database
        } catch {
            await database.close()
            throw error
        }
    }
}
