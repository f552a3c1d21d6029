import SQLKit
import ZhurnalStore

/// A school small enough to check by hand: one class 5А with a mathematics course in the first quarter of 2026/27,
/// three pupils (one leaves on 01.10, one arrives on 05.10), four lessons, a few marks and absences.
public enum TinySchool {
    public static let school = 1
    public static let course = 1
    public static let teacher = 1
    public static let (aksyonova, borisov, volkov) = (2, 3, 4)
    public static let lessons = [1, 2, 3, 4]

    public static func write(into database: Database) async throws {
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO schools (id, name, short_name, created_at)
                VALUES (1, 'Школа № 1', 'Ш1', '2026-08-20T09:00:00Z')
                """
            ).run()
            var batches = [
                RowBatch(table: "academic_years", columns: ["school_id", "id", "title", "starts_on", "ends_on"]),
                RowBatch(
                    table: "periods",
                    columns: ["school_id", "id", "year_id", "kind", "number", "title", "starts_on", "ends_on"]
                ),
                RowBatch(table: "bells", columns: ["school_id", "lesson_number", "starts_at", "ends_at"]),
                RowBatch(table: "people", columns: ["school_id", "id", "last_name", "first_name", "patronymic", "created_at"]),
                RowBatch(
                    table: "classes",
                    columns: ["school_id", "id", "year_id", "parallel", "letter", "period_kind", "homeroom_teacher_id"]
                ),
                RowBatch(table: "enrolments", columns: ["school_id", "id", "student_id", "class_id", "starts_on", "ends_on"]),
                RowBatch(table: "subjects", columns: ["school_id", "id", "name", "short_name"]),
                RowBatch(table: "work_types", columns: ["school_id", "id", "name", "weight"]),
                RowBatch(
                    table: "courses",
                    columns: ["school_id", "id", "year_id", "subject_id", "class_id", "journal_kind", "hours_per_week"]
                ),
                RowBatch(
                    table: "lessons",
                    columns: [
                        "school_id", "id", "course_id", "lesson_date", "lesson_number", "teacher_id", "topic", "created_at",
                        "updated_at",
                    ]
                ),
                RowBatch(
                    table: "marks",
                    columns: [
                        "school_id", "id", "lesson_id", "student_id", "work_type_id", "value", "work_date", "author_id",
                        "entered_at", "updated_at",
                    ]
                ),
                RowBatch(
                    table: "attendance",
                    columns: ["school_id", "lesson_id", "student_id", "code", "entered_by", "entered_at", "updated_at"]
                ),
            ]
            let at = "2026-09-01T09:00:00Z"
            batches[0].append([1, 1, "2026/27", "2026-09-01", "2027-08-31"])
            batches[1].append([1, 1, 1, "quarter", 1, "1 четверть", "2026-09-01", "2026-10-23"])
            batches[2].append([1, 1, "08:30", "09:15"])
            batches[2].append([1, 2, "09:25", "10:10"])
            batches[3].append([1, teacher, "Смирнова", "Ольга", "Петровна", at])
            batches[3].append([1, aksyonova, "Аксёнова", "Мария", "Ивановна", at])
            batches[3].append([1, borisov, "Борисов", "Пётр", "Олегович", at])
            batches[3].append([1, volkov, "Волков", "Илья", String?.none, at])
            batches[4].append([1, 1, 1, 5, "А", "quarter", teacher])
            batches[5].append([1, 1, aksyonova, 1, "2026-09-01", String?.none])
            batches[5].append([1, 2, borisov, 1, "2026-09-01", "2026-10-01"])
            batches[5].append([1, 3, volkov, 1, "2026-10-05", String?.none])
            batches[6].append([1, 1, "Математика", "Матем."])
            batches[7].append([1, 1, "Ответ на уроке", 1])
            batches[7].append([1, 2, "Контрольная работа", 4])
            batches[8].append([1, course, 1, 1, 1, "lesson", 5])
            for (id, day) in zip(lessons, ["2026-09-07", "2026-09-14", "2026-10-05", "2026-10-12"]) {
                batches[9].append([1, id, course, day, 1, teacher, "Тема \(id)", at, at])
            }
            batches[10].append([1, 1, 1, aksyonova, 1, "5", "2026-09-07", teacher, at, at])
            batches[10].append([1, 2, 1, borisov, 1, "4", "2026-09-07", teacher, at, at])
            batches[10].append([1, 3, 2, aksyonova, 2, "4", "2026-09-14", teacher, at, at])
            batches[10].append([1, 4, 3, volkov, 2, "3", "2026-10-05", teacher, at, at])
            batches[10].append([1, 5, 3, aksyonova, 1, "5", "2026-10-05", teacher, at, at])
            batches[11].append([1, 2, borisov, "б", teacher, at, at])
            batches[11].append([1, 4, aksyonova, "н", teacher, at, at])
            for index in batches.indices {
                try await batches[index].flush(into: sql)
            }
            try await IdentitySequences.advance(sql, flavor: database.flavor)
        }
    }

    /// One more lesson, as a test's extra seed: the timetable gave `teacher` this lesson of `course` on `day`.
    public static func addLesson(_ id: Int, course: Int, on day: String, number: Int, teacher: Int, into database: Database) async throws {
        try await database.write { sql in
            try await sql.raw(
                """
                INSERT INTO lessons (school_id, id, course_id, lesson_date, lesson_number, teacher_id, created_at, updated_at)
                VALUES (1, \(bind: id), \(bind: course), \(bind: day), \(bind: number), \(bind: teacher), '2026-09-01T06:00:00Z',
                        '2026-09-01T06:00:00Z')
                """
            ).run()
        }
    }
}
