import ArgumentParser
import Foundation
import Logging
import Synchronization
import ZhurnalStore

/// `--db`, shared by every command that touches the data; `ZHURNAL_DB` in the environment stands in for it.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "База данных: sqlite:ФАЙЛ или postgres://user:pass@host:port/db (или ZHURNAL_DB; по умолчанию sqlite:zhurnal.sqlite)"
    )
    var db: String?

    var url: String { db ?? ProcessInfo.processInfo.environment["ZHURNAL_DB"] ?? "sqlite:zhurnal.sqlite" }

    /// Opens and migrates the database, or ends the program with one line saying what is wrong.
    func openMigrated(logger: Logger) async throws -> Database {
        let database = try await CommandFailure.guarding { try await Database.open(DatabaseLocation(url: url), logger: logger) }
        do {
            let applied = try await Migrator(database: database).migrate()
            if !applied.isEmpty {
                logger.info("migrated", metadata: ["versions": "\(applied.map(\.version))", "db": "\(database.location)"])
            }
            return database
        } catch {
            await database.close()
            throw CommandFailure.report(error)
        }
    }
}

/// A command that cannot go on prints one line on standard error and exits with a non-zero code.
enum CommandFailure {
    static func report(_ error: any Error) -> ExitCode {
        if let exit = error as? ExitCode { return exit }  // already reported
        let message = (error as? StoreError)?.description ?? (error as? CommandError)?.message ?? "\(error)"
        FileHandle.standardError.write(Data("zhurnal: ошибка: \(message)\n".utf8))
        return ExitCode.failure
    }

    static func guarding<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw report(error)
        }
    }
}

struct CommandError: Error {
    let message: String
}

enum Logs {
    private static let bootstrapped = Mutex(false)

    /// Logs go to standard error as `key=value` metadata, so the standard output stays for what a command prints.
    /// The logging system takes one bootstrap per process; later calls (tests run many commands) keep the first.
    static func bootstrap(level: Logger.Level) {
        let first = bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    static func logger(_ label: String = "zhurnal") -> Logger {
        Logger(label: label)
    }
}

/// Prints a line at once, also when standard output is a pipe or a file, where it would otherwise wait in a buffer
/// (progress of the demo, the address of the server).
func say(_ line: String) {
    print(line)
    fflush(nil)
}
