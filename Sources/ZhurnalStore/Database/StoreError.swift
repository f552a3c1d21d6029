import PostgresNIO
import SQLiteNIO

/// Failures of the storage layer that a person must be able to act on: each message is one line that says what
/// is wrong and what to do.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--db` value cannot be used.
    case badLocation(String)
    /// The database cannot be reached or opened.
    case unavailable(String)
    /// The database was migrated by a newer Zhurnal.
    case schemaTooNew(found: Int, known: Int)
    /// The operation needs an empty database (the demo school) but found data.
    case notEmpty(String)
    /// A row broke a rule of the schema or of the caller.
    case rejected(String)

    public var description: String {
        switch self {
        case .badLocation(let message), .unavailable(let message), .notEmpty(let message), .rejected(let message):
            message
        case .schemaTooNew(let found, let known):
            "схема базы версии \(found) новее, чем знает эта программа (\(known)): обновите Zhurnal, база не изменена"
        }
    }
}

extension StoreError {
    /// Whether `error` means the database cannot serve now (down, unreachable, disk full, locked too long) rather
    /// than that the request was wrong: the web layer answers those with 503, and the service resumes by itself.
    public static func isUnavailable(_ error: any Error) -> Bool {
        switch error {
        case StoreError.unavailable:
            return true
        case let error as PSQLError:
            return [.connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown]
                .contains(error.code)
        case let error as SQLiteError:
            // SQLite reports extended codes (ioErrorFailedWrite, busyTimeout…); their primary code is the prefix.
            let reason = "\(error.reason)".lowercased()
            return ["full", "ioerror", "busy", "locked", "cantopen", "readonly", "proto"].contains { reason.hasPrefix($0) }
        default:
            // postgres-nio's pool reports a shut-down or exhausted pool with a type from a module it does not export.
            return String(reflecting: type(of: error)).hasSuffix("ConnectionPoolError")
        }
    }
}
