import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ZhurnalCore
import ZhurnalStore

/// Turns every failure into an answer a person or a program can act on: a Russian page, or for the API a JSON body
/// with a code and a message. Both carry the request id; neither carries a stack trace or SQL.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(error)
            if problem.code == AppError.signInRequired.code, !Self.wantsJSON(request) {
                return SignInRedirect.response(returningTo: request.uri)
            }
            if problem.status == .internalServerError {
                context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            }
            // Inside the session middleware the error page keeps the person's navigation and sign-out button.
            let chrome = (context as? AppRequestContext).map(Chrome.init)
            var response =
                Self.wantsJSON(request)
                ? problem.json(requestID: context.id) : pages.errorPage(problem, requestID: context.id, chrome: chrome)
            if let seconds = problem.retryAfter { response.headers[.retryAfter] = String(seconds) }
            if problem.status == .unauthorized, Self.wantsJSON(request) { response.headers[.wwwAuthenticate] = "Bearer" }
            return response
        }
    }

    static func wantsJSON(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/healthz" { return true }
        let accept = request.headers[.accept] ?? ""
        return accept.contains("application/json") && !accept.contains("text/html")
    }
}

/// An error as the user sees it: status, a stable code for programs, a Russian message for people.
struct Problem: Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var retryAfter: Int? = nil

    init(status: HTTPResponse.Status, code: String, message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    init(_ error: AppError) {
        self.init(status: error.status, code: error.code, message: error.message)
        self.retryAfter = error.retryAfter
    }

    init(_ error: any Error) {
        switch error {
        case let error as AppError:
            self.init(status: error.status, code: error.code, message: error.message)
            self.retryAfter = error.retryAfter
        case let refusal as JournalEditRefusal:
            self.init(AppError(refusal))
        case let error as JournalWriteError:
            self.init(AppError(error))
        case let refusal as HomeworkRefusal:
            self.init(AppError(refusal))
        case let error as HTTPError where error.status == .notFound:
            self.init(status: .notFound, code: "not_found", message: "Такой страницы нет. Проверьте адрес.")
        case let error as HTTPError where error.status == .methodNotAllowed:
            self.init(status: .methodNotAllowed, code: "method_not_allowed", message: "Этот адрес так не вызывают.")
        case let error as HTTPError where error.status == .contentTooLarge:
            self.init(status: .contentTooLarge, code: "too_large", message: "Запрос слишком велик.")
        case let error as DecodingError:
            self.init(status: .badRequest, code: "bad_request", message: Self.describe(error))
        case let error as HTTPError:
            self.init(status: error.status, code: "http_\(error.status.code)", message: error.body ?? error.status.reasonPhrase)
        case let error where StoreError.isUnavailable(error):
            self.init(
                status: .serviceUnavailable,
                code: "database_unavailable",
                message: "База данных недоступна. Повторите попытку через минуту."
            )
        default:
            self.init(
                status: .internalServerError,
                code: "internal_error",
                message: "Внутренняя ошибка сервера. Сообщите администратору номер запроса."
            )
        }
    }

    /// Which field was missing or malformed, in words a program's author understands.
    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "Не хватает поля «\(key.stringValue)»."
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "Поле «\(context.codingPath.map(\.stringValue).joined(separator: "."))» имеет неверный тип."
        case .dataCorrupted: "Тело запроса не читается: ожидается JSON или форма."
        @unknown default: "Тело запроса не читается."
        }
    }

    func json(requestID: String) -> Response {
        struct Body: Encodable {
            struct Inner: Encodable {
                let code: String
                let message: String
                let requestId: String
            }
            let error: Inner
        }
        let data = (try? JSONEncoder().encode(Body(error: .init(code: code, message: message, requestId: requestID)))) ?? Data()
        return Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}

extension Problem {
    /// A refusal a page shows in place — its form comes back with the message —; any other error goes on to the error
    /// page.
    static func shownOnPage(_ error: any Error) throws -> Problem {
        let problem = Problem(error)
        guard HomeworkPageController.shownOnPage.contains(problem.status) else { throw error }
        return problem
    }
}
