import Foundation
import SQLKit
import ZhurnalCore

/// The installation's first administrator: there are no default accounts, so a fresh install gets one from the
/// command line, and only while its school has no working administrator.
public enum FirstAdministrator {
    public struct Request: Sendable {
        public var login: String
        public var lastName: String
        public var firstName: String
        public var patronymic: String?
        /// The school's name, when the database has no school yet.
        public var schoolName: String?

        public init(login: String, lastName: String, firstName: String, patronymic: String?, schoolName: String?) {
            self.login = login
            self.lastName = lastName
            self.firstName = firstName
            self.patronymic = patronymic
            self.schoolName = schoolName
        }
    }

    public struct Created: Sendable {
        public let schoolID: Int
        public let schoolName: String
        public let accountID: Int
    }

    /// Creates the school if there is none, the person and the account with `initialPasswordHash`; all or nothing.
    public static func create(_ request: Request, initialPasswordHash: String, now: Date, in sql: any SQLDatabase) async throws -> Created {
        let at = Timestamp.string(now)
        let schools = try await sql.raw("SELECT id, name FROM schools ORDER BY id").all()
        let schoolID: Int
        let schoolName: String
        if let first = schools.first {
            guard schools.count == 1 else {
                throw StoreError.rejected("В базе несколько школ: администраторов новых школ создаёт администратор на сайте.")
            }
            schoolID = try first.decode(column: "id", as: Int.self)
            schoolName = try first.decode(column: "name", as: String.self)
        } else {
            guard let name = request.schoolName?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
                throw StoreError.rejected("База пуста: укажите название школы (--school \"МБОУ СОШ № 1\").")
            }
            schoolID = 1
            schoolName = name
            let short = String(name.split(separator: " ").map { $0.prefix(1) }.joined().prefix(16))
            try await sql.raw(
                "INSERT INTO schools (id, name, short_name, created_at) VALUES (1, \(bind: name), \(bind: short), \(bind: at))"
            ).run()
        }
        let admins = try await sql.raw(
            """
            SELECT a.login FROM accounts a JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id
            WHERE a.school_id = \(bind: schoolID) AND r.role = 'admin' AND a.deactivated_at IS NULL
            """
        ).all()
        if let existing = admins.first {
            let login = try existing.decode(column: "login", as: String.self)
            throw StoreError.rejected("В школе уже есть администратор («\(login)»): новые учётные записи выдаёт он на сайте.")
        }
        if let problem = LoginName.problem(with: request.login) { throw StoreError.rejected(problem) }
        if try await AccountStore.loginExists(request.login, in: sql) {
            throw StoreError.rejected("Логин «\(request.login)» уже занят.")
        }
        let person = try await PeopleDirectory.addPerson(
            school: schoolID,
            lastName: request.lastName,
            firstName: request.firstName,
            patronymic: request.patronymic,
            now: now,
            in: sql
        )
        let account = try await AccountStore.create(
            school: schoolID,
            person: person,
            login: request.login,
            initialPasswordHash: initialPasswordHash,
            roles: [.admin],
            now: now,
            in: sql
        )
        try await SecurityLog.record(
            SecurityEvent(schoolID: schoolID, at: now, kind: .accountCreated, accountID: account, login: request.login, detail: "command line"),
            in: sql
        )
        return Created(schoolID: schoolID, schoolName: schoolName, accountID: account)
    }
}
