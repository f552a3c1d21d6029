import ArgumentParser
import Foundation
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport

@testable import zhurnal

/// `zhurnal import` and `zhurnal export` on AccessSchool (its year runs to 31 August 2027, and the commands take
/// today's date from the clock).
struct ListCommandTests {
    let commands = BadInputTests()

    @Test func aListIsCheckedWrittenAndExportedBack() async throws {
        let scratch = try await TestDatabases.Scratch.make(.sqlite)
        guard case .sqlite(let path) = scratch.location else { return }
        let database = try await Database.open(scratch.location, logger: TestDatabases.logger)
        try await Migrator(database: database).migrate()
        try await AccessSchool.write(into: database)
        let db = ["--db", "sqlite:\(path)"]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lists-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let good = folder.appendingPathComponent("pupils.csv").path
        let bad = folder.appendingPathComponent("bad.csv").path
        let header = "Фамилия;Имя;Отчество;Дата рождения;Класс;Дата зачисления;Представитель 1;Кем приходится 1\n"
        try Data((header + "Ёлкина;Анна;;03.04.2015;5А;;Ёлкина Мария;мать\n").utf8).write(to: URL(fileURLWithPath: good))
        try Data((header + "Ёлкина;Анна;;03.04.2015;5Я;;;\n").utf8).write(to: URL(fileURLWithPath: bad))
        func people() async throws -> Int {
            try await database.read { try await $0.raw("SELECT COUNT(*) AS n FROM people").first()!.decode(column: "n", as: Int.self) }
        }
        let before = try await people()

        await commands.expectFailure(["import", "pupils", bad] + db)
        try await commands.run(["import", "pupils", good, "--dry-run"] + db)
        #expect(try await people() == before)
        try await commands.run(["import", "pupils", good] + db)
        #expect(try await people() == before + 2)
        try await commands.run(["import", "pupils", good] + db)
        #expect(try await people() == before + 2)

        let exported = folder.appendingPathComponent("out.xlsx").path
        try await commands.run(["export", "pupils", exported] + db)
        let data = try #require(FileManager.default.contents(atPath: exported))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        await commands.expectFailure(["export", "pupils", folder.appendingPathComponent("out.txt").path] + db)
        await commands.expectFailure(["import", "pupils", folder.appendingPathComponent("missing.csv").path] + db)
        // Lists not yet importable are refused by the argument parser, which names the known ones.
        #expect(throws: (any Error).self) { try Zhurnal.parseAsRoot(["import", "teachers", good] + db) }
        let classes = folder.appendingPathComponent("classes.csv").path
        try Data("Класс;Классный руководитель;Периоды\n5А;;\n9Г;;\n".utf8).write(to: URL(fileURLWithPath: classes))
        try await commands.run(["import", "classes", classes] + db)
        #expect(
            try await database.read {
                try await $0.raw("SELECT COUNT(*) AS n FROM classes WHERE parallel = 9 AND letter = 'Г'").first()!.decode(column: "n", as: Int.self)
            } == 1
        )
        try await commands.run(["export", "classes", folder.appendingPathComponent("classes.xlsx").path] + db)

        // Staff: the newcomer's slip goes to a file only its owner reads; without one the import is refused.
        let staff = folder.appendingPathComponent("staff.csv").path
        let slips = folder.appendingPathComponent("slips.csv").path
        try Data("Фамилия;Имя;Отчество;Роли\nПетрова;Анна;Сергеевна;учитель\n".utf8).write(to: URL(fileURLWithPath: staff))
        #expect(throws: (any Error).self) { try Zhurnal.parseAsRoot(["import", "staff", staff] + db) }
        // A slips' file that cannot be made stops the import before anything is written.
        let staffBefore = try await people()
        await commands.expectFailure(["import", "staff", staff, "--slips", folder.appendingPathComponent("no/such/dir.csv").path] + db)
        #expect(try await people() == staffBefore)
        try await commands.run(["import", "staff", staff, "--slips", slips] + db)
        let slip = try #require(FileManager.default.contents(atPath: slips).map { String(decoding: $0, as: UTF8.self) })
        #expect(slip.contains("Петрова Анна Сергеевна;"))
        let permissions = try FileManager.default.attributesOfItem(atPath: slips)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        try await commands.run(["export", "staff", folder.appendingPathComponent("staff.xlsx").path] + db)

        // The timetable from a date; an export reads back as the same week.
        let week = folder.appendingPathComponent("week.csv").path
        try Data("Класс;День;Урок;Предмет;Группа;Кабинет\n5А;Вт;1;Математика;;15\n".utf8).write(to: URL(fileURLWithPath: week))
        await commands.expectFailure(["import", "timetable", week, "--from", "01.09.2026"] + db)
        try await commands.run(["import", "timetable", week, "--from", "2026-09-01"] + db)
        #expect(
            try await database.read {
                try await $0.raw("SELECT COUNT(*) AS n FROM timetable_entries WHERE weekday = 2 AND room = '15'").first()!.decode(
                    column: "n",
                    as: Int.self
                )
            } == 1
        )
        try await commands.run(["export", "timetable", folder.appendingPathComponent("week.xlsx").path] + db)
        await database.close()
        await scratch.remove()
        try? FileManager.default.removeItem(at: folder)
    }
}
