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
            // The list names a teacher as «Фамилия Имя Отчество»: his full name's key, as PersonalName.key has it.
            let teachers = Dictionary(
                try await SchoolClasses.teachers(school: school, in: sql).map { ($0.name.lowercased().replacing("ё", with: "е"), $0.id) },
                uniquingKeysWith: { first, _ in first }
            )
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
