extension Migration {
    /// A cell's history in one place (issue 4, part 6: "a cell's history is one click away"). A mark's history lines
    /// named only the mark, so once the mark was deleted nothing said whose it had been; the pupil is now kept on the
    /// line itself. Lines written before this step have no pupil: a cell's history finds those of its marks that still
    /// exist through the marks table, and its attendance through the entity's id (`lesson:student`).
    static let cellHistorySchema = Migration(version: 4, name: "the pupil of a history line") { _ in
        [
            "ALTER TABLE history ADD COLUMN student_id BIGINT",
            "CREATE INDEX history_lesson ON history (school_id, lesson_id)",
        ]
    }
}
