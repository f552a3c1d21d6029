extension Migration {
    /// Sign-in, sessions, second factor, throttling and the security log (issue 3).
    ///
    /// Two tables are installation-wide rather than a school's: `sign_in_throttle`, because a failed sign-in with an
    /// unknown login belongs to no school, and `security_events`, whose rows carry their school when there is one.
    static let accessSchema = Migration(version: 2, name: "accounts, sessions and security events") { flavor in
        let ddl = DDL(flavor: flavor)
        return [
            // An initial password (issued by the administrator) expires and works once; a NULL expiry means the
            // account's password is the person's own.
            "ALTER TABLE accounts ADD COLUMN initial_password_expires_at TEXT",
            "ALTER TABLE accounts ADD COLUMN initial_password_used_at TEXT",
            "ALTER TABLE accounts ADD COLUMN password_changed_at TEXT",
            "ALTER TABLE accounts ADD COLUMN totp_secret TEXT",
            "ALTER TABLE accounts ADD COLUMN totp_enabled_at TEXT",
            // The last accepted time step: a code is accepted only for a later step, so none works twice.
            "ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT",
            "ALTER TABLE accounts ADD COLUMN second_factor_waived BOOLEAN NOT NULL DEFAULT FALSE",
            // One account per person: a double click must not leave a second, forgotten account that still works.
            "CREATE UNIQUE INDEX accounts_person ON accounts (school_id, person_id)",
            // The lesson a history line belongs to: a deleted mark's history must still be found, and shown only to
            // those who may see that lesson's course.
            "ALTER TABLE history ADD COLUMN lesson_id BIGINT",
            "ALTER TABLE schools ADD COLUMN staff_idle_minutes INTEGER NOT NULL DEFAULT 30",
            "ALTER TABLE schools ADD COLUMN staff_session_hours INTEGER NOT NULL DEFAULT 12",
            "ALTER TABLE schools ADD COLUMN family_idle_days INTEGER NOT NULL DEFAULT 7",
            "ALTER TABLE schools ADD COLUMN family_session_days INTEGER NOT NULL DEFAULT 30",
            """
            CREATE TABLE recovery_codes (
                school_id BIGINT NOT NULL,
                account_id BIGINT NOT NULL,
                code_hash TEXT NOT NULL,
                used_at TEXT,
                PRIMARY KEY (school_id, account_id, code_hash),
                FOREIGN KEY (school_id, account_id) REFERENCES accounts (school_id, id)
            )
            """,
            """
            CREATE TABLE observer_schools (
                school_id BIGINT NOT NULL,
                account_id BIGINT NOT NULL,
                observed_school_id BIGINT NOT NULL REFERENCES schools (id),
                PRIMARY KEY (school_id, account_id, observed_school_id),
                FOREIGN KEY (school_id, account_id) REFERENCES accounts (school_id, id)
            )
            """,
            // The cookie or token carries the school and a random secret; only the secret's SHA-256 is stored, so a
            // copy of the database does not open anyone's session.
            """
            CREATE TABLE sessions (
                school_id BIGINT NOT NULL,
                \(ddl.id),
                token_hash TEXT NOT NULL,
                account_id BIGINT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('browser', 'api')),
                stage TEXT NOT NULL
                    CHECK (stage IN ('second_factor', 'password_change', 'enrol_second_factor', 'active')),
                second_factor_done BOOLEAN NOT NULL DEFAULT FALSE,
                csrf_token TEXT NOT NULL,
                -- A second-factor secret being enrolled lives with the session that is enrolling it, not with the
                -- account, so that nobody else who opens the page sees the secret the owner will use.
                pending_totp_secret TEXT,
                created_at TEXT NOT NULL,
                last_seen_at TEXT NOT NULL,
                idle_seconds INTEGER NOT NULL,
                expires_at TEXT NOT NULL,
                client_address TEXT,
                user_agent TEXT,
                ended_at TEXT,
                end_reason TEXT,
                \(ddl.schoolKey),
                UNIQUE (school_id, token_hash),
                FOREIGN KEY (school_id, account_id) REFERENCES accounts (school_id, id)
            )
            """,
            "CREATE INDEX sessions_account ON sessions (school_id, account_id, ended_at)",
            """
            CREATE TABLE sign_in_throttle (
                throttle_key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                window_started_at TEXT NOT NULL,
                last_failure_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE security_events (
                \(ddl.globalID),
                school_id BIGINT REFERENCES schools (id),
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                account_id BIGINT,
                login TEXT,
                client_address TEXT,
                detail TEXT
            )
            """,
            "CREATE INDEX sign_in_throttle_window ON sign_in_throttle (window_started_at)",
            "CREATE INDEX security_events_school ON security_events (school_id, at)",
        ] + ddl.appendOnly("security_events")
    }
}
