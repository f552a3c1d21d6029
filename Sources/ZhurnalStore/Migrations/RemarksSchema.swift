extension Migration {
    /// The weekly remarks of the journal-keeping control (issue 7): one per overdue item of a lesson, addressed to the
    /// teacher who held it, closed when the item is put right. At most one open remark per lesson and item, so that
    /// running the week's check twice makes nothing twice. The lesson is not a foreign key: a lesson that never took
    /// place is put right by taking it away (a holiday declared, a timetable changed), and its remark then closes.
    static let remarksSchema = Migration(version: 16, name: "journal-keeping remarks") { flavor in
        let ddl = DDL(flavor: flavor)
        return [
            """
            CREATE TABLE remarks (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                teacher_id BIGINT NOT NULL,
                course_id BIGINT NOT NULL,
                lesson_id BIGINT NOT NULL,
                problem TEXT NOT NULL CHECK (problem IN ('no_record', 'topic_missing', 'unexplained_absences')),
                week_of TEXT NOT NULL,
                created_at TEXT NOT NULL,
                closed_at TEXT,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, teacher_id) REFERENCES people (school_id, id)
            )
            """,
            "CREATE UNIQUE INDEX remarks_open ON remarks (school_id, lesson_id, problem) WHERE closed_at IS NULL",
            "CREATE INDEX remarks_teacher ON remarks (school_id, teacher_id, closed_at)",
        ]
    }
}
