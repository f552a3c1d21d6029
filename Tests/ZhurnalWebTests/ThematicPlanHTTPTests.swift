import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// A course's thematic plan (issue 6): TinySchool's mathematics in 5А with four lessons on Mondays (7, 14 September,
/// 5 and 12 October); the test clock is Monday 12 October.
struct ThematicPlanHTTPTests {
    static let plan = "№;Тема;Часов;Контроль\n2;Дроби;2;Контрольная работа\n1;Натуральные числа;1;\n3;Проценты;4;\n"

    static func put(_ client: APIClient, _ uri: String, _ text: String) async throws -> TestResponse {
        try await PupilListImportTests.post(client, uri, Data(text.utf8), method: .put)
    }

    @Test(arguments: TestDatabases.flavors)
    func thePlanIsLaidOntoTheLessonsAndMeasured(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            // The teacher of the course keeps its plan.
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let path = "/api/v1/courses/\(TinySchool.course)/plan"
            let empty = try await teacher.call(.get, path)
            #expect(empty.status == .ok)
            try OpenAPITests.conforms(empty, to: "get /api/v1/courses/{courseId}/plan", in: document)

            let saved = try await Self.put(teacher, path, Self.plan)
            #expect(saved.status == .ok)
            try OpenAPITests.conforms(saved, to: "put /api/v1/courses/{courseId}/plan", in: document)
            let answer = try json(saved)
            #expect((answer["topics"] as? [[String: Any]])?.map { $0["title"] as? String ?? "" } == ["Натуральные числа", "Дроби", "Проценты"])
            // Four lessons take the first topic's hour, the second's two and the third's first.
            #expect(
                (answer["lessons"] as? [[String: Any]])?.map { "\($0["date"] ?? "") \($0["plannedTopic"] ?? "")" } == [
                    "2026-09-07 1", "2026-09-14 2", "2026-10-05 2", "2026-10-12 3",
                ]
            )
            let fulfilment = answer["fulfilment"] as? [String: Any]
            #expect(fulfilment?["total"] as? Int == 7 && fulfilment?["plannedToDate"] as? Int == 4 && fulfilment?["held"] as? Int == 4)
            #expect(fulfilment?["lag"] as? Int == 0)

            // A cancelled lesson puts the course one hour behind.
            try await database.write { sql in
                try await sql.raw("UPDATE lessons SET status = 'cancelled' WHERE school_id = 1 AND id = 2").run()
            }
            #expect((try json(try await teacher.call(.get, path))["fulfilment"] as? [String: Any])?["lag"] as? Int == 1)

            let refused = try await Self.put(teacher, path, "№;Тема;Часов;Контроль\n1;Дроби;0;\n1;Проценты;2;Эссе\n")
            #expect(refused.status == .unprocessableContent)
            #expect(try errorCode(refused) == "plan_refused")
            try OpenAPITests.conforms(refused, to: "put /api/v1/courses/{courseId}/plan", in: document)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM plan_topics WHERE school_id = 1 AND course_id = 1") == 3)
            #expect(try errorCode(try await Self.put(teacher, path, "Тема\nДроби\n")) == "missing_column")

            // Another class's teacher may read nothing of it; a dry run writes nothing.
            let other = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await Self.put(other, path, Self.plan).status == .forbidden)
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            #expect(try await Self.put(admin, path + "?dryRun=true", "Тема;Часов\nОдна;1\n").status == .ok)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM plan_topics WHERE school_id = 1 AND course_id = 1") == 3)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageShowsThePlanAndTakesAFile(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let teacher = Browser(client, address: "198.51.100.210")
            _ = try await teacher.signIn(AccessSchool.Login.teacher)
            #expect(try await teacher.get("/courses/\(TinySchool.course)/journal").text.contains("href=\"/courses/1/plan\""))
            let page = try await teacher.get("/courses/1/plan")
            #expect(page.status == .ok)
            #expect(page.text.contains("Плана ещё нет."))
            let file = Multipart.Part.file(field: "file", name: "ктп.csv", bytes: Array(Self.plan.utf8), type: "text/csv")
            let saved = try await teacher.upload("/courses/1/plan", [file])
            #expect(saved.status == .seeOther)
            let after = try await teacher.get("/courses/1/plan?saved=1")
            #expect(after.text.contains("План сохранён."))
            #expect(after.text.contains("14.09.2026, 05.10.2026"))
            let export = try await teacher.get("/courses/1/plan.csv")
            #expect(String(buffer: export.body).contains("2;Дроби;2;Контрольная работа"))
            let bad = try await teacher.upload(
                "/courses/1/plan",
                [.file(field: "file", name: "x.csv", bytes: Array("Тема;Часов\n;1\n".utf8), type: "text/csv")]
            )
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Не заполнено поле «Тема»"))
        }
    }
}

extension ThematicPlanHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func thePlanIsEditedInPlaceRowByRow(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = Browser(client, address: "198.51.100.211")
            _ = try await teacher.signIn(AccessSchool.Login.teacher)
            _ = try await teacher.get("/courses/1/plan")
            let file = Multipart.Part.file(field: "file", name: "ктп.csv", bytes: Array(Self.plan.utf8), type: "text/csv")
            #expect(try await teacher.upload("/courses/1/plan", [file]).status == .seeOther)
            let page = try await teacher.get("/courses/1/plan")
            #expect(page.text.contains("action=\"/courses/1/plan/rows\""))
            #expect(page.text.contains("name=\"t_0\" type=\"text\" maxlength=\"300\" value=\"Натуральные числа\""))

            // The first topic renamed, the second removed, a third added with its control work; a row with hours but
            // no topic is refused with its form row and nothing changes.
            let refused = try await teacher.post(
                "/courses/1/plan/rows",
                [("n_0", "1"), ("t_0", "Числа"), ("h_0", "1"), ("c_0", ""), ("n_1", ""), ("t_1", ""), ("h_1", "3"), ("c_1", "")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Не заполнено поле «Тема»"))
            #expect(refused.text.contains("value=\"Числа\""))
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM plan_topics WHERE school_id = 1 AND title = 'Числа'") == 0)
            let saved = try await teacher.post(
                "/courses/1/plan/rows",
                [
                    ("n_0", "1"), ("t_0", "Числа"), ("h_0", "1"), ("c_0", ""), ("n_1", ""), ("t_1", ""), ("h_1", ""), ("c_1", ""),
                    ("n_2", "2"), ("t_2", "Повторение"), ("h_2", "2"), ("c_2", "Контрольная работа"),
                ]
            )
            #expect(saved.status == .seeOther)
            let export = String(buffer: try await teacher.get("/courses/1/plan.csv").body)
            #expect(export.contains("1;Числа;1;"))
            #expect(export.contains("2;Повторение;2;Контрольная работа"))
            #expect(!export.contains("Дроби"))
            // Another teacher's course is not his to edit.
            let other = Browser(client, address: "198.51.100.212")
            _ = try await other.signIn(AccessSchool.Login.otherTeacher)
            #expect(try await other.post("/courses/1/plan/rows", [("t_0", "Чужое"), ("h_0", "1")]).status == .forbidden)
        }
    }
}
