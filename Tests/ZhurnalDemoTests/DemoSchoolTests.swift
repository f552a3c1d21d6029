import Foundation
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalDemo
import ZhurnalStore
import ZhurnalTestSupport

/// A small demo school (60 pupils, lessons up to late November) on every database flavor at hand.
struct DemoSchoolTests {
    static let until = LocalDate(year: 2026, month: 11, day: 24)!

    static func options(seed: UInt64 = 7, students: Int = 60) -> DemoOptions {
        DemoOptions(students: students, seed: seed, until: until, hasher: PasswordHasher(cost: 4))
    }

    @Test(arguments: TestDatabases.flavors)
    func buildsAPlausibleSchool(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            let summary = try await DemoSchool.create(in: database, options: Self.options()) { _ in }
            #expect(summary.rows(in: "schools") == 1)
            #expect(summary.rows(in: "classes") >= 22)
            #expect(summary.rows(in: "lessons") > 3000)
            #expect(summary.rows(in: "marks") > 3000)
            #expect(summary.rows(in: "attendance") > 0)
            #expect(summary.rows(in: "term_marks") > 0)
            #expect(summary.rows(in: "history") == 0)
            #expect(summary.rows(in: "accounts") == summary.accounts.count)
            #expect(summary.rows(in: "people") == summary.accounts.count)

            try await database.read { sql in
                #expect(
                    try await count(sql, "SELECT COUNT(*) AS n FROM classes WHERE homeroom_teacher_id IS NULL") == 0
                )
                let students = try await count(sql, "SELECT COUNT(*) AS n FROM account_roles WHERE role = 'student'")
                #expect(students == 60)
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM account_roles r JOIN accounts a ON a.id = r.account_id
                        WHERE r.role = 'student'
                          AND (NOT EXISTS (SELECT 1 FROM guardianships g WHERE g.student_id = a.person_id)
                               OR NOT EXISTS (SELECT 1 FROM enrolments e WHERE e.student_id = a.person_id))
                        """
                    ) == 0
                )
                // Every guardian is a parent; the teacher who is also a mother holds both roles.
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM guardianships g JOIN accounts a ON a.person_id = g.guardian_id
                        WHERE NOT EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = 'parent')
                        """
                    ) == 0
                )
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM account_roles t JOIN account_roles p
                          ON p.account_id = t.account_id AND p.role = 'parent'
                        WHERE t.role = 'teacher'
                        """
                    ) == 1
                )

                // Marks in every parallel from the 2nd, none in the 1st.
                let perParallel = try await sql.raw(
                    """
                    SELECT k.parallel, COUNT(*) AS n FROM marks m
                    JOIN lessons l ON l.id = m.lesson_id JOIN courses c ON c.id = l.course_id
                    JOIN classes k ON k.id = c.class_id
                    GROUP BY k.parallel
                    """
                ).all()
                var marks: [Int: Int] = [:]
                for row in perParallel {
                    marks[try row.decode(column: "parallel", as: Int.self)] = try row.decode(column: "n", as: Int.self)
                }
                #expect(marks[1] == nil)
                for parallel in 2...11 { #expect((marks[parallel] ?? 0) > 0, "no marks in parallel \(parallel)") }
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM term_marks t JOIN courses c ON c.id = t.course_id
                        JOIN classes k ON k.id = c.class_id WHERE k.parallel = 1
                        """
                    ) == 0
                )

                // Marks and attendance only inside the pupil's enrolment (and group membership).
                for table in ["marks", "attendance"] {
                    let outside = try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM \(ident: table) x
                        JOIN lessons l ON l.id = x.lesson_id JOIN courses c ON c.id = l.course_id
                        WHERE NOT EXISTS (
                            SELECT 1 FROM enrolments e
                            WHERE e.student_id = x.student_id AND (c.class_id IS NULL OR e.class_id = c.class_id)
                              AND e.starts_on <= l.lesson_date AND (e.ends_on IS NULL OR e.ends_on >= l.lesson_date))
                        OR (c.group_id IS NOT NULL AND NOT EXISTS (
                            SELECT 1 FROM group_members g
                            WHERE g.group_id = c.group_id AND g.student_id = x.student_id
                              AND g.starts_on <= l.lesson_date AND (g.ends_on IS NULL OR g.ends_on >= l.lesson_date)))
                        """
                    )
                    #expect(outside == 0, "\(table) outside enrolments")
                }

                // Nobody in two places at once: teachers in the timetable and in the lessons, classes in the
                // timetable (its two English subgroups share a bell), the elective's pupils.
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM (
                            SELECT ct.teacher_id FROM timetable_entries t
                            JOIN course_teachers ct ON ct.course_id = t.course_id
                            GROUP BY ct.teacher_id, t.weekday, t.lesson_number HAVING COUNT(*) > 1) d
                        """
                    ) == 0
                )
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM (
                            SELECT teacher_id FROM lessons
                            GROUP BY teacher_id, lesson_date, lesson_number HAVING COUNT(*) > 1) d
                        """
                    ) == 0
                )
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM (
                            SELECT c.class_id,
                                   SUM(CASE WHEN c.group_id IS NULL THEN 1 ELSE 0 END) AS whole,
                                   SUM(CASE WHEN c.group_id IS NULL THEN 0 ELSE 1 END) AS parts
                            FROM timetable_entries t JOIN courses c ON c.id = t.course_id
                            WHERE c.class_id IS NOT NULL
                            GROUP BY c.class_id, t.weekday, t.lesson_number) d
                        WHERE whole > 1 OR (whole = 1 AND parts > 0) OR parts > 2
                        """
                    ) == 0
                )
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM timetable_entries t
                        JOIN courses c ON c.id = t.course_id AND c.class_id IS NULL
                        JOIN group_members g ON g.group_id = c.group_id
                        JOIN enrolments e ON e.student_id = g.student_id
                        JOIN courses c2 ON c2.class_id = e.class_id
                        JOIN timetable_entries t2 ON t2.course_id = c2.id
                          AND t2.weekday = t.weekday AND t2.lesson_number = t.lesson_number
                        """
                    ) == 0
                )
                // The first grade keeps to five lessons a day.
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM (
                            SELECT c.class_id FROM timetable_entries t JOIN courses c ON c.id = t.course_id
                            JOIN classes k ON k.id = c.class_id WHERE k.parallel = 1
                            GROUP BY c.class_id, t.weekday HAVING COUNT(*) > 5) d
                        """
                    ) == 0
                )

                try await expectLessonsOnTeachingDays(sql)

                // Stored values read back as marks.
                for table in ["marks", "term_marks"] {
                    for row in try await sql.raw("SELECT DISTINCT value FROM \(ident: table)").all() {
                        let value = try row.decode(column: "value", as: String.self)
                        #expect(MarkValue(canonical: value) != nil, "\(table): \(value)")
                    }
                }
                let values = try await sql.raw("SELECT value, COUNT(*) AS n FROM marks GROUP BY value").all()
                var byValue: [String: Int] = [:]
                for row in values {
                    byValue[try row.decode(column: "value", as: String.self)] = try row.decode(
                        column: "n",
                        as: Int.self
                    )
                }
                #expect((byValue["5"] ?? 0) > (byValue["3"] ?? 0))
                #expect((byValue["4"] ?? 0) > (byValue["2"] ?? 0) * 4)
                #expect(byValue.keys.contains { $0.contains("/") }, "some double marks")
                // The first quarter is over by late November, the first half-year is not.
                #expect(
                    try await count(
                        sql,
                        """
                        SELECT COUNT(*) AS n FROM term_marks t JOIN periods p ON p.id = t.period_id
                        WHERE p.kind = 'half_year'
                        """
                    ) == 0
                )
                #expect(try await count(sql, "SELECT COUNT(*) AS n FROM term_marks WHERE value = 'осв'") > 0)
                let quarterMarks = try await sql.raw(
                    """
                    SELECT DISTINCT k.parallel FROM term_marks t JOIN courses c ON c.id = t.course_id
                    JOIN classes k ON k.id = c.class_id JOIN periods p ON p.id = t.period_id
                    WHERE p.kind = 'quarter' AND p.number = 1
                    """
                ).all().map { try $0.decode(column: "parallel", as: Int.self) }
                #expect(Set(quarterMarks) == Set(2...9))

                // About 3 % of pupil-lessons missed.
                let missed = try await count(sql, "SELECT COUNT(*) AS n FROM attendance WHERE code <> 'оп'")
                let attended = try await count(
                    sql,
                    """
                    SELECT COUNT(*) AS n FROM lessons l JOIN courses c ON c.id = l.course_id AND c.group_id IS NULL
                    JOIN enrolments e ON e.class_id = c.class_id AND e.starts_on <= l.lesson_date
                      AND (e.ends_on IS NULL OR e.ends_on >= l.lesson_date)
                    """
                )
                let classMissed = try await count(
                    sql,
                    """
                    SELECT COUNT(*) AS n FROM attendance a JOIN lessons l ON l.id = a.lesson_id
                    JOIN courses c ON c.id = l.course_id AND c.group_id IS NULL WHERE a.code <> 'оп'
                    """
                )
                #expect(missed > 0)
                #expect((1...6).contains(classMissed * 100 / max(1, attended)), "\(classMissed) of \(attended)")
            }

            // One sample per role, in order, each with a password that verifies against the stored hash.
            #expect(
                summary.samples.map(\.role) == [.admin, .director, .deputy, .teacher, .homeroom, .parent, .student]
            )
            let hasher = PasswordHasher(cost: 4)
            for (role, account) in summary.samples {
                #expect(account.roles.contains(role))
                let hash = try await database.read { sql in
                    try await sql.raw("SELECT password_hash FROM accounts WHERE login = \(bind: account.login)")
                        .first()?
                        .decode(column: "password_hash", as: String.self)
                }
                #expect(hasher.verify(account.password, against: try #require(hash)), "\(role)")
            }
            let logins = summary.accounts.map(\.login)
            #expect(Set(logins).count == logins.count)
            #expect(logins.allSatisfy { $0.allSatisfy { $0.isASCII && !$0.isUppercase } })
            #expect(logins.prefix(3) == ["admin", "director", "deputy"])
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theSameSeedGivesTheSameSchool(flavor: SQLFlavor) async throws {
        let first = try await TestDatabases.with(flavor) { database in
            _ = try await DemoSchool.create(in: database, options: Self.options()) { _ in }
            return try await database.read { try await fingerprint($0) }
        }
        let second = try await TestDatabases.with(flavor) { database in
            _ = try await DemoSchool.create(in: database, options: Self.options()) { _ in }
            return try await database.read { try await fingerprint($0) }
        }
        let other = try await TestDatabases.with(flavor) { database in
            _ = try await DemoSchool.create(in: database, options: Self.options(seed: 8)) { _ in }
            return try await database.read { try await fingerprint($0) }
        }
        #expect(first == second)
        #expect(first != other)
    }

    @Test(arguments: TestDatabases.flavors)
    func aSecondSchoolIsRefusedAndNothingIsWritten(flavor: SQLFlavor) async throws {
        try await TestDatabases.with(flavor) { database in
            let summary = try await DemoSchool.create(in: database, options: Self.options()) { _ in }
            let before = try await database.read { sql in try await count(sql, "SELECT COUNT(*) AS n FROM people") }
            await #expect {
                _ = try await DemoSchool.create(in: database, options: Self.options(seed: 9)) { _ in }
            } throws: { error in
                guard case StoreError.notEmpty(let message) = error else { return false }
                return message.contains("уже есть школа")
            }
            let after = try await database.read { sql in try await count(sql, "SELECT COUNT(*) AS n FROM people") }
            #expect(before == after)
            #expect(after == summary.rows(in: "people"))
        }
    }

    @Test func rejectsASchoolTooSmallOrTooLarge() async throws {
        try await TestDatabases.with(.sqlite) { database in
            for students in [5, 100_000] {
                await #expect(throws: StoreError.self) {
                    _ = try await DemoSchool.create(in: database, options: Self.options(students: students)) { _ in }
                }
            }
            let schools = try await database.read { try await count($0, "SELECT COUNT(*) AS n FROM schools") }
            #expect(schools == 0)
        }
    }

    @Test func writesAccountsAsCSV() {
        let accounts = [
            DemoAccount(login: "admin", password: "Ab3", roles: [.admin], fullName: "Петров Иван Сергеевич"),
            DemoAccount(
                login: "ivanova.ma",
                password: "x\"y,z",
                roles: [.teacher, .homeroom, .parent],
                fullName: "Иванова Мария Андреевна, учитель"
            ),
        ]
        let csv = DemoSchool.accountsCSV(accounts)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(
            lines == [
                "login,password,roles,fullName",
                "admin,Ab3,admin,Петров Иван Сергеевич",
                "ivanova.ma,\"x\"\"y,z\",teacher homeroom parent,\"Иванова Мария Андреевна, учитель\"",
                "",
            ]
        )
    }
}

