import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

/// The school's timetable as a file (issue 6) on AccessSchool: 5А's mathematics (Смирнова), 6Б's (Орлов), bells 1
/// and 2, the first quarter to 23 October, the clock on Monday 12 October.
struct TimetableListHTTPTests {
    static let file = "Класс;День;Урок;Предмет;Группа;Кабинет\n5А;Пн;1;Математика;;15\n6Б;понедельник;2;Математика;;21\n"

    @Test(arguments: TestDatabases.flavors)
    func everyClassGetsItsWeekCheckedTogether(flavor: SQLFlavor) async throws {
        let document = try await OpenAPITests.document()
        try await TestApp.withSchool(flavor) { client, database in
            let admin = try await JournalAPITests.signedIn(client, AccessSchool.Login.admin)
            func lessons() async throws -> Int {
                try await Stored.count(database, "SELECT COUNT(*) AS n FROM lessons WHERE school_id = 1 AND lesson_date > '2026-10-12'")
            }
            let dry = try await PupilListImportTests.post(admin, "/api/v1/imports/timetable?from=2026-10-12&dryRun=true", Data(Self.file.utf8))
            #expect(dry.status == .ok)
            try OpenAPITests.conforms(dry, to: "post /api/v1/imports/timetable", in: document)
            #expect(try json(dry)["written"] as? Bool == false)
            #expect(try json(dry)["lessonsCreated"] as? Int == 2)
            #expect(try await lessons() == 0)

            let written = try json(try await PupilListImportTests.post(admin, "/api/v1/imports/timetable?from=2026-10-12", Data(Self.file.utf8)))
            #expect(written["written"] as? Bool == true)
            #expect(written["classes"] as? [String] == ["5А", "6Б"])
            // Monday 19 October, for both classes.
            #expect(try await lessons() == 2)
            let again = try json(try await PupilListImportTests.post(admin, "/api/v1/imports/timetable?from=2026-10-12", Data(Self.file.utf8)))
            #expect(again["lessonsCreated"] as? Int == 0)
            #expect(again["unchanged"] as? Int == 2)
            #expect(again["written"] as? Bool == false)
            #expect(try await lessons() == 2)

            let export = try await admin.call(.get, "/api/v1/exports/timetable?format=csv&date=2026-10-19")
            #expect(export.status == .ok)
            let exported = String(buffer: export.body)
            #expect(exported.contains("5А;Пн;1;Математика;;15"))
            #expect(exported.contains("6Б;Пн;2;Математика;;21"))

            // Both in room 15 at Monday's first lesson: refused whole, the written week stays.
            let clash = "Класс;День;Урок;Предмет;Группа;Кабинет\n5А;Пн;2;Математика;;15\n6Б;Пн;2;Математика;;15\n"
            let refused = try await PupilListImportTests.post(admin, "/api/v1/imports/timetable?from=2026-10-12", Data(clash.utf8))
            #expect(try errorCode(refused) == "import_refused")
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM timetable_entries WHERE school_id = 1 AND room = '15' AND lesson_number = 1"
                ) == 1
            )
            let report = try json(
                try await PupilListImportTests.post(admin, "/api/v1/imports/timetable?from=2026-10-12&dryRun=true", Data(clash.utf8))
            )
            #expect((report["refusals"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["room_clash"])
            let bad = "Класс;День;Урок;Предмет;Группа;Кабинет\n9Я;Пн;1;Математика;;\n5А;Вс;1;Математика;;\n5А;Пн;1;Химия;;\n"
            let badReport = try json(
                try await PupilListImportTests.post(admin, "/api/v1/imports/timetable?from=2026-10-12&dryRun=true", Data(bad.utf8))
            )
            #expect(
                (badReport["refusals"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == [
                    "unknown_class", "bad_weekday", "unknown_course",
                ]
            )
            #expect(
                try errorCode(try await PupilListImportTests.post(admin, "/api/v1/imports/timetable?from=12.10.2026", Data(Self.file.utf8)))
                    == "bad_date"
            )

            let teacher = try await JournalAPITests.signedIn(client, AccessSchool.Login.teacher)
            #expect(
                try await PupilListImportTests.post(teacher, "/api/v1/imports/timetable?from=2026-10-12", Data(Self.file.utf8)).status == .forbidden
            )
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theClassesPageTakesTheFileWithItsDate(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, _ in
            let admin = try await AdminPeopleTests.signedInAdmin(client)
            #expect(try await admin.get("/admin/classes").text.contains("action=\"/admin/classes/timetable-import\""))
            let file = Multipart.Part.file(field: "file", name: "расписание.csv", bytes: Array(Self.file.utf8), type: "text/csv")
            let saved = try await admin.upload("/admin/classes/timetable-import", [.field("from", "2026-10-12"), file])
            #expect(saved.headers[.location] == "/admin/classes?timetable=2")
            #expect(try await admin.get("/admin/classes?timetable=2").text.contains("Расписание загружено; уроков по нему создано: 2."))
            let missingDate = try await admin.upload("/admin/classes/timetable-import", [file])
            #expect(missingDate.status == .unprocessableContent)
            #expect(try await admin.get("/admin/classes/timetable.csv").text.contains("5А;Пн;1;Математика;;15"))
        }
    }
}
