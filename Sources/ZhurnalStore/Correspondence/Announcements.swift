import SQLKit
import ZhurnalCore

/// An announcement as its readers see it.
public struct Announcement: Sendable, Hashable {
    public let id: Int
    public let audience: AnnouncementAudience
    /// «5А» for a class's announcement.
    public let className: String?
    public let classID: Int?
    public let title: String
    public let body: String
    public let authorID: Int
    public let authorName: String
    /// UTC ISO-8601.
    public let publishedAt: String
    /// The last day it is shown.
    public let expiresOn: LocalDate
}

public enum Announcements {
    /// Stores a checked announcement; returns its id. One statement in the caller's transaction.
    public static func publish(
        school: Int,
        author: Int,
        audience: AnnouncementAudience,
        classID: Int?,
        title: String,
        body: String,
        expiresOn: LocalDate,
        at now: String,
        in sql: any SQLDatabase
    ) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO announcements (school_id, author_id, audience, class_id, title, body, published_at, expires_on)
            VALUES (\(bind: school), \(bind: author), \(bind: audience.rawValue), \(bind: audience == .school ? nil : classID),
                    \(bind: title), \(bind: body), \(bind: now), \(bind: expiresOn.iso))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }

    /// Who reads an announcement: everyone for the school's; for a class's, its pupils enrolled today and their
    /// parents (the parents only for `class_parents`), its homeroom teacher and its teachers; the administration and
    /// the author read all. `SELECT … FROM announcements n` is filtered by this.
    static func readable(school: Int, person: Int, administration: Bool, today: LocalDate) -> SQLQueryString {
        if administration { return "(1 = 1)" }
        let day = today.iso
        let pupils: SQLQueryString = """
            SELECT e.student_id FROM enrolments e WHERE e.school_id = \(bind: school) AND e.class_id = n.class_id
            AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            """
        var condition: SQLQueryString = "(n.audience = 'school' OR n.author_id = \(bind: person)"
        condition += " OR (n.audience = 'class' AND \(bind: person) IN (" + pupils + "))"
        condition += " OR \(bind: person) IN (SELECT g.guardian_id FROM guardianships g WHERE g.school_id = \(bind: school) AND g.student_id IN ("
        condition += pupils + "))"
        condition += " OR \(bind: person) IN (SELECT k.homeroom_teacher_id FROM classes k WHERE k.school_id = \(bind: school) AND k.id = n.class_id)"
        condition += " OR \(bind: person) IN (SELECT t.teacher_id FROM courses c"
        condition += " JOIN course_teachers t ON t.school_id = c.school_id AND t.course_id = c.id"
        condition += " WHERE c.school_id = \(bind: school) AND c.class_id = n.class_id))"
        return condition
    }

    /// The announcements `person` reads that are still shown on `today`, newest first. One statement.
    public static func current(
        school: Int,
        person: Int,
        administration: Bool,
        today: LocalDate,
        since: String? = nil,
        in sql: any SQLDatabase
    ) async throws -> [Announcement] {
        try await sql.raw(
            select + """
                WHERE n.school_id = \(bind: school) AND n.expires_on >= \(bind: today.iso)
                  AND n.published_at > \(bind: since ?? "")
                  AND
                """ + readable(school: school, person: person, administration: administration, today: today) + """
                    ORDER BY n.published_at DESC, n.id DESC
                    """
        ).all().map(decode)
    }

    /// One announcement `person` reads, expired or not (the caller tells an expired one apart); nil when there is none
    /// he may read. One statement.
    public static func one(
        school: Int,
        id: Int,
        person: Int,
        administration: Bool,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws
        -> Announcement?
    {
        try await sql.raw(
            select + """
                WHERE n.school_id = \(bind: school) AND n.id = \(bind: id) AND
                """ + readable(school: school, person: person, administration: administration, today: today)
        ).first().map(decode)
    }

    private static let select: SQLQueryString = """
        SELECT n.id, n.audience, n.class_id, n.title, n.body, n.author_id, n.published_at, n.expires_on,
               p.last_name, p.first_name, p.patronymic, k.parallel, k.letter
        FROM announcements n
        JOIN people p ON p.school_id = n.school_id AND p.id = n.author_id
        LEFT JOIN classes k ON k.school_id = n.school_id AND k.id = n.class_id

        """

    private static func decode(_ row: any SQLRow) throws -> Announcement {
        Announcement(
            id: try row.decode(column: "id", as: Int.self),
            audience: AnnouncementAudience(rawValue: try row.decode(column: "audience", as: String.self)) ?? .school,
            className: try row.decode(column: "parallel", as: Int?.self).map { "\($0)\(try row.decode(column: "letter", as: String?.self) ?? "")" },
            classID: try row.decode(column: "class_id", as: Int?.self),
            title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            authorID: try row.decode(column: "author_id", as: Int.self),
            authorName: try PersonName.full(row),
            publishedAt: try row.decode(column: "published_at", as: String.self),
            expiresOn: LocalDate(iso: try row.decode(column: "expires_on", as: String.self)) ?? LocalDate(year: 1970, month: 1, day: 1)!
        )
    }
}
