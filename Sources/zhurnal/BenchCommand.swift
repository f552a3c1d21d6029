import ArgumentParser
import Foundation
import Logging
import SQLKit
import ZhurnalCore
import ZhurnalDemo
import ZhurnalStore

/// Measures what the issues ask for. Build with `-c release`; quote medians.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Замеры: демо-школа и сетка журнала (grid), вход и проверка доступа (access), журнал и урок (journal), дневник (diary), настройка школы (setup), отчёты (reports), посещаемость (attendance).",
        subcommands: [
            GridBenchCommand.self, AccessBenchCommand.self, JournalBenchCommand.self, DiaryBenchCommand.self, SetupBenchCommand.self,
            ReportsBenchCommand.self, AttendanceBenchCommand.self,
        ],
        defaultSubcommand: GridBenchCommand.self
    )
}

/// Demo generation time and database size, and the journal grid's read, on SQLite and PostgreSQL.
struct GridBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grid",
        abstract: "Замерить создание демо-школы и чтение сетки журнала на SQLite и PostgreSQL."
    )

    @Option(parsing: .upToNextOption, help: "Размеры школ в учениках.")
    var students: [Int] = [600, 2000]

    @Option(help: "Сервер PostgreSQL для замеров (пользователь с правом CREATE DATABASE), или ZHURNAL_BENCH_POSTGRES_URL.")
    var postgres: String?

    @Option(help: "Сколько раз читать сетку журнала.")
    var runs: Int = 200

    @Option(help: "Дата, до которой проведены уроки демо-школы.")
    var until: String = "2026-11-27"

    @Option(help: "Папка для файлов SQLite.")
    var workDir: String = FileManager.default.temporaryDirectory.path

    @Flag(help: "Не создавать школу заново, если база замера от прошлого запуска уже есть (замерить только сетку).")
    var reuse = false

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs: хотя бы один замер") }
        guard !students.isEmpty, students.allSatisfy({ (20...20_000).contains($0) }) else {
            throw ValidationError("--students: от 20 до 20000 учеников")
        }
    }

    func run() async throws {
        Logs.bootstrap(level: .warning)
        guard let day = LocalDate(iso: until) else { throw CommandFailure.report(CommandError(message: "--until: не дата")) }
        let postgresURL = postgres ?? ProcessInfo.processInfo.environment["ZHURNAL_BENCH_POSTGRES_URL"]
        var results: [Result] = []
        try await CommandFailure.guarding {
            for count in students {
                let path = (workDir as NSString).appendingPathComponent("zhurnal-bench-\(count).sqlite")
                if !reuse {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
                results.append(try await measure(.sqlite(path: path), students: count, until: day))
                if let postgresURL {
                    let location = try await Self.postgres(postgresURL, name: "zhurnal_bench_\(count)", fresh: !reuse)
                    results.append(try await measure(location, students: count, until: day))
                }
            }
        }
        say("")
        say("| база | учеников | создание демо, с | размер, МБ | уроков | отметок | сетка: медиана, мс | p90, мс | запросов |")
        say("|---|---|---|---|---|---|---|---|---|")
        for r in results {
            say(
                "| \(r.flavor) | \(r.students) | \(r.demoSeconds.map { String(format: "%.1f", $0) } ?? "—") "
                    + "| \(String(format: "%.1f", r.megabytes)) "
                    + "| \(r.lessons) | \(r.marks) | \(String(format: "%.3f", r.gridMedianMs)) | \(String(format: "%.3f", r.gridP90Ms)) "
                    + "| \(r.gridStatements) |"
            )
        }
    }

    struct Result {
        let flavor: String
        let students: Int
        let demoSeconds: Double?
        let megabytes: Double
        let lessons: Int
        let marks: Int
        let gridMedianMs: Double
        let gridP90Ms: Double
        let gridStatements: Int
    }

    func measure(_ location: DatabaseLocation, students: Int, until: LocalDate) async throws -> Result {
        let database = try await Database.open(location, logger: Logs.logger())
        do {
            try await Migrator(database: database).migrate()
            let clock = ContinuousClock()
            var demoSeconds: Double?
            if try await database.read({ try await SchoolOverview.schoolCount(in: $0) }) == 0 {
                say("\(database.flavor.rawValue), \(students) учеников: создаю демо-школу…")
                let started = clock.now
                _ = try await DemoSchool.create(
                    in: database,
                    options: DemoOptions(students: students, seed: 1, until: until, hasher: PasswordHasher())
                ) { line in
                    // Elapsed seconds before each stage show where the time goes (mostly bcrypt).
                    say(String(format: "  %6.1f с  ", Self.seconds(clock.now - started)) + line)
                }
                demoSeconds = Self.seconds(clock.now - started)
            }
            let megabytes = try await Self.size(of: database) / 1_048_576
            let target = try await Self.busiestCourse(in: database)
            say("  сетка: курс \(target.course), \(target.span.start)–\(target.span.end)")
            var timings: [Double] = []
            var statements = 0
            for run in 0..<(runs + 10) {
                let before = database.statements.value
                let start = clock.now
                let grid = try await database.read { sql in
                    try await JournalQueries.grid(school: target.school, course: target.course, span: target.span, in: sql)
                }
                let elapsed = Self.seconds(clock.now - start) * 1000
                precondition(!grid.pupils.isEmpty && !grid.lessons.isEmpty, "the benchmark grid is empty")
                statements = database.statements.value - before
                if run >= 10 { timings.append(elapsed) }  // the first runs warm caches and prepare statements
            }
            timings.sort()
            let counts = try await Self.counts(in: database)
            await database.close()
            return Result(
                flavor: database.flavor.rawValue,
                students: students,
                demoSeconds: demoSeconds,
                megabytes: megabytes,
                lessons: counts.lessons,
                marks: counts.marks,
                gridMedianMs: timings[timings.count / 2],
                gridP90Ms: timings[timings.count * 9 / 10],
                gridStatements: statements
            )
        } catch {
            await database.close()
            throw error
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The course with the most lessons in a first period: the largest grid a teacher opens.
    static func busiestCourse(in database: Database) async throws -> (school: Int, course: Int, span: DateSpan) {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT c.school_id, c.id, p.starts_on, p.ends_on, COUNT(l.id) AS lessons
                    FROM courses c
                    JOIN classes k ON k.school_id = c.school_id AND k.id = c.class_id
                    JOIN periods p ON p.school_id = c.school_id AND p.year_id = c.year_id
                        AND p.kind = k.period_kind AND p.number = 1
                    JOIN lessons l ON l.school_id = c.school_id AND l.course_id = c.id
                        AND l.lesson_date BETWEEN p.starts_on AND p.ends_on
                    GROUP BY c.school_id, c.id, p.starts_on, p.ends_on
                    ORDER BY lessons DESC, c.id
                    LIMIT 1
                    """
                ).first()
            else { throw CommandError(message: "в демо-школе нет уроков для замера") }
            return (
                try row.decode(column: "school_id", as: Int.self),
                try row.decode(column: "id", as: Int.self),
                DateSpan(
                    LocalDate(iso: try row.decode(column: "starts_on", as: String.self))!,
                    LocalDate(iso: try row.decode(column: "ends_on", as: String.self))!
                )
            )
        }
    }

    static func size(of database: Database) async throws -> Double {
        switch database.location {
        case .sqlite(let path):
            _ = try await database.autocommit { try await $0.raw("PRAGMA wal_checkpoint(TRUNCATE)").all() }
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return Double((attributes[.size] as? NSNumber)?.int64Value ?? 0)
        case .postgres:
            let row = try await database.read {
                try await $0.raw("SELECT pg_database_size(current_database()) AS bytes").first()
            }
            return Double(try row?.decode(column: "bytes", as: Int.self) ?? 0)
        }
    }

    static func counts(in database: Database) async throws -> (lessons: Int, marks: Int) {
        let row = try await database.read {
            try await $0.raw("SELECT (SELECT COUNT(*) FROM lessons) AS lessons, (SELECT COUNT(*) FROM marks) AS marks").first()
        }
        return (try row?.decode(column: "lessons", as: Int.self) ?? 0, try row?.decode(column: "marks", as: Int.self) ?? 0)
    }

    /// The database `name` on the server at `url`; a new, empty one when `fresh` (replacing one of the same name),
    /// else the one a previous run left (created if missing).
    static func postgres(_ url: String, name: String, fresh: Bool) async throws -> DatabaseLocation {
        let admin = try DatabaseLocation(url: url)
        guard case .postgres(var address) = admin else { throw CommandError(message: "--postgres: нужен адрес postgres://") }
        let database = try await Database.open(admin, logger: Logs.logger())
        do {
            try await database.autocommit { sql in
                let exists = try await sql.raw("SELECT 1 AS one FROM pg_database WHERE datname = \(bind: name)").first() != nil
                if fresh || !exists {
                    try await sql.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
                    try await sql.raw("CREATE DATABASE \(ident: name)").run()
                }
            }
            await database.close()
        } catch {
            await database.close()
            throw error
        }
        address.database = name
        return .postgres(address)
    }
}
