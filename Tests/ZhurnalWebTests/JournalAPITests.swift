import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Marks and attendance through the API: the policy, the journal's rules, versions and history. "Today" is 12.10;
/// TinySchool's lessons are on 07.09, 14.09, 05.10 and 12.10 (lessons 1–4); Борисов left on 01.10.
struct JournalAPITests {
    static func signedIn(_ client: any TestClientProtocol, _ login: String) async throws -> APIClient {
        var api = APIClient(client: client)
        _ = try await api.signIn(login)
        return api
    }

    static func mark(_ student: Int, _ value: String, workType: Int = 1, reason: String? = nil) -> String {
        let reasonField = reason.map { ", \"reason\": \"\($0)\"" } ?? ""
        return "{\"studentId\": \(student), \"value\": \"\(value)\", \"workType\": \(workType)\(reasonField)}"
    }

    @Test(arguments: TestDatabases.flavors)
    func theTeacherAddsChangesAndDeletesAMarkWithItsHistory(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            let created = try await teacher.call(.post, "/api/v1/lessons/4/marks", json: Self.mark(TinySchool.volkov, " 4 ", workType: 2))
            #expect(created.status == .created)
            let mark = try json(created)
            let id = try #require(mark["id"] as? Int)
            #expect(mark["value"] as? String == "4")
            #expect(mark["weight"] as? Int == 4)
            #expect(mark["version"] as? Int == 1)

            let stale = try await teacher.call(.patch, "/api/v1/marks/\(id)", json: "{\"value\": \"5\", \"version\": 7}")
            #expect(stale.status == .conflict)
            #expect(try errorCode(stale) == "conflict")
            let changed = try await teacher.call(
                .patch,
                "/api/v1/marks/\(id)",
                json: "{\"value\": \"5\", \"comment\": \"исправлено\", \"version\": 1}"
            )
            #expect(changed.status == .ok)
            #expect(try json(changed)["version"] as? Int == 2)
            #expect(try json(changed)["comment"] as? String == "исправлено")

            #expect(try await teacher.call(.delete, "/api/v1/marks/\(id)", json: "{\"version\": 2}").status == .noContent)
            let history = try await teacher.call(.get, "/api/v1/marks/\(id)/history")
            let lines = try #require(try json(history)["history"] as? [[String: Any]])
            #expect(lines.map { $0["action"] as? String } == ["create", "update", "delete"])
            #expect(lines.allSatisfy { $0["actorRole"] as? String == "teacher" })
            // The pupil's parent may not read it.
            let parent = try await Self.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, "/api/v1/marks/\(id)/history").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func refusedValuesAndCellsSayWhyAndWriteNothing(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            let cases: [(lesson: Int, body: String, status: HTTPResponse.Status, code: String)] = [
                (4, Self.mark(TinySchool.volkov, "6"), .unprocessableContent, "invalid_mark"),
                (4, Self.mark(TinySchool.volkov, "4/3"), .unprocessableContent, "invalid_mark"),
                (4, Self.mark(TinySchool.volkov, "н"), .unprocessableContent, "invalid_mark"),
                (4, Self.mark(TinySchool.volkov, "5", workType: 99), .unprocessableContent, "unknown_work_type"),
                (4, Self.mark(TinySchool.borisov, "5"), .unprocessableContent, "pupil_not_enrolled"),
                (2, Self.mark(TinySchool.aksyonova, "5"), .unprocessableContent, "edit_window_passed"),
                (99, Self.mark(TinySchool.aksyonova, "5"), .notFound, "not_found"),
                (4, "{\"studentId\": 4}", .unprocessableContent, "missing_fields"),
            ]
            for item in cases {
                let answer = try await teacher.call(.post, "/api/v1/lessons/\(item.lesson)/marks", json: item.body)
                #expect(answer.status == item.status, "\(item.body)")
                #expect(try errorCode(answer) == item.code, "\(item.body)")
                let message = try #require(try json(answer)["error"] as? [String: Any])["message"] as? String
                #expect(message?.isEmpty == false)
            }
            let window = try await teacher.call(.post, "/api/v1/lessons/2/marks", json: Self.mark(TinySchool.aksyonova, "5"))
            #expect(
                (try json(window)["error"] as? [String: Any])?["message"] as? String
                    == "Прошло больше 7 дн. после урока: исправить запись может только заместитель директора или администратор, указав причину."
            )
            let counts = try await database.read { sql in
                try await sql.raw("SELECT (SELECT COUNT(*) FROM marks) AS marks, (SELECT COUNT(*) FROM history) AS history").first()!
            }
            #expect(try counts.decode(column: "marks", as: Int.self) == 5)
            #expect(try counts.decode(column: "history", as: Int.self) == 0)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theDeputyCorrectsAfterTheWindowWithAReasonAndAClosedPeriodStopsEveryone(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let deputy = try await Self.signedIn(client, AccessSchool.Login.deputy)
            let bare = try await deputy.call(.post, "/api/v1/lessons/2/marks", json: Self.mark(TinySchool.aksyonova, "5"))
            #expect(try errorCode(bare) == "reason_required")
            let corrected = try await deputy.call(.post, "/api/v1/lessons/2/marks", json: Self.mark(TinySchool.aksyonova, "5", reason: "справка"))
            #expect(corrected.status == .created)
            let id = try #require(try json(corrected)["id"] as? Int)
            let history = try await database.read { try await JournalHistory.of(school: 1, .mark, id: String(id), in: $0) }
            #expect(history.first?.actorRole == "deputy")
            #expect(history.first?.reason == "справка")

