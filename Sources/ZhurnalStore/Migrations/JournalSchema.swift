extension Migration {
    /// What the lesson's page records beyond issue 2's schema (issue 4): the homework's due date and files, the work
    /// type of a control lesson, who substituted, and whether attendance was taken at all — absences alone cannot
    /// tell a lesson where everyone came from one where nobody marked.
    static let journalSchema = Migration(version: 3, name: "homework files, control lessons, substitutions") { flavor in
        let ddl = DDL(flavor: flavor)
        return [
            // NULL: due by the course's next lesson, as a school says when it gives no date.
            "ALTER TABLE homework ADD COLUMN due_on TEXT",
            "CREATE INDEX homework_student ON homework (school_id, student_id)",
            "ALTER TABLE lessons ADD COLUMN control_work_type_id BIGINT",
            "ALTER TABLE lessons ADD COLUMN attendance_taken_at TEXT",
            "ALTER TABLE lessons ADD COLUMN attendance_taken_by BIGINT",
            // The lesson's `teacher_id` is who actually taught it; these say who recorded that he was a substitute.
            "ALTER TABLE lessons ADD COLUMN substitution_recorded_by BIGINT",
            "ALTER TABLE lessons ADD COLUMN substitution_recorded_at TEXT",
            // Files live in the database, so that one backup of one file (or one dump) holds the whole school.
            """
            CREATE TABLE homework_files (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                homework_id BIGINT NOT NULL,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                byte_size BIGINT NOT NULL,
                content \(ddl.bytes) NOT NULL,
                uploaded_by BIGINT NOT NULL,
                uploaded_at TEXT NOT NULL,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, homework_id) REFERENCES homework (school_id, id),
                FOREIGN KEY (school_id, uploaded_by) REFERENCES people (school_id, id)
            )
            """,
            "CREATE INDEX homework_files_homework ON homework_files (school_id, homework_id)",
        ]
    }
}
