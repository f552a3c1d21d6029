import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// A date's lessons changed by the administration (issue 6) on AccessSchool: 5А's mathematics (Смирнова, lesson 4 of
/// 12 October with an absence), 6Б's (Орлов), bells 1 and 2, the first quarter to Friday 23 October, the clock on
/// Monday 12 October.
struct ScheduleChangeHTTPTests {
    static let extra = 50

    @Test(arguments: TestDatabases.flavors)
    func aLessonIsMovedCancelledAndRestoredWithinTheRules(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            try await TinySchool.addLesson(Self.extra, course: 1, on: "2026-10-14", number: 2, teacher: TinySchool.teacher, into: database)
            try await TinySchool.addLesson(
                51,
                course: AccessSchool.otherCourse,
                on: "2026-10-16",
                number: 2,
                teacher: AccessSchool.otherTeacher,
                into: database
            )
            let deputy = try await JournalAPITests.signedIn(client, AccessSchool.Login.deputy)
            let path = "/api/v1/lessons/\(Self.extra)/schedule"

            let moved = try await deputy.call(.put, path, json: "{\"date\": \"2026-10-15\", \"number\": 1}")
            #expect(moved.status == .ok)
            try OpenAPITests.conforms(moved, to: "put /api/v1/lessons/{lessonId}/schedule", in: document)
            let lesson = try json(moved)
            #expect(lesson["date"] as? String == "2026-10-15")
            #expect(lesson["movedFrom"] as? String == "2026-10-14")
            #expect(lesson["change"] as? String == "moved")

            for (body, code) in [
                ("{\"date\": \"2026-10-26\"}", "outside_period"),
                ("{\"date\": \"2026-10-18\"}", "sunday"),
                ("{\"number\": 5}", "no_bell"),
                ("{\"date\": \"2026-10-1\"}", "bad_date"),
            ] {
                let refused = try await deputy.call(.put, path, json: body)
                #expect(try errorCode(refused) == code, "\(body)")
                try OpenAPITests.conforms(refused, to: "put /api/v1/lessons/{lessonId}/schedule", in: document)
            }
            // Lesson 4 has Аксёнова's absence of its day.
            #expect(try errorCode(try await deputy.call(.put, "/api/v1/lessons/4/schedule", json: "{\"cancelled\": true}")) == "lesson_has_entries")
            #expect(
                try errorCode(try await deputy.call(.put, "/api/v1/lessons/4/schedule", json: "{\"date\": \"2026-10-13\"}")) == "lesson_has_entries"
            )
            #expect(try errorCode(try await deputy.call(.put, path, json: "{}")) == "bad_request")

