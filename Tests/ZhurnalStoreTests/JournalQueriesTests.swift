import SQLKit
import Testing
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport

struct JournalQueriesTests {
    let quarter = DateSpan(LocalDate(iso: "2026-09-01")!, LocalDate(iso: "2026-10-23")!)

    @Test(arguments: TestDatabases.flavors)
    func gridHoldsPupilsLessonsAndCellsInThreeStatements(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            try await TinySchool.write(into: database)
            let (grid, statements) = try await database.statements.measure {
                try await database.read { sql in
                    try await JournalQueries.grid(school: TinySchool.school, course: TinySchool.course, span: quarter, in: sql)
                }
            }
            #expect(statements == 3)
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
