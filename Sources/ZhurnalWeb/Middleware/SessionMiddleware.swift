import Foundation
import HTTPTypes
import Hummingbird
import ZhurnalCore
import ZhurnalStore

/// Finds the session of a request (the cookie for pages, `Authorization: Bearer` for programs) and checks it against
/// the database every time: an ended, idle or expired session, or a deactivated account, fails at the very next
/// request. A session that has not finished signing in opens only the page of its stage.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let database: Database
    let clock: @Sendable () -> Date
    let cookie: SessionCookie
    let trustProxy: Bool

    /// `last_seen_at` is rewritten at most this often, so reading pages costs no write.
    static let touchInterval: TimeInterval = 60

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The stylesheet and the health check are the same for everyone: no session lookup for them.
        let path = request.uri.path
        if path.hasPrefix("/static/") || path == "/healthz" { return try await next(request, context) }
        var context = context
        context.clientAddress = clientAddress(of: request, peer: context.peerAddress)
        context.anonymousToken = request.cookies[cookie.anonymousName]?.value
        let now = clock()

        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "), let token = SessionToken(String(authorization.dropFirst(7))) else {
                throw AppError.invalidToken
            }
            guard let session = try await open(token, kind: .api, now: now, context: context) else { throw AppError.invalidToken }
            context.session = session
        } else if let value = request.cookies[cookie.sessionName]?.value, let token = SessionToken(value) {
            context.session = try await open(token, kind: .browser, now: now, context: context)
        }

        if let session = context.session, session.stage != .active, !StagePages.allows(request.uri.path, in: session.stage) {
            if ErrorMiddleware<Context>.wantsJSON(request) { throw AppError.signInIncomplete }
            return .redirect(to: StagePages.page(of: session.stage), type: .normal)
        }
        return try await next(request, context)
    }

    /// The session if it is still good; otherwise ends it (with its reason in the security log) and returns nil.
    private func open(_ token: SessionToken, kind: SessionKind, now: Date, context: Context) async throws -> SessionRecord? {
        guard let session = try await database.read({ try await SessionStore.find(token, in: $0) }),
            session.endedAt == nil, session.kind == kind
        else { return nil }
        if let reason = session.endReason(at: now) {
            _ = try await database.write { sql in
                try await SessionStore.endLogged(session, reason: reason, clientAddress: context.clientAddress, now: now, in: sql)
            }
            return nil
        }
        if let seen = Timestamp.date(session.lastSeenAt), now.timeIntervalSince(seen) >= Self.touchInterval {
            try await database.write { try await SessionStore.touch(school: session.schoolID, session: session.id, now: now, in: $0) }
        }
        return session
    }

    private func clientAddress(of request: Request, peer: String?) -> String? {
        if trustProxy, let forwarded = request.headers[.xForwardedFor] {
            // The proxy appends the address it saw last; earlier entries are whatever the client claimed.
            let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) }
            if let last, !last.isEmpty { return String(last.prefix(64)) }
        }
        return peer
    }
}

/// The one page each unfinished sign-in stage may open (and its form's target), besides signing out and static files.
enum StagePages {
    static func page(of stage: SignInStage) -> String {
        switch stage {
        case .secondFactor: "/login/second-factor"
        case .passwordChange: "/password"
        case .enrolSecondFactor: "/account/second-factor"
        case .active: "/"
        }
    }

    static func allows(_ path: String, in stage: SignInStage) -> Bool {
        path == page(of: stage) || path == "/logout" || path.hasPrefix("/static/") || path == "/healthz"
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
    static let xCSRFToken = Self("X-CSRF-Token")!
    static let origin = Self("Origin")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