            // An extra lesson of 5А taught by Орлов at the hour he teaches 6Б; then by its own teacher, at the moved
            // lesson's hour, and at a free one.
            let add = "/api/v1/classes/1/lessons"
            func extra(_ date: String, _ number: Int, teacher: Int? = nil) -> String {
                "{\"courseId\": 1, \"date\": \"\(date)\", \"number\": \(number)\(teacher.map { ", \"teacherId\": \($0)" } ?? "")}"
            }
            let free = try await deputy.call(.post, add, json: extra("2026-10-16", 1, teacher: AccessSchool.otherTeacher))
            #expect(free.status == .created, "a free hour for both")
            #expect(
                try errorCode(try await deputy.call(.post, add, json: extra("2026-10-16", 2, teacher: AccessSchool.otherTeacher))) == "teacher_clash"
            )
            #expect(try errorCode(try await deputy.call(.post, add, json: extra("2026-10-15", 1))) == "lesson_exists")
            #expect(try errorCode(try await deputy.call(.post, add, json: extra("2026-10-15", 2, teacher: AccessSchool.parent))) == "unknown_teacher")
            let created = try await deputy.call(.post, add, json: extra("2026-10-15", 2))
            #expect(created.status == .created)
            try OpenAPITests.conforms(created, to: "post /api/v1/classes/{classId}/lessons", in: document)

            // Cancelled, it cannot move; restored, it can.
            let cancelled = try await deputy.call(.put, path, json: "{\"cancelled\": true}")
            #expect(try json(cancelled)["cancelled"] as? Bool == true)
            #expect(try errorCode(try await deputy.call(.put, path, json: "{\"number\": 2}")) == "lesson_cancelled")
            let restored = try await deputy.call(.put, path, json: "{\"cancelled\": false, \"date\": \"2026-10-14\", \"number\": 2}")
            #expect(try json(restored)["cancelled"] as? Bool == false)
            // Back on its first day it is no longer moved.
            #expect(try json(restored)["movedFrom"] is NSNull)

            let day = try await deputy.call(.get, "/api/v1/classes/1/lessons?date=2026-10-16")
            #expect(day.status == .ok)
            try OpenAPITests.conforms(day, to: "get /api/v1/classes/{classId}/lessons", in: document)
            #expect((try json(day)["lessons"] as? [[String: Any]])?.map { "\($0["number"] ?? "") \($0["change"] ?? "")" } == ["1 added"])

            // A new weekly timetable keeps what the administration decided.
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let week = try await admin.call(.put, "/api/v1/classes/1/timetable", json: "{\"from\": \"2026-10-13\", \"cells\": []}")
            #expect(week.status == .ok)
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM lessons WHERE school_id = 1 AND course_id = 1 AND lesson_date > '2026-10-12'"
                ) == 3
            )

            for login in [AccessSchool.Login.teacher, AccessSchool.Login.director, AccessSchool.Login.parent] {
                let other = try await JournalAPITests.signedIn(client, login)
                #expect(try await other.call(.put, path, json: "{\"cancelled\": true}").status == .forbidden, "\(login)")
                #expect(try await other.call(.get, "/api/v1/classes/1/lessons").status == .forbidden, "\(login)")
            }
            #expect(try await deputy.call(.put, "/api/v1/lessons/999/schedule", json: "{\"cancelled\": true}").status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aClosedPeriodAndAClassBusyElsewhereAreRefused(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            try await TinySchool.addLesson(Self.extra, course: 1, on: "2026-10-14", number: 2, teacher: TinySchool.teacher, into: database)
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            // An optional course of 5А: at mathematics' hour the class is busy.
            let course = try await admin.call(
                .post,
                "/api/v1/classes/1/courses",
                json: "{\"subjectId\": 1, \"journalKind\": \"optional\", \"hoursPerWeek\": 1, \"teacherId\": \(AccessSchool.otherTeacher)}"
            )
            let optional = try #require(try json(course)["id"] as? Int)
            let clash = try await admin.call(
                .post,
                "/api/v1/classes/1/lessons",
                json: "{\"courseId\": \(optional), \"date\": \"2026-10-14\", \"number\": 2}"
            )
            #expect(try errorCode(clash) == "class_clash")
            #expect(
                try errorCode(
                    try await admin.call(.post, "/api/v1/classes/1/lessons", json: "{\"courseId\": 2, \"date\": \"2026-10-14\", \"number\": 1}")
                ) == "unknown_course"
            )

            try await database.write { sql in try await sql.raw("UPDATE periods SET closed_at = '2026-10-12T10:00:00Z' WHERE school_id = 1").run() }
            let path = "/api/v1/lessons/\(Self.extra)/schedule"
            #expect(try errorCode(try await admin.call(.put, path, json: "{\"cancelled\": true}")) == "period_closed")
            #expect(
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE school_id = 1 AND id = 50 AND status = 'held'") == 1
            )
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theFamilySeesTheMoveAndThePageChangesTheDay(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            try await TinySchool.addLesson(Self.extra, course: 1, on: "2026-10-14", number: 2, teacher: TinySchool.teacher, into: database)
            let deputy = Browser(client, address: "10.0.0.5")
            try await deputy.signIn(AccessSchool.Login.deputy)
            let home = try await deputy.get("/")
            #expect(home.text.contains("href=\"/schedule/changes\""))
            let page = try await deputy.get("/schedule/changes?class=1&date=2026-10-14")
            #expect(page.status == .ok)
            #expect(page.text.contains("5А, 14.10.2026, Ср"))
            #expect(page.text.contains("по расписанию"))

            let moved = try await deputy.post(
                "/schedule/changes/lessons/\(Self.extra)",
                [("class", "1"), ("date", "2026-10-14"), ("action", "move"), ("to_date", "2026-10-16"), ("to_number", "1")]
            )
            #expect(moved.status == .seeOther)
            #expect(moved.headers[.location] == "/schedule/changes?class=1&date=2026-10-16&done=moved")
            #expect(try await deputy.get("/schedule/changes?class=1&date=2026-10-16").text.contains("перенесён с 14.10.2026"))

            let refused = try await deputy.post(
                "/schedule/changes/lessons/\(Self.extra)",
                [("class", "1"), ("date", "2026-10-16"), ("action", "move"), ("to_date", "2026-10-24"), ("to_number", "1")]
            )
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("вне учебных периодов класса"))

            let added = try await deputy.post(
                "/schedule/changes/lessons",
                [("class", "1"), ("date", "2026-10-16"), ("course", "1"), ("number", "2"), ("teacher", "")]
            )
            #expect(added.headers[.location] == "/schedule/changes?class=1&date=2026-10-16&done=added")
            #expect(try await deputy.get("/schedule/changes?class=1&date=2026-10-16").text.contains("дополнительный"))

            // The family's week shows the lesson on its new day, and where it came from.
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            let diary = try json(try await parent.call(.get, "/api/v1/students/\(TinySchool.aksyonova)/diary?week=2026-10-12"))
            let friday = (diary["days"] as? [[String: Any]])?.first { $0["date"] as? String == "2026-10-16" }
            #expect((friday?["lessons"] as? [[String: Any]])?.compactMap { $0["movedFrom"] as? String } == ["2026-10-14"])

            let teacher = Browser(client, address: "10.0.0.6")
            try await teacher.signIn(AccessSchool.Login.teacher)
            #expect(try await teacher.get("/schedule/changes").status == .forbidden)
        }
    }
}

