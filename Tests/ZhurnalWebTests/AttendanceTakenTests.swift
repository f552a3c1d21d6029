import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Attendance taken: a whole lesson's save (API or page form, even with nobody absent) or a single attendance cell
/// marks it, when the rules let the person change the lesson's cells now. "Today" is 12.10 (lesson 4); lesson 3 of
/// 05.10 is within the window, lesson 1 of 07.09 past it.
struct AttendanceTakenTests {
    static func taken(_ database: Database) async throws -> [Int] {
        try await database.read { sql in
            try await sql.raw("SELECT id FROM lessons WHERE attendance_taken_at IS NOT NULL ORDER BY id").all()
                .map { try $0.decode(column: "id", as: Int.self) }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func savesThatTakeAttendanceAndThoseThatDoNot(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(
            flavor,
            extraSeed: { database in
                // Next week's lesson, planned already.
                try await TinySchool.addLesson(5, course: TinySchool.course, on: "2026-10-19", number: 1, teacher: TinySchool.teacher, into: database)
            }
        ) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            // Nobody absent: the whole lesson's save with no change still takes attendance.
            #expect(try await teacher.call(.put, "/api/v1/lessons/4/entries", json: "{\"entries\": []}").status == .ok)
            #expect(try await Self.taken(database) == [4])
            let by = try await database.read { sql in
                try await sql.raw("SELECT attendance_taken_by FROM lessons WHERE id = 4").first()?.decode(column: "attendance_taken_by", as: Int.self)
            }
            #expect(by == TinySchool.teacher)
            // A single cell of lesson 3 takes it too; a mark alone does not.
            #expect(
                try await teacher.call(
                    .post,
                    "/api/v1/lessons/2/marks",
                    json: "{\"studentId\": \(TinySchool.aksyonova), \"value\": \"5\", \"workType\": 1}"
                )
                .status == .unprocessableContent
            )
            #expect(
                try await teacher.call(.put, "/api/v1/lessons/3/attendance/\(TinySchool.volkov)", json: "{\"code\": \"н\"}").status == .ok
            )
            #expect(try await Self.taken(database) == [3, 4])
            // Not before the lesson, and not by a teacher after the window (his save of nothing is still answered).
            #expect(try await teacher.call(.put, "/api/v1/lessons/5/entries", json: "{\"entries\": []}").status == .ok)
            #expect(try await teacher.call(.put, "/api/v1/lessons/1/entries", json: "{\"entries\": []}").status == .ok)
            #expect(try await Self.taken(database) == [3, 4])
            // The deputy's correction with a reason does.
            let deputy = try await APIClient.signedIn(client, AccessSchool.Login.deputy)
            #expect(
                try await deputy.call(.put, "/api/v1/lessons/1/entries", json: "{\"entries\": [], \"reason\": \"журнал на бумаге\"}").status == .ok
            )
            #expect(try await Self.taken(database) == [1, 3, 4])

            let journal = try await teacher.call(.get, "/api/v1/courses/1/journal")
            let lessons = try #require(try json(journal)["lessons"] as? [[String: Any]])
            #expect(lessons.map { $0["attendanceTaken"] as? Bool } == [true, false, true, true, false])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageFormTakesItAndTheTeachersDayAndTheGridShowIt(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let day = try await teacher.get("/").text
            #expect(day.contains("нет домашнего задания"))
            #expect(day.contains("посещаемость не отмечена"))
            #expect(try await teacher.get("/lessons/4").text.contains("посещаемость не отмечена"))
            #expect(!(try await teacher.get("/courses/1/journal").text.contains("class=\"taken\"")))
            // Everyone came: the form is saved as it was shown.
            let saved = try await teacher.post(
                "/lessons/4",
                [
                    ("version", "1"), ("topic", "Тема 4"), ("homework", "№ 1"), ("workType", "1"), ("controlWorkType", ""),
                    ("was_\(TinySchool.aksyonova)", "н"), ("att_\(TinySchool.aksyonova)", "н"), ("mark_\(TinySchool.aksyonova)", ""),
                    ("was_\(TinySchool.volkov)", ""), ("att_\(TinySchool.volkov)", ""), ("mark_\(TinySchool.volkov)", ""),
                ]
            )
            #expect(saved.status == .seeOther)
            #expect(try await Self.taken(database) == [4])
            let after = try await teacher.get("/").text
            #expect(!after.contains("посещаемость не отмечена"))
            #expect(!after.contains("нет домашнего задания"))
            #expect(try await teacher.get("/lessons/4").text.contains("посещаемость отмечена"))
            let grid = try await teacher.get("/courses/1/journal").text
            #expect(grid.contains("<a href=\"/lessons/4\">12.10</a><span class=\"taken\" role=\"img\" title=\"Посещаемость отмечена\""))
            #expect(grid.components(separatedBy: "class=\"taken\"").count - 1 == 1)
        }
    }

    /// The whole lesson's save stays within its budget with attendance taken: no more statements than before it.
    @Test func theSaveStaysWithinItsStatementBudget() async throws {
        try await TestApp.withSchool(.sqlite) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let body = """
                {"entries": [
                  {"studentId": \(TinySchool.aksyonova), "attendance": "оп", "marks": [{"value": "5", "workType": 1}]},
                  {"studentId": \(TinySchool.volkov), "attendance": "н", "marks": [{"value": "4", "workType": 2}]}
                ]}
                """
            let before = database.statements.value
            #expect(try await teacher.call(.put, "/api/v1/lessons/4/entries", json: body).status == .ok)
            // Session (1); the lesson's teacher and its course's facts (2); then in the transaction the lesson, its
            // members, the current codes with the work types, the upsert, the marks, the history lines and attendance
            // taken (7) — as many as before attendance was noted, since the codes and the work types became one read.
            #expect(database.statements.value - before == 10)
        }
    }
}
