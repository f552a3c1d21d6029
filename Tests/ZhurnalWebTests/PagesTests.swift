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
    func aVisitorIsSentToTheRussianSignInPage(flavor: SQLFlavor) async throws {
        try await TestApp.with(flavor) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            try await client.execute(uri: "/admin/people", method: .get) { response in
                #expect(response.headers[.location] == "/login?next=/admin/people")
            }
            try await client.execute(uri: "/login", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"ru\">"))
                #expect(html.contains("<label for=\"login\">Логин</label>"))
                #expect(html.contains("/static/zhurnal.css"))
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func startPageShowsTheSchoolToTheDirectorAndEscapesItsName(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(
            flavor,
            extraSeed: { database in
                try await database.write { sql in
                    try await sql.raw("UPDATE schools SET name = \(bind: "Школа <script>alert(1)</script> & Ко") WHERE id = 1").run()
                }
            }
        ) { client, _ in
            let director = Browser(client)
            try await director.signIn(AccessSchool.Login.director)
            let html = try await director.get("/").text
            #expect(html.contains("Школа &lt;script&gt;alert(1)&lt;/script&gt; &amp; Ко"))
            #expect(!html.contains("<script>alert(1)"))
            #expect(html.contains("2026/27 учебный год"))
            // TinySchool's 5А has two pupils on 12.10 (Борисов left, Волков came); 6Б has Громов.
            #expect(html.contains("<dt>Учеников</dt><dd>3</dd>"))
            #expect(html.contains("<dt>Отметок</dt><dd>5</dd>"))
            // A pupil is greeted but sees no school figures.
            let pupil = Browser(client)
            try await pupil.signIn(AccessSchool.Login.pupil)
            let own = try await pupil.get("/").text
            #expect(own.contains("Здравствуйте, Мария Ивановна!"))
            #expect(!own.contains("Учеников"))
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

    @Test func aStateChangeWithoutItsFormIsNotAccepted() async throws {
        try await TestApp.with(.sqlite) { client in
            try await client.execute(uri: "/", method: .post) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("Форма устарела"))
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
            // Any request with a session cookie asks the database who it is.
            let cookie = "zhurnal=1." + String(repeating: "A", count: 43)
            try await client.execute(uri: "/", method: .get, headers: [.cookie: cookie]) { response in
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
