import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Every state change from a page carries the session's token and comes from this site; programs with a bearer token
/// need neither.
struct CSRFTests {
    @Test(arguments: TestDatabases.flavors)
    func aFormWithoutTheTokenOrWithAnotherIsRefusedAndChangesNothing(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            try await teacher.get("/account/sessions")
            let missing = try await teacher.post("/logout", includeCSRF: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Форма устарела или отправлена с другого сайта"))
            let forged = try await teacher.post("/logout", csrf: "forged-token")
            #expect(forged.status == .forbidden)
            // Still signed in: nothing happened.
            #expect(try await teacher.get("/").status == .ok)
            // Another person's token does not fit this session.
            let parent = Browser(client, address: "198.51.100.80")
            try await parent.signIn(AccessSchool.Login.parent)
            try await parent.get("/")
            #expect(try await teacher.post("/logout", csrf: parent.csrf).status == .forbidden)
        }
    }

    @Test func anotherSitesOriginIsRefusedEvenWithTheToken() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            try await teacher.get("/")
            let evil = try await teacher.post("/logout", headers: [HTTPField.Name("Origin")!: "https://evil.example"])
            #expect(evil.status == .forbidden)
            let crossSite = try await teacher.post("/logout", headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(crossSite.status == .forbidden)
            #expect(try await teacher.get("/").status == .ok)
        }
    }

    @Test func theSignInFormNeedsItsPreSessionToken() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let stranger = Browser(client)
            // No visit to /login first: no pre-session cookie, no token.
            let answer = try await stranger.post("/login", [("login", AccessSchool.Login.teacher), ("password", AccessSchool.password)])
            #expect(answer.status == .forbidden)
            #expect(stranger.sessionCookie == nil)
        }
    }

    @Test func aBearerTokenNeedsNoCSRFTokenAndACookieSessionOnTheAPIDoes() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            var api = APIClient(client: client)
            _ = try await api.signIn(AccessSchool.Login.teacher)
            #expect(try await api.call(.delete, "/api/v1/auth/token").status == .noContent)
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            let viaCookie = try await client.execute(
                uri: "/api/v1/auth/token",
                method: .delete,
                headers: [.cookie: "zhurnal=\(teacher.sessionCookie ?? "")"],
                body: nil
            )
            #expect(viaCookie.status == .forbidden)
        }
    }
}

struct SecurityHeadersTests {
    @Test func privatePagesAreNotCachedAndEveryAnswerCarriesTheHeaders() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            for uri in ["/", "/account/sessions", "/password", "/api/v1/me", "/login", "/admin/people"] {
                let response = try await teacher.get(uri)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("script-src 'self'"), "\(uri)")
                #expect(!policy.contains("unsafe-inline"), "\(uri)")
                #expect(policy.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(uri)")
                #expect(response.headers[.cacheControl] == "no-store", "\(uri)")
            }
        }
    }

    @Test func pagesHaveNoInlineScript() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let admin = Browser(client)
            try await admin.signIn(AccessSchool.Login.admin)
            for uri in ["/", "/account/sessions", "/account/second-factor", "/admin/people", "/admin/security", "/password"] {
                let html = try await admin.get(uri).text
                #expect(!html.contains("<script>"), "\(uri)")
                #expect(!html.contains(" onclick="), "\(uri)")
            }
        }
    }
}

/// After signing in, a person goes back where he was going — on this site only.
struct SignInRedirectTests {
    @Test func nextLeadsOnlyToAPathOfThisSite() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            for (next, expected) in [
                ("/admin/people", "/admin/people"), ("//evil.example", "/"), ("/\t/evil.example", "/"), ("/\\evil.example", "/"),
                ("https://evil.example", "/"), ("/%0d%0aSet-Cookie:x", "/"), ("javascript:alert(1)", "/"),
            ] {
                let browser = Browser(client)
                try await browser.get("/login")
                let answer = try await browser.post(
                    "/login",
                    [("login", AccessSchool.Login.admin), ("password", AccessSchool.password), ("next", next)]
                )
                #expect(answer.location == expected, "\(next)")
            }
            let page = try await Browser(client).get("/login?next=/%09/evil.example")
            #expect(page.text.contains("name=\"next\" value=\"/\""))
        }
    }
}
