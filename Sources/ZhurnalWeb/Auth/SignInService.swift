import Foundation
import NIOPosix
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// Checks a login and a password for every path that creates a session — the form and the token API — with the same
/// limiter, the same answer for an unknown login and a wrong password, and a bcrypt comparison in both cases so
/// that the time does not tell them apart either.
struct SignInService: Sendable {
    let database: Database
    let clock: @Sendable () -> Date
    let hasher: PasswordHasher
    /// A hash of nothing anyone knows, compared against when the login is unknown.
    let decoyHash: String

    init(database: Database, clock: @escaping @Sendable () -> Date, hasher: PasswordHasher) {
        self.database = database
        self.clock = clock
        self.hasher = hasher
        self.decoyHash = hasher.hash(RandomText.urlSafe(bytes: 24))
    }

    struct Client: Sendable {
        let address: String?
        let userAgent: String?
    }

    struct Success: Sendable {
        let token: SessionToken
        let account: SignInAccount
        let stage: SignInStage
        let expiresAt: Date
    }

    /// Signs in. A browser session may start in an unfinished stage; a program gets a token only for a complete
    /// sign-in (second factor in `otp`, no pending password change or enrolment).
    func signIn(login rawLogin: String, password: String, otp: String?, kind: SessionKind, client: Client) async throws -> Success {
        let login = rawLogin.trimmingCharacters(in: .whitespaces).lowercased()
        guard !login.isEmpty, !password.isEmpty else { throw AppError.invalid("missing_credentials", "Введите логин и пароль.") }
        let keys = Self.keys(login: login, client: client)
        let now = clock()
        let account = try await database.read { try await SignInAccount.find(login: login, in: $0) }
        try await beginAttempt(keys, account: account, login: login, client: client)

        let matches = try await verify(password, against: account?.passwordHash ?? decoyHash)
        guard let account, matches, account.deactivatedAt == nil else {
            let detail = account == nil ? "unknown login" : (matches ? "deactivated" : "wrong password")
            try await log(.signInFailed, account: account, login: login, client: client, detail: detail)
            throw AppError.invalidCredentials
        }
        // The password was right: whatever happens next, this attempt was no guess.
        let usesInitialPassword = account.initialPasswordExpiresAt != nil
        if usesInitialPassword {
            if account.initialPasswordUsedAt != nil {
                try await refuse(keys, account: account, client: client, detail: "initial password reused")
                throw AppError.initialPasswordUsed
            }
            if let expiry = account.initialPasswordExpiresAt, Timestamp.string(now) >= expiry {
                try await refuse(keys, account: account, client: client, detail: "initial password expired")
                throw AppError.initialPasswordExpired
            }
        }

        var secondFactorDone = false
        if kind == .api {
            if account.totpEnabled {
                guard let otp, !otp.isEmpty else {
                    try await refuse(keys, account: account, client: client, detail: nil)
                    throw AppError.otpRequired
                }
                // A wrong code keeps this attempt's count: guessing codes is guessing.
                guard try await acceptSecondFactor(otp, account: account, now: now, client: client) else {
                    try await log(.secondFactorFailed, account: account, login: login, client: client, detail: "token API")
                    throw AppError.otpInvalid
                }
                secondFactorDone = true
            }
            switch SignInStage.next(for: account.state, done: secondFactorDone ? [.secondFactor] : []) {
            case .passwordChange:
                try await refuse(keys, account: account, client: client, detail: nil)
                throw AppError.passwordChangeRequired
            case .enrolSecondFactor:
                try await refuse(keys, account: account, client: client, detail: nil)
                throw AppError.secondFactorEnrolmentRequired
            case .secondFactor, .active: break
            }
        }
        let stage = SignInStage.next(for: account.state, done: secondFactorDone ? [.secondFactor] : [])
        let limits = try await database.read { try await SchoolSessionPolicy.load(school: account.schoolID, in: $0) }
            .limits(for: account.roles)
        let token = try await database.write { sql in
            try await settle(keys, passedSecondFactor: stage != .secondFactor, in: sql)
            // Checked again under the write lock: two sign-ins racing with one slip cannot both get in.
            if usesInitialPassword,
                try await !AccountStore.markInitialPasswordUsed(school: account.schoolID, account: account.accountID, now: now, in: sql)
            {
                throw AppError.initialPasswordUsed
            }
            try await SecurityLog.record(
                SecurityEvent(
                    schoolID: account.schoolID,
                    at: now,
                    kind: .signIn,
                    accountID: account.accountID,
                    login: login,
                    clientAddress: client.address,
                    detail: kind.rawValue + (stage == .active ? "" : ", then \(stage.rawValue)")
                ),
                in: sql
            )
            return try await SessionStore.create(
                account: account,
                kind: kind,
                stage: stage,
                secondFactorDone: secondFactorDone,
                limits: limits,
                now: now,
                clientAddress: client.address,
                userAgent: client.userAgent,
                in: sql
            )
        }
        return Success(token: token, account: account, stage: stage, expiresAt: now.addingTimeInterval(Double(limits.absoluteSeconds)))
    }

