import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// A control lesson's work type (TinySchool's work types: 1 «Ответ на уроке» ×1, 2 «Контрольная работа» ×4): set on
/// the lesson, the default of its new marks, shown in the journal's column and its data.
struct ControlLessonTests {
    static func lessons(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try json(response)["lessons"] as? [[String: Any]])
    }

    @Test(arguments: TestDatabases.flavors)
    func aControlLessonGivesItsNewMarksItsWorkType(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let set = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"controlWorkTypeId\": 2}")
            #expect(set.status == .ok)
            #expect(try json(set)["controlWorkTypeId"] as? Int == 2)
            let journal = try Self.lessons(try await teacher.call(.get, "/api/v1/courses/1/journal"))
            #expect(journal.map { $0["controlWorkTypeId"] as? Int } == [nil, nil, nil, 2])
            #expect(journal.first?["controlWorkTypeId"] is NSNull)

            // A mark without a work type takes the lesson's; one given explicitly stays as given.
            let defaulted = try await teacher.call(.post, "/api/v1/lessons/4/marks", json: "{\"studentId\": \(TinySchool.volkov), \"value\": \"4\"}")
            #expect(defaulted.status == .created)
            #expect(try json(defaulted)["workTypeId"] as? Int == 2)
            #expect(try json(defaulted)["weight"] as? Int == 4)
            let explicit = try await teacher.call(
                .post,
                "/api/v1/lessons/4/marks",
                json: "{\"studentId\": \(TinySchool.volkov), \"value\": \"5\", \"workType\": 1}"
            )
            #expect(try json(explicit)["workTypeId"] as? Int == 1)
            let whole = try await teacher.call(
                .put,
                "/api/v1/lessons/4/entries",
                json: "{\"entries\": [{\"studentId\": \(TinySchool.aksyonova), \"marks\": [{\"value\": \"3\"}]}]}"
            )
            #expect(whole.status == .ok)
            #expect((try json(whole)["marks"] as? [[String: Any]])?.first?["workTypeId"] as? Int == 2)

            // An ordinary lesson has no default: the work type must be given.
            let missing = try await teacher.call(.post, "/api/v1/lessons/3/marks", json: "{\"studentId\": \(TinySchool.volkov), \"value\": \"4\"}")
            #expect(missing.status == .unprocessableContent)
            #expect(try errorCode(missing) == "work_type_required")
            let missingLine = try await teacher.call(
                .put,
                "/api/v1/lessons/3/entries",
                json: "{\"entries\": [{\"studentId\": \(TinySchool.volkov), \"marks\": [{\"value\": \"4\"}]}]}"
            )
            #expect(try errorCode(missingLine) == "work_type_required")
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM marks WHERE lesson_id = 3") == 2)

            // Only the school's work types; null makes it an ordinary lesson again.
            let unknown = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"controlWorkTypeId\": 99, \"topic\": \"Не сохранится\"}")
            #expect(try errorCode(unknown) == "unknown_work_type")
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE id = 4 AND topic = 'Тема 4'") == 1)
            let cleared = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"controlWorkTypeId\": null}")
            #expect(try json(cleared)["controlWorkTypeId"] is NSNull)
            // Another teacher's lesson is not his to mark as a control one.
            let other = try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.call(.patch, "/api/v1/lessons/4", json: "{\"controlWorkTypeId\": 2}").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theLessonPageSetsItAndTheGridShowsIt(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let form = try await teacher.get("/lessons/4").text
            #expect(form.contains("<option value=\"\" selected>— обычный урок</option>"))
            let saved = try await teacher.post(
                "/lessons/4",
                [("version", "1"), ("topic", "Контрольная работа № 1"), ("homework", ""), ("workType", "1"), ("controlWorkType", "2")]
            )
            #expect(saved.status == .seeOther)
            let page = try await teacher.get("/lessons/4").text
            // Its select now shows the type, and new marks are of that type unless the teacher picks another.
            #expect(page.contains("<select id=\"controlWorkType\" name=\"controlWorkType\">"))
            #expect(page.contains("<option value=\"2\" selected>Контрольная работа</option>"))
            #expect(page.contains("<option value=\"2\" selected>Контрольная работа (вес 4)</option>"))
            #expect(page.contains("контрольный урок: Контрольная работа"))
            let grid = try await teacher.get("/courses/1/journal").text
            #expect(
                grid.contains(
                    "data-control-work-type=\"2\"><a href=\"/lessons/4\">12.10</a><abbr class=\"control-work\" title=\"Контрольная работа\">К/р</abbr>"
                )
            )
            #expect(!grid.contains("data-control-work-type=\"1\""))
            // A choice the page never offered is refused with its message, and nothing is written. (The topic's save
            // made the lesson's version 2.)
            let bad = try await teacher.post(
                "/lessons/4",
                [("version", "2"), ("topic", "Другая тема"), ("homework", ""), ("workType", "1"), ("controlWorkType", "два")]
            )
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Выберите вид работы из списка."))
            let unknown = try await teacher.post(
                "/lessons/4",
                [("version", "2"), ("topic", "Другая тема"), ("homework", ""), ("workType", "1"), ("controlWorkType", "99")]
            )
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.text.contains("Такого вида работы в школе нет."))
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE topic = 'Другая тема'") == 0)
            // Back to an ordinary lesson.
            #expect(
                try await teacher.post(
                    "/lessons/4",
                    [("version", "2"), ("topic", "Контрольная работа № 1"), ("homework", ""), ("workType", "1"), ("controlWorkType", "")]
                ).status == .seeOther
            )
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE control_work_type_id IS NOT NULL") == 0)
        }
    }
}
