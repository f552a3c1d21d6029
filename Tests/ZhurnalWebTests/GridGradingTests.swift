import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The grid and the lesson page follow the course's grading: TinySchool's mathematics turned pass/fail or ungraded.
struct GridGradingTests {
    static func graded(_ grading: String) -> @Sendable (Database) async throws -> Void {
        { database in
            try await database.write { sql in
                try await sql.raw("UPDATE courses SET grading = \(bind: grading) WHERE id = 1").run()
                // Marks of the five-point scale no longer fit the course; the pages must not depend on them.
                try await sql.raw("DELETE FROM marks WHERE lesson_id IN (SELECT id FROM lessons WHERE course_id = 1)").run()
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func anUngradedCourseTakesAttendanceOnly(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.graded("ungraded")) { client, database in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let grid = try await teacher.get("/courses/1/journal").text
            #expect(grid.contains("data-grading=\"ungraded\""))
            #expect(grid.contains("Курс без отметок"))
            #expect(!grid.contains("id=\"work-type\""))
            #expect(!grid.contains("Ср. балл") && !grid.contains("Итог</th>") && !grid.contains("class=\"sum"))
            // No period or year marks either: the link to the year's sheet is not offered.
            #expect(!grid.contains("/courses/1/year"))
            let row = try JournalPageTests.row(grid, student: TinySchool.aksyonova)
            #expect(row.contains("<span class=\"code\">н</span>"))
            #expect(row.hasSuffix("</td>\n</tr>"))

            let lesson = try await teacher.get("/lessons/4").text
            #expect(!lesson.contains("Новая отметка") && !lesson.contains("name=\"mark_") && !lesson.contains("id=\"workType\""))
            #expect(lesson.contains("name=\"att_\(TinySchool.volkov)\""))
            let saved = try await teacher.post(
                "/lessons/4",
                [("version", "1"), ("att_\(TinySchool.volkov)", "оп"), ("was_\(TinySchool.volkov)", "")]
            )
            #expect(saved.status == .seeOther)
            #expect(
                try await Stored.count(
                    database,
                    "SELECT COUNT(*) AS n FROM attendance WHERE lesson_id = 4 AND student_id = \(bind: TinySchool.volkov) AND code = 'оп'"
                ) == 1
            )
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func aPassFailCourseEndsItsRowsWithTheTermMarkAlone(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor, extraSeed: Self.graded("pass_fail")) { client, _ in
            let teacher = try await JournalPageTests.signedIn(client, AccessSchool.Login.teacher)
            let grid = try await teacher.get("/courses/1/journal").text
            #expect(grid.contains("data-grading=\"pass_fail\""))
            #expect(grid.contains("id=\"work-type\"") && grid.contains("«зач» или «незач»"))
            #expect(!grid.contains("Ср. балл") && !grid.contains("Прогноз</th>"))
            #expect(grid.contains("title=\"Отметка за период\">Итог</th>"))
            let row = try JournalPageTests.row(grid, student: TinySchool.aksyonova)
            #expect(!row.contains("sum average") && row.contains("class=\"sum term open\""))
            #expect(try await teacher.get("/lessons/4").text.contains("Новая отметка"))
        }
    }
}
