import Foundation
import ZhurnalCore
import ZhurnalStore

/// Generates and hashes initial passwords (on every core, off the request's tasks) and issues them in one
/// transaction with their security-log rows.
struct CredentialIssuer: Sendable {
    let database: Database
    let hasher: PasswordHasher
    let clock: @Sendable () -> Date
    let publicURL: String

    func issue(
        to people: [IssuedPerson],
        role: Role?,
        roles: Set<Role> = [],
        school: Int,
        context: AppRequestContext
    ) async throws -> [CredentialIssue.Slip] {
        let passwords = people.map { _ in InitialPassword.generate() }
        let hashes = await hasher.hashAll(passwords)
        let now = clock()
        return try await database.write { sql in
            let slips = try await CredentialIssue.issue(
                school: school,
                people: people,
                role: role,
                passwords: passwords,
                hashes: hashes,
                now: now,
                in: sql
            )
            if !roles.isEmpty, let created = slips.first,
                let account = try await AccessFacts.accountOf(school: school, person: created.personID, in: sql)
            {
                try await AccountStore.setRoles(roles, school: school, account: account, in: sql)
            }
            return slips
        }
    }
}
