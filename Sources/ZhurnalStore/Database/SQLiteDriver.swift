import Foundation
import Logging
import SQLKit
import SQLiteKit

/// SQLite in one file: WAL so readers never wait for the writer, `synchronous=FULL` so a confirmed write survives a
/// crash, foreign keys on. One writer connection (SQLite allows one writer at a time anyway, and queueing in the
/// process is fairer than busy-waiting on the file lock) and a few readers.
final class SQLiteDriver: DatabaseDriver {
    private let writer: SQLiteConnectionPool
    private let readers: SQLiteConnectionPool

    private init(writer: SQLiteConnectionPool, readers: SQLiteConnectionPool) {
        self.writer = writer
        self.readers = readers
    }

    static func open(path: String, logger: Logger) async throws(StoreError) -> SQLiteDriver {
        try checkWritable(path)
        let opener: @Sendable () async throws -> SQLiteConnection = {
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            do {
                let sql = connection.sql(queryLogLevel: nil)
                // journal_mode is a property of the file, the others of each connection.
                try await sql.raw("PRAGMA journal_mode = WAL").run()
                try await sql.raw("PRAGMA synchronous = FULL").run()
                try await sql.raw("PRAGMA foreign_keys = ON").run()
                try await sql.raw("PRAGMA busy_timeout = 10000").run()
                return connection
            } catch {
                try? await connection.close()
                throw error
            }
        }
        let writer = SQLiteConnectionPool(capacity: 1, opener: opener)
        do {
            // Open the writer now so that a bad file is reported at start-up, not at the first request.
            let connection = try await writer.lease()
            await writer.release(connection)
        } catch {
            await writer.close()
            throw .unavailable("не удалось открыть файл SQLite «\(path)»: \(error)")
        }
        let readers = SQLiteConnectionPool(capacity: 4, opener: opener)
        return SQLiteDriver(writer: writer, readers: readers)
    }

    private static func checkWritable(_ path: String) throws(StoreError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else {
                throw .unavailable("«\(path)» — папка, а не файл базы: укажите путь к файлу, например sqlite:zhurnal.sqlite")
            }
            guard files.isWritableFile(atPath: path) else {
                throw .unavailable("файл базы «\(path)» недоступен для записи: проверьте права или укажите другой путь")
            }
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        let folderPath = folder.isEmpty ? "." : folder
        guard files.fileExists(atPath: folderPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unavailable("папки «\(folderPath)» для файла базы нет: создайте её или укажите другой путь")
        }
        guard files.isWritableFile(atPath: folderPath) else {
            throw .unavailable("в папку «\(folderPath)» нельзя записать файл базы: проверьте права или укажите другой путь")
        }
    }

    func withConnection<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        try await readers.using { connection in try await body(connection.sql(queryLogLevel: nil)) }
    }

    func withSnapshot<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        // A deferred transaction reads one snapshot of the WAL from its first statement to COMMIT.
        try await readers.using { connection in
            try await transaction(on: connection.sql(queryLogLevel: nil), begin: "BEGIN", body)
        }
    }

    func withTransaction<Result: Sendable>(_ body: (any SQLDatabase) async throws -> Result) async throws -> Result {
        // IMMEDIATE takes the write lock at once, so the transaction never fails half-way on a lock upgrade.
        try await writer.using { connection in
            try await transaction(on: connection.sql(queryLogLevel: nil), begin: "BEGIN IMMEDIATE", body)
        }
    }

    func close() async {
        await readers.close()
        await writer.close()
    }
}

/// A fixed number of SQLite connections, opened on demand, handed out one caller at a time.
actor SQLiteConnectionPool {
    private let capacity: Int
    private let opener: @Sendable () async throws -> SQLiteConnection
    private var idle: [SQLiteConnection] = []
    private var opened = 0
    private var waiters: [CheckedContinuation<SQLiteConnection, any Error>] = []
    private var closed = false

    init(capacity: Int, opener: @escaping @Sendable () async throws -> SQLiteConnection) {
        self.capacity = capacity
        self.opener = opener
    }

    /// Runs `body` with a leased connection. A connection left in an unknown state (a failed ROLLBACK) is closed
    /// rather than handed to the next caller inside someone else's transaction.
    nonisolated func using<Result: Sendable>(
        _ body: (SQLiteConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await lease()
        do {
            let result = try await body(connection)
            await release(connection)
            return result
        } catch TransactionError.rollbackFailed(let original) {
            await discard(connection)
            throw original
        } catch {
            await release(connection)
            throw error
        }
    }

    func lease() async throws -> SQLiteConnection {
        guard !closed else { throw StoreError.unavailable("база закрыта") }
        if let connection = idle.popLast() { return connection }
        if opened < capacity {
            opened += 1
            do {
                return try await opener()
            } catch {
                opened -= 1
                // Those queued behind this attempt would otherwise wait for a connection that never comes.
                let queued = waiters
                waiters.removeAll()
                for waiter in queued { waiter.resume(throwing: error) }
                throw error
            }
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    func release(_ connection: SQLiteConnection) async {
        if closed {
            opened -= 1
            try? await connection.close()
        } else if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    private func discard(_ connection: SQLiteConnection) async {
        opened -= 1
        try? await connection.close()
    }

    /// Closes the idle connections now and the leased ones when they come back; sqlite-nio insists that every
    /// connection is closed before it is dropped.
    func close() async {
        closed = true
        let connections = idle
        idle.removeAll()
        opened -= connections.count
        for connection in connections {
            try? await connection.close()
        }
        let queued = waiters
        waiters.removeAll()
        for waiter in queued {
            waiter.resume(throwing: StoreError.unavailable("база закрыта"))
        }
    }
}