            try await database.write { try await $0.raw("UPDATE periods SET closed_at = '2026-10-12T08:00:00Z' WHERE id = 1").run() }
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            #expect(
                try errorCode(try await teacher.call(.post, "/api/v1/lessons/4/marks", json: Self.mark(TinySchool.volkov, "5"))) == "period_closed"
            )
            #expect(
                try errorCode(try await deputy.call(.post, "/api/v1/lessons/4/marks", json: Self.mark(TinySchool.volkov, "5", reason: "x")))
                    == "period_closed"
            )
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func onlyTheTeacherOfTheCourseKeepsItsJournal(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            for login in [AccessSchool.Login.otherTeacher, AccessSchool.Login.parent, AccessSchool.Login.pupil, AccessSchool.Login.director] {
                let someone = try await Self.signedIn(client, login)
                let answer = try await someone.call(.post, "/api/v1/lessons/4/marks", json: Self.mark(TinySchool.volkov, "5"))
                #expect(answer.status == .forbidden, "\(login)")
                #expect(
                    try await someone.call(.put, "/api/v1/lessons/4/attendance/\(TinySchool.volkov)", json: "{\"code\": \"н\"}").status == .forbidden,
                    "\(login)"
                )
            }
            let foreign = try await Self.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await foreign.call(.post, "/api/v1/lessons/4/marks", json: Self.mark(TinySchool.volkov, "5")).status == .notFound)
            #expect(try await foreign.call(.get, "/api/v1/marks/1/history").status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func attendanceIsSetAndClearedByCode(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let teacher = try await Self.signedIn(client, AccessSchool.Login.teacher)
            let set = try await teacher.call(.put, "/api/v1/lessons/4/attendance/\(TinySchool.volkov)", json: "{\"code\": \"Н\"}")
            #expect(set.status == .ok)
            #expect(try json(set)["code"] as? String == "н")
            #expect(try json(set)["version"] as? Int == 1)
            let bad = try await teacher.call(.put, "/api/v1/lessons/4/attendance/\(TinySchool.volkov)", json: "{\"code\": \"x\"}")
            #expect(bad.status == .unprocessableContent)
            #expect(try errorCode(bad) == "invalid_attendance")
            let classified = try await teacher.call(.put, "/api/v1/lessons/4/attendance/\(TinySchool.volkov)", json: "{\"code\": \"б\"}")
            #expect(try errorCode(classified) == "classification_not_here")
            let cleared = try await teacher.call(.put, "/api/v1/lessons/4/attendance/\(TinySchool.volkov)", json: "{\"code\": null}")
            #expect(try json(cleared)["version"] as? Int == 0)
        }
    }

    @Test func aPageSessionNeedsTheCSRFHeaderToWrite() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let teacher = Browser(client)
            try await teacher.signIn(AccessSchool.Login.teacher)
            try await teacher.get("/")
            let cookie = try #require(teacher.sessionCookie)
            var headers: HTTPFields = [.cookie: "zhurnal=\(cookie)", .contentType: "application/json"]
            let body = Self.mark(TinySchool.volkov, "5")
            let without = try await client.execute(uri: "/api/v1/lessons/4/marks", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(without.status == .forbidden)
            headers[HTTPField.Name("X-CSRF-Token")!] = teacher.csrf
            let with = try await client.execute(uri: "/api/v1/lessons/4/marks", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(with.status == .created)
        }
    }
}
