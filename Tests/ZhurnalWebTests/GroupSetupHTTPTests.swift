import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// Subgroups and groups across classes (issue 6) on AccessSchool: 5А with Аксёнова, Волков (from 5 October) and
/// Борисов (left on 1 October), 6Б with Громов; the first quarter to 23 October, the clock on Monday 12 October.
struct GroupSetupHTTPTests {
    @Test(arguments: TestDatabases.flavors)
    func aSubgroupGetsItsMembersFromADateAndACourse(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let created = try await admin.call(.post, "/api/v1/groups", json: "{\"title\": \" Английский язык, группа 1 \", \"classId\": 1}")
            #expect(created.status == .created)
            try OpenAPITests.conforms(created, to: "post /api/v1/groups", in: document)
            let group = try #require(try json(created)["id"] as? Int)
            for (body, code) in [
                ("{\"title\": \"Английский язык, группа 1\", \"classId\": 1}", "duplicate_group"),
                ("{\"title\": \"  \", \"classId\": 1}", "bad_title"),
                ("{\"title\": \"Группа\", \"classId\": 999}", "unknown_class"),
            ] {
                let refused = try await admin.call(.post, "/api/v1/groups", json: body)
                #expect(try errorCode(refused) == code, "\(body)")
                try OpenAPITests.conforms(refused, to: "post /api/v1/groups", in: document)
            }

            let members = "/api/v1/groups/\(group)/members"
            func set(_ from: String, _ students: [Int]) async throws -> TestResponse {
                try await admin.call(.put, members, json: "{\"from\": \"\(from)\", \"studentIds\": \(students)}")
            }
            let (aksyonova, borisov, volkov) = (TinySchool.aksyonova, TinySchool.borisov, TinySchool.volkov)
            let first = try await set("2026-10-12", [aksyonova, volkov])
            try OpenAPITests.conforms(first, to: "put /api/v1/groups/{groupId}/members", in: document)
            #expect(try json(first)["joined"] as? Int == 2)
            #expect(try json(try await set("2026-10-12", [aksyonova, volkov]))["joined"] as? Int == 0)
            // Борисов left the class on 1 October; Громов is 6Б's.
            #expect(try errorCode(try await set("2026-10-12", [borisov])) == "not_eligible")
            #expect(try errorCode(try await set("2026-10-12", [AccessSchool.otherPupil])) == "not_eligible")
            #expect(try errorCode(try await set("2027-10-12", [])) == "bad_date")

            let left = try json(try await set("2026-10-19", [aksyonova]))
            #expect(left["joined"] as? Int == 0)
            #expect(left["left"] as? Int == 1)
            for (date, expected) in [("2026-10-12", [aksyonova, volkov]), ("2026-10-19", [aksyonova])] {
                let read = try await admin.call(.get, "\(members)?date=\(date)")
                try OpenAPITests.conforms(read, to: "get /api/v1/groups/{groupId}/members", in: document)
                #expect(Set((try json(read)["members"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []) == Set(expected), "\(date)")
            }

            // The subgroup's English, and an absence of Аксёнова on 20 October: she cannot leave before it.
            let course = try await admin.call(
                .post,
                "/api/v1/classes/1/courses",
                json:
                    "{\"groupId\": \(group), \"subjectId\": 1, \"journalKind\": \"lesson\", \"hoursPerWeek\": 2, \"teacherId\": \(AccessSchool.otherTeacher)}"
            )
            #expect(course.status == .created)
            let english = try #require(try json(course)["id"] as? Int)
            try await TinySchool.addLesson(60, course: english, on: "2026-10-20", number: 2, teacher: AccessSchool.otherTeacher, into: database)
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO attendance (school_id, lesson_id, student_id, code, entered_by, entered_at, updated_at)
                    VALUES (1, 60, \(bind: aksyonova), 'н', \(bind: AccessSchool.otherTeacher), '2026-10-20T09:00:00Z', '2026-10-20T09:00:00Z')
                    """
                ).run()
            }
            #expect(try errorCode(try await set("2026-10-19", [])) == "has_entries_after")
            #expect(try json(try await set("2026-10-21", []))["left"] as? Int == 1)

            let cross = try await admin.call(.post, "/api/v1/groups", json: "{\"title\": \"Хор\"}")
            let choir = try #require(try json(cross)["id"] as? Int)
            #expect(
                try errorCode(
                    try await admin.call(
                        .post,
                        "/api/v1/classes/1/courses",
                        json: "{\"groupId\": \(choir), \"subjectId\": 1, \"journalKind\": \"elective\", \"hoursPerWeek\": 1, \"teacherId\": 1}"
                    )
                ) == "unknown_group"
            )

            try await database.write { sql in try await sql.raw("UPDATE periods SET closed_at = '2026-10-24T10:00:00Z' WHERE school_id = 1").run() }
            #expect(try errorCode(try await set("2026-10-22", [aksyonova])) == "period_closed")

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await teacher.call(.get, "/api/v1/groups").status == .forbidden)
            #expect(try await teacher.call(.put, members, json: "{\"from\": \"2026-10-12\", \"studentIds\": []}").status == .forbidden)
            let list = try await admin.call(.get, "/api/v1/groups")
            try OpenAPITests.conforms(list, to: "get /api/v1/groups", in: document)
            #expect(
                (try json(list)["groups"] as? [[String: Any]])?.map { "\($0["title"] ?? "") \($0["kind"] ?? "")" } == [
                    "Английский язык, группа 1 subgroup", "Хор cross_class",
                ]
            )
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aGroupAcrossClassesHasItsOwnCoursesAndWeek(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let choir = try #require(try json(try await admin.call(.post, "/api/v1/groups", json: "{\"title\": \"Хор\"}"))["id"] as? Int)
            let joined = try await admin.call(
                .put,
                "/api/v1/groups/\(choir)/members",
                json: "{\"from\": \"2026-10-12\", \"studentIds\": [\(TinySchool.aksyonova), \(AccessSchool.otherPupil)]}"
            )
            #expect(try json(joined)["joined"] as? Int == 2)
            let course = try await admin.call(
                .post,
                "/api/v1/groups/\(choir)/courses",
                json: "{\"subjectId\": 1, \"journalKind\": \"elective\", \"hoursPerWeek\": 1, \"teacherId\": \(TinySchool.teacher)}"
            )
            #expect(course.status == .created)
            try OpenAPITests.conforms(course, to: "post /api/v1/groups/{groupId}/courses", in: document)
            let elective = try #require(try json(course)["id"] as? Int)
            let saved = try await admin.call(
                .put,
                "/api/v1/groups/\(choir)/timetable",
                json:
                    "{\"from\": \"2026-10-12\", \"cells\": [{\"weekday\": 2, \"lessonNumber\": 2, \"courseId\": \(elective), \"room\": \"Актовый зал\"}]}"
            )
            try OpenAPITests.conforms(saved, to: "put /api/v1/groups/{groupId}/timetable", in: document)
            // Tuesdays 13 and 20 October, before the quarter ends.
            #expect(try json(saved)["lessonsCreated"] as? Int == 2)
            let week = try await admin.call(.get, "/api/v1/groups/\(choir)/timetable")
            try OpenAPITests.conforms(week, to: "get /api/v1/groups/{groupId}/timetable", in: document)
            #expect(try json(week)["title"] as? String == "Хор")
            // Смирнова is the choir's on Tuesday's second lesson: 5А's mathematics cannot have her then.
            let clash = try await admin.call(
                .put,
                "/api/v1/classes/1/timetable",
                json: "{\"from\": \"2026-10-12\", \"cells\": [{\"weekday\": 2, \"lessonNumber\": 2, \"courseId\": 1}]}"
            )
            #expect(try errorCode(clash) == "teacher_clash")

            // Both pupils' diaries show the choir's lesson; a subgroup has no week of its own.
            #expect(
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE school_id = 1 AND course_id = \(bind: elective)") == 2
            )
            let sub = try #require(
                try json(try await admin.call(.post, "/api/v1/groups", json: "{\"title\": \"Группа 2\", \"classId\": 1}"))["id"] as? Int
            )
            #expect(try await admin.call(.get, "/api/v1/groups/\(sub)/timetable").status == .notFound)

            // Громов leaves the school on 30 December: his place in the choir ends that day too.
            let left = try await admin.call(
                .post,
                "/api/v1/students/\(AccessSchool.otherPupil)/movements",
                json: "{\"kind\": \"departure\", \"date\": \"2026-12-30\", \"reason\": \"переезд\"}"
            )
            #expect(left.status == .ok || left.status == .created)
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM group_members WHERE school_id = 1 AND student_id = \(bind: AccessSchool.otherPupil) AND ends_on = '2026-12-30'"
                ) == 1
            )
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePagesCreateAGroupAndTickItsMembers(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = Browser(client, address: "10.0.0.9")
            try await admin.signIn(AccessSchool.Login.admin)
            #expect(try await admin.get("/admin/classes").text.contains("href=\"/admin/groups\""))
            let refused = try await admin.post("/admin/groups", [("class", "1"), ("title", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Название группы"))
            let created = try await admin.post("/admin/groups", [("class", "1"), ("title", "Информатика, группа 1")])
            #expect(created.status == .seeOther)
            let location = try #require(created.headers[.location])
            let page = try await admin.get(location)
            #expect(page.text.contains("Группа создана"))
            #expect(page.text.contains("name=\"s_\(TinySchool.aksyonova)\""))
            let path = String(location.prefix { $0 != "?" })
            let saved = try await admin.post(
                "\(path)/members",
                [("from", "2026-10-12"), ("shown", "\(TinySchool.aksyonova),\(TinySchool.volkov)"), ("s_\(TinySchool.aksyonova)", "1")]
            )
            #expect(saved.headers[.location] == "\(path)?joined=1&left=0")
            let after = try await admin.get("\(path)?joined=1&left=0")
            #expect(after.text.contains("Состав сохранён: пришли 1, ушли 0."))
            #expect(after.text.contains("name=\"s_\(TinySchool.aksyonova)\" value=\"1\" checked"))
            #expect(try await admin.get("/admin/groups").text.contains("подгруппа 5А"))
            // The class's new-course form offers the subgroup.
            #expect(try await admin.get("/admin/classes/1/timetable").text.contains(">Информатика, группа 1</option>"))
        }
    }
}
