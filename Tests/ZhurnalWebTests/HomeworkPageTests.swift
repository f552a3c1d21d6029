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

/// Homework on the lesson page, without JavaScript: the due date in the lesson's form, a pupil's own homework, the
/// upload form (multipart, its CSRF token the first field) and the file links; the grid's column title.
struct HomeworkPageTests {
    static func teacher(_ client: any TestClientProtocol) async throws -> Browser {
        try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
    }

    /// Saves lesson 4's form with `homework` and `due`, as the page's form posts it.
    static func saveLesson(_ browser: Browser, homework: String, due: String) async throws -> TestResponse {
        try await browser.get("/lessons/4")
        return try await browser.post("/lessons/4", [("version", "1"), ("topic", "Тема 4"), ("homework", homework), ("homeworkDueOn", due)])
    }

    static func homeworkID(_ database: Database, student: Int? = nil) async throws -> Int {
        try #require(try await database.read { try await HomeworkQueries.find(school: 1, lesson: 4, student: student, in: $0) }?.id)
    }

    @Test(arguments: TestDatabases.flavors)
    func theLessonsFormSavesTheDueDate(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await Self.teacher(client)
            let page = try await teacher.get("/lessons/4")
            #expect(page.text.contains("<input id=\"homeworkDueOn\" name=\"homeworkDueOn\" type=\"date\" value=\"\">"))
            #expect(page.text.contains("Задание классу не записано."))
            let saved = try await Self.saveLesson(teacher, homework: "§ 5, № 3", due: "2026-10-19")
            #expect(saved.status == .seeOther)
            let after = try await teacher.get("/lessons/4")
            #expect(after.text.contains("value=\"2026-10-19\""))
            #expect(after.text.contains("<p class=\"homework-text\">§ 5, № 3</p>"))
            #expect(after.text.contains("Классу, сдать к 19.10.2026."))
            // A refused date shows the form again with the message and what was typed; nothing is written.
            let refused = try await Self.saveLesson(teacher, homework: "Другое", due: "12.10.2026")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Срок сдачи должен быть позже дня урока (12.10.2026)"))
            #expect(refused.text.contains(">Другое</textarea>"))
            let unreadable = try await Self.saveLesson(teacher, homework: "Другое", due: "послезавтра")
            #expect(unreadable.status == .unprocessableContent)
            #expect(unreadable.text.contains("Срок сдачи «послезавтра» не читается"))
            let stored = try await database.read { try await HomeworkQueries.find(school: 1, lesson: 4, student: nil, in: $0) }
            #expect(stored?.text == "§ 5, № 3")
            #expect(stored?.dueOn?.iso == "2026-10-19")
            // The grid's column says it.
            let grid = try await teacher.get("/courses/1/journal")
            #expect(grid.text.contains("title=\"Тема 4 — ДЗ: § 5, № 3 (сдать к 19.10.2026)\"><a href=\"/lessons/4\">12.10</a>"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func filesAreAttachedFromThePageAndLinked(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await Self.teacher(client)
            _ = try await Self.saveLesson(teacher, homework: "Лист", due: "")
            let homework = try await Self.homeworkID(database)
            let page = try await teacher.get("/lessons/4")
            // The upload form: multipart, its token the first field.
            let form = try #require(
                page.text.range(of: "<form method=\"post\" action=\"/homework/\(homework)/files\" enctype=\"multipart/form-data\"")
            )
            let afterForm = page.text[form.upperBound...]
            let firstInput = try #require(afterForm.range(of: "<input"))
            #expect(afterForm[firstInput.lowerBound...].hasPrefix("<input type=\"hidden\" name=\"_csrf\""))
            #expect(page.text.contains("accept=\".pdf,.jpg,.jpeg,.png"))

