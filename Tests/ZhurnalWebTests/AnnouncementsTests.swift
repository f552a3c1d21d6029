import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// Announcements through the real router: who may publish to whom, who reads them, and an expired one gone (issue 5).
struct AnnouncementsTests {
    @Test(arguments: TestDatabases.flavors)
    func theSchoolAndAClassAnnounceAndEachFamilyReadsItsOwn(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let director = try await JournalPageTests.signedIn(client, AccessSchool.Login.director)
            let form = try await director.get("/announcements")
            #expect(form.text.contains("<option value=\"school\">Вся школа</option>"))
            let published = try await director.post(
                "/announcements",
                [("audience", "school"), ("title", "Осенние каникулы"), ("body", "С 26 октября по 3 ноября."), ("expiresOn", "2026-10-25")]
            )
            #expect(published.status == .seeOther)
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let classOnly = try await teacher.call(
                .post,
                "/api/v1/announcements",
                json:
                    "{\"audience\": \"class_parents\", \"classId\": 1, \"title\": \"Собрание 5А\", \"body\": \"В четверг.\", \"expiresOn\": \"2026-10-15\"}"
            )
            #expect(classOnly.status == .created)
            try OpenAPITests.conforms(classOnly, to: "post /api/v1/announcements", in: document)

            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            let list = try await parent.call(.get, "/api/v1/announcements")
            try OpenAPITests.conforms(list, to: "get /api/v1/announcements", in: document)
            let titles = (try json(list)["announcements"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
            #expect(titles == ["Собрание 5А", "Осенние каникулы"])
            let other = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherParent)
            let theirs = (try json(try await other.call(.get, "/api/v1/announcements"))["announcements"] as? [[String: Any]])?.compactMap {
                $0["title"] as? String
            }
            #expect(theirs == ["Осенние каникулы"])
            // Another family's class announcement looks like none at all.
            let id = try #require(try json(classOnly)["id"] as? Int)
            #expect(try await other.call(.get, "/api/v1/announcements/\(id)").status == .notFound)
            let one = try await parent.call(.get, "/api/v1/announcements/\(id)")
            try OpenAPITests.conforms(one, to: "get /api/v1/announcements/{announcementId}", in: document)

            // The family's start page lists them.
            let browser = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            let home = try await browser.get("/")
            #expect(home.text.contains("Собрание 5А") && home.text.contains("для родителей 5А · до 15.10.2026"))
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM announcements") == 2)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func anExpiredAnnouncementIsGoneAndBadOnesAreRefused(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, database in
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let created = try await teacher.call(
                .post,
                "/api/v1/announcements",
                json: "{\"audience\": \"class\", \"classId\": 1, \"title\": \"Экскурсия\", \"body\": \"Во вторник.\", \"expiresOn\": \"2026-10-13\"}"
            )
            let id = try #require(try json(created)["id"] as? Int)
            for (json, code) in [
                (
                    "{\"audience\": \"class\", \"classId\": 1, \"title\": \"Старое\", \"body\": \"…\", \"expiresOn\": \"2026-10-11\"}",
                    "expiry_in_past"
                ),
                (
                    "{\"audience\": \"class\", \"classId\": 1, \"title\": \"Долгое\", \"body\": \"…\", \"expiresOn\": \"2027-12-01\"}",
                    "expiry_too_far"
                ),
                ("{\"audience\": \"class\", \"classId\": 1, \"title\": \"Дата\", \"body\": \"…\", \"expiresOn\": \"13.10.2026\"}", "bad_expiry"),
                ("{\"audience\": \"class\", \"classId\": 1, \"title\": \" \", \"body\": \"…\", \"expiresOn\": \"2026-10-13\"}", "empty_title"),
                ("{\"audience\": \"class\", \"title\": \"Без класса\", \"body\": \"…\", \"expiresOn\": \"2026-10-13\"}", "class_required"),
                ("{\"audience\": \"всем\", \"title\": \"Кому\", \"body\": \"…\", \"expiresOn\": \"2026-10-13\"}", "bad_audience"),
            ] {
                let refused = try await teacher.call(.post, "/api/v1/announcements", json: json)
                #expect(refused.status == .unprocessableContent)
                #expect(try errorCode(refused) == code)
                try OpenAPITests.conforms(refused, to: "post /api/v1/announcements", in: document)
            }
            // A homeroom teacher does not speak for the whole school, nor for another class.
            let schoolWide = try await teacher.call(
                .post,
                "/api/v1/announcements",
                json: "{\"audience\": \"school\", \"title\": \"Всем\", \"body\": \"…\", \"expiresOn\": \"2026-10-13\"}"
            )
            #expect(schoolWide.status == .forbidden)
            let otherClass = try await teacher.call(
                .post,
                "/api/v1/announcements",
                json:
                    "{\"audience\": \"class\", \"classId\": \(AccessSchool.otherClass), \"title\": \"6Б\", \"body\": \"…\", \"expiresOn\": \"2026-10-13\"}"
            )
            #expect(otherClass.status == .forbidden)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM announcements") == 1)

            clock.advance(seconds: 2 * 24 * 3600)
            let pupil = try await JournalAPITests.signedIn(client, AccessSchool.Login.pupil)
            let gone = try await pupil.call(.get, "/api/v1/announcements/\(id)")
            #expect(gone.status == .gone)
            #expect(try errorCode(gone) == "announcement_expired")
            try OpenAPITests.conforms(gone, to: "get /api/v1/announcements/{announcementId}", in: document)
            let current = try await pupil.call(.get, "/api/v1/announcements")
            #expect((try json(current)["announcements"] as? [Any])?.isEmpty == true)
            let browser = try await JournalPageTests.signedIn(client, AccessSchool.Login.pupil)
            let page = try await browser.get("/announcements/\(id)")
            #expect(page.status == .gone && page.text.contains("Объявление «Экскурсия» снято: срок его показа закончился 13.10.2026."))
        }
    }
}
