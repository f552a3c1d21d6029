import Foundation
import ZhurnalCore
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

/// What the application needs from outside; tests pass a temporary database, a fixed clock and a cheap hasher.
public struct AppDependencies: Sendable {
    public var database: Database
    public var clock: @Sendable () -> Date
    public var security: WebSecurity
    public var hasher: PasswordHasher
    /// How large and how many homework files may be: ``HomeworkFileLimits/standard`` (10 MB, 10 a homework).
    public var homeworkFiles: HomeworkFileLimits

    public init(
        database: Database,
        clock: @escaping @Sendable () -> Date = { Date() },
        security: WebSecurity = WebSecurity(),
        hasher: PasswordHasher = PasswordHasher(),
        homeworkFiles: HomeworkFileLimits = .standard
    ) {
        self.database = database
        self.clock = clock
        self.security = security
        self.hasher = hasher
        self.homeworkFiles = homeworkFiles
    }
}

/// How the site is reached, which decides the cookie's form and whose address a request comes from.
public struct WebSecurity: Sendable {
    /// The address people type, shown on credential slips; `https://` makes the session cookie `__Host-` and Secure.
    public var publicURL: String
    /// Whether a reverse proxy in front sets `X-Forwarded-For`; only then is that header believed.
    public var trustProxy: Bool

    public init(publicURL: String = "http://127.0.0.1:8080", trustProxy: Bool = false) {
        self.publicURL = publicURL
        self.trustProxy = trustProxy
    }

    public var servedOverTLS: Bool { publicURL.lowercased().hasPrefix("https://") }
}
