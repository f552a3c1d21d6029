import Foundation
import SQLKit

/// Previewed files waiting for their confirmation, each the administrator's own and good for an hour.
public enum ImportDrafts {
    public static let lifetime: TimeInterval = 3600

    /// Keeps the file and forgets the school's drafts older than their lifetime. Two statements.
    public static func keep(school: Int, account: Int, kind: String, content: Data, now: Date, in sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            "DELETE FROM import_drafts WHERE school_id = \(bind: school) AND created_at < \(bind: Timestamp.string(now - lifetime))"
        ).run()
        return try await sql.raw(
            """
            INSERT INTO import_drafts (school_id, account_id, kind, content, created_at)
            VALUES (\(bind: school), \(bind: account), \(bind: kind), \(bind: content), \(bind: Timestamp.string(now)))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }

    /// Claims the file — it is gone afterwards, so a second click on the confirmation finds nothing — if this
    /// account kept it for this kind of list within the last hour.
    public static func take(id: Int, school: Int, account: Int, kind: String, now: Date, in sql: any SQLDatabase) async throws -> Data? {
        try await sql.raw(
            """
            DELETE FROM import_drafts
            WHERE school_id = \(bind: school) AND id = \(bind: id) AND account_id = \(bind: account) AND kind = \(bind: kind)
              AND created_at >= \(bind: Timestamp.string(now - lifetime))
            RETURNING content
            """
        ).first()?.decode(column: "content", as: Data.self)
    }
}
