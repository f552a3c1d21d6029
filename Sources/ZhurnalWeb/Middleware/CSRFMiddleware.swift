import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import ZhurnalStore

/// Refuses a state-changing request that a page of this site did not send (SECURITY.md: CSRF token or Origin check
/// on every state change). Two checks, both required: the browser's own word (`Origin`, `Sec-Fetch-Site`) when it
/// gives one, and the token — the session's for a signed-in person, the pre-session cookie's on the sign-in form —
/// in the `_csrf` field of a form (the first field of an upload form, see ``MultipartCSRF``) or the `X-CSRF-Token`
/// header. Programs that send a bearer token carry no cookie a
/// forger could borrow, so they need neither.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let field = "_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.changesState(request.method), request.headers[.authorization] == nil else {
            return try await next(request, context)
        }
        // The token API takes a login and a password and sets no cookie: nothing a forged request could borrow.
        if request.uri.path.hasPrefix("/api/"), context.session == nil { return try await next(request, context) }
        if let site = request.headers[.secFetchSite], site == "cross-site" { throw AppError.csrf }
        if let origin = request.headers[.origin], !Self.sameOrigin(origin, host: request.head.authority) {
            throw AppError.csrf
        }
        guard let expected = context.session?.csrfToken ?? context.anonymousToken else { throw AppError.csrf }

        var request = request
        var sent = request.headers[.xCSRFToken]
        if sent == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            request.body = .init(buffer: body)
            sent = try? URLEncodedFormDecoder().decode(CSRFField.self, from: String(buffer: body))._csrf
        } else if sent == nil, let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
            // An upload form: the token is its first field, read without reading the files.
            (sent, request.body) = try await MultipartCSRF.leadingField(Self.field, of: request.body, boundary: boundary)
        }
        guard let sent, Self.equal(sent, expected) else { throw AppError.csrf }
        return try await next(request, context)
    }

    static func changesState(_ method: HTTPRequest.Method) -> Bool {
        method == .post || method == .put || method == .patch || method == .delete
    }

    static func sameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let url = URL(string: origin), let originHost = url.host else { return false }
        let port = url.port.map { ":\($0)" } ?? ""
        return (originHost + port).lowercased() == host.lowercased()
    }

    /// Compares in time that does not depend on where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The one field the check reads; the rest of the form is the route's.
struct CSRFField: Decodable {
    let _csrf: String?
}
