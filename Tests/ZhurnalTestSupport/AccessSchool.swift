import SQLKit
import ZhurnalStore

/// ``TinySchool`` with an account for every role, a second class with its own teacher, pupil and parent, and a
/// second school — the cast of the access tests. Every account has the password ``password`` and no pending change.
public enum AccessSchool {
    public static let password = "зелёный слон 2026"

    /// Logins by role. Смирнова (TinySchool's teacher) is also the homeroom teacher of 5А.
    public enum Login {
        public static let admin = "admin"
        public static let director = "director"
        public static let deputy = "deputy"
        public static let teacher = "smirnova"
        public static let otherTeacher = "orlov"
        public static let parent = "aksyonov"
        public static let pupil = "aksyonova"
        public static let otherPupil = "gromov"
        public static let otherParent = "gromova"
        public static let observer = "observer"
        public static let otherSchoolAdmin = "admin2"
    }

    /// People of school 1 beyond TinySchool's, and of school 2 (ids are unique across schools, as SQLite needs).
    public static let (admin, director, deputy, otherTeacher, parent, otherPupil, otherParent, observer) =
        (10, 11, 12, 13, 14, 15, 16, 17)
    public static let otherClass = 2
    public static let otherCourse = 2
    public static let otherSchool = 2
    public static let (otherSchoolAdmin, otherSchoolPupil, otherSchoolCourse) = (1001, 1002, 1001)

    public static func write(into database: Database, hasher: PasswordHasher = PasswordHasher(cost: 4)) async throws {
        try await TinySchool.write(into: database)
        let hash = hasher.hash(password)
        let at = "2026-09-01T09:00:00Z"
        try await database.write { sql in
            try await sql.raw(
                "INSERT INTO schools (id, name, short_name, created_at) VALUES (2, 'Гимназия № 2', 'Г2', \(bind: at))"
            ).run()
            var people = RowBatch(table: "people", columns: ["school_id", "id", "last_name", "first_name", "patronymic", "created_at"])
            let school1: [(Int, String, String, String)] = [
                (admin, "Кузнецов", "Андрей", "Викторович"), (director, "Лебедева", "Нина", "Сергеевна"),
                (deputy, "Морозова", "Елена", "Павловна"), (otherTeacher, "Орлов", "Дмитрий", "Ильич"),
                (parent, "Аксёнов", "Иван", "Петрович"), (otherPupil, "Громов", "Кирилл", "Андреевич"),
                (otherParent, "Громова", "Анна", "Юрьевна"), (observer, "Белов", "Олег", "Ничипорович"),
            ]
            for (id, last, first, patronymic) in school1 { people.append([1, id, last, first, patronymic, at]) }
            people.append([2, otherSchoolAdmin, "Жуков", "Павел", "Андреевич", at])
            people.append([2, otherSchoolPupil, "Зайцева", "Ольга", "Игоревна", at])
            try await people.flush(into: sql)

            var rows = [
                RowBatch(table: "academic_years", columns: ["school_id", "id", "title", "starts_on", "ends_on"]),
                RowBatch(table: "classes", columns: ["school_id", "id", "year_id", "parallel", "letter", "period_kind", "homeroom_teacher_id"]),
                RowBatch(table: "enrolments", columns: ["school_id", "id", "student_id", "class_id", "starts_on", "ends_on"]),
                RowBatch(table: "subjects", columns: ["school_id", "id", "name", "short_name"]),
                RowBatch(table: "courses", columns: ["school_id", "id", "year_id", "subject_id", "class_id", "journal_kind", "hours_per_week"]),
                RowBatch(table: "course_teachers", columns: ["school_id", "course_id", "teacher_id"]),
                RowBatch(table: "guardianships", columns: ["school_id", "guardian_id", "student_id", "relation"]),
            ]
            rows[0].append([2, 1001, "2026/27", "2026-09-01", "2027-08-31"])
            rows[1].append([1, otherClass, 1, 6, "Б", "quarter", otherTeacher])
            rows[1].append([2, 1001, 1001, 7, "В", "quarter", otherSchoolAdmin])
            rows[2].append([1, 10, otherPupil, otherClass, "2026-09-01", String?.none])
            rows[2].append([2, 1001, otherSchoolPupil, 1001, "2026-09-01", String?.none])
            rows[3].append([2, 1001, "Физика", "Физ."])
            rows[4].append([1, otherCourse, 1, 1, otherClass, "lesson", 5])
            rows[4].append([2, otherSchoolCourse, 1001, 1001, 1001, "lesson", 2])
            rows[5].append([1, TinySchool.course, TinySchool.teacher])
            rows[5].append([1, otherCourse, otherTeacher])
            rows[5].append([2, otherSchoolCourse, otherSchoolAdmin])
            rows[6].append([1, parent, TinySchool.aksyonova, "отец"])
            rows[6].append([1, otherParent, otherPupil, "мать"])
            for index in rows.indices { try await rows[index].flush(into: sql) }

            var accounts = RowBatch(
                table: "accounts",
                columns: ["school_id", "id", "person_id", "login", "password_hash", "must_change_password", "created_at"]
            )
            var roles = RowBatch(table: "account_roles", columns: ["school_id", "account_id", "role"])
            let cast: [(school: Int, person: Int, login: String, roles: [String])] = [
                (1, admin, Login.admin, ["admin"]), (1, director, Login.director, ["director"]),
                (1, deputy, Login.deputy, ["deputy"]), (1, TinySchool.teacher, Login.teacher, ["teacher", "homeroom"]),
                (1, otherTeacher, Login.otherTeacher, ["teacher", "homeroom"]), (1, parent, Login.parent, ["parent"]),
                (1, TinySchool.aksyonova, Login.pupil, ["student"]), (1, otherPupil, Login.otherPupil, ["student"]),
                (1, otherParent, Login.otherParent, ["parent"]), (1, observer, Login.observer, ["observer"]),
                (2, otherSchoolAdmin, Login.otherSchoolAdmin, ["admin"]),
            ]
            for member in cast {
                // One account per person, so the account takes the person's id, as in the demo.
                accounts.append([member.school, member.person, member.person, member.login, hash, false, at])
                for role in member.roles { roles.append([member.school, member.person, role]) }
            }
            try await accounts.flush(into: sql)
            try await roles.flush(into: sql)
            try await sql.raw(
                "INSERT INTO observer_schools (school_id, account_id, observed_school_id) VALUES (1, \(bind: observer), 1), (1, \(bind: observer), 2)"
            ).run()
            // Аксёнова's father gave the school his consent to the electronic diary; Громов's family has not.
            try await sql.raw("UPDATE people SET family_consent_on = '2026-09-01' WHERE id = \(bind: TinySchool.aksyonova)").run()
            // The administrators sign in without a phone in these tests; the second-factor tests enrol one.
            try await sql.raw("UPDATE accounts SET second_factor_waived = TRUE WHERE login IN ('admin', 'admin2')").run()
            try await IdentitySequences.advance(sql, flavor: database.flavor)
        }
    }
}
