import Foundation
import ZhurnalStore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0
    var value: Int { lock.withLock { port } }
    func set(_ value: Int) { lock.withLock { port = value } }
}

/// A minimal HTTP client over URLSession: no redirects followed, cookies handled by hand.
struct HTTP: Sendable {
    let base: String

    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession,
            task: URLSessionTask,
            willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest,
            completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    @discardableResult
    func get(_ path: String, cookie: String?) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: URL(string: base + path)!)
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        return try await send(request)
    }

    /// Signs in through the form and returns the session's `Cookie` header value.
    func signIn(_ login: String, _ password: String) async throws -> String {
        let (page, answer) = try await get("/login", cookie: nil)
        let anonymous = Self.cookie(answer)
        let html = String(decoding: page, as: UTF8.self)
        guard let start = html.range(of: "name=\"_csrf\" value=\""),
            let end = html[start.upperBound...].firstIndex(of: "\"")
        else { throw CommandError(message: "на странице входа нет токена формы") }
        let token = String(html[start.upperBound..<end])
        var request = URLRequest(url: URL(string: base + "/login")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue(anonymous, forHTTPHeaderField: "Cookie")
        let form = ["login": login, "password": password, "_csrf": token]
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        request.httpBody = Data(form.utf8)
        let (_, response) = try await send(request)
        guard response.statusCode == 303 else { throw CommandError(message: "вход не удался: \(response.statusCode)") }
        return Self.cookie(response)
    }

    /// `POST /api/v1/auth/token` from the address `from`; the status.
    func token(login: String, password: String, from address: String) async throws -> Int {
        var request = URLRequest(url: URL(string: base + "/api/v1/auth/token")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(address, forHTTPHeaderField: "X-Forwarded-For")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["login": login, "password": password])
        let (_, response) = try await Self.session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    private func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw CommandError(message: "не HTTP-ответ") }
        guard http.statusCode < 400 else { throw CommandError(message: "\(request.url?.path ?? ""): \(http.statusCode)") }
        return (data, http)
    }

    static func cookie(_ response: HTTPURLResponse) -> String {
        let header = response.value(forHTTPHeaderField: "Set-Cookie") ?? ""
        return String(header.split(separator: ";").first ?? "")
    }
}

extension HTTP {
    /// A JSON API call with a bearer token; the status and the body.
    func call(_ method: String, _ path: String, token: String?, json: Data? = nil) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = json
        }
        let (data, response) = try await Self.session.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// A token from `POST /api/v1/auth/token`.
    func token(login: String, password: String) async throws -> String {
        let body = try JSONSerialization.data(withJSONObject: ["login": login, "password": password])
        let (status, data) = try await call("POST", "/api/v1/auth/token", token: nil, json: body)
        guard status == 200, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let token = object["token"] as? String
        else { throw CommandError(message: "не удалось войти как \(login): \(status)") }
        return token
    }
}
