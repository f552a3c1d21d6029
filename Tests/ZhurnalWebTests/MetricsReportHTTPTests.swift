import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The school metrics (issue 7, item 4) on AccessSchool, recomputed by hand: 5А's mathematics has Аксёнова's «5»,
/// Борисов's «4» (he left on 01.10, so it is not counted on 12.10) and nothing for Волков; 6Б's has Громов's «2».
struct MetricsReportHTTPTests {
    static func giveTermMarks(_ database: Database) async throws {
        try await database.write { sql in
            var marks = RowBatch(
                table: "term_marks",
                columns: ["school_id", "id", "course_id", "student_id", "kind", "period_id", "value", "author_id", "entered_at", "updated_at"]
            )
            let at = "2026-10-12T08:00:00Z"
            marks.append([1, 901, TinySchool.course, TinySchool.aksyonova, "period", 1, "5", TinySchool.teacher, at, at])
            marks.append([1, 902, TinySchool.course, TinySchool.borisov, "period", 1, "4", TinySchool.teacher, at, at])
            marks.append([1, 903, AccessSchool.otherCourse, AccessSchool.otherPupil, "period", 1, "2", AccessSchool.otherTeacher, at, at])
            try await marks.flush(into: sql)
        }
    }

    static func rows(_ response: TestResponse) throws -> [String] {
        try (json(response)["rows"] as? [[String: Any]] ?? []).map { row in
            ["label", "n", "n5", "n4", "n3", "n2", "na", "withoutMarks", "passRate", "qualityRate", "sou", "averageMark"]
                .map { "\(row[$0] ?? "nil")".replacingOccurrences(of: "<null>", with: "null") }.joined(separator: " ")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func metricsByEveryGroupingMatchTheHandCount(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            try await Self.giveTermMarks(database)
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let byClass = try await deputy.call(.get, "/api/v1/reports/metrics?periodId=1&groupBy=class")
            #expect(byClass.status == .ok)
            try OpenAPITests.conforms(byClass, to: "get /api/v1/reports/metrics", in: document)
            #expect(
                try Self.rows(byClass) == [
                    "5А 1 1 0 0 0 0 1 100.0 100.0 100.0 5.00",
                    "6Б 1 0 0 0 1 0 0 0.0 0.0 16.0 2.00",
                ]
            )
            #expect(
                try Self.rows(try await deputy.call(.get, "/api/v1/reports/metrics?periodId=1&groupBy=school")) == [
                    "Вся школа 2 1 0 0 1 0 1 50.0 50.0 58.0 3.50"
                ]
            )
            #expect(
                try Self.rows(try await deputy.call(.get, "/api/v1/reports/metrics?periodId=1&groupBy=parallel")) == [
                    "5 классы 1 1 0 0 0 0 1 100.0 100.0 100.0 5.00", "6 классы 1 0 0 0 1 0 0 0.0 0.0 16.0 2.00",
                ]
            )
            #expect(
                try Self.rows(try await deputy.call(.get, "/api/v1/reports/metrics?periodId=1&groupBy=subject")) == [
                    "Математика 2 1 0 0 1 0 1 50.0 50.0 58.0 3.50"
                ]
            )
            #expect(
                try Self.rows(try await deputy.call(.get, "/api/v1/reports/metrics?periodId=1&groupBy=teacher")) == [
                    "Орлов Дмитрий Ильич 1 0 0 0 1 0 0 0.0 0.0 16.0 2.00", "Смирнова Ольга Петровна 1 1 0 0 0 0 1 100.0 100.0 100.0 5.00",
                ]
            )
            // Without a period: the latest that has begun, here the only one; compared with itself row by row.
            let compared = try json(try await deputy.call(.get, "/api/v1/reports/metrics?compareTo=1"))
            #expect((compared["period"] as? [String: Any])?["id"] as? Int == 1)
            let first = try #require((compared["rows"] as? [[String: Any]])?.first)
            #expect((first["previous"] as? [String: Any])?["qualityRate"] as? String == "100.0")

            let pupils = try await deputy.call(.get, "/api/v1/reports/metrics/pupils?periodId=1")
            #expect(pupils.status == .ok)
            try OpenAPITests.conforms(pupils, to: "get /api/v1/reports/metrics/pupils", in: document)
            let lists = try json(pupils)
            #expect(
                (lists["excellent"] as? [[String: Any]])?.map { "\($0["name"] ?? "") \($0["className"] ?? "")" } == ["Аксёнова Мария Ивановна 5А"]
            )
            #expect((lists["failing"] as? [[String: Any]])?.map { "\($0["name"] ?? "") \($0["subjects"] ?? "")" }.count == 1)
            #expect((lists["failing"] as? [[String: Any]])?.first?["subjects"] as? [String] == ["Математика"])

            #expect(try errorCode(try await deputy.call(.get, "/api/v1/reports/metrics?groupBy=form")) == "bad_group_by")
            #expect(try errorCode(try await deputy.call(.get, "/api/v1/reports/metrics?periodId=77")) == "no_period")
            #expect(try errorCode(try await deputy.call(.get, "/api/v1/reports/metrics?periodId=x")) == "bad_parameter")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func eachReaderSeesHisScope(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            try await Self.giveTermMarks(database)
            #expect(try await client.execute(uri: "/api/v1/reports/metrics", method: .get).status == .unauthorized)
            // Смирнова leads 5А: her class by subject, without asking; 6Б is not hers.
            let homeroom = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let own = try await homeroom.call(.get, "/api/v1/reports/metrics?periodId=1")
            #expect(own.status == .ok)
            #expect(try json(own)["classId"] as? Int == 1)
            #expect(try Self.rows(own) == ["Математика 1 1 0 0 0 0 1 100.0 100.0 100.0 5.00"])
            #expect(try await homeroom.call(.get, "/api/v1/reports/metrics/pupils?periodId=1").status == .ok)
            #expect(try await homeroom.call(.get, "/api/v1/reports/metrics?classId=\(AccessSchool.otherClass)").status == .forbidden)
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, "/api/v1/reports/metrics").status == .forbidden)
            // The observer reads the figures of the schools given to him, never the pupils' names.
            let observer = try await JournalAPITests.signedIn(client, AccessSchool.Login.observer)
            #expect(try Self.rows(try await observer.call(.get, "/api/v1/reports/metrics?periodId=1&groupBy=school")).count == 1)
            #expect(try await observer.call(.get, "/api/v1/reports/metrics/pupils?periodId=1").status == .forbidden)
            #expect(try await observer.call(.get, "/api/v1/reports/metrics?classId=1").status == .forbidden)
            #expect(try errorCode(try await observer.call(.get, "/api/v1/reports/metrics?schoolId=2")) == "no_period")
            let otherSchool = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await otherSchool.call(.get, "/api/v1/reports/metrics?classId=1").status == .notFound)
            #expect(try await deputy(client).call(.get, "/api/v1/reports/metrics?schoolId=2").status == .notFound)
        }
    }

    private func deputy(_ client: any TestClientProtocol) async throws -> APIClient {
        try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageShowsTheTableTheChartsAndTheListsAndTheFilesTheTable(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            try await Self.giveTermMarks(database)
            let browser = Browser(client, address: "10.0.0.7")
            try await browser.signIn(AccessSchool.Login.deputy)
            let index = try await browser.get("/reports")
            #expect(index.status == .ok)
            #expect(index.text.contains("href=\"/reports/metrics\""))
            let page = try await browser.get("/reports/metrics?periodId=1&compareTo=1")
            #expect(page.status == .ok)
            #expect(page.text.contains("<svg class=\"bar-chart\""))
            #expect(page.text.contains("Аксёнова Мария Ивановна, 5А"))
            #expect(page.text.contains("/reports/metrics?periodId=1&amp;classId=1&amp;groupBy=subject"))
            let csv = try await browser.get("/reports/metrics.csv?periodId=1&groupBy=class")
            #expect(csv.status == .ok)
            let lines = csv.text.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.count == 3)
            #expect(lines.last == "6Б;1;0;0;0;1;0;0,0;0,0;16,0;2,00")
            let xlsx = try await browser.get("/reports/metrics.xlsx?periodId=1")
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentType]?.contains("spreadsheetml") == true)
            let wrong = try await browser.get("/reports/metrics?groupBy=form")
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Группировка"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func anObserverPicksAmongHisSchoolsAndSeesNoNames(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let browser = Browser(client, address: "10.0.0.7")
            try await browser.signIn(AccessSchool.Login.observer)
            let index = try await browser.get("/reports")
            #expect(index.status == .ok)
            #expect(index.text.contains("href=\"/reports?schoolId=2\">Гимназия № 2</a>"))
            #expect(index.text.contains("href=\"/reports/metrics?schoolId=1\""))
            #expect(!index.text.contains("Сводная ведомость"))
            #expect(!index.text.contains("Посещаемость за день"))
            let other = try await browser.get("/reports?schoolId=2")
            #expect(other.text.contains("href=\"/reports/journal-control?schoolId=2\""))
            let deputy = Browser(client, address: "10.0.0.8")
            try await deputy.signIn(AccessSchool.Login.deputy)
            #expect(!(try await deputy.get("/reports")).text.contains("schoolId="))
        }
    }
}
