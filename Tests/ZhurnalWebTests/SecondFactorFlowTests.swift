import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// TOTP enrolment with its QR code, sign-in with a code, codes refused a second time, recovery codes, and the rule
/// that administrators must have a second factor.
struct SecondFactorFlowTests {
    static let deputySecret = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

    /// Gives the deputy an enrolled second factor (the secret above) and two known recovery codes.
    @Sendable static func enrolDeputy(_ database: Database) async throws {
        try await database.write { sql in
            try await sql.raw(
                """
                UPDATE accounts SET totp_secret = \(bind: deputySecret), totp_enabled_at = '2026-09-01T09:00:00Z'
                WHERE login = 'deputy'
                """
            ).run()
            for code in ["aaaa-bbbb-cccc", "dddd-eeee-ffff"] {
                try await sql.raw(
                    "INSERT INTO recovery_codes (school_id, account_id, code_hash) VALUES (1, \(bind: AccessSchool.deputy), \(bind: RecoveryCodes.hash(code)))"
                ).run()
            }
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func anAdministratorEnrolsBeforeAnythingElse(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(
            flavor,
            clock: clock,
            extraSeed: { database in
                try await database.write { try await $0.raw("UPDATE accounts SET second_factor_waived = FALSE WHERE login = 'admin'").run() }
            }
        ) { client, database in
            let admin = Browser(client)
            let answer = try await admin.signIn(AccessSchool.Login.admin)
            #expect(answer.location == "/account/second-factor")
            #expect(try await admin.get("/admin/people").location == "/account/second-factor")
            var api = APIClient(client: client)
            #expect(try errorCode(try await api.signIn(AccessSchool.Login.admin)) == "second_factor_enrolment_required")

            let page = try await admin.get("/account/second-factor")
            #expect(page.status == .ok)
            #expect(page.text.contains("<svg"))
            #expect(page.text.contains("role=\"img\""))
            let secret = try #require(
                try await database.read { sql in
                    // The secret being enrolled waits on the session, not on the account.
                    try await sql.raw(
                        "SELECT pending_totp_secret FROM sessions WHERE account_id = \(bind: AccessSchool.admin) AND ended_at IS NULL"
                    ).first()?.decode(column: "pending_totp_secret", as: String?.self)
                }
            )
            #expect(page.text.contains(SecondFactor.manualEntryKey(secret)))
            // Reloading keeps the same secret, so a half-scanned code stays valid.
            #expect(try await admin.get("/account/second-factor").text.contains(SecondFactor.manualEntryKey(secret)))

            let bad = try await admin.post("/account/second-factor", [("code", "000000")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Код не подошёл"))
            let code = SecondFactor.code(secret: secret, at: clock.now)
            let done = try await admin.post("/account/second-factor", [("code", code)])
            #expect(done.status == .ok)
            #expect(done.text.contains("Резервные коды"))
            let codes = done.text.components(separatedBy: "<li><code>").dropFirst().compactMap { $0.components(separatedBy: "</code>").first }
            try #require(codes.count == 10)
            #expect(try await admin.get("/admin/people").status == .ok)

            // The next sign-in asks for a code; the code just used is refused, the next step's is accepted.
            let again = Browser(client, address: "198.51.100.40")
            #expect(try await again.signIn(AccessSchool.Login.admin).location == "/login/second-factor")
            #expect(try await again.get("/").location == "/login/second-factor")
            #expect(try await again.get("/login/second-factor").text.contains("приложение-аутентификатор"))
            let reused = try await again.post("/login/second-factor", [("code", code)])
            #expect(reused.status == .unauthorized)
            #expect(reused.text.contains("уже использован"))
            clock.advance(seconds: 30)
            let fresh = try await again.post("/login/second-factor", [("code", SecondFactor.code(secret: secret, at: clock.now))])
            #expect(fresh.location == "/")
            #expect(try await again.get("/admin/people").status == .ok)

            // A recovery code works once.
            let third = Browser(client, address: "198.51.100.41")
            try await third.signIn(AccessSchool.Login.admin)
            try await third.get("/login/second-factor")
            #expect(try await third.post("/login/second-factor", [("code", codes[0].uppercased())]).location == "/")
            let fourth = Browser(client, address: "198.51.100.42")
            try await fourth.signIn(AccessSchool.Login.admin)
            try await fourth.get("/login/second-factor")
            #expect(try await fourth.post("/login/second-factor", [("code", codes[0])]).status == .unauthorized)

            let kinds = try await database.read { sql in
                try await sql.raw("SELECT kind FROM security_events WHERE login = 'admin'").all().map {
                    try $0.decode(column: "kind", as: String.self)
                }
            }
            #expect(kinds.contains("second_factor_enabled"))
            #expect(kinds.contains("recovery_code_used"))
            #expect(kinds.contains("second_factor_failed"))
        }
    }

    @Test(arguments: TestDatabases.flavors)
    func theTokenAPIAsksForTheCodeAndRefusesItTwice(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock, extraSeed: Self.enrolDeputy) { client, _ in
            var api = APIClient(client: client)
            let missing = try await api.signIn(AccessSchool.Login.deputy)
            #expect(missing.status == .unauthorized)
            #expect(try errorCode(missing) == "otp_required")
            let code = SecondFactor.code(secret: Self.deputySecret, at: clock.now)
            #expect(try await api.signIn(AccessSchool.Login.deputy, otp: code).status == .ok)
            var second = APIClient(client: client, address: "203.0.113.20")
            let replay = try await second.signIn(AccessSchool.Login.deputy, otp: code)
            #expect(replay.status == .unauthorized)
            #expect(try errorCode(replay) == "otp_invalid")
            #expect(try await second.signIn(AccessSchool.Login.deputy, otp: "dddd-eeee-ffff").status == .ok)
        }
    }

    @Test func anyoneMayEnrolAndTheQRCodeCarriesTheSecret() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let parent = Browser(client)
            try await parent.signIn(AccessSchool.Login.parent)
            let page = try await parent.get("/account/second-factor")
            #expect(page.status == .ok)
            #expect(page.text.contains("Отсканируйте QR-код"))
            #expect(page.text.contains("aria-label=\"QR-код для приложения-аутентификатора\""))
        }
    }
}
