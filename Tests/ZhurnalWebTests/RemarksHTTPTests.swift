import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The weekly remarks (issue 7, item 2) on AccessSchool as it stands at 00:00 on Monday 12.10.2026, with the lessons
/// kept late by ``JournalControlHTTPTests/keepLate(_:)``: 09.10 has nothing written, 05.10 has an «н» unexplained.
struct RemarksHTTPTests {
    static let monday = LocalDate(iso: "2026-10-12")!

    @Test(arguments: TestDatabases.flavors)
    func theWeeklyCheckRemarksTheOutstandingAndTheFixCloses(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            try await JournalControlHTTPTests.keepLate(database)
            let run = RemarkRun(database: database, clock: { TestApp.now })
            #expect(try await run.weekly(monday: Self.monday) == RemarkRun.Outcome(made: 2, closed: 0))
            // The same Monday again makes nothing twice.
            #expect(try await run.weekly(monday: Self.monday) == RemarkRun.Outcome(made: 0, closed: 0))

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            let mine = try await teacher.call(.get, "/api/v1/remarks")
            #expect(mine.status == .ok)
            try OpenAPITests.conforms(mine, to: "get /api/v1/remarks", in: document)
            let remarks = try #require(try json(mine)["remarks"] as? [[String: Any]])
            #expect(
                remarks.map { "\($0["lessonId"] ?? "") \($0["problem"] ?? "") \($0["weekOf"] ?? "")" }.sorted() == [
                    "3 unexplained_absences 2026-10-12", "5 no_record 2026-10-12",
                ]
            )

            // The homeroom teacher explains the absence: the remark shows as put right at once, and the nightly pass
            // closes it.
            try await database.write { sql in
                try await sql.raw("UPDATE attendance SET code = 'б' WHERE school_id = 1 AND lesson_id = 3 AND student_id = 2").run()
            }
            let after = try #require(try json(try await teacher.call(.get, "/api/v1/remarks"))["remarks"] as? [[String: Any]])
            #expect(after.map { $0["lessonId"] as? Int } == [5])
            let all = try #require(try json(try await teacher.call(.get, "/api/v1/remarks?includeClosed=true"))["remarks"] as? [[String: Any]])
            #expect(all.count == 2)
            #expect(all.contains { $0["lessonId"] as? Int == 3 && $0["state"] as? String == "fixed" && $0["closedAt"] is NSNull })
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM remarks WHERE closed_at IS NOT NULL") == 0)
            #expect(try await run.closeFixed() == 1)
            let closed = try #require(try json(try await teacher.call(.get, "/api/v1/remarks?includeClosed=true"))["remarks"] as? [[String: Any]])
            #expect(closed.contains { $0["lessonId"] as? Int == 3 && $0["state"] as? String == "closed" && $0["closedAt"] is String })
            #expect(try await client.execute(uri: "/api/v1/remarks?teacherId=abc", method: .get).status == .unauthorized)

            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let school = try #require(try json(try await deputy.call(.get, "/api/v1/remarks"))["remarks"] as? [[String: Any]])
            #expect(school.map { $0["teacherName"] as? String } == ["Смирнова Ольга Петровна"])
            #expect(try await deputy.call(.get, "/api/v1/remarks?teacherId=\(AccessSchool.otherSchoolAdmin)").status == .notFound)
            let other = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try (json(try await other.call(.get, "/api/v1/remarks"))["remarks"] as? [Any])?.isEmpty == true)
            #expect(try await other.call(.get, "/api/v1/remarks?teacherId=\(TinySchool.teacher)").status == .forbidden)
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, "/api/v1/remarks").status == .forbidden)

            // The lesson of 09.10 never took place and is taken away: the check closes its remark.
            try await database.write { sql in try await sql.raw("DELETE FROM lessons WHERE school_id = 1 AND id = 5").run() }
            #expect(try await run.weekly(monday: Self.monday) == RemarkRun.Outcome(made: 0, closed: 1))
            // A week before the one already checked is refused.
            await #expect(throws: RemarkRun.EarlierWeek.self) { try await run.weekly(monday: Self.monday.adding(days: -7)) }

            let browser = Browser(client, address: "10.0.0.7")
            try await browser.signIn(AccessSchool.Login.teacher)
            let page = try await browser.get("/remarks?closed=1")
            #expect(page.status == .ok)
            #expect(page.text.contains("Открытых замечаний: 0"))
            #expect(page.text.contains("«н» без причины дольше 3 дней"))
        }
    }
}
