extension Migration {
    /// The homeroom teacher's monthly check of his class's list (issue 6, the order's homeroom duty): one answer per
    /// class and month — no changes, or the changes to make — and the administrator's resolution of the latter.
    static let monthlyCheckSchema = Migration(version: 13, name: "monthly class checks") { flavor in
        let ddl = DDL(flavor: flavor)
        return [
            """
            CREATE TABLE monthly_checks (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                class_id BIGINT NOT NULL,
                month TEXT NOT NULL,
                changes TEXT,
                submitted_by BIGINT NOT NULL,
                submitted_at TEXT NOT NULL,
                resolution TEXT CHECK (resolution IS NULL OR resolution IN ('applied', 'declined')),
                resolved_by BIGINT,
                resolved_at TEXT,
                \(ddl.schoolKey),
                UNIQUE (school_id, class_id, month),
                FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
                FOREIGN KEY (school_id, submitted_by) REFERENCES people (school_id, id)
            )
            """
        ]
    }
}
