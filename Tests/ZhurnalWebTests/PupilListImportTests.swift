import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore
import ZhurnalTestSupport

/// The pupils' list imported from a file and exported back (issue 6), through the API and the administrator's page.
/// The school is TinySchool in 2026/27 with its classes 5А and 6Б.
struct PupilListImportTests {
    static let header = "Фамилия;Имя;Отчество;Дата рождения;Класс;Дата зачисления;Представитель 1;Кем приходится 1;Представитель 2;Кем приходится 2\n"
    static let list =
        header
        + "Ёлкина;Анна;Петровна;03.04.2015;5А;;Ёлкина Мария Ивановна;мать;;\n"
        + "Ёлкин;Илья;Петрович;2014-01-20;6Б;12.01.2027;Ёлкина Мария Ивановна;мать;Ёлкин Пётр Ильич;отец\n"

    /// A file sent as the request's body, as programs send lists.
    static func post(_ client: APIClient, _ uri: String, _ bytes: Data, method: HTTPRequest.Method = .post) async throws -> TestResponse {
        var headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: client.address, .contentType: "text/csv"]
        if let token = client.token { headers[.authorization] = "Bearer \(token)" }
        return try await client.client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    static func people(_ database: Database) async throws -> Int {
        try await Stored.count(database, "SELECT COUNT(*) AS n FROM people WHERE school_id = 1")
    }

