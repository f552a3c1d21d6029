import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// A class's courses and week (issue 6) on AccessSchool: 5А's mathematics (Смирнова) and 6Б's (Орлов), bells for
/// lessons 1 and 2, the test clock on Monday 12 October and the first quarter to 23 October.
struct TimetableHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func aWeekIsSetWithoutClashesAndItsLessonsFollow(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let empty = try await admin.call(.get, "/api/v1/classes/1/timetable")
            #expect(empty.status == .ok)
            try OpenAPITests.conforms(empty, to: "get /api/v1/classes/{classId}/timetable", in: document)
            #expect((try json(empty)["courses"] as? [Any])?.count == 1)

            // 6Б: mathematics on Mondays, first lesson, in room 21.
            let other = try await admin.call(
                .put,
                "/api/v1/classes/\(AccessSchool.otherClass)/timetable",
                json:
                    "{\"from\": \"2026-09-01\", \"cells\": [{\"weekday\": 1, \"lessonNumber\": 1, \"courseId\": \(AccessSchool.otherCourse), \"room\": \"21\"}]}"
            )
            #expect(other.status == .ok)
            try OpenAPITests.conforms(other, to: "put /api/v1/classes/{classId}/timetable", in: document)
            // From tomorrow (today's lessons may be held and not yet written) to the quarter's end: one Monday.
            #expect(try json(other)["lessonsCreated"] as? Int == 1)

            // An optional course for 5А taught by Орлов.
            let course = try await admin.call(
                .post,
                "/api/v1/classes/1/courses",
                json: "{\"subjectId\": 1, \"journalKind\": \"optional\", \"hoursPerWeek\": 1, \"teacherId\": \(AccessSchool.otherTeacher)}"
            )
            #expect(course.status == .created)
            try OpenAPITests.conforms(course, to: "post /api/v1/classes/{classId}/courses", in: document)
            let optional = try #require(try json(course)["id"] as? Int)
            for (body, code) in [
                ("{\"subjectId\": 1, \"journalKind\": \"lesson\", \"hoursPerWeek\": 5, \"teacherId\": 1}", "duplicate_course"),
                ("{\"subjectId\": 1, \"journalKind\": \"lesson\", \"grading\": \"pass_fail\", \"hoursPerWeek\": 5, \"teacherId\": 1}", "bad_grading"),
                ("{\"subjectId\": 99, \"journalKind\": \"elective\", \"hoursPerWeek\": 1, \"teacherId\": 1}", "unknown_subject"),
                ("{\"subjectId\": 1, \"journalKind\": \"elective\", \"hoursPerWeek\": 1, \"teacherId\": \(AccessSchool.parent)}", "not_a_teacher"),
            ] {
                #expect(try errorCode(try await admin.call(.post, "/api/v1/classes/1/courses", json: body)) == code, "\(body)")
            }

            let path = "/api/v1/classes/1/timetable"
            for (cells, code) in [
                // Орлов is in 6Б on Monday's first lesson; room 21 is too.
                ("[{\"weekday\": 1, \"lessonNumber\": 1, \"courseId\": \(optional)}]", "teacher_clash"),
                ("[{\"weekday\": 1, \"lessonNumber\": 1, \"courseId\": 1, \"room\": \"21\"}]", "room_clash"),
                (
                    "[{\"weekday\": 1, \"lessonNumber\": 1, \"courseId\": 1}, {\"weekday\": 1, \"lessonNumber\": 1, \"courseId\": \(optional)}]",
                    "class_clash"
                ),
                ("[{\"weekday\": 1, \"lessonNumber\": 5, \"courseId\": 1}]", "no_bell"),
                ("[{\"weekday\": 1, \"lessonNumber\": 1, \"courseId\": \(AccessSchool.otherCourse)}]", "unknown_course"),
            ] {
                let refused = try await admin.call(.put, path, json: "{\"from\": \"2026-10-12\", \"cells\": \(cells)}")
                #expect(try errorCode(refused) == code, "\(cells)")
                try OpenAPITests.conforms(refused, to: "put /api/v1/classes/{classId}/timetable", in: document)
            }
            #expect(try errorCode(try await admin.call(.put, path, json: "{\"from\": \"2027-09-01\", \"cells\": []}")) == "bad_date")

            let week = """
                {"from": "2026-10-12", "cells": [{"weekday": 1, "lessonNumber": 1, "courseId": 1, "room": "15"},
                 {"weekday": 1, "lessonNumber": 2, "courseId": \(optional)}]}
                """
            let saved = try await admin.call(.put, path, json: week)
            #expect(saved.status == .ok)
            // Today's lessons are left as they are; 19 October is new for both courses.
            #expect(try json(saved)["lessonsCreated"] as? Int == 2)
            let read = try json(try await admin.call(.get, "\(path)?date=2026-10-19"))
            #expect(
                (read["cells"] as? [[String: Any]])?.map { "\($0["weekday"] ?? "").\($0["lessonNumber"] ?? "") \($0["room"] as? String ?? "-")" } == [
                    "1.1 15", "1.2 -",
                ]
            )

            // From 19 October mathematics moves to the second lesson: the empty lesson of the 19th at lesson 1 goes,
            // the one of the 12th with its marks stays.
            let moved = try await admin.call(
                .put,
                path,
                json: "{\"from\": \"2026-10-19\", \"cells\": [{\"weekday\": 1, \"lessonNumber\": 2, \"courseId\": 1}]}"
            )
            #expect(try json(moved)["lessonsCreated"] as? Int == 1)
            let mondays = try await database.read { sql in
                try await sql.raw(
                    "SELECT lesson_date || ' ' || lesson_number AS v FROM lessons WHERE school_id = 1 AND course_id = 1 AND lesson_date >= '2026-10-12' ORDER BY lesson_date, lesson_number"
                ).all().map {
                    try $0.decode(column: "v", as: String.self)
                }
            }
            #expect(mondays == ["2026-10-12 1", "2026-10-19 2"])
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM timetable_entries WHERE school_id = 1 AND course_id = 1 AND valid_to = '2026-10-18'"
                ) == 1
            )

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.put, path, json: week).status == .forbidden)
            #expect(try await admin.call(.get, "/api/v1/classes/999/timetable").status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageShowsTheWeekAndTellsWhyItWasRefused(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            #expect(try await admin.get("/admin/classes").text.contains("href=\"/admin/classes/1/timetable\""))
            let page = try await admin.get("/admin/classes/1/timetable")
            #expect(page.status == .ok)
            #expect(page.text.contains("<label for=\"c_1_1\">1 урок, 08:30</label>"))
            let saved = try await admin.post("/admin/classes/1/timetable", [("from", "2026-10-12"), ("c_2_1", "1"), ("r_2_1", "15"), ("c_2_2", "")])
            #expect(saved.status == .seeOther)
            let after = try await admin.get(try #require(saved.location))
            #expect(after.text.contains("Расписание сохранено; уроков по нему создано: 2."))
            #expect(after.text.contains("<option value=\"1\" selected>"))
            let refused = try await admin.post("/admin/classes/1/timetable", [("from", "2026-10-12"), ("c_1_3", "1")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Пн, 3 урок: для этого урока нет звонка."))
        }
    }
}

