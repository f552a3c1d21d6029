import Foundation
import SQLKit
import ZhurnalCore

/// Issuing credentials: an account with a new login for whoever has none, a fresh initial password for whoever has
/// one (his sessions end). What comes back is the slips — the only place the passwords ever appear in clear.
public enum CredentialIssue {
    public struct Slip: Sendable, Equatable {
        public let personID: Int
        public let fullName: String
        public let login: String
        public let password: String
        public let created: Bool
    }

    /// Issues to `people`; `passwords` and `hashes` are parallel to it (hashing is the caller's, off the request's
    /// thread). Who has an account is read again here, inside the caller's transaction, so a double click cannot
    /// give one person two accounts. Someone who has an account gets a new initial password only when
    /// `resetExisting` — a class's bulk issue leaves existing accounts alone, so that a parent who is also the
    /// director never finds his working password replaced and printed among a class's slips. `role` is added to
    /// accounts that lack it (a pupil's account gets `student`).
    public static func issue(
        school: Int,
        people: [IssuedPerson],
        role: Role?,
        resetExisting: Bool,
        passwords: [String],
        hashes: [String],
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> [Slip] {
        precondition(people.count == passwords.count && people.count == hashes.count)
        guard !people.isEmpty else { return [] }
        var existing: [Int: (account: Int, login: String)] = [:]
        for row in try await sql.raw(
            """
            SELECT person_id, id, login FROM accounts
            WHERE school_id = \(bind: school) AND person_id IN (\(binds: people.map(\.personID)))
            """
        ).all() {
            existing[try row.decode(column: "person_id", as: Int.self)] =
                (try row.decode(column: "id", as: Int.self), try row.decode(column: "login", as: String.self))
        }
        let bases = people.filter { existing[$0.personID] == nil }.map {
            LoginName.base(lastName: $0.lastName, firstName: $0.firstName, patronymic: $0.patronymic)
        }
        var taken = try await logins(startingWith: Set(bases), in: sql)
        var slips: [Slip] = []
        for (index, person) in people.enumerated() {
            if let (account, login) = existing[person.personID] {
                guard resetExisting else { continue }
                try await AccountStore.setInitialPassword(school: school, account: account, hash: hashes[index], now: now, in: sql)
                try await SessionStore.endAll(school: school, account: account, reason: .passwordReset, now: now, in: sql)
                if let role { try await AccountStore.addRole(role, school: school, account: account, in: sql) }
                try await SecurityLog.record(
                    SecurityEvent(schoolID: school, at: now, kind: .passwordReset, accountID: account, login: login),
                    in: sql
                )
                slips.append(Slip(personID: person.personID, fullName: person.fullName, login: login, password: passwords[index], created: false))
            } else {
                let base = LoginName.base(lastName: person.lastName, firstName: person.firstName, patronymic: person.patronymic)
                let login = LoginName.unique(base: base) { taken.contains($0) }
                taken.insert(login)
                let account = try await AccountStore.create(
                    school: school,
                    person: person.personID,
                    login: login,
                    initialPasswordHash: hashes[index],
                    roles: role.map { [$0] } ?? [],
                    now: now,
                    in: sql
                )
                try await SecurityLog.record(
                    SecurityEvent(schoolID: school, at: now, kind: .accountCreated, accountID: account, login: login),
                    in: sql
                )
                slips.append(Slip(personID: person.personID, fullName: person.fullName, login: login, password: passwords[index], created: true))
            }
        }
        return slips
    }

    /// Logins anywhere in the installation that begin with one of `bases`, in one statement.
    static func logins(startingWith bases: Set<String>, in sql: any SQLDatabase) async throws -> Set<String> {
        guard !bases.isEmpty else { return [] }
        var query = SQLQueryString("SELECT login FROM accounts WHERE ")
        for (index, base) in bases.sorted().enumerated() {
            if index > 0 { query.appendLiteral(" OR ") }
            query.appendLiteral("login LIKE ")
            query.appendInterpolation(bind: base.replacingOccurrences(of: "_", with: "") + "%")
        }
        return Set(try await sql.raw(query).all().map { try $0.decode(column: "login", as: String.self) })
    }
}
