import ArgumentParser
import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

@testable import zhurnal

/// `zhurnal admin create`: the only way to the first administrator, since there are no default accounts.
struct AdminCreateTests {
    let commands = BadInputTests()

    @Test func aFreshDatabaseGetsItsSchoolAndFirstAdministrator() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        let create = [
            "admin", "create", "--db", "sqlite:\(path)", "--login", "Petrova", "--last-name", "Петрова",
            "--first-name", "Анна", "--patronymic", "Сергеевна",
        ]
        // An empty database needs the school's name first.
        await commands.expectFailure(create)
        try await commands.run(create + ["--school", "МБОУ СОШ № 7"])

        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        let account = try #require(try await database.read { try await SignInAccount.find(login: "petrova", in: $0) })
        #expect(account.roles == [.admin])
        #expect(account.fullName == "Петрова Анна Сергеевна")
        #expect(account.mustChangePassword)
        #expect(account.initialPasswordExpiresAt != nil)
        // The administrator must enrol a second factor after choosing his password.
        #expect(SignInStage.next(for: account.state) == .passwordChange)
        #expect(!account.state.secondFactorWaived)
        let school = try await database.read { sql in
            try await sql.raw("SELECT name FROM schools").first()?.decode(column: "name", as: String.self)
        }
        #expect(school == "МБОУ СОШ № 7")

        // A second administrator cannot be made this way while one exists.
        await commands.expectFailure([
            "admin", "create", "--db", "sqlite:\(path)", "--login", "other", "--last-name", "Иванов", "--first-name", "Иван",
        ])
        let admins = try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM account_roles WHERE role = 'admin'").first()!.decode(column: "n", as: Int.self)
        }
        #expect(admins == 1)
        await database.close()
        await scratch.remove()
    }

    @Test func aBadLoginIsRefusedAndNothingIsWritten() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        await commands.expectFailure([
            "admin", "create", "--db", "sqlite:\(path)", "--login", "1 admin", "--last-name", "Петрова",
            "--first-name", "Анна", "--school", "Школа",
        ])
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        let schools = try await database.read { try await SchoolOverview.schoolCount(in: $0) }
        #expect(schools == 0)
        await database.close()
        await scratch.remove()
    }
}

/// `zhurnal admin observe`: the operator gives an observer the schools he reads.
struct AdminObserveTests {
    let commands = BadInputTests()

    @Test func theObserversSchoolsAreReplaced() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        try await Migrator(database: database).migrate()
        try await AccessSchool.write(into: database)
        try await commands.run(["admin", "observe", "--db", "sqlite:\(path)", "--login", "observer", "--school", "2"])
        let observed = try await database.read { sql in
            try await sql.raw("SELECT observed_school_id FROM observer_schools ORDER BY 1").all()
                .map { try $0.decode(column: "observed_school_id", as: Int.self) }
        }
        #expect(observed == [2])
        // Not an observer, or a school that does not exist: refused, nothing changed.
        await commands.expectFailure(["admin", "observe", "--db", "sqlite:\(path)", "--login", "smirnova", "--school", "1"])
        await commands.expectFailure(["admin", "observe", "--db", "sqlite:\(path)", "--login", "observer", "--school", "1", "--school", "99"])
        let after = try await database.read { sql in
            try await sql.raw("SELECT observed_school_id FROM observer_schools").all().map {
                try $0.decode(column: "observed_school_id", as: Int.self)
            }
        }
        #expect(after == [2])
        await database.close()
        await scratch.remove()
    }
}

/// `zhurnal admin family`: the operator opens a child's diary in another school to his parent's account.
struct AdminFamilyTests {
    let commands = BadInputTests()

    @Test func aParentIsLinkedToHisChildInAnotherSchoolAndUnlinked() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        try await Migrator(database: database).migrate()
        try await AccessSchool.write(into: database)
        let db = ["--db", "sqlite:\(path)"]
        let child = ["--school", "2", "--student", String(AccessSchool.otherSchoolPupil)]
        func links() async throws -> Int {
            try await database.read { try await $0.raw("SELECT COUNT(*) AS n FROM family_links").first()!.decode(column: "n", as: Int.self) }
        }
        try await commands.run(["admin", "family"] + db + ["--login", "aksyonov"] + child)
        try await commands.run(["admin", "family"] + db + ["--login", "aksyonov"] + child)
        #expect(try await links() == 1)
        // A teacher is no parent; a child of his own school is the school's to record; no such pupil or login.
        await commands.expectFailure(["admin", "family"] + db + ["--login", "smirnova"] + child)
        await commands.expectFailure(["admin", "family"] + db + ["--login", "aksyonov", "--school", "1", "--student", String(TinySchool.volkov)])
        await commands.expectFailure(["admin", "family"] + db + ["--login", "aksyonov", "--school", "2", "--student", "999"])
        await commands.expectFailure(["admin", "family"] + db + ["--login", "nobody"] + child)
        #expect(try await links() == 1)
        try await commands.run(["admin", "family"] + db + ["--login", "aksyonov", "--unlink"] + child)
        #expect(try await links() == 0)
        await database.close()
        await scratch.remove()
    }
}
