import SQLKit
import ZhurnalCore

/// The year's curriculum as stored in `curriculum_hours`.
public enum SchoolCurriculum {
    /// One statement.
    public static func hours(school: Int, year: Int, in sql: any SQLDatabase) async throws -> [CurriculumPlan.Hours] {
        try await sql.raw(
            """
            SELECT subject_id, parallel, hours_per_week FROM curriculum_hours
            WHERE school_id = \(bind: school) AND year_id = \(bind: year) ORDER BY subject_id, parallel
            """
        ).all().map {
            CurriculumPlan.Hours(
                subjectID: try $0.decode(column: "subject_id", as: Int.self),
                parallel: try $0.decode(column: "parallel", as: Int.self),
                hours: try $0.decode(column: "hours_per_week", as: Int.self)
            )
        }
    }

    /// The year's curriculum becomes `hours`. Two statements.
    public static func replace(school: Int, year: Int, hours: [CurriculumPlan.Hours], in sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM curriculum_hours WHERE school_id = \(bind: school) AND year_id = \(bind: year)").run()
        var rows = RowBatch(table: "curriculum_hours", columns: ["school_id", "year_id", "parallel", "subject_id", "hours_per_week"])
        for cell in hours {
            rows.append([school, year, cell.parallel, cell.subjectID, cell.hours])
        }
        try await rows.flush(into: sql)
    }
}
