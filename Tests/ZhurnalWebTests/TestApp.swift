import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ZhurnalStore
import ZhurnalTestSupport
import ZhurnalWeb

/// The real application over a temporary database, with the clock fixed on a school day.
enum TestApp {
    static let now = ISO8601DateFormatter().date(from: "2026-10-12T09:00:00Z")!

    static func with(
        _ flavor: SQLFlavor,
        seed: (Database) async throws -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        try await TestDatabases.with(flavor) { database in
            try await seed(database)
            let router = try await buildRouter(AppDependencies(database: database, clock: { now }))
            let app = Application(router: router, logger: TestDatabases.logger)
            try await app.test(.router, body)
        }
    }
}