    @Test(arguments: TestDatabases.flavors)
    func aListIsPreviewedThenWrittenWholeAndAgainChangesNothing(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let before = try await Self.people(database)

            let preview = try await Self.post(admin, "/api/v1/imports/pupils?dryRun=true", Data(Self.list.utf8))
            #expect(preview.status == .ok)
            try OpenAPITests.conforms(preview, to: "post /api/v1/imports/pupils", in: document)
            let report = try json(preview)
            #expect(report["written"] as? Bool == false)
            #expect(report["rows"] as? Int == 2 && report["newPupils"] as? Int == 2 && report["newGuardians"] as? Int == 2)
            #expect(report["newLinks"] as? Int == 3)
            #expect(try await Self.people(database) == before)

            let written = try await Self.post(admin, "/api/v1/imports/pupils", Data(Self.list.utf8))
            #expect(written.status == .ok)
            #expect(try json(written)["written"] as? Bool == true)
            #expect(try await Self.people(database) == before + 4)
            let enrolments = try await database.read { sql in
                try await sql.raw(
                    """
                    SELECT p.first_name, k.parallel || k.letter AS class_name, e.starts_on FROM enrolments e
                    JOIN people p ON p.school_id = e.school_id AND p.id = e.student_id
                    JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
                    WHERE e.school_id = 1 AND p.last_name LIKE 'Ёлкин%' ORDER BY p.first_name
                    """
                ).all().map {
                    "\(try $0.decode(column: "first_name", as: String.self)) \(try $0.decode(column: "class_name", as: String.self)) \(try $0.decode(column: "starts_on", as: String.self))"
                }
            }
            #expect(enrolments == ["Анна 5А 2026-09-01", "Илья 6Б 2027-01-12"])
            // One mother for both children.
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(DISTINCT g.guardian_id) AS n FROM guardianships g JOIN people p ON p.school_id = g.school_id AND p.id = g.guardian_id WHERE p.first_name = 'Мария' AND p.last_name = 'Ёлкина'"
                ) == 1
            )

            let again = try await Self.post(admin, "/api/v1/imports/pupils", Data(Self.list.utf8))
            #expect(try json(again)["written"] as? Bool == false)
            #expect(try json(again)["knownPupils"] as? Int == 2)
            #expect(try await Self.people(database) == before + 4)

            // The export in either format imports back without a change. A pupil is known by his name and birth
            // date, so the fixture's pupils get theirs first.
            try await database.write { sql in
                try await sql.raw(
                    "UPDATE people SET birth_date = '2015-06-01' WHERE school_id = 1 AND birth_date IS NULL AND id IN (SELECT student_id FROM enrolments)"
                ).run()
            }
            // Аксёнова moves to 6Б after the winter holidays: she is listed once, in the class she is in today.
            try await database.write { sql in
                try await sql.raw("UPDATE enrolments SET ends_on = '2026-12-31' WHERE school_id = 1 AND student_id = 2").run()
                try await sql.raw("INSERT INTO enrolments (school_id, student_id, class_id, starts_on) VALUES (1, 2, 2, '2027-01-11')").run()
            }
            for format in SheetFormat.allCases {
                let export = try await admin.call(.get, "/api/v1/exports/pupils?format=\(format.rawValue)")
                #expect(export.status == .ok)
                #expect(export.headers[.contentType] == format.mediaType)
                let data = Data(export.body.readableBytesView)
                let table = try format.read(data)
                #expect(
                    table.rows.contains {
                        $0.cells.prefix(8) == ["Ёлкин", "Илья", "Петрович", "20.01.2014", "6Б", "12.01.2027", "Ёлкина Мария Ивановна", "мать"]
                    }
                )
                #expect(table.rows.filter { $0.cells.first == "Аксёнова" }.map { $0.cells[4] } == ["5А"])
                let back = try await Self.post(admin, "/api/v1/imports/pupils", data)
                #expect(try json(back)["written"] as? Bool == false, "\(format) \(back.text)")
                #expect(try json(back)["refusals"] as? [Any] == nil || (try json(back)["refusals"] as? [Any])?.isEmpty == true)
            }
            #expect(try await Self.people(database) == before + 4)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aFileWithARefusedRowWritesNothingAndSaysWhichLine(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let before = try await Self.people(database)
            let list = Self.list + "Пустов;;;01.01.2015;5А\nОшибкин;Олег;;31.02.2015;5Г\n"
            let refused = try await Self.post(admin, "/api/v1/imports/pupils", Data(list.utf8))
            #expect(refused.status == .unprocessableContent)
            #expect(try errorCode(refused) == "import_refused")
            try OpenAPITests.conforms(refused, to: "post /api/v1/imports/pupils", in: document)
            let refusals = (try json(refused)["report"] as? [String: Any])?["refusals"] as? [[String: Any]]
            #expect(refusals?.map { "\($0["line"] ?? "") \($0["code"] ?? "")" } == ["4 missing_field", "5 bad_date"])
            #expect(try await Self.people(database) == before)

            for (body, code) in [
                ("Фамилия;Имя\nИванов;Иван\n", "missing_column"),
                ("", "empty_file"),
                ("PK\u{3}\u{4}not a zip", "bad_xlsx"),
            ] {
                let bad = try await Self.post(admin, "/api/v1/imports/pupils?dryRun=true", Data(body.utf8))
                #expect(bad.status == .unprocessableContent)
                #expect(try errorCode(bad) == code)
                try OpenAPITests.conforms(bad, to: "post /api/v1/imports/pupils", in: document)
            }
            #expect(try errorCode(try await Self.post(admin, "/api/v1/imports/pupils?dryRun=maybe", Data(Self.list.utf8))) == "bad_dry_run")

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await Self.post(teacher, "/api/v1/imports/pupils", Data(Self.list.utf8)).status == .forbidden)
            #expect(try await teacher.call(.get, "/api/v1/exports/pupils?format=csv").status == .forbidden)
            #expect(try await Self.people(database) == before)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePagePreviewsAndTheConfirmationWritesTheDraft(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            #expect(try await admin.get("/admin/import").status == .ok)
            let before = try await Self.people(database)
            let file = Multipart.Part.file(field: "file", name: "список.csv", bytes: Array(Self.list.utf8), type: "text/csv")
            let preview = try await admin.upload("/admin/import", [file])
            #expect(preview.status == .ok)
            #expect(preview.text.contains("Новых учеников: 2"))
            let draft = try #require(preview.text.range(of: "name=\"draft\" value=\"").map { preview.text[$0.upperBound...].prefix { $0.isNumber } })
            #expect(try await Self.people(database) == before)

            // A teacher cannot confirm it: the policy answers before the draft is looked at.
            let teacher = Browser(client, address: "198.51.100.201")
            _ = try await teacher.signIn(AccessSchool.Login.teacher)
            _ = try await teacher.get("/")
            #expect(try await teacher.post("/admin/import/confirm", [("draft", String(draft))]).status == .forbidden)

            let confirmed = try await admin.post("/admin/import/confirm", [("draft", String(draft))])
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location == "/admin/import?pupils=2&guardians=2")
            // A second click on the same confirmation finds the draft spent and writes nothing more.
            let twice = try await admin.post("/admin/import/confirm", [("draft", String(draft))])
            #expect(twice.status == .unprocessableContent)
            #expect(try await Self.people(database) == before + 4)
            #expect(
                try await admin.get("/admin/import?pupils=2&guardians=2").text.contains("Список записан. Новых учеников: 2, новых представителей: 2.")
            )

            let bad = try await admin.upload(
                "/admin/import",
                [.file(field: "file", name: "x.csv", bytes: Array((Self.header + "Иванов;Иван;;01.01.2015;9Я\n").utf8), type: "text/csv")]
            )
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Класса 9Я в этом учебном году нет."))
            #expect(!bad.text.contains("name=\"draft\""))
            let expired = try await admin.post("/admin/import/confirm", [("draft", "999999")])
            #expect(expired.status == .unprocessableContent)
            #expect(expired.text.contains("Предпросмотр устарел"))
        }
    }
}

