import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// A pupil's cell in a lesson: every mark of his there (deleted ones too) and his attendance, whichever writer made
/// the line — one cell's writes, a whole lesson's, or a line from before the pupil was kept on history rows.
struct CellHistoryTests {
    static let now = Date(timeIntervalSince1970: 1_791_000_000)
    static let teacher = JournalAuthor(accountID: 1, personID: TinySchool.teacher, role: .teacher, clientAddress: nil)

    static func cell(_ database: Database, lesson: Int, student: Int) async throws -> CellHistory? {
        try await database.read { sql in
            let facts = try #require(try await LessonFacts.load(school: 1, lesson: lesson, in: sql))
            return try await CellHistory.load(school: 1, lesson: facts, student: student, in: sql)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theCellsMarksDeletedOnesIncludedAndItsAttendanceInOrder(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            // The teacher's account, whose person the history names.
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO accounts (school_id, id, person_id, login, password_hash, created_at)
                    VALUES (1, 1, \(bind: TinySchool.teacher), 'smirnova', 'x', '2026-09-01T09:00:00Z')
                    """
                ).run()
            }
            // Lesson 4 (12.10): Волков gets a 4, it becomes a 5, he is marked late, the mark is deleted; Аксёнова's
            // mark in the same lesson and Волков's in another lesson are other cells.
            let markID = try await database.write { sql in
                let lesson = try #require(try await LessonFacts.load(school: 1, lesson: 4, in: sql))
                let other = try #require(try await LessonFacts.load(school: 1, lesson: 3, in: sql))
                let mark = try await MarkWrites.add(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    value: .grade(4),
                    workType: 1,
                    comment: nil,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                _ = try await MarkWrites.update(
                    school: 1,
                    mark: mark.id,
                    version: 1,
                    value: .grade(5),
                    workType: nil,
                    comment: .some("у доски"),
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                try await AttendanceWrites.set(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    code: .late,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                try await MarkWrites.delete(school: 1, mark: mark.id, version: 2, by: Self.teacher, reason: "ошибся", at: Self.now, in: sql)
                for (facts, student) in [(lesson, TinySchool.aksyonova), (other, TinySchool.volkov)] {
                    _ = try await MarkWrites.add(
                        lesson: facts,
                        student: student,
                        value: .grade(3),
                        workType: 1,
                        comment: nil,
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                }
                return mark.id
            }
            let history = try #require(try await Self.cell(database, lesson: 4, student: TinySchool.volkov))
            #expect(history.pupilName == "Волков Илья")
            #expect(history.lines.map(\.entity) == ["mark", "mark", "attendance", "mark"])
            #expect(history.lines.map(\.action) == ["create", "update", "create", "delete"])
            #expect(history.lines.map(\.markId) == [markID, markID, nil, markID])
            #expect(history.lines.map(\.newValue) == ["4 · Ответ на уроке (×1)", "5 · Ответ на уроке (×1) · у доски", "оп", nil])
            #expect(history.lines.last?.oldValue == "5 · Ответ на уроке (×1) · у доски")
            #expect(history.lines.last?.reason == "ошибся")
            #expect(history.lines.allSatisfy { $0.actorName == "Смирнова Ольга Петровна" && $0.actorRole == "teacher" })
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aWholeLessonsLinesBelongToTheirPupils(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await database.write { sql in
                let lesson = try #require(try await LessonFacts.load(school: 1, lesson: 4, in: sql))
                _ = try await LessonWrites.saveEntries(
                    lesson: lesson,
                    entries: [
                        .init(studentID: TinySchool.volkov, attendance: nil, marks: [.init(value: .grade(5), workType: 2, comment: "контрольная")]),
                        .init(studentID: TinySchool.aksyonova, attendance: .some(nil), marks: [.init(value: .grade(4), workType: 2, comment: nil)]),
                    ],
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
            }
            let volkov = try #require(try await Self.cell(database, lesson: 4, student: TinySchool.volkov))
            #expect(volkov.lines.map(\.newValue) == ["5 · Контрольная работа (×4) · контрольная"])
            // Аксёнова's «н» of 12.10 cleared and her 4, in the order written: attendance first.
            let aksyonova = try #require(try await Self.cell(database, lesson: 4, student: TinySchool.aksyonova))
            #expect(aksyonova.lines.map(\.entity) == ["attendance", "mark"])
            #expect(aksyonova.lines.map(\.action) == ["delete", "create"])
            #expect(aksyonova.lines.first?.oldValue == "н")
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func linesWrittenBeforeThePupilWasKeptAreFoundThroughTheMarkAndTheAttendance(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            // As schema step 3 wrote them: no student_id. Mark 5 is Аксёнова's of lesson 3, mark 4 Волков's.
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO history (school_id, lesson_id, entity, entity_id, action, actor_account_id, actor_role, at, old_value, new_value)
                    VALUES (1, 3, 'mark', '5', 'create', 1, 'teacher', '2026-10-05T09:00:00Z', NULL, '5 · Ответ на уроке (×1)'),
                           (1, 3, 'mark', '4', 'create', 1, 'teacher', '2026-10-05T09:01:00Z', NULL, '3 · Контрольная работа (×4)'),
                           (1, 3, 'attendance', '3:\(unsafeRaw: String(TinySchool.aksyonova))', 'create', 1, 'teacher',
                            '2026-10-05T09:02:00Z', NULL, 'оп'),
                           (1, 3, 'attendance', '3:\(unsafeRaw: String(TinySchool.volkov))', 'create', 1, 'teacher',
                            '2026-10-05T09:03:00Z', NULL, 'н')
                    """
                ).run()
            }
            let aksyonova = try #require(try await Self.cell(database, lesson: 3, student: TinySchool.aksyonova))
            #expect(aksyonova.lines.map(\.newValue) == ["5 · Ответ на уроке (×1)", "оп"])
            #expect(aksyonova.lines.first?.markId == 5)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aPupilWhoIsNotTheLessonsAndHasNoLineThereNamesNoCell(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            // Волков came on 05.10: not on the roll of 07.09, and nothing of his there.
            #expect(try await Self.cell(database, lesson: 1, student: TinySchool.volkov) == nil)
            #expect(try await Self.cell(database, lesson: 1, student: 999) == nil)
            // Борисов left on 01.10, but his cell of 07.09 stays his, with or without lines.
            let borisov = try #require(try await Self.cell(database, lesson: 1, student: TinySchool.borisov))
            #expect(borisov.lines.isEmpty)
        }
    }
}
