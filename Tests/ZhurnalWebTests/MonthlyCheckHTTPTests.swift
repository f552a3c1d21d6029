import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The monthly check of the classes' lists (issue 6): Смирнова leads 5А, Орлов 6Б; the month is October 2026.
struct MonthlyCheckHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func homeroomTeachersAnswerAndTheAdministratorSeesAndResolves(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let before = try await admin.call(.get, "/api/v1/monthly-check")
            try OpenAPITests.conforms(before, to: "get /api/v1/monthly-check", in: document)
            #expect(try json(before)["month"] as? String == "2026-10")
            func statuses() async throws -> [String] {
                (try json(try await admin.call(.get, "/api/v1/monthly-check"))["classes"] as? [[String: Any]])?.map {
                    "\($0["className"] ?? "") \($0["status"] ?? "")"
                } ?? []
            }
            #expect(try await statuses() == ["5А missing", "6Б missing"])

            let smirnova = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let none = try await smirnova.call(.post, "/api/v1/monthly-check", json: "{\"classId\": 1, \"changes\": null}")
            #expect(none.status == .noContent)
            try OpenAPITests.conforms(none, to: "post /api/v1/monthly-check", in: document)
            // Not her class.
            let notHers = try await smirnova.call(
                .post,
                "/api/v1/monthly-check",
                json: "{\"classId\": \(AccessSchool.otherClass), \"changes\": null}"
            )
            #expect(notHers.status == .forbidden)

            let orlov = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(
                try await orlov.call(
                    .post,
                    "/api/v1/monthly-check",
                    json: "{\"classId\": \(AccessSchool.otherClass), \"changes\": \"Громов: дата рождения 03.04.2014\"}"
                )
                .status == .noContent
            )
            #expect(try await statuses() == ["5А no_changes", "6Б changes_requested"])
            let check = try #require(
                (try json(try await admin.call(.get, "/api/v1/monthly-check"))["classes"] as? [[String: Any]])?.last?["checkId"] as? Int
            )
            #expect(try await orlov.call(.post, "/api/v1/monthly-check/\(check)/resolution", json: "{\"applied\": true}").status == .forbidden)
            let resolved = try await admin.call(.post, "/api/v1/monthly-check/\(check)/resolution", json: "{\"applied\": true}")
            #expect(resolved.status == .noContent)
            try OpenAPITests.conforms(resolved, to: "post /api/v1/monthly-check/{checkId}/resolution", in: document)
            #expect(try await statuses() == ["5А no_changes", "6Б applied"])
            let again = try await admin.call(.post, "/api/v1/monthly-check/\(check)/resolution", json: "{\"applied\": false}")
            #expect(try errorCode(again) == "not_open")
            // A resolved answer stays as it was.
            _ = try await orlov.call(.post, "/api/v1/monthly-check", json: "{\"classId\": \(AccessSchool.otherClass), \"changes\": null}")
            #expect(try await statuses() == ["5А no_changes", "6Б applied"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePagesShowTheChecklistAndWhoHasNotAnswered(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let smirnova = Browser(client, address: "198.51.100.220")
            _ = try await smirnova.signIn(AccessSchool.Login.teacher)
            let page = try await smirnova.get("/homeroom/check")
            #expect(page.status == .ok)
            #expect(page.text.contains("5А — не проведена"))
            #expect(page.text.contains("Аксёнова Мария Ивановна"))
            let empty = try await smirnova.post("/homeroom/check", [("class", "1"), ("answer", "changes"), ("changes", " ")])
            #expect(empty.status == .unprocessableContent)
            let sent = try await smirnova.post("/homeroom/check", [("class", "1"), ("answer", "none"), ("changes", "")])
            #expect(sent.status == .seeOther)
            #expect(try await smirnova.get("/homeroom/check?sent=1").text.contains("5А — изменений нет"))

            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let overview = try await admin.get("/admin/monthly-check")
            #expect(overview.text.contains("Не провели сверку: 1."))
            #expect(overview.text.contains("<th scope=\"row\">6Б</th>"))
        }
    }
}
