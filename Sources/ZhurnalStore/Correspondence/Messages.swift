import SQLKit
import ZhurnalCore

/// A message as one of its recipients or its sender sees it.
public struct Message: Sendable, Hashable {
    public let id: Int
    public let audience: MessageAudience
    public let senderID: Int
    public let senderName: String
    /// For a message to a class: «5А».
    public let className: String?
    public let subject: String
    public let body: String
    /// UTC ISO-8601.
    public let sentAt: String
    /// For a recipient: when he opened it (nil: unread). For the sender: nil.
    public let readAt: String?
    /// How many it went to and how many of them have read it.
    public let recipients: Int
    public let readers: Int
}

/// One recipient of a sent message and when he read it.
public struct MessageRecipient: Sendable, Hashable {
    public let id: Int
    public let fullName: String
    public let readAt: String?
}

public enum Messages {
    /// Sends to one person. Two statements in the caller's transaction; returns the message's id.
    public static func send(
        school: Int,
        sender: Int,
        to recipient: Int,
        subject: String,
        body: String,
        at now: String,
        in sql: any SQLDatabase
    ) async throws -> Int {
        let id = try await insert(school: school, sender: sender, audience: .person, classID: nil, subject: subject, body: body, at: now, in: sql)
        try await sql.raw(
            "INSERT INTO message_recipients (school_id, message_id, recipient_id) VALUES (\(bind: school), \(bind: id), \(bind: recipient))"
        ).run()
        return id
    }

    /// Sends to the pupils of a class enrolled on `today`, or to their parents, spread to each in one statement.
    /// Returns the message's id and how many it reached; a class with nobody to reach stores nothing (the caller's
    /// transaction is rolled back on the error it throws).
    public static func sendToClass(
        school: Int,
        sender: Int,
        classID: Int,
        audience: MessageAudience,
        subject: String,
        body: String,
        today: LocalDate,
        at now: String,
        in sql: any SQLDatabase
    ) async throws -> (id: Int, recipients: Int) {
        let id = try await insert(
            school: school,
            sender: sender,
            audience: audience,
            classID: classID,
            subject: subject,
            body: body,
            at: now,
            in: sql
        )
        let day = today.iso
        let pupils: SQLQueryString = """
            SELECT e.student_id FROM enrolments e WHERE e.school_id = \(bind: school) AND e.class_id = \(bind: classID)
            AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            """
        let people: SQLQueryString =
            audience == .classParents
            ? "SELECT DISTINCT g.guardian_id AS person FROM guardianships g WHERE g.school_id = \(bind: school) AND g.student_id IN (" + pupils + ")"
            : "SELECT DISTINCT x.student_id AS person FROM (" + pupils + ") x"
        let inserted = try await sql.raw(
            """
            INSERT INTO message_recipients (school_id, message_id, recipient_id)
            SELECT \(bind: school), \(bind: id), r.person FROM (
            """ + people + """
                ) r WHERE r.person <> \(bind: sender)
                RETURNING recipient_id
                """
        ).all().count
        return (id, inserted)
    }

