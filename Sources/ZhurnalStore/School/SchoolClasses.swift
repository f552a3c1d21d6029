import SQLKit
import ZhurnalCore

/// A class of the year as its administrator lists it.
public struct SchoolClass: Sendable, Hashable {
    public let id: Int
    public let parallel: Int
    public let letter: String
    public let periodKind: PeriodKind
    public let homeroomID: Int?
    public let homeroomName: String?
    /// Enrolled on the day asked for.
    public let pupils: Int

    public var name: String { "\(parallel)\(letter)" }
}

public enum SchoolClasses {
    /// The classes of a year, by parallel and letter, with their homeroom teachers and pupils on `today`. One statement.
    public static func of(school: Int, year: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> [SchoolClass] {
        try await sql.raw(
            """
            SELECT k.id, k.parallel, k.letter, k.period_kind, k.homeroom_teacher_id, p.last_name, p.first_name, p.patronymic,
                   (SELECT COUNT(*) FROM enrolments e WHERE e.school_id = k.school_id AND e.class_id = k.id
                      AND e.starts_on <= \(bind: today.iso) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: today.iso))) AS pupils
            FROM classes k
            LEFT JOIN people p ON p.school_id = k.school_id AND p.id = k.homeroom_teacher_id
            WHERE k.school_id = \(bind: school) AND k.year_id = \(bind: year)
            ORDER BY k.parallel, k.letter
            """
        ).all().map { row in
            let homeroom = try row.decode(column: "homeroom_teacher_id", as: Int?.self)
            return SchoolClass(
                id: try row.decode(column: "id", as: Int.self),
                parallel: try row.decode(column: "parallel", as: Int.self),
                letter: try row.decode(column: "letter", as: String.self),
                periodKind: PeriodKind(rawValue: try row.decode(column: "period_kind", as: String.self)) ?? .custom,
                homeroomID: homeroom,
                homeroomName: homeroom == nil ? nil : try PersonName.full(row),
                pupils: try row.decode(column: "pupils", as: Int.self)
            )
        }
    }

    /// The school's teachers (an active account with the teacher's role), by name, for choosing a homeroom teacher.
    public static func teachers(school: Int, in sql: any SQLDatabase) async throws -> [(id: Int, name: String)] {
        try await sql.raw(
            """
            SELECT DISTINCT p.id, p.last_name, p.first_name, p.patronymic FROM people p
            JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id AND a.deactivated_at IS NULL
            JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id AND r.role = 'teacher'
            WHERE p.school_id = \(bind: school)
            """
        ).all().map { (try $0.decode(column: "id", as: Int.self), try PersonName.full($0)) }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// Adds the class; its homeroom teacher, if any, gets the homeroom teacher's role on his account in the same
    /// transaction, so that he reads the class from his next request.
    public static func add(
        school: Int,
        year: Int,
        parallel: Int,
        letter: String,
        periodKind: PeriodKind,
        homeroom: Int?,
        in sql: any SQLDatabase
    ) async throws -> Int {
        let id = try await sql.raw(
            """
            INSERT INTO classes (school_id, year_id, parallel, letter, period_kind, homeroom_teacher_id)
            VALUES (\(bind: school), \(bind: year), \(bind: parallel), \(bind: letter), \(bind: periodKind.rawValue), \(bind: homeroom))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
        if let homeroom {
            try await sql.raw(
                """
                INSERT INTO account_roles (school_id, account_id, role)
                SELECT a.school_id, a.id, 'homeroom' FROM accounts a
                WHERE a.school_id = \(bind: school) AND a.person_id = \(bind: homeroom) AND a.deactivated_at IS NULL
                ON CONFLICT (school_id, account_id, role) DO NOTHING
                """
            ).run()
        }
        return id
    }
}

extension SchoolClasses {
    /// Gives the class another homeroom teacher, or none. The new one gets the role; the one before loses it when he
    /// leads no other class of a year still open. Three statements.
    public static func setHomeroom(school: Int, classID: Int, previous: Int?, teacher: Int?, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            "UPDATE classes SET homeroom_teacher_id = \(bind: teacher) WHERE school_id = \(bind: school) AND id = \(bind: classID)"
        ).run()
        if let teacher {
            try await sql.raw(
                """
                INSERT INTO account_roles (school_id, account_id, role)
                SELECT a.school_id, a.id, 'homeroom' FROM accounts a
                WHERE a.school_id = \(bind: school) AND a.person_id = \(bind: teacher) AND a.deactivated_at IS NULL
                ON CONFLICT (school_id, account_id, role) DO NOTHING
                """
            ).run()
        }
        if let previous, previous != teacher {
            try await sql.raw(
                """
                DELETE FROM account_roles
                WHERE school_id = \(bind: school) AND role = 'homeroom'
                  AND account_id IN (SELECT id FROM accounts WHERE school_id = \(bind: school) AND person_id = \(bind: previous))
                  AND NOT EXISTS (
                    SELECT 1 FROM classes k JOIN academic_years y ON y.school_id = k.school_id AND y.id = k.year_id
                    WHERE k.school_id = \(bind: school) AND k.homeroom_teacher_id = \(bind: previous) AND y.archived_at IS NULL)
                """
            ).run()
        }
    }
}
