import Foundation

/// Where the data lives, parsed from a `--db` URL.
///
/// ```
/// sqlite:zhurnal.sqlite            a file relative to the working directory
/// sqlite:///var/lib/zhurnal.sqlite an absolute path
/// postgres://user:pass@host:5432/zhurnal
/// ```
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    public struct PostgresAddress: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String
        public var tls: TLSMode
    }

    /// libpq's `sslmode`, reduced to what postgres-nio can do.
    public enum TLSMode: String, Sendable, Equatable {
        /// `sslmode=disable`: plain text.
        case disable
        /// No `sslmode`, or `allow`/`prefer`: TLS when the server offers it.
        case prefer
        /// `require`, `verify-ca`, `verify-full`: TLS or no connection, with the server's certificate verified.
        case require
    }

    public init(url text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else {
                throw .badLocation("в адресе базы «\(text)» нет пути к файлу: пример sqlite:zhurnal.sqlite")
            }
            self = .sqlite(path: path)
            return
        }
        if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            // The text may hold a password, so the message does not repeat it.
            guard let components = URLComponents(string: trimmed), let host = components.host, !host.isEmpty else {
                throw .badLocation("адрес PostgreSQL не разобран: пример postgres://user:pass@127.0.0.1:5432/zhurnal")
            }
            let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
            let tls: TLSMode
            switch sslmode {
            case "disable": tls = .disable
            case "allow", "prefer": tls = .prefer
            case "require", "verify-ca", "verify-full": tls = .require
            default: throw .badLocation("sslmode=\(sslmode) не поддерживается: disable, prefer, require, verify-ca или verify-full")
            }
            let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
            let user = components.user ?? "postgres"
            self = .postgres(
                PostgresAddress(
                    host: host,
                    port: components.port ?? 5432,
                    username: user.removingPercentEncoding ?? user,
                    password: components.password?.removingPercentEncoding,
                    database: database.isEmpty ? user : database,
                    tls: tls
                )
            )
            return
        }
        let scheme = trimmed.split(separator: ":", maxSplits: 1).first.map(String.init) ?? trimmed
        throw .badLocation("неизвестная схема «\(scheme)» в адресе базы: используйте sqlite:ФАЙЛ или postgres://…")
    }

    /// The location without its password, for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let a): "postgres://\(a.username)@\(a.host):\(a.port)/\(a.database)"
        }
    }
}
