extension Migration {
    /// A course's thematic plan (issue 6): its topics in order with their hours and optional control work.
    static let thematicPlanSchema = Migration(version: 12, name: "thematic plans") { flavor in
        let ddl = DDL(flavor: flavor)
        return [
            """
            CREATE TABLE plan_topics (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                course_id BIGINT NOT NULL,
                position INTEGER NOT NULL CHECK (position >= 1),
                title TEXT NOT NULL,
                hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 40),
                control_work_type_id BIGINT,
                \(ddl.schoolKey),
                UNIQUE (school_id, course_id, position),
                FOREIGN KEY (school_id, course_id) REFERENCES courses (school_id, id),
                FOREIGN KEY (school_id, control_work_type_id) REFERENCES work_types (school_id, id)
            )
            """
        ]
    }
}
