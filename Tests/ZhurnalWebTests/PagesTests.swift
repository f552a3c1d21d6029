import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

struct PagesTests {
    @Test(arguments: TestDatabases.flavors)
    func healthzReportsTheDatabaseAndSchema(flavor: SQLFlavor) async throws {
        try await TestApp.with(flavor) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = String(buffer: response.body)
                #expect(body.contains("\"status\":\"ok\""))
                #expect(body.contains("\"schemaVersion\":\(Migrator.knownVersionForTests)"))
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func startPageOfAnEmptyDatabaseSaysHowToCreateASchool(flavor: SQLFlavor) async throws {
        try await TestApp.with(flavor) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"ru\">"))
                #expect(html.contains("Школа ещё не создана"))
                #expect(html.contains("/static/zhurnal.css"))
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func startPageShowsTheSchoolAndEscapesItsName(flavor: SQLFlavor) async throws {
        let seed: (Database) async throws -> Void = { database in
            try await TinySchool.write(into: database)
            try await database.write { sql in
                try await sql.raw("UPDATE schools SET name = \(bind: "Школа <script>alert(1)</script> & Ко")").run()
            }
        }
        try await TestApp.with(flavor, seed: seed) { client in
            try await client.execute(uri: "/", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Школа &lt;script&gt;alert(1)&lt;/script&gt; &amp; Ко"))
                #expect(!html.contains("<script>alert(1)"))
                #expect(html.contains("2026/27 учебный год"))
                // Three pupils were enrolled on 01.09; Борисов left on 01.10 and Волков came on 05.10: two on 12.10.
                #expect(html.contains("<dt>Учеников</dt><dd>2</dd>"))
                #expect(html.contains("<dt>Отметок</dt><dd>5</dd>"))
            }
        }
    }

    @Test func unknownPagesAnswerInRussianAndTheAPIInJSON() async throws {
        try await TestApp.with(.sqlite) { client in
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound)
                let html = String(buffer: response.body)
                #expect(html.contains("Такой страницы нет"))
                let id = try #require(response.headers[HTTPField.Name("X-Request-Id")!])
                #expect(html.contains(id))
            }
            try await client.execute(uri: "/api/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = String(buffer: response.body)
                #expect(body.contains("\"code\":\"not_found\""))
                #expect(body.contains("\"requestId\""))
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await TestApp.with(.sqlite) { client in
            for uri in ["/", "/healthz", "/no-such-page", "/static/zhurnal.css"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                    #expect(response.headers[HTTPField.Name("X-Request-Id")!] != nil, "\(uri)")
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test func servesTheOneStylesheet() async throws {
        try await TestApp.with(.sqlite) { client in
            try await client.execute(uri: "/static/zhurnal.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body).contains(":focus-visible"))
            }
            try await client.execute(uri: "/static/../Package.swift", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func aStateChangeOnAPageIsNotAccepted() async throws {
        try await TestApp.with(.sqlite) { client in
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .methodNotAllowed || response.status == .notFound)
            }
        }
    }
}

extension Migrator {
    static var knownVersionForTests: Int { Migration.all.last!.version }
}

struct UnavailableDatabaseTests {
    @Test(arguments: TestDatabases.flavors)
    func aDatabaseThatIsGoneGives503WithARequestId(flavor: SQLFlavor) async throws {
        let scratch = try await TestDatabases.Scratch.make(flavor)
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        try await Migrator(database: database).migrate()
        let router = try await buildRouter(AppDependencies(database: database, clock: { TestApp.now }))
        await database.close()
        let app = Application(router: router, logger: TestDatabases.logger)
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("База данных недоступна"))
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("database_unavailable"))
            }
        }
        await scratch.remove()
    }
}