extension TimetableHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func aCourseIsTaughtByOneOrSeveralTeachers(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            try await TinySchool.addLesson(70, course: 1, on: "2026-10-19", number: 1, teacher: TinySchool.teacher, into: database)
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let path = "/api/v1/classes/1/courses/1/teachers"
            let both = try await admin.call(.put, path, json: "{\"teacherIds\": [\(TinySchool.teacher), \(AccessSchool.otherTeacher)]}")
            #expect(both.status == .noContent)
            try OpenAPITests.conforms(both, to: "put /api/v1/classes/{classId}/courses/{courseId}/teachers", in: document)
            // Орлов now keeps 5А's mathematics too.
            let orlov = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await orlov.call(.get, "/api/v1/courses/1/journal").status == .ok)

            // Смирнова leaves the course: her lesson of next Monday passes to Орлов; the past ones stay hers.
            #expect(try await admin.call(.put, path, json: "{\"teacherIds\": [\(AccessSchool.otherTeacher)]}").status == .noContent)
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM lessons WHERE id = 70 AND teacher_id = \(bind: AccessSchool.otherTeacher)"
                ) == 1
            )
            #expect(
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE id = 4 AND teacher_id = \(bind: TinySchool.teacher)") == 1
            )

            for (body, code) in [("[]", "bad_teachers"), ("[\(AccessSchool.parent)]", "not_a_teacher")] {
                let refused = try await admin.call(.put, path, json: "{\"teacherIds\": \(body)}")
                #expect(try errorCode(refused) == code, "\(body)")
                try OpenAPITests.conforms(refused, to: "put /api/v1/classes/{classId}/courses/{courseId}/teachers", in: document)
            }
            #expect(
                try await admin.call(.put, "/api/v1/classes/1/courses/\(AccessSchool.otherCourse)/teachers", json: "{\"teacherIds\": [1]}").status
                    == .notFound
            )
            #expect(try await orlov.call(.put, path, json: "{\"teacherIds\": [\(AccessSchool.otherTeacher)]}").status == .forbidden)

            let page = Browser(client, address: "10.0.0.12")
            try await page.signIn(AccessSchool.Login.admin)
            #expect(try await page.get("/admin/classes/1/timetable").text.contains("action=\"/admin/classes/1/courses/1/teachers\""))
            let saved = try await page.post(
                "/admin/classes/1/courses/1/teachers",
                [("keep_\(AccessSchool.otherTeacher)", "on"), ("add", String(TinySchool.teacher))]
            )
            #expect(saved.headers[.location] == "/admin/classes/1/timetable?teachers=1")
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM course_teachers WHERE school_id = 1 AND course_id = 1") == 2)
        }
    }
}
