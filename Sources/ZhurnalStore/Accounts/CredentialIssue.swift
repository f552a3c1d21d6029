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
    /// thread). `role` is added to accounts that lack it (a pupil's account gets `student`). All in the caller's
    /// transaction.
    public static func issue(
        school: Int,
        people: [IssuedPerson],
        role: Role?,
        passwords: [String],
        hashes: [String],
        now: Date,
        in sql: any SQLDatabase
    ) async throws -> [Slip] {
        precondition(people.count == passwords.count && people.count == hashes.count)
        let bases = people.filter { $0.accountID == nil }.map {
            LoginName.base(lastName: $0.lastName, firstName: $0.firstName, patronymic: $0.patronymic)
        }
        var taken = try await logins(startingWith: Set(bases), in: sql)
        var loginsByAccount: [Int: String] = [:]
        let existing = people.compactMap(\.accountID)
        if !existing.isEmpty {
            for row in try await sql.raw(
                "SELECT id, login FROM accounts WHERE school_id = \(bind: school) AND id IN (\(binds: existing))"
            ).all() {
                loginsByAccount[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "login", as: String.self)
            }
        }
        var slips: [Slip] = []
        for (index, person) in people.enumerated() {
            if let account = person.accountID, let login = loginsByAccount[account] {
                try await AccountStore.setInitialPassword(school: school, account: account, hash: hashes[index], now: now, in: sql)
                try await SessionStore.endAll(school: school, account: account, reason: .passwordReset, now: now, in: sql)
                if let role {
                    try await sql.raw(
                        """
                        INSERT INTO account_roles (school_id, account_id, role)
                        SELECT \(bind: school), \(bind: account), \(bind: role.rawValue)
                        WHERE NOT EXISTS (SELECT 1 FROM account_roles WHERE school_id = \(bind: school)
                                          AND account_id = \(bind: account) AND role = \(bind: role.rawValue))
                        """
                    ).run()
                }
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
