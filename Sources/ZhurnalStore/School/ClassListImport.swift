import Foundation
import SQLKit
import ZhurnalCore

/// The classes' list imported and exported, the same for the page, the API and the command line: read against the
/// year's classes and the school's teachers and, when asked and nothing is refused, written in the same transaction.
public enum ClassListImport {
    public struct Outcome: Sendable {
        public let classes: [ClassList.NewClass]
        public let known: Int
        public let refusals: [ImportRefusal]
        public var written: Bool
    }

    public static func run(
        header: [String],
        rows: [ImportRow],
        school: Int,
        today: LocalDate,
        write: Bool,
        in database: Database
    ) async throws -> Outcome {
        let body: @Sendable (any SQLDatabase) async throws -> Outcome = { sql in
            if write { try await SetUpLock.hold(school: school, in: sql) }
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw PupilListImport.noYear }
            let existing = try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql)
            var teachers: [String: Int] = [:]
            for row in try await sql.raw(
                """
                SELECT DISTINCT p.id, p.last_name, p.first_name, p.patronymic FROM people p
                JOIN accounts a ON a.school_id = p.school_id AND a.person_id = p.id AND a.deactivated_at IS NULL
                JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id AND r.role = 'teacher'
                WHERE p.school_id = \(bind: school)
                """
            ).all() {
                teachers[try PupilRoll.personalName(row).key] = try row.decode(column: "id", as: Int.self)
            }
            let read = try ClassList.read(
                header: header,
                rows: rows,
                teachers: teachers,
                existing: existing.map { ($0.parallel, $0.letter, $0.homeroomID) }
            )
            var outcome = Outcome(classes: read.classes, known: read.known, refusals: read.refusals, written: false)
            guard write, read.refusals.isEmpty, !read.classes.isEmpty else { return outcome }
            for schoolClass in read.classes {
                _ = try await SchoolClasses.add(
                    school: school,
                    year: calendar.yearID,
                    parallel: schoolClass.parallel,
                    letter: schoolClass.letter,
                    periodKind: schoolClass.periodKind,
                    homeroom: schoolClass.homeroomID,
                    in: sql
                )
            }
            outcome.written = true
            return outcome
        }
        return write ? try await database.write(body) : try await database.read(body)
    }

    /// The year's classes in the list's columns, header first.
    public static func export(school: Int, today: LocalDate, in database: Database) async throws -> [[String]] {
        try await database.read { sql in
            guard let calendar = try await YearCalendars.current(school: school, today: today, in: sql) else { throw PupilListImport.noYear }
            let words: [PeriodKind: String] = [.quarter: "четверти", .halfYear: "полугодия", .trimester: "триместры", .custom: ""]
            return [ClassList.headings]
                + (try await SchoolClasses.of(school: school, year: calendar.yearID, today: today, in: sql)).map {
                    [$0.name, $0.homeroomName ?? "", words[$0.periodKind] ?? ""]
                }
        }
    }
}
