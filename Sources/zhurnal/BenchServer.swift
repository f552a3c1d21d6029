import Foundation
import Hummingbird
import Logging
import NIOCore
import ZhurnalStore
import ZhurnalWeb

/// The real application on a loopback port, for the benchmarks that measure requests end to end.
enum BenchServer {
    /// Runs the real application on a free loopback port for the duration of `body`.
    static func serve<T: Sendable>(_ database: Database, _ body: @escaping @Sendable (String) async throws -> T) async throws -> T {
        // Believes X-Forwarded-For, so that the failure figures can come from many addresses.
        let router = try await buildRouter(AppDependencies(database: database, security: WebSecurity(trustProxy: true)))
        let port = PortBox()
        // The server is stopped by cancelling it, which Hummingbird reports at error level: not news here.
        var quiet = Logs.logger()
        quiet.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.set(channel.localAddress?.port ?? 0) },
            logger: quiet
        )
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            while port.value == 0 { try await Task.sleep(for: .milliseconds(20)) }
            let result = try await body("http://127.0.0.1:\(port.value)")
            group.cancelAll()
            return result
        }
    }

}
