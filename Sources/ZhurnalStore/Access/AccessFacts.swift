import SQLKit
import ZhurnalCore

/// Loads the relations ``AccessPolicy`` decides on. Every query is scoped to the asking actor's school, so an id
/// of another school finds nothing and is answered as not found.
public enum AccessFacts {
    /// A course's teachers, the homeroom teachers of its pupils' classes as of `today` and those who taught some of
    /// its lessons in their place, in one statement; nil when the school has no such course.
    public static func course(school: Int, course: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> CourseFacts? {
        var select = MixedSelect(["person": .integer])
        select.add("course", ["person": "c.id"], "FROM courses c WHERE c.school_id = \(bind: school) AND c.id = \(bind: course)")
        addCourseRelations(to: &select, school: school, course: course, today: today)
        return try courseFacts(school: school, course: course, from: try await select.rows(in: sql))
    }

    /// Adds the branches of a course's relations (shapes `teacher` and `homeroom`, in a `person` column) to a larger
    /// statement, so that a page reading the course anyway learns who may see it in the same round trip.
    static func addCourseRelations(to select: inout MixedSelect, school: Int, course: Int, today: LocalDate) {
        let day = today.iso
        select.add(
            "teacher",
            ["person": "t.teacher_id"],
            "FROM course_teachers t WHERE t.school_id = \(bind: school) AND t.course_id = \(bind: course)"
        )
        select.add(
            "homeroom",
            ["person": "k.homeroom_teacher_id"],
            """
            FROM courses c
            LEFT JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id
            JOIN classes k ON k.school_id = c.school_id AND k.id = COALESCE(c.class_id, g.class_id)
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course) AND k.homeroom_teacher_id IS NOT NULL
            """
        )
        // A cross-class group has no class of its own: the homeroom teachers of its members' classes may see it.
        select.add(
            "homeroom",
            ["person": "k.homeroom_teacher_id"],
            """
            FROM courses c
            JOIN groups g ON g.school_id = c.school_id AND g.id = c.group_id AND g.kind = 'cross_class'
            JOIN group_members m ON m.school_id = g.school_id AND m.group_id = g.id
                AND m.starts_on <= \(bind: day) AND (m.ends_on IS NULL OR m.ends_on >= \(bind: day))
            JOIN enrolments e ON e.school_id = m.school_id AND e.student_id = m.student_id
                AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            WHERE c.school_id = \(bind: school) AND c.id = \(bind: course) AND k.homeroom_teacher_id IS NOT NULL
            """
        )
        // Who taught a lesson in a course teacher's place may read the course and keep that lesson.
        select.add(
            "substitute",
            ["person": "l.teacher_id"],
            """
            FROM lessons l
            WHERE l.school_id = \(bind: school) AND l.course_id = \(bind: course)
              AND NOT EXISTS (SELECT 1 FROM course_teachers t
                              WHERE t.school_id = l.school_id AND t.course_id = l.course_id AND t.teacher_id = l.teacher_id)
            """
        )
    }

    /// The facts from the rows of ``addCourseRelations(to:school:course:today:)``; nil when no `course` row came back.
    static func courseFacts(school: Int, course: Int, from rows: [String: [any SQLRow]]) throws -> CourseFacts? {
        guard rows["course"] != nil else { return nil }
        func people(_ shape: String) throws -> Set<Int> {
            Set(try (rows[shape] ?? []).map { try $0.decode(column: "person", as: Int.self) })
        }
        return CourseFacts(
            schoolID: school,
            courseID: course,
            teacherIDs: try people("teacher"),
            homeroomTeacherIDs: try people("homeroom"),
            substituteIDs: try people("substitute")
        )
    }

    /// A lesson's course facts and who taught it, in two statements; nil when the school has no such lesson.
    public static func lesson(school: Int, lesson: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> CourseLessonFacts? {
        guard
            let row = try await sql.raw(
                "SELECT course_id, teacher_id FROM lessons WHERE school_id = \(bind: school) AND id = \(bind: lesson)"
            ).first(),
            let course = try await course(school: school, course: try row.decode(column: "course_id", as: Int.self), today: today, in: sql)
        else { return nil }
        return CourseLessonFacts(course: course, lessonID: lesson, teacherID: try row.decode(column: "teacher_id", as: Int.self))
    }

    /// A student's guardians, his homeroom teachers and the teachers of his courses as of `today`, in one statement.
    public static func student(school: Int, student: Int, today: LocalDate, in sql: any SQLDatabase) async throws -> StudentFacts? {
        let day = today.iso
        let rows = try await sql.raw(
            """
            SELECT 'student' AS relation, e.student_id AS person FROM enrolments e
            WHERE e.school_id = \(bind: school) AND e.student_id = \(bind: student)
            UNION ALL
            SELECT 'consent', p.id FROM people p
            WHERE p.school_id = \(bind: school) AND p.id = \(bind: student) AND p.family_consent_on IS NOT NULL
            UNION ALL
            SELECT 'guardian', g.guardian_id FROM guardianships g
            WHERE g.school_id = \(bind: school) AND g.student_id = \(bind: student)
            UNION ALL
            SELECT 'homeroom', k.homeroom_teacher_id
            FROM enrolments e JOIN classes k ON k.school_id = e.school_id AND k.id = e.class_id
            WHERE e.school_id = \(bind: school) AND e.student_id = \(bind: student) AND k.homeroom_teacher_id IS NOT NULL
              AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            UNION ALL
            SELECT 'teacher', t.teacher_id
            FROM enrolments e
            JOIN courses c ON c.school_id = e.school_id AND c.class_id = e.class_id AND c.group_id IS NULL
            JOIN course_teachers t ON t.school_id = c.school_id AND t.course_id = c.id
            WHERE e.school_id = \(bind: school) AND e.student_id = \(bind: student)
              AND e.starts_on <= \(bind: day) AND (e.ends_on IS NULL OR e.ends_on >= \(bind: day))
            UNION ALL
            SELECT 'teacher', t.teacher_id
            FROM group_members m
            JOIN courses c ON c.school_id = m.school_id AND c.group_id = m.group_id
            JOIN course_teachers t ON t.school_id = c.school_id AND t.course_id = c.id
            WHERE m.school_id = \(bind: school) AND m.student_id = \(bind: student)
              AND m.starts_on <= \(bind: day) AND (m.ends_on IS NULL OR m.ends_on >= \(bind: day))
            UNION ALL
            SELECT 'link:' || f.guardian_school_id, f.guardian_account_id FROM family_links f
            WHERE f.school_id = \(bind: school) AND f.student_id = \(bind: student)
            """
        ).all()
        let relations = try rows.map { (try $0.decode(column: "relation", as: String.self), try $0.decode(column: "person", as: Int.self)) }
        guard relations.contains(where: { $0.0 == "student" }) else { return nil }
        func people(_ relation: String) -> Set<Int> { Set(relations.filter { $0.0 == relation }.map(\.1)) }
        return StudentFacts(
            schoolID: school,
            studentID: student,
            homeroomTeacherIDs: people("homeroom"),
            teacherIDs: people("teacher"),
            guardianIDs: people("guardian"),
            familyConsent: relations.contains { $0.0 == "consent" },
            linkedFamilyAccounts: Set(
                relations.compactMap { relation, account in
                    relation.hasPrefix("link:") ? Int(relation.dropFirst(5)).map { AccountRef(schoolID: $0, accountID: account) } : nil
                }
            )
        )
    }

    /// A class of this school with its homeroom teacher. One statement.
    public static func schoolClass(school: Int, classID: Int, in sql: any SQLDatabase) async throws -> ClassFacts? {
        // The class row, then the teachers of its class-wide courses, in one statement: a subgroup's teacher does not
        // speak to the whole class (nor to the families of the other subgroup, whom he could not write to one by one).
        let rows = try await sql.raw(
            """
            SELECT 'class' AS relation, homeroom_teacher_id AS person FROM classes WHERE school_id = \(bind: school) AND id = \(bind: classID)
            UNION ALL
            SELECT 'teacher', t.teacher_id FROM courses c
            JOIN course_teachers t ON t.school_id = c.school_id AND t.course_id = c.id
            WHERE c.school_id = \(bind: school) AND c.class_id = \(bind: classID) AND c.group_id IS NULL
            """
        ).all()
        guard let row = try rows.first(where: { try $0.decode(column: "relation", as: String.self) == "class" }) else { return nil }
        let teachers = try rows.filter { try $0.decode(column: "relation", as: String.self) == "teacher" }.compactMap {
            try $0.decode(column: "person", as: Int?.self)
        }
        return ClassFacts(
            schoolID: school,
            classID: classID,
            homeroomTeacherID: try row.decode(column: "person", as: Int?.self),
            teacherIDs: Set(teachers)
        )
    }

    /// Whether an account belongs to this school.
    public static func account(school: Int, account: Int, in sql: any SQLDatabase) async throws -> AccountFacts? {
        try await sql.raw("SELECT id FROM accounts WHERE school_id = \(bind: school) AND id = \(bind: account)").first()
            .map { _ in AccountFacts(schoolID: school, accountID: account) }
    }

    /// The account of a person of this school, if he has one.
    public static func accountOf(school: Int, person: Int, in sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw("SELECT id FROM accounts WHERE school_id = \(bind: school) AND person_id = \(bind: person)").first()?
            .decode(column: "id", as: Int.self)
    }
}
