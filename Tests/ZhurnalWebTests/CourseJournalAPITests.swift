import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// `GET /api/v1/courses/{courseId}/journal` over TinySchool's mathematics in 5А, first quarter.
struct CourseJournalAPITests {
    @Test(arguments: TestDatabases.flavors)
    func theJournalOfACourseAndItsAverages(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            var teacher = APIClient(client: client)
            _ = try await teacher.signIn(AccessSchool.Login.teacher)
            let answer = try await teacher.call(.get, "/api/v1/courses/1/journal")
            #expect(answer.status == .ok)
            let body = try json(answer)
            let period = try #require(body["period"] as? [String: Any])
            #expect(period["name"] as? String == "1 четверть")
            #expect(period["start"] as? String == "2026-09-01")
            #expect(period["end"] as? String == "2026-10-23")
            let students = try #require(body["students"] as? [[String: Any]])
            #expect(students.map { $0["fullName"] as? String } == ["Аксёнова Мария Ивановна", "Борисов Пётр Олегович", "Волков Илья"])
            let lessons = try #require(body["lessons"] as? [[String: Any]])
            #expect(lessons.map { $0["date"] as? String } == ["2026-09-07", "2026-09-14", "2026-10-05", "2026-10-12"])
            #expect((body["marks"] as? [Any])?.count == 5)
            #expect((body["attendance"] as? [Any])?.count == 2)
            let averages = try #require(body["averages"] as? [[String: Any]])
            let byStudent = Dictionary(uniqueKeysWithValues: averages.map { ($0["studentId"] as? Int ?? 0, $0) })
            // Аксёнова: 5 (×1), 4 (×4), 5 (×1) → 26/6 = 4,33; three marks of the five a 5-hour course needs.
            #expect(byStudent[TinySchool.aksyonova]?["weightedAverage"] as? String == "4.33")
            #expect(byStudent[TinySchool.aksyonova]?["markCount"] as? Int == 3)
            #expect(byStudent[TinySchool.aksyonova]?["proposedMark"] is NSNull)
            #expect(byStudent[TinySchool.aksyonova]?["proposal"] as? String == "Недостаточно отметок: 3 из 5 необходимых")
            #expect(byStudent[TinySchool.volkov]?["weightedAverage"] as? String == "3.00")
            #expect((body["termMarks"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func theJournalIsReadByThoseWhoMaySeeTheCourseOnly() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            for (login, status) in [
                (AccessSchool.Login.deputy, HTTPResponse.Status.ok), (AccessSchool.Login.otherTeacher, .forbidden),
                (AccessSchool.Login.parent, .forbidden), (AccessSchool.Login.otherSchoolAdmin, .notFound),
            ] {
                var api = APIClient(client: client)
                _ = try await api.signIn(login)
                #expect(try await api.call(.get, "/api/v1/courses/1/journal").status == status, "\(login)")
            }
            var teacher = APIClient(client: client)
            _ = try await teacher.signIn(AccessSchool.Login.teacher)
            #expect(try await teacher.call(.get, "/api/v1/courses/1/journal?periodId=x").status == .badRequest)
            #expect(try errorCode(try await teacher.call(.get, "/api/v1/courses/1/journal?periodId=77")) == "no_period")
        }
    }
}