/// The classes' list (issue 6) on AccessSchool: 5А (Смирнова) and 6Б (Орлов) exist.
struct ClassListImportTests {
    @Test(arguments: TestDatabases.flavors)
    func newClassesAreAddedAndTheFileAgainChangesNothing(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            let list = "Класс;Классный руководитель;Периоды\n5А;Смирнова Ольга Петровна;\n10Б;;\n7В;;триместры\n"
            let preview = try await PupilListImportTests.post(admin, "/api/v1/imports/classes?dryRun=true", Data(list.utf8))
            #expect(preview.status == .ok)
            try OpenAPITests.conforms(preview, to: "post /api/v1/imports/classes", in: document)
            #expect(try json(preview)["newClasses"] as? [String] == ["10Б", "7В"])
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM classes WHERE school_id = 1") == 2)
            let written = try await PupilListImportTests.post(admin, "/api/v1/imports/classes", Data(list.utf8))
            #expect(try json(written)["written"] as? Bool == true)
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM classes WHERE school_id = 1 AND parallel = 10 AND period_kind = 'half_year'"
                ) == 1
            )
            let again = try await PupilListImportTests.post(admin, "/api/v1/imports/classes", Data(list.utf8))
            #expect(try json(again)["written"] as? Bool == false && json(again)["knownClasses"] as? Int == 3)

            let refused = try await PupilListImportTests.post(
                admin,
                "/api/v1/imports/classes",
                Data("Класс;Классный руководитель\n8А;Орлов Дмитрий Ильич\n".utf8)
            )
            #expect(try errorCode(refused) == "import_refused")
            try OpenAPITests.conforms(refused, to: "post /api/v1/imports/classes", in: document)
            let export = try await admin.call(.get, "/api/v1/exports/classes?format=csv")
            #expect(String(buffer: export.body).contains("7В;;триместры"))
            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(try await PupilListImportTests.post(teacher, "/api/v1/imports/classes", Data(list.utf8)).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theClassesPageTakesTheListAndSaysWhyNot(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            _ = try await admin.get("/admin/classes")
            let file = Multipart.Part.file(field: "file", name: "классы.csv", bytes: Array("Класс\n9А\n".utf8), type: "text/csv")
            #expect(try await admin.upload("/admin/classes/import", [file]).status == .seeOther)
            #expect(try await Stored.count(database, "SELECT COUNT(*) AS n FROM classes WHERE school_id = 1 AND parallel = 9") == 1)
            let bad = try await admin.upload(
                "/admin/classes/import",
                [.file(field: "file", name: "x.csv", bytes: Array("Класс\n9А\n12Б\n".utf8), type: "text/csv")]
            )
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("строка 3: «Класс»"))
        }
    }
}
