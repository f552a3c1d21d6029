import SQLKit
import ZhurnalCore

/// The school's settings, subjects, work types and bells as the administrator keeps them.
public enum SchoolRulebook {
    public struct Subject: Sendable, Hashable {
        public let id: Int
        public let name: String
        public let shortName: String
        public let allowsDoubleMarks: Bool
    }

    public struct WorkTypeRow: Sendable, Hashable {
        public let id: Int
        public let name: String
        public let weight: Int
        public let isWritten: Bool
        public let markDeadlineDays: Int
    }

    public struct Bell: Sendable, Hashable {
        public let number: Int
        public let startsAt: String
        public let endsAt: String
    }

    public struct Book: Sendable {
        public let settings: SchoolSettings
        public let subjects: [Subject]
        public let workTypes: [WorkTypeRow]
        public let bells: [Bell]
    }

    /// Everything the page shows. Four statements.
    public static func book(school: Int, in sql: any SQLDatabase) async throws -> Book {
        guard
            let row = try await sql.raw(
                """
                SELECT rounding_profile, edit_window_days, allows_mark_one, double_mark_counting, two_forbids_five, not_attested_rule,
                       homework_deadline_minutes
                FROM schools WHERE id = \(bind: school)
                """
            ).first()
        else { throw StoreError.rejected("Школы нет.") }
        let settings = SchoolSettings(
            rounding: RoundingProfile(storageValue: try row.decode(column: "rounding_profile", as: String.self)) ?? .classic,
            editWindowDays: try row.decode(column: "edit_window_days", as: Int?.self),
            allowsMarkOne: try row.decode(column: "allows_mark_one", as: Bool.self),
            doubleMarkCounting: DoubleMarkCounting(rawValue: try row.decode(column: "double_mark_counting", as: String.self)) ?? .mean,
            twoForbidsFive: try row.decode(column: "two_forbids_five", as: Bool.self),
            notAttestedRule: try row.decode(column: "not_attested_rule", as: Bool.self),
            homeworkDeadlineMinutes: try row.decode(column: "homework_deadline_minutes", as: Int.self)
        )
        let subjects = try await sql.raw(
            "SELECT id, name, short_name, allows_double_marks FROM subjects WHERE school_id = \(bind: school) ORDER BY sort_order, name"
        ).all().map {
            Subject(
                id: try $0.decode(column: "id", as: Int.self),
                name: try $0.decode(column: "name", as: String.self),
                shortName: try $0.decode(column: "short_name", as: String.self),
                allowsDoubleMarks: try $0.decode(column: "allows_double_marks", as: Bool.self)
            )
        }
        let workTypes = try await sql.raw(
            "SELECT id, name, weight, is_written, mark_deadline_days FROM work_types WHERE school_id = \(bind: school) ORDER BY sort_order, name"
        ).all().map {
            WorkTypeRow(
                id: try $0.decode(column: "id", as: Int.self),
                name: try $0.decode(column: "name", as: String.self),
                weight: try $0.decode(column: "weight", as: Int.self),
                isWritten: try $0.decode(column: "is_written", as: Bool.self),
                markDeadlineDays: try $0.decode(column: "mark_deadline_days", as: Int.self)
            )
        }
        let bells = try await sql.raw(
            "SELECT lesson_number, starts_at, ends_at FROM bells WHERE school_id = \(bind: school) ORDER BY lesson_number"
        ).all().map {
            Bell(
                number: try $0.decode(column: "lesson_number", as: Int.self),
                startsAt: try $0.decode(column: "starts_at", as: String.self),
                endsAt: try $0.decode(column: "ends_at", as: String.self)
            )
        }
        return Book(settings: settings, subjects: subjects, workTypes: workTypes, bells: bells)
    }

    public static func save(_ settings: SchoolSettings, school: Int, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE schools SET rounding_profile = \(bind: settings.rounding.storageValue), edit_window_days = \(bind: settings.editWindowDays),
                   allows_mark_one = \(bind: settings.allowsMarkOne), double_mark_counting = \(bind: settings.doubleMarkCounting.rawValue),
                   two_forbids_five = \(bind: settings.twoForbidsFive), not_attested_rule = \(bind: settings.notAttestedRule),
                   homework_deadline_minutes = \(bind: settings.homeworkDeadlineMinutes)
            WHERE id = \(bind: school)
            """
        ).run()
    }

    public static func addSubject(school: Int, name: String, shortName: String, allowsDoubleMarks: Bool, in sql: any SQLDatabase) async throws -> Int
    {
        try await sql.raw(
            """
            INSERT INTO subjects (school_id, name, short_name, allows_double_marks, sort_order)
            VALUES (\(bind: school), \(bind: name), \(bind: shortName), \(bind: allowsDoubleMarks),
                    (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM subjects WHERE school_id = \(bind: school)))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }

    public static func changeSubject(
        school: Int,
        subject: Int,
        name: String,
        shortName: String,
        allowsDoubleMarks: Bool,
        in sql: any SQLDatabase
    ) async throws {
        try await sql.raw(
            """
            UPDATE subjects SET name = \(bind: name), short_name = \(bind: shortName), allows_double_marks = \(bind: allowsDoubleMarks)
            WHERE school_id = \(bind: school) AND id = \(bind: subject)
            """
        ).run()
    }

    /// Double marks («5/4») given in the subject's journals. One statement.
    public static func doubleMarks(school: Int, subject: Int, in sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM marks m
            JOIN lessons l ON l.school_id = m.school_id AND l.id = m.lesson_id
            JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id
            WHERE m.school_id = \(bind: school) AND c.subject_id = \(bind: subject) AND m.value LIKE '%/%'
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    public static func addWorkType(
        school: Int,
        name: String,
        weight: Int,
        isWritten: Bool,
        deadlineDays: Int,
        in sql: any SQLDatabase
    ) async throws -> Int {
        try await sql.raw(
            """
            INSERT INTO work_types (school_id, name, weight, is_written, mark_deadline_days, sort_order)
            VALUES (\(bind: school), \(bind: name), \(bind: weight), \(bind: isWritten), \(bind: deadlineDays),
                    (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM work_types WHERE school_id = \(bind: school)))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int.self)
    }

    /// Sets one lesson's bell, adding it or moving its times.
    public static func setBell(school: Int, number: Int, startsAt: String, endsAt: String, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO bells (school_id, lesson_number, starts_at, ends_at)
            VALUES (\(bind: school), \(bind: number), \(bind: startsAt), \(bind: endsAt))
            ON CONFLICT (school_id, lesson_number) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at
            """
        ).run()
    }
}
