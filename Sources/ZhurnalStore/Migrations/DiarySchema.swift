extension Migration {
    /// What the family's diary needs (issue 5): the day the school recorded the consent of a pupil's legal
    /// representative (NULL: none, and the diary stays closed to his family), and a pupil's groups and their courses
    /// found without a scan.
    static let diarySchema = Migration(version: 6, name: "the family's diary") { _ in
        [
            "ALTER TABLE people ADD COLUMN family_consent_on TEXT",
            "CREATE INDEX group_members_student ON group_members (school_id, student_id)",
            "CREATE INDEX courses_group ON courses (school_id, group_id)",
        ]
    }
}
