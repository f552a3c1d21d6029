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

/// Homework through the API: the lesson's due date, a pupil's own homework, files up, down and away — with the
/// journal's rules, the policy, the limits and the history. TinySchool's lesson 4 is on 12.10.2026, "today".
struct HomeworkAPITests {
    static let small = HomeworkFileLimits(maxBytes: 1000, maxFiles: 3)

    static func rows(_ database: Database, _ query: String) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: query)").first()!.decode(column: "n", as: Int.self)
        }
    }

    /// Sets the class's homework of lesson 4 and returns its id.
    static func classHomework(_ teacher: APIClient, _ text: String = "Лист 1") async throws -> Int {
        let set = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homework\": \"\(text)\"}")
        #expect(set.status == .ok)
        return try #require(try json(set)["homeworkId"] as? Int)
    }

    @Test(arguments: TestDatabases.flavors)
    func theLessonsHomeworkTakesADueDate(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let set = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homework\": \"§ 5\", \"homeworkDueOn\": \"2026-10-19\"}")
            #expect(set.status == .ok)
            #expect(try json(set)["homework"] as? String == "§ 5")
            #expect(try json(set)["homeworkDueOn"] as? String == "2026-10-19")
            #expect(try json(set)["homeworkId"] is Int)
            // The date alone; the same day as the lesson, a day past the year and a word are refused.
            for (due, code) in [("2026-10-12", "due_not_after_lesson"), ("2027-09-01", "due_after_year_end"), ("завтра", "invalid_due_date")] {
                let refused = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homeworkDueOn\": \"\(due)\"}")
                #expect(refused.status == .unprocessableContent, "\(due)")
                #expect(try errorCode(refused) == code)
            }
            let refused = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homeworkDueOn\": \"2026-10-12\"}")
            #expect(String(buffer: refused.body).contains("Срок сдачи должен быть позже дня урока (12.10.2026)"))
            let moved = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homeworkDueOn\": \"31.08.2027\"}")
            #expect(try json(moved)["homeworkDueOn"] as? String == "2027-08-31")
            let cleared = try await teacher.call(.patch, "/api/v1/lessons/4", json: "{\"homeworkDueOn\": null}")
            #expect(try json(cleared)["homeworkDueOn"] is NSNull)
            #expect(try json(cleared)["homework"] as? String == "§ 5")
            // A date for a lesson without homework has nothing to belong to.
            let lonely = try await teacher.call(.patch, "/api/v1/lessons/3", json: "{\"homeworkDueOn\": \"2026-10-19\"}")
            #expect(try errorCode(lonely) == "homework_text_required")
            let history = try await database.read { try await JournalHistory.of(school: 1, .homework, id: "4", in: $0) }
            #expect(history.map(\.action) == ["create", "update", "update"])
            #expect(history.map(\.newValue) == ["§ 5 · сдать к 19.10.2026", "§ 5 · сдать к 31.08.2027", "§ 5"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aPupilGetsHisOwnHomework(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let path = "/api/v1/lessons/4/homework/students/\(TinySchool.volkov)"
            let given = try await teacher.call(.put, path, json: "{\"text\": \"Догнать § 10\", \"dueOn\": \"2026-10-26\"}")
            #expect(given.status == .created)
            #expect(try json(given)["studentId"] as? Int == TinySchool.volkov)
            #expect(try json(given)["dueOn"] as? String == "2026-10-26")
            let changed = try await teacher.call(.put, path, json: "{\"text\": \"Догнать § 10–11\", \"version\": 1}")
            #expect(changed.status == .ok)
            #expect(try json(changed)["dueOn"] == nil)
            #expect(try json(changed)["version"] as? Int == 2)
            #expect(try await teacher.call(.put, path, json: "{\"text\": \"x\", \"version\": 1}").status == .conflict)
            #expect(try errorCode(try await teacher.call(.put, path, json: "{\"text\": \"  \"}")) == "homework_text_required")
            #expect(try errorCode(try await teacher.call(.put, path, json: "{\"text\": \"x\", \"dueOn\": \"2026-10-01\"}")) == "due_not_after_lesson")

            // Борисов left on 01.10: no homework of his own at a lesson of 12.10.
            let left = try await teacher.call(.put, "/api/v1/lessons/4/homework/students/\(TinySchool.borisov)", json: "{\"text\": \"x\"}")
            #expect(left.status == .unprocessableContent)
            #expect(try errorCode(left) == "pupil_not_enrolled")
            // Another teacher's course: 403; another school's admin: 404.
            let other = try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.call(.put, path, json: "{\"text\": \"x\"}").status == .forbidden)
            let stranger = try await APIClient.signedIn(client, AccessSchool.Login.otherSchoolAdmin)
            #expect(try await stranger.call(.put, path, json: "{\"text\": \"x\"}").status == .notFound)
            #expect(try await stranger.call(.get, "/api/v1/lessons/4/homework").status == .notFound)

            // The lesson's homework: none for the class, Волков's own; the homeroom teacher and deputy read it.
            for login in [AccessSchool.Login.teacher, AccessSchool.Login.deputy, AccessSchool.Login.director] {
                let reader = try await APIClient.signedIn(client, login)
                let lesson = try await reader.call(.get, "/api/v1/lessons/4/homework")
                #expect(lesson.status == .ok)
                #expect(try json(lesson)["class"] == nil)
                let students = try #require(try json(lesson)["students"] as? [[String: Any]])
                #expect(students.map { $0["text"] as? String } == ["Догнать § 10–11"])
            }
            let parent = try await APIClient.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.call(.get, "/api/v1/lessons/4/homework").status == .forbidden)

            #expect(try await teacher.call(.delete, path).status == .noContent)
            #expect(try await teacher.call(.delete, path).status == .notFound)
            let history = try await database.read { try await JournalHistory.of(school: 1, .homework, id: "4:\(TinySchool.volkov)", in: $0) }
            #expect(history.map(\.action) == ["create", "update", "delete"])
            #expect(history.allSatisfy { $0.actorRole == "teacher" })
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func filesGoUpAndComeDownAsAttachments(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let homework = try await Self.classHomework(teacher)
            let uploaded = try await teacher.upload(
                "/api/v1/homework/\(homework)/files",
                Multipart([
                    Multipart.pdfFile("Задание №3 \"к понедельнику\".pdf"),
                    .file(field: "file", name: "C:\\Фото\\доска.PNG", bytes: Multipart.png, type: "application/octet-stream"),
                    .field("reason", "  "),
                ])
            )
            #expect(uploaded.status == .created)
            let files = try #require(try json(uploaded)["files"] as? [[String: Any]])
            #expect(files.map { $0["fileName"] as? String } == ["Задание №3 к понедельнику.pdf", "доска.PNG"])
            // The type is the allow-list's, not what the browser said.
            #expect(files.map { $0["contentType"] as? String } == ["application/pdf", "image/png"])
            #expect(files[0]["byteSize"] as? Int == Multipart.pdf.count)
            let href = try #require(files[0]["href"] as? String)

            let download = try await teacher.call(.get, href)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == Multipart.pdf)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.xContentTypeOptions] == "nosniff")
            #expect(
                download.headers[.contentDisposition]
                    == "attachment; filename=\"_______ _3 _ ____________.pdf\"; filename*=UTF-8''"
                    + "%D0%97%D0%B0%D0%B4%D0%B0%D0%BD%D0%B8%D0%B5%20%E2%84%963%20%D0%BA%20%D0%BF%D0%BE%D0%BD%D0%B5%D0%B4%D0%B5%D0%BB%D1%8C%D0%BD%D0%B8%D0%BA%D1%83.pdf"
            )
            #expect(download.headers[.cacheControl] == "private, no-store")

            // Those who may read the course read the file; a parent and a pupil will through the diary (issue 5).
            for login in [AccessSchool.Login.deputy, AccessSchool.Login.director, AccessSchool.Login.admin] {
                #expect(try await APIClient.signedIn(client, login).call(.get, href).status == .ok, "\(login)")
            }
            for login in [AccessSchool.Login.otherTeacher, AccessSchool.Login.parent, AccessSchool.Login.pupil] {
                #expect(try await APIClient.signedIn(client, login).call(.get, href).status == .forbidden, "\(login)")
            }
            #expect(try await APIClient.signedIn(client, AccessSchool.Login.otherSchoolAdmin).call(.get, href).status == .notFound)
            #expect(try await teacher.call(.get, "/api/v1/homework/\(homework)/files/9999").status == .notFound)
            #expect(try await teacher.call(.get, "/api/v1/homework/9999/files/1").status == .notFound)

            let lesson = try await teacher.call(.get, "/api/v1/lessons/4/homework")
            let classHomework = try #require(try json(lesson)["class"] as? [String: Any])
            #expect((classHomework["files"] as? [Any])?.count == 2)

            let fileID = try #require(files[1]["id"] as? Int)
            let other = try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher)
            #expect(try await other.call(.delete, "/api/v1/homework/\(homework)/files/\(fileID)").status == .forbidden)
            #expect(try await teacher.call(.delete, "/api/v1/homework/\(homework)/files/\(fileID)").status == .noContent)
            #expect(try await teacher.call(.delete, "/api/v1/homework/\(homework)/files/\(fileID)").status == .notFound)
            #expect(try await teacher.call(.get, "/api/v1/homework/\(homework)/files/\(fileID)").status == .notFound)

            let history = try await database.read { try await JournalHistory.of(school: 1, .homework, id: "4", in: $0) }
            #expect(history.map(\.action) == ["create", "update", "update"])
            #expect(history[1].newValue == "Лист 1 · файлы: Задание №3 к понедельнику.pdf, доска.PNG")
            #expect(history[2].newValue == "Лист 1 · файлы: Задание №3 к понедельнику.pdf")
            #expect(history[1].reason == nil)
        }
    }

    /// Too large, too many, the wrong type, content that lies about its type, no file, not a form: each refused
    /// with its code, and nothing written.
    @Test(arguments: TestDatabases.flavors)
    func refusedUploadsWriteNothing(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, homeworkFiles: Self.small) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let homework = try await Self.classHomework(teacher)
            let uri = "/api/v1/homework/\(homework)/files"
            // A file of exactly the limit is taken.
            let exact = Multipart.pdf + [UInt8](repeating: 7, count: Self.small.maxBytes - Multipart.pdf.count)
            #expect(try await teacher.upload(uri, Multipart([Multipart.pdfFile("1.pdf", exact), Multipart.pdfFile("2.pdf")])).status == .created)
            let history = try await Self.rows(database, "history")

            let big = try await teacher.upload(uri, Multipart([Multipart.pdfFile("большой.pdf", exact + [7])]))
            #expect(big.status == .contentTooLarge)
            #expect(try errorCode(big) == "file_too_large")
            #expect(String(buffer: big.body).contains("Файл «большой.pdf» больше 1000 байт"))
            let cases: [(Multipart, String)] = [
                (Multipart([Multipart.pdfFile("3.pdf"), Multipart.pdfFile("4.pdf")]), "too_many_files"),
                (
                    Multipart([.file(field: "file", name: "страница.html", bytes: Array("<script>alert(1)</script>".utf8), type: "text/html")]),
                    "file_type_not_allowed"
                ),
                (
                    Multipart([.file(field: "file", name: "рисунок.svg", bytes: Array("<svg onload=alert(1)>".utf8), type: "image/svg+xml")]),
                    "file_type_not_allowed"
                ),
                (
                    Multipart([.file(field: "file", name: "задание.pdf", bytes: Array("<html>".utf8), type: "application/pdf")]),
                    "file_content_mismatch"
                ),
                (Multipart([.file(field: "file", name: "пусто.pdf", bytes: [], type: "application/pdf")]), "file_empty"),
                (Multipart([.file(field: "file", name: "", bytes: [], type: "application/octet-stream")]), "file_required"),
                (Multipart([.field("reason", "без файла")]), "file_required"),
            ]
            for (form, code) in cases {
                let refused = try await teacher.upload(uri, form)
                #expect(refused.status == .unprocessableContent, "\(code)")
                #expect(try errorCode(refused) == code)
            }
            let json = try await teacher.call(.post, uri, json: "{\"file\": \"x\"}")
            #expect(json.status == .unsupportedMediaType)
            #expect(try errorCode(json) == "not_multipart")
            // A body larger than all the limits together is refused by its length before it is read (the file alone
            // would be `file_too_large`).
            let declared = try await teacher.upload(
                uri,
                Multipart([Multipart.pdfFile("5.pdf", Multipart.pdf + [UInt8](repeating: 0, count: 200_000))])
            )
            #expect(declared.status == .contentTooLarge)
            #expect(try errorCode(declared) == "upload_too_large")
            // A body cut short.
            var truncated = Multipart([Multipart.pdfFile("6.pdf")]).body
            truncated.moveWriterIndex(to: truncated.writerIndex - 20)
            var headers: HTTPFields = [.contentType: Multipart([]).contentType, .authorization: "Bearer \(teacher.token ?? "")"]
            headers[HTTPField.Name("X-Forwarded-For")!] = teacher.address
            let cut = try await client.execute(uri: uri, method: .post, headers: headers, body: truncated)
            #expect(cut.status == .badRequest)

            #expect(try await Self.rows(database, "homework_files") == 2)
            #expect(try await Self.rows(database, "history") == history)
        }
    }

    /// The standard limit, end to end: a file one byte over 10 MB is refused while its body streams, and nothing is
    /// written. (The exact boundary is `refusedUploadsWriteNothing`'s, with small limits, and the core's.)
    @Test func tenMegabytesAndNotAByteMore() async throws {
        try await TestApp.withSchool(.sqlite) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let homework = try await Self.classHomework(teacher)
            let over = Multipart.pdf + [UInt8](repeating: 0x41, count: HomeworkFileLimits.standard.maxBytes + 1 - Multipart.pdf.count)
            let refused = try await teacher.upload("/api/v1/homework/\(homework)/files", Multipart([Multipart.pdfFile("больше.pdf", over)]))
            #expect(refused.status == .contentTooLarge)
            #expect(String(buffer: refused.body).contains("Файл «больше.pdf» больше 10 МБ"))
            #expect(try await Self.rows(database, "homework_files") == 0)
        }
    }

    /// Who may attach: the course's teacher; the deputy too (a correction). Another teacher, a parent and another
    /// school are refused before the body is read; a closed period and a pupil's homework follow the journal's rules.
    @Test(arguments: TestDatabases.flavors)
    func uploadsFollowThePolicyAndTheJournalsRules(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, homeworkFiles: Self.small) { client, database in
            let teacher = try await APIClient.signedIn(client, AccessSchool.Login.teacher)
            let homework = try await Self.classHomework(teacher)
            let uri = "/api/v1/homework/\(homework)/files"
            let form = Multipart([Multipart.pdfFile("лист.pdf")])
            #expect(try await APIClient.signedIn(client, AccessSchool.Login.otherTeacher).upload(uri, form).status == .forbidden)
            #expect(try await APIClient.signedIn(client, AccessSchool.Login.parent).upload(uri, form).status == .forbidden)
            #expect(try await APIClient.signedIn(client, AccessSchool.Login.otherSchoolAdmin).upload(uri, form).status == .notFound)
            #expect(try await APIClient(client: client).upload(uri, form).status == .unauthorized)
            #expect(try await APIClient.signedIn(client, AccessSchool.Login.deputy).upload(uri, form).status == .created)
            let refusals = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM security_events WHERE kind = 'access_denied'").first()!.decode(column: "n", as: Int.self)
            }
            #expect(refusals >= 3)

            // A pupil's own homework takes files too.
            let own = try await teacher.call(.put, "/api/v1/lessons/4/homework/students/\(TinySchool.volkov)", json: "{\"text\": \"Своё\"}")
            let ownID = try #require(try json(own)["id"] as? Int)
            #expect(try await teacher.upload("/api/v1/homework/\(ownID)/files", form).status == .created)
            // While it has files it cannot be removed.
            let kept = try await teacher.call(.delete, "/api/v1/lessons/4/homework/students/\(TinySchool.volkov)")
            #expect(try errorCode(kept) == "homework_has_files")

            try await database.write { sql in try await sql.raw("UPDATE periods SET closed_at = '2026-10-12T08:00:00Z' WHERE id = 1").run() }
            let closed = try await teacher.upload(uri, form)
            #expect(closed.status == .unprocessableContent)
            #expect(try errorCode(closed) == "period_closed")
            #expect(try await Self.rows(database, "homework_files") == 2)
        }
    }
}
