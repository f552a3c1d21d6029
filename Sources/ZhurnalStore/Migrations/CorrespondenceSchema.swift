extension Migration {
    /// Announcements, messages with their read status, and each person's notification settings and last visits
    /// (issue 5). A message to a class is spread to its recipients when sent, so that a pupil who joins later does not
    /// read what was written before him, and read status is per recipient.
    static let correspondenceSchema = Migration(version: 7, name: "announcements, messages and notifications") { flavor in
        let ddl = DDL(flavor: flavor)
        return [
            """
            CREATE TABLE announcements (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                author_id BIGINT NOT NULL,
                audience TEXT NOT NULL CHECK (audience IN ('school', 'class', 'class_parents')),
                class_id BIGINT,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                published_at TEXT NOT NULL,
                expires_on TEXT NOT NULL,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, author_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
                CHECK ((audience = 'school') = (class_id IS NULL))
            )
            """,
            "CREATE INDEX announcements_expiry ON announcements (school_id, expires_on)",
            """
            CREATE TABLE messages (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                sender_id BIGINT NOT NULL,
                audience TEXT NOT NULL CHECK (audience IN ('person', 'class_pupils', 'class_parents')),
                class_id BIGINT,
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                sent_at TEXT NOT NULL,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, sender_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
                CHECK ((audience = 'person') = (class_id IS NULL))
            )
            """,
            "CREATE INDEX messages_sender ON messages (school_id, sender_id, sent_at)",
            """
            CREATE TABLE message_recipients (
                school_id BIGINT NOT NULL,
                message_id BIGINT NOT NULL,
                recipient_id BIGINT NOT NULL,
                read_at TEXT,
                PRIMARY KEY (school_id, message_id, recipient_id),
                FOREIGN KEY (school_id, message_id) REFERENCES messages (school_id, id),
                FOREIGN KEY (school_id, recipient_id) REFERENCES people (school_id, id)
            )
            """,
            "CREATE INDEX message_recipients_inbox ON message_recipients (school_id, recipient_id, message_id)",
            // One row per person once he changes a setting or visits: muted kinds (comma-separated), the digest's
            // address, and the moments that split "new" from "seen".
            """
            CREATE TABLE notification_settings (
                school_id BIGINT NOT NULL,
                person_id BIGINT NOT NULL,
                muted_kinds TEXT NOT NULL DEFAULT '',
                digest_email TEXT,
                digest_sent_until TEXT,
                seen_until TEXT,
                PRIMARY KEY (school_id, person_id),
                FOREIGN KEY (school_id, person_id) REFERENCES people (school_id, id)
            )
            """,
            // The feed reads a family's new marks and absences by when they were last written.
            "CREATE INDEX marks_student_updated ON marks (school_id, student_id, updated_at)",
            "CREATE INDEX attendance_student_updated ON attendance (school_id, student_id, updated_at)",
        ]
    }
}
