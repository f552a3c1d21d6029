import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// A lesson's homework — the class's and a pupil's own — with its due date and files, each change with its history
/// row in the same transaction. TinySchool's lesson 4 is on 12.10.2026; its year ends on 31.08.2027.
struct HomeworkWritesTests {
    static let now = JournalWritesTests.now
    static let teacher = JournalWritesTests.teacher
    static let limits = HomeworkFileLimits(maxBytes: 1000, maxFiles: 3)

    static func lesson(_ sql: any SQLDatabase, _ id: Int = 4) async throws -> LessonFacts {
        try #require(try await LessonFacts.load(school: 1, lesson: id, in: sql))
    }

    static func date(_ iso: String) -> LocalDate { LocalDate(iso: iso)! }

    static func history(_ database: Database, id: String) async throws -> [HistoryEntry] {
        try await database.read { try await JournalHistory.of(school: 1, .homework, id: id, in: $0) }
    }

    static func setClass(_ database: Database, text: String??, due: LocalDate??) async throws -> HomeworkRecord? {
        try await database.write { sql in
            try await HomeworkWrites.setForClass(
                lesson: try await lesson(sql),
                text: text,
                dueOn: due,
                by: teacher,
                reason: nil,
                at: now,
                in: sql
            )
        }
    }

    static func setPupil(
        _ database: Database,
        _ student: Int,
        text: String,
        due: LocalDate? = nil,
        version: Int? = nil
    ) async throws -> (record: HomeworkRecord, created: Bool) {
        try await database.write { sql in
            try await HomeworkWrites.setForPupil(
                lesson: try await lesson(sql),
                student: student,
                text: text,
                dueOn: due,
                version: version,
                by: teacher,
                reason: nil,
                at: now,
                in: sql
            )
        }
    }

    static func removePupil(_ database: Database, _ student: Int) async throws {
        try await database.write { sql in
            try await HomeworkWrites.removeForPupil(
                lesson: try await lesson(sql),
                student: student,
                version: nil,
                by: teacher,
                reason: nil,
                at: now,
                in: sql
            )
        }
    }

    static func file(_ name: String, _ bytes: [UInt8]) -> NewHomeworkFile {
        NewHomeworkFile(fileName: name, contentType: "application/pdf", content: Data(bytes))
    }

