import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Sign-in for programs and mobile apps: a bearer token from the same `SignInService` (limiter, second factor) as
/// the form.
struct AuthAPIController: Sendable {
    let service: SignInService
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/auth/token") { request, context in try await issue(request, context) }
        router.delete("/api/v1/auth/token") { _, context in try await revoke(context) }
        router.get("/api/v1/me") { _, context in try await me(context) }
    }

    struct TokenRequest: Decodable {
        let login: String?
        let password: String?
        let otp: String?
    }

    struct User: ResponseEncodable {
        let id: Int
        let accountId: Int
        let schoolId: Int
        let login: String
        let fullName: String
        let roles: [String]
    }

    struct TokenResponse: ResponseEncodable {
        let token: String
        let expiresAt: String
        let user: User
    }

    func issue(_ request: Request, _ context: AppRequestContext) async throws -> TokenResponse {
        let body: TokenRequest
        do {
            body = try await request.decode(as: TokenRequest.self, context: context)
        } catch {
            throw AppError.badRequest("bad_request", "Ожидается JSON: {\"login\": \"…\", \"password\": \"…\", \"otp\": \"…\"}.")
        }
        guard let login = body.login.trimmed, let password = body.password, !password.isEmpty else {
            throw AppError.invalid("missing_credentials", "Нужны поля login и password.")
        }
        let success = try await service.signIn(
            login: login,
            password: password,
            otp: body.otp,
            kind: .api,
            client: .init(address: context.clientAddress, userAgent: request.headers[.userAgent])
        )
        let account = success.account
        return TokenResponse(
            token: success.token.text,
            expiresAt: Timestamp.string(success.expiresAt),
            user: User(
                id: account.personID,
                accountId: account.accountID,
                schoolId: account.schoolID,
                login: account.login,
                fullName: account.fullName,
                roles: Role.allCases.filter(account.roles.contains).map(\.rawValue)
            )
        )
    }

    func revoke(_ context: AppRequestContext) async throws -> Response {
        guard let session = context.session, session.kind == .api else { throw AppError.invalidToken }
        _ = try await database.write { sql in
            try await SessionStore.endLogged(session, reason: .signedOut, clientAddress: context.clientAddress, now: clock(), in: sql)
        }
        return Response(status: .noContent)
    }

    func me(_ context: AppRequestContext) async throws -> User {
        let actor = try context.requireActor()
        let session = try await access.requireOwn(.read, context: context, path: "/api/v1/me")
        return User(
            id: actor.personID,
            accountId: actor.accountID,
            schoolId: actor.schoolID,
            login: session.login,
            fullName: session.fullName,
            roles: Role.allCases.filter(actor.roles.contains).map(\.rawValue)
        )
    }
}
