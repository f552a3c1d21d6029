import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The staff list (issue 6) on AccessSchool: Смирнова and Орлов teach, Морозова is the deputy.
struct StaffListHTTPTests {
    static let list = """
        Фамилия;Имя;Отчество;Роли
        Смирнова;Ольга;Петровна;учитель, завуч
        Орлов;Дмитрий;Ильич;учитель
        Петрова;Анна;Сергеевна;учитель
        Ёлкин;Пётр;;"учитель, директор"
        """

    @Test(arguments: TestDatabases.flavors)
    func newStaffGetAccountsAndKnownStaffTheirMissingRoles(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let people = try await PupilListImportTests.people(database)
            let preview = try await PupilListImportTests.post(admin, "/api/v1/imports/staff?dryRun=true", Data(Self.list.utf8))
            #expect(preview.status == .ok)
            try OpenAPITests.conforms(preview, to: "post /api/v1/imports/staff", in: document)
            #expect(try json(preview)["newStaff"] as? [String] == ["Петрова Анна Сергеевна", "Ёлкин Пётр"])
            #expect(try json(preview)["written"] as? Bool == false)
            #expect(try await PupilListImportTests.people(database) == people)

            let written = try await PupilListImportTests.post(admin, "/api/v1/imports/staff", Data(Self.list.utf8))
            try OpenAPITests.conforms(written, to: "post /api/v1/imports/staff", in: document)
            let report = try json(written)
            #expect(report["written"] as? Bool == true)
            #expect(report["promoted"] as? Int == 1)
            #expect(report["unchanged"] as? Int == 1)
            let slips = try #require(report["slips"] as? [[String: Any]])
            #expect(slips.map { $0["fullName"] as? String } == ["Петрова Анна Сергеевна", "Ёлкин Пётр"])
            // The newcomer signs in with the slip's one-time password and is a teacher.
            let login = try #require(slips.first?["login"] as? String)
            let password = try #require(slips.first?["password"] as? String)
            let signIn = try await client.execute(
                uri: "/api/v1/auth/token",
                method: .post,
                headers: [.contentType: "application/json", HTTPField.Name("X-Forwarded-For")!: "10.1.1.1"],
                body: ByteBuffer(string: "{\"login\": \"\(login)\", \"password\": \"\(password)\"}")
            )
            // A one-time password signs in only to be changed.
            #expect(try errorCode(signIn) == "password_change_required")
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM account_roles r JOIN accounts a ON a.id = r.account_id WHERE a.person_id = \(bind: TinySchool.teacher) AND r.role = 'deputy'"
                ) == 1
            )
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM security_events WHERE kind = 'roles_changed'") == 3)
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM account_roles r JOIN accounts a ON a.id = r.account_id JOIN people p ON p.id = a.person_id WHERE p.last_name = 'Ёлкин'"
                ) == 2
            )

            // The same file again, and the export read back, change nothing.
            let again = try json(try await PupilListImportTests.post(admin, "/api/v1/imports/staff", Data(Self.list.utf8)))
            #expect(again["written"] as? Bool == false)
            #expect(again["unchanged"] as? Int == 4)
            let export = try await admin.call(.get, "/api/v1/exports/staff?format=csv")
            #expect(export.status == .ok)
            let exported = String(buffer: export.body)
            #expect(exported.contains("Смирнова;Ольга;Петровна;"))
            let roundTrip = try json(try await PupilListImportTests.post(admin, "/api/v1/imports/staff", Data(exported.utf8)))
            #expect(roundTrip["written"] as? Bool == false)
            #expect((roundTrip["refusals"] as? [Any])?.isEmpty == true)

            let refused = try await PupilListImportTests.post(
                admin,
                "/api/v1/imports/staff",
                Data("Фамилия;Имя;Отчество;Роли\nНовиков;Иван;;учитель\nСидоров;Олег;;администратор\nАксёнов;Иван;Петрович;учитель\n".utf8)
            )
            #expect(try errorCode(refused) == "import_refused")
            // Аксёнов, a parent with an account, is named among the refused rows.
            let dry = try await PupilListImportTests.post(
                admin,
                "/api/v1/imports/staff?dryRun=true",
                Data("Фамилия;Имя;Отчество;Роли\nАксёнов;Иван;Петрович;учитель\n".utf8)
            )
            #expect((try json(dry)["refusals"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["account_exists"])
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM people WHERE last_name = 'Новиков'") == 0)

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await PupilListImportTests.post(teacher, "/api/v1/imports/staff", Data(Self.list.utf8)).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePageUploadsTheListAndPrintsTheSlips(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            let page = try await admin.get("/admin/people/new")
            #expect(page.text.contains("action=\"/admin/people/import\""))
            let file = Multipart.Part.file(field: "file", name: "staff.csv", bytes: Array(Self.list.utf8), type: "text/csv")
            let uploaded = try await admin.upload("/admin/people/import", [file])
            #expect(uploaded.status == .ok)
            #expect(uploaded.text.contains("Новых сотрудников: 2, получили новые роли: 1, без изменений: 1."))
            #expect(uploaded.text.contains("Петрова Анна Сергеевна"))
            let bad = Multipart.Part.file(
                field: "file",
                name: "staff.csv",
                bytes: Array("Фамилия;Имя;Роли\nИванов;Иван;повар\n".utf8),
                type: "text/csv"
            )
            let refused = try await admin.upload("/admin/people/import", [bad])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("строка 2: Неизвестная роль «повар»"))
            #expect(try await admin.get("/admin/people/staff.csv").text.contains("Фамилия;Имя;Отчество;Роли"))
        }
    }
}
