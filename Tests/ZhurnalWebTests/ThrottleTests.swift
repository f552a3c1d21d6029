import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// Every path that creates a session slows down after failures, per login and per address, with a delay rather
/// than a lock.
struct ThrottleTests {
    @Test(arguments: TestDatabases.flavors)
    func failuresOnALoginSlowItDownThenItRecovers(flavor: SQLFlavor) async throws {
        let clock = TestClock()
        try await TestApp.withSchool(flavor, clock: clock) { client, database in
            // Different addresses, so only the login's count matters.
            for attempt in 0..<5 {
                let answer = try await Browser(client, address: "198.51.100.\(attempt)").signIn(AccessSchool.Login.teacher, "неверный пароль")
                #expect(answer.status == .unauthorized)
            }
            // The sixth try within the second: slowed down, even with the right password, which is not checked.
            let slowed = try await Browser(client, address: "198.51.100.6").signIn(AccessSchool.Login.teacher)
            #expect(slowed.status == .tooManyRequests)
            #expect(slowed.headers[.retryAfter] == "1")
            #expect(slowed.text.contains("Повторите через 1 секунду"))
            var api = APIClient(client: client)
            let token = try await api.signIn(AccessSchool.Login.teacher)
            #expect(token.status == .tooManyRequests)
            #expect(try errorCode(token) == "too_many_attempts")

            // After the delay the right password works, and the count starts again.
            clock.advance(seconds: 1)
            #expect(try await Browser(client, address: "198.51.100.7").signIn(AccessSchool.Login.teacher).location == "/")
            #expect(try await Browser(client, address: "198.51.100.8").signIn(AccessSchool.Login.teacher, "неверный").status == .unauthorized)
            #expect(try await Browser(client, address: "198.51.100.9").signIn(AccessSchool.Login.teacher).location == "/")

            let throttled = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM security_events WHERE kind = 'throttled'").first()!.decode(column: "n", as: Int.self)
            }
            // One line when the login starts being slowed, not one per refused attempt.
            #expect(throttled == 1)
        }
    }

    @Test func anUnknownLoginIsSlowedExactlyLikeAKnownOne() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            var statuses: [String: [HTTPResponse.Status]] = [:]
            for login in [AccessSchool.Login.deputy, "no.such.person"] {
                for attempt in 0..<7 {
                    let answer = try await Browser(client, address: "203.0.113.\(attempt)").signIn(login, "неверный пароль")
                    statuses[login, default: []].append(answer.status)
                }
            }
            #expect(statuses[AccessSchool.Login.deputy] == statuses["no.such.person"])
            #expect(statuses["no.such.person"]?.last == .tooManyRequests)
        }
    }

    @Test func oneAddressSprayingManyLoginsIsSlowedDown() async throws {
        try await TestApp.withSchool(.sqlite) { client, _ in
            let address = "192.0.2.77"
            for attempt in 0..<30 {
                let answer = try await Browser(client, address: address).signIn("guess\(attempt)", "лето2026лето")
                #expect(answer.status == .unauthorized)
            }
            let next = try await Browser(client, address: address).signIn(AccessSchool.Login.parent)
            #expect(next.status == .tooManyRequests)
            // Another address is not affected.
            #expect(try await Browser(client, address: "192.0.2.78").signIn(AccessSchool.Login.parent).location == "/")
        }
    }

    @Test func aWrongSecondFactorCountsAsAFailure() async throws {
        try await TestApp.withSchool(.sqlite, extraSeed: SecondFactorFlowTests.enrolDeputy) { client, _ in
            var api = APIClient(client: client)
            for _ in 0..<5 {
                let answer = try await api.signIn(AccessSchool.Login.deputy, otp: "000000")
                #expect(answer.status == .unauthorized)
            }
            let slowed = try await api.signIn(AccessSchool.Login.deputy, otp: "000000")
            #expect(slowed.status == .tooManyRequests)
        }
    }
}
