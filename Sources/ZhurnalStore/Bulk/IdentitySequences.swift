import SQLKit

/// Bulk writers give rows their ids themselves; PostgreSQL's identity sequences then lag behind and must be moved
/// past the largest id, or the next ordinary insert would collide. SQLite's rowid needs nothing.
public enum IdentitySequences {
    /// The tables whose `id` the database assigns.
    public static let tables = [
        "academic_years", "periods", "holidays", "people", "accounts", "classes", "enrolments", "groups", "subjects",
        "work_types", "courses", "timetable_entries", "lessons", "homework", "marks", "term_marks", "history",
    ]

    public static func advance(_ sql: any SQLDatabase, flavor: SQLFlavor) async throws {
        guard flavor == .postgres else { return }
        for table in tables {
            try await sql.raw(
                """
                SELECT setval(pg_get_serial_sequence(\(bind: table), 'id'), COALESCE(MAX(id), 0) + 1, false) \
                FROM \(ident: table)
                """
            ).run()
        }
    }
}

extension IdentitySequences {
    /// `count` fresh ids of `table` for rows that must reference each other before they are written (a pupil and his
    /// guardians). PostgreSQL draws them from the identity sequence, safe beside other writers; SQLite has one writer
    /// at a time, so inside the write transaction the ids after the largest are free.
    public static func reserve(_ count: Int, in table: String, _ sql: any SQLDatabase) async throws -> [Int] {
        guard count > 0 else { return [] }
        if sql.dialect.name == "postgresql" {
            return try await sql.raw(
                "SELECT nextval(pg_get_serial_sequence(\(bind: table), 'id')) AS id FROM generate_series(1, \(bind: count))"
            ).all().map { try $0.decode(column: "id", as: Int.self) }.sorted()
        }
        let largest = try await sql.raw("SELECT COALESCE(MAX(id), 0) AS id FROM \(ident: table)").first()?.decode(column: "id", as: Int.self) ?? 0
        return Array(largest + 1...largest + count)
    }
}
