import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The school's own rules (issue 6): settings, subjects, work types and bells. TinySchool has «Математика», two work
/// types and bells for lessons 1 (08:30–09:15) and 2 (09:25–10:10).
struct RulebookHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func theAdministratorSetsTheRulesAndTheJournalFollows(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let rules = try await admin.call(.get, "/api/v1/school/rules")
            #expect(rules.status == .ok)
            try OpenAPITests.conforms(rules, to: "get /api/v1/school/rules", in: document)
            #expect((try json(rules)["settings"] as? [String: Any])?["roundingProfile"] as? String == "classic")

            let settings = """
                {"roundingProfile": "custom", "thresholds": "4,6/3,6/2,6", "editWindowDays": 10, "allowsMarkOne": true,
                 "doubleMarkCounting": "two_marks", "twoForbidsFive": true, "notAttestedRule": false, "homeworkDeadlineMinutes": 90}
                """
            let saved = try await admin.call(.put, "/api/v1/school/settings", json: settings)
            #expect(saved.status == .ok)
            try OpenAPITests.conforms(saved, to: "put /api/v1/school/settings", in: document)
            let stored = try await database.read { sql in
                try await sql.raw("SELECT rounding_profile, edit_window_days, homework_deadline_minutes FROM schools WHERE id = 1").first()!
            }
            #expect(try stored.decode(column: "rounding_profile", as: String.self) == "custom:4.6/3.6/2.6")
            #expect(try stored.decode(column: "edit_window_days", as: Int?.self) == 10)
            #expect(try stored.decode(column: "homework_deadline_minutes", as: Int.self) == 90)
            // The answer's own spelling goes back unchanged.
            let again = settings.replacingOccurrences(of: "\"custom\", \"thresholds\": \"4,6/3,6/2,6\"", with: "\"custom:4.6/3.6/2.6\"")
            #expect(try await admin.call(.put, "/api/v1/school/settings", json: again).status == .ok)

            for (body, code) in [
                (settings.replacingOccurrences(of: "4,6/3,6/2,6", with: "2/3/4"), "bad_thresholds"),
                (settings.replacingOccurrences(of: "\"editWindowDays\": 10", with: "\"editWindowDays\": 120"), "bad_edit_window"),
                (settings.replacingOccurrences(of: "two_marks", with: "both"), "bad_double_counting"),
                (
                    settings.replacingOccurrences(of: "\"homeworkDeadlineMinutes\": 90", with: "\"homeworkDeadlineMinutes\": 300"),
                    "bad_homework_deadline"
                ),
            ] {
                let refused = try await admin.call(.put, "/api/v1/school/settings", json: body)
                #expect(try errorCode(refused) == code)
                try OpenAPITests.conforms(refused, to: "put /api/v1/school/settings", in: document)
            }
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM schools WHERE id = 1 AND edit_window_days = 10") == 1)

            let subject = try await admin.call(.post, "/api/v1/subjects", json: "{\"name\": \"Астрономия\", \"allowsDoubleMarks\": true}")
            #expect(subject.status == .created)
            try OpenAPITests.conforms(subject, to: "post /api/v1/subjects", in: document)
            #expect(try errorCode(try await admin.call(.post, "/api/v1/subjects", json: "{\"name\": \"математика\"}")) == "duplicate_subject")

            let work = try await admin.call(.post, "/api/v1/work-types", json: "{\"name\": \"Зачёт\", \"weight\": 3, \"isWritten\": true}")
            #expect(work.status == .created)
            try OpenAPITests.conforms(work, to: "post /api/v1/work-types", in: document)
            #expect(try errorCode(try await admin.call(.post, "/api/v1/work-types", json: "{\"name\": \"Эссе\", \"weight\": 11}")) == "bad_weight")
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM work_types WHERE school_id = 1 AND name = 'Зачёт' AND mark_deadline_days = 7"
                ) == 1
            )

            let bell = try await admin.call(.put, "/api/v1/bells/3", json: "{\"startsAt\": \"10:25\", \"endsAt\": \"11:10\"}")
            #expect(bell.status == .ok)
            try OpenAPITests.conforms(bell, to: "put /api/v1/bells/{number}", in: document)
            #expect((try json(bell)["bells"] as? [Any])?.count == 3)
            for (number, body, code) in [
                (4, "{\"startsAt\": \"11:00\", \"endsAt\": \"11:45\"}", "bells_overlap"),
                (0, "{\"startsAt\": \"12:00\", \"endsAt\": \"12:45\"}", "bells_order"),
                (4, "{\"startsAt\": \"12:45\", \"endsAt\": \"12:00\"}", "bad_time"),
                (13, "{\"startsAt\": \"19:00\", \"endsAt\": \"19:45\"}", "bad_lesson_number"),
            ] {
                let refused = try await admin.call(.put, "/api/v1/bells/\(number)", json: body)
                #expect(try errorCode(refused) == code, "\(number) \(body)")
            }
            // Moving lesson 2 keeps one row for it.
            #expect(try await admin.call(.put, "/api/v1/bells/2", json: "{\"startsAt\": \"9:20\", \"endsAt\": \"10:05\"}").status == .ok)
            #expect(
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM bells WHERE school_id = 1 AND lesson_number = 2 AND starts_at = '09:20'")
                    == 1
            )

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            // The rules page is the administration's; a teacher meets the rules in his journal.
            #expect(try await teacher.call(.get, "/api/v1/school/rules").status == .forbidden)
            #expect(try await teacher.call(.put, "/api/v1/school/settings", json: settings).status == .forbidden)
            #expect(try await teacher.call(.post, "/api/v1/subjects", json: "{\"name\": \"Черчение\"}").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageSavesTheFormsAndTellsWhyOneWasRefused(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let page = try await admin.get("/admin/school")
            #expect(page.status == .ok)
            #expect(page.text.contains("<li>1 урок <span class=\"small\">08:30–09:15</span></li>"))
            let saved = try await admin.post(
                "/admin/school/settings",
                [
                    ("profile", "strict"), ("thresholds", ""), ("editWindowDays", ""), ("doubleMarkCounting", "mean"),
                    ("homeworkDeadlineMinutes", "60"), ("allowsMarkOne", "on"),
                ]
            )
            #expect(saved.status == .seeOther)
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM schools WHERE id = 1 AND rounding_profile = 'strict' AND edit_window_days IS NULL AND allows_mark_one"
                ) == 1
            )
            let refused = try await admin.post("/admin/school/bells", [("number", "2"), ("startsAt", "09:00"), ("endsAt", "09:40")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Урок 2 пересекается с уроком 1 (08:30–09:15)."))
            let subject = try await admin.post("/admin/school/subjects", [("name", "Астрономия"), ("shortName", "Астр.")])
            #expect(subject.status == .seeOther)
            #expect(try await admin.get("/admin/school?saved=1").text.contains("Астрономия <span class=\"small\">Астр.</span>"))
        }
    }
}

