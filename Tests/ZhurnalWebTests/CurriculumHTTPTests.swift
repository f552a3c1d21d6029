import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The year's curriculum (issue 6) on TinySchool, whose only subject is «Математика».
struct CurriculumHTTPTests {
    static func put(_ client: APIClient, _ uri: String, _ text: String) async throws -> TestResponse {
        try await PupilListImportTests.post(client, uri, Data(text.utf8), method: .put)
    }

    @Test(arguments: TestDatabases.flavors)
    func theCurriculumIsReplacedWholeOrNotAtAll(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let saved = try await Self.put(admin, "/api/v1/curriculum", "Предмет;5;6;7\nматематика;5;5;\n")
            #expect(saved.status == .ok)
            try OpenAPITests.conforms(saved, to: "put /api/v1/curriculum", in: document)
            #expect((try json(saved)["hours"] as? [[String: Any]])?.map { "\($0["parallel"] ?? "") \($0["hoursPerWeek"] ?? "")" } == ["5 5", "6 5"])

            let refused = try await Self.put(admin, "/api/v1/curriculum", "Предмет;5\nМатематика;6\nФизика;2\n")
            #expect(try errorCode(refused) == "curriculum_refused")
            try OpenAPITests.conforms(refused, to: "put /api/v1/curriculum", in: document)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM curriculum_hours WHERE school_id = 1 AND hours_per_week = 5") == 2)

            let read = try await admin.call(.get, "/api/v1/curriculum")
            try OpenAPITests.conforms(read, to: "get /api/v1/curriculum", in: document)
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await Self.put(teacher, "/api/v1/curriculum", "Предмет;5\n").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageShowsTheTableAndExportsItBack(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            _ = try await admin.get("/admin/curriculum")
            let file = Multipart.Part.file(field: "file", name: "план.csv", bytes: Array("Предмет;5\nМатематика;4\n".utf8), type: "text/csv")
            let saved = try await admin.upload("/admin/curriculum", [file])
            #expect(saved.status == .seeOther)
            let page = try await admin.get("/admin/curriculum?saved=1")
            #expect(page.text.contains("<tr><th scope=\"row\">Математика</th><td></td><td></td><td></td><td></td><td>4</td>"))
            let export = try await admin.get("/admin/curriculum.csv")
            #expect(String(buffer: export.body).contains("Математика;;;;;4;;;;;;"))
            let bad = try await admin.upload(
                "/admin/curriculum",
                [.file(field: "file", name: "x.csv", bytes: Array("Предмет;5\nХимия;2\n".utf8), type: "text/csv")]
            )
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Предмета «Химия» в школе нет"))
        }
    }
}