    @Test(arguments: TestDatabases.flavors)
    func theClassesHomeworkTakesADueDateWithinTheYear(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let set = try await Self.setClass(database, text: "§ 12, № 4", due: .some(Self.date("2026-10-19")))
            #expect(set?.text == "§ 12, № 4")
            #expect(set?.dueOn == Self.date("2026-10-19"))
            #expect(set?.version == 1)
            // The date alone moves; the words stay.
            let moved = try await Self.setClass(database, text: nil, due: .some(Self.date("2027-08-31")))
            #expect(moved?.text == "§ 12, № 4")
            #expect(moved?.version == 2)
            // The same again writes nothing.
            _ = try await Self.setClass(database, text: "§ 12, № 4", due: nil)
            // The lesson's own day and the day after the year are refused, and nothing changes.
            for (due, refusal) in [
                ("2026-10-12", HomeworkRefusal.dueNotAfterLesson(Self.date("2026-10-12"))),
                ("2027-09-01", HomeworkRefusal.dueAfterYearEnd(Self.date("2027-08-31"))),
            ] {
                await #expect(throws: refusal) {
                    try await Self.setClass(database, text: "Другое", due: .some(Self.date(due)))
                }
            }
            // Cleared date: by the next lesson.
            let cleared = try await Self.setClass(database, text: nil, due: .some(nil))
            #expect(cleared?.dueOn == nil)
            let removed = try await Self.setClass(database, text: .some("  "), due: nil)
            #expect(removed == nil)
            let history = try await Self.history(database, id: "4")
            #expect(history.map(\.action) == ["create", "update", "update", "delete"])
            #expect(history[0].newValue == "§ 12, № 4 · сдать к 19.10.2026")
            #expect(history[1].oldValue == "§ 12, № 4 · сдать к 19.10.2026")
            #expect(history[1].newValue == "§ 12, № 4 · сдать к 31.08.2027")
            #expect(history[2].newValue == "§ 12, № 4")
            #expect(history[3].oldValue == "§ 12, № 4" && history[3].newValue == nil)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aDateNeedsTheWordsOfTheTask(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            await #expect(throws: HomeworkRefusal.textRequired) {
                try await Self.setClass(database, text: nil, due: .some(Self.date("2026-10-19")))
            }
            // Clearing what is not there is nothing.
            let none = try await Self.setClass(database, text: .some(nil), due: .some(nil))
            #expect(none == nil)
            #expect(try await database.read { try await JournalWritesTests.historyCount($0) } == 0)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aPupilsOwnHomeworkIsGivenReplacedAndRemoved(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let (given, created) = try await Self.setPupil(database, TinySchool.volkov, text: "Догнать тему: § 10–11", due: Self.date("2026-10-26"))
            #expect(created)
            #expect(given.studentId == TinySchool.volkov)
            let (replaced, again) = try await Self.setPupil(database, TinySchool.volkov, text: "Догнать тему: § 10", version: 1)
            #expect(!again)
            #expect(replaced.id == given.id)
            #expect(replaced.dueOn == nil)
            #expect(replaced.version == 2)
            // Someone who read version 1 is told it changed.
            await #expect(throws: JournalWriteError.staleVersion(current: 2)) {
                try await Self.setPupil(database, TinySchool.volkov, text: "Иное", version: 1)
            }
            await #expect(throws: HomeworkRefusal.textRequired) {
                try await Self.setPupil(database, TinySchool.aksyonova, text: " \n")
            }
            // The class's homework and the pupil's are apart.
            let all = try await database.read { try await HomeworkQueries.ofLesson(school: 1, lesson: 4, in: $0) }
            #expect(all.map(\.studentId) == [TinySchool.volkov])
            try await Self.removePupil(database, TinySchool.volkov)
            await #expect(throws: JournalWriteError.notFound) {
                try await Self.removePupil(database, TinySchool.volkov)
            }
            let history = try await Self.history(database, id: "4:\(TinySchool.volkov)")
            #expect(history.map(\.action) == ["create", "update", "delete"])
            #expect(history[0].newValue == "Догнать тему: § 10–11 · сдать к 26.10.2026")
            #expect(try await Self.history(database, id: "4").isEmpty)
        }
    }

    /// Migration 4's keys: a second homework for the class, or a second for the same pupil, cannot be inserted.
    @Test(arguments: TestDatabases.flavors)
    func theDatabaseKeepsOneHomeworkPerLessonAndPupil(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            func insert(_ student: Int?) async throws {
                try await database.write { sql in
                    try await sql.raw(
                        """
                        INSERT INTO homework (school_id, lesson_id, student_id, body, entered_by, entered_at, updated_at)
                        VALUES (1, 4, \(bind: student), 'x', 1, 'now', 'now')
                        """
                    ).run()
                }
            }
            try await insert(nil)
            try await insert(TinySchool.volkov)
            try await insert(TinySchool.aksyonova)
            await #expect(throws: (any Error).self) { try await insert(nil) }
            await #expect(throws: (any Error).self) { try await insert(TinySchool.volkov) }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func filesAreAttachedReadBackAndRemovedWithHistory(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            // Every byte value, so that neither database mangles binary content.
            let bytes = Array("%PDF-".utf8) + (0...255).map { UInt8($0) } + [0, 0, 13, 10]
            let (homework, added) = try await database.write { sql in
                let lesson = try await Self.lesson(sql)
                let homework = try #require(
                    try await HomeworkWrites.setForClass(
                        lesson: lesson,
                        text: "Лист 1",
                        dueOn: nil,
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                )
                let added = try await HomeworkFileWrites.add(
                    [Self.file("Лист 1.pdf", bytes), Self.file("Лист 2.pdf", [1, 2, 3])],
                    to: homework,
                    lesson: lesson,
                    limits: Self.limits,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                return (homework, added)
            }
            #expect(added.map(\.fileName) == ["Лист 1.pdf", "Лист 2.pdf"])
            #expect(added[0].byteSize == bytes.count)
            let read = try await database.read {
                try await HomeworkQueries.content(school: 1, homework: homework.id, file: added[0].id, in: $0)
            }
            #expect(read.map { Array($0.1) } == bytes)
            #expect(read?.0.contentType == "application/pdf")
            // Another school, or another homework, has no such file.
            #expect(try await database.read { try await HomeworkQueries.content(school: 2, homework: homework.id, file: added[0].id, in: $0) } == nil)
            #expect(try await database.read { try await HomeworkQueries.content(school: 1, homework: 999, file: added[0].id, in: $0) } == nil)

            let stored = try #require(try await database.read { try await HomeworkQueries.find(school: 1, homework: homework.id, in: $0) })
            #expect(stored.files.map(\.id) == added.map(\.id))
            #expect(stored.version == 2)

            // Two more would make four of three allowed: refused, nothing written.
            await #expect(throws: HomeworkRefusal.tooManyFiles(limit: 3)) {
                try await database.write { sql in
                    _ = try await HomeworkFileWrites.add(
                        [Self.file("3.pdf", [1]), Self.file("4.pdf", [1])],
                        to: stored,
                        lesson: try await Self.lesson(sql),
                        limits: Self.limits,
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                }
            }
            // The homework as read before the upload is stale now.
            await #expect(throws: JournalWriteError.staleVersion(current: 2)) {
                try await database.write { sql in
                    _ = try await HomeworkFileWrites.add(
                        [Self.file("3.pdf", [1])],
                        to: homework,
                        lesson: try await Self.lesson(sql),
                        limits: Self.limits,
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                }
            }
            // Files keep their homework: its words cannot be removed while they are there.
            await #expect(throws: HomeworkRefusal.hasFiles) {
                try await Self.setClass(database, text: .some(nil), due: nil)
            }
            try await database.write { sql in
                try await HomeworkFileWrites.remove(
                    file: added[1].id,
                    from: stored,
                    lesson: try await Self.lesson(sql),
                    by: Self.teacher,
                    reason: "не тот лист",
                    at: Self.now,
                    in: sql
                )
            }
            let after = try #require(try await database.read { try await HomeworkQueries.find(school: 1, homework: homework.id, in: $0) })
            #expect(after.files.map(\.fileName) == ["Лист 1.pdf"])
            let history = try await Self.history(database, id: "4")
            #expect(history.map(\.action) == ["create", "update", "update"])
            #expect(history[1].oldValue == "Лист 1")
            #expect(history[1].newValue == "Лист 1 · файлы: Лист 1.pdf, Лист 2.pdf")
            #expect(history[2].newValue == "Лист 1 · файлы: Лист 1.pdf")
            #expect(history[2].reason == "не тот лист")
            #expect(
                try await database.read { sql in
                    try await sql.raw("SELECT COUNT(*) AS n FROM homework_files").first()!.decode(column: "n", as: Int.self)
                } == 1
            )
        }
    }

    /// The grid's lesson carries the class's homework with its due date and how many files it has, in the same
    /// statement as before.
    @Test(arguments: TestDatabases.flavors)
    func theGridShowsTheDueDateAndTheFileCount(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await database.write { sql in
                let lesson = try await Self.lesson(sql)
                let homework = try #require(
                    try await HomeworkWrites.setForClass(
                        lesson: lesson,
                        text: "Лист",
                        dueOn: .some(Self.date("2026-10-19")),
                        by: Self.teacher,
                        reason: nil,
                        at: Self.now,
                        in: sql
                    )
                )
                _ = try await HomeworkFileWrites.add(
                    [Self.file("a.pdf", [1]), Self.file("b.pdf", [2])],
                    to: homework,
                    lesson: lesson,
                    limits: Self.limits,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
                _ = try await HomeworkWrites.setForPupil(
                    lesson: lesson,
                    student: TinySchool.volkov,
                    text: "Своё",
                    dueOn: nil,
                    version: nil,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
            }
            let grid = try await database.read { sql in
                try await JournalQueries.grid(school: 1, course: 1, span: DateSpan(Self.date("2026-09-01"), Self.date("2026-10-23")), in: sql)
            }
            let lesson = try #require(grid.lessons.first { $0.id == 4 })
            #expect(lesson.homework == "Лист")
            #expect(lesson.homeworkDueOn == Self.date("2026-10-19"))
            #expect(lesson.homeworkFiles == 2)
            let other = try #require(grid.lessons.first { $0.id == 3 })
            #expect(other.homework == nil && other.homeworkDueOn == nil && other.homeworkFiles == 0)
        }
    }
}
