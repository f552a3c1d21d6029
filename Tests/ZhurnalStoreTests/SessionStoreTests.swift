import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// The session lookup every signed-in request makes: one statement, whatever the account's roles and observed
/// schools (its joins multiply rows, which must fold back into one record).
struct SessionStoreTests {
    @Test(arguments: TestDatabases.flavors)
    func aSessionIsFoundWithAllItsRolesAndObservedSchoolsInOneStatement(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await AccessSchool.write(into: database)
            let now = Date()
            func session(_ login: String) async throws -> SessionRecord? {
                let token = try await database.write { sql -> SessionToken in
                    let account = try #require(try await SignInAccount.find(login: login, in: sql))
                    return try await SessionStore.create(
                        account: account,
                        kind: .browser,
                        stage: .active,
                        secondFactorDone: true,
                        limits: .staffDefault,
                        now: now,
                        clientAddress: nil,
                        userAgent: nil,
                        in: sql
                    )
                }
                let (found, statements) = try await database.statements.measure {
                    try await database.read { try await SessionStore.find(token, in: $0) }
                }
                #expect(statements == 1)
                return found
            }
            // Two roles and two observed schools: four joined rows, one record.
            try await database.write { sql in
                try await sql.raw(
                    "INSERT INTO account_roles (school_id, account_id, role) VALUES (1, \(bind: AccessSchool.observer), 'deputy')"
                ).run()
            }
            let observer = try #require(try await session(AccessSchool.Login.observer))
            #expect(observer.roles == [.observer, .deputy])
            #expect(observer.observedSchools == [1, 2])
            let teacher = try #require(try await session(AccessSchool.Login.teacher))
            #expect(teacher.roles == [.teacher, .homeroom])
            #expect(teacher.observedSchools.isEmpty)
            #expect(teacher.fullName.hasPrefix("Смирнова"))
            // Without any role the account is still found, with none.
            try await database.write { sql in
                try await sql.raw("DELETE FROM account_roles WHERE school_id = 1 AND account_id = \(bind: AccessSchool.deputy)").run()
            }
            let bare = try #require(try await session(AccessSchool.Login.deputy))
            #expect(bare.roles.isEmpty)
            let unknown = try await database.read {
                try await SessionStore.find(SessionToken.generate(schoolID: 1), in: $0)
            }
            #expect(unknown == nil)
        }
    }
}
