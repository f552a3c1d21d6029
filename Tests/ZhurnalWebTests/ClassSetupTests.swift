import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The year's classes set up by the administrator (issue 6). TinySchool has 5А (Смирнова) and AccessSchool 6Б
/// (Орлов) in 2026/27.
struct ClassSetupTests {
    /// A teacher without a class, with an account: Пестова, person and account 60.
    static func addTeacherPestova(_ database: Database) async throws {
        try await database.write { sql in
            try await sql.raw(
                "INSERT INTO people (school_id, id, last_name, first_name, created_at) VALUES (1, 60, 'Пестова', 'Ирина', '2026-09-01T00:00:00Z')"
            ).run()
            try await sql.raw(
                """
                INSERT INTO accounts (school_id, id, person_id, login, password_hash, must_change_password, created_at)
                VALUES (1, 60, 60, 'pestova', 'x', FALSE, '2026-09-01T00:00:00Z')
                """
            ).run()
            try await sql.raw("INSERT INTO account_roles (school_id, account_id, role) VALUES (1, 60, 'teacher')").run()
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theAdministratorAddsAClassWithItsHomeroomTeacher(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            // A new teacher without a class, with an account, to lead the new one.
            try await Self.addTeacherPestova(database)
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let added = try await admin.call(
                .post,
                "/api/v1/classes",
                json: "{\"parallel\": 7, \"letter\": \"а\", \"periodKind\": \"quarter\", \"homeroomTeacherId\": 60}"
            )
            #expect(added.status == .created)
            try OpenAPITests.conforms(added, to: "post /api/v1/classes", in: document)
            let roles = try await database.read { sql in
                try await sql.raw("SELECT role FROM account_roles WHERE school_id = 1 AND account_id = 60 ORDER BY role").all().map {
                    try $0.decode(column: "role", as: String.self)
                }
            }
            #expect(roles == ["homeroom", "teacher"])
            for (json, code) in [
                ("{\"parallel\": 5, \"letter\": \"А\", \"periodKind\": \"quarter\"}", "duplicate_class"),
                ("{\"parallel\": 8, \"letter\": \"A\", \"periodKind\": \"quarter\"}", "bad_letter"),
                ("{\"parallel\": 12, \"letter\": \"А\", \"periodKind\": \"quarter\"}", "bad_parallel"),
                (
                    "{\"parallel\": 8, \"letter\": \"Б\", \"periodKind\": \"quarter\", \"homeroomTeacherId\": \(TinySchool.teacher)}",
                    "already_homeroom"
                ),
                ("{\"parallel\": 8, \"letter\": \"Б\", \"periodKind\": \"quarter\", \"homeroomTeacherId\": \(AccessSchool.parent)}", "not_a_teacher"),
                ("{\"parallel\": 8, \"letter\": \"Б\", \"periodKind\": \"semester\"}", "bad_kind"),
            ] {
                let refused = try await admin.call(.post, "/api/v1/classes", json: json)
                #expect(refused.status == .unprocessableContent)
                #expect(try errorCode(refused) == code)
                try OpenAPITests.conforms(refused, to: "post /api/v1/classes", in: document)
            }
            let list = try await admin.call(.get, "/api/v1/classes")
            try OpenAPITests.conforms(list, to: "get /api/v1/classes", in: document)
            let names = (try json(list)["classes"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["5А", "6Б", "7А"])
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(
                try await teacher.call(.post, "/api/v1/classes", json: "{\"parallel\": 9, \"letter\": \"В\", \"periodKind\": \"quarter\"}").status
                    == .forbidden
            )
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM classes WHERE school_id = 1") == 3)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageListsTheClassesAndTellsWhyAFormWasRefused(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let page = try await admin.get("/admin/classes")
            #expect(page.status == .ok)
            #expect(
                page.text.contains(
                    "<th scope=\"row\"><a href=\"/admin/people?class=1\">5А</a></th><td data-label=\"Руководитель\">Смирнова Ольга Петровна</td>"
                )
            )
            let refused = try await admin.post("/admin/classes", [("parallel", "5"), ("letter", "а"), ("periodKind", "quarter"), ("homeroom", "")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("Класс 5А в этом году уже есть."))
            let added = try await admin.post("/admin/classes", [("parallel", "10"), ("letter", "б"), ("periodKind", "half_year"), ("homeroom", "")])
            #expect(added.location == "/admin/classes?added=1")
            #expect(try await admin.get("/admin/classes").text.contains(">10Б</a></th><td data-label=\"Руководитель\">не назначен</td>"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theHomeroomTeacherIsChangedAndRemovedWithHisRole(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            try await Self.addTeacherPestova(database)
            func homerooms() async throws -> [String] {
                try await database.read { sql in
                    try await sql.raw(
                        "SELECT a.login AS v FROM account_roles r JOIN accounts a ON a.school_id = r.school_id AND a.id = r.account_id WHERE r.school_id = 1 AND r.role = 'homeroom' ORDER BY a.login"
                    ).all().map { try $0.decode(column: "v", as: String.self) }
                }
            }
            #expect(try await homerooms() == ["orlov", "smirnova"])
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let changed = try await admin.call(.put, "/api/v1/classes/1/homeroom", json: "{\"teacherId\": 60}")
            #expect(changed.status == .ok)
            try OpenAPITests.conforms(changed, to: "put /api/v1/classes/{classId}/homeroom", in: document)
            #expect(try await homerooms() == ["orlov", "pestova"])
            for (body, code) in [
                ("{\"teacherId\": \(AccessSchool.otherTeacher)}", "already_homeroom"), ("{\"teacherId\": \(AccessSchool.parent)}", "not_a_teacher"),
            ] {
                let refused = try await admin.call(.put, "/api/v1/classes/1/homeroom", json: body)
                #expect(try errorCode(refused) == code)
                try OpenAPITests.conforms(refused, to: "put /api/v1/classes/{classId}/homeroom", in: document)
            }
            #expect(try await admin.call(.put, "/api/v1/classes/999/homeroom", json: "{\"teacherId\": null}").status == .notFound)
            let removed = try await admin.call(.put, "/api/v1/classes/1/homeroom", json: "{\"teacherId\": null}")
            #expect(removed.status == .ok)
            #expect(try await homerooms() == ["orlov"])
            #expect(
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM classes WHERE school_id = 1 AND id = 1 AND homeroom_teacher_id IS NULL")
                    == 1
            )

            let page = try await AdminPeopleTests.signedInAdmin(client)
            _ = try await page.get("/admin/classes")
            let back = try await page.post("/admin/classes/homeroom", [("class", "1"), ("homeroom", String(TinySchool.teacher))])
            #expect(back.status == .seeOther)
            #expect(try await homerooms() == ["orlov", "smirnova"])
            let refused = try await page.post("/admin/classes/homeroom", [("class", "1"), ("homeroom", String(AccessSchool.otherTeacher))])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Этот учитель уже классный руководитель 6Б."))
        }
    }
}
