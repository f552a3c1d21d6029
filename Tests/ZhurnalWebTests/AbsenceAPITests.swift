import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The homeroom teacher classifies «н» as «б» or «у»; nobody else, and only an unexplained absence.
struct AbsenceAPITests {
    /// Аксёнова has «н» at lesson 4 (TinySchool); Смирнова is 5А's homeroom teacher.
    static let uri = "/api/v1/students/\(TinySchool.aksyonova)/absences/4"

    @Test(arguments: TestDatabases.flavors)
    func theHomeroomTeacherClassifiesAnAbsenceOnce(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let homeroom = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let done = try await homeroom.call(.put, Self.uri, json: "{\"code\": \"б\"}")
            #expect(done.status == .ok)
            #expect(try json(done)["code"] as? String == "б")
            // Once classified, there is no «н» left to classify.
            #expect(try errorCode(try await homeroom.call(.put, Self.uri, json: "{\"code\": \"у\"}")) == "nothing_to_classify")
            #expect(try errorCode(try await homeroom.call(.put, Self.uri, json: "{\"code\": \"оп\"}")) == "not_a_classification")
            let history = try await database.read { try await JournalHistory.of(school: 1, .attendance, id: "4:\(TinySchool.aksyonova)", in: $0) }
            #expect(history.map(\.actorRole) == ["homeroom"])
            #expect(history.map(\.oldValue) == ["н"])
        }
    }

    @Test func othersMayNot() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            for login in [AccessSchool.Login.otherTeacher, AccessSchool.Login.parent, AccessSchool.Login.deputy] {
                let someone = try await APIClient.signedIn(client, login)
                #expect(try await someone.call(.put, Self.uri, json: "{\"code\": \"у\"}").status == .forbidden, "\(login)")
            }
            let admin = try await APIClient.signedIn(client, AccessSchool.Login.admin)
            #expect(try await admin.call(.put, Self.uri, json: "{\"code\": \"у\"}").status == .ok)
        }
    }
}
