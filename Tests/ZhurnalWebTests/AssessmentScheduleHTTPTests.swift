import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The assessment schedule (issue 7, item 3) on AccessSchool: 5А's control works of 07.09 and 14.09 in mathematics.
struct AssessmentScheduleHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func theScheduleListsTheWorksAndWarns(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            try await database.write { sql in
                try await sql.raw("UPDATE lessons SET control_work_type_id = 2 WHERE school_id = 1 AND id IN (1, 2)").run()
            }
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let response = try await deputy.call(.get, "/api/v1/reports/assessments")
            #expect(response.status == .ok)
            try OpenAPITests.conforms(response, to: "get /api/v1/reports/assessments", in: document)
            let body = try json(response)
            #expect(
                (body["works"] as? [[String: Any]])?.map { "\($0["date"] ?? "") \($0["className"] ?? "") \($0["workType"] ?? "")" } == [
                    "2026-09-07 5А Контрольная работа", "2026-09-14 5А Контрольная работа",
                ]
            )
            // A week apart, and each on the only (so the first and the last) lesson of 5А's day.
            #expect((body["warnings"] as? [[String: Any]])?.map { $0["code"] as? String } == ["too_close", "edge_lesson", "edge_lesson"])
            #expect(((body["warnings"] as? [[String: Any]])?.first?["message"] as? String)?.contains("меньше 17 дней") == true)

            let otherHomeroom = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            let theirs = try json(try await otherHomeroom.call(.get, "/api/v1/reports/assessments"))
            #expect((theirs["works"] as? [Any])?.isEmpty == true)
            #expect((theirs["warnings"] as? [Any])?.isEmpty == true)
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, "/api/v1/reports/assessments").status == .forbidden)

            let browser = Browser(client, address: "10.0.0.7")
            try await browser.signIn(AccessSchool.Login.deputy)
            // The page shows this month (October: no works) unless asked for another or the whole year.
            #expect(try await browser.get("/reports/assessments").text.contains("Нарушений правил нет."))
            let page = try await browser.get("/reports/assessments?month=2026-09")
            #expect(page.status == .ok)
            #expect(page.text.contains("Нарушения правил"))
            #expect(page.text.contains("<td>14.09.2026</td>"))
            #expect(try await browser.get("/reports/assessments?month=all").text.contains("<td>07.09.2026</td>"))
            #expect(try await browser.get("/reports/assessments?month=2027-13").status == .unprocessableContent)
            let csv = try await browser.get("/reports/assessments.csv")
            #expect(csv.text.split(whereSeparator: \.isNewline).last == "14.09.2026;5А;Математика;Контрольная работа;1")
        }
    }
}
