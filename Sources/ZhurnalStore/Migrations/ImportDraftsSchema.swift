extension Migration {
    /// A file an administrator has previewed and not yet confirmed (issue 6). It waits here between the two requests,
    /// so the confirmation writes exactly what was previewed without sending the file again.
    static let importDraftsSchema = Migration(version: 9, name: "import drafts") { flavor in
        let ddl = DDL(flavor: flavor)
        return [
            """
            CREATE TABLE import_drafts (
                school_id BIGINT NOT NULL REFERENCES schools (id),
                \(ddl.id),
                account_id BIGINT NOT NULL,
                kind TEXT NOT NULL,
                content \(ddl.bytes) NOT NULL,
                created_at TEXT NOT NULL,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, account_id) REFERENCES accounts (school_id, id)
            )
            """
        ]
    }
}
