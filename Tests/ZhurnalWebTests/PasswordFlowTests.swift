import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Initial passwords from the administrator: single use, expiring, forcing a new password that meets the rules;
/// changing a password ends every other session.
struct PasswordFlowTests {
    /// Signs the administrator in, issues a new one-time password to `person` and reads it off the slip.
    static func issueInitialPassword(to person: Int, client: any TestClientProtocol) async throws -> (login: String, password: String) {
        let admin = Browser(client, address: "192.0.2.50")
        try await admin.signIn(AccessSchool.Login.admin)
        try await admin.get("/admin/people/\(person)")
        let slip = try await admin.post("/admin/people/\(person)/credentials")
        #expect(slip.status == .ok)
        return (
            try #require(slip.text.between("<dt>Логин</dt><dd><code>", "</code>")),
            try #require(slip.text.between("<code class=\"password\">", "</code>"))
        )
    }

    @Test(arguments: TestDatabases.flavors)
    func anInitialPasswordWorksOnceAndForcesANewOne(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let (login, initial) = try await Self.issueInitialPassword(to: TinySchool.aksyonova, client: client)
            #expect(login == AccessSchool.Login.pupil)
            #expect(initial.count == 14)

            let pupil = Browser(client)
            let answer = try await pupil.signIn(login, initial)
            #expect(answer.location == "/password")
            // Until the password is changed, every page leads back to the form, and the API refuses.
            #expect(try await pupil.get("/").location == "/password")
            #expect(try await pupil.get("/api/v1/me").status == .forbidden)
            let form = try await pupil.get("/password")
            #expect(form.text.contains("Придумайте свой пароль"))
            #expect(!form.text.contains("name=\"current\""))

            // A second device cannot reuse the initial password.
            let again = try await Browser(client, address: "198.51.100.99").signIn(login, initial)
            #expect(again.status == .unauthorized)
            #expect(again.text.contains("Этот одноразовый пароль уже использован"))

            let short = try await pupil.post("/password", [("password", "короткий"), ("repeated", "короткий")])
            #expect(short.status == .unprocessableContent)
            #expect(short.text.contains("Пароль слишком короткий: 8 символов, нужно не меньше 10."))
            let common = try await pupil.post("/password", [("password", "qwerty123456"), ("repeated", "qwerty123456")])
            #expect(common.status == .unprocessableContent)
            let differ = try await pupil.post("/password", [("password", "моя тайная фраза"), ("repeated", "моя тайная фраз")])
            #expect(differ.text.contains("не совпадают"))
            let hashBefore = try await Self.passwordHash(login, database)

            let changed = try await pupil.post("/password", [("password", "моя тайная фраза"), ("repeated", "моя тайная фраза")])
            #expect(changed.status == .seeOther)
            #expect(changed.location == "/")
            #expect(try await pupil.get("/").status == .ok)
            #expect(try await Self.passwordHash(login, database) != hashBefore)

            // The new password signs in, the initial one no longer does.
            #expect(try await Browser(client, address: "198.51.100.98").signIn(login, "моя тайная фраза").location == "/")
            #expect(try await Browser(client, address: "198.51.100.97").signIn(login, initial).status == .unauthorized)
            let events = try await database.read { sql in
                try await sql.raw("SELECT kind FROM security_events WHERE login = \(bind: login) ORDER BY id").all()
                    .map { try $0.decode(column: "kind", as: String.self) }
            }
            #expect(events.contains("password_reset"))
            #expect(events.contains("password_changed"))
        }
    }

    @Test func anInitialPasswordExpiresAfterFourteenDays() async throws {
        let clock = TestClock()
        try await TestApp.withSchool(.sqlite, clock: clock) { client, _ in
            let (login, initial) = try await Self.issueInitialPassword(to: TinySchool.aksyonova, client: client)
            clock.advance(seconds: 14 * 86_400 + 1)
            let late = try await Browser(client).signIn(login, initial)
            #expect(late.status == .unauthorized)
            #expect(late.text.contains("Срок действия одноразового пароля истёк"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func changingThePasswordEndsEveryOtherSession(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let phone = Browser(client, address: "198.51.100.10")
            let laptop = Browser(client, address: "198.51.100.11")
            try await phone.signIn(AccessSchool.Login.teacher)
            try await laptop.signIn(AccessSchool.Login.teacher)
            var api = APIClient(client: client)
            #expect(try await api.signIn(AccessSchool.Login.teacher).status == .ok)
            let oldCookie = laptop.sessionCookie

            try await laptop.get("/password")
            let wrong = try await laptop.post(
                "/password",
                [("current", "не тот пароль"), ("password", "новая длинная фраза"), ("repeated", "новая длинная фраза")]
            )
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Текущий пароль введён неверно."))
            let same = try await laptop.post(
                "/password",
                [("current", AccessSchool.password), ("password", AccessSchool.password), ("repeated", AccessSchool.password)]
            )
            #expect(same.text.contains("совпадает с прежним"))
            let changed = try await laptop.post(
                "/password",
                [("current", AccessSchool.password), ("password", "новая длинная фраза"), ("repeated", "новая длинная фраза")]
            )
            #expect(changed.status == .seeOther)
            // This browser got a new session id; the other devices are signed out.
            #expect(laptop.sessionCookie != oldCookie)
            #expect(try await laptop.get("/").status == .ok)
            #expect(try await phone.get("/").location == "/login")
            #expect(try await api.call(.get, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test func aGuessablePasswordIsRefusedWithTheWordNamed() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            try await teacher.get("/password")
            let answer = try await teacher.post(
                "/password",
                [("current", AccessSchool.password), ("password", "Смирнова2026!!"), ("repeated", "Смирнова2026!!")]
            )
            #expect(answer.status == .unprocessableContent)
            #expect(answer.text.contains("Смирнова"))
        }
    }

    static func passwordHash(_ login: String, _ database: Database) async throws -> String {
        try await database.read { sql in
            try await sql.raw("SELECT password_hash FROM accounts WHERE login = \(bind: login)").first()!
                .decode(column: "password_hash", as: String.self)
        }
    }
}

extension String {
    /// The text between the first `start` and the `end` after it.
    func between(_ start: String, _ end: String) -> String? {
        guard let from = range(of: start), let to = self[from.upperBound...].range(of: end) else { return nil }
        return String(self[from.upperBound..<to.lowerBound])
    }
}
