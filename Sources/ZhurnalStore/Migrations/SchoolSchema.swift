extension Migration {
    /// The school's data model of DOMAIN.md §2–3. Every table carries `school_id` and its keys and foreign keys
    /// start with it, so no row can point into another school and a region can later be spread over Citus by school.
    /// Dates are ISO `YYYY-MM-DD` text and times `HH:MM` text in school time; instants are UTC ISO 8601 text. Both
    /// sort correctly as text and read the same on SQLite and PostgreSQL.
    static let schoolSchema = Migration(version: 1, name: "school schema") { flavor in
        let ddl = DDL(flavor: flavor)
        return [
            """
            CREATE TABLE schools (
                id BIGINT PRIMARY KEY,
                name TEXT NOT NULL,
                short_name TEXT NOT NULL,
                time_zone TEXT NOT NULL DEFAULT 'Europe/Moscow',
                rounding_profile TEXT NOT NULL DEFAULT 'classic',
                edit_window_days INTEGER DEFAULT 7 CHECK (edit_window_days IS NULL OR edit_window_days >= 0),
                allows_mark_one BOOLEAN NOT NULL DEFAULT FALSE,
                double_mark_counting TEXT NOT NULL DEFAULT 'mean' CHECK (double_mark_counting IN ('mean', 'two_marks')),
                two_forbids_five BOOLEAN NOT NULL DEFAULT FALSE,
                not_attested_rule BOOLEAN NOT NULL DEFAULT FALSE,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE academic_years (
                school_id BIGINT NOT NULL REFERENCES schools (id),
                \(ddl.id),
                title TEXT NOT NULL,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                archived_at TEXT,
                \(ddl.schoolKey),
                UNIQUE (school_id, starts_on),
                CHECK (starts_on < ends_on)
            )
            """,
            """
            CREATE TABLE periods (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                year_id BIGINT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('quarter', 'half_year', 'trimester', 'custom')),
                number INTEGER NOT NULL CHECK (number >= 1),
                title TEXT NOT NULL,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                closed_at TEXT,
                closed_by BIGINT,
                \(ddl.schoolKey),
                UNIQUE (school_id, year_id, kind, number),
                FOREIGN KEY (school_id, year_id) REFERENCES academic_years (school_id, id),
                CHECK (starts_on <= ends_on)
            )
            """,
            """
            CREATE TABLE holidays (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                year_id BIGINT NOT NULL,
                title TEXT NOT NULL,
                starts_on TEXT NOT NULL,
                ends_on TEXT NOT NULL,
                only_parallel INTEGER CHECK (only_parallel IS NULL OR only_parallel BETWEEN 1 AND 11),
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, year_id) REFERENCES academic_years (school_id, id),
                CHECK (starts_on <= ends_on)
            )
            """,
            """
            CREATE TABLE people (
                school_id BIGINT NOT NULL REFERENCES schools (id),
                \(ddl.id),
                last_name TEXT NOT NULL,
                first_name TEXT NOT NULL,
                patronymic TEXT,
                birth_date TEXT,
                created_at TEXT NOT NULL,
                \(ddl.schoolKey)
            )
            """,
            """
            CREATE TABLE accounts (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                person_id BIGINT NOT NULL,
                login TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                must_change_password BOOLEAN NOT NULL DEFAULT TRUE,
                created_at TEXT NOT NULL,
                deactivated_at TEXT,
                \(ddl.schoolKey),
                UNIQUE (school_id, login),
                FOREIGN KEY (school_id, person_id) REFERENCES people (school_id, id)
            )
            """,
            // Sign-in knows only the login, so a login names one account in the whole installation.
            "CREATE UNIQUE INDEX accounts_login ON accounts (login)",
            """
            CREATE TABLE account_roles (
                school_id BIGINT NOT NULL,
                account_id BIGINT NOT NULL,
                role TEXT NOT NULL
                    CHECK (role IN ('admin', 'director', 'deputy', 'teacher', 'homeroom', 'parent', 'student', 'observer')),
                PRIMARY KEY (school_id, account_id, role),
                FOREIGN KEY (school_id, account_id) REFERENCES accounts (school_id, id)
            )
            """,
            """
            CREATE TABLE classes (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                year_id BIGINT NOT NULL,
                parallel INTEGER NOT NULL CHECK (parallel BETWEEN 1 AND 11),
                letter TEXT NOT NULL,
                period_kind TEXT NOT NULL CHECK (period_kind IN ('quarter', 'half_year', 'trimester', 'custom')),
                homeroom_teacher_id BIGINT,
                \(ddl.schoolKey),
                UNIQUE (school_id, year_id, parallel, letter),
                FOREIGN KEY (school_id, year_id) REFERENCES academic_years (school_id, id),
                FOREIGN KEY (school_id, homeroom_teacher_id) REFERENCES people (school_id, id)
            )
            """,
            """
            CREATE TABLE enrolments (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                student_id BIGINT NOT NULL,
                class_id BIGINT NOT NULL,
                starts_on TEXT NOT NULL,
                ends_on TEXT,
                reason TEXT,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
                CHECK (ends_on IS NULL OR starts_on <= ends_on)
            )
            """,
            "CREATE INDEX enrolments_class ON enrolments (school_id, class_id, starts_on)",
            "CREATE INDEX enrolments_student ON enrolments (school_id, student_id)",
            """
            CREATE TABLE groups (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                year_id BIGINT NOT NULL,
                class_id BIGINT,
                title TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('subgroup', 'cross_class')),
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, year_id) REFERENCES academic_years (school_id, id),
                FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
                CHECK (kind = 'cross_class' OR class_id IS NOT NULL)
            )
            """,
            """
            CREATE TABLE group_members (
                school_id BIGINT NOT NULL,
                group_id BIGINT NOT NULL,
                student_id BIGINT NOT NULL,
                starts_on TEXT NOT NULL,
                ends_on TEXT,
                PRIMARY KEY (school_id, group_id, student_id, starts_on),
                FOREIGN KEY (school_id, group_id) REFERENCES groups (school_id, id),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id),
                CHECK (ends_on IS NULL OR starts_on <= ends_on)
            )
            """,
            """
            CREATE TABLE guardianships (
                school_id BIGINT NOT NULL,
                guardian_id BIGINT NOT NULL,
                student_id BIGINT NOT NULL,
                relation TEXT NOT NULL,
                PRIMARY KEY (school_id, guardian_id, student_id),
                FOREIGN KEY (school_id, guardian_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id),
                CHECK (guardian_id <> student_id)
            )
            """,
            "CREATE INDEX guardianships_student ON guardianships (school_id, student_id)",
            """
            CREATE TABLE subjects (
                school_id BIGINT NOT NULL REFERENCES schools (id),
                \(ddl.id),
                name TEXT NOT NULL,
                short_name TEXT NOT NULL,
                allows_double_marks BOOLEAN NOT NULL DEFAULT FALSE,
                sort_order INTEGER NOT NULL DEFAULT 0,
                \(ddl.schoolKey),
                UNIQUE (school_id, name)
            )
            """,
            """
            CREATE TABLE curriculum_hours (
                school_id BIGINT NOT NULL,
                year_id BIGINT NOT NULL,
                parallel INTEGER NOT NULL CHECK (parallel BETWEEN 1 AND 11),
                subject_id BIGINT NOT NULL,
                hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 0 AND 40),
                PRIMARY KEY (school_id, year_id, parallel, subject_id),
                FOREIGN KEY (school_id, year_id) REFERENCES academic_years (school_id, id),
                FOREIGN KEY (school_id, subject_id) REFERENCES subjects (school_id, id)
            )
            """,
            """
            CREATE TABLE work_types (
                school_id BIGINT NOT NULL REFERENCES schools (id),
                \(ddl.id),
                name TEXT NOT NULL,
                weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 10),
                is_written BOOLEAN NOT NULL DEFAULT FALSE,
                mark_deadline_days INTEGER NOT NULL DEFAULT 7 CHECK (mark_deadline_days >= 0),
                sort_order INTEGER NOT NULL DEFAULT 0,
                \(ddl.schoolKey),
                UNIQUE (school_id, name)
            )
            """,
            """
            CREATE TABLE courses (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                year_id BIGINT NOT NULL,
                subject_id BIGINT NOT NULL,
                class_id BIGINT,
                group_id BIGINT,
                journal_kind TEXT NOT NULL
                    CHECK (journal_kind IN ('lesson', 'extracurricular', 'additional', 'optional', 'elective', 'individual')),
                grading TEXT NOT NULL DEFAULT 'marks' CHECK (grading IN ('marks', 'pass_fail', 'ungraded')),
                hours_per_week INTEGER NOT NULL CHECK (hours_per_week BETWEEN 0 AND 40),
                title TEXT,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, year_id) REFERENCES academic_years (school_id, id),
                FOREIGN KEY (school_id, subject_id) REFERENCES subjects (school_id, id),
                FOREIGN KEY (school_id, class_id) REFERENCES classes (school_id, id),
                FOREIGN KEY (school_id, group_id) REFERENCES groups (school_id, id),
                CHECK (class_id IS NOT NULL OR group_id IS NOT NULL)
            )
            """,
            "CREATE INDEX courses_class ON courses (school_id, class_id)",
            """
            CREATE TABLE course_teachers (
                school_id BIGINT NOT NULL,
                course_id BIGINT NOT NULL,
                teacher_id BIGINT NOT NULL,
                PRIMARY KEY (school_id, course_id, teacher_id),
                FOREIGN KEY (school_id, course_id) REFERENCES courses (school_id, id),
                FOREIGN KEY (school_id, teacher_id) REFERENCES people (school_id, id)
            )
            """,
            "CREATE INDEX course_teachers_teacher ON course_teachers (school_id, teacher_id)",
            """
            CREATE TABLE bells (
                school_id BIGINT NOT NULL REFERENCES schools (id),
                lesson_number INTEGER NOT NULL CHECK (lesson_number BETWEEN 0 AND 12),
                starts_at TEXT NOT NULL,
                ends_at TEXT NOT NULL,
                PRIMARY KEY (school_id, lesson_number),
                CHECK (starts_at < ends_at)
            )
            """,
            """
            CREATE TABLE timetable_entries (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                course_id BIGINT NOT NULL,
                weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                lesson_number INTEGER NOT NULL,
                valid_from TEXT NOT NULL,
                valid_to TEXT,
                room TEXT,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, course_id) REFERENCES courses (school_id, id),
                FOREIGN KEY (school_id, lesson_number) REFERENCES bells (school_id, lesson_number)
            )
            """,
            "CREATE INDEX timetable_entries_course ON timetable_entries (school_id, course_id)",
            """
            CREATE TABLE lessons (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                course_id BIGINT NOT NULL,
                lesson_date TEXT NOT NULL,
                lesson_number INTEGER NOT NULL,
                teacher_id BIGINT NOT NULL,
                status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'cancelled')),
                moved_from TEXT,
                topic TEXT,
                topic_entered_at TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                \(ddl.schoolKey),
                UNIQUE (school_id, course_id, lesson_date, lesson_number),
                FOREIGN KEY (school_id, course_id) REFERENCES courses (school_id, id),
                FOREIGN KEY (school_id, teacher_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, lesson_number) REFERENCES bells (school_id, lesson_number)
            )
            """,
            "CREATE INDEX lessons_teacher_date ON lessons (school_id, teacher_id, lesson_date)",
            """
            CREATE TABLE homework (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                lesson_id BIGINT NOT NULL,
                student_id BIGINT,
                body TEXT NOT NULL,
                entered_by BIGINT NOT NULL,
                entered_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, lesson_id) REFERENCES lessons (school_id, id),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, entered_by) REFERENCES people (school_id, id)
            )
            """,
            "CREATE INDEX homework_lesson ON homework (school_id, lesson_id)",
            """
            CREATE TABLE marks (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                lesson_id BIGINT NOT NULL,
                student_id BIGINT NOT NULL,
                work_type_id BIGINT NOT NULL,
                value TEXT NOT NULL,
                comment TEXT,
                work_date TEXT NOT NULL,
                author_id BIGINT NOT NULL,
                entered_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, lesson_id) REFERENCES lessons (school_id, id),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, work_type_id) REFERENCES work_types (school_id, id),
                FOREIGN KEY (school_id, author_id) REFERENCES people (school_id, id)
            )
            """,
            "CREATE INDEX marks_lesson ON marks (school_id, lesson_id)",
            "CREATE INDEX marks_student ON marks (school_id, student_id, work_date)",
            """
            CREATE TABLE attendance (
                school_id BIGINT NOT NULL,
                lesson_id BIGINT NOT NULL,
                student_id BIGINT NOT NULL,
                code TEXT NOT NULL CHECK (code IN ('н', 'б', 'у', 'оп')),
                entered_by BIGINT NOT NULL,
                entered_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (school_id, lesson_id, student_id),
                FOREIGN KEY (school_id, lesson_id) REFERENCES lessons (school_id, id),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, entered_by) REFERENCES people (school_id, id)
            )
            """,
            "CREATE INDEX attendance_student ON attendance (school_id, student_id)",
            """
            CREATE TABLE term_marks (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                course_id BIGINT NOT NULL,
                student_id BIGINT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('period', 'year', 'exam', 'final')),
                period_id BIGINT,
                value TEXT NOT NULL,
                author_id BIGINT NOT NULL,
                entered_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                \(ddl.schoolKey),
                FOREIGN KEY (school_id, course_id) REFERENCES courses (school_id, id),
                FOREIGN KEY (school_id, student_id) REFERENCES people (school_id, id),
                FOREIGN KEY (school_id, period_id) REFERENCES periods (school_id, id),
                FOREIGN KEY (school_id, author_id) REFERENCES people (school_id, id),
                CHECK ((kind = 'period') = (period_id IS NOT NULL))
            )
            """,
            // NULLs are distinct in a UNIQUE constraint, so period marks and the rest get one index each.
            """
            CREATE UNIQUE INDEX term_marks_period ON term_marks (school_id, course_id, student_id, period_id)
            WHERE period_id IS NOT NULL
            """,
            """
            CREATE UNIQUE INDEX term_marks_other ON term_marks (school_id, course_id, student_id, kind)
            WHERE period_id IS NULL
            """,
            """
            CREATE TABLE history (
                school_id BIGINT NOT NULL REFERENCES schools (id),
                \(ddl.id),
                entity TEXT NOT NULL CHECK (entity IN ('mark', 'attendance', 'topic', 'homework', 'term_mark')),
                entity_id TEXT NOT NULL,
                action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
                actor_account_id BIGINT,
                actor_role TEXT,
                at TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                reason TEXT,
                client_address TEXT,
                \(ddl.schoolKey)
            )
            """,
            "CREATE INDEX history_entity ON history (school_id, entity, entity_id)",
        ] + ddl.appendOnly("history")
    }
}
