import Foundation
import SQLKit
import ZhurnalCore

/// The brute-force limiter of every path that creates a session (the form, the token API, the second factor).
///
/// Keys are the login as typed — hashed, since people type passwords into the login field, and so that an unknown
/// login is slowed exactly like a known one — and the client's address (an IPv6 address by its /64, which one
/// subscriber holds whole). An attempt is counted as a failure *before* the password is checked, in the same
/// transaction as the check of the delay, so parallel requests cannot all slip through one free slot; a success
/// gives its count back.
public enum SignInThrottle {
    public struct Key: Sendable, Hashable {
        public let text: String
        public let rule: ThrottleRule

        public static func login(_ login: String) -> Key {
            Key(text: "login:" + Digest.sha256Hex(login.lowercased()), rule: .perAccount)
        }

        public static func address(_ address: String) -> Key {
            Key(text: "address:" + network(of: address), rule: .perAddress)
        }

        /// An IPv4 address as it is; an IPv6 address by its first four groups.
        static func network(of address: String) -> String {
            guard address.contains(":") else { return String(address.prefix(64)) }
            var groups = address.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            if let gap = groups.firstIndex(of: ""), groups.count < 8 {
                // "::" stands for as many zero groups as are missing.
                let missing = 8 - groups.filter { !$0.isEmpty }.count
                groups =
                    Array(groups[..<gap]).filter { !$0.isEmpty } + Array(repeating: "0", count: missing)
                    + Array(groups[(gap + 1)...]).filter { !$0.isEmpty }
            }
            return groups.prefix(4).map { $0.lowercased() }.joined(separator: ":") + "::/64"
        }
    }

    /// Seconds to wait before an attempt under these keys may be checked; 0 when it may be checked now. A read, for
    /// refusing cheaply; ``begin(_:now:in:)`` decides for real.
    public static func wait(for keys: [Key], now: Date, in sql: any SQLDatabase) async throws -> Int {
        try await longestWait(keys, now: now, lock: false, in: sql)
    }

    /// The outcome of starting an attempt.
    public struct Attempt: Sendable {
        /// Seconds to wait; when above 0 nothing was counted and the password must not be checked.
        public let wait: Int
        /// Keys that this attempt brought to their first delay: the moment the security log records.
        public let startedDelaying: [Key]
    }

    /// Checks the delay and, if there is none, counts this attempt as a failure under every key — atomically, inside
    /// the caller's write transaction. Forgets windows older than their rule's.
    public static func begin(_ keys: [Key], now: Date, in sql: any SQLDatabase) async throws -> Attempt {
        let at = Timestamp.string(now)
        let hourAgo = Timestamp.string(now.addingTimeInterval(-3600))
        try await sql.raw("DELETE FROM sign_in_throttle WHERE window_started_at <= \(bind: hourAgo)").run()
        for key in keys {
            try await sql.raw(
                """
                INSERT INTO sign_in_throttle (throttle_key, failures, window_started_at, last_failure_at)
                VALUES (\(bind: key.text), 0, \(bind: at), \(bind: at))
                ON CONFLICT (throttle_key) DO NOTHING
                """
            ).run()
        }
        let wait = try await longestWait(keys, now: now, lock: true, in: sql)
        guard wait == 0 else { return Attempt(wait: wait, startedDelaying: []) }
        var started: [Key] = []
        for key in keys {
            let failures =
                try await sql.raw(
                    """
                    UPDATE sign_in_throttle SET failures = failures + 1, last_failure_at = \(bind: at)
                    WHERE throttle_key = \(bind: key.text)
                    RETURNING failures
                    """
                ).first()?.decode(column: "failures", as: Int.self) ?? 0
            if key.rule.startsDelaying(atFailures: failures) { started.append(key) }
        }
        return Attempt(wait: 0, startedDelaying: started)
    }

    /// Gives back the count of an attempt that succeeded.
    public static func refund(_ key: Key, in sql: any SQLDatabase) async throws {
        try await sql.raw(
            "UPDATE sign_in_throttle SET failures = failures - 1 WHERE throttle_key = \(bind: key.text) AND failures > 0"
        ).run()
    }

    /// Forgets a login's failures: the person got all the way in.
    public static func clear(_ key: Key, in sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM sign_in_throttle WHERE throttle_key = \(bind: key.text)").run()
    }

    private static func longestWait(_ keys: [Key], now: Date, lock: Bool, in sql: any SQLDatabase) async throws -> Int {
        // PostgreSQL locks the rows until the transaction ends, so two attempts see each other's count; SQLite's
        // writer is one at a time already.
        let forUpdate = lock && sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        let rows = try await sql.raw(
            """
            SELECT throttle_key, failures, window_started_at, last_failure_at FROM sign_in_throttle
            WHERE throttle_key IN (\(binds: keys.map(\.text)))\(unsafeRaw: forUpdate)
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
}
