import Foundation
import ZhurnalStore

/// How the server listens; read by the command line from arguments, the environment and defaults.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// What the application needs from outside; tests pass a temporary database and a fixed clock.
public struct AppDependencies: Sendable {
    public var database: Database
    public var clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }
}
