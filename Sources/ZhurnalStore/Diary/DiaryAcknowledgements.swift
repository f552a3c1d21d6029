import SQLKit
import ZhurnalCore

/// A parent's «Ознакомлен» of his child's week: who, and when he first confirmed it.
public struct DiaryAcknowledgement: Sendable, Hashable {
    public let guardianID: Int
    public let guardianName: String
    /// UTC ISO-8601, as stored.
    public let at: String
}

/// The class's week as its homeroom teacher checks it: each pupil on the roll that week, his parents, and who of them
/// acknowledged it when.
public struct ClassAcknowledgements: Sendable, Hashable {
    public let className: String
    public let pupils: [Pupil]

    public struct Pupil: Sendable, Hashable {
        public let id: Int
        public let fullName: String
        public let guardians: [Guardian]
        /// The consent of his legal representative is on record: his diary may go to his family, on paper too.
        public let familyConsent: Bool
    }

    public struct Guardian: Sendable, Hashable {
        public let id: Int
        public let fullName: String
        /// When he acknowledged the week; nil: not yet.
        public let acknowledgedAt: String?
    }
}

public enum DiaryAcknowledgements {
    /// Records that `guardian` has seen `student`'s `week`; a second confirmation keeps the first time. Returns the
    /// time kept. Two statements in the caller's transaction.
    public static func record(
        school: Int,
        student: Int,
        guardian: Int,
        week: SchoolWeek,
        at now: String,
        in sql: any SQLDatabase
    ) async throws
        -> String
    {
        try await sql.raw(
            """
            INSERT INTO diary_acknowledgements (school_id, student_id, week_start, guardian_id, acknowledged_at)
            VALUES (\(bind: school), \(bind: student), \(bind: week.monday.iso), \(bind: guardian), \(bind: now))
            ON CONFLICT (school_id, student_id, week_start, guardian_id) DO NOTHING
            """
        ).run()
        return try await sql.raw(
            """
            SELECT acknowledged_at FROM diary_acknowledgements
            WHERE school_id = \(bind: school) AND student_id = \(bind: student) AND week_start = \(bind: week.monday.iso)
              AND guardian_id = \(bind: guardian)
            """
        ).first()?.decode(column: "acknowledged_at", as: String.self) ?? now
    }

    /// The class's pupils enrolled at some day of `week`, their guardians and acknowledgements. One statement; nil when
    /// the school has no such class.
    public static func ofClass(school: Int, classID: Int, week: SchoolWeek, in sql: any SQLDatabase) async throws -> ClassAcknowledgements? {
        let (from, to) = (week.span.start.iso, week.span.end.iso)
        var select = MixedSelect([
            "id": .integer, "student_id": .integer, "number": .integer, "value": .text, "last_name": .text,
            "first_name": .text, "patronymic": .text,
        ])
        select.add(
            "class",
            ["id": "k.id", "number": "k.parallel", "value": "k.letter"],
            "FROM classes k WHERE k.school_id = \(bind: school) AND k.id = \(bind: classID)"
        )
        let roll: SQLQueryString = """
            (SELECT e.student_id FROM enrolments e
             WHERE e.school_id = \(bind: school) AND e.class_id = \(bind: classID)
               AND e.starts_on <= \(bind: to) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: from)))
            """
        select.add(
            "pupil",
            ["id": "p.id", "last_name": "p.last_name", "first_name": "p.first_name", "patronymic": "p.patronymic", "value": "p.family_consent_on"],
            "FROM people p WHERE p.school_id = \(bind: school) AND p.id IN " + roll
        )
        select.add(
            "guardian",
            [
                "id": "p.id", "student_id": "g.student_id", "last_name": "p.last_name", "first_name": "p.first_name",
                "patronymic": "p.patronymic", "value": "a.acknowledged_at",
            ],
            """
            FROM guardianships g
            JOIN people p ON p.school_id = g.school_id AND p.id = g.guardian_id
            LEFT JOIN diary_acknowledgements a ON a.school_id = g.school_id AND a.student_id = g.student_id
              AND a.guardian_id = g.guardian_id AND a.week_start = \(bind: week.monday.iso)
            WHERE g.school_id = \(bind: school) AND g.student_id IN
            """ + roll
        )
        let rows = try await select.rows(in: sql)
        guard let row = rows["class"]?.first else { return nil }
        var guardians: [Int: [ClassAcknowledgements.Guardian]] = [:]
        for row in rows["guardian"] ?? [] {
            guardians[try row.decode(column: "student_id", as: Int.self), default: []].append(
                ClassAcknowledgements.Guardian(
                    id: try row.decode(column: "id", as: Int.self),
                    fullName: try PersonName.full(row),
                    acknowledgedAt: try row.decode(column: "value", as: String?.self)
                )
            )
        }
        let pupils = try (rows["pupil"] ?? []).map { row in
            let id = try row.decode(column: "id", as: Int.self)
            return ClassAcknowledgements.Pupil(
                id: id,
                fullName: try PersonName.full(row),
                guardians: (guardians[id] ?? []).sorted { ($0.fullName, $0.id) < ($1.fullName, $1.id) },
                familyConsent: try row.decode(column: "value", as: String?.self) != nil
            )
        }
        return ClassAcknowledgements(
            className: "\(try row.decode(column: "number", as: Int.self))\(try row.decode(column: "value", as: String.self))",
            pupils: pupils.sorted { ($0.fullName, $0.id) < ($1.fullName, $1.id) }
        )
    }

}

extension DiaryAcknowledgements {
    /// The classes of this year that `teacher` leads as «5А», by id. One statement.
    public static func homeroomClasses(
        school: Int,
        teacher: Int,
        today: LocalDate,
        in sql: any SQLDatabase
    ) async throws -> [(id: Int, name: String)] {
        try await sql.raw(
            """
            SELECT k.id, k.parallel, k.letter FROM classes k
            JOIN academic_years y ON y.school_id = k.school_id AND y.id = k.year_id
            WHERE k.school_id = \(bind: school) AND k.homeroom_teacher_id = \(bind: teacher)
              AND y.starts_on <= \(bind: today.iso) AND y.ends_on >= \(bind: today.iso)
            ORDER BY k.parallel, k.letter, k.id
            """
        ).all().map { row in
            (
                try row.decode(column: "id", as: Int.self),
                "\(try row.decode(column: "parallel", as: Int.self))\(try row.decode(column: "letter", as: String.self))"
            )
        }
    }
}
