import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

struct JournalQueriesTests {
    let quarter = DateSpan(LocalDate(iso: "2026-09-01")!, LocalDate(iso: "2026-10-23")!)

    @Test(arguments: TestDatabases.flavors)
    func gridHoldsPupilsLessonsAndCellsInOneStatement(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let (grid, statements) = try await database.statements.measure {
                try await database.read { sql in
                    try await JournalQueries.grid(school: TinySchool.school, course: TinySchool.course, span: quarter, in: sql)
                }
            }
            #expect(statements == 1)
            #expect(grid.termMarks.isEmpty)
            #expect(grid.pupils.map(\.lastName) == ["Аксёнова", "Борисов", "Волков"])
            #expect(grid.pupils[1].member == [DateSpan(quarter.start, LocalDate(iso: "2026-10-01")!)])
            #expect(grid.pupils[2].member == [DateSpan(LocalDate(iso: "2026-10-05")!, quarter.end)])
            #expect(grid.pupils[0].fullName == "Аксёнова Мария Ивановна")
            #expect(grid.pupils[2].fullName == "Волков Илья")
            #expect(grid.lessons.map(\.id) == TinySchool.lessons)
            #expect(grid.lessons.map(\.topic) == ["Тема 1", "Тема 2", "Тема 3", "Тема 4"])
            #expect(grid.marks.map(\.value) == ["5", "4", "4", "5", "3"])
            #expect(grid.marks.map(\.weight) == [1, 1, 4, 1, 4])
            #expect(grid.attendance.map(\.code) == ["б", "н"])
            #expect(grid.attendance.map(\.studentId) == [TinySchool.borisov, TinySchool.aksyonova])
        }
    }

    /// The head: the course as listed, the policy's facts, its periods with the choice of the current one, and the
    /// school's work types — one statement, whose mixed columns both databases type alike.
    @Test(arguments: TestDatabases.flavors)
    func headHoldsTheCourseItsPeriodsAndWorkTypesInOneStatement(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            try await database.write { sql in
                try await sql.raw("INSERT INTO course_teachers (school_id, course_id, teacher_id) VALUES (1, 1, \(bind: TinySchool.teacher))").run()
                try await sql.raw(
                    """
                    INSERT INTO periods (school_id, id, year_id, kind, number, title, starts_on, ends_on, closed_at)
                    VALUES (1, 2, 1, 'quarter', 2, '2 четверть', '2026-11-02', '2026-12-27', '2026-12-28T10:00:00Z'),
                           (1, 3, 1, 'half_year', 1, '1 полугодие', '2026-09-01', '2026-12-27', NULL)
                    """
                ).run()
                try await sql.raw(
                    """
                    INSERT INTO term_marks (school_id, id, course_id, student_id, kind, period_id, value, author_id, entered_at, updated_at)
                    VALUES (1, 1, 1, \(bind: TinySchool.aksyonova), 'period', 1, '5', 1, '2026-10-23T10:00:00Z', '2026-10-23T10:00:00Z')
                    """
                ).run()
            }
            let day = { (iso: String) in LocalDate(iso: iso)! }
            let (loaded, statements) = try await database.statements.measure {
                try await database.read { try await CourseJournalHead.load(school: 1, course: TinySchool.course, today: day("2026-10-30"), in: $0) }
            }
            let head = try #require(loaded)
            #expect(statements == 1)
            #expect(head.listing.subject == "Математика")
            #expect(head.listing.group == "5А")
            #expect(head.listing.teachers.map(\.fullName) == ["Смирнова Ольга Петровна"])
            #expect(head.facts.teacherIDs == [TinySchool.teacher])
            #expect(head.facts.homeroomTeacherIDs == [TinySchool.teacher])
            // Only the class's kind of period: quarters, not the half-year.
            #expect(head.periods.map(\.title) == ["1 четверть", "2 четверть"])
            #expect(head.periods.map(\.closed) == [false, true])
            #expect(head.periods[0].weeklyHours == 5)
            #expect(head.workTypes.map(\.name) == ["Ответ на уроке", "Контрольная работа"])
            // Between quarters: the last one begun; inside one: that one; before the year: the first.
            #expect(head.period(nil, today: day("2026-10-30"))?.id == 1)
            #expect(head.period(nil, today: day("2026-11-02"))?.id == 2)
            #expect(head.period(nil, today: day("2027-05-30"))?.id == 2)
            #expect(head.period(nil, today: day("2026-08-25"))?.id == 1)
            #expect(head.period(2, today: day("2026-10-30"))?.id == 2)
            #expect(head.period(3, today: day("2026-10-30")) == nil)
            let grid = try await database.read { sql in
                try await JournalQueries.grid(school: 1, course: TinySchool.course, span: head.periods[0].span, termPeriod: 1, in: sql)
            }
            #expect(grid.termMarks.map(\.studentId) == [TinySchool.aksyonova])
            #expect(grid.termMarks.map(\.value) == ["5"])
            let elsewhere = try await database.read {
                try await CourseJournalHead.load(school: 2, course: TinySchool.course, today: day("2026-10-30"), in: $0)
            }
            #expect(elsewhere == nil)
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func pupilsAreInRussianAlphabeticalOrder(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            // Ё (U+0401) comes before А in Unicode; a class list puts Ёлкин among the Е, before Еремеев.
            try await database.write { sql in
                try await sql.raw("UPDATE people SET last_name = 'Ёлкин' WHERE id = \(bind: TinySchool.borisov)").run()
                try await sql.raw("UPDATE people SET last_name = 'Еремеев' WHERE id = \(bind: TinySchool.volkov)").run()
            }
            let grid = try await database.read { sql in
                try await JournalQueries.grid(school: TinySchool.school, course: TinySchool.course, span: quarter, in: sql)
            }
            #expect(grid.pupils.map(\.lastName) == ["Аксёнова", "Ёлкин", "Еремеев"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func gridOfAnotherSpanOrSchoolIsEmpty(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let october = DateSpan(LocalDate(iso: "2026-10-02")!, LocalDate(iso: "2026-10-23")!)
            let partial = try await database.read { sql in
                try await JournalQueries.grid(school: TinySchool.school, course: TinySchool.course, span: october, in: sql)
            }
            // Борисов left on 01.10; the grid of October has no row for him.
            #expect(partial.pupils.map(\.lastName) == ["Аксёнова", "Волков"])
            #expect(partial.lessons.map(\.id) == [3, 4])
            #expect(partial.marks.count == 2)
            let foreign = try await database.read { sql in
                try await JournalQueries.grid(school: 2, course: TinySchool.course, span: quarter, in: sql)
            }
            #expect(foreign.pupils.isEmpty && foreign.lessons.isEmpty && foreign.marks.isEmpty)
        }
    }
}
