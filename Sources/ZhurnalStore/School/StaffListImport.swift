import Foundation
import SQLKit
import ZhurnalCore

/// The staff list imported and exported, the same for the page, the API and the command line: read against the
/// school's staff accounts and, when asked and nothing is refused, written in one transaction — a person and an account
/// with its roles for each newcomer (their slips come back, the only place the passwords appear), the missing roles
/// for the others, each in the security log. A member of staff's account is made by the import, since his roles live
/// on it; his password is printed once on the slip like any other issued one.
public enum StaffListImport {
    public struct Outcome: Sendable {
        public let reading: StaffList.Reading
        public let slips: [CredentialIssue.Slip]
        public let written: Bool

        public init(reading: StaffList.Reading, slips: [CredentialIssue.Slip], written: Bool) {
            self.reading = reading
            self.slips = slips
            self.written = written
        }
    }

    /// The list read against the school as it stands, nothing written: what an import would do, and how many
    /// passwords it needs.
    public static func plan(header: [String], rows: [ImportRow], school: Int, in database: Database) async throws -> StaffList.Reading {
        try await database.read { sql in
            try StaffList.read(
                header: header,
                rows: rows,
                known: try await known(school: school, in: sql),
                taken: try await taken(school: school, in: sql)
            )
        }
    }

    /// Writes the list when nothing is refused. `passwords` and `hashes` are parallel, one pair for each newcomer as
    /// ``plan`` counted them; should the school have changed meanwhile so that more are needed, nothing is written.
    public static func run(
        header: [String],
        rows: [ImportRow],
        school: Int,
        passwords: [String],
        hashes: [String],
        by login: String?,
        now: Date,
        in database: Database
    ) async throws -> Outcome {
        try await database.write { sql in
            try await SetUpLock.hold(school: school, in: sql)
            let reading = try StaffList.read(
                header: header,
                rows: rows,
                known: try await known(school: school, in: sql),
                taken: try await taken(school: school, in: sql)
            )
            guard reading.refusals.isEmpty, !(reading.new.isEmpty && reading.promotions.isEmpty) else {
                return Outcome(reading: reading, slips: [], written: false)
            }
            guard reading.new.count <= passwords.count else {
                throw StoreError.rejected("Список сотрудников школы изменился во время загрузки: загрузите файл ещё раз.")
            }
            var people: [IssuedPerson] = []
            for member in reading.new {
                let id = try await PeopleDirectory.addPerson(
                    school: school,
                    lastName: member.name.lastName,
                    firstName: member.name.firstName,
                    patronymic: member.name.patronymic,
                    now: now,
                    in: sql
                )
                people.append(
                    IssuedPerson(
                        personID: id,
                        lastName: member.name.lastName,
                        firstName: member.name.firstName,
                        patronymic: member.name.patronymic,
                        accountID: nil
                    )
                )
            }
            let slips = try await CredentialIssue.issue(
                school: school,
                people: people,
                role: nil,
                resetExisting: false,
                passwords: Array(passwords.prefix(people.count)),
                hashes: Array(hashes.prefix(people.count)),
                now: now,
                in: sql
            )
            let accounts = try await accountsOf(school: school, people: people.map(\.personID), in: sql)
            var granted: [(account: Int, roles: Set<Role>)] = []
            for (member, person) in zip(reading.new, people) {
                guard let account = accounts[person.personID] else { continue }
                granted.append((account, member.roles))
            }
            granted += reading.promotions.map { ($0.accountID, $0.added) }
            for (account, roles) in granted {
                for role in roles { try await AccountStore.addRole(role, school: school, account: account, in: sql) }
                try await SecurityLog.record(
                    SecurityEvent(
                        schoolID: school,
                        at: now,
                        kind: .rolesChanged,
                        accountID: account,
                        detail: "+" + Role.allCases.filter(roles.contains).map(\.rawValue).joined(separator: " +")
                            + " by staff list of \(login ?? "?")"
                    ),
                    in: sql
                )
            }
            return Outcome(reading: reading, slips: slips, written: true)
        }
    }