    static func keys(login: String, client: Client) -> [SignInThrottle.Key] {
        [.login(login)] + (client.address.map { [SignInThrottle.Key.address($0)] } ?? [])
    }

    /// Counts the attempt before anything is checked, or refuses it when the keys are still slowed. Refusals are
    /// not logged one by one — only the failure that starts the delays is — so a flood of refused attempts writes
    /// nothing.
    func beginAttempt(_ keys: [SignInThrottle.Key], account: SignInAccount?, login: String, client: Client) async throws {
        let now = clock()
        let early = try await database.read { try await SignInThrottle.wait(for: keys, now: now, in: $0) }
        if early > 0 { throw AppError.throttled(seconds: early) }
        let attempt = try await database.write { sql in
            let attempt = try await SignInThrottle.begin(keys, now: now, in: sql)
            if !attempt.startedDelaying.isEmpty {
                try await SecurityLog.record(
                    SecurityEvent(
                        schoolID: account?.schoolID,
                        at: now,
                        kind: .throttled,
                        accountID: account?.accountID,
                        login: Self.logged(login, account: account),
                        clientAddress: client.address,
                        detail: attempt.startedDelaying.map { $0.text.hasPrefix("login:") ? "login" : "address" }
                            .joined(separator: ", ") + " delayed from now on"
                    ),
                    in: sql
                )
            }
            return attempt
        }
        if attempt.wait > 0 { throw AppError.throttled(seconds: attempt.wait) }
    }

    /// A right password (or code): the address gets its count back; the login's failures are forgotten once the
    /// person is all the way in, and until then only this attempt's count is returned — so a known password does
    /// not reset the count of guessed second-factor codes.
    func settle(_ keys: [SignInThrottle.Key], passedSecondFactor: Bool, in sql: any SQLDatabase) async throws {
        for key in keys {
            if passedSecondFactor, key.rule == .perAccount {
                try await SignInThrottle.clear(key, in: sql)
            } else {
                try await SignInThrottle.refund(key, in: sql)
            }
        }
    }

    /// The password was right but no session follows: the count goes back, and the reason is logged.
    private func refuse(_ keys: [SignInThrottle.Key], account: SignInAccount, client: Client, detail: String?) async throws {
        try await database.write { sql in
            try await settle(keys, passedSecondFactor: false, in: sql)
            if let detail {
                try await SecurityLog.record(
                    SecurityEvent(
                        schoolID: account.schoolID,
                        at: clock(),
                        kind: .signInFailed,
                        accountID: account.accountID,
                        login: account.login,
                        clientAddress: client.address,
                        detail: detail
                    ),
                    in: sql
                )
            }
        }
    }

    /// A six-digit code for a later step than the last accepted one, or an unused recovery code. Consumes what it
    /// accepts in the same statement that checks it, so two requests cannot both use one code.
    func acceptSecondFactor(_ code: String, account: SignInAccount, now: Date, client: Client) async throws -> Bool {
        if RecoveryCodes.looksLikeRecoveryCode(code) {
            return try await database.write { sql in
                guard try await AccountStore.useRecoveryCode(code, school: account.schoolID, account: account.accountID, now: now, in: sql)
                else { return false }
                try await SecurityLog.record(
                    SecurityEvent(
                        schoolID: account.schoolID,
                        at: now,
                        kind: .recoveryCodeUsed,
                        accountID: account.accountID,
                        login: account.login,
                        clientAddress: client.address
                    ),
                    in: sql
                )
                return true
            }
        }
        guard let secret = account.totpSecret,
            let step = SecondFactor.acceptedStep(code: code, secret: secret, now: now, lastStep: account.totpLastStep)
        else { return false }
        return try await database.write { sql in
            try await AccountStore.advanceTOTPStep(school: account.schoolID, account: account.accountID, to: step, in: sql)
        }
    }

    /// What the log keeps of a login typed at sign-in: a known login whole; of an unknown one only its first two
    /// characters and its length, since people type their password into the login field by mistake.
    static func logged(_ login: String, account: SignInAccount?) -> String {
        if let account { return account.login }
        return String(login.prefix(2)) + "…(\(login.count))"
    }

    func log(_ kind: SecurityEventKind, account: SignInAccount?, login: String, client: Client, detail: String) async throws {
        try await database.write { sql in
            try await SecurityLog.record(
                SecurityEvent(
                    schoolID: account?.schoolID,
                    at: clock(),
                    kind: kind,
                    accountID: account?.accountID,
                    login: Self.logged(login, account: account),
                    clientAddress: client.address,
                    detail: detail
                ),
                in: sql
            )
        }
    }

    /// bcrypt takes tens of milliseconds of CPU: it runs on NIO's thread pool, not on the tasks serving requests.
    func verify(_ password: String, against hash: String) async throws -> Bool {
        let hasher = hasher
        return try await NIOThreadPool.singleton.runIfActive { hasher.verify(password, against: hash) }
    }

    func hash(_ password: String) async throws -> String {
        let hasher = hasher
        return try await NIOThreadPool.singleton.runIfActive { hasher.hash(password) }
    }
}
