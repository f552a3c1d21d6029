import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// `/admin/security` (SECURITY.md, Audit): sign-ins, failures and refusals in Russian, filtered and paged, for the
/// administrator only — and never a password in the log behind it.
struct SecurityLogPageTests {
    typealias Login = AccessSchool.Login

    @Test(arguments: TestDatabases.flavors)
    func theLogShowsSignInsFailuresAndRefusalsInRussian(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let teacher = Browser(client, address: "198.51.100.7")
            try await teacher.signIn(Login.teacher)
            try await teacher.get("/admin/people")
            try await Browser(client, address: "198.51.100.8").signIn(Login.deputy, "совсем не тот пароль")
            try await Browser(client, address: "198.51.100.9").signIn("nobody", "совсем не тот пароль")

            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let page = try await admin.get("/admin/security")
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1 id=\"log-title\">Журнал безопасности</h1>"))
            // Newest first; the unknown login's failure belongs to no school and is not here.
            #expect(
                PageText.rows(page.text) == [
                    ["12.10.2026 12:00", "Вход", Login.admin, "198.51.100.200", "browser"],
                    ["12.10.2026 12:00", "Неудачный вход", Login.deputy, "198.51.100.8", "wrong password"],
                    ["12.10.2026 12:00", "Отказ в доступе", Login.teacher, "198.51.100.7", "manageAccounts /admin/people"],
                    ["12.10.2026 12:00", "Вход", Login.teacher, "198.51.100.7", "browser"],
                ]
            )
            #expect(!page.text.contains("nobody"))
            let failures = try await admin.get("/admin/security?kind=sign_in_failed")
            #expect(PageText.rows(failures.text) == [["12.10.2026 12:00", "Неудачный вход", Login.deputy, "198.51.100.8", "wrong password"]])
            #expect(failures.text.contains("<option value=\"sign_in_failed\" selected>Неудачный вход</option>"))
            #expect(page.text.contains("<option value=\"access_denied\">Отказ в доступе</option>"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theLogFiltersByKindLoginAndDates(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, _ in
            // 12.10: the deputy mistypes, the teacher signs in; 14.10: the deputy mistypes again; 16.10: the director.
            try await Browser(client, address: "198.51.100.11").signIn(Login.deputy, "совсем не тот пароль")
            try await Browser(client, address: "198.51.100.12").signIn(Login.teacher)
            clock.advance(seconds: 2 * 86_400)
            try await Browser(client, address: "198.51.100.13").signIn(Login.deputy, "опять не тот пароль")
            clock.advance(seconds: 2 * 86_400)
            try await Browser(client, address: "198.51.100.14").signIn(Login.director)
            let admin = try await AdminPeopleTests.signedInAdmin(client)

            func rows(_ query: String) async throws -> [[String]] {
                let page = try await admin.get("/admin/security?" + query)
                #expect(page.status == .ok, "\(query)")
                return PageText.rows(page.text)
            }
            let failures = try await rows("kind=sign_in_failed")
            #expect(failures.map { $0[0] } == ["14.10.2026 12:00", "12.10.2026 12:00"])
            #expect(failures.allSatisfy { $0[1] == "Неудачный вход" && $0[2] == Login.deputy })
            #expect(try await rows("kind=sign_in").map { $0[2] } == [Login.admin, Login.director, Login.teacher])

            let deputy = try await rows("login=DEPUTY")
            #expect(deputy.map { $0[3] } == ["198.51.100.13", "198.51.100.11"])
            #expect(try await admin.get("/admin/security?login=DEPUTY").text.contains("value=\"deputy\""))
            #expect(try await rows("login=\(Login.teacher)&kind=sign_in_failed").isEmpty)

            #expect(try await rows("from=2026-10-13&to=2026-10-15").map { $0[0] } == ["14.10.2026 12:00"])
            #expect(try await rows("to=2026-10-12").map { $0[2] } == [Login.teacher, Login.deputy])
            #expect(try await rows("from=2026-10-16").map { $0[2] } == [Login.admin, Login.director])
            #expect(try await rows("from=2026-10-12&to=2026-10-12&kind=sign_in_failed&login=deputy").map { $0[3] } == ["198.51.100.11"])
            let empty = try await admin.get("/admin/security?from=2026-10-13&to=2026-10-13")
            #expect(empty.text.contains("Событий нет."))
            // The form shows the filter in force.
            let kept = try await admin.get("/admin/security?from=2026-10-13&to=2026-10-15")
            #expect(kept.text.contains("name=\"from\" type=\"date\" value=\"2026-10-13\""))
            #expect(kept.text.contains("name=\"to\" type=\"date\" value=\"2026-10-15\""))
        }
    }

    /// The page shows Moscow time; a day chosen in the filter is the day the page shows, so an event at 01:30 on
    /// 13.10 (22:30 UTC on 12.10) is found under 13.10 and not under 12.10.
    @Test(arguments: TestDatabases.flavors)
    func theDateFilterUsesTheDaysThePageShows(flavor: SQLFlavor) async throws {
        let clock = TestClock(ISO8601DateFormatter().date(from: "2026-10-12T22:30:00Z")!)
        try await TestApp.withSchool(flavor, clock: clock) { client, _ in
            try await Browser(client, address: "198.51.100.15").signIn(Login.deputy, "совсем не тот пароль")
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let shown = PageText.rows(try await admin.get("/admin/security?kind=sign_in_failed").text)
            #expect(shown.map { $0[0] } == ["13.10.2026 01:30"])
            let thirteenth = PageText.rows(try await admin.get("/admin/security?kind=sign_in_failed&from=2026-10-13&to=2026-10-13").text)
            #expect(thirteenth.map { $0[0] } == ["13.10.2026 01:30"])
            let twelfth = PageText.rows(try await admin.get("/admin/security?kind=sign_in_failed&from=2026-10-12&to=2026-10-12").text)
            #expect(twelfth.isEmpty)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aBadDateIsRefusedInRussian(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            for (query, name) in [("from=12.10.2026", "«с»"), ("to=2026-13-01", "«по»"), ("from=2026-02-30", "«с»"), ("to=вчера", "«по»")] {
                let page = try await admin.get(PageText.uri("/admin/security?" + query))
                #expect(page.status == .unprocessableContent, "\(query)")
                #expect(page.text.contains("Дата \(name) должна быть в виде ГГГГ-ММ-ДД, например 2026-09-01."), "\(query)")
                #expect(page.text.contains("role=\"alert\""), "\(query)")
            }
            #expect(try await admin.get("/admin/security?from=2026-10-01&to=2026-10-31").status == .ok)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theLogPagesAHundredAtATime(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            try await database.write { sql in
                var events = RowBatch(table: "security_events", columns: ["school_id", "at", "kind", "login", "client_address", "detail"])
                for number in 1...150 {
                    let minute = String(format: "%02d", number % 60)
                    events.append([1, "2026-10-11T0\(number / 60):\(minute):00Z", "sign_in_failed", "p\(number)", "192.0.2.1", "wrong password"])
                }
                events.append([2, "2026-10-11T05:00:00Z", "sign_in_failed", "zhukov", "192.0.2.2", "wrong password"])
                try await events.flush(into: sql)
            }
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let first = try await admin.get("/admin/security")
            let firstRows = PageText.rows(first.text)
            #expect(firstRows.count == 100)
            #expect(firstRows.first?[2] == Login.admin)
            #expect(firstRows.last?[2] == "p52")
            let older = try #require(PageText.link(first.text, labelled: "Более ранние →"))
            #expect(older.hasPrefix("/admin/security?before="))

            let second = try await admin.get(older)
            let secondRows = PageText.rows(second.text)
            #expect(secondRows.map { $0[2] } == (1...51).reversed().map { "p\($0)" })
            #expect(PageText.link(second.text, labelled: "Более ранние →") == nil)
            #expect(!first.text.contains("zhukov") && !second.text.contains("zhukov"))

            // The link keeps the filter.
            let failures = try await admin.get("/admin/security?kind=sign_in_failed&login=&from=2026-10-11")
            #expect(PageText.rows(failures.text).map { $0[2] } == (51...150).reversed().map { "p\($0)" })
            let next = try #require(PageText.link(failures.text, labelled: "Более ранние →"))
            #expect(next.contains("kind=sign_in_failed"))
            #expect(next.contains("from=2026-10-11"))
            #expect(PageText.rows(try await admin.get(next).text).map { $0[2] } == (1...50).reversed().map { "p\($0)" })
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func onlyTheAdministratorReadsTheLogOfHisOwnSchool(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            for login in [Login.deputy, Login.director, Login.teacher, Login.observer, Login.parent] {
                let browser = Browser(client)
                try await browser.signIn(login)
                let page = try await browser.get("/admin/security")
                #expect(page.status == .forbidden, "\(login)")
                #expect(page.text.contains("У вас нет прав"), "\(login)")
                #expect(!page.text.contains("Журнал безопасности</h1>"), "\(login)")
            }
            let other = Browser(client, address: "198.51.100.99")
            try await other.signIn(Login.otherSchoolAdmin)
            let page = try await other.get("/admin/security")
            #expect(page.status == .ok)
            let logins = Set(PageText.rows(page.text).map { $0[2] })
            #expect(logins == [Login.otherSchoolAdmin])

            var api = APIClient(client: client)
            try await api.signIn(Login.deputy)
            let json = try await api.call(.get, "/admin/security")
            #expect(json.status == .forbidden)
        }
    }

    /// Signing in right and wrong, by form and by token, issuing slips, resetting, creating staff, signing in with the
    /// slips and choosing a new password: no password, token or cookie reaches any column of `security_events`.
    @Test(arguments: TestDatabases.flavors)
    func noPasswordOrTokenEverReachesTheLog(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            var secrets = [AccessSchool.password]
            let wrong = "неверный пароль 7431"
            secrets.append(wrong)
            for login in [Login.teacher, Login.parent, Login.deputy] {
                let browser = Browser(client)
                try await browser.signIn(login)
                secrets.append(try #require(browser.sessionCookie))
                try await Browser(client, address: "198.51.100.3").signIn(login, wrong)
                var api = APIClient(client: client)
                try await api.signIn(login)
                secrets.append(try #require(api.token))
                var bad = APIClient(client: client)
                try await bad.signIn(login, wrong)
            }

            let admin = try await AdminPeopleTests.signedInAdmin(client)
            try await admin.get("/admin/people?class=1")
            var slips = PageText.slips(try await admin.post("/admin/classes/1/credentials", [("who", "pupils")]).text)
            slips += PageText.slips(try await admin.post("/admin/classes/1/credentials", [("who", "parents")]).text)
            slips += PageText.slips(try await admin.post("/admin/people/\(TinySchool.teacher)/credentials").text)
            try await admin.get("/admin/people/new")
            slips += PageText.slips(
                try await admin.post("/admin/people", [("lastName", "Петрова"), ("firstName", "Анна"), ("role_teacher", "on")]).text
            )
            // Волков's new account (the others of 5А and their parents have theirs), the teacher's reset and a new
            // member of staff's.
            #expect(slips.count == 3)
            secrets += slips.map(\.password)

            let chosen = "мой новый длинный пароль 2026"
            secrets.append(chosen)
            for (index, slip) in slips.enumerated() {
                let browser = Browser(client, address: "198.51.100.4")
                #expect(try await browser.signIn(slip.login, slip.password).location == "/password", "\(slip.login)")
                try await browser.get("/password")
                let password = "\(chosen) №\(index + 1)"
                let changed = try await browser.post("/password", [("password", password), ("repeated", password)])
                #expect(changed.location == "/", "\(slip.login)")
                secrets.append(password)
            }

            let stored = try await Stored.everyValue(of: "security_events", in: database)
            #expect(stored.count > 40)
            for secret in secrets {
                #expect(!stored.contains { $0.contains(secret) }, "\(secret.prefix(3))…")
            }
            // The sessions keep hashes of their tokens, never the tokens.
            let sessions = try await Stored.everyValue(of: "sessions", in: database)
            for secret in secrets {
                #expect(!sessions.contains { $0.contains(secret) }, "\(secret.prefix(3))…")
            }
        }
    }
}
