import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZhurnalTestSupport

/// A browser's side of the conversation in tests: it keeps its cookies, reads the CSRF token from the forms it gets,
/// and posts forms the way a page does. Each instance is one device with one client address.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    let address: String
    private(set) var cookies: [String: String] = [:]
    /// The last `_csrf` value seen in a page.
    private(set) var csrf: String?

    init(_ client: any TestClientProtocol, address: String = "198.51.100.7") {
        self.client = client
        self.address = address
    }

    var sessionCookie: String? { cookies["zhurnal"] }

    func forget(_ name: String) { cookies[name] = nil }

    @discardableResult
    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: headers(extra), body: nil)
        absorb(response)
        return response
    }

    /// Posts a form; the CSRF token last seen is added unless `csrf` says otherwise.
    @discardableResult
    func post(
        _ uri: String,
        _ fields: [(String, String)] = [],
        csrf token: String? = nil,
        includeCSRF: Bool = true,
        headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var all = fields
        if includeCSRF, let value = token ?? csrf { all.append(("_csrf", value)) }
        var headers = headers(extra)
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        absorb(response)
        return response
    }

    /// Sends any request with the browser's cookies and address, and keeps what comes back.
    @discardableResult
    func send(_ uri: String, method: HTTPRequest.Method, headers extra: HTTPFields = [:], body: ByteBuffer?) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: method, headers: headers(extra), body: body)
        absorb(response)
        return response
    }

    /// Opens the sign-in page and signs in; returns the answer to the form.
    @discardableResult
    func signIn(_ login: String, _ password: String = AccessSchool.password) async throws -> TestResponse {
        try await get("/login")
        return try await post("/login", [("login", login), ("password", password), ("next", "/")])
    }

    private func headers(_ extra: HTTPFields) -> HTTPFields {
        var headers = extra
        headers[HTTPField.Name("X-Forwarded-For")!] = address
        headers[.userAgent] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        return headers
    }

    private func absorb(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = String(parts[0])
            let value = String(parts[1])
            let expired = field.value.contains("Expires=Thu, 01 Jan 1970")
            cookies[name] = value.isEmpty || expired ? nil : value
        }
        let html = String(buffer: response.body)
        if let range = html.range(of: "name=\"_csrf\" value=\"") {
            let rest = html[range.upperBound...]
            if let end = rest.firstIndex(of: "\"") { csrf = String(rest[..<end]) }
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
}

/// A program's side: JSON in, JSON out, a bearer token once it has one.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    var token: String?
    var address = "203.0.113.9"

    func call(_ method: HTTPRequest.Method, _ uri: String, json: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: address]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    /// Signs in through `POST /api/v1/auth/token` and keeps the token.
    mutating func signIn(_ login: String, _ password: String = AccessSchool.password, otp: String? = nil) async throws -> TestResponse {
        let otpField = otp.map { ", \"otp\": \"\($0)\"" } ?? ""
        let response = try await call(.post, "/api/v1/auth/token", json: "{\"login\": \"\(login)\", \"password\": \"\(password)\"\(otpField)}")
        if response.status == .ok, let object = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any] {
            token = object["token"] as? String
        }
        return response
    }
}

/// The parsed JSON of a response, for reading a field or two.
func json(_ response: TestResponse) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
}

func errorCode(_ response: TestResponse) throws -> String? {
    (try json(response)["error"] as? [String: Any])?["code"] as? String
}
