import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The family's diary on ``DiaryWeekSeed``: Аксёнова's week of 05.10.2026 (today, in these tests, is 12.10).
struct DiaryTests {
    static let aksyonova = TinySchool.aksyonova
    static let seeded: @Sendable (Database) async throws -> Void = { database in
        try await DiaryWeekSeed.write(into: database)
        // Волков's own homework has a file too: not for Аксёнова's family.
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO homework_files (school_id, id, homework_id, file_name, content_type, byte_size, content, uploaded_by, uploaded_at)
                VALUES (1, 2, \(bind: DiaryWeekSeed.volkovsHomework), 'волков.pdf', 'application/pdf', 9, \(bind: Data("%PDF-1.4\n".utf8)),
                        1, '2026-09-01T09:00:00Z')
                """
            ).run()
        }
    }

    static func message(_ response: TestResponse) throws -> String? {
        (try json(response)["error"] as? [String: Any])?["message"] as? String
    }

    @Test(arguments: TestDatabases.flavors)
    func aParentReadsHisChildsWeek(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.seeded) { client, database in
            let father = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            let start = try await father.get("/diary")
            #expect(start.status == .seeOther && start.location == "/students/\(Self.aksyonova)/diary")
            let before = database.statements.value
            let page = try await father.get("/students/\(Self.aksyonova)/diary?week=2026-10-07")
            // The session, the pupil's facts for the policy, the week.
            #expect(database.statements.value - before == 3)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h1 id=\"diary-title\">Дневник: Аксёнова Мария Ивановна</h1>"))
            #expect(html.contains("<a href=\"/diary\">Дневник</a>"))
            #expect(html.contains("<strong class=\"week-title\">05.10 – 11.10.2026</strong>"))
            #expect(html.contains("href=\"/students/2/diary?week=2026-09-28\" rel=\"prev\""))
            #expect(html.contains("href=\"/students/2/diary?week=2026-10-12\" rel=\"next\""))
            #expect(html.contains(">понедельник, 05.10</h2>") && html.contains(">пятница, 09.10</h2>") && !html.contains("суббота"))
            #expect(html.contains("<strong class=\"subject\">Математика</strong>") && html.contains("Тема 3"))
            #expect(html.contains("<span class=\"mark\">5</span>") && html.contains("Ответ на уроке, вес 1"))
            #expect(html.contains("Домашнее задание:</span> № 12, 14 <span class=\"muted\">(сдать к 12.10.2026)</span>"))
            #expect(html.contains("<a href=\"/students/2/homework-files/1\" download>задачи.pdf</a>"))
            #expect(html.contains("Задание лично ученику:</span> Доклад о дробях"))
            #expect(!html.contains("Повторить § 3") && !html.contains("волков.pdf"))
            #expect(html.contains("<span class=\"badge\">замена</span>") && html.contains("<span class=\"badge\">Контрольная работа</span>"))
            #expect(html.contains("<span class=\"badge\">отменён</span>"))
            // This week, by default: Monday's absence, spelled out.
            let now = try await father.get("/students/\(Self.aksyonova)/diary").text
            #expect(now.contains("<span class=\"code\">н — отсутствие (причина не выяснена)</span>"))
            #expect(now.contains("<span class=\"badge\">сегодня</span>"))
            // Her files come down as attachments; another pupil's own file is not there for her.
            let file = try await father.get("/students/\(Self.aksyonova)/homework-files/\(DiaryWeekSeed.file)")
            #expect(file.status == .ok && file.text == "%PDF-1.4\n")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(try await father.get("/students/\(Self.aksyonova)/homework-files/2").status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theWeekAsJSONFitsItsSchema(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor, extraSeed: Self.seeded) { client, _ in
            let pupil = try await JournalAPITests.signedIn(client, AccessSchool.Login.pupil)
            let students = try await pupil.call(.get, "/api/v1/me/students")
            try OpenAPITests.conforms(students, to: "get /api/v1/me/students", in: document)
            let list = try #require(try json(students)["students"] as? [[String: Any]])
            #expect(list.count == 1 && list[0]["id"] as? Int == Self.aksyonova && list[0]["className"] as? String == "5А")
            #expect(list[0]["diaryOpen"] as? Bool == true)

            let answer = try await pupil.call(.get, "/api/v1/students/\(Self.aksyonova)/diary?week=2026-10-05")
            try OpenAPITests.conforms(answer, to: "get /api/v1/students/{studentId}/diary", in: document)
            let body = try json(answer)
            #expect((body["week"] as? [String: Any])?["previous"] as? String == "2026-09-28")
            let days = try #require(body["days"] as? [[String: Any]])
            #expect(days.map { $0["date"] as? String } == ["2026-10-05", "2026-10-06", "2026-10-07", "2026-10-08", "2026-10-09"])
            let monday = try #require((days[0]["lessons"] as? [[String: Any]])?.first)
            #expect(monday["subject"] as? String == "Математика" && monday["homework"] as? String == "№ 12, 14")
            #expect(monday["homeworkDueOn"] as? String == "2026-10-12" && monday["personalHomework"] as? String == "Доклад о дробях")
            #expect((monday["files"] as? [[String: Any]])?.first?["href"] as? String == "/students/2/homework-files/1")
            let mark = try #require((monday["marks"] as? [[String: Any]])?.first)
            #expect(mark["value"] as? String == "5" && mark["workType"] as? String == "Ответ на уроке" && mark["weight"] as? Int == 1)
            #expect(mark["comment"] is NSNull && monday["attendance"] is NSNull)
            let tuesday = try #require((days[1]["lessons"] as? [[String: Any]])?.first)
            #expect(tuesday["substitution"] as? Bool == true && tuesday["controlWork"] as? String == "Контрольная работа")
            #expect((days[4]["lessons"] as? [Any])?.isEmpty == true)

            for refused in [
                try await pupil.call(.get, "/api/v1/students/\(Self.aksyonova)/diary?week=2026-13-01"),
                try await pupil.call(.get, "/api/v1/students/\(Self.aksyonova)/diary?week=2027-09-06"),
                try await pupil.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)/diary"),
            ] {
                try OpenAPITests.conforms(refused, to: "get /api/v1/students/{studentId}/diary", in: document)
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func refusalsTellNothingAboutOtherChildren(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.seeded) { client, database in
            let father = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            // Another family's child and a pupil who does not exist answer alike.
            let other = try await father.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)/diary")
            let none = try await father.call(.get, "/api/v1/students/999/diary")
            #expect(other.status == .notFound && none.status == .notFound)
            #expect(try errorCode(other) == "not_found")
            #expect(try errorCode(none) == "not_found")
            #expect(try Self.message(other) == Self.message(none))
            #expect(try await father.call(.get, "/api/v1/students/\(AccessSchool.otherSchoolPupil)/diary").status == .notFound)
            // A teacher who no longer teaches her sees no more than a stranger; her class's teacher sees it.
            let orlov = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await orlov.call(.get, "/api/v1/students/\(Self.aksyonova)/diary").status == .notFound)
            let smirnova = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await smirnova.call(.get, "/api/v1/students/\(Self.aksyonova)/diary").status == .ok)
            #expect(try await Stored.denials(database).count >= 2)

            let bad = try await father.call(.get, "/api/v1/students/\(Self.aksyonova)/diary?week=на-этой-неделе")
            #expect(bad.status == .badRequest)
            #expect(try errorCode(bad) == "bad_week")
            let summer = try await father.call(.get, "/api/v1/students/\(Self.aksyonova)/diary?week=2027-09-06")
            #expect(summer.status == .unprocessableContent)
            #expect(try errorCode(summer) == "week_outside_year")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func withoutConsentTheFamilyIsToldWhyTheDiaryIsClosed(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.seeded) { client, _ in
            let mother = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherParent)
            let start = try await mother.get("/diary")
            #expect(start.location == "/students/\(AccessSchool.otherPupil)/diary")
            let page = try await mother.get("/students/\(AccessSchool.otherPupil)/diary")
            #expect(page.status == .forbidden)
            #expect(page.text.contains("Дневник закрыт: в школе не записано согласие законного представителя"))
            let pupil = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherPupil)
            let answer = try await pupil.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)/diary")
            #expect(answer.status == .forbidden)
            #expect(try errorCode(answer) == "diary_closed")
            let students = try json(try await pupil.call(.get, "/api/v1/me/students"))["students"] as? [[String: Any]]
            #expect(students?.first?["diaryOpen"] as? Bool == false)
            // His homeroom teacher reads it: the consent is about the family's accounts, not the school's work.
            let orlov = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await orlov.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)/diary?week=2026-10-05").status == .ok)
        }
    }

    /// The period's page explains the term mark: the marks, the computation, the rounding, the proposal or why none.
    @Test(arguments: TestDatabases.flavors)
    func thePeriodsMarksShowHowTheAverageComesAbout(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor, extraSeed: Self.seeded) { client, database in
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO term_marks (school_id, course_id, student_id, kind, period_id, value, author_id, entered_at, updated_at)
                    VALUES (1, 1, \(bind: Self.aksyonova), 'period', 1, '4', 1, '2026-10-20T09:00:00Z', '2026-10-20T09:00:00Z')
                    """
                ).run()
            }
            let father = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await father.get("/students/\(Self.aksyonova)/diary").text.contains("href=\"/students/2/marks\""))
            let before = database.statements.value
            let page = try await father.get("/students/\(Self.aksyonova)/marks")
            #expect(database.statements.value - before == 3)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains("<h1 id=\"marks-title\">Отметки: Аксёнова Мария Ивановна</h1>"))
            #expect(html.contains("aria-current=\"page\">1 четверть</a>"))
            #expect(html.contains("Классическое округление (4,5 / 3,5 / 2,5)"))
            // 5·1 (07.09), 4·4 (14.09, a test), 5·1 (05.10): 26/6.
            #expect(html.contains("<span class=\"label\">Средний балл:</span> (5·1 + 4·4 + 5·1) / (1 + 4 + 1) ≈ 4,33"))
            #expect(html.contains("14.09.2026, Контрольная работа, вес 4"))
            #expect(html.contains("Недостаточно отметок: 3 из 5 необходимых"))
            #expect(html.contains("<span class=\"label\">За период:</span> <strong>4</strong>"))
            #expect(html.contains("<svg class=\"average-chart\"") && html.contains("<polyline points="))
            #expect(html.contains("<h2 id=\"course-3\">Английский язык</h2>") && html.contains("Отметок пока нет."))
            #expect(html.contains("<th scope=\"col\">1 четверть</th><th scope=\"col\">Годовая</th>"))

            let pupil = try await JournalAPITests.signedIn(client, AccessSchool.Login.pupil)
            let answer = try await pupil.call(.get, "/api/v1/students/\(Self.aksyonova)/marks?periodId=1")
            try OpenAPITests.conforms(answer, to: "get /api/v1/students/{studentId}/marks", in: document)
            let subjects = try #require(try json(answer)["subjects"] as? [[String: Any]])
            let maths = try #require(subjects.first { $0["subject"] as? String == "Математика" })
            #expect(maths["weightedAverage"] as? String == "4.33" && maths["proposedMark"] is NSNull && maths["termMark"] as? String == "4")
            #expect((maths["marks"] as? [[String: Any]])?.map { $0["weight"] as? Int } == [1, 4, 1])
            for refused in [
                try await pupil.call(.get, "/api/v1/students/\(Self.aksyonova)/marks?periodId=99"),
                try await pupil.call(.get, "/api/v1/students/\(Self.aksyonova)/marks?periodId=четверть"),
                try await pupil.call(.get, "/api/v1/students/\(AccessSchool.otherPupil)/marks"),
            ] {
                try OpenAPITests.conforms(refused, to: "get /api/v1/students/{studentId}/marks", in: document)
                #expect(refused.status != .ok)
            }
            #expect(try errorCode(try await pupil.call(.get, "/api/v1/students/\(Self.aksyonova)/marks?periodId=99")) == "unknown_period")
        }
    }
}
