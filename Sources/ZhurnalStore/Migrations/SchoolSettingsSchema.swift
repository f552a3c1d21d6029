extension Migration {
    /// The homework deadline of DOMAIN.md §4 as the school's setting (issue 6): minutes after the class's last lesson.
    static let schoolSettingsSchema = Migration(version: 11, name: "homework deadline setting") { _ in
        ["ALTER TABLE schools ADD COLUMN homework_deadline_minutes INTEGER NOT NULL DEFAULT 60"]
    }
}
