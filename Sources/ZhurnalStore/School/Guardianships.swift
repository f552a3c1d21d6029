import SQLKit
import ZhurnalCore

/// A pupil's guardians linked and unlinked by the administrator (issue 6's pupils' movement).
public enum Guardianships {
    public struct Guardian: Sendable, Hashable {
        public let personID: Int
        public let fullName: String
        public let relation: String
    }

    /// One statement.
    public static func of(school: Int, pupil: Int, in sql: any SQLDatabase) async throws -> [Guardian] {
        try await sql.raw(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, g.relation FROM guardianships g
            JOIN people p ON p.school_id = g.school_id AND p.id = g.guardian_id
            WHERE g.school_id = \(bind: school) AND g.student_id = \(bind: pupil)
            ORDER BY p.last_name, p.first_name, p.id
            """
        ).all().map {
            Guardian(
                personID: try $0.decode(column: "id", as: Int.self),
                fullName: try PersonName.full($0),
                relation: try $0.decode(column: "relation", as: String.self)
            )
        }
    }

    /// Links the guardian named, finding him as an import would — the same full name beside a child of the same family
    /// name is the same person — or adding him. Returns his id.
    public static func link(
        school: Int,
        pupil: Int,
        pupilLastName: String,
        name: PersonalName,
        relation: String,
        now: String,
        in sql: any SQLDatabase
    ) async throws -> Int {
        let existing = try await PupilRoll.knownGuardians(school: school, in: sql).guardians[
            PupilRollState.guardianKey(name, childLastName: pupilLastName)
        ]
        let guardian: Int
        if let existing {
            guardian = existing
        } else {
            guardian = try await sql.raw(
                """
                INSERT INTO people (school_id, last_name, first_name, patronymic, created_at)
                VALUES (\(bind: school), \(bind: name.lastName), \(bind: name.firstName), \(bind: name.patronymic), \(bind: now))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int.self)
        }
        try await sql.raw(
            """
            INSERT INTO guardianships (school_id, guardian_id, student_id, relation)
            VALUES (\(bind: school), \(bind: guardian), \(bind: pupil), \(bind: relation))
            ON CONFLICT (school_id, guardian_id, student_id) DO UPDATE SET relation = excluded.relation
            """
        ).run()
        return guardian
    }

    /// False when the person was not the pupil's guardian.
    public static func unlink(school: Int, pupil: Int, guardian: Int, in sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw(
            """
            DELETE FROM guardianships WHERE school_id = \(bind: school) AND student_id = \(bind: pupil) AND guardian_id = \(bind: guardian)
            RETURNING guardian_id
            """
        ).first() != nil
    }
}
