import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Signing in with the form: the cookie, the same answer for unknown and wrong logins, a new id at every sign-in,
/// signing out.
struct SignInTests {
    @Test(arguments: TestDatabases.flavors)
    func signingInSetsAnHttpOnlyLaxCookieAndOpensTheStartPage(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let browser = Browser(client)
            let answer = try await browser.signIn(AccessSchool.Login.teacher)
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/")
            let cookie = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix("zhurnal=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Здравствуйте, Ольга Петровна!"))
            #expect(home.headers[.cacheControl] == "no-store")
        }
    }

    @Test func overTLSTheCookieIsHostPrefixedAndSecure() async throws {
        let security = WebSecurity(publicURL: "https://journal.school.example", trustProxy: true)
        try await TestApp.withSchool(.sqlite, security: security) { client, _ in
            let browser = Browser(client)
            let answer = try await browser.signIn(AccessSchool.Login.teacher)
            let cookie = try #require(answer.headers[values: .setCookie].first { $0.hasPrefix("__Host-zhurnal=") })
            #expect(cookie.contains("Secure"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Domain"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func unknownLoginAndWrongPasswordGetTheSameAnswer(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let unknown = try await Browser(client, address: "198.51.100.1").signIn("nobody", "что-то длинное")
            let wrong = try await Browser(client, address: "198.51.100.2").signIn(AccessSchool.Login.teacher, "что-то длинное")
            #expect(unknown.status == .unauthorized)
            #expect(wrong.status == .unauthorized)
            #expect(unknown.text.contains("Неверный логин или пароль."))
            #expect(wrong.text.contains("Неверный логин или пароль."))
            #expect(unknown.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("zhurnal=") })
            let failures = try await database.read { sql in
                try await sql.raw("SELECT login, detail FROM security_events WHERE kind = 'sign_in_failed' ORDER BY id").all()
            }
            #expect(try failures.map { try $0.decode(column: "detail", as: String.self) } == ["unknown login", "wrong password"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func everySignInGetsANewSessionAndSigningOutEndsIt(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            // A session id planted before sign-in (fixation) is never the one the server issues.
            let planted = "1." + String(repeating: "A", count: 43)
            let browser = Browser(client)
            try await browser.get("/login", headers: [.cookie: "zhurnal=\(planted)"])
            try await browser.signIn(AccessSchool.Login.teacher)
            let first = try #require(browser.sessionCookie)
            #expect(first != planted)
            let other = Browser(client)
            try await other.signIn(AccessSchool.Login.teacher)
            #expect(other.sessionCookie != first)

            try await browser.get("/")
            let out = try await browser.post("/logout")
            #expect(out.status == .seeOther)
            #expect(browser.sessionCookie == nil)
            let after = try await client.execute(uri: "/", method: .get, headers: [.cookie: "zhurnal=\(first)"], body: nil)
            #expect(after.location == "/login")
            // The other device's session is untouched.
            #expect(try await other.get("/").status == .ok)
        }
    }

    @Test func anErrorPageKeepsThePersonsNavigation() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            let refused = try await teacher.get("/admin/people")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("У вас нет прав на это действие."))
            #expect(refused.text.contains("Смирнова Ольга Петровна"))
            #expect(refused.text.contains("Выйти"))
            let missing = try await teacher.get("/no-such-page")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Мои сеансы"))
        }
    }

    /// A signed-in page costs the session's one statement; the stylesheet costs none.
    @Test func theSessionCostsOneStatementAndTheStylesheetNone() async throws {
        try await TestApp.withSchool(.sqlite) { client, database in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            try await teacher.get("/api/v1/me")
            var before = database.statements.value
            #expect(try await teacher.get("/api/v1/me").status == .ok)
            #expect(database.statements.value - before == 1)
            before = database.statements.value
            #expect(try await teacher.get("/static/zhurnal.css").status == .ok)
            #expect(database.statements.value - before == 0)
        }
    }
}
