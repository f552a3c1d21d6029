import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

/// Term marks of every kind — period, year, exam, final — read as the final-marks sheet and written in a fixed
/// number of statements with their history, versioned against lost updates.
struct TermMarkWritesTests {
    static let now = Date(timeIntervalSince1970: 1_791_000_000)
    static let teacher = JournalAuthor(accountID: 1, personID: TinySchool.teacher, role: .teacher, clientAddress: "198.51.100.1")
    static let (aksyonova, volkov) = (TinySchool.aksyonova, TinySchool.volkov)

    static func withYear(_ flavor: SQLFlavor, _ body: (Database) async throws -> Void) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await TinySchool.addLaterQuarters(into: database)
            try await body(database)
        }
    }

    static func save(_ changes: [TermMarkWrites.Change], reason: String? = nil, in database: Database) async throws -> [TermMarkWrites.Saved] {
        try await database.write { sql in
            try await TermMarkWrites.save(school: 1, course: 1, changes: changes, by: teacher, reason: reason, at: now, in: sql)
        }
    }

    static func history(_ database: Database, _ id: String) async throws -> [HistoryEntry] {
        try await database.read { try await JournalHistory.of(school: 1, .termMark, id: id, in: $0) }
    }

    @Test(arguments: TestDatabases.flavors)
    func theSheetHoldsTheYearItsPeriodsAndEveryKindOfMark(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { database in
            _ = try await Self.save(
                [
                    .init(studentID: Self.aksyonova, slot: .period(1), value: .grade(5), version: nil),
                    .init(studentID: Self.aksyonova, slot: .year, value: .grade(5), version: nil),
                    .init(studentID: Self.volkov, slot: .exam, value: .grade(4), version: nil),
                ],
                in: database
            )
            try await database.write { try await $0.raw("UPDATE periods SET closed_at = '2026-10-24T10:00:00Z' WHERE id = 1").run() }
            let (sheet, statements) = try await database.statements.measure {
                try await database.read { try await YearSheet.load(school: 1, course: 1, in: $0) }
            }
            #expect(statements == 2)
            let year = try #require(sheet)
            #expect(year.yearTitle == "2026/27")
            #expect(year.parallel == 5)
            #expect(!year.yearArchived)
            #expect(year.periods.map(\.title) == ["1 четверть", "2 четверть", "3 четверть", "4 четверть"])
            #expect(year.periods.map(\.closed) == [true, false, false, false])
            #expect(!year.lastPeriodClosed)
            #expect(year.span == DateSpan(LocalDate(iso: "2026-09-01")!, LocalDate(iso: "2027-05-25")!))
            #expect(year.periods.allSatisfy { $0.weeklyHours == 5 && $0.kind == .quarter })
            #expect(year.termMarks.count == 3)
            #expect(year.termMark(Self.aksyonova, .year)?.value == "5")
            #expect(year.termMark(Self.aksyonova, .period(1))?.version == 1)
            #expect(year.termMark(Self.volkov, .exam)?.value == "4")
            #expect(year.termMark(Self.volkov, .year) == nil)
            // Another school's course is not there.
            #expect(try await database.read { try await YearSheet.load(school: 2, course: 1, in: $0) } == nil)

            try await database.write { sql in
                try await sql.raw("UPDATE periods SET closed_at = '2027-05-28T10:00:00Z' WHERE id = 4").run()
                try await sql.raw("UPDATE academic_years SET archived_at = '2027-08-20T10:00:00Z' WHERE id = 1").run()
            }
            let closed = try #require(try await database.read { try await YearSheet.load(school: 1, course: 1, in: $0) })
            #expect(closed.lastPeriodClosed && closed.yearArchived)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aCourseWithoutPeriodsHasTheYearsDates(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await database.write { try await $0.raw("DELETE FROM periods").run() }
            let sheet = try #require(try await database.read { try await YearSheet.load(school: 1, course: 1, in: $0) })
            #expect(sheet.periods.isEmpty)
            #expect(!sheet.lastPeriodClosed)
            #expect(sheet.span == DateSpan(LocalDate(iso: "2026-09-01")!, LocalDate(iso: "2027-08-31")!))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aWholeTableIsWrittenInAFixedNumberOfStatements(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { database in
            let first: [TermMarkWrites.Change] = [
                .init(studentID: Self.aksyonova, slot: .period(1), value: .grade(4), version: nil),
                .init(studentID: Self.aksyonova, slot: .year, value: .grade(4), version: 0),
                .init(studentID: Self.aksyonova, slot: .exam, value: .grade(5), version: nil),
                .init(studentID: Self.aksyonova, slot: .final, value: .grade(5), version: nil),
                .init(studentID: Self.volkov, slot: .period(1), value: .notAttested, version: nil),
                .init(studentID: Self.volkov, slot: .year, value: nil, version: nil),
            ]
            let (saved, statements) = try await database.statements.measure { try await Self.save(first, in: database) }
            // The current marks, one insert, one insert of the history.
            #expect(statements == 3)
            #expect(saved.map(\.version) == [1, 1, 1, 1, 1, 0])
            #expect(saved.map(\.value) == ["4", "4", "5", "5", "н/а", nil])
            #expect(saved.last?.id == nil)

            let second: [TermMarkWrites.Change] = [
                .init(studentID: Self.aksyonova, slot: .period(1), value: .grade(5), version: 1),
                .init(studentID: Self.aksyonova, slot: .year, value: .grade(5), version: 1),
                .init(studentID: Self.aksyonova, slot: .exam, value: nil, version: 1),
                .init(studentID: Self.aksyonova, slot: .final, value: .grade(5), version: 1),
                .init(studentID: Self.volkov, slot: .period(1), value: .grade(3), version: 1),
                .init(studentID: Self.volkov, slot: .final, value: .grade(3), version: 0),
            ]
            let (changed, more) = try await database.statements.measure { try await Self.save(second, reason: "  ", in: database) }
            // The current marks, one insert, one update, one delete, the history.
            #expect(more == 5)
            #expect(changed.map(\.version) == [2, 2, 0, 1, 2, 1])
            #expect(changed.map(\.value) == ["5", "5", nil, "5", "3", "3"])

            let aksyonovaYear = try await Self.history(database, "1:year:\(Self.aksyonova)")
            #expect(aksyonovaYear.map(\.action) == ["create", "update"])
            #expect(aksyonovaYear.map(\.oldValue) == [nil, "4"])
            #expect(aksyonovaYear.map(\.newValue) == ["4", "5"])
            #expect(aksyonovaYear.allSatisfy { $0.reason == nil && $0.actorRole == "teacher" && $0.actorAccountId == 1 })
            #expect(try await Self.history(database, "1:exam:\(Self.aksyonova)").map(\.action) == ["create", "delete"])
            // An unchanged value writes nothing: the final mark has one line.
            #expect(try await Self.history(database, "1:final:\(Self.aksyonova)").map(\.action) == ["create"])
            // Period marks keep their history ids: course, period, pupil.
            #expect(try await Self.history(database, "1:1:\(Self.volkov)").map(\.newValue) == ["н/а", "3"])
            #expect(try await Self.history(database, "1:year:\(Self.volkov)").isEmpty)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aStaleVersionRefusesTheWholeTable(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { database in
            _ = try await Self.save([.init(studentID: Self.aksyonova, slot: .year, value: .grade(4), version: nil)], in: database)
            let lines = try await database.read { try await $0.raw("SELECT COUNT(*) AS n FROM history").first()!.decode(column: "n", as: Int.self) }
            for stale in [
                TermMarkWrites.Change(studentID: Self.aksyonova, slot: .year, value: .grade(5), version: nil),
                .init(studentID: Self.aksyonova, slot: .year, value: .grade(5), version: 2),
                .init(studentID: Self.aksyonova, slot: .year, value: nil, version: 0),
            ] {
                await #expect(throws: JournalWriteError.staleVersion(current: 1)) {
                    try await Self.save(
                        [.init(studentID: Self.volkov, slot: .year, value: .grade(3), version: nil), stale],
                        in: database
                    )
                }
            }
            await #expect(throws: JournalWriteError.staleVersion(current: 0)) {
                try await Self.save([.init(studentID: Self.volkov, slot: .exam, value: .grade(3), version: 3)], in: database)
            }
            let sheet = try #require(try await database.read { try await YearSheet.load(school: 1, course: 1, in: $0) })
            #expect(sheet.termMarks.map(\.value) == ["4"])
            #expect(
                try await database.read { try await $0.raw("SELECT COUNT(*) AS n FROM history").first()!.decode(column: "n", as: Int.self) } == lines
            )
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func thePeriodMarkRouteStillWritesOneMark(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { database in
            let mark = try await database.write { sql in
                try await TermMarkWrites.set(
                    school: 1,
                    course: 1,
                    period: 1,
                    student: Self.aksyonova,
                    value: .grade(5),
                    version: nil,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
            }
            #expect(mark?.value == "5")
            #expect(mark?.version == 1)
            let removed = try await database.write { sql in
                try await TermMarkWrites.set(
                    school: 1,
                    course: 1,
                    period: 1,
                    student: Self.aksyonova,
                    value: nil,
                    version: 1,
                    by: Self.teacher,
                    reason: nil,
                    at: Self.now,
                    in: sql
                )
            }
            #expect(removed == nil)
            #expect(try await Self.history(database, "1:1:\(Self.aksyonova)").map(\.action) == ["create", "delete"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theYearsGridCutByPeriod(flavor: SQLFlavor) async throws {
        try await Self.withYear(flavor) { database in
            try await database.write { sql in
                try await sql.raw(
                    """
                    INSERT INTO lessons (school_id, id, course_id, lesson_date, lesson_number, teacher_id, created_at, updated_at)
                    VALUES (1, 5, 1, '2026-11-09', 1, 1, '2026-11-09T09:00:00Z', '2026-11-09T09:00:00Z')
                    """
                ).run()
                try await sql.raw(
                    """
                    INSERT INTO marks (school_id, lesson_id, student_id, work_type_id, value, work_date, author_id, entered_at, updated_at)
                    VALUES (1, 5, \(bind: Self.volkov), 1, '5', '2026-11-09', 1, '2026-11-09T09:00:00Z', '2026-11-09T09:00:00Z')
                    """
                ).run()
            }
            let sheet = try #require(try await database.read { try await YearSheet.load(school: 1, course: 1, in: $0) })
            let grid = try await database.read { try await JournalQueries.grid(school: 1, course: 1, span: sheet.span, in: $0) }
            #expect(grid.lessons.count == 5)
            let first = grid.restricted(to: sheet.periods[0].span)
            #expect(first.lessons.map(\.id) == TinySchool.lessons)
            #expect(first.marks.count == 5)
            #expect(first.attendance.count == 2)
            // Борисов left on 01.10: he is in the first quarter only; Волков arrived on 05.10.
            #expect(first.pupils.map(\.id) == [Self.aksyonova, TinySchool.borisov, Self.volkov])
            #expect(first.pupils.last?.member == [DateSpan(LocalDate(iso: "2026-10-05")!, LocalDate(iso: "2026-10-23")!)])
            let second = grid.restricted(to: sheet.periods[1].span)
            #expect(second.lessons.map(\.id) == [5])
            #expect(second.marks.map(\.studentId) == [Self.volkov])
            #expect(second.pupils.map(\.id) == [Self.aksyonova, Self.volkov])
            #expect(second.pupils.first?.member == [sheet.periods[1].span])
        }
    }
}
