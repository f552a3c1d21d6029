import SQLKit
import ZhurnalCore
import ZhurnalStore

/// A believable school for demonstrations and load tests (DOMAIN.md §9): about 600 pupils in 1–11 grades, their
/// teachers and parents, a timetable, and the journal from 1 September up to a chosen day, with marks,
/// absences and term marks. Everything but the passwords follows from the seed.
///
/// ```swift
/// let summary = try await DemoSchool.create(
///     in: database, options: DemoOptions(until: LocalDate(year: 2026, month: 11, day: 20)!)) { print($0) }
/// try DemoSchool.accountsCSV(summary.accounts).write(to: slips, atomically: true, encoding: .utf8)
/// ```
public enum DemoSchool {
    /// Creates the demo school in an empty, migrated database, in one transaction.
    ///
    /// Throws `StoreError.notEmpty` when the database already has a school — nothing is written — and
    /// `StoreError.rejected` for options out of range.
    public static func create(
        in database: Database,
        options: DemoOptions,
        progress: @Sendable (String) -> Void
    ) async throws -> DemoSummary {
        guard DemoOptions.studentRange.contains(options.students) else {
            throw StoreError.rejected(
                "число учеников демонстрационной школы должно быть от \(DemoOptions.studentRange.lowerBound) "
                    + "до \(DemoOptions.studentRange.upperBound), а не \(options.students)"
            )
        }
        // Fail before the slow part (bcrypt) when the database is taken; checked again inside the transaction.
        try await database.read { try await ensureEmpty($0) }

        let plan = try DemoPlan.build(options, progress: progress)
        progress(
            "Пароли: " + DemoText.count(plan.accounts.count, "учётная запись", "учётные записи", "учётных записей")
                + " (bcrypt, cost \(options.hasher.cost))…"
        )
        let passwords = plan.accounts.map { _ in InitialPassword.generate() }
        let hashes = await options.hasher.hashAll(passwords)
        let accounts = zip(plan.accounts, passwords).map { planned, password in
            DemoAccount(
                login: planned.login,
                password: password,
                roles: planned.roles,
                fullName: plan.people[planned.person].fullName
            )
        }

        let rowCounts = try await database.write { sql in
            try await ensureEmpty(sql)
            progress("Запись школы, людей, классов и расписания…")
            try await DemoStructureRows.write(plan, passwordHashes: hashes, into: sql)
            var journal = DemoJournal(
                calendar: plan.calendar,
                classes: plan.classes,
                courses: plan.courses,
                pupils: plan.pupils,
                staff: plan.staff,
                timetable: plan.timetable,
                seed: options.seed
            )
            let counts = try await journal.write(into: sql, progress: progress)
            progress(
                "Журнал: " + DemoText.count(counts.marks, "отметка", "отметки", "отметок") + ", "
                    + DemoText.count(counts.termMarks, "итоговая отметка", "итоговые отметки", "итоговых отметок")
                    + " за завершённые периоды"
            )
            try await IdentitySequences.advance(sql, flavor: database.flavor)
            return try await countRows(sql)
        }
        try await database.refreshStatistics()
        progress("Готово: демонстрационная школа создана")
        return DemoSummary(accounts: accounts, rowCounts: rowCounts, samples: plan.samples(accounts))
    }

    /// The issued accounts as CSV with the header `login,password,roles,fullName`; roles separated by spaces;
    /// fields quoted per RFC 4180 when needed; CRLF line ends.
    public static func accountsCSV(_ accounts: [DemoAccount]) -> String {
        DemoAccounts.csv(accounts)
    }

    /// The tables the demo fills, in the schema's order.
    static let tables = [
        "schools", "academic_years", "periods", "holidays", "people", "accounts", "account_roles", "classes",
        "enrolments", "groups", "group_members", "guardianships", "subjects", "curriculum_hours", "work_types",
        "courses", "course_teachers", "bells", "timetable_entries", "lessons", "homework", "marks", "attendance",
        "term_marks", "history",
    ]

    private static func ensureEmpty(_ sql: any SQLDatabase) async throws {
        guard let row = try await sql.raw("SELECT name FROM schools ORDER BY id LIMIT 1").first() else { return }
        let name = try row.decode(column: "name", as: String.self)
        throw StoreError.notEmpty(
            "в базе уже есть школа «\(name)»: демонстрационную школу можно создать только в пустой базе"
        )
    }

    private static func countRows(_ sql: any SQLDatabase) async throws -> [(table: String, rows: Int)] {
        var counts: [(table: String, rows: Int)] = []
        for table in tables {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
            counts.append((table, try row?.decode(column: "n", as: Int.self) ?? 0))
        }
        return counts
    }
}
