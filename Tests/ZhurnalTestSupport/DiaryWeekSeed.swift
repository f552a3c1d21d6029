import Foundation
import SQLKit
import ZhurnalStore

/// The week of 05.10.2026 in ``AccessSchool`` made to hold what a diary shows: Аксёнова's English subgroup (she leaves it
/// after 08.10) with a substitution in a control lesson and a cancelled lesson, the class's homework for lesson 3 with
/// a file, and her own and Волков's own homework there.
public enum DiaryWeekSeed {
    public static let monday = "2026-10-05"
    public static let (group, course, subject) = (1, 3, 2)
    /// 06.10 #2 (a substitution, a control work), 08.10 #1 (cancelled), 09.10 #1 (after she left the group).
    public static let (substituted, cancelled, afterLeaving) = (10, 11, 12)
    public static let (classHomework, ownHomework, volkovsHomework, file) = (1, 2, 3, 1)

    public static func write(into database: Database) async throws {
        let at = "2026-09-01T09:00:00Z"
        try await database.write { sql in
            try await sql.raw("INSERT INTO subjects (school_id, id, name, short_name) VALUES (1, \(bind: subject), 'Английский язык', 'Англ.')").run()
            try await sql.raw(
                "INSERT INTO groups (school_id, id, year_id, class_id, title, kind) VALUES (1, \(bind: group), 1, 1, '5А англ. 1', 'subgroup')"
            ).run()
            try await sql.raw(
                """
                INSERT INTO group_members (school_id, group_id, student_id, starts_on, ends_on)
                VALUES (1, \(bind: group), \(bind: TinySchool.aksyonova), '2026-09-01', '2026-10-08')
                """
            ).run()
            try await sql.raw(
                """
                INSERT INTO courses (school_id, id, year_id, subject_id, class_id, group_id, journal_kind, hours_per_week)
                VALUES (1, \(bind: course), 1, \(bind: subject), 1, \(bind: group), 'lesson', 3)
                """
            ).run()
            try await sql.raw(
                "INSERT INTO course_teachers (school_id, course_id, teacher_id) VALUES (1, \(bind: course), \(bind: AccessSchool.otherTeacher))"
            ).run()
            for (id, day, number, status) in [
                (substituted, "2026-10-06", 2, "held"), (cancelled, "2026-10-08", 1, "cancelled"), (afterLeaving, "2026-10-09", 1, "held"),
            ] {
                try await sql.raw(
                    """
                    INSERT INTO lessons (school_id, id, course_id, lesson_date, lesson_number, teacher_id, status, topic, created_at, updated_at)
                    VALUES (1, \(bind: id), \(bind: course), \(bind: day), \(bind: number), \(bind: TinySchool.teacher), \(bind: status),
                            \(bind: "Урок \(id)"), \(bind: at), \(bind: at))
                    """
                ).run()
            }
            try await sql.raw(
                "UPDATE lessons SET teacher_id = \(bind: AccessSchool.otherTeacher) WHERE id <> \(bind: substituted) AND course_id = \(bind: course)"
            )
            .run()
            try await sql.raw("UPDATE lessons SET control_work_type_id = 2 WHERE id = \(bind: substituted)").run()
            for (id, student, body, due) in [
                (classHomework, Int?.none, "№ 12, 14", Optional("2026-10-12")), (ownHomework, TinySchool.aksyonova, "Доклад о дробях", nil),
                (volkovsHomework, TinySchool.volkov, "Повторить § 3", nil),
            ] {
                try await sql.raw(
                    """
                    INSERT INTO homework (school_id, id, lesson_id, student_id, body, entered_by, entered_at, updated_at, due_on)
                    VALUES (1, \(bind: id), 3, \(bind: student), \(bind: body), \(bind: TinySchool.teacher), \(bind: at), \(bind: at), \(bind: due))
                    """
                ).run()
            }
            try await sql.raw(
                """
                INSERT INTO homework_files (school_id, id, homework_id, file_name, content_type, byte_size, content, uploaded_by, uploaded_at)
                VALUES (1, \(bind: file), \(bind: classHomework), 'задачи.pdf', 'application/pdf', 9, \(bind: Data("%PDF-1.4\n".utf8)),
                        \(bind: TinySchool.teacher), \(bind: at))
                """
            ).run()
            try await IdentitySequences.advance(sql, flavor: database.flavor)
        }
    }
}
