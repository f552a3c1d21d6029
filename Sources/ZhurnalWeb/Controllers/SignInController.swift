import Foundation
import HTTPTypes
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Sign-in, its second-factor step and sign-out, as pages. The token API (`AuthAPIController`) goes through the same
/// `SignInService`.
struct SignInController: Sendable {
    let service: SignInService
    let database: Database
    let pages: PageRenderer
    let cookie: SessionCookie
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/login") { request, context in try await loginPage(request, context) }
        router.post("/login") { request, context in try await signIn(request, context) }
        router.get("/login/second-factor") { _, context in try secondFactorPage(context, error: nil) }
        router.post("/login/second-factor") { request, context in try await secondFactor(request, context) }
        router.post("/logout") { _, context in try await signOut(context) }
    }

    struct LoginPage: PageContext {
        let title = "Вход"
        let chrome: Chrome?
        let csrf: String
        let login: String
        let next: String
        let error: String?
    }

    struct LoginForm: Decodable {
        let login: String?
        let password: String?
        let next: String?
    }

    func loginPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        if context.actor != nil { return .redirect(to: "/") }
        var context = context
        let token = context.anonymousToken ?? RandomText.urlSafe(bytes: 32)
        context.anonymousToken = token
        let next = SignInRedirect.safeDestination(request.uri.queryParameters["next"].map(String.init))
        var response = pages.page(
            "login",
            LoginPage(chrome: Chrome(context), csrf: token, login: "", next: next, error: nil)
        )
        response.setCookie(cookie.anonymous(token))
        return response
    }

    func signIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await request.form(LoginForm.self, context: context)
        let next = SignInRedirect.safeDestination(form.next)
        do {
            let success = try await service.signIn(
                login: form.login ?? "",
                password: form.password ?? "",
                otp: nil,
                kind: .browser,
                client: .init(address: context.clientAddress, userAgent: request.headers[.userAgent])
            )
            // A new id at sign-in: whatever session this browser had before ends now.
            if let old = context.session {
                _ = try await database.write { sql in
                    try await SessionStore.end(school: old.schoolID, session: old.id, reason: .signedOut, now: clock(), in: sql)
                }
            }
            var response = Response.redirect(to: success.stage == .active ? next : StagePages.page(of: success.stage))
            response.setCookie(cookie.session(success.token))
            return response
        } catch let error as AppError {
            let page = LoginPage(
                chrome: Chrome(context),
                csrf: context.anonymousToken ?? "",
                login: form.login ?? "",
                next: next,
                error: error.message
            )
            var response = pages.page("login", page, status: error.status)
            if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
            return response
        }
    }

    struct SecondFactorPage: PageContext {
        let title = "Код второго фактора"
        let chrome: Chrome?
        let csrf: String
        let error: String?
    }

    struct CodeForm: Decodable {
        let code: String?
    }

    func secondFactorPage(_ context: AppRequestContext, error: AppError?, status: HTTPResponse.Status = .ok) throws -> Response {
        guard let session = context.session, session.stage == .secondFactor else { return .redirect(to: "/") }
        return pages.page(
            "second-factor",
            SecondFactorPage(chrome: Chrome(context), csrf: session.csrfToken, error: error?.message),
            status: error?.status ?? status
        )
    }

    func secondFactor(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let session = context.session, session.stage == .secondFactor else { return .redirect(to: "/") }
        let code = try await request.form(CodeForm.self, context: context).code.trimmed ?? ""
        guard
            let account = try await database.read({
                try await SignInAccount.find(school: session.schoolID, account: session.accountID, in: $0)
            })
        else { throw AppError.signInRequired }
        let client = SignInService.Client(address: context.clientAddress, userAgent: request.headers[.userAgent])
        // Codes are guessed like passwords: the same limiter, counted before the code is checked.
        let keys = SignInService.keys(login: session.login, client: client)
        do {
            try await service.beginAttempt(keys, account: account, login: session.login, client: client)
        } catch let error as AppError {
            return try secondFactorPage(context, error: error)
        }
        guard !code.isEmpty, try await service.acceptSecondFactor(code, account: account, now: clock(), client: client) else {
            try await service.log(.secondFactorFailed, account: account, login: session.login, client: client, detail: "sign-in form")
            return try secondFactorPage(context, error: .otpInvalid)
        }
        let stage = SignInStage.next(for: account.state, done: [.secondFactor])
        let token = try await database.write { sql in
            try await service.settle(keys, passedSecondFactor: true, in: sql)
            return try await SessionStore.rotate(session, stage: stage, secondFactorDone: true, now: clock(), in: sql)
        }
        var response = Response.redirect(to: StagePages.page(of: stage))
        response.setCookie(cookie.session(token))
        return response
    }

    func signOut(_ context: AppRequestContext) async throws -> Response {
        if let session = context.session {
            _ = try await database.write { sql in
                try await SessionStore.endLogged(session, reason: .signedOut, clientAddress: context.clientAddress, now: clock(), in: sql)
            }
        }
        var response = Response.redirect(to: "/login")
        response.setCookie(cookie.cleared)
        return response
    }
}
