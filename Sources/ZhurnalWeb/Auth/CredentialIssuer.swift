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

    /// Slips for `people`: new accounts for those without one; new initial passwords for the others only when
    /// `resetExisting`.
    func issue(to people: [IssuedPerson], role: Role?, resetExisting: Bool, school: Int) async throws -> [CredentialIssue.Slip] {
        let passwords = people.map { _ in InitialPassword.generate() }
        let hashes = await hasher.hashAll(passwords)
        let now = clock()
        return try await database.write { sql in
            try await CredentialIssue.issue(
                school: school,
                people: people,
                role: role,
                resetExisting: resetExisting,
                passwords: passwords,
                hashes: hashes,
                now: now,
                in: sql
            )
        }
    }

    /// A new member of staff: the person, the account and its roles in one transaction, so a failure leaves no
    /// person without an account behind.
    func issueToNewPerson(
        lastName: String,
        firstName: String,
        patronymic: String?,
        roles: Set<Role>,
        school: Int
    ) async throws -> (person: IssuedPerson, slips: [CredentialIssue.Slip]) {
        let password = InitialPassword.generate()
        let hash = await hasher.hashAll([password])
        let now = clock()
        return try await database.write { sql in
            let id = try await PeopleDirectory.addPerson(
                school: school,
                lastName: lastName,
                firstName: firstName,
                patronymic: patronymic,
                now: now,
                in: sql
            )
            let person = IssuedPerson(personID: id, lastName: lastName, firstName: firstName, patronymic: patronymic, accountID: nil)
            let slips = try await CredentialIssue.issue(
                school: school,
                people: [person],
                role: nil,
                resetExisting: false,
                passwords: [password],
                hashes: hash,
                now: now,
                in: sql
            )
            if let account = try await AccessFacts.accountOf(school: school, person: id, in: sql) {
                try await AccountStore.setRoles(roles, school: school, account: account, in: sql)
            }
            return (person, slips)
        }
    }
}
