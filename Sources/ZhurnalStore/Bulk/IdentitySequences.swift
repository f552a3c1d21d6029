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
