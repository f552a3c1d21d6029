import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// Periods and holidays changed after lessons were laid (issue 6) on AccessSchool: the first quarter 1 September –
/// 23 October, mathematics of 5А with its four lessons written in (the last on 12 October), the clock on 12 October.
struct CalendarChangeHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func lessonsFollowThePeriodsAndHolidaysAsTheyChange(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            // Mondays: 5А's mathematics second from 12 October, 6Б's first all year — one untouched lesson each on 19 October.
            for (classID, course, number) in [(1, 1, 2), (AccessSchool.otherClass, AccessSchool.otherCourse, 1)] {
                let week = try await admin.call(
                    .put,
                    "/api/v1/classes/\(classID)/timetable",
                    json: "{\"from\": \"2026-10-12\", \"cells\": [{\"weekday\": 1, \"lessonNumber\": \(number), \"courseId\": \(course)}]}"
                )
                #expect(try json(week)["lessonsCreated"] as? Int == 1)
            }
            let calendar = try json(try await admin.call(.get, "/api/v1/calendar"))
            let quarter = try #require((calendar["periods"] as? [[String: Any]])?.first?["id"] as? Int)
            let path = "/api/v1/calendar/periods/\(quarter)"
            func lessonsAfter12th() async throws -> Int {
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE school_id = 1 AND lesson_date > '2026-10-12'")
            }

            let shorter = try await admin.call(.put, path, json: "{\"startsOn\": \"2026-09-01\", \"endsOn\": \"2026-10-16\"}")
            #expect(shorter.status == .ok)
            try OpenAPITests.conforms(shorter, to: "put /api/v1/calendar/periods/{periodId}", in: document)
            #expect(try json(shorter)["lessonsRemoved"] as? Int == 2)
            #expect(try json(shorter)["lessonsCreated"] as? Int == 0)
            #expect(try await lessonsAfter12th() == 0)

            let longer = try json(try await admin.call(.put, path, json: "{\"startsOn\": \"2026-09-01\", \"endsOn\": \"2026-10-23\"}"))
            #expect(longer["lessonsRemoved"] as? Int == 0)
            #expect(longer["lessonsCreated"] as? Int == 2)

            // 12 October's lesson has its topic and Аксёнова's absence.
            let kept = try await admin.call(.put, path, json: "{\"startsOn\": \"2026-09-01\", \"endsOn\": \"2026-10-09\"}")
            #expect(try errorCode(kept) == "lessons_kept")
            try OpenAPITests.conforms(kept, to: "put /api/v1/calendar/periods/{periodId}", in: document)
            #expect(try await lessonsAfter12th() == 2)
            let second = try await admin.call(
                .post,
                "/api/v1/calendar/periods",
                json: "{\"kind\": \"quarter\", \"number\": 2, \"startsOn\": \"2026-11-05\", \"endsOn\": \"2026-12-28\"}"
            )
            let secondID = try #require(try json(second)["id"] as? Int)
            #expect(
                try errorCode(try await admin.call(.put, path, json: "{\"startsOn\": \"2026-09-01\", \"endsOn\": \"2026-11-10\"}"))
                    == "periods_overlap"
            )
            #expect(
                try errorCode(try await admin.call(.put, path, json: "{\"startsOn\": \"2026-09-01\", \"endsOn\": \"2027-09-10\"}")) == "outside_year"
            )

            // Holidays from 26 October widened back to the 19th take that Monday's lessons; removed, they give them back.
            let holiday = try json(
                try await admin.call(
                    .post,
                    "/api/v1/calendar/holidays",
                    json: "{\"title\": \"Осенние каникулы\", \"startsOn\": \"2026-10-26\", \"endsOn\": \"2026-11-04\"}"
                )
            )
            let holidayPath = "/api/v1/calendar/holidays/\(try #require(holiday["id"] as? Int))"
            let widened = try await admin.call(
                .put,
                holidayPath,
                json: "{\"title\": \"Осенние\", \"startsOn\": \"2026-10-19\", \"endsOn\": \"2026-11-04\"}"
            )
            try OpenAPITests.conforms(widened, to: "put /api/v1/calendar/holidays/{holidayId}", in: document)
            #expect(try json(widened)["lessonsRemoved"] as? Int == 2)
            #expect(try await lessonsAfter12th() == 0)
            #expect(
                try errorCode(
                    try await admin.call(.put, holidayPath, json: "{\"title\": \" \", \"startsOn\": \"2026-10-19\", \"endsOn\": \"2026-11-04\"}")
                ) == "bad_title"
            )
            let removed = try await admin.call(.delete, holidayPath)
            try OpenAPITests.conforms(removed, to: "delete /api/v1/calendar/holidays/{holidayId}", in: document)
            #expect(try json(removed)["lessonsCreated"] as? Int == 2)
            #expect(try await admin.call(.delete, holidayPath).status == .notFound)

            let deleted = try await admin.call(.delete, "/api/v1/calendar/periods/\(secondID)")
            try OpenAPITests.conforms(deleted, to: "delete /api/v1/calendar/periods/{periodId}", in: document)
            #expect(deleted.status == .ok)
            // A period with term marks, and a closed one, stay.
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO term_marks (school_id, course_id, student_id, kind, period_id, value, author_id, entered_at, updated_at)
                    VALUES (1, 1, \(bind: TinySchool.aksyonova), 'period', \(bind: quarter), '5', \(bind: TinySchool.teacher), '2026-10-12T09:00:00Z', '2026-10-12T09:00:00Z')
                    """
                ).run()
            }
            #expect(try errorCode(try await admin.call(.delete, path)) == "period_has_marks")
            try await database.write { sql in try await sql.raw("UPDATE periods SET closed_at = '2026-10-12T10:00:00Z' WHERE school_id = 1").run() }
            #expect(
                try errorCode(try await admin.call(.put, path, json: "{\"startsOn\": \"2026-09-01\", \"endsOn\": \"2026-10-30\"}")) == "period_closed"
            )

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.delete, path).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theCalendarPageChangesAPeriodsDates(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = Browser(client, address: "10.0.0.10")
            try await admin.signIn(AccessSchool.Login.admin)
            let page = try await admin.get("/admin/calendar")
            #expect(page.text.contains("action=\"/admin/calendar/periods/1\""))
            let refused = try await admin.post(
                "/admin/calendar/periods/1",
                [("action", "save"), ("startsOn", "2026-09-01"), ("endsOn", "2026-10-09")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("перестают быть учебными"))
            let saved = try await admin.post("/admin/calendar/periods/1", [("action", "save"), ("startsOn", "2026-09-01"), ("endsOn", "2026-10-30")])
            #expect(saved.headers[.location] == "/admin/calendar?removed=0&created=0")
            #expect(try await admin.get("/admin/calendar?removed=0&created=0").text.contains("Календарь изменён."))
            #expect(try await admin.get("/admin/calendar").text.contains("01.09.2026 – 30.10.2026"))
        }
    }
}

extension CalendarChangeHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func newHolidaysTakeTheirDaysUntouchedLessons(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let week = try await admin.call(
                .put,
                "/api/v1/classes/1/timetable",
                json: "{\"from\": \"2026-10-12\", \"cells\": [{\"weekday\": 1, \"lessonNumber\": 2, \"courseId\": 1}]}"
            )
            #expect(try json(week)["lessonsCreated"] as? Int == 1)
            func holiday(_ from: String, _ to: String, parallel: Int) async throws -> TestResponse {
                try await admin.call(
                    .post,
                    "/api/v1/calendar/holidays",
                    json: "{\"title\": \"Карантин\", \"startsOn\": \"\(from)\", \"endsOn\": \"\(to)\", \"parallel\": \(parallel)}"
                )
            }
            // The sixth parallel's day off leaves 5А alone; the fifth's takes its lesson of 19 October.
            #expect(try await holiday("2026-10-19", "2026-10-19", parallel: 6).status == .created)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE school_id = 1 AND lesson_date = '2026-10-19'") == 1)
            #expect(try await holiday("2026-10-19", "2026-10-20", parallel: 5).status == .created)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE school_id = 1 AND lesson_date = '2026-10-19'") == 0)
            // 12 October's lesson was written in.
            #expect(try errorCode(try await holiday("2026-10-12", "2026-10-12", parallel: 5)) == "lessons_kept")

            // A lesson cancelled beforehand goes with its day; one whose mark was deleted keeps its history, and stays.
            let week2 = try await admin.call(
                .put,
                "/api/v1/classes/1/timetable",
                json: "{\"from\": \"2026-10-13\", \"cells\": [{\"weekday\": 4, \"lessonNumber\": 2, \"courseId\": 1}]}"
            )
            #expect(try json(week2)["lessonsCreated"] as? Int == 2)
            func lesson(_ day: String) async throws -> Int {
                try await database.read { sql in
                    try await sql.raw("SELECT id FROM lessons WHERE school_id = 1 AND lesson_date = \(bind: day)").first()!.decode(
                        column: "id",
                        as: Int.self
                    )
                }
            }
            let fifteenth = try await lesson("2026-10-15")
            #expect(try await admin.call(.put, "/api/v1/lessons/\(fifteenth)/schedule", json: "{\"cancelled\": true}").status == .ok)
            #expect(try await holiday("2026-10-15", "2026-10-15", parallel: 5).status == .created)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE school_id = 1 AND lesson_date = '2026-10-15'") == 0)
            let twentySecond = try await lesson("2026-10-22")
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO history (school_id, entity, entity_id, action, at, old_value, lesson_id, student_id)
                    VALUES (1, 'mark', '999', 'delete', '2026-10-12T10:00:00Z', '5', \(bind: twentySecond), \(bind: TinySchool.aksyonova))
                    """
                ).run()
            }
            #expect(try errorCode(try await holiday("2026-10-22", "2026-10-22", parallel: 5)) == "lessons_kept")
        }
    }
}
