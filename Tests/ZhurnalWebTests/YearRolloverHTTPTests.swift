import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The year's end (issue 6) on AccessSchool's 2026/27: 5А (Аксёнова, Волков; Борисов left in October), 6Б, and for
/// the test an 11А with one pupil; its only period, the first quarter, is open until the test closes it.
struct YearRolloverHTTPTests {
    static func seed(_ database: Database) async throws {
        try await database.write { sql in
            try await sql.raw("INSERT INTO classes (school_id, id, year_id, parallel, letter, period_kind) VALUES (1, 70, 1, 11, 'А', 'half_year')")
                .run()
            try await sql.raw(
                "INSERT INTO people (school_id, id, last_name, first_name, birth_date, created_at) VALUES (1, 71, 'Юрьев', 'Глеб', '2009-02-03', '2026-09-01T00:00:00Z')"
            ).run()
            try await sql.raw("INSERT INTO enrolments (school_id, student_id, class_id, starts_on) VALUES (1, 71, 70, '2026-09-01')").run()
            try await sql.raw("INSERT INTO curriculum_hours (school_id, year_id, parallel, subject_id, hours_per_week) VALUES (1, 1, 5, 1, 5)").run()
            try await sql.raw(
                "INSERT INTO holidays (school_id, year_id, title, starts_on, ends_on) VALUES (1, 1, 'Осенние', '2026-10-26', '2026-11-03')"
            ).run()
        }
    }

    static func rows(_ database: Database, _ query: SQLQueryString) async throws -> [String] {
        try await database.read { sql in
            try await sql.raw(query).all().map { try $0.decode(column: "v", as: String.self) }
        }
    }

    /// From 12 October 2026 to 15 June 2027, when the year's periods are over.
    static let toJune: TimeInterval = 246 * 86_400

    @Test(arguments: TestDatabases.flavors)
    func theYearClosesTheClassesGoUpAndTheEleventhGraduate(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, database in
            try await Self.seed(database)
            var admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let open = try await admin.call(.get, "/api/v1/rollover")
            #expect(open.status == .unprocessableContent)
            #expect(try errorCode(open) == "unclosed_periods")
            try OpenAPITests.conforms(open, to: "get /api/v1/rollover", in: document)
            #expect(try errorCode(try await admin.call(.post, "/api/v1/rollover")) == "unclosed_periods")

            try await database.write { sql in
                try await sql.raw("UPDATE periods SET closed_at = '2026-10-24T00:00:00Z' WHERE school_id = 1").run()
            }
            clock.advance(seconds: Self.toJune)
            admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let plan = try await admin.call(.get, "/api/v1/rollover")
            #expect(plan.status == .ok)
            try OpenAPITests.conforms(plan, to: "get /api/v1/rollover", in: document)
            let planned = try json(plan)
            #expect(planned["title"] as? String == "2027/28" && planned["startsOn"] as? String == "2027-09-01")
            let classes = (planned["classes"] as? [[String: Any]])?.map {
                "\($0["name"] ?? "")→\($0["becomes"] as? String ?? "выпуск") \($0["pupils"] ?? "")"
            }
            #expect(classes?.first == "5А→6А 2")
            #expect(classes?.last == "11А→выпуск 1")
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM academic_years WHERE school_id = 1") == 1)

            let done = try await admin.call(.post, "/api/v1/rollover")
            #expect(done.status == .ok)
            try OpenAPITests.conforms(done, to: "post /api/v1/rollover", in: document)
            let year = try #require(try json(done)["newYearId"] as? Int)
            #expect(
                try await Self.rows(
                    database,
                    "SELECT title || ' ' || COALESCE(archived_at, '-') AS v FROM academic_years WHERE school_id = 1 ORDER BY starts_on"
                ) == [
                    "2026/27 2027-06-15T09:00:00Z", "2027/28 -",
                ]
            )
            #expect(
                try await Self.rows(
                    database,
                    "SELECT parallel || letter || ' ' || period_kind AS v FROM classes WHERE school_id = 1 AND year_id = \(bind: year) ORDER BY parallel"
                )
                    == ["6А quarter", "7Б quarter"]
            )
            // Аксёнова: 5А to the year's last day, 6А from the next year's first.
            #expect(
                try await Self.rows(
                    database,
                    """
                    SELECT k.parallel || k.letter || ' ' || e.starts_on || ' ' || COALESCE(e.ends_on, '-') || ' ' || COALESCE(e.end_reason, COALESCE(e.reason, '-')) AS v
                    FROM enrolments e JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
                    WHERE e.school_id = 1 AND e.student_id = 2 ORDER BY e.starts_on
                    """
                ) == ["5А 2026-09-01 2027-08-31 окончание учебного года", "6А 2027-09-01 - перевод в 6А"]
            )
            #expect(
                try await Self.rows(
                    database,
                    "SELECT e.ends_on || ' ' || e.end_reason AS v FROM enrolments e WHERE e.school_id = 1 AND e.student_id = 71"
                )
                    == ["2027-08-31 выпуск"]
            )
            // Борисов, who left in October, is not carried over.
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM enrolments WHERE school_id = 1 AND student_id = 3") == 1)
            // The new year's calendar is the administrator's to set; the curriculum is carried over.
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM periods WHERE school_id = 1") == 1)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM curriculum_hours WHERE school_id = 1") == 2)

            // The new year is now the one being set up: it has no periods yet, so a second rollover is refused.
            #expect(try errorCode(try await admin.call(.post, "/api/v1/rollover")) == "no_periods")
            let calendar = try json(try await admin.call(.get, "/api/v1/calendar"))
            #expect(calendar["title"] as? String == "2027/28")
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.post, "/api/v1/rollover").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageShowsThePlanOrWhyNot(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, database in
            try await Self.seed(database)
            var admin = try await AdminPeopleTests.signedInAdmin(client)
            let refused = try await admin.get("/admin/rollover")
            #expect(refused.text.contains("Год нельзя закрыть, пока открыты периоды: 1 четверть."))
            #expect(!refused.text.contains("action=\"/admin/rollover\""))
            try await database.write { sql in
                try await sql.raw("UPDATE periods SET closed_at = '2026-10-24T00:00:00Z' WHERE school_id = 1").run()
            }
            #expect(try await admin.get("/admin/rollover").text.contains("Учебные периоды идут до 23.10.2026"))
            clock.advance(seconds: Self.toJune)
            admin = try await AdminPeopleTests.signedInAdmin(client)
            let plan = try await admin.get("/admin/rollover")
            #expect(plan.text.contains("<tr><th scope=\"row\">5А</th><td>6А</td><td>2</td></tr>"))
            #expect(plan.text.contains("<tr><th scope=\"row\">11А</th><td>выпуск</td><td>1</td></tr>"))
            let done = try await admin.post("/admin/rollover")
            #expect(done.status == .seeOther)
            let after = try await admin.get(try #require(done.location))
            #expect(after.text.contains("Учебный год закрыт, новый создан."))
            #expect(after.text.contains("Учебный год: 2027/28"))
        }
    }
}
