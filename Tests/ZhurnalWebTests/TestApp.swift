import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import ZhurnalCore
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The real application over a temporary database, with a clock the test moves and a cheap bcrypt (cost 4).
enum TestApp {
    static let now = ISO8601DateFormatter().date(from: "2026-10-12T09:00:00Z")!

    static func with(
        _ flavor: SQLFlavor,
        seed: (Database) async throws -> Void = { _ in },
        clock: TestClock = TestClock(),
        security: WebSecurity = WebSecurity(trustProxy: true),
        homeworkFiles: HomeworkFileLimits = .standard,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabases.with(flavor) { database in
            try await seed(database)
            let dependencies = AppDependencies(
                database: database,
                clock: { clock.now },
                security: security,
                hasher: PasswordHasher(cost: 4),
                homeworkFiles: homeworkFiles
            )
            let router = try await buildRouter(dependencies)
            let app = Application(router: router, logger: TestDatabases.logger)
            try await app.test(.router, body)
        }
    }

    /// The application over ``AccessSchool``: every role has an account with ``AccessSchool/password``.
    static func withSchool(
        _ flavor: SQLFlavor,
        clock: TestClock = TestClock(),
        security: WebSecurity = WebSecurity(trustProxy: true),
        homeworkFiles: HomeworkFileLimits = .standard,
        extraSeed: @escaping @Sendable (Database) async throws -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void
    ) async throws {
        let box = DatabaseBox()
        try await with(
            flavor,
            seed: { database in
                try await AccessSchool.write(into: database)
                try await extraSeed(database)
                box.database.withLock { $0 = database }
            },
            clock: clock,
            security: security,
            homeworkFiles: homeworkFiles
        ) { client in
            try await body(client, box.database.withLock { $0! })
        }
    }
}

private final class DatabaseBox: Sendable {
    let database = Mutex<Database?>(nil)
}

/// A clock the test moves forward.
final class TestClock: Sendable {
    private let instant: Mutex<Date>

    init(_ start: Date = TestApp.now) {
        instant = Mutex(start)
    }

    var now: Date { instant.withLock { $0 } }

    func advance(seconds: TimeInterval) {
        instant.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}
