import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// Lessons made from the timetable (issue 6). TinySchool's mathematics in 5А has four lessons on Mondays, lesson 1,
/// in its first quarter (1 September – 23 October); the test gives it that timetable entry and a school holiday
/// 21–27 September, so the quarter's seven Mondays are four existing, one holiday and two new lessons.
struct LessonGenerationHTTPTests {
    static func timetable(_ database: Database) async throws {
        try await database.write { sql in
            try await sql.raw(
                "INSERT INTO course_teachers (school_id, course_id, teacher_id) VALUES (1, 1, 1) ON CONFLICT (school_id, course_id, teacher_id) DO NOTHING"
            ).run()
            try await sql.raw(
                "INSERT INTO timetable_entries (school_id, course_id, weekday, lesson_number, valid_from) VALUES (1, 1, 1, 1, '2026-09-01')"
            ).run()
            try await sql.raw(
                "INSERT INTO holidays (school_id, year_id, title, starts_on, ends_on) VALUES (1, 1, 'Осенние', '2026-09-21', '2026-09-27')"
            ).run()
        }
    }

    static func mondays(_ database: Database) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw("SELECT lesson_date FROM lessons WHERE school_id = 1 AND course_id = 1 ORDER BY lesson_date").all().map {
                try $0.decode(column: "lesson_date", as: String.self)
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theQuartersLessonsAreMadeOnceSkippingTheHolidays(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            try await Self.timetable(database)
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let made = try await admin.call(.post, "/api/v1/calendar/lessons", json: "{\"periodId\": 1}")
            #expect(made.status == .ok)
            try OpenAPITests.conforms(made, to: "post /api/v1/calendar/lessons", in: document)
            let answer = try json(made)
            #expect(answer["created"] as? Int == 2 && answer["existing"] as? Int == 4 && answer["onHolidays"] as? Int == 1)
            #expect(answer["from"] as? String == "2026-09-01" && answer["to"] as? String == "2026-10-23")
            #expect(
                try await Self.mondays(database) == ["2026-09-07", "2026-09-14", "2026-09-28", "2026-10-05", "2026-10-12", "2026-10-19"]
            )
            // Again, for the whole year (which is this one quarter): nothing new.
            let again = try json(try await admin.call(.post, "/api/v1/calendar/lessons", json: "{}"))
            #expect(again["created"] as? Int == 0 && again["existing"] as? Int == 6)

            for (body, code) in [("{\"periodId\": 99}", "unknown_period"), ("{\"periodId\": \"x\"}", "bad_request")] {
                let refused = try await admin.call(.post, "/api/v1/calendar/lessons", json: body)
                #expect(try errorCode(refused) == code)
                try OpenAPITests.conforms(refused, to: "post /api/v1/calendar/lessons", in: document)
            }
            try await database.write { sql in
                try await sql.raw("UPDATE periods SET closed_at = '2026-10-24T00:00:00Z' WHERE school_id = 1 AND id = 1").run()
            }
            #expect(try errorCode(try await admin.call(.post, "/api/v1/calendar/lessons", json: "{\"periodId\": 1}")) == "period_closed")
            // The whole year skips the closed quarter: a lesson deleted from it is not made again.
            try await database.write { sql in
                try await sql.raw("DELETE FROM lessons WHERE school_id = 1 AND course_id = 1 AND lesson_date = '2026-10-19'").run()
            }
            #expect(try json(try await admin.call(.post, "/api/v1/calendar/lessons", json: "{}"))["created"] as? Int == 0)
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.post, "/api/v1/calendar/lessons", json: "{}").status == .forbidden)
            #expect(try await Self.mondays(database).count == 5)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theCalendarPageMakesTheLessonsAndSaysHowMany(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            try await Self.timetable(database)
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let page = try await admin.get("/admin/calendar")
            #expect(page.text.contains("<option value=\"1\">1 четверть, 01.09.2026 – 23.10.2026</option>"))
            let made = try await admin.post("/admin/calendar/lessons", [("period", "")])
            #expect(made.status == .seeOther)
            let after = try await admin.get(try #require(made.location))
            #expect(after.text.contains("Создано уроков по расписанию: 2; уже были: 4; пришлось на каникулы: 1."))
            let refused = try await admin.post("/admin/calendar/lessons", [("period", "99")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Такого периода в этом учебном году нет."))
        }
    }
}
