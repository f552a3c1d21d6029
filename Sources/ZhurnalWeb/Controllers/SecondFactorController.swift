import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalQR
import ZhurnalStore

/// Enrolling a second factor: the secret as a QR code drawn here (SVG) and as text for manual entry, a code from the
/// app to confirm it, then ten recovery codes shown once. Administrators cannot use the journal before this.
struct SecondFactorController: Sendable {
    let database: Database
    let pages: PageRenderer
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
        let manualKey: String
        let qrSVG: String
        let error: String?
        let recoveryCodes: [String]
        /// Stored, not computed: Mustache reads a page's stored properties only.
        let showsRecoveryCodes: Bool
    }

    struct CodeForm: Decodable {
        let code: String?
    }

    func page(_ context: AppRequestContext, error: AppError?) async throws -> Response {
        guard let session = context.session, session.stage == .active || session.stage == .enrolSecondFactor else {
            throw AppError.signInRequired
        }
        guard let account = try await database.read({ try await SignInAccount.find(school: session.schoolID, account: session.accountID, in: $0) })
        else { throw AppError.signInRequired }
        if account.totpEnabled {
            return pages.page("enrol-second-factor", enrolPage(context, session, enabled: true, secret: nil, account: account, error: nil))
        }
        // The secret waits in the account until a code confirms it; reloading the page keeps the same one.
        let secret = account.totpSecret ?? SecondFactor.generateSecret()
        if account.totpSecret == nil {
            try await database.write {
                try await AccountStore.setPendingSecret(school: session.schoolID, account: session.accountID, secret: secret, in: $0)
            }
        }
        return pages.page(
            "enrol-second-factor",
            enrolPage(context, session, enabled: false, secret: secret, account: account, error: error),
            status: error?.status ?? .ok
        )
    }

    private func enrolPage(
        _ context: AppRequestContext,
        _ session: SessionRecord,
        enabled: Bool,
        secret: String?,
        account: SignInAccount,
        error: AppError?,
        recoveryCodes: [String] = []
    ) -> EnrolPage {
        let uri = secret.map { SecondFactor.provisioningURI(secret: $0, login: account.login, issuer: Self.issuer) }
        let svg = uri.flatMap { try? QRCode(text: $0).svg(moduleSize: 5, label: "QR-код для приложения-аутентификатора") } ?? ""
        return EnrolPage(
            chrome: Chrome(context),
            csrf: session.csrfToken,
            enabled: enabled,
            required: account.state.requiresSecondFactor,
            manualKey: secret.map(SecondFactor.manualEntryKey) ?? "",
            qrSVG: svg,
            error: error?.message,
            recoveryCodes: recoveryCodes,
            showsRecoveryCodes: !recoveryCodes.isEmpty
        )
    }

    func confirm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let session = context.session, session.stage == .active || session.stage == .enrolSecondFactor else {
            throw AppError.signInRequired
        }
        let code = try await request.form(CodeForm.self, context: context).code.trimmed ?? ""
        guard let account = try await database.read({ try await SignInAccount.find(school: session.schoolID, account: session.accountID, in: $0) })
        else { throw AppError.signInRequired }
        guard !account.totpEnabled, let secret = account.totpSecret else { return .redirect(to: "/account/second-factor") }
        let now = clock()
        guard let step = SecondFactor.acceptedStep(code: code, secret: secret, now: now, lastStep: nil) else {
            return try await page(
                context,
                error: .invalid("otp_invalid", "Код не подошёл. Проверьте время на телефоне и введите новый код из приложения.")
            )
        }
        let codes = RecoveryCodes.generate()
        try await database.write { sql in
            try await AccountStore.enableSecondFactor(
                school: session.schoolID,
                account: session.accountID,
                step: step,
                recoveryCodes: codes,
                now: now,
                in: sql
            )
            if session.stage == .enrolSecondFactor {
                try await SessionStore.setStage(school: session.schoolID, session: session.id, stage: .active, secondFactorDone: true, in: sql)
            }
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
        }
        var page = enrolPage(context, session, enabled: true, secret: nil, account: account, error: nil, recoveryCodes: codes)
        if session.stage == .enrolSecondFactor {
            // The navigation appears now that the session is complete.
            var completed = context
            completed.session = try await database.read { sql in
                try await SessionStore.find(id: session.id, school: session.schoolID, in: sql)
            }
            page = enrolPage(completed, session, enabled: true, secret: nil, account: account, error: nil, recoveryCodes: codes)
        }
        return pages.page("enrol-second-factor", page)
    }
}
