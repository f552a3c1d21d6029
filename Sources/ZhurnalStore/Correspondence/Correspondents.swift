import SQLKit
import ZhurnalCore

/// A person one may pick as a message's recipient, with what the policy needs to decide.
public struct AddressBookEntry: Sendable, Hashable {
    public let correspondent: Correspondent
    public let fullName: String
}

/// The facts of message recipients: their roles and the teaching ties between a sender and them (DOMAIN.md §5).
public enum Correspondents {
    /// `recipient` as seen by `sender`; nil when the school has no such person. A few statements: the send path, not a
    /// hot page.
    public static func facts(school: Int, sender: Int, recipient: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> Correspondent? {
        guard let roles = try await roles(school: school, people: [recipient], in: sql)[recipient] else { return nil }
        let tie = try await teachingTie(school: school, between: sender, and: recipient, today: today, in: sql)
        return Correspondent(schoolID: school, personID: recipient, roles: roles, teachingTie: tie)
    }

    /// Whom `actor` might write to as a person: the school's staff, with a teaching tie marked where one joins them
    /// to the actor's own family. Families of pupils are reached through a class's page or a reply; the caller still
    /// asks the policy of each entry.
    public static func addressBook(school: Int, actor: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> [AddressBookEntry] {
        let rows = try await sql.raw(
            """
            SELECT p.id, p.last_name, p.first_name, p.patronymic, r.role
            FROM people p
            JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id AND a.deactivated_at IS NULL
            JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id
            WHERE p.school_id = \(bind: school)
              AND p.id IN (SELECT a2.person_id FROM accounts a2 JOIN account_roles r2 ON r2.school_id = a2.school_id AND r2.account_id = a2.id
                           WHERE a2.school_id = \(bind: school) AND a2.deactivated_at IS NULL
                             AND r2.role IN ('admin', 'director', 'deputy', 'teacher', 'homeroom'))
            """
        ).all()
        var names: [Int: String] = [:]
        var roles: [Int: Set<Role>] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            names[id] = try PersonName.full(row)
            if let role = Role(rawValue: try row.decode(column: "role", as: String.self)) { roles[id, default: []].insert(role) }
        }
        let tied = try await teachersOfFamily(school: school, person: actor, today: today, in: sql)
        return names.map { id, name in
            AddressBookEntry(
                correspondent: Correspondent(schoolID: school, personID: id, roles: roles[id] ?? [], teachingTie: tied.contains(id)),
                fullName: name
            )
        }
        .sorted { ($0.fullName, $0.correspondent.personID) < ($1.fullName, $1.correspondent.personID) }
    }

    /// A person's full name; nil when the school has no such person.
    public static func name(school: Int, person: Int, in sql: any SQLDatabase) async throws -> String? {
        try await sql.raw(
            "SELECT last_name, first_name, patronymic FROM people WHERE school_id = \(bind: school) AND id = \(bind: person)"
        ).first().map(PersonName.full)
    }

    /// A class's name, «5А»; nil when the school has no such class.
    public static func className(school: Int, classID: Int, in sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT parallel, letter FROM classes WHERE school_id = \(bind: school) AND id = \(bind: classID)").first().map {
            "\(try $0.decode(column: "parallel", as: Int.self))\(try $0.decode(column: "letter", as: String.self))"
        }
    }

    /// Each person's roles through his active accounts; a person of the school without any is present with none.
    public static func roles(school: Int, people: [Int], in sql: any SQLDatabase) async throws -> [Int: Set<Role>] {
        guard !people.isEmpty else { return [:] }
        let rows = try await sql.raw(
            """
            SELECT p.id, r.role FROM people p
            LEFT JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id AND a.deactivated_at IS NULL
            LEFT JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id
            WHERE p.school_id = \(bind: school) AND p.id IN (\(binds: people))
            """
        ).all()
        var roles: [Int: Set<Role>] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            roles[id, default: []].formUnion(try row.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)).map { [$0] } ?? [])
        }
        return roles
    }

    /// The pupils a person is family of: his children, and himself when he is a pupil.
    static func familyPupils(school: Int, person: Int, in sql: any SQLDatabase) async throws -> [Int] {
        try await sql.raw(
            """
            SELECT g.student_id AS id FROM guardianships g WHERE g.school_id = \(bind: school) AND g.guardian_id = \(bind: person)
            UNION
            SELECT e.student_id FROM enrolments e WHERE e.school_id = \(bind: school) AND e.student_id = \(bind: person)
            """
        ).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    /// The teachers and homeroom teachers of a person's family pupils.
    static func teachersOfFamily(school: Int, person: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> Set<Int> {
        var teachers = Set<Int>()
        for pupil in try await familyPupils(school: school, person: person, in: sql) {
            guard let facts = try await AccessFacts.student(school: school, student: pupil, today: today, in: sql) else { continue }
            teachers.formUnion(facts.teacherIDs.union(facts.homeroomTeacherIDs))
        }
        return teachers
    }

    /// Whether one of the two teaches or leads the other's family pupil.
    static func teachingTie(school: Int, between one: Int, and other: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> Bool {
        if try await teachersOfFamily(school: school, person: one, today: today, in: sql).contains(other) { return true }
        return try await teachersOfFamily(school: school, person: other, today: today, in: sql).contains(one)
    }
}
