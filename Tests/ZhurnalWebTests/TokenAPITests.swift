import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalCore
import ZhurnalDemo
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// `POST /api/v1/auth/token`, `GET /api/v1/me`, `DELETE /api/v1/auth/token`, and the shape of every API error.
struct TokenAPITests {
    @Test(arguments: TestDatabases.flavors)
    func aTokenOpensTheAPIUntilItIsRevoked(flavor: SQLFlavor) async throws {
        try await TestApp.withSchool(flavor) { client, database in
            var api = APIClient(client: client)
            let issued = try await api.signIn(AccessSchool.Login.teacher)
            #expect(issued.status == .ok)
            let body = try json(issued)
            let token = try #require(body["token"] as? String)
            #expect(token.hasPrefix("1."))
            #expect(body["expiresAt"] as? String == "2026-10-12T21:00:00Z")
            let user = try #require(body["user"] as? [String: Any])
            #expect(user["id"] as? Int == TinySchool.teacher)
            #expect(user["fullName"] as? String == "Смирнова Ольга Петровна")
            #expect(user["roles"] as? [String] == ["teacher", "homeroom"])
            #expect(issued.headers[values: .setCookie].isEmpty)

            let me = try await api.call(.get, "/api/v1/me")
            #expect(me.status == .ok)
            #expect(try json(me)["login"] as? String == AccessSchool.Login.teacher)
            #expect(try await api.call(.delete, "/api/v1/auth/token").status == .noContent)
            let after = try await api.call(.get, "/api/v1/me")
            #expect(after.status == .unauthorized)
            #expect(after.headers[.wwwAuthenticate] == "Bearer")
            // The token itself is never stored: only its hash.
            let stored = try await database.read { sql in
                try await sql.raw("SELECT token_hash FROM sessions").all().map { try $0.decode(column: "token_hash", as: String.self) }
            }
            #expect(!stored.contains { token.contains($0) || $0.contains(token.dropFirst(2)) })
        }
    }

    @Test func everyAPIErrorHasACodeAndAMessage() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let api = APIClient(client: client)
            let cases: [(json: String?, status: HTTPResponse.Status, code: String)] = [
                ("not json", .badRequest, "bad_request"),
                ("{\"login\": \"smirnova\"}", .unprocessableContent, "missing_credentials"),
                ("{\"login\": 5, \"password\": \"x\"}", .badRequest, "bad_request"),
                ("{\"login\": \"smirnova\", \"password\": \"неверный пароль\"}", .unauthorized, "invalid_credentials"),
                ("{\"login\": \"nobody\", \"password\": \"неверный пароль\"}", .unauthorized, "invalid_credentials"),
            ]
            for item in cases {
                let answer = try await api.call(.post, "/api/v1/auth/token", json: item.json)
                #expect(answer.status == item.status, "\(item.json ?? "")")
                let error = try #require(try json(answer)["error"] as? [String: Any])
                #expect(error["code"] as? String == item.code, "\(item.json ?? "")")
                #expect((error["message"] as? String)?.isEmpty == false)
            }
            for (method, uri) in [(HTTPRequest.Method.get, "/api/v1/me"), (.get, "/api/v1/courses"), (.delete, "/api/v1/auth/token")] {
                let answer = try await api.call(method, uri)
                #expect(answer.status == .unauthorized, "\(uri)")
                #expect(try errorCode(answer) == "sign_in_required" || errorCode(answer) == "invalid_token", "\(uri)")
            }
            var forged = api
            forged.token = "1." + String(repeating: "x", count: 43)
            #expect(try errorCode(try await forged.call(.get, "/api/v1/me")) == "invalid_token")
            forged.token = "garbage"
            #expect(try errorCode(try await forged.call(.get, "/api/v1/me")) == "invalid_token")
        }
    }

    /// The accounts `zhurnal demo --accounts` writes sign in through the token API, the administrator included.
    @Test func theDemoSchoolsAccountsSignIn() async throws {
        let summary = SummaryBox()
        try await TestApp.with(
            .sqlite,
            seed: { database in
                try await Migrator(database: database).migrate()
                let options = DemoOptions(students: 40, seed: 3, until: LocalDate(year: 2026, month: 10, day: 9)!, hasher: PasswordHasher(cost: 4))
                summary.value = try await DemoSchool.create(in: database, options: options) { _ in }
            }
        ) { client in
            let samples = try #require(summary.value?.samples)
            #expect(samples.map(\.role).contains(.admin))
            for (role, account) in samples {
                var api = APIClient(client: client, address: "203.0.113.\(role.hashValue & 0x7f)")
                let answer = try await api.signIn(account.login, account.password)
                #expect(answer.status == .ok, "\(role)")
                let roles = try #require(try json(answer)["user"] as? [String: Any])["roles"] as? [String]
                #expect(roles?.contains(role.rawValue) == true, "\(role)")
            }
        }
    }
}

private final class SummaryBox: @unchecked Sendable {
    var value: DemoSummary?
}
