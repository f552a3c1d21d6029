import SQLKit

/// Set-up writes of one school, one at a time. A set-up write reads the school as it stands and writes what its
/// rules allowed; SQLite's single writer already serialises that, but PostgreSQL's READ COMMITTED lets two such
/// transactions read the same state — two imports would both add the same pupils, two transfers both open an
/// enrolment. Locking the school's row first makes the second wait for the first.
public enum SetUpLock {
    public static func hold(school: Int, in sql: any SQLDatabase) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM schools WHERE id = \(bind: school) FOR UPDATE").run()
    }
}
