import Logging
import NIOCore
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through postgres-nio's `PostgresClient` pool, which runs in a task of its own for as long as the
/// database is open.
final class PostgresDriver: DatabaseDriver {
    private let client: PostgresClient
    private let runner: Task<Void, Never>

    private init(client: PostgresClient, runner: Task<Void, Never>) {
        self.client = client
        self.runner = runner
    }

    static func open(_ address: DatabaseLocation.PostgresAddress, logger: Logger) async throws(StoreError) -> PostgresDriver {
        var configuration = PostgresClient.Configuration(
            host: address.host,
            port: address.port,
            username: address.username,
            password: address.password,
            database: address.database,
            tls: clientTLS(address.tls)
        )
        configuration.options.maximumConnections = 16
        configuration.options.connectTimeout = .seconds(5)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        do {
            try await checkReachable(address, logger: logger)
        } catch {
            runner.cancel()
            await runner.value
            throw .unavailable(
                "PostgreSQL \(address.host):\(address.port)/\(address.database) недоступен (\(reason(error))): "
                    + "проверьте, что сервер запущен, а адрес, имя и пароль верны"
            )
        }
        return PostgresDriver(client: client, runner: runner)
    }

    /// The pool retries a refused connection quietly; a start-up that cannot reach the server must say so at once,
    /// with the server's own reason (refused, unknown database, wrong password). One direct connection tells.
    private static func checkReachable(_ address: DatabaseLocation.PostgresAddress, logger: Logger) async throws {
        var direct = PostgresConnection.Configuration(
            host: address.host,
            port: address.port,
            username: address.username,
            password: address.password,
            database: address.database,
            tls: try connectionTLS(address.tls)
        )
        direct.options.connectTimeout = .seconds(5)
        let connection = try await PostgresConnection.connect(configuration: direct, id: 0, logger: logger)
        try await connection.close()
    }

    /// What went wrong, in the server's or the socket's words. PSQLError's own description hides everything to
    /// avoid leaking data, which leaves a person nothing to act on.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying {
            if let nested = underlying as? PSQLError { return reason(nested) }
            return "\(underlying)"
        }
        return "\(error.code)"
    }

    private static func clientTLS(_ mode: DatabaseLocation.TLSMode) -> PostgresClient.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    private static func connectionTLS(_ mode: DatabaseLocation.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        switch mode {
        case .disable: .disable
        case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    func withConnection<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    func withSnapshot<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await inTransaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    func withTransaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await inTransaction(begin: "BEGIN", body)
    }

    private func inTransaction<Result: Sendable>(
        begin: String,
        _ body: (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        do {
            return try await client.withConnection { connection in
                try await transaction(on: connection.sql(queryLogLevel: nil), begin: begin, body)
            }
        } catch TransactionError.rollbackFailed(let original) {
            // The pool closes a connection whose protocol state broke; the caller needs the first error.
            throw original
        }
    }

    func close() async {
        runner.cancel()
        await runner.value
    }
}