private func count(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> Int {
    try await sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? -1
}

/// Lessons only on weekdays inside one of the class's periods and outside the holidays of its parallel.
private func expectLessonsOnTeachingDays(_ sql: any SQLDatabase) async throws {
    struct Span {
        let start: LocalDate
        let end: LocalDate
        let parallel: Int?
        let kind: String?
    }
    let holidays = try await sql.raw("SELECT starts_on, ends_on, only_parallel FROM holidays").all().map { row in
        Span(
            start: LocalDate(iso: try row.decode(column: "starts_on", as: String.self))!,
            end: LocalDate(iso: try row.decode(column: "ends_on", as: String.self))!,
            parallel: try row.decode(column: "only_parallel", as: Int?.self),
            kind: nil
        )
    }
    let periods = try await sql.raw("SELECT starts_on, ends_on, kind FROM periods").all().map { row in
        Span(
            start: LocalDate(iso: try row.decode(column: "starts_on", as: String.self))!,
            end: LocalDate(iso: try row.decode(column: "ends_on", as: String.self))!,
            parallel: nil,
            kind: try row.decode(column: "kind", as: String.self)
        )
    }
    let days = try await sql.raw(
        """
        SELECT DISTINCT l.lesson_date, k.parallel, k.period_kind FROM lessons l
        JOIN courses c ON c.id = l.course_id JOIN classes k ON k.id = c.class_id
        """
    ).all()
    #expect(!days.isEmpty)
    for row in days {
        let date = LocalDate(iso: try row.decode(column: "lesson_date", as: String.self))!
        let parallel = try row.decode(column: "parallel", as: Int.self)
        let kind = try row.decode(column: "period_kind", as: String.self)
        #expect(date.weekday <= 5, "lesson on \(date) (weekend)")
        #expect(
            !holidays.contains {
                ($0.parallel == nil || $0.parallel == parallel) && $0.start <= date && date <= $0.end
            },
            "lesson on \(date) (holiday) in parallel \(parallel)"
        )
        #expect(periods.contains { $0.kind == kind && $0.start <= date && date <= $0.end }, "lesson on \(date)")
    }
}

