import HTTPTypes
import Hummingbird

/// The headers SECURITY.md asks of every response: our own scripts and styles only, no framing, no sniffing, no
/// referrer leaking ids to other sites, and no caching of private pages.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            var response = try await next(request, context)
            apply(to: &response.headers, path: request.uri.path)
            return response
        } catch let error as any HTTPResponseError {
            var response = try error.response(from: request, context: context)
            apply(to: &response.headers, path: request.uri.path)
            return response
        }
    }

    func apply(to headers: inout HTTPFields, path: String) {
        headers[.contentSecurityPolicy] = SecurityHeaders.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        headers[.xFrameOptions] = "DENY"
        headers[.referrerPolicy] = "same-origin"
        if headers[.cacheControl] == nil {
            headers[.cacheControl] = path.hasPrefix("/static/") ? "public, max-age=3600" : "no-store"
        }
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
}