extension ScheduleChangeHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func generationDoesNotRefillTheHourALessonWasMovedFrom(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            // Wednesdays, second lesson: 14 and 21 October.
            let week = try await admin.call(
                .put,
                "/api/v1/classes/1/timetable",
                json: "{\"from\": \"2026-10-12\", \"cells\": [{\"weekday\": 3, \"lessonNumber\": 2, \"courseId\": 1}]}"
            )
            #expect(try json(week)["lessonsCreated"] as? Int == 2)
            func lessons() async throws -> [String] {
                try await database.read { sql in
                    try await sql.raw(
                        "SELECT lesson_date || ' ' || lesson_number AS v FROM lessons WHERE school_id = 1 AND course_id = 1 AND lesson_date IN ('2026-10-14', '2026-10-16', '2026-10-21') ORDER BY lesson_date, lesson_number"
                    ).all().map { try $0.decode(column: "v", as: String.self) }
                }
            }
            let fourteenth = try await database.read { sql in
                try await sql.raw("SELECT id FROM lessons WHERE school_id = 1 AND course_id = 1 AND lesson_date = '2026-10-14'").first()!
                    .decode(column: "id", as: Int.self)
            }
            // One lesson to Friday, the other to the first hour of its own day.
            #expect(
                try await admin.call(.put, "/api/v1/lessons/\(fourteenth)/schedule", json: "{\"date\": \"2026-10-16\", \"number\": 1}").status == .ok
            )
            let twentyFirst = try await database.read { sql in
                try await sql.raw("SELECT id FROM lessons WHERE school_id = 1 AND course_id = 1 AND lesson_date = '2026-10-21'").first()!
                    .decode(column: "id", as: Int.self)
            }
            #expect(try await admin.call(.put, "/api/v1/lessons/\(twentyFirst)/schedule", json: "{\"number\": 1}").status == .ok)
            let generated = try await admin.call(.post, "/api/v1/calendar/lessons", json: "{}")
            #expect(generated.status == .ok)
            #expect(try await lessons() == ["2026-10-16 1", "2026-10-21 1"])
            // A new week with both hours on Wednesdays fills the hour nobody left, and only that one.
            let both = try await admin.call(
                .put,
                "/api/v1/classes/1/timetable",
                json:
                    "{\"from\": \"2026-10-13\", \"cells\": [{\"weekday\": 3, \"lessonNumber\": 1, \"courseId\": 1}, {\"weekday\": 3, \"lessonNumber\": 2, \"courseId\": 1}]}"
            )
            #expect(try json(both)["lessonsCreated"] as? Int == 1)
            #expect(try await lessons() == ["2026-10-14 1", "2026-10-16 1", "2026-10-21 1"])
        }
    }
}
