import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// A class's summary sheet (issue 7, item 6) on AccessSchool: Аксёнова's quarter, year and final «5» in mathematics;
/// Борисов left before 12.10 and is not on the sheet; Волков has no marks.
struct SummarySheetHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func theSheetListsTheClassesMarksByPupilAndSubject(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            try await MetricsReportHTTPTests.giveTermMarks(database)
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO term_marks (school_id, id, course_id, student_id, kind, period_id, value, author_id, entered_at, updated_at) VALUES
                    (1, 921, 1, \(bind: TinySchool.aksyonova), 'year', NULL, '5', 1, '2026-10-12T08:00:00Z', '2026-10-12T08:00:00Z'),
                    (1, 922, 1, \(bind: TinySchool.aksyonova), 'final', NULL, '5', 1, '2026-10-12T08:00:00Z', '2026-10-12T08:00:00Z')
                    """
                ).run()
            }
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let response = try await deputy.call(.get, "/api/v1/reports/summary?classId=1")
            #expect(response.status == .ok)
            try OpenAPITests.conforms(response, to: "get /api/v1/reports/summary", in: document)
            let body = try json(response)
            let pupils = try #require(body["pupils"] as? [[String: Any]])
            #expect(pupils.map { $0["name"] as? String } == ["Аксёнова Мария Ивановна", "Волков Илья"])
            let maths = try #require((pupils[0]["subjects"] as? [[String: Any]])?.first)
            #expect((maths["periods"] as? [[String: Any]])?.map { "\($0["periodId"] ?? "") \($0["value"] ?? "")" } == ["1 5"])
            #expect(maths["year"] as? String == "5")
            #expect(maths["final"] as? String == "5")
            #expect(maths["exam"] is NSNull)
            // Without a class the administration gets the first one.
            #expect(try json(try await deputy.call(.get, "/api/v1/reports/summary"))["className"] as? String == "5А")

            let homeroom = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try json(try await homeroom.call(.get, "/api/v1/reports/summary"))["classId"] as? Int == 1)
            #expect(try await homeroom.call(.get, "/api/v1/reports/summary?classId=\(AccessSchool.otherClass)").status == .forbidden)
            let observer = try await JournalAPITests.signedIn(client, AccessSchool.Login.observer)
            #expect(try await observer.call(.get, "/api/v1/reports/summary").status == .forbidden)

            let browser = Browser(client, address: "10.0.0.7")
            try await browser.signIn(AccessSchool.Login.deputy)
            let page = try await browser.get("/reports/summary?classId=1&slot=period-1")
            #expect(page.status == .ok)
            #expect(page.text.contains("Сводная ведомость 5А: 1 четверть"))
            #expect(page.text.contains("<td>100,0</td>"))
            let year = try await browser.get("/reports/summary?classId=1&slot=year")
            #expect(year.text.contains("Сводная ведомость 5А: Год"))
            #expect(try await browser.get("/reports/summary?classId=1&slot=period-9").status == .unprocessableContent)
            let csv = try await browser.get("/reports/summary.csv?classId=1")
            let lines = csv.text.split(whereSeparator: \.isNewline).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
            #expect(lines == ["Ученик;Математика: 1 четверть;Математика: Год;Математика: Итог", "Аксёнова Мария Ивановна;5;5;5", "Волков Илья;;;"])
        }
    }
}
