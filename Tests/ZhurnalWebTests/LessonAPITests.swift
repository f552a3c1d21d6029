import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// A lesson's topic and homework, and the whole lesson's entries in one request and one transaction.
struct LessonAPITests {
    @Test(arguments: TestDatabases.flavors)
    func topicAndHomeworkAreSetWithTheirHistory(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            var teacher = APIClient(client: client)
            _ = try await teacher.signIn(AccessSchool.Login.teacher)
            let set = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"topic\": \"Дроби\", \"homework\": \"№ 12, 14\", \"version\": 1}")
            #expect(set.status == .ok)
            #expect(try json(set)["topic"] as? String == "Дроби")
            #expect(try json(set)["homework"] as? String == "№ 12, 14")
            #expect(try json(set)["version"] as? Int == 2)
            let stale = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"topic\": \"Другая\", \"version\": 1}")
            #expect(stale.status == .conflict)
            let cleared = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homework\": null}")
            #expect(try json(cleared)["homework"] is NSNull)
            // Planning ahead is allowed for the lesson's record; a holiday is not.
            let kinds = try await database.read { sql in
                try await sql.raw("SELECT entity, action FROM history WHERE lesson_id = 4 ORDER BY id").all()
                    .map { "\(try $0.decode(column: "entity", as: String.self)) \(try $0.decode(column: "action", as: String.self))" }
            }
            #expect(kinds == ["topic update", "homework create", "homework delete"])
            let other = try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.call(.patch, "/api/v1/lessons/4", json: "{\"topic\": \"x\"}").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theWholeLessonIsSavedInOneTransaction(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            var teacher = APIClient(client: client)
            _ = try await teacher.signIn(AccessSchool.Login.teacher)
            let body = """
                {"entries": [
                  {"studentId": \(TinySchool.aksyonova), "attendance": "оп", "marks": [{"value": "5", "workType": 1}, {"value": "4", "workType": 2, "comment": "к/р"}]},
                  {"studentId": \(TinySchool.volkov), "attendance": "н"}
                ]}
                """
            let before = database.statements.value
            let saved = try await teacher.call(.put, "/api/v1/lessons/4/entries", json: body)
            let used = database.statements.value - before
            #expect(saved.status == .ok)
            #expect(try json(saved)["attendanceChanged"] as? Int == 2)
            #expect((try json(saved)["marks"] as? [Any])?.count == 2)
            // Session (2), the course's facts (2), then in the transaction: the lesson, its members, attendance, work
            // types, one upsert, one insert of marks, one of history lines — not one statement per pupil.
            #expect(used <= 14)

            // One refused line refuses the lot: Борисов left on 01.10.
            let refused = """
                {"entries": [
                  {"studentId": \(TinySchool.volkov), "attendance": null},
                  {"studentId": \(TinySchool.borisov), "marks": [{"value": "5", "workType": 1}]}
                ]}
                """
            let answer = try await teacher.call(.put, "/api/v1/lessons/4/entries", json: refused)
            #expect(answer.status == .unprocessableContent)
            #expect(try errorCode(answer) == "pupil_not_enrolled")
            let bad = try await teacher.call(
                .put,
                "/api/v1/lessons/4/entries",
                json: "{\"entries\": [{\"studentId\": \(TinySchool.volkov), \"attendance\": null, \"marks\": [{\"value\": \"6\", \"workType\": 1}]}]}"
            )
            #expect(try errorCode(bad) == "invalid_mark")
            let volkov = try await database.read { sql in
                try await sql.raw("SELECT code FROM attendance WHERE lesson_id = 4 AND student_id = \(bind: TinySchool.volkov)").first()?
                    .decode(column: "code", as: String.self)
            }
            #expect(volkov == "н")
            let history = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM history WHERE lesson_id = 4").first()!.decode(column: "n", as: Int.self)
            }
            #expect(history == 4)
        }
    }

    /// The statements of a lesson's save do not grow with the number of pupils.
    @Test func theSaveCostsTheSameForOneAndForMany() async throws {
        try await TestApp.withSchool(.sqlite) { client, database in
            var teacher = APIClient(client: client)
            _ = try await teacher.signIn(AccessSchool.Login.teacher)
            func cost(_ body: String) async throws -> Int {
                let before = database.statements.value
                #expect(try await teacher.call(.put, "/api/v1/lessons/4/entries", json: body).status == .ok)
                return database.statements.value - before
            }
            // The lesson's first save also notes its attendance taken: one statement, once.
            let first = try await cost("{\"entries\": []}")
            #expect(try await cost("{\"entries\": []}") == first - 1)
            let one = try await cost(
                "{\"entries\": [{\"studentId\": \(TinySchool.volkov), \"attendance\": \"н\", \"marks\": [{\"value\": \"3\", \"workType\": 1}]}]}"
            )
            let two = try await cost(
                """
                {"entries": [{"studentId": \(TinySchool.volkov), "attendance": "оп", "marks": [{"value": "4", "workType": 1}]},
                             {"studentId": \(TinySchool.aksyonova), "attendance": "н", "marks": [{"value": "5", "workType": 1}]}]}
                """
            )
            #expect(one == two)
        }
    }
}

extension APIClient {
    static func signedIn(_ client: any TestClientProtocol, _ login: String) async throws -> APIClient {
        var api = APIClient(client: client)
        _ = try await api.signIn(login)
        return api
    }
}
