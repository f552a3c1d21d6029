import Foundation
import SQLKit
import ZhurnalCore

/// An import of the pupils' list, the same for the administrator's page, the API and the command line: the rows are
/// planned against the school as it stands and, when asked and nothing is refused, written in the same transaction,
/// so what was checked is what is written.
public enum PupilListImport {
    public static let noYear = RuleRefusal(code: "no_year", russianMessage: "У школы нет текущего учебного года: импортировать учеников некуда.")

    public static func run(
        header: [String],
        rows: [ImportRow],
        school: Int,
        today: LocalDate,
        now: Date,
        write: Bool,
        in database: Database
    ) async throws -> PupilImportPlan {
        let (entries, refusals) = try PupilList.read(header: header, rows: rows)
        let plan: @Sendable (any SQLDatabase) async throws -> PupilImportPlan = { sql in
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw noYear }
            let state = try await PupilRoll.state(school: school, year: calendar.yearID, span: calendar.span, today: today, in: sql)
            return PupilImportPlan(entries: entries, refusals: refusals, state: state)
        }
        guard write else { return try await database.read(plan) }
        return try await database.write { sql in
            try await SetUpLock.hold(school: school, in: sql)
            let planned = try await plan(sql)
            if planned.refusals.isEmpty, !planned.changesNothing {
                try await PupilRoll.apply(planned, school: school, now: Timestamp.string(now), in: sql)
            }
            return planned
        }
    }

    /// The pupils enrolled today or later this year, in the list's columns, header first.
    public static func export(school: Int, today: LocalDate, in database: Database) async throws -> [[String]] {
        try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw noYear }
            return [PupilList.headings] + (try await PupilRoll.list(school: school, year: calendar.yearID, today: today, in: sql))
        }
    }
}
