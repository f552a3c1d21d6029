import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// A teacher's week (issue 6) on AccessSchool: Смирнова teaches 5А's mathematics, Орлов 6Б's.
struct TeacherWeekHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func aTeachersWeekShowsEveryClassAndMarksAClash(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            for (classID, course, room) in [(1, 1, "15"), (AccessSchool.otherClass, AccessSchool.otherCourse, "21")] {
                let saved = try await admin.call(
                    .put,
                    "/api/v1/classes/\(classID)/timetable",
                    json:
                        "{\"from\": \"2026-09-01\", \"cells\": [{\"weekday\": 1, \"lessonNumber\": 1, \"courseId\": \(course), \"room\": \"\(room)\"}]}"
                )
                #expect(saved.status == .ok)
            }
            let path = "/api/v1/teachers/\(TinySchool.teacher)/timetable"
            let alone = try json(try await admin.call(.get, path))
            // Foundation reads JSON booleans as NSNumber: `true` prints as 1.
            #expect((alone["lessons"] as? [[String: Any]])?.map { "\($0["className"] ?? "") \($0["clash"] ?? "")" } == ["5А 0"])

            // 6Б's mathematics handed to Смирнова after both weeks were saved: she is now in two places on Monday.
            try await database.write { sql in
                try await sql.raw(
                    "UPDATE course_teachers SET teacher_id = \(bind: TinySchool.teacher) WHERE school_id = 1 AND course_id = \(bind: AccessSchool.otherCourse)"
                ).run()
            }
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let week = try await deputy.call(.get, "\(path)?date=2026-10-12")
            #expect(week.status == .ok)
            try OpenAPITests.conforms(week, to: "get /api/v1/teachers/{teacherId}/timetable", in: document)
            let body = try json(week)
            #expect(body["hoursPerWeek"] as? Int == 1)
            #expect(
                (body["lessons"] as? [[String: Any]])?.map { "\($0["className"] ?? "") \($0["room"] ?? "") \($0["clash"] ?? "")" } == [
                    "5А 15 1", "6Б 21 1",
                ]
            )

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.get, path).status == .ok)
            #expect(try await teacher.call(.get, "/api/v1/teachers/\(AccessSchool.otherTeacher)/timetable").status == .forbidden)
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, path).status == .forbidden)
            #expect(try await deputy.call(.get, "/api/v1/teachers/\(AccessSchool.parent)/timetable").status == .notFound)
            #expect(try errorCode(try await deputy.call(.get, "\(path)?date=12.10.2026")) == "bad_date")

            let browser = Browser(client, address: "10.0.0.7")
            try await browser.signIn(AccessSchool.Login.teacher)
            let page = try await browser.get("/schedule/teacher")
            #expect(page.status == .ok)
            #expect(page.text.contains("Расписание: Смирнова Ольга Петровна"))
            #expect(page.text.contains("накладка"))
            #expect(page.text.contains("6Б — Математика, каб. 21"))
            // Only the administration picks another teacher.
            #expect(!page.text.contains("id=\"pick-teacher\""))
            let office = Browser(client, address: "10.0.0.8")
            try await office.signIn(AccessSchool.Login.admin)
            #expect(try await office.get("/schedule/teacher").text.contains("id=\"pick-teacher\""))
        }
    }
}