/// Everything the seed decides, as text: people, enrolments, timetable, lessons, marks, attendance, term marks.
private func fingerprint(_ sql: any SQLDatabase) async throws -> [String] {
    let queries: [SQLQueryString] = [
        "SELECT id, last_name, first_name, patronymic, birth_date FROM people ORDER BY id",
        "SELECT id, login FROM accounts ORDER BY id",
        "SELECT id, student_id, class_id, starts_on, ends_on FROM enrolments ORDER BY id",
        "SELECT id, course_id, weekday, lesson_number FROM timetable_entries ORDER BY id",
        "SELECT id, course_id, lesson_date, lesson_number, teacher_id, topic FROM lessons ORDER BY id",
        "SELECT id, lesson_id, student_id, value, work_type_id, entered_at FROM marks ORDER BY id",
        "SELECT lesson_id, student_id, code FROM attendance ORDER BY lesson_id, student_id",
        "SELECT id, course_id, student_id, value FROM term_marks ORDER BY id",
    ]
    var lines: [String] = []
    for query in queries {
        for row in try await sql.raw(query).all() {
            lines.append(
                try row.allColumns.map { column in
                    do {
                        return try row.decode(column: column, as: String?.self) ?? "∅"
                    } catch {
                        return try row.decode(column: column, as: Int?.self).map(String.init) ?? "∅"
                    }
                }.joined(separator: "|")
            )
        }
    }
    return lines
}
