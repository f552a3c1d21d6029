import ArgumentParser
import Foundation
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

@testable import zhurnal

/// What SECURITY.md and the foundation issue ask of bad input on the command line: one clear line, a non-zero exit
/// code and nothing written.
struct BadInputTests {
    func run(_ arguments: [String]) async throws {
        var command = try Zhurnal.parseAsRoot(arguments)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    }

    func expectFailure(_ arguments: [String]) async {
        do {
            try await run(arguments)
            Issue.record("\(arguments) succeeded")
        } catch let exit as ExitCode {
            #expect(exit != .success, "\(arguments)")
        } catch {
            Issue.record("\(arguments) threw \(error) instead of exiting")
        }
    }

    @Test func aDigestWithoutSendmailOrASiteAddressFailsBeforeTheDatabase() async {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("digest-\(UUID()).sqlite").path
        let base = ["digest", "--db", "sqlite:\(path)", "--from", "zhurnal@school.example.ru"]
        await expectFailure(base + ["--sendmail", "/nonexistent/sendmail", "--base-url", "https://school.example.ru"])
        await expectFailure(base + ["--sendmail", "/bin/true", "--base-url", "school.example.ru"])
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func unknownSchemeFails() async {
        await expectFailure(["migrate", "--db", "mysql://localhost/zhurnal"])
    }

    @Test func unwritablePathFailsAndCreatesNothing() async {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID())/z.sqlite").path
        await expectFailure(["migrate", "--db", "sqlite:\(path)"])
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func unreachablePostgresFails() async {
        await expectFailure(["migrate", "--db", "postgres://nobody@127.0.0.1:1/zhurnal?sslmode=disable"])
    }

    @Test func newerSchemaFailsAndLeavesTheDatabaseAlone() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        try await Migrator(database: database).migrate()
        try await database.write { sql in
            try await sql.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").run()
        }
        await database.close()
        guard case .sqlite(let path) = scratch.location else { return }
        await expectFailure(["migrate", "--db", "sqlite:\(path)"])
        await expectFailure(["demo", "--db", "sqlite:\(path)", "--students", "20", "--accounts", path + ".csv"])
        #expect(!FileManager.default.fileExists(atPath: path + ".csv"))
        let reopened = try await Database.open(scratch.location, logger: TestDatabases.logger)
        let version = try await Migrator(database: reopened).currentVersion()
        let schools = try await reopened.read {
            try await $0.raw("SELECT COUNT(*) AS n FROM schools").first()?.decode(column: "n", as: Int.self)
        }
        await reopened.close()
        await scratch.remove()
        #expect(version == 999)
        #expect(schools == 0)
    }

    @Test func badDemoArgumentsAreRejectedBeforeAnyWork() {
        for arguments in [
            ["demo", "--until", "2026-13-01"],
            ["demo", "--until", "вчера"],
            ["demo", "--students", "5"],
            ["demo", "--seed", "-1"],
        ] {
            #expect(throws: (any Error).self, "\(arguments)") { try Zhurnal.parseAsRoot(arguments) }
        }
    }

    @Test func aFailedDemoLeavesAnEarlierAccountsFileAlone() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        let accounts = path + ".csv"
        try "login,password,roles,fullName\r\nkept,x,student,Кто-то\r\n".write(toFile: accounts, atomically: true, encoding: .utf8)
        // A database that already holds a school refuses a second demo.
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        try await Migrator(database: database).migrate()
        try await TinySchool.write(into: database)
        await database.close()
        await expectFailure(["demo", "--db", "sqlite:\(path)", "--students", "20", "--accounts", accounts])
        #expect(try String(contentsOfFile: accounts, encoding: .utf8).contains("kept,x"))
        let folder = (accounts as NSString).deletingLastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter {
            $0.hasSuffix(".tmp") && $0.contains((accounts as NSString).lastPathComponent)
        }
        #expect(leftovers.isEmpty)
        try? FileManager.default.removeItem(atPath: accounts)
        await scratch.remove()
    }

    @Test func unwritableAccountsPathFailsBeforeTheDatabaseIsTouched() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        let accounts = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID())/a.csv").path
        await expectFailure(["demo", "--db", "sqlite:\(path)", "--students", "20", "--accounts", accounts])
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func migrateCreatesAndThenKeepsTheSchema() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        try await run(["migrate", "--db", "sqlite:\(path)"])
        try await run(["migrate", "--db", "sqlite:\(path)"])
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        let version = try await Migrator(database: database).currentVersion()
        await database.close()
        await scratch.remove()
        #expect(version == Migration.all.last?.version)
    }
}
