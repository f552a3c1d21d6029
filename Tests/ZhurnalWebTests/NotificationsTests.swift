import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The family's start page, the notification feed and its settings, and the e-mail digest (issue 5). Today is Monday
/// 12.10.2026; Аксёнова's lesson 4 is today's mathematics.
struct NotificationsTests {
    @Test(arguments: TestDatabases.flavors)
    func aNewMarkIsNewOnTheStartPageUntilTheNextVisit(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock, extraSeed: DiaryTests.seeded) { client, _ in
            let father = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            let first = try await father.get("/")
            #expect(first.status == .ok)
            #expect(first.text.contains("<h2 id=\"family-title\">Аксёнова Мария Ивановна</h2>"))
            // Today's lesson with its bell, and tomorrow's day heading even without lessons.
            #expect(first.text.contains(">понедельник, 12.10 <span class=\"badge\">сегодня</span></h2>"))
            #expect(first.text.contains(">вторник, 13.10</h2>"))
            #expect(first.text.contains("Новое за две недели"))

            clock.advance(seconds: 600)
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let mark = try await teacher.call(.post, "/api/v1/lessons/4/marks", json: JournalAPITests.mark(TinySchool.aksyonova, "4"))
            #expect(mark.status == .created)
            clock.advance(seconds: 600)
            let second = try await father.get("/")
            #expect(second.text.contains("Новое с прошлого входа (12.10.2026 12:00)"))
            #expect(second.text.contains(">Математика: 4</a>"))
            let third = try await father.get("/")
            #expect(!third.text.contains(">Математика: 4</a>") && third.text.contains("Новых отметок и пропусков нет."))
            // The feed keeps it, no longer new.
            let feed = try await father.get("/notifications")
            #expect(feed.text.contains(">Математика: 4</a>") && feed.text.contains("Новые отметки"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aMutedKindLeavesTheFeedAndABadAddressIsRefused(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor, extraSeed: DiaryTests.seeded) { client, database in
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            _ = try await teacher.call(.post, "/api/v1/lessons/4/marks", json: JournalAPITests.mark(TinySchool.aksyonova, "5"))
            _ = try await teacher.call(.put, "/api/v1/lessons/4/attendance/\(TinySchool.aksyonova)", json: "{\"code\": \"оп\"}")
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            let feed = try await parent.call(.get, "/api/v1/notifications")
            try OpenAPITests.conforms(feed, to: "get /api/v1/notifications", in: document)
            let kinds = (try json(feed)["notifications"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
            #expect(kinds.contains("mark") && kinds.contains("absence"))

            let saved = try await parent.call(
                .put,
                "/api/v1/notifications/settings",
                json: "{\"muted\": [\"mark\"], \"email\": \"aksyonov@example.ru\"}"
            )
            try OpenAPITests.conforms(saved, to: "put /api/v1/notifications/settings", in: document)
            let after =
                (try json(try await parent.call(.get, "/api/v1/notifications"))["notifications"] as? [[String: Any]])?.compactMap {
                    $0["kind"] as? String
                } ?? []
            #expect(!after.contains("mark") && after.contains("absence"))
            for (json, code) in [
                ("{\"muted\": [\"marks\"]}", "bad_kind"), ("{\"muted\": [], \"email\": \"aksyonov@\"}", "bad_email"),
                ("{\"muted\": [], \"email\": \"a@b.ru\\nBcc: x@y.ru\"}", "bad_email"),
            ] {
                let refused = try await parent.call(.put, "/api/v1/notifications/settings", json: json)
                #expect(refused.status == .unprocessableContent)
                #expect(try errorCode(refused) == code)
            }
            // The page's form: unticked kinds are muted.
            let browser = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            _ = try await browser.get("/notifications")
            let posted = try await browser.post("/notifications/settings", [("kind_mark", "on"), ("email", "")])
            #expect(posted.status == .seeOther)
            let stored = try await database.read { sql in try await NotificationPreferences.of(school: 1, person: AccessSchool.parent, in: sql) }
            #expect(stored.muted.count == 6 && !stored.muted.contains(.mark) && stored.digestEmail == nil)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aFamilyWithoutConsentHearsNothingOfThePupilsJournal(flavor: SQLFlavor) async throws {
        let seed: @Sendable (Database) async throws -> Void = { database in
            try await TinySchool.addLesson(
                50,
                course: AccessSchool.otherCourse,
                on: "2026-10-12",
                number: 1,
                teacher: AccessSchool.otherTeacher,
                into: database
            )
        }
        try await TestApp.withSchool(flavor, extraSeed: seed) { client, _ in
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            let mark = try await teacher.call(.post, "/api/v1/lessons/50/marks", json: JournalAPITests.mark(AccessSchool.otherPupil, "5"))
            #expect(mark.status == .created)
            let mother = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherParent)
            let home = try await mother.get("/")
            #expect(home.text.contains("Дневник закрыт: в школе не записано согласие"))
            #expect(!home.text.contains("Математика: 5"))
            let feed = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherParent).call(.get, "/api/v1/notifications")
            #expect((try json(feed)["notifications"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aNewPasswordEndsTheDigestLikeTheSessions(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            let saved = try await parent.call(.put, "/api/v1/notifications/settings", json: "{\"muted\": [], \"email\": \"someone@example.ru\"}")
            #expect(saved.status == .ok)
            _ = try await PasswordFlowTests.issueInitialPassword(to: AccessSchool.parent, client: client)
            let settings = try await database.read { sql in try await NotificationPreferences.of(school: 1, person: AccessSchool.parent, in: sql) }
            #expect(settings.digestEmail == nil)
        }
    }
}