            let uploaded = try await teacher.upload("/homework/\(homework)/files", [Multipart.pdfFile("Лист «дроби».pdf")])
            #expect(uploaded.status == .seeOther)
            #expect(uploaded.location == "/lessons/4?saved=1#lesson-homework")
            let file = try #require(try await database.read { try await HomeworkQueries.find(school: 1, homework: homework, in: $0) }?.files.first)
            let after = try await teacher.get("/lessons/4")
            #expect(after.text.contains("<a href=\"/homework/\(homework)/files/\(file.id)\" download>Лист «дроби».pdf</a>"))
            let download = try await teacher.get("/homework/\(homework)/files/\(file.id)")
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == Multipart.pdf)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; ") == true)
            #expect(download.headers[.xContentTypeOptions] == "nosniff")
            let grid = try await teacher.get("/courses/1/journal")
            #expect(grid.text.contains("title=\"Тема 4 — ДЗ: Лист (файлов: 1)\""))

            // A refused file shows the page with its message and status.
            let svg = try await teacher.upload(
                "/homework/\(homework)/files",
                [.file(field: "file", name: "рисунок.svg", bytes: Array("<svg onload=alert(1)>".utf8), type: "image/svg+xml")]
            )
            #expect(svg.status == .unprocessableContent)
            #expect(svg.text.contains("Файл «рисунок.svg» такого типа приложить нельзя."))

            // Another teacher may not download; the page says so.
            let other = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.get("/homework/\(homework)/files/\(file.id)").status == .forbidden)

            // Removed from the page.
            try await teacher.get("/lessons/4")
            let removed = try await teacher.post("/homework/\(homework)/files/\(file.id)/delete")
            #expect(removed.status == .seeOther)
            #expect(try await database.read { try await HomeworkQueries.find(school: 1, homework: homework, in: $0) }?.files.isEmpty == true)
        }
    }

    /// The upload form's token is checked from the form itself, before the files; without it, with a wrong one or
    /// with it after the files, nothing is written. A script may send the header instead.
    @Test(arguments: TestDatabases.flavors)
    func theUploadFormsTokenIsChecked(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await Self.teacher(client)
            _ = try await Self.saveLesson(teacher, homework: "Лист", due: "")
            let homework = try await Self.homeworkID(database)
            let uri = "/homework/\(homework)/files"
            let file = Multipart.pdfFile("лист.pdf")
            let token = try #require(teacher.csrf)

            let missing = try await teacher.send(
                uri,
                method: .post,
                headers: [.contentType: Multipart([file]).contentType],
                body: Multipart([file]).body
            )
            #expect(missing.status == .forbidden)
            let wrong = Multipart([.field("_csrf", "не тот"), file])
            #expect(try await teacher.send(uri, method: .post, headers: [.contentType: wrong.contentType], body: wrong.body).status == .forbidden)
            let late = Multipart([file, .field("_csrf", token)])
            #expect(try await teacher.send(uri, method: .post, headers: [.contentType: late.contentType], body: late.body).status == .forbidden)
            let foreign = try await teacher.upload(uri, [file], headers: [.origin: "https://evil.example"])
            #expect(foreign.status == .forbidden)
            #expect(try await database.read { try await HomeworkQueries.find(school: 1, homework: homework, in: $0) }?.files.isEmpty == true)

            var headers: HTTPFields = [.contentType: Multipart([file]).contentType]
            headers[HTTPField.Name("X-CSRF-Token")!] = token
            #expect(try await teacher.send(uri, method: .post, headers: headers, body: Multipart([file]).body).status == .seeOther)
            #expect(try await teacher.upload(uri, [file]).status == .seeOther)
            #expect(try await database.read { try await HomeworkQueries.find(school: 1, homework: homework, in: $0) }?.files.count == 2)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aPupilIsGivenHisOwnHomeworkOnThePage(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await Self.teacher(client)
            let page = try await teacher.get("/lessons/4")
            // The choice lists the pupils of the lesson's day: Аксёнова and Волков, not Борисов, who left.
            let choice = try #require(page.text.range(of: "<select id=\"homework-student\" name=\"studentId\">"))
            let end = try #require(page.text.range(of: "</select>", range: choice.upperBound..<page.text.endIndex))
            let options = String(page.text[choice.upperBound..<end.lowerBound])
            #expect(options.contains("Волков Илья") && options.contains("Аксёнова Мария Ивановна") && !options.contains("Борисов"))

            let given = try await teacher.post(
                "/lessons/4/homework/students",
                [("studentId", String(TinySchool.volkov)), ("text", "Догнать § 10"), ("dueOn", "2026-10-26")]
            )
            #expect(given.status == .seeOther)
            let after = try await teacher.get("/lessons/4")
            #expect(after.text.contains("<h4 id=\"homework-"))
            #expect(after.text.contains(">Догнать § 10</textarea>"))
            #expect(after.text.contains("value=\"2026-10-26\""))
            // Борисов was not enrolled on the day: the page says so.
            let left = try await teacher.post("/lessons/4/homework/students", [("studentId", String(TinySchool.borisov)), ("text", "x")])
            #expect(left.status == .unprocessableContent)
            #expect(left.text.contains("В день урока этот ученик не числился в классе или группе."))
            let noText = try await teacher.post("/lessons/4/homework/students", [("studentId", String(TinySchool.aksyonova)), ("text", " ")])
            #expect(noText.status == .unprocessableContent)
            #expect(noText.text.contains("Сначала запишите текст задания"))

            try await teacher.get("/lessons/4")
            let removed = try await teacher.post("/lessons/4/homework/students/\(TinySchool.volkov)/delete")
            #expect(removed.status == .seeOther)
            #expect(try await database.read { try await HomeworkQueries.ofLesson(school: 1, lesson: 4, in: $0) }.isEmpty)
            let history = try await database.read { try await JournalHistory.of(school: 1, .homework, id: "4:\(TinySchool.volkov)", in: $0) }
            #expect(history.map(\.action) == ["create", "delete"])

            // The deputy reads the page; another teacher may not give homework in this course.
            let deputy = try await JournalPageTests.signedIn(client, AccessSchool.Login.deputy)
            let read = try await deputy.get("/lessons/4")
            #expect(read.status == .ok)
            let stranger = try await JournalPageTests.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(
                try await stranger.post("/lessons/4/homework/students", [("studentId", String(TinySchool.volkov)), ("text", "x")]).status
                    == .forbidden
            )
        }
    }
}
