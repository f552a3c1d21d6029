import ArgumentParser
import Foundation
import Logging
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The attendance reports on the demo school: the whole school's day (issue 7: ≤ 20 ms) and a month by class, as raw
/// SQL and as requests to a live server, for each school size.
struct AttendanceBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Замерить отчёты о посещаемости: день всей школы и месяц по классам (сырой SQL, JSON и страницы) на демо-школах."
    )

    @Option(parsing: .upToNextOption, help: "Размеры демо-школ в учениках.")
    var students: [Int] = [600, 2000]

    @Option(help: "Сколько запросов каждого вида.")
    var runs: Int = 200

    @Option(help: "Папка для файлов SQLite (база демо-школы переиспользуется, если уже есть).")
    var workDir: String = FileManager.default.temporaryDirectory.path

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs: хотя бы один замер") }
        guard !students.isEmpty, students.allSatisfy({ (20...20_000).contains($0) }) else {
            throw ValidationError("--students: от 20 до 20000 учеников")
        }
    }

    func run() async throws {
        Logs.bootstrap(level: .warning)
        var lines: [String] = []
        for count in students {
            let database = try await BenchDemo.open(name: "attendance", students: count, workDir: workDir)
            do {
                lines += try await measure(database, students: count)
                await database.close()
            } catch {
                await database.close()
                throw CommandFailure.report(error)
            }
        }
        say("")
        say("| учеников | что | медиана, мс | p90, мс | SQL-запросов |")
        say("|---|---|---|---|---|")
        for line in lines { say(line) }
    }

    private func measure(_ database: Database, students: Int) async throws -> [String] {
        let target = try await Self.target(in: database)
        let hash = PasswordHasher(cost: 4).hash(JournalBenchCommand.password)
        try await database.write { sql in
            try await AccountStore.setPassword(school: target.school, account: target.deputyAccount, hash: hash, now: Date(), in: sql)
        }
        let month = DateSpan(target.day.adding(days: -29), target.day)
        let day = try await database.read { try await AttendanceRecords.day(school: target.school, date: target.day, in: $0) }
        say(
            "\(students) учеников: день \(target.day.iso) — \(day.classes.count) классов, \(day.pupils.count) учеников с отметками посещаемости; месяц \(month.start.iso)–\(month.end.iso)"
        )
        var lines: [String] = []
        func line(_ figure: AccessBenchCommand.Figure) {
            lines.append(
                "| \(students) | \(figure.name) | \(AccessBenchCommand.ms(figure.median)) | \(AccessBenchCommand.ms(figure.p90)) | \(figure.statements.map(String.init) ?? "—") |"
            )
        }
        line(
            try await RequestTiming.measure("сырой SQL дня всей школы", runs, database: database) { _ in
                _ = try await database.read { try await AttendanceRecords.day(school: target.school, date: target.day, in: $0) }
            }
        )
        line(
            try await RequestTiming.measure("сырой SQL месяца всей школы", max(runs / 10, 5), database: database) { _ in
                _ = try await database.read {
                    try await AttendanceRecords.range(school: target.school, span: month, heldUntil: target.day, in: $0)
                }
            }
        )
        let figures = try await BenchServer.serve(database) { base -> [AccessBenchCommand.Figure] in
            let http = HTTP(base: base)
            let token = try await http.token(login: target.login, password: JournalBenchCommand.password)
            var figures: [AccessBenchCommand.Figure] = []
            let range = "from=\(month.start.iso)&to=\(month.end.iso)"
            for (name, path, count) in [
                ("GET /api/v1/reports/attendance/day (день, JSON)", "/api/v1/reports/attendance/day?date=\(target.day.iso)", runs),
                ("GET /reports/attendance/day (день, страница)", "/reports/attendance/day?date=\(target.day.iso)", runs),
                ("GET /api/v1/reports/attendance (месяц по классам, JSON)", "/api/v1/reports/attendance?\(range)", max(runs / 10, 5)),
                ("GET /reports/attendance (месяц по классам, страница)", "/reports/attendance?\(range)", max(runs / 10, 5)),
            ] {
                figures.append(
                    try await RequestTiming.measure(name, count, database: database) { _ in
                        let (status, _) = try await http.call("GET", path, token: token)
                        guard status == 200 else { throw CommandError(message: "\(path): \(status)") }
                    }
                )
            }
            return figures
        }
        figures.forEach(line)
        return lines
    }

    struct Target {
        let school: Int
        let deputyAccount: Int
        let login: String
        /// The latest day with attendance entered, the demo's last lesson day.
        let day: LocalDate
    }

    static func target(in database: Database) async throws -> Target {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT a.school_id, a.id, a.login FROM accounts a
                    JOIN account_roles r ON r.school_id = a.school_id AND r.account_id = a.id AND r.role = 'deputy'
                    ORDER BY a.school_id, a.id LIMIT 1
                    """
                ).first()
            else { throw CommandError(message: "в демо-школе нет заместителя директора") }
            let school = try row.decode(column: "school_id", as: Int.self)
            let today = SchoolCalendar.today(Date()).iso
            guard
                let last = try await sql.raw(
                    """
                    SELECT MAX(l.lesson_date) AS day FROM attendance t
                    JOIN lessons l ON l.school_id = t.school_id AND l.id = t.lesson_id
                    WHERE t.school_id = \(bind: school) AND l.lesson_date <= \(bind: today)
                    """
                ).first()?.decode(column: "day", as: String?.self).flatMap(LocalDate.init(iso:))
            else { throw CommandError(message: "в демо-школе нет отметок посещаемости") }
            return Target(
                school: school,
                deputyAccount: try row.decode(column: "id", as: Int.self),
                login: try row.decode(column: "login", as: String.self),
                day: last
            )
        }
    }
}