    private static func insert(
        school: Int,
        sender: Int,
        audience: MessageAudience,
        classID: Int?,
        subject: String,
        body: String,
        at now: String,
        in sql: any SQLDatabase
    ) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO messages (school_id, sender_id, audience, class_id, subject, body, sent_at)
            VALUES (\(bind: school), \(bind: sender), \(bind: audience.rawValue), \(bind: classID), \(bind: subject), \(bind: body), \(bind: now))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }

    /// What `person` received, newest first (at most `limit`). One statement.
    public static func inbox(school: Int, person: Int, since: String? = nil, limit: Int = 100, in sql: any SQLDatabase) async throws -> [Message] {
        try await sql.raw(
            select(readAt: "r.read_at")
                + """
                JOIN message_recipients r ON r.school_id = m.school_id AND r.message_id = m.id AND r.recipient_id = \(bind: person)
                WHERE m.school_id = \(bind: school) AND m.sent_at > \(bind: since ?? "")
                ORDER BY m.sent_at DESC, m.id DESC LIMIT \(bind: limit)
                """
        ).all().map(decode)
    }

    /// What `person` sent, newest first, with how many read each. One statement.
    public static func sent(school: Int, person: Int, limit: Int = 100, in sql: any SQLDatabase) async throws -> [Message] {
        try await sql.raw(
            select(readAt: "NULL")
                + """
                WHERE m.school_id = \(bind: school) AND m.sender_id = \(bind: person)
                ORDER BY m.sent_at DESC, m.id DESC LIMIT \(bind: limit)
                """
        ).all().map(decode)
    }

    /// How many unread messages `person` has. One statement.
    public static func unreadCount(school: Int, person: Int, in sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM message_recipients
            WHERE school_id = \(bind: school) AND recipient_id = \(bind: person) AND read_at IS NULL
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// A message `person` sent or received; reading it as a recipient marks it read (the first time is kept). Nil when
    /// he has no such message. Two statements in the caller's transaction.
    public static func open(school: Int, id: Int, person: Int, at now: String, in sql: any SQLDatabase) async throws -> Message? {
        try await sql.raw(
            """
            UPDATE message_recipients SET read_at = \(bind: now)
            WHERE school_id = \(bind: school) AND message_id = \(bind: id) AND recipient_id = \(bind: person) AND read_at IS NULL
            """
        ).run()
        return try await sql.raw(
            select(readAt: "r.read_at")
                + """
                LEFT JOIN message_recipients r ON r.school_id = m.school_id AND r.message_id = m.id AND r.recipient_id = \(bind: person)
                WHERE m.school_id = \(bind: school) AND m.id = \(bind: id) AND (m.sender_id = \(bind: person) OR r.recipient_id IS NOT NULL)
                """
        ).first().map(decode)
    }

    /// Each recipient of a message and when he read it, by name: the sender's view. One statement.
    public static func recipients(school: Int, message: Int, in sql: any SQLDatabase) async throws -> [MessageRecipient] {
        try await sql.raw(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, r.read_at
            FROM message_recipients r JOIN people p ON p.school_id = r.school_id AND p.id = r.recipient_id
            WHERE r.school_id = \(bind: school) AND r.message_id = \(bind: message)
            """
        ).all().map { row in
            MessageRecipient(
                id: try row.decode(column: "id", as: Int.self),
                fullName: try PersonName.full(row),
                readAt: try row.decode(column: "read_at", as: String?.self)
            )
        }
        .sorted { ($0.fullName, $0.id) < ($1.fullName, $1.id) }
    }

    private static func select(readAt: String) -> SQLQueryString {
        """
        SELECT m.id, m.audience, m.sender_id, m.subject, m.body, m.sent_at, \(unsafeRaw: readAt) AS read_at,
               p.last_name, p.first_name, p.patronymic, k.parallel, k.letter,
               (SELECT COUNT(*) FROM message_recipients x WHERE x.school_id = m.school_id AND x.message_id = m.id) AS recipients,
               (SELECT COUNT(*) FROM message_recipients x WHERE x.school_id = m.school_id AND x.message_id = m.id AND x.read_at IS NOT NULL) AS readers
        FROM messages m
        JOIN people p ON p.school_id = m.school_id AND p.id = m.sender_id
        LEFT JOIN classes k ON k.school_id = m.school_id AND k.id = m.class_id

        """
    }

    private static func decode(_ row: any SQLRow) throws -> Message {
        Message(
            id: try row.decode(column: "id", as: Int.self),
            audience: MessageAudience(rawValue: try row.decode(column: "audience", as: String.self)) ?? .person,
            senderID: try row.decode(column: "sender_id", as: Int.self),
            senderName: try PersonName.full(row),
            className: try row.decode(column: "parallel", as: Int?.self).map { "\($0)\(try row.decode(column: "letter", as: String?.self) ?? "")" },
            subject: try row.decode(column: "subject", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            sentAt: try row.decode(column: "sent_at", as: String.self),
            readAt: try row.decode(column: "read_at", as: String?.self),
            recipients: try row.decode(column: "recipients", as: Int.self),
            readers: try row.decode(column: "readers", as: Int.self)
        )
    }
}
