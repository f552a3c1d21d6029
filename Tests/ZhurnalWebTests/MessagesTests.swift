import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// Messages between families and the school through the real router: who may write to whom, read status, and one
/// answer for a forbidden and a missing recipient (issue 5).
struct MessagesTests {
    static let refused = "Этому адресату написать нельзя."

    @Test(arguments: TestDatabases.flavors)
    func aParentWritesToHisChildsTeacherWhoReadsIt(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            let sent = try await parent.call(
                .post,
                "/api/v1/messages",
                json: "{\"to\": \(TinySchool.teacher), \"subject\": \"Справка\", \"body\": \"Маша болела <b>два</b> дня.\"}"
            )
            #expect(sent.status == .created)
            try OpenAPITests.conforms(sent, to: "post /api/v1/messages", in: document)
            let id = try #require(try json(sent)["id"] as? Int)

            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let inbox = try await teacher.get("/messages")
            #expect(inbox.text.contains("<li class=\"is-unread\"><a href=\"/messages/\(id)\">Справка</a>"))
            #expect(inbox.text.contains("новых: 1"))
            let home = try await teacher.get("/")
            #expect(home.text.contains("1 непрочитанное сообщение"))
            let page = try await teacher.get("/messages/\(id)")
            #expect(page.status == .ok)
            // The text as written, escaped; a reply link back to the sender.
            #expect(page.text.contains("Маша болела &lt;b&gt;два&lt;/b&gt; дня.") && !page.text.contains("<b>два</b>"))
            #expect(
                page.text.contains("href=\"/messages/new?to=\(AccessSchool.parent)&amp;subject=Re:%20%D0%A1%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0\"")
            )

            let mine = try await parent.call(.get, "/api/v1/messages/\(id)")
            try OpenAPITests.conforms(mine, to: "get /api/v1/messages/{messageId}", in: document)
            let recipients = try #require(try json(mine)["recipients"] as? [[String: Any]])
            #expect(recipients.count == 1 && recipients[0]["fullName"] as? String == "Смирнова Ольга Петровна")
            #expect(recipients[0]["readAt"] as? String == "2026-10-12T09:00:00Z")
            let box = try await parent.call(.get, "/api/v1/messages")
            try OpenAPITests.conforms(box, to: "get /api/v1/messages", in: document)
            #expect((try json(box)["sent"] as? [[String: Any]])?.first?["readCount"] as? Int == 1)
            // Nobody else opens it.
            let other = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherParent)
            #expect(try await other.call(.get, "/api/v1/messages/\(id)").status == .notFound)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM message_recipients") == 1)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aForbiddenAndAMissingRecipientGetTheSameAnswerAndNothingIsStored(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let parent = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            var answers: [String] = []
            // Another family, a teacher of another class, a pupil of another school, nobody at all.
            for recipient in [AccessSchool.otherParent, AccessSchool.otherTeacher, AccessSchool.otherSchoolPupil, 9999] {
                let response = try await parent.call(.post, "/api/v1/messages", json: "{\"to\": \(recipient), \"body\": \"Здравствуйте\"}")
                #expect(response.status == .forbidden)
                try OpenAPITests.conforms(response, to: "post /api/v1/messages", in: document)
                let error = try #require(try json(response)["error"] as? [String: Any])
                answers.append("\(error["code"] ?? "") \(error["message"] ?? "")")
            }
            #expect(Set(answers).count == 1 && answers[0].hasPrefix("recipient_not_allowed " + Self.refused))
            // A parent writes to no class; an empty text is refused before the recipient is looked at.
            let toClass = try await parent.call(
                .post,
                "/api/v1/messages",
                json: "{\"classId\": 1, \"audience\": \"class_parents\", \"body\": \"Всем\"}"
            )
            #expect(toClass.status == .forbidden)
            let empty = try await parent.call(.post, "/api/v1/messages", json: "{\"to\": \(TinySchool.teacher), \"body\": \"   \"}")
            #expect(empty.status == .unprocessableContent)
            #expect(try errorCode(empty) == "empty_body")
            let nobody = try await parent.call(.post, "/api/v1/messages", json: "{\"body\": \"Кому-нибудь\"}")
            #expect(nobody.status == .unprocessableContent)
            #expect(try errorCode(nobody) == "recipient_required")
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM messages") == 0)
            // The compose page offers the administration and his child's teacher, no family.
            let browser = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            let compose = try await browser.get("/messages/new")
            #expect(compose.text.contains(">Смирнова Ольга Петровна — Учитель, Классный руководитель</option>"))
            #expect(compose.text.contains(">Лебедева Нина Сергеевна — Директор</option>"))
            #expect(!compose.text.contains("Громова") && !compose.text.contains("Орлов"))
            let page = try await browser.post("/messages", [("to", String(AccessSchool.otherParent)), ("body", "Привет")])
            #expect(page.status == .forbidden && page.text.contains(Self.refused))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theHomeroomTeacherWritesToHisClasssParentsAndSeesWhoRead(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: DiaryTests.seeded) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let compose = try await teacher.get("/messages/new?class=1")
            #expect(compose.status == .ok && compose.text.contains("Новое сообщение: класс 5А"))
            let sent = try await teacher.post(
                "/messages",
                [("classId", "1"), ("audience", "class_parents"), ("subject", "Собрание"), ("body", "В четверг в 18:00.")]
            )
            #expect(sent.status == .seeOther)
            let path = try #require(sent.location)
            let parent = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await parent.get("/messages").text.contains("Собрание"))
            #expect(try await parent.get(path).status == .ok)
            let status = try await teacher.get(path)
            #expect(status.text.contains("Аксёнов Иван Петрович: <span class=\"ack-done\">прочитал(а) 12.10.2026 12:00</span>"))
            // Орлов leads 6Б and teaches only a subgroup of 5А (DiaryWeekSeed): not the whole class to write to.
            let orlov = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherTeacher)
            let refused = try await orlov.call(
                .post,
                "/api/v1/messages",
                json: "{\"classId\": 1, \"audience\": \"class_pupils\", \"body\": \"Всем\"}"
            )
            #expect(refused.status == .forbidden)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM messages") == 1)
        }
    }
}
