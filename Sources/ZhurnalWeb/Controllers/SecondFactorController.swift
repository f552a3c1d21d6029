import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalQR
import ZhurnalStore

/// Enrolling a second factor: the secret as a QR code drawn here (SVG) and as text for manual entry, a code from the
/// app (and, in an ordinary session, the current password) to confirm it, then ten recovery codes shown once.
/// Administrators cannot use the journal before this.
///
/// The secret being enrolled is kept on the session, not the account: someone who opens this page at another
/// person's unlocked computer sees a secret that dies with that session, never the one the owner will use.
struct SecondFactorController: Sendable {
    let service: SignInService
    let database: Database
    let access: Access
    let pages: PageRenderer
    let cookie: SessionCookie
    let clock: @Sendable () -> Date

    static let issuer = "Zhurnal"

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/account/second-factor") { _, context in try await page(context, error: nil) }
        router.post("/account/second-factor") { request, context in try await confirm(request, context) }
    }

    struct EnrolPage: PageContext {
        let title = "Второй фактор"
        let chrome: Chrome?
        let csrf: String
        let enabled: Bool
        let required: Bool
        /// An ordinary session confirms with the current password too; the enrolment stage right after sign-in has
        /// just proved it.
        let asksPassword: Bool
        let manualKey: String
        let qrSVG: String
        let error: String?
        let recoveryCodes: [String]
        /// Stored, not computed: Mustache reads a page's stored properties only.
        let showsRecoveryCodes: Bool
    }

    struct ConfirmForm: Decodable {
        let code: String?
        let current: String?
    }

    func page(_ context: AppRequestContext, error: AppError?) async throws -> Response {
        let (session, account) = try await sessionAndAccount(context)
        if account.totpEnabled {
            return pages.page("enrol-second-factor", enrolPage(context, session, secret: nil, account: account, error: nil))
        }
        // Reloading the page keeps the secret, so that a half-scanned code stays valid.
        let secret = session.pendingTOTPSecret ?? SecondFactor.generateSecret()
        if session.pendingTOTPSecret == nil {
            try await database.write { sql in
                try await SessionStore.setPendingSecret(school: session.schoolID, session: session.id, secret: secret, in: sql)
            }
        }
        return pages.page(
            "enrol-second-factor",
            enrolPage(context, session, secret: secret, account: account, error: error),
            status: error?.status ?? .ok
        )
    }

    func confirm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (session, account) = try await sessionAndAccount(context)
        let form = try await request.form(ConfirmForm.self, context: context)
        guard !account.totpEnabled, let secret = session.pendingTOTPSecret else { return .redirect(to: "/account/second-factor") }
        if session.stage == .active {
            let keys = SignInService.keys(login: account.login, client: .init(address: context.clientAddress, userAgent: nil))
            do {
                try await service.beginAttempt(
                    keys,
                    account: account,
                    login: account.login,
                    client: .init(address: context.clientAddress, userAgent: nil)
                )
            } catch let error as AppError {
                return try await page(context, error: error)
            }
            guard let current = form.current, !current.isEmpty, try await service.verify(current, against: account.passwordHash) else {
                return try await page(context, error: .invalid("wrong_current_password", "Текущий пароль введён неверно."))
            }
            try await database.write { try await service.settle(keys, passedSecondFactor: false, in: $0) }
        }
        let now = clock()
        guard let step = SecondFactor.acceptedStep(code: form.code.trimmed ?? "", secret: secret, now: now, lastStep: nil) else {
            return try await page(
                context,
                error: .invalid("otp_invalid", "Код не подошёл. Проверьте время на телефоне и введите новый код из приложения.")
            )
        }
        let codes = RecoveryCodes.generate()
        let token = try await database.write { sql -> SessionToken? in
            guard
                try await AccountStore.enableSecondFactor(
                    school: session.schoolID,
                    account: session.accountID,
                    secret: secret,
                    step: step,
                    recoveryCodes: codes,
                    now: now,
                    in: sql
                )
            else { return nil }
            try await SecurityLog.record(
                SecurityEvent(
                    schoolID: session.schoolID,
                    at: now,
                    kind: .secondFactorEnabled,
                    accountID: session.accountID,
                    login: session.login,
                    clientAddress: context.clientAddress
                ),
                in: sql
            )
            // More rights (an administrator's whole journal) come with a new session id.
            return try await SessionStore.rotate(session, stage: .active, secondFactorDone: true, now: now, in: sql)
        }
        guard let token else { return .redirect(to: "/account/second-factor") }
        var completed = context
        completed.session = try await database.read { try await SessionStore.find(token, in: $0) }
        let enrolled = EnrolPage(
            chrome: Chrome(completed),
            csrf: completed.session?.csrfToken ?? "",
            enabled: true,
            required: account.state.requiresSecondFactor,
            asksPassword: false,
            manualKey: "",
            qrSVG: "",
            error: nil,
            recoveryCodes: codes,
            showsRecoveryCodes: true
        )
        var response = pages.page("enrol-second-factor", enrolled)
        response.setCookie(cookie.session(token))
        return response
    }

    private func sessionAndAccount(_ context: AppRequestContext) async throws -> (SessionRecord, SignInAccount) {
        let session = try await access.requireOwn(.manageOwnCredentials, context: context, path: "/account/second-factor")
        guard session.stage == .active || session.stage == .enrolSecondFactor,
            let account = try await database.read({
                try await SignInAccount.find(school: session.schoolID, account: session.accountID, in: $0)
            })
        else { throw AppError.signInRequired }
        return (session, account)
    }

    private func enrolPage(
        _ context: AppRequestContext,
        _ session: SessionRecord,
        secret: String?,
        account: SignInAccount,
        error: AppError?
    ) -> EnrolPage {
        let uri = secret.map { SecondFactor.provisioningURI(secret: $0, login: account.login, issuer: Self.issuer) }
        let svg = uri.flatMap { try? QRCode(text: $0).svg(moduleSize: 5, label: "QR-код для приложения-аутентификатора") } ?? ""
        return EnrolPage(
            chrome: Chrome(context),
            csrf: session.csrfToken,
            enabled: account.totpEnabled,
            required: account.state.requiresSecondFactor,
            asksPassword: session.stage == .active,
            manualKey: secret.map(SecondFactor.manualEntryKey) ?? "",
            qrSVG: svg,
            error: error?.message,
            recoveryCodes: [],
            showsRecoveryCodes: false
        )
    }
}
