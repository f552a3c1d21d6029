import Logging
import NIOCore
import SQLKit
import Synchronization

/// A running count of SQL statements, read by benchmarks and by tests that hold a page to its statement budget.
public final class StatementCounter: Sendable {
    private let count = Atomic<Int>(0)

    public init() {}

    public var value: Int { count.load(ordering: .relaxed) }

    func increment() {
        count.add(1, ordering: .relaxed)
    }

    /// How many statements `body` ran (meaningful when nothing else uses the database meanwhile).
    public func measure<T>(_ body: () async throws -> T) async rethrows -> (result: T, statements: Int) {
        let before = value
        let result = try await body()
        return (result, value - before)
    }
}

/// Passes every statement to `base` and counts it.
struct CountingSQLDatabase: SQLDatabase {
    let base: any SQLDatabase
    let counter: StatementCounter

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(
        sql query: any SQLExpression,
        _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) -> EventLoopFuture<Void> {
        counter.increment()
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        counter.increment()
        try await base.execute(sql: query, onRow)
    }
}