extension RulebookHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func aSubjectIsRenamedAndItsDoubleMarksForbiddenOnlyWhileNoneStand(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let allowed = try await admin.call(.put, "/api/v1/subjects/1", json: "{\"name\": \"Алгебра\", \"allowsDoubleMarks\": true}")
            #expect(allowed.status == .noContent)
            try OpenAPITests.conforms(allowed, to: "put /api/v1/subjects/{subjectId}", in: document)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM subjects WHERE id = 1 AND name = 'Алгебра'") == 1)
            // A «5/4» in mathematics' journal keeps the double marks allowed.
            try await database.write { sql in try await sql.raw("UPDATE marks SET value = '5/4' WHERE school_id = 1 AND id = 1").run() }
            let refused = try await admin.call(.put, "/api/v1/subjects/1", json: "{\"name\": \"Алгебра\", \"allowsDoubleMarks\": false}")
            #expect(try errorCode(refused) == "double_marks_given")
            try OpenAPITests.conforms(refused, to: "put /api/v1/subjects/{subjectId}", in: document)
            _ = try await admin.call(.post, "/api/v1/subjects", json: "{\"name\": \"Астрономия\"}")
            #expect(
                try errorCode(try await admin.call(.put, "/api/v1/subjects/1", json: "{\"name\": \"астрономия\", \"allowsDoubleMarks\": true}"))
                    == "duplicate_subject"
            )
            #expect(try await admin.call(.put, "/api/v1/subjects/999", json: "{\"name\": \"Химия\"}").status == .notFound)
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.put, "/api/v1/subjects/1", json: "{\"name\": \"Химия\"}").status == .forbidden)

            let page = Browser(client, address: "10.0.0.11")
            try await page.signIn(AccessSchool.Login.admin)
            #expect(try await page.get("/admin/school").text.contains("action=\"/admin/school/subjects/1\""))
            let saved = try await page.post(
                "/admin/school/subjects/1",
                [("name", "Математика"), ("shortName", "Матем."), ("allowsDoubleMarks", "on")]
            )
            #expect(saved.status == .seeOther)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM subjects WHERE id = 1 AND name = 'Математика'") == 1)
        }
    }
}
