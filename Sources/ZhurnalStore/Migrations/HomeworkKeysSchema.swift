extension Migration {
    /// A lesson has one homework for the class and at most one for each pupil. Said by the database, because two
    /// teachers saving at once on PostgreSQL would otherwise both see "none yet" and both insert; the writers insert
    /// with `ON CONFLICT DO NOTHING` against these keys and answer a lost race as a conflict.
    static let homeworkKeys = Migration(version: 5, name: "one homework per lesson and pupil") { _ in
        [
            "CREATE UNIQUE INDEX homework_for_class ON homework (school_id, lesson_id) WHERE student_id IS NULL",
            "CREATE UNIQUE INDEX homework_for_pupil ON homework (school_id, lesson_id, student_id) WHERE student_id IS NOT NULL",
        ]
    }
}
