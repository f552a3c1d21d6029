extension Migration {
    /// A family whose children go to different schools of one installation (issue 5): the operator links a parent's
    /// account in his own school to a child of another. The row lives with the child's school, so a region spread over
    /// a distributed PostgreSQL by school keeps it beside the diary it opens; the account, in another school, has no
    /// foreign key, which would cross that key.
    static let familyLinksSchema = Migration(version: 8, name: "families across schools") { _ in
        [
            """
            CREATE TABLE family_links (
                school_id BIGINT NOT NULL,
                student_id BIGINT NOT NULL,
                guardian_school_id BIGINT NOT NULL,
                guardian_account_id BIGINT NOT NULL,
                linked_at TEXT NOT NULL,
                PRIMARY KEY (school_id, student_id, guardian_school_id, guardian_account_id),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id)
            )
            """,
            "CREATE INDEX family_links_guardian ON family_links (guardian_school_id, guardian_account_id)",
        ]
    }
}
