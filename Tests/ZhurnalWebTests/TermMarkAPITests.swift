import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Period marks: entered by the teacher, versioned, with history, and locked with the period.
struct TermMarkAPITests {
    static let uri = "/api/v1/courses/1/term-marks/\(TinySchool.aksyonova)"

    @Test(arguments: TestDatabases.flavors)
    func theTeacherEntersChangesAndClearsATermMark(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let first = try await teacher.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"4\"}")
            #expect(first.status == .ok)
            #expect(try json(first)["version"] as? Int == 1)
            #expect(try errorCode(try await teacher.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"5\", \"version\": 7}")) == "conflict")
            let changed = try await teacher.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"н/а\", \"version\": 1}")
            #expect(try json(changed)["value"] as? String == "н/а")
            #expect(
                try errorCode(try await teacher.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"4/3\", \"version\": 2}")) == "invalid_mark"
            )
            let cleared = try await teacher.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": null, \"version\": 2}")
            #expect(try json(cleared)["version"] as? Int == 0)
            let history = try await database.read { try await JournalHistory.of(school: 1, .termMark, id: "1:1:\(TinySchool.aksyonova)", in: $0) }
            #expect(history.map(\.action) == ["create", "update", "delete"])
            #expect(history.map(\.newValue) == ["4", "н/а", nil])
            // The journal shows it.
            _ = try await teacher.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"5\"}")
            let journal = try json(try await teacher.call(.get, "/api/v1/courses/1/journal"))
            #expect((journal["termMarks"] as? [[String: Any]])?.first?["value"] as? String == "5")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aClosedPeriodAndOtherPeopleAreRefused(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let other = try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"5\"}").status == .forbidden)
            let deputy = try await APIClient.signedIn(client, AccessSchool.Login.deputy)
            #expect(try errorCode(try await deputy.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"5\"}")) == "reason_required")
            #expect(
                try await deputy.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"5\", \"reason\": \"решение педсовета\"}").status == .ok
            )
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            // A pupil of another class, and a period that is not the course's.
            #expect(
                try errorCode(
                    try await teacher.call(
                        .put,
                        "/api/v1/courses/1/term-marks/\(AccessSchool.otherPupil)",
                        json: "{\"periodId\": 1, \"value\": \"5\"}"
                    )
                ) == "pupil_not_enrolled"
            )
            #expect(try errorCode(try await teacher.call(.put, Self.uri, json: "{\"periodId\": 99, \"value\": \"5\"}")) == "no_period")
            try await database.write { try await $0.raw("UPDATE periods SET closed_at = '2026-10-12T08:00:00Z' WHERE id = 1").run() }
            #expect(
                try errorCode(try await teacher.call(.put, Self.uri, json: "{\"periodId\": 1, \"value\": \"4\", \"version\": 1}")) == "period_closed"
            )
        }
    }
}
