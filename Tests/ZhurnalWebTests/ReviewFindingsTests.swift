import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Attacks a security review of the sign-in found possible, each now refused.
struct ReviewFindingsTests {
    /// A known password must not reset the count of guessed second-factor codes.
    @Test(arguments: TestDatabases.flavors)
    func secondFactorGuessesKeepCountingAcrossFreshSignIns(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: SecondFactorFlowTests.enrolDeputy) { client, _ in
            var statuses: [HTTPResponse.Status] = []
            for round in 0..<4 {
                let attacker = Browser(client, address: "198.51.100.\(100 + round)")
                let signIn = try await attacker.signIn(AccessSchool.Login.deputy)
                if signIn.status == .tooManyRequests {
                    statuses.append(.tooManyRequests)
                    continue
                }
                try await attacker.get("/login/second-factor")
                for _ in 0..<2 {
                    statuses.append(try await attacker.post("/login/second-factor", [("code", "000000")]).status)
                }
            }
            // Five wrong codes are free; the sixth attempt on this login waits, password or code.
            #expect(statuses.prefix(5).allSatisfy { $0 == .unauthorized })
            #expect(statuses.contains(.tooManyRequests))
        }
    }

    /// Parallel guesses cannot all pass through the free slots.
    @Test(arguments: TestDatabases.flavors)
    func parallelGuessesAreCountedOneByOne(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for attempt in 0..<20 {
                    group.addTask {
                        var api = APIClient(client: client, address: "203.0.113.\(attempt)")
                        return try await api.signIn(AccessSchool.Login.teacher, "неверный пароль \(attempt)").status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count <= 5)
            #expect(statuses.filter { $0 == .unauthorized }.count + statuses.filter { $0 == .tooManyRequests }.count == 20)
            // The throttle keeps no login in clear: people type passwords into that field.
            let keys = try await database.read { sql in
                try await sql.raw("SELECT throttle_key FROM sign_in_throttle").all().map { try $0.decode(column: "throttle_key", as: String.self) }
            }
            #expect(!keys.isEmpty)
            #expect(keys.allSatisfy { !$0.contains(AccessSchool.Login.teacher) })
        }
    }

    /// No lock: after the longest delay the right password works again, however many failures came before.
    @Test func theRealTeacherWaitsAMinuteAtMost() async throws {
        let clock = TestClock()
        try await TestApp.withSchool(.sqlite, clock: clock) { client, _ in
            for attempt in 0..<40 {
                _ = try await Browser(client, address: "203.0.113.\(attempt)").signIn(AccessSchool.Login.teacher, "неверный")
                clock.advance(seconds: 61)
            }
            #expect(try await Browser(client, address: "192.0.2.200").signIn(AccessSchool.Login.teacher).location == "/")
        }
    }

    /// The secret being enrolled belongs to the session that shows it; a page opened elsewhere shows another one,
    /// and an ordinary session confirms with the current password.
    @Test(arguments: TestDatabases.flavors)
    func theEnrolmentSecretStaysWithItsSessionAndNeedsThePassword(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, database in
            let owner = Browser(client, address: "198.51.100.120")
            let intruder = Browser(client, address: "198.51.100.121")
            try await owner.signIn(AccessSchool.Login.teacher)
            try await intruder.signIn(AccessSchool.Login.teacher)
            let ownerPage = try await owner.get("/account/second-factor").text
            let intruderPage = try await intruder.get("/account/second-factor").text
            let ownerKey = try #require(ownerPage.between("<code class=\"secret\">", "</code>"))
            let intruderKey = try #require(intruderPage.between("<code class=\"secret\">", "</code>"))
            #expect(ownerKey != intruderKey)
            #expect(ownerPage.contains("name=\"current\""))

            let secret = try #require(
                try await database.read { sql in
                    try await sql.raw(
                        "SELECT pending_totp_secret FROM sessions WHERE client_address = '198.51.100.120' AND ended_at IS NULL"
                    ).first()?.decode(column: "pending_totp_secret", as: String?.self)
                }
            )
            let code = SecondFactor.code(secret: secret, at: clock.now)
            let noPassword = try await owner.post("/account/second-factor", [("code", code)])
            #expect(noPassword.status == .unprocessableContent)
            #expect(noPassword.text.contains("Текущий пароль введён неверно."))
            let before = owner.sessionCookie
            let done = try await owner.post("/account/second-factor", [("code", code), ("current", AccessSchool.password)])
            #expect(done.text.contains("Резервные коды"))
            // More rights, new session id.
            #expect(owner.sessionCookie != before)
            #expect(try await owner.get("/").status == .ok)
            // The intruder's pending secret is worthless now: the account has its factor.
            let late = try await intruder.post(
                "/account/second-factor",
                [("code", SecondFactor.code(secret: secret, at: clock.now)), ("current", AccessSchool.password)]
            )
            #expect(late.location == "/account/second-factor")
        }
    }

    /// New rights come with a new sign-in: a role change ends the account's sessions and is logged.
    @Test(arguments: TestDatabases.flavors)
    func aRoleChangeEndsTheSessionsAndIsLogged(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let parent = Browser(client, address: "198.51.100.130")
            try await parent.signIn(AccessSchool.Login.parent)
            var app = APIClient(client: client)
            _ = try await app.signIn(AccessSchool.Login.parent)
            let admin = Browser(client, address: "198.51.100.131")
            try await admin.signIn(AccessSchool.Login.admin)
            try await admin.get("/admin/people/\(AccessSchool.parent)")
            #expect(
                try await admin.post("/admin/people/\(AccessSchool.parent)/roles", [("role_parent", "on"), ("role_admin", "on")]).status == .seeOther
            )
            #expect(try await parent.get("/").location == "/login")
            #expect(try await app.call(.get, "/api/v1/me").status == .unauthorized)
            // Signing in again as an administrator now asks for a second factor to be enrolled.
            #expect(try await Browser(client, address: "198.51.100.132").signIn(AccessSchool.Login.parent).location == "/account/second-factor")
            let logged = try await database.read { sql in
                try await sql.raw("SELECT detail FROM security_events WHERE kind = 'roles_changed'").all()
                    .map { try $0.decode(column: "detail", as: String.self) }
            }
            #expect(logged == ["admin parent by admin"])
        }
    }

    /// A school's administrator cannot take over an observer, whose schools the operator granted.
    @Test func anObserverIsNotTheSchoolAdministratorsToReset() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let admin = Browser(client)
            try await admin.signIn(AccessSchool.Login.admin)
            try await admin.get("/admin/people/\(AccessSchool.observer)")
            #expect(try await admin.post("/admin/people/\(AccessSchool.observer)/credentials").status == .forbidden)
            #expect(try await admin.post("/admin/people/\(AccessSchool.observer)/deactivate").status == .forbidden)
        }
    }

    /// Passing the second factor gives the session a new id.
    @Test func theSessionIdChangesWhenTheSecondFactorIsPassed() async throws {
        let clock = TestClock()
        try await TestApp.withSchool(.sqlite, clock: clock, extraSeed: SecondFactorFlowTests.enrolDeputy) { client, _ in
            let deputy = Browser(client)
            try await deputy.signIn(AccessSchool.Login.deputy)
            let before = try #require(deputy.sessionCookie)
            try await deputy.get("/login/second-factor")
            let passed = try await deputy.post(
                "/login/second-factor",
                [("code", SecondFactor.code(secret: SecondFactorFlowTests.deputySecret, at: clock.now))]
            )
            #expect(passed.location == "/")
            #expect(deputy.sessionCookie != before)
            let old = try await client.execute(uri: "/", method: .get, headers: [.cookie: "zhurnal=\(before)"], body: nil)
            #expect(old.location == "/login")
        }
    }
}
