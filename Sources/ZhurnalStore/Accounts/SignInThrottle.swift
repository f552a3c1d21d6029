import Foundation
import SQLKit
import ZhurnalCore

/// The brute-force limiter of every path that creates a session (the form, the token API). Keys are the login as
/// typed (lowercased) — so an unknown login is slowed exactly like a known one and reveals nothing — and the
/// client's address.
public enum SignInThrottle {
    public struct Key: Sendable, Hashable {
        public let text: String
        public let rule: ThrottleRule

        public static func login(_ login: String) -> Key {
            Key(text: "login:" + String(login.lowercased().prefix(128)), rule: .perAccount)
        }

        public static func address(_ address: String) -> Key {
            Key(text: "address:" + String(address.prefix(64)), rule: .perAddress)
        }
    }

    /// Seconds to wait before an attempt under these keys may be checked; 0 when it may be checked now.
    public static func wait(for keys: [Key], now: Date, in sql: any SQLDatabase) async throws -> Int {
        let rows = try await sql.raw(
            """
            SELECT throttle_key, failures, window_started_at, last_failure_at FROM sign_in_throttle
            WHERE throttle_key IN (\(binds: keys.map(\.text)))
            """
        ).all()
        var longest = 0
        for row in rows {
            let text = try row.decode(column: "throttle_key", as: String.self)
            guard let key = keys.first(where: { $0.text == text }),
                let started = Timestamp.date(try row.decode(column: "window_started_at", as: String.self)),
                let last = Timestamp.date(try row.decode(column: "last_failure_at", as: String.self))
            else { continue }
            let wait = key.rule.wait(
                failures: try row.decode(column: "failures", as: Int.self),
                elapsed: Int(now.timeIntervalSince(last)),
                windowAge: Int(now.timeIntervalSince(started))
            )
            longest = max(longest, wait)
        }
        return longest
    }

    /// Counts a failure under every key; a window older than the rule's starts afresh.
    public static func recordFailure(for keys: [Key], now: Date, in sql: any SQLDatabase) async throws {
        let at = Timestamp.string(now)
        for key in keys {
            let windowStart = Timestamp.string(now.addingTimeInterval(-Double(key.rule.windowSeconds)))
            try await sql.raw(
                """
                INSERT INTO sign_in_throttle (throttle_key, failures, window_started_at, last_failure_at)
                VALUES (\(bind: key.text), 1, \(bind: at), \(bind: at))
                ON CONFLICT (throttle_key) DO UPDATE SET
                    failures = CASE WHEN sign_in_throttle.window_started_at <= \(bind: windowStart) THEN 1
                                    ELSE sign_in_throttle.failures + 1 END,
                    window_started_at = CASE WHEN sign_in_throttle.window_started_at <= \(bind: windowStart)
                                             THEN \(bind: at) ELSE sign_in_throttle.window_started_at END,
                    last_failure_at = \(bind: at)
                """
            ).run()
        }
    }

    /// A correct password clears its login's count (not the address's: one good account must not launder a spray).
    public static func clear(_ key: Key, in sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM sign_in_throttle WHERE throttle_key = \(bind: key.text)").run()
    }
}
