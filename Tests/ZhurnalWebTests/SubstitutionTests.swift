import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// A substitution recorded on the lesson (`teacherId`), and what the substitute may then do: keep that lesson of
/// Смирнова's mathematics in 5А and nothing else of the course. "Today" is 12.10; lesson 4 is today's, lesson 3 of
/// 05.10 within the window, lesson 1 of 07.09 past it.
struct SubstitutionTests {
    static func recordedBy(_ database: Database, lesson: Int) async throws -> Int? {
        try await database.read { sql in
            try await sql.raw("SELECT substitution_recorded_by FROM lessons WHERE id = \(bind: lesson)").first()?
                .decode(column: "substitution_recorded_by", as: Int?.self)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theCoursesTeacherRecordsASubstituteWhoKeepsThatLessonOnly(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let recorded = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"teacherId\": \(AccessSchool.otherTeacher)}")
            #expect(recorded.status == .ok)
            #expect(try json(recorded)["teacherId"] as? Int == AccessSchool.otherTeacher)
            #expect(try await Self.recordedBy(database, lesson: 4) == TinySchool.teacher)

            let substitute = try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher)
            // He reads the course's journal and keeps lesson 4: its topic, homework, attendance and marks.
            #expect(try await substitute.call(.get, "/api/v1/courses/1/journal").status == .ok)
            let topic = try await substitute.call(.patch, "/api/v1/lessons/4", json: "{\"topic\": \"Замена: дроби\", \"homework\": \"№ 7\"}")
            #expect(topic.status == .ok)
            let entries = try await substitute.call(
                .put,
                "/api/v1/lessons/4/entries",
                json: "{\"entries\": [{\"studentId\": \(TinySchool.volkov), \"attendance\": \"н\"}]}"
            )
            #expect(entries.status == .ok)
            let mark = try await substitute.call(
                .post,
                "/api/v1/lessons/4/marks",
                json: "{\"studentId\": \(TinySchool.aksyonova), \"value\": \"5\", \"workType\": 1}"
            )
            #expect(mark.status == .created)
            let markID = try #require(try json(mark)["id"] as? Int)
            #expect(try await substitute.call(.put, "/api/v1/lessons/4/attendance/\(TinySchool.volkov)", json: "{\"code\": \"оп\"}").status == .ok)
            #expect(try await substitute.call(.get, "/api/v1/marks/\(markID)/history").status == .ok)
            // History lines name him as the teacher who made them.
            let roles = try await database.read { sql in
                try await sql.raw("SELECT DISTINCT actor_account_id, actor_role FROM history WHERE lesson_id = 4").all().map {
                    "\(try $0.decode(column: "actor_account_id", as: Int.self)) \(try $0.decode(column: "actor_role", as: String.self))"
                }
            }
            #expect(roles == ["\(AccessSchool.otherTeacher) teacher"])

            // Not another lesson of the course, nor its history, nor its term marks; nor may he hand the lesson on.
            let other = try await substitute.call(
                .post,
                "/api/v1/lessons/3/marks",
                json: "{\"studentId\": \(TinySchool.aksyonova), \"value\": \"5\", \"workType\": 1}"
            )
            #expect(other.status == .forbidden)
            #expect(try await substitute.call(.patch, "/api/v1/lessons/3", json: "{\"topic\": \"x\"}").status == .forbidden)
            #expect(try await substitute.call(.put, "/api/v1/lessons/3/entries", json: "{\"entries\": []}").status == .forbidden)
            #expect(try await substitute.call(.get, "/api/v1/marks/4/history").status == .forbidden)
            let term = try await substitute.call(
                .put,
                "/api/v1/courses/1/term-marks/\(TinySchool.aksyonova)",
                json: "{\"periodId\": 1, \"value\": \"5\"}"
            )
            #expect(term.status == .forbidden)
            let handOn = try await substitute.call(.patch, "/api/v1/lessons/4", json: "{\"teacherId\": \(TinySchool.teacher)}")
            #expect(handOn.status == .forbidden)
            #expect(try errorCode(handOn) == "substitution_not_yours")
            // Naming himself changes nothing and is no refusal.
            #expect(try await substitute.call(.patch, "/api/v1/lessons/4", json: "{\"teacherId\": \(AccessSchool.otherTeacher)}").status == .ok)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM marks WHERE lesson_id = 3 AND author_id = 13") == 0)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM term_marks") == 0)

            // The course's teacher keeps the lesson too, and ends the substitution by taking it back.
            #expect(try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"topic\": \"Дроби\"}").status == .ok)
            let back = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"teacherId\": \(TinySchool.teacher)}")
            #expect(try json(back)["teacherId"] as? Int == TinySchool.teacher)
            #expect(try await Self.recordedBy(database, lesson: 4) == nil)
            #expect(try await substitute.call(.put, "/api/v1/lessons/4/entries", json: "{\"entries\": []}").status == .forbidden)
            #expect(try await substitute.call(.get, "/api/v1/courses/1/journal").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func afterTheWindowOnlyTheDeputyOrTheAdministratorRecordsOne(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let late = try await teacher.call(.patch, "/api/v1/lessons/1", json: "{\"teacherId\": \(AccessSchool.otherTeacher)}")
            #expect(late.status == .unprocessableContent)
            #expect(try errorCode(late) == "substitution_window_passed")
            // The topic of the same lesson is no substitution: the teacher still writes it.
            #expect(try await teacher.call(.patch, "/api/v1/lessons/1", json: "{\"topic\": \"Повторение\"}").status == .ok)
            let deputy = try await APIClient.signedIn(client, AccessSchool.Login.deputy)
            #expect(try await deputy.call(.patch, "/api/v1/lessons/1", json: "{\"teacherId\": \(AccessSchool.otherTeacher)}").status == .ok)
            #expect(try await Self.recordedBy(database, lesson: 1) == AccessSchool.deputy)
            // A substitute of a lesson past the window reads it but no longer changes its cells.
            let substitute = try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher)
            let cell = try await substitute.call(.put, "/api/v1/lessons/1/attendance/\(TinySchool.aksyonova)", json: "{\"code\": \"н\"}")
            #expect(try errorCode(cell) == "edit_window_passed")
            // Neither the director nor another school's administrator records one.
            let director = try await APIClient.signedIn(client, AccessSchool.Login.director)
            #expect(try await director.call(.patch, "/api/v1/lessons/3", json: "{\"teacherId\": \(AccessSchool.otherTeacher)}").status == .forbidden)
            let stranger = try await APIClient.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await stranger.call(.patch, "/api/v1/lessons/3", json: "{\"teacherId\": \(AccessSchool.otherTeacher)}").status == .notFound)
            let admin = try await APIClient.signedIn(client, AccessSchool.Login.admin)
            #expect(try await admin.call(.patch, "/api/v1/lessons/3", json: "{\"teacherId\": \(AccessSchool.otherTeacher)}").status == .ok)
            #expect(try await Self.recordedBy(database, lesson: 3) == AccessSchool.admin)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theSubstituteMustBeAWorkingTeacherOfTheSchool(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            try await database.write { try await $0.raw("UPDATE accounts SET deactivated_at = '2026-10-01T09:00:00Z' WHERE login = 'orlov'").run() }
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            for (person, code) in [
                (AccessSchool.parent, "not_a_teacher"), (AccessSchool.deputy, "not_a_teacher"), (999, "unknown_teacher"),
                (AccessSchool.otherSchoolAdmin, "unknown_teacher"), (AccessSchool.otherTeacher, "teacher_inactive"),
            ] {
                let answer = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"teacherId\": \(person), \"topic\": \"Не сохранится\"}")
                #expect(answer.status == .unprocessableContent, "\(person)")
                #expect(try errorCode(answer) == code, "\(person)")
            }
            // Nothing half-written: the topic sent with the refused teacher is not kept either.
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE id = 4 AND teacher_id = 1 AND topic = 'Тема 4'") == 1)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theLessonPageRecordsASubstitutionAndTheSubstituteKeepsItThere(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let form = try await teacher.get("/lessons/4").text
            #expect(form.contains("<select id=\"teacher\" name=\"teacher\">"))
            #expect(form.contains("<option value=\"1\" selected>Смирнова Ольга Петровна</option>"))
            #expect(form.contains("<option value=\"13\">Орлов Дмитрий Ильич</option>"))
            // The teachers are listed, the others of the school are not.
            #expect(!form.contains("Морозова"))
            let saved = try await teacher.post(
                "/lessons/4",
                [("version", "1"), ("topic", "Тема 4"), ("homework", ""), ("workType", "1"), ("controlWorkType", ""), ("teacher", "13")]
            )
            #expect(saved.status == .seeOther)
            let page = try await teacher.get("/lessons/4").text
            #expect(page.contains("<span id=\"lesson-teacher\">Орлов Дмитрий Ильич</span>"))
            #expect(page.contains("замена, записал(а) Смирнова Ольга Петровна, 12.10.2026 12:00"))
            // A lesson past the window offers the teacher no choice of teacher any more.
            #expect(!(try await teacher.get("/lessons/1").text.contains("name=\"teacher\"")))

            let substitute = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherTeacher)
            let his = try await substitute.get("/lessons/4")
            #expect(his.status == .ok)
            #expect(his.text.contains("<form method=\"post\" action=\"/lessons/4\""))
            #expect(!his.text.contains("name=\"teacher\""))
            let kept = try await substitute.post(
                "/lessons/4",
                [
                    ("version", "1"), ("topic", "Тема 4"), ("homework", ""), ("workType", "1"), ("controlWorkType", ""),
                    ("was_\(TinySchool.volkov)", ""), ("att_\(TinySchool.volkov)", "н"), ("mark_\(TinySchool.aksyonova)", "4"),
                ]
            )
            #expect(kept.status == .seeOther)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM marks WHERE lesson_id = 4 AND author_id = 13") == 1)
            // Handing the lesson on through the form is refused with its message, and nothing of the form is written.
            let handOn = try await substitute.post(
                "/lessons/4",
                [("version", "1"), ("topic", "Другая"), ("homework", ""), ("workType", "1"), ("controlWorkType", ""), ("teacher", "1")]
            )
            #expect(handOn.status == .forbidden)
            #expect(handOn.text.contains("Замену на уроке записывает учитель курса"))
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE id = 4 AND topic = 'Другая'") == 0)
            // Another lesson of the course: read only; the grid opens his lesson's cells alone.
            let third = try await substitute.get("/lessons/3")
            #expect(third.status == .ok)
            #expect(!third.text.contains("action=\"/lessons/3\""))
            #expect(try await substitute.post("/lessons/3", [("att_4", "н"), ("was_4", "")]).status == .forbidden)
            let grid = try await substitute.get("/courses/1/journal")
            #expect(grid.status == .ok)
            #expect(grid.text.contains("data-editable=\"true\""))
            let row = try JournalPageTests.row(grid.text, student: TinySchool.aksyonova)
            #expect(row.contains("<td class=\"cell open\" data-lesson=\"4\""))
            #expect(row.contains("<td class=\"cell\" data-lesson=\"3\""))
            // His course list shows the journal he wrote in.
            #expect(try await substitute.get("/").text.contains("<a href=\"/courses/1/journal\">Математика, 5А</a>"))

            // The deputy records a substitution of lesson 3 while its form is open: saving the form as it was shown
            // keeps his record.
            #expect(try await teacher.get("/lessons/3").text.contains("<input type=\"hidden\" name=\"teacherWas\" value=\"1\">"))
            let deputy = try await APIClient.signedIn(client, AccessSchool.Login.deputy)
            #expect(try await deputy.call(.patch, "/api/v1/lessons/3", json: "{\"teacherId\": 13}").status == .ok)
            let stale = try await teacher.post(
                "/lessons/3",
                [("version", "1"), ("topic", "Тема 3"), ("homework", ""), ("workType", "1"), ("teacher", "1"), ("teacherWas", "1")]
            )
            #expect(stale.status == .seeOther)
            #expect(try await Self.recordedBy(database, lesson: 3) == AccessSchool.deputy)
        }
    }
}
