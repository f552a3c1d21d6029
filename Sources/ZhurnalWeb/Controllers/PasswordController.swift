import Foundation
import HTTPTypes
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Changing one's password: forced after signing in with an initial password, voluntary otherwise (then the
/// current password is asked). Every session of the account ends, and this browser gets a new one.
struct PasswordController: Sendable {
    let service: SignInService
    let database: Database
    let access: Access
    let pages: PageRenderer
    let cookie: SessionCookie
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/password") { _, context in
            try await access.requireOwn(.manageOwnCredentials, context: context, path: "/password")
            return try page(context, error: nil)
        }
        router.post("/password") { request, context in try await change(request, context) }
    }

    struct PasswordPage: PageContext {
        let title: String
        let chrome: Chrome?
        let csrf: String
        let forced: Bool
        let error: String?
        let minimumLength = PasswordRules.minimumLength
    }

    struct PasswordForm: Decodable {
        let current: String?
        let password: String?
        let repeated: String?
    }

    func page(_ context: AppRequestContext, error: AppError?) throws -> Response {
        guard let session = context.session else { throw AppError.signInRequired }
        let forced = session.stage == .passwordChange
        return pages.page(
            "password",
            PasswordPage(
                title: forced ? "Придумайте свой пароль" : "Смена пароля",
                chrome: Chrome(context),
                csrf: session.csrfToken,
                forced: forced,
                error: error?.message
            ),
            status: error?.status ?? .ok
        )
    }

    func change(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let session = try await access.requireOwn(.manageOwnCredentials, context: context, path: "/password")
        guard session.stage == .passwordChange || session.stage == .active else { throw AppError.signInRequired }
        let form = try await request.form(PasswordForm.self, context: context)
        do {
            let next = try await changePassword(session: session, form: form, context: context, userAgent: request.headers[.userAgent])
            var response = Response.redirect(to: StagePages.page(of: next.stage))
            response.setCookie(cookie.session(next.token))
            return response
        } catch let error as AppError {
            return try page(context, error: error)
        }
    }

    /// Checks, stores and logs the new password; ends every session of the account and opens a new one here.
    func changePassword(
        session: SessionRecord,
        form: PasswordForm,
        context: AppRequestContext,
        userAgent: String?
    ) async throws -> (token: SessionToken, stage: SignInStage) {
        guard
            let account = try await database.read({
                try await SignInAccount.find(school: session.schoolID, account: session.accountID, in: $0)
            })
        else { throw AppError.signInRequired }
        let password = form.password ?? ""
        if session.stage == .active {
            // Someone at another person's open session could otherwise guess the current password at bcrypt's pace.
            let client = SignInService.Client(address: context.clientAddress, userAgent: userAgent)
            let keys = SignInService.keys(login: account.login, client: client)
            try await service.beginAttempt(keys, account: account, login: account.login, client: client)
            guard let current = form.current, !current.isEmpty, try await service.verify(current, against: account.passwordHash) else {
                throw AppError.invalid("wrong_current_password", "Текущий пароль введён неверно.")
            }
            try await database.write { try await service.settle(keys, passedSecondFactor: false, in: $0) }
        }
        guard password == (form.repeated ?? "") else {
            throw AppError.invalid("passwords_differ", "Пароль и его повтор не совпадают.")
        }
        let words = try await database.read { try await SchoolWords.load(school: session.schoolID, in: $0) }
        let personal = [account.login] + account.fullName.split(separator: " ").map(String.init)
        if let problem = PasswordRules(schoolWords: words).problem(with: password, personalWords: personal) {
            throw AppError.invalid(problem.code, problem.message)
        }
        if try await service.verify(password, against: account.passwordHash) {
            throw AppError.invalid("password_unchanged", "Новый пароль совпадает с прежним. Придумайте другой.")
        }
        let hash = try await service.hash(password)
        let now = clock()
        let limits = try await database.read { try await SchoolSessionPolicy.load(school: account.schoolID, in: $0) }
            .limits(for: account.roles)
        let changed = AccountState(
            roles: account.roles,
            mustChangePassword: false,
            hasSecondFactor: account.totpEnabled,
            secondFactorWaived: account.secondFactorWaived
        )
        let stage = SignInStage.next(for: changed, done: session.secondFactorDone ? [.secondFactor] : [])
        let token = try await database.write { sql in
            try await AccountStore.setPassword(school: account.schoolID, account: account.accountID, hash: hash, now: now, in: sql)
            try await SessionStore.endAll(school: account.schoolID, account: account.accountID, reason: .passwordChanged, now: now, in: sql)
            try await SecurityLog.record(
                SecurityEvent(
                    schoolID: account.schoolID,
                    at: now,
                    kind: .passwordChanged,
                    accountID: account.accountID,
                    login: account.login,
                    clientAddress: context.clientAddress
                ),
                in: sql
            )
            return try await SessionStore.create(
                account: account,
                kind: .browser,
                stage: stage,
                secondFactorDone: session.secondFactorDone,
                limits: limits,
                now: now,
                clientAddress: context.clientAddress,
                userAgent: userAgent,
                in: sql
            )
        }
        return (token, stage)
    }
}