    /// The school's staff in the list's columns, header first, in the order of a Russian list.
    public static func export(school: Int, in database: Database) async throws -> [[String]] {
        try await database.read { sql in
            let rows = try await staff(school: school, in: sql).sorted {
                RussianOrder.key([$0.name.lastName, $0.name.firstName, $0.name.patronymic ?? ""], foldingYo: true)
                    .lexicographicallyPrecedes(RussianOrder.key([$1.name.lastName, $1.name.firstName, $1.name.patronymic ?? ""], foldingYo: true))
            }
            return [StaffList.headings]
                + rows.map { member in
                    [
                        member.name.lastName, member.name.firstName, member.name.patronymic ?? "",
                        Role.allCases.filter(member.roles.contains).compactMap(StaffList.word).joined(separator: ", "),
                    ]
                }
        }
    }

    /// People with a working account that holds a staff role, by their full name's key.
    static func known(school: Int, in sql: any SQLDatabase) async throws -> [String: StaffList.Known] {
        Dictionary(
            try await staff(school: school, in: sql).map { ($0.name.key, StaffList.Known(accountID: $0.account, roles: $0.roles)) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// The full names' keys of everyone with an account, switched off or not.
    static func taken(school: Int, in sql: any SQLDatabase) async throws -> Set<String> {
        Set(
            try await sql.raw(
                """
                SELECT p.last_name, p.first_name, p.patronymic FROM accounts a
                JOIN people p ON p.school_id = a.school_id AND p.id = a.person_id
                WHERE a.school_id = \(bind: school)
                """
            ).all().map { row in
                PersonalName(
                    lastName: try row.decode(column: "last_name", as: String.self),
                    firstName: try row.decode(column: "first_name", as: String.self),
                    patronymic: try row.decode(column: "patronymic", as: String?.self)
                ).key
            }
        )
    }

    private static func staff(school: Int, in sql: any SQLDatabase) async throws -> [(name: PersonalName, account: Int, roles: Set<Role>)] {
        var found: [Int: (name: PersonalName, account: Int, roles: Set<Role>)] = [:]
        for row in try await sql.raw(
            """
            SELECT p.last_name, p.first_name, p.patronymic, a.id AS account_id, r.role
            FROM accounts a
            JOIN people p ON p.school_id = a.school_id AND p.id = a.person_id
            JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id
            WHERE a.school_id = \(bind: school) AND a.deactivated_at IS NULL
              AND a.id IN (SELECT s.account_id FROM account_roles s WHERE s.school_id = a.school_id
                           AND s.role IN ('admin', 'director', 'deputy', 'teacher'))
            """
        ).all() {
            let account = try row.decode(column: "account_id", as: Int.self)
            let role = Role(rawValue: try row.decode(column: "role", as: String.self))
            if found[account] == nil {
                found[account] = (
                    PersonalName(
                        lastName: try row.decode(column: "last_name", as: String.self),
                        firstName: try row.decode(column: "first_name", as: String.self),
                        patronymic: try row.decode(column: "patronymic", as: String?.self)
                    ),
                    account,
                    []
                )
            }
            if let role { found[account]?.roles.insert(role) }
        }
        return Array(found.values)
    }

    private static func accountsOf(school: Int, people: [Int], in sql: any SQLDatabase) async throws -> [Int: Int] {
        guard !people.isEmpty else { return [:] }
        return Dictionary(
            try await sql.raw("SELECT person_id, id FROM accounts WHERE school_id = \(bind: school) AND person_id IN (\(binds: people))").all().map {
                (try $0.decode(column: "person_id", as: Int.self), try $0.decode(column: "id", as: Int.self))
            },
            uniquingKeysWith: { first, _ in first }
        )
    }
}
