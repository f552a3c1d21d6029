import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// A cell's history one click away: `GET /api/v1/lessons/{id}/students/{sid}/history` for the grid's script and
/// `/lessons/{id}/students/{sid}/history` as a page, for the course's teacher, the deputy and the administrator only.
/// "Today" is 12.10; lesson 4 is that day's, lesson 2 (14.09) is past the 7-day window.
struct CellHistoryRouteTests {
    static let volkovsCell = "/api/v1/lessons/4/students/\(TinySchool.volkov)/history"

    static func lines(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try json(response)["history"] as? [[String: Any]])
    }

    @Test(arguments: TestDatabases.flavors)
    func theTeacherSeesEveryChangeOfTheCellADeletedMarkIncluded(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let created = try await teacher.call(.post, "/api/v1/lessons/4/marks", json: JournalAPITests.mark(TinySchool.volkov, "4"))
            let id = try #require(try json(created)["id"] as? Int)
            _ = try await teacher.call(.patch, "/api/v1/marks/\(id)", json: "{\"value\": \"5\", \"comment\": \"у доски\", \"version\": 1}")
            _ = try await teacher.call(.put, "/api/v1/lessons/4/attendance/\(TinySchool.volkov)", json: "{\"code\": \"оп\"}")
            #expect(try await teacher.call(.delete, "/api/v1/marks/\(id)", json: "{\"version\": 2}").status == .noContent)
            // Another pupil's mark in the same lesson is another cell.
            _ = try await teacher.call(.post, "/api/v1/lessons/4/marks", json: JournalAPITests.mark(TinySchool.aksyonova, "3"))

            let answer = try await teacher.call(.get, Self.volkovsCell)
            #expect(answer.status == .ok)
            #expect(try json(answer)["lessonId"] as? Int == 4)
            #expect(try json(answer)["studentId"] as? Int == TinySchool.volkov)
            let lines = try Self.lines(answer)
            #expect(lines.map { $0["entity"] as? String } == ["mark", "mark", "attendance", "mark"])
            #expect(lines.map { $0["action"] as? String } == ["create", "update", "create", "delete"])
            #expect(lines.map { $0["markId"] as? Int } == [id, id, nil, id])
            #expect(lines[1]["oldValue"] as? String == "4 · Ответ на уроке (×1)")
            #expect(lines[1]["newValue"] as? String == "5 · Ответ на уроке (×1) · у доски")
            #expect(lines[3]["newValue"] == nil)
            #expect(lines.allSatisfy { $0["actorName"] as? String == "Смирнова Ольга Петровна" && $0["actorRole"] as? String == "teacher" })
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theDeputysCorrectionShowsWithItsRoleAndReason(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let deputy = try await APIClient.signedIn(client, AccessSchool.Login.deputy)
            let corrected = try await deputy.call(
                .post,
                "/api/v1/lessons/2/marks",
                json: JournalAPITests.mark(TinySchool.aksyonova, "5", reason: "справка")
            )
            #expect(corrected.status == .created)
            for login in [AccessSchool.Login.deputy, AccessSchool.Login.admin, AccessSchool.Login.teacher] {
                let reader = try await APIClient.signedIn(client, login)
                let answer = try await reader.call(.get, "/api/v1/lessons/2/students/\(TinySchool.aksyonova)/history")
                #expect(answer.status == .ok, "\(login)")
                let line = try #require(try Self.lines(answer).last)
                #expect(line["actorName"] as? String == "Морозова Елена Павловна")
                #expect(line["actorRole"] as? String == "deputy")
                #expect(line["reason"] as? String == "справка")
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func othersAreRefusedAndOtherSchoolsAndStrangersAreNotFound(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            // Another teacher, the pupil, her parent, and the director and homeroom-less roles that read but keep no
            // history: refused, and each refusal logged.
            let refused = [
                AccessSchool.Login.otherTeacher, AccessSchool.Login.parent, AccessSchool.Login.pupil, AccessSchool.Login.director,
                AccessSchool.Login.observer,
            ]
            for login in refused {
                let someone = try await APIClient.signedIn(client, login)
                let answer = try await someone.call(.get, "/api/v1/lessons/4/students/\(TinySchool.aksyonova)/history")
                #expect(answer.status == .forbidden, "\(login)")
            }
            #expect(
                try await Stored.denials(database).filter { $0.detail?.hasPrefix("readHistory /api/v1/lessons/4/") == true }.count == refused.count
            )
            let foreign = try await APIClient.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await foreign.call(.get, "/api/v1/lessons/4/students/\(TinySchool.aksyonova)/history").status == .notFound)
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            // No such lesson; a pupil of another class; Волков, who came after 07.09 and has nothing there.
            for uri in [
                "/api/v1/lessons/99/students/\(TinySchool.aksyonova)/history",
                "/api/v1/lessons/4/students/\(AccessSchool.otherPupil)/history",
                "/api/v1/lessons/1/students/\(TinySchool.volkov)/history",
                "/api/v1/lessons/4/students/\(AccessSchool.otherSchoolPupil)/history",
            ] {
                let answer = try await teacher.call(.get, uri)
                #expect(answer.status == .notFound, "\(uri)")
                #expect(try errorCode(answer) == "not_found", "\(uri)")
            }
            // Without a sign-in: 401, as everywhere in the API.
            #expect(try await APIClient(client: client).call(.get, Self.volkovsCell).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePlainPageListsTheChangesAndTheLessonPageLinksToIt(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let deputy = try await APIClient.signedIn(client, AccessSchool.Login.deputy)
            _ = try await deputy.call(
                .post,
                "/api/v1/lessons/2/marks",
                json: JournalAPITests.mark(TinySchool.aksyonova, "3", reason: "<b>пересдача</b>")
            )
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            let page = try await teacher.get("/lessons/2/students/\(TinySchool.aksyonova)/history")
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h1 id=\"history-title\">История клетки: Аксёнова Мария Ивановна</h1>"))
            #expect(html.contains("<a href=\"/lessons/2\">← Урок 14.09.2026, 1-й урок</a>"))
            #expect(html.contains("<td data-label=\"Что\">Отметка поставлена</td>"))
            #expect(html.contains("Морозова Елена Павловна<span class=\"small history-role\">Заместитель директора по УВР</span>"))
            #expect(html.contains("<td data-label=\"Стало\">3 · Ответ на уроке (×1)</td>"))
            // 09:00 UTC is 12:00 in Moscow; the reason is text, not markup.
            #expect(html.contains("<td data-label=\"Когда\">12.10.2026 12:00</td>"))
            #expect(html.contains("&lt;b&gt;пересдача&lt;/b&gt;") && !html.contains("<b>пересдача"))
            // A cell with no change yet says so.
            #expect(try await teacher.get("/lessons/4/students/\(TinySchool.volkov)/history").text.contains("Изменений в этой клетке ещё не было."))

            // The lesson's page links each pupil to his cell's history — for those who may read it.
            let lesson = try await teacher.get("/lessons/2").text
            #expect(lesson.contains("<a class=\"history-link\" href=\"/lessons/2/students/\(TinySchool.aksyonova)/history\">История"))
            let director = Browser(client)
            try await director.signIn(AccessSchool.Login.director)
            #expect(try await director.get("/lessons/2").status == .ok)
            #expect(!(try await director.get("/lessons/2").text.contains("history-link")))
            #expect(try await director.get("/lessons/2/students/\(TinySchool.aksyonova)/history").status == .forbidden)
            let parent = Browser(client)
            try await parent.signIn(AccessSchool.Login.parent)
            #expect(try await parent.get("/lessons/2/students/\(TinySchool.aksyonova)/history").status == .forbidden)
        }
    }
}
