extension Migration {
    /// What the family's diary needs (issue 5): the day the school recorded the consent of a pupil's legal
    /// representative (NULL: none, and the diary stays closed to his family), and a pupil's groups and their courses
    /// found without a scan, and the parents' «Ознакомлен» of each week.
    static let diarySchema = Migration(version: 6, name: "the family's diary") { _ in
        [
            "ALTER TABLE people ADD COLUMN family_consent_on TEXT",
            "CREATE INDEX group_members_student ON group_members (school_id, student_id)",
            "CREATE INDEX courses_group ON courses (school_id, group_id)",
            // «Ознакомлен»: a parent saw his child's week (its Monday), once; the first time is the one kept.
            """
            CREATE TABLE diary_acknowledgements (
                school_id BIGINT NOT NULL,
                student_id BIGINT NOT NULL,
                week_start TEXT NOT NULL,
                guardian_id BIGINT NOT NULL,
                acknowledged_at TEXT NOT NULL,
                PRIMARY KEY (school_id, student_id, week_start, guardian_id),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, guardian_id) REFERENCES people (school_id, id)
            )
            """,
        ]
    }
}
