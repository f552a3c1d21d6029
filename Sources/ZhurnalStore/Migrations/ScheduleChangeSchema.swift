extension Migration {
    /// The administration's changes to a date's lessons (issue 6): which change a lesson last had — moved, cancelled or
    /// added beside the timetable — and who made it when. A changed lesson is the administration's decision, so a new
    /// weekly timetable does not sweep it away as it does the lessons it laid itself.
    static let scheduleChangeSchema = Migration(version: 14, name: "lessons' schedule changes") { _ in
        [
            "ALTER TABLE lessons ADD COLUMN schedule_change TEXT CHECK (schedule_change IS NULL OR schedule_change IN ('moved', 'cancelled', 'restored', 'added'))",
            "ALTER TABLE lessons ADD COLUMN schedule_changed_by BIGINT",
            "ALTER TABLE lessons ADD COLUMN schedule_changed_at TEXT",
        ]
    }
}

extension Migration {
    /// The hour a moved lesson left (on `moved_from`, or on its own day), so that generation never fills it again. A
    /// step of its own: databases already at step 14 get it too.
    static let movedFromNumberSchema = Migration(version: 15, name: "the hour a moved lesson left") { _ in
        ["ALTER TABLE lessons ADD COLUMN moved_from_number INTEGER"]
    }
}
