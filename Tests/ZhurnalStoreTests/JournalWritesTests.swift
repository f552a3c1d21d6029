import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// Marks and attendance written with their history in one transaction, versioned against lost updates.
struct JournalWritesTests {
    static let now = Date(timeIntervalSince1970: 1_791_000_000)
    static let teacher = JournalAuthor(accountID: 1, personID: TinySchool.teacher, role: .teacher, clientAddress: "198.51.100.1")

    static func historyCount(_ sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM history").first()!.decode(column: "n", as: Int.self)
    }

    @Test(arguments: TestDatabases.flavors)
    func aLessonsFactsAndMembers(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await database.read { sql in
                let first = try #require(try await LessonFacts.load(school: 1, lesson: 1, in: sql))
                #expect(first.date.iso == "2026-09-07")
                #expect(!first.periodClosed && !first.holiday && !first.cancelled)
                #expect(first.editWindowDays == 7)
                #expect(first.markRules.allowsDouble == false)
                // On 07.09 Аксёнова and Борисов; Волков came on 05.10.
                #expect(try await first.members(in: sql) == [TinySchool.aksyonova, TinySchool.borisov])
                let later = try #require(try await LessonFacts.load(school: 1, lesson: 3, in: sql))
                #expect(try await later.members(in: sql) == [TinySchool.aksyonova, TinySchool.volkov])
                #expect(try await LessonFacts.load(school: 2, lesson: 1, in: sql) == nil)
            }
            try await database.write { sql in
                try await sql.raw("UPDATE periods SET closed_at = '2026-10-24T10:00:00Z' WHERE id = 1").run()
                try await sql.raw(
                    "INSERT INTO holidays (school_id, year_id, title, starts_on, ends_on) VALUES (1, 1, 'Праздник', '2026-09-14', '2026-09-14')"
                ).run()
            }
            let (closed, holiday) = try await database.read { sql in
                (try await LessonFacts.load(school: 1, lesson: 1, in: sql), try await LessonFacts.load(school: 1, lesson: 2, in: sql))
            }
            #expect(closed?.periodClosed == true)
            #expect(closed?.holiday == false)
            #expect(holiday?.holiday == true)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aMarkIsAddedChangedAndDeletedWithItsHistory(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let mark = try await database.write { sql in
                let lesson = try #require(try await LessonFacts.load(school: 1, lesson: 4, in: sql))
                return try await MarkWrites.add(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    value: .grade(4),
                    workType: 2,
                    comment: "устный ответ",
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
            }
            #expect(mark.value == "4")
            #expect(mark.weight == 4)
            #expect(mark.version == 1)
            let changed = try await database.write { sql in
                try await MarkWrites.update(
                    school: 1,
                    mark: mark.id,
                    version: 1,
                    value: .grade(5),
                    workType: nil,
                    comment: .some(nil),
                    by: Self.teacher,
                    reason: "описка",
                    at: Self.now,
                    in: sql
                )
            }
            #expect(changed.value == "5")
            #expect(changed.comment == nil)
            #expect(changed.version == 2)

            // A second teacher who read version 1 is refused, and nothing of his is written.
            await #expect(throws: JournalWriteError.staleVersion(current: 2)) {
                try await database.write { sql in
                    try await MarkWrites.update(
                        school: 1,
                        mark: mark.id,
                        version: 1,
                        value: .grade(3),
                        workType: nil,
                        comment: nil,
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                }
            }
            try await database.write { sql in
                try await MarkWrites.delete(school: 1, mark: mark.id, version: 2, by: Self.teacher, reason: "не та работа", at: Self.now, in: sql)
            }
            let history = try await database.read { try await JournalHistory.of(school: 1, .mark, id: String(mark.id), in: $0) }
            #expect(history.map(\.action) == ["create", "update", "delete"])
            #expect(history[0].newValue == "4 · Контрольная работа (×4) · устный ответ")
            #expect(history[1].oldValue == "4 · Контрольная работа (×4) · устный ответ")
            #expect(history[1].newValue == "5 · Контрольная работа (×4)")
            #expect(history[1].reason == "описка")
            #expect(history[2].reason == "не та работа")
            #expect(history.allSatisfy { $0.actorRole == "teacher" && $0.actorAccountId == 1 })
            #expect(try await database.read { try await MarkWrites.find(school: 1, mark: mark.id, in: $0) } == nil)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aFailedWriteLeavesNeitherTheMarkNorItsHistory(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let before = try await database.read { try await Self.historyCount($0) }
            await #expect(throws: JournalWriteError.unknownWorkType) {
                try await database.write { sql in
                    let lesson = try #require(try await LessonFacts.load(school: 1, lesson: 4, in: sql))
                    try await AttendanceWrites.set(
                        lesson: lesson,
                        student: TinySchool.volkov,
                        code: .late,
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                    _ = try await MarkWrites.add(
                        lesson: lesson,
                        student: TinySchool.volkov,
                        value: .grade(5),
                        workType: 99,
                        comment: nil,
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                }
            }
            #expect(try await database.read { try await Self.historyCount($0) } == before)
            let late = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM attendance WHERE lesson_id = 4 AND student_id = \(bind: TinySchool.volkov)").first()!
                    .decode(column: "n", as: Int.self)
            }
            #expect(late == 0)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func attendanceIsSetChangedAndClearedWithItsHistory(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let versions = try await database.write { sql in
                let lesson = try #require(try await LessonFacts.load(school: 1, lesson: 4, in: sql))
                let set = try await AttendanceWrites.set(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    code: .absent,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                let same = try await AttendanceWrites.set(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    code: .absent,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                let late = try await AttendanceWrites.set(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    code: .late,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                let cleared = try await AttendanceWrites.set(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    code: nil,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                return [set, same, late, cleared]
            }
            #expect(versions == [1, 1, 2, 0])
            let history = try await database.read { try await JournalHistory.of(school: 1, .attendance, id: "4:\(TinySchool.volkov)", in: $0) }
            // Setting the same code again is no change and leaves no line.
            #expect(history.map(\.action) == ["create", "update", "delete"])
            #expect(history.map(\.newValue) == ["н", "оп", nil])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theHistoryCannotBeRewritten(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await database.write { sql in
                let lesson = try #require(try await LessonFacts.load(school: 1, lesson: 4, in: sql))
                try await AttendanceWrites.set(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    code: .absent,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
            }
            await #expect(throws: (any Error).self) {
                try await database.write { try await $0.raw("UPDATE history SET new_value = 'б'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.write { try await $0.raw("DELETE FROM history").run() }
            }
        }
    }
}
