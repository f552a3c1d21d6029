import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// «Ознакомлен»: Аксёнова's father confirms her weeks (today, in these tests, is Monday 12.10.2026), and her homeroom
/// teacher sees who did and when.
struct DiaryAcknowledgementTests {
    static let aksyonova = TinySchool.aksyonova

    @Test(arguments: TestDatabases.flavors)
    func aParentAcknowledgesAPastWeekOnce(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, database in
            let father = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            let week = "/students/\(Self.aksyonova)/diary?week=2026-10-05"
            let before = try await father.get(week).text
            #expect(before.contains("С этой неделей родители ещё не ознакомились."))
            #expect(before.contains("<button type=\"submit\" class=\"button\">Ознакомлен(а) с неделей</button>"))
            let done = try await father.post("/students/\(Self.aksyonova)/diary/acknowledgement", [("week", "2026-10-07")])
            #expect(done.status == .seeOther && done.location == week)
            let after = try await father.get(week).text
            #expect(after.contains("<p>Ознакомлен(а): Аксёнов Иван Петрович, 12.10.2026 12:00</p>"))
            #expect(!after.contains("Ознакомлен(а) с неделей</button>"))
            // A second confirmation an hour later keeps the first time.
            clock.advance(seconds: 3600)
            let api = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            let again = try await api.call(.post, "/api/v1/students/\(Self.aksyonova)/diary/acknowledgements", json: "{\"week\": \"2026-10-05\"}")
            try OpenAPITests.conforms(again, to: "post /api/v1/students/{studentId}/diary/acknowledgements", in: try await OpenAPITests.document())
            #expect(try json(again)["acknowledgedAt"] as? String == "2026-10-12T09:00:00Z")
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM diary_acknowledgements") == 1)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theCurrentWeekWaitsForFridayAndOnlyParentsAcknowledge(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let father = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            let now = try await father.get("/students/\(Self.aksyonova)/diary").text
            #expect(now.contains("С текущей неделей можно ознакомиться начиная с пятницы."))
            #expect(!now.contains("Ознакомлен(а) с неделей</button>"))
            let api = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            let uri = "/api/v1/students/\(Self.aksyonova)/diary/acknowledgements"
            for (week, code) in [("2026-10-14", "week_not_over"), ("2026-10-19", "week_not_begun"), ("вчера", "bad_week")] {
                let refused = try await api.call(.post, uri, json: "{\"week\": \"\(week)\"}")
                try OpenAPITests.conforms(refused, to: "post /api/v1/students/{studentId}/diary/acknowledgements", in: document)
                #expect(try errorCode(refused) == code, "\(week)")
            }
            // The pupil herself reads her diary but does not sign for her parents; another parent finds no such pupil.
            let pupil = try await JournalAPITests.signedIn(client, AccessSchool.Login.pupil)
            #expect(try await pupil.call(.post, uri, json: "{\"week\": \"2026-10-05\"}").status == .forbidden)
            let stranger = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherParent)
            #expect(try await stranger.call(.post, uri, json: "{\"week\": \"2026-10-05\"}").status == .notFound)
            // Громова's own son has no consent on record: his diary, and so its acknowledgement, is closed.
            let closed = try await stranger.call(
                .post,
                "/api/v1/students/\(AccessSchool.otherPupil)/diary/acknowledgements",
                json: "{\"week\": \"2026-10-05\"}"
            )
            #expect(try errorCode(closed) == "diary_closed")
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM diary_acknowledgements") == 0)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theHomeroomTeacherSeesWhoAcknowledgedWhen(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let father = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            _ = try await father.get("/students/\(Self.aksyonova)/diary?week=2026-10-05")
            #expect(try await father.post("/students/\(Self.aksyonova)/diary/acknowledgement", [("week", "2026-10-05")]).status == .seeOther)
            let smirnova = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await smirnova.get("/").text.contains("<a href=\"/classes/1/acknowledgements\">5А: Ознакомление родителей с дневником</a>"))
            // On a Monday the default is the week just over.
            let page = try await smirnova.get("/classes/1/acknowledgements")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<strong class=\"week-title\">05.10 – 11.10.2026</strong>"))
            #expect(
                html.contains(
                    "<a href=\"/messages/new?to=\(AccessSchool.parent)\">Аксёнов Иван Петрович</a>: <span class=\"ack-done\">ознакомлен(а) 12.10.2026 12:00</span>"
                )
            )
            #expect(html.contains("Ознакомились родители 1 из 2 учеников."))
            #expect(html.contains("родители не указаны"))
            let earlier = try await smirnova.get("/classes/1/acknowledgements?week=2026-09-28").text
            #expect(earlier.contains("Ознакомились родители 0 из 2 учеников.") && earlier.contains("<span class=\"muted\">нет</span>"))
            // Another class's homeroom teacher and a parent may not; the deputy may.
            let orlov = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await orlov.get("/classes/1/acknowledgements").status == .forbidden)
            #expect(try await father.get("/classes/1/acknowledgements").status == .forbidden)
            let deputy = try await JournalPageTests.signedIn(client, AccessSchool.Login.deputy)
            #expect(try await deputy.get("/classes/1/acknowledgements").status == .ok)
            #expect(try await deputy.get("/classes/99/acknowledgements").status == .notFound)
        }
    }
}
