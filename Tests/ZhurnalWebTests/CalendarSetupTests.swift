import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The year's calendar set up by the administrator (issue 6): periods and holidays through the page and the API,
/// refused with the reason and nothing written when they overlap or leave the year. TinySchool's year is
/// 01.09.2026–31.08.2027 with its first quarter 01.09–23.10.
struct CalendarSetupTests {
    static func count(_ database: Database, _ table: String) async throws -> Int {
        try await Stored.count(database, "SELECT COUNT(*) AS n FROM \(unsafeRaw: table)")
    }

    @Test(arguments: TestDatabases.flavors)
    func theAdministratorAddsPeriodsAndHolidaysThroughTheAPI(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let period = "post /api/v1/calendar/periods"
            let second = try await admin.call(
                .post,
                "/api/v1/calendar/periods",
                json: "{\"kind\": \"quarter\", \"number\": 2, \"startsOn\": \"2026-11-05\", \"endsOn\": \"2026-12-28\"}"
            )
            #expect(second.status == .created)
            try OpenAPITests.conforms(second, to: period, in: document)
            for (json, code) in [
                ("{\"kind\": \"quarter\", \"number\": 3, \"startsOn\": \"2026-12-20\", \"endsOn\": \"2027-03-20\"}", "periods_overlap"),
                ("{\"kind\": \"quarter\", \"number\": 2, \"startsOn\": \"2027-01-09\", \"endsOn\": \"2027-03-20\"}", "duplicate_period"),
                ("{\"kind\": \"quarter\", \"number\": 4, \"startsOn\": \"2026-10-24\", \"endsOn\": \"2026-11-01\"}", "periods_out_of_order"),
                ("{\"kind\": \"quarter\", \"number\": 3, \"startsOn\": \"2027-01-09\", \"endsOn\": \"2027-09-20\"}", "outside_year"),
                ("{\"kind\": \"term\", \"number\": 3, \"startsOn\": \"2027-01-09\", \"endsOn\": \"2027-03-20\"}", "bad_kind"),
            ] {
                let refused = try await admin.call(.post, "/api/v1/calendar/periods", json: json)
                #expect(refused.status == .unprocessableContent)
                #expect(try errorCode(refused) == code)
                try OpenAPITests.conforms(refused, to: period, in: document)
            }
            #expect(try await Self.count(database, "periods") == 2)

            let holiday = try await admin.call(
                .post,
                "/api/v1/calendar/holidays",
                json: "{\"title\": \"Осенние каникулы\", \"startsOn\": \"2026-10-26\", \"endsOn\": \"2026-11-04\"}"
            )
            #expect(holiday.status == .created)
            try OpenAPITests.conforms(holiday, to: "post /api/v1/calendar/holidays", in: document)
            let clash = try await admin.call(
                .post,
                "/api/v1/calendar/holidays",
                json: "{\"title\": \"Ещё\", \"startsOn\": \"2026-11-04\", \"endsOn\": \"2026-11-06\", \"parallel\": 1}"
            )
            #expect(try errorCode(clash) == "holidays_overlap")
            #expect(try await Self.count(database, "holidays") == 1)

            let calendar = try await admin.call(.get, "/api/v1/calendar")
            try OpenAPITests.conforms(calendar, to: "get /api/v1/calendar", in: document)
            let periods = (try json(calendar)["periods"] as? [[String: Any]])?.compactMap { $0["title"] as? String }
            #expect(periods == ["1 четверть", "2 четверть"])
            // A teacher neither reads nor changes the calendar here.
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let refused = try await teacher.call(
                .post,
                "/api/v1/calendar/periods",
                json: "{\"kind\": \"quarter\", \"number\": 3, \"startsOn\": \"2027-01-09\", \"endsOn\": \"2027-03-20\"}"
            )
            #expect(refused.status == .forbidden)
            #expect(try await teacher.call(.get, "/api/v1/calendar").status == .forbidden)
            #expect(try await Self.count(database, "periods") == 2)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageShowsTheYearAndTellsWhyAFormWasRefused(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let page = try await admin.get("/admin/calendar")
            #expect(page.status == .ok)
            #expect(
                page.text.contains("Учебный год 2026/27") && page.text.contains("1 четверть <span class=\"small\">01.09.2026 – 23.10.2026</span>")
            )
            let refused = try await admin.post(
                "/admin/calendar/periods",
                [("kind", "quarter"), ("number", "2"), ("startsOn", "2026-12-28"), ("endsOn", "2026-11-05")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("<p class=\"alert\" role=\"alert\">Начало (28.12.2026) позже конца (05.11.2026).</p>"))
            let added = try await admin.post(
                "/admin/calendar/holidays",
                [("title", "Зимние каникулы"), ("startsOn", "2026-12-29"), ("endsOn", "2027-01-08"), ("parallel", "")]
            )
            #expect(added.location == "/admin/calendar?added=1")
            #expect(try await admin.get("/admin/calendar").text.contains("Зимние каникулы <span class=\"small\">29.12.2026 – 08.01.2027</span>"))
            #expect(try await Self.count(database, "holidays") == 1)
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.get("/admin/calendar").status == .forbidden)
        }
    }
}
