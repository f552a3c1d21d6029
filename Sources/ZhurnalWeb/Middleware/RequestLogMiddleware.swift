import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One structured log line per request, with the request id that the response also carries in `X-Request-Id`, so
/// that a person quoting an error page's id leads straight to the line. The query string is left out: tokens must
/// never reach a log.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var metadata: Logger.Metadata = ["method": "\(request.method)", "path": "\(request.uri.path)"]
        do {
            var response = try await next(request, context)
            response.headers[.requestID] = context.id
            metadata["status"] = "\(response.status.code)"
            metadata["ms"] = "\(Self.milliseconds(since: start))"
            context.logger.info("request", metadata: metadata)
            return response
        } catch {
            metadata["status"] = "\((error as? any HTTPResponseError)?.status.code ?? 500)"
            metadata["ms"] = "\(Self.milliseconds(since: start))"
            context.logger.info("request", metadata: metadata)
            throw error
        }
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        return String(format: "%.2f", Double(micros) / 1000)
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
}
