import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Sessions end on their own (idle and absolute limits by role), when the account is deactivated, and when their
/// owner ends them from "my sessions".
struct SessionLifetimeTests {
    @Test(arguments: TestDatabases.flavors)
    func aStaffSessionEndsAfterThirtyIdleMinutes(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, database in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            clock.advance(seconds: 29 * 60)
            #expect(try await teacher.get("/").status == .ok)
            clock.advance(seconds: 29 * 60)
            #expect(try await teacher.get("/").status == .ok)
            clock.advance(seconds: 30 * 60)
            #expect(try await teacher.get("/").location == "/login")
            let reason = try await database.read { sql in
                try await sql.raw("SELECT end_reason FROM sessions WHERE account_id = \(bind: TinySchool.teacher)").first()?
                    .decode(column: "end_reason", as: String?.self)
            }
            #expect(reason == "idle")
        }
    }

    @Test func aStaffSessionEndsAfterTwelveHoursWhateverItsUse() async throws {
        let clock = TestClock()
        try await TestApp.withSchool(.sqlite, clock: clock) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            for _ in 0..<(12 * 3 - 1) {
                clock.advance(seconds: 20 * 60)
                #expect(try await teacher.get("/").status == .ok)
            }
            clock.advance(seconds: 20 * 60)
            #expect(try await teacher.get("/").location == "/login")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aFamilySessionLastsDaysButNotMoreThanAMonth(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, _ in
            let parent = Browser(client)
            try await parent.signIn(AccessSchool.Login.parent)
            var api = APIClient(client: client)
            let issued = try await api.signIn(AccessSchool.Login.parent)
            #expect(try json(issued)["expiresAt"] as? String == "2026-11-11T09:00:00Z")
            for _ in 0..<4 {
                clock.advance(seconds: 6 * 86_400)
                #expect(try await parent.get("/").status == .ok)
                #expect(try await api.call(.get, "/api/v1/me").status == .ok)
            }
            clock.advance(seconds: 6 * 86_400)
            #expect(try await parent.get("/").location == "/login")
            #expect(try await api.call(.get, "/api/v1/me").status == .unauthorized)

            let idle = Browser(client, address: "198.51.100.60")
            try await idle.signIn(AccessSchool.Login.parent)
            clock.advance(seconds: 7 * 86_400)
            #expect(try await idle.get("/").location == "/login")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func deactivationEndsEverySessionAtTheVeryNextRequest(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            var api = APIClient(client: client)
            _ = try await api.signIn(AccessSchool.Login.teacher)

            let admin = Browser(client, address: "192.0.2.9")
            try await admin.signIn(AccessSchool.Login.admin)
            try await admin.get("/admin/people/\(TinySchool.teacher)")
            #expect(try await admin.post("/admin/people/\(TinySchool.teacher)/deactivate").status == .seeOther)

            #expect(try await teacher.get("/").location == "/login")
            let call = try await api.call(.get, "/api/v1/me")
            #expect(call.status == .unauthorized)
            #expect(try errorCode(call) == "invalid_token")
            let again = try await Browser(client, address: "198.51.100.70").signIn(AccessSchool.Login.teacher)
            #expect(again.status == .unauthorized)
            #expect(again.text.contains("Неверный логин или пароль."))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func mySessionsListsTheDevicesAndEndsOne(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let phone = Browser(client, address: "198.51.100.21")
            let laptop = Browser(client, address: "198.51.100.22")
            try await phone.signIn(AccessSchool.Login.parent)
            try await laptop.signIn(AccessSchool.Login.parent)
            let page = try await laptop.get("/account/sessions")
            #expect(page.text.contains("198.51.100.21"))
            #expect(page.text.contains("198.51.100.22"))
            #expect(page.text.contains("Chrome, Linux"))
            #expect(page.text.contains("Этот сеанс"))
            let other = try #require(page.text.between("action=\"/account/sessions/", "/end\""))
            #expect(try await laptop.post("/account/sessions/\(other)/end").location == "/account/sessions")
            #expect(try await phone.get("/").location == "/login")
            #expect(try await laptop.get("/").status == .ok)

            // Someone else's session is refused; an id the school does not have is not found.
            let teacher = Browser(client, address: "198.51.100.24")
            try await teacher.signIn(AccessSchool.Login.teacher)
            try await teacher.get("/account/sessions")
            let foreign = try await teacher.post("/account/sessions/\(other)/end")
            #expect(foreign.status == .forbidden)
            let missing = try await teacher.post("/account/sessions/999999/end")
            #expect(missing.status == .notFound)
        }
    }

    @Test func endingAllOtherSessionsKeepsThisOne() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let devices = (0..<3).map { Browser(client, address: "198.51.100.3\($0)") }
            for device in devices { try await device.signIn(AccessSchool.Login.deputy) }
            try await devices[0].get("/account/sessions")
            #expect(try await devices[0].post("/account/sessions/end-others").location == "/account/sessions")
            #expect(try await devices[0].get("/").status == .ok)
            #expect(try await devices[1].get("/").location == "/login")
            #expect(try await devices[2].get("/").location == "/login")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func anAdministratorEndsSomeoneElsesSessions(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let parent = Browser(client)
            try await parent.signIn(AccessSchool.Login.parent)
            let admin = Browser(client, address: "192.0.2.30")
            try await admin.signIn(AccessSchool.Login.admin)
            let card = try await admin.get("/admin/people/\(AccessSchool.parent)")
            #expect(card.text.contains("<dt>Открытых сеансов</dt><dd>1</dd>"))
            #expect(try await admin.post("/admin/people/\(AccessSchool.parent)/sessions/end").status == .seeOther)
            #expect(try await parent.get("/").location == "/login")
            #expect(try await admin.get("/admin/people/\(AccessSchool.parent)").text.contains("<dt>Открытых сеансов</dt><dd>0</dd>"))
            // The administrator is still signed in; a deputy may not do this.
            let deputy = Browser(client, address: "192.0.2.31")
            try await deputy.signIn(AccessSchool.Login.deputy)
            try await deputy.get("/")
            #expect(try await deputy.post("/admin/people/\(AccessSchool.parent)/sessions/end").status == .forbidden)
        }
    }
}
