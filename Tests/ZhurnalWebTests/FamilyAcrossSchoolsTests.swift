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

/// A parent whose other child goes to school 2 (Зайцева): once the operator links his account, he reads her diary
/// from his own sign-in in school 1, and nothing else of school 2 (issue 5: "a child in another school too").
struct FamilyAcrossSchoolsTests {
    static let child = AccessSchool.otherSchoolPupil

    static let linked: @Sendable (Database) async throws -> Void = { database in
        _ = try await database.write { sql -> String in
            try await FamilyLinks.link(login: AccessSchool.Login.parent, school: AccessSchool.otherSchool, student: Self.child, at: Date(), in: sql)
        }
    }

    static func consent(_ database: Database) async throws {
        try await database.write { sql in
            try await sql.raw("UPDATE people SET family_consent_on = '2026-09-01' WHERE school_id = 2 AND id = \(bind: Self.child)").run()
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theLinkedParentReadsHisChildsDiaryInTheOtherSchoolOnly(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.linked) { client, database in
            let father = try await JournalPageTests.signedIn(client, AccessSchool.Login.parent)
            // Without the consent of her school on record: closed, and said why.
            let closed = try await father.get("/students/\(Self.child)/diary")
            #expect(closed.status == .forbidden && closed.text.contains("Дневник закрыт"))
            try await Self.consent(database)
            let start = try await father.get("/diary")
            #expect(start.text.contains("Зайцева Ольга Игоревна</a> <span class=\"muted\">7В</span> <span class=\"badge\">Г2</span>"))
            #expect(start.text.contains("Аксёнова Мария Ивановна"))
            let week = try await father.get("/students/\(Self.child)/diary?week=2026-10-05")
            #expect(week.status == .ok && week.text.contains("Дневник: Зайцева Ольга Игоревна"))
            // The switcher leads to his daughter in school 1 and back.
            #expect(week.text.contains("href=\"/students/\(TinySchool.aksyonova)/diary?week=2026-10-05\">Аксёнова Мария Ивановна</a>"))
            let own = try await father.get("/students/\(TinySchool.aksyonova)/diary?week=2026-10-05")
            #expect(own.text.contains("href=\"/students/\(Self.child)/diary?week=2026-10-05\">Зайцева Ольга Игоревна</a>"))
            // Read, not confirmed: «Ознакомлен» belongs to her school's own record of her parents.
            #expect(!week.text.contains("Ознакомлен(а) с неделей"))
            let api = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            #expect(try await api.call(.get, "/api/v1/students/\(Self.child)/diary?week=2026-10-05").status == .ok)
            // Her marks are read in her school, which has set no periods yet: its own answer, not "no such pupil".
            let marks = try await api.call(.get, "/api/v1/students/\(Self.child)/marks")
            #expect(try errorCode(marks) == "no_periods")
            let children = (try json(try await api.call(.get, "/api/v1/me/students"))["students"] as? [[String: Any]])?.compactMap {
                $0["id"] as? Int
            }
            #expect(Set(children ?? []) == [TinySchool.aksyonova, Self.child])
            // Nothing else of school 2: her card, her course's journal, her acknowledgement.
            #expect(try await api.call(.get, "/api/v1/students/\(Self.child)").status == .notFound)
            #expect(try await api.call(.get, "/api/v1/courses/\(AccessSchool.otherSchoolCourse)/journal").status == .notFound)
            let acknowledge = try await api.call(.post, "/api/v1/students/\(Self.child)/diary/acknowledgements", json: "{\"week\": \"2026-10-05\"}")
            #expect(acknowledge.status == .notFound)
            // Another parent of school 1 finds no such pupil.
            let other = try await JournalAPITests.signedIn(client, AccessSchool.Login.otherParent)
            #expect(try await other.call(.get, "/api/v1/students/\(Self.child)/diary").status == .notFound)
            // Nor does the linked parent once the operator removes the link.
            _ = try await database.write { sql -> Bool in
                try await FamilyLinks.unlink(login: AccessSchool.Login.parent, school: AccessSchool.otherSchool, student: Self.child, in: sql)
            }
            #expect(try await api.call(.get, "/api/v1/students/\(Self.child)/diary").status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func herNewMarksReachHisFeed(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.linked) { client, database in
            try await Self.consent(database)
            try await database.write { sql in
                try await sql.raw("INSERT INTO bells (school_id, lesson_number, starts_at, ends_at) VALUES (2, 1, '08:30', '09:15')").run()
                try await sql.raw(
                    """
                    INSERT INTO lessons (school_id, id, course_id, lesson_date, lesson_number, teacher_id, topic, created_at, updated_at)
                    VALUES (2, 5001, \(bind: AccessSchool.otherSchoolCourse), '2026-10-12', 1, \(bind: AccessSchool.otherSchoolAdmin), 'Механика',
                            '2026-10-12T08:00:00Z', '2026-10-12T08:00:00Z')
                    """
                ).run()
                try await sql.raw("INSERT INTO work_types (school_id, id, name, weight) VALUES (2, 5001, 'Ответ на уроке', 1)").run()
                try await sql.raw(
                    """
                    INSERT INTO marks (school_id, id, lesson_id, student_id, work_type_id, value, work_date, author_id, entered_at, updated_at)
                    VALUES (2, 5001, 5001, \(bind: Self.child), 5001, '4', '2026-10-12', \(bind: AccessSchool.otherSchoolAdmin),
                            '2026-10-12T08:30:00Z', '2026-10-12T08:30:00Z')
                    """
                ).run()
            }
            let api = try await JournalAPITests.signedIn(client, AccessSchool.Login.parent)
            let feed = (try json(try await api.call(.get, "/api/v1/notifications"))["notifications"] as? [[String: Any]]) ?? []
            #expect(feed.contains { $0["title"] as? String == "Физика: 4" && $0["pupil"] as? String == "Зайцева Ольга" })
            // And his e-mail digest.
            let sendmail = try DigestTests.StandInSendmail()
            try await database.write { sql in
                try await NotificationPreferences.save(school: 1, person: AccessSchool.parent, muted: [], digestEmail: "aksyonov@example.ru", in: sql)
            }
            let now = ISO8601DateFormatter().date(from: "2026-10-12T17:00:00Z")!
            let outcome = try await DigestRun(
                database: database,
                sendmail: sendmail.path,
                from: "zhurnal@example.ru",
                baseURL: "https://a.example.ru",
                clock: { now }
            )
            .run()
            #expect(outcome.sent == 1)
            #expect(sendmail.read("messages").contains("Зайцева Ольга — Физика: 4."))
        }
    }
}
