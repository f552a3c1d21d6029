import Foundation
import Testing
import ZhurnalStore
import ZhurnalTestSupport

struct DatabaseLocationTests {
    @Test func parsesSQLiteAndPostgresURLs() throws {
        #expect(try DatabaseLocation(url: "sqlite:zhurnal.sqlite") == .sqlite(path: "zhurnal.sqlite"))
        #expect(try DatabaseLocation(url: "sqlite:///var/lib/z.sqlite") == .sqlite(path: "/var/lib/z.sqlite"))
        let postgres = try DatabaseLocation(url: "postgres://teacher:p%40ss@10.0.0.5:5433/zhurnal?sslmode=disable")
        guard case .postgres(let address) = postgres else {
            Issue.record("not postgres")
            return
        }
        #expect(address.host == "10.0.0.5")
        #expect(address.port == 5433)
        #expect(address.username == "teacher")
        #expect(address.password == "p@ss")
        #expect(address.database == "zhurnal")
        #expect(address.tls == .disable)
        #expect(!postgres.description.contains("p@ss"))
    }

    @Test func mapsSSLModes() throws {
        func mode(_ url: String) throws -> DatabaseLocation.TLSMode? {
            guard case .postgres(let address) = try DatabaseLocation(url: url) else { return nil }
            return address.tls
        }
        #expect(try mode("postgres://u@h/db") == .prefer)
        #expect(try mode("postgres://u@h/db?sslmode=prefer") == .prefer)
        #expect(try mode("postgres://u@h/db?sslmode=require") == .require)
        #expect(try mode("postgres://u@h/db?sslmode=verify-full") == .require)
        #expect(throws: StoreError.self) { try DatabaseLocation(url: "postgres://u@h/db?sslmode=sometimes") }
    }

    @Test func neverRepeatsAPasswordInAnError() {
        do {
            _ = try DatabaseLocation(url: "postgres://user:secret pass@")
            Issue.record("parsed a broken URL")
        } catch {
            #expect(!error.description.contains("secret"))
        }
    }

    @Test func rejectsUnknownSchemesWithOneClearLine() {
        for url in ["mysql://localhost/z", "zhurnal.sqlite", "sqlite:", "postgres://"] {
            #expect(throws: StoreError.self) { try DatabaseLocation(url: url) }
        }
        do {
            _ = try DatabaseLocation(url: "mysql://localhost/z")
        } catch {
            #expect(error.description.contains("mysql"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func refusesAnUnwritablePathAndCreatesNothing() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID())/z.sqlite").path
        await #expect(throws: StoreError.self) {
            _ = try await Database.open(.sqlite(path: missing), logger: TestDatabases.logger)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ro-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let directory = folder.path
        await #expect(throws: StoreError.self) {
            _ = try await Database.open(.sqlite(path: directory), logger: TestDatabases.logger)
        }
    }

    @Test func reportsAnUnreachablePostgres() async throws {
        // Port 1 on loopback refuses at once; the message names the server and says what to check.
        let location = try DatabaseLocation(url: "postgres://nobody@127.0.0.1:1/zhurnal?sslmode=disable")
        do {
            _ = try await Database.open(location, logger: TestDatabases.logger)
            Issue.record("opened a database that does not exist")
        } catch {
            #expect(error.description.contains("127.0.0.1:1"))
        }
    }
}
