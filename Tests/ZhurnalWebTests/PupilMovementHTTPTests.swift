import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// Pupils' movement (issue 6) on AccessSchool: Аксёнова is in 5А from 1 September with marks up to 5 October, Волков
/// arrived in 5А on 5 October, Борисов left it on 1 October; 6Б is the other class.
struct PupilMovementHTTPTests {
    static func enrolments(_ database: Database, _ student: Int) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT k.parallel || k.letter AS class_name, e.starts_on, e.ends_on FROM enrolments e
                JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
                WHERE e.school_id = 1 AND e.student_id = \(bind: student) ORDER BY e.starts_on
                """
            ).all().map {
                "\(try $0.decode(column: "class_name", as: String.self)) \(try $0.decode(column: "starts_on", as: String.self))–\(try $0.decode(column: "ends_on", as: String?.self) ?? "")"
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aTransferKeepsTheOldClassesJournalAndRefusesWhatWouldBreakIt(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let pupil = TinySchool.aksyonova
            let path = "/api/v1/students/\(pupil)/movements"
            for (body, code) in [
                // Her marks in 5А run to 5 October: a transfer on that day would leave them outside her enrolment.
                ("{\"kind\": \"transfer\", \"classId\": \(AccessSchool.otherClass), \"date\": \"2026-10-05\"}", "entries_after"),
                ("{\"kind\": \"transfer\", \"classId\": \(AccessSchool.otherClass), \"date\": \"2026-08-20\"}", "bad_date"),
                ("{\"kind\": \"transfer\", \"classId\": 1, \"date\": \"2026-10-19\"}", "same_class"),
                ("{\"kind\": \"transfer\", \"classId\": 999, \"date\": \"2026-10-19\"}", "unknown_class"),
                ("{\"kind\": \"arrival\", \"classId\": \(AccessSchool.otherClass), \"date\": \"2026-10-19\"}", "already_enrolled"),
                ("{\"kind\": \"promotion\", \"date\": \"2026-10-19\"}", "bad_kind"),
                ("{\"kind\": \"transfer\", \"classId\": \(AccessSchool.otherClass), \"date\": \"19.10.2026\"}", "bad_date"),
            ] {
                let refused = try await admin.call(.post, path, json: body)
                #expect(refused.status == .unprocessableContent, "\(body)")
                #expect(try errorCode(refused) == code, "\(body)")
                try OpenAPITests.conforms(refused, to: "post /api/v1/students/{studentId}/movements", in: document)
            }
            // Волков arrived on 5 October: a transfer date before the arrival.
            let early = try await admin.call(
                .post,
                "/api/v1/students/\(TinySchool.volkov)/movements",
                json: "{\"kind\": \"transfer\", \"classId\": \(AccessSchool.otherClass), \"date\": \"2026-10-02\"}"
            )
            #expect(try errorCode(early) == "before_arrival")
            #expect(try await Self.enrolments(database, pupil) == ["5А 2026-09-01–"])

            let moved = try await admin.call(
                .post,
                path,
                json:
                    "{\"kind\": \"transfer\", \"classId\": \(AccessSchool.otherClass), \"date\": \"2026-10-19\", \"reason\": \"Приказ № 12 от 16.10.2026\"}"
            )
            #expect(moved.status == .ok)
            try OpenAPITests.conforms(moved, to: "post /api/v1/students/{studentId}/movements", in: document)
            #expect(try await Self.enrolments(database, pupil) == ["5А 2026-09-01–2026-10-18", "6Б 2026-10-19–"])
            let list = try await admin.call(.get, "/api/v1/students/\(pupil)/enrolments")
            try OpenAPITests.conforms(list, to: "get /api/v1/students/{studentId}/enrolments", in: document)
            let items = try json(list)["enrolments"] as? [[String: Any]]
            #expect(items?.last?["reason"] as? String == "Приказ № 12 от 16.10.2026")
            #expect(items?.first?["endReason"] as? String == "Приказ № 12 от 16.10.2026")
            // Her marks stay in 5А's journal.
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM marks WHERE school_id = 1 AND student_id = 2") == 3)

            let left = try await admin.call(.post, path, json: "{\"kind\": \"departure\", \"date\": \"2026-12-30\", \"reason\": \"переезд\"}")
            #expect(left.status == .ok)
            #expect(try await Self.enrolments(database, pupil) == ["5А 2026-09-01–2026-10-18", "6Б 2026-10-19–2026-12-30"])
            let back = try await admin.call(.post, path, json: "{\"kind\": \"arrival\", \"classId\": 1, \"date\": \"2027-01-11\"}")
            #expect(back.status == .ok)
            #expect(try await Self.enrolments(database, pupil).last == "5А 2027-01-11–")

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.post, path, json: "{\"kind\": \"departure\", \"date\": \"2027-02-01\"}").status == .forbidden)
            #expect(try await teacher.call(.get, "/api/v1/students/\(pupil)/enrolments").status == .forbidden)
            #expect(try await admin.call(.get, "/api/v1/students/999999/enrolments").status == .notFound)
            // A teacher chosen by mistake is no pupil to enrol.
            let teacherMoved = try await admin.call(
                .post,
                "/api/v1/students/\(TinySchool.teacher)/movements",
                json: "{\"kind\": \"arrival\", \"classId\": 1, \"date\": \"2026-10-19\"}"
            )
            #expect(try errorCode(teacherMoved) == "not_a_pupil")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageShowsTheHistoryAndTellsWhyAMoveWasRefused(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let card = try await admin.get("/admin/people/\(TinySchool.volkov)")
            #expect(card.text.contains("href=\"/admin/people/\(TinySchool.volkov)/movement\""))
            let page = try await admin.get("/admin/people/\(TinySchool.volkov)/movement")
            #expect(page.status == .ok)
            #expect(page.text.contains("с 05.10.2026"))
            let refused = try await admin.post(
                "/admin/people/\(TinySchool.volkov)/movement",
                [("kind", "transfer"), ("classId", String(AccessSchool.otherClass)), ("date", "2026-10-02"), ("reason", "")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("раньше зачисления") || refused.text.contains("не позже зачисления"))
            let moved = try await admin.post(
                "/admin/people/\(TinySchool.volkov)/movement",
                [("kind", "transfer"), ("classId", String(AccessSchool.otherClass)), ("date", "2026-10-19"), ("reason", "Приказ № 13")]
            )
            #expect(moved.status == .seeOther)
            let after = try await admin.get(try #require(moved.location))
            #expect(after.text.contains("Записано."))
            #expect(after.text.contains("с 05.10.2026 по 18.10.2026"))
            #expect(try await Self.enrolments(database, TinySchool.volkov) == ["5А 2026-10-05–2026-10-18", "6Б 2026-10-19–"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func guardiansAreLinkedAndUnlinkedAndAccessFollows(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let path = "/api/v1/students/\(TinySchool.aksyonova)/guardians"
            let linked = try await admin.call(.post, path, json: "{\"fullName\": \"Аксёнова Ирина Павловна\", \"relation\": \"Мать\"}")
            #expect(linked.status == .created)
            try OpenAPITests.conforms(linked, to: "post /api/v1/students/{studentId}/guardians", in: document)
            let mother = try #require(try json(linked)["id"] as? Int)
            // The same mother linked again is the same person, with no second link.
            let again = try await admin.call(.post, path, json: "{\"fullName\": \"аксёнова ирина павловна\", \"relation\": \"мать\"}")
            #expect(try json(again)["id"] as? Int == mother)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM guardianships WHERE school_id = 1 AND student_id = 2") == 2)
            for (body, code) in [
                ("{\"fullName\": \"Аксёнова\"}", "bad_name"),
                ("{\"fullName\": \"Аксёнова Ирина\", \"relation\": \"\(String(repeating: "м", count: 41))\"}", "bad_relation"),
            ] {
                let refused = try await admin.call(.post, path, json: body)
                #expect(try errorCode(refused) == code)
                try OpenAPITests.conforms(refused, to: "post /api/v1/students/{studentId}/guardians", in: document)
            }
            #expect(
                try errorCode(
                    try await admin.call(.post, "/api/v1/students/\(TinySchool.teacher)/guardians", json: "{\"fullName\": \"Иванова Анна\"}")
                ) == "not_a_pupil"
            )

            // Her father unlinked: his account no longer reads her diary.
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, "/api/v1/students/\(TinySchool.aksyonova)/diary").status == .ok)
            let unlinked = try await admin.call(.delete, "\(path)/\(AccessSchool.parent)")
            #expect(unlinked.status == .noContent)
            try OpenAPITests.conforms(unlinked, to: "delete /api/v1/students/{studentId}/guardians/{guardianId}", in: document)
            #expect(try await parent.call(.get, "/api/v1/students/\(TinySchool.aksyonova)/diary").status != .ok)
            #expect(try await admin.call(.delete, "\(path)/\(AccessSchool.parent)").status == .notFound)

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.post, path, json: "{\"fullName\": \"Аксёнова Ирина\"}").status == .forbidden)

            let page = try await AdminPeopleTests.signedInAdmin(client)
            let movement = try await page.get("/admin/people/\(TinySchool.aksyonova)/movement")
            #expect(movement.text.contains("Аксёнова Ирина Павловна</a> <span class=\"small\">мать</span>"))
            let refused = try await page.post("/admin/people/\(TinySchool.aksyonova)/guardians", [("fullName", "Одно"), ("relation", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("нужны фамилия и имя"))
        }
    }
}
