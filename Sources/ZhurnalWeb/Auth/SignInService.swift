import Foundation
import NIOPosix
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
        let keys = [SignInThrottle.Key.login(login)] + (client.address.map { [SignInThrottle.Key.address($0)] } ?? [])
        let now = clock()

        let (wait, account) = try await database.read { sql in
            (try await SignInThrottle.wait(for: keys, now: now, in: sql), try await SignInAccount.find(login: login, in: sql))
        }
        if wait > 0 {
            try await log(.throttled, account: account, login: login, client: client, detail: "wait \(wait)s")
            throw AppError.throttled(seconds: wait)
        }

        let matches = try await verify(password, against: account?.passwordHash ?? decoyHash)
        guard let account, matches, account.deactivatedAt == nil else {
            let detail = account == nil ? "unknown login" : (matches ? "deactivated" : "wrong password")
            try await fail(keys: keys, account: account, login: login, client: client, detail: detail)
            throw AppError.invalidCredentials
        }
        let usesInitialPassword = account.initialPasswordExpiresAt != nil
        if usesInitialPassword {
            if account.initialPasswordUsedAt != nil {
                try await log(.signInFailed, account: account, login: login, client: client, detail: "initial password reused")
                throw AppError.initialPasswordUsed
            }
            if let expiry = account.initialPasswordExpiresAt, Timestamp.string(now) >= expiry {
                try await log(.signInFailed, account: account, login: login, client: client, detail: "initial password expired")
                throw AppError.initialPasswordExpired
            }
        }

        var secondFactorDone = false
        if kind == .api {
            if account.totpEnabled {
                guard let otp, !otp.isEmpty else { throw AppError.otpRequired }
                guard try await acceptSecondFactor(otp, account: account, now: now, client: client) else {
                    try await fail(keys: keys, account: account, login: login, client: client, detail: "wrong second factor")
                    throw AppError.otpInvalid
                }
                secondFactorDone = true
            }
            switch SignInStage.next(for: account.state, done: secondFactorDone ? [.secondFactor] : []) {
            case .passwordChange: throw AppError.passwordChangeRequired
            case .enrolSecondFactor: throw AppError.secondFactorEnrolmentRequired
            case .secondFactor, .active: break
            }
        }
        let stage = SignInStage.next(for: account.state, done: secondFactorDone ? [.secondFactor] : [])
        let limits = try await database.read { try await SchoolSessionPolicy.load(school: account.schoolID, in: $0) }
            .limits(for: account.roles)
        let token = try await database.write { sql in
            try await SignInThrottle.clear(.login(login), in: sql)
            if usesInitialPassword {
                try await AccountStore.markInitialPasswordUsed(school: account.schoolID, account: account.accountID, now: now, in: sql)
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

    /// Counts a failure under every key and logs it.
    func fail(keys: [SignInThrottle.Key], account: SignInAccount?, login: String, client: Client, detail: String) async throws {
        try await database.write { sql in
            try await SignInThrottle.recordFailure(for: keys, now: clock(), in: sql)
            try await SecurityLog.record(
                SecurityEvent(
                    schoolID: account?.schoolID,
                    at: clock(),
                    kind: detail == "wrong second factor" ? .secondFactorFailed : .signInFailed,
                    accountID: account?.accountID,
                    login: Self.logged(login, account: account),
                    clientAddress: client.address,
                    detail: detail
                ),
                in: sql
            )
        }
    }

    private func log(_ kind: SecurityEventKind, account: SignInAccount?, login: String, client: Client, detail: String) async throws {
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
