import SQLKit
import ZhurnalCore

/// A person's choices about his notifications, and the moments that split new from seen.
public struct NotificationSettings: Sendable, Hashable {
    /// Kinds he does not want, in the feed or the digest.
    public var muted: Set<NotificationKind>
    /// Where the daily digest goes; nil: no digest.
    public var digestEmail: String?
    /// UTC ISO-8601: the digest has told him of everything written before this.
    public var digestSentUntil: String?
    /// UTC ISO-8601: his previous visit of his start page or feed.
    public var seenUntil: String?

    public static let none = NotificationSettings(muted: [], digestEmail: nil, digestSentUntil: nil, seenUntil: nil)

    public init(muted: Set<NotificationKind>, digestEmail: String?, digestSentUntil: String?, seenUntil: String?) {
        self.muted = muted
        self.digestEmail = digestEmail
        self.digestSentUntil = digestSentUntil
        self.seenUntil = seenUntil
    }
}

public enum NotificationPreferences {
    public static func of(school: Int, person: Int, in sql: any SQLDatabase) async throws -> NotificationSettings {
        guard
            let row = try await sql.raw(
                """
                SELECT muted_kinds, digest_email, digest_sent_until, seen_until FROM notification_settings
                WHERE school_id = \(bind: school) AND person_id = \(bind: person)
                """
            ).first()
        else { return .none }
        return try decode(row)
    }

    /// Stores what a person chose. One statement in the caller's transaction.
    public static func save(school: Int, person: Int, muted: Set<NotificationKind>, digestEmail: String?, in sql: any SQLDatabase) async throws {
        let kinds = muted.map(\.rawValue).sorted().joined(separator: ",")
        try await sql.raw(
            """
            INSERT INTO notification_settings (school_id, person_id, muted_kinds, digest_email)
            VALUES (\(bind: school), \(bind: person), \(bind: kinds), \(bind: digestEmail))
            ON CONFLICT (school_id, person_id) DO UPDATE SET muted_kinds = excluded.muted_kinds, digest_email = excluded.digest_email
            """
        ).run()
    }

    /// Records a visit at `now` and returns the previous one (nil: the first). Two statements in the caller's transaction.
    public static func visit(school: Int, person: Int, at now: String, in sql: any SQLDatabase) async throws -> String? {
        let previous = try await of(school: school, person: person, in: sql).seenUntil
        try await sql.raw(
            """
            INSERT INTO notification_settings (school_id, person_id, seen_until) VALUES (\(bind: school), \(bind: person), \(bind: now))
            ON CONFLICT (school_id, person_id) DO UPDATE SET seen_until = excluded.seen_until
            """
        ).run()
        return previous
    }

    /// The people with a digest address, with their settings. One statement.
    public static func digestReaders(school: Int, in sql: any SQLDatabase) async throws -> [(person: Int, settings: NotificationSettings)] {
        try await sql.raw(
            """
            SELECT person_id, muted_kinds, digest_email, digest_sent_until, seen_until FROM notification_settings
            WHERE school_id = \(bind: school) AND digest_email IS NOT NULL ORDER BY person_id
            """
        ).all().map { (try $0.decode(column: "person_id", as: Int.self), try decode($0)) }
    }

    /// The installation's schools by id, with their names: the digest goes out school by school. One statement.
    public static func schools(in sql: any SQLDatabase) async throws -> [(id: Int, name: String)] {
        try await sql.raw("SELECT id, COALESCE(short_name, name) AS name FROM schools ORDER BY id").all().map {
            (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "name", as: String.self))
        }
    }

    /// The digest has told `person` of everything written before `until`. One statement.
    public static func digestSent(school: Int, person: Int, until: String, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE notification_settings SET digest_sent_until = \(bind: until)
            WHERE school_id = \(bind: school) AND person_id = \(bind: person)
            """
        ).run()
    }

    private static func decode(_ row: any SQLRow) throws -> NotificationSettings {
        NotificationSettings(
            muted: Set(
                try row.decode(column: "muted_kinds", as: String.self).split(separator: ",").compactMap { NotificationKind(rawValue: String($0)) }
            ),
            digestEmail: try row.decode(column: "digest_email", as: String?.self),
            digestSentUntil: try row.decode(column: "digest_sent_until", as: String?.self),
            seenUntil: try row.decode(column: "seen_until", as: String?.self)
        )
    }
}
