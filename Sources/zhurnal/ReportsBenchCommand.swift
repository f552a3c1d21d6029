import ArgumentParser
import Foundation
import Logging
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The deputy's reports (issue 7) on a live server with the demo school: the school metrics of the first quarter,
/// in-process (the read and the arithmetic) and through the API and the page, and the journal-keeping control of the
/// last whole month, with their statement counts.
struct ReportsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Замерить отчёты заместителя (успеваемость за четверть, контроль журналов за месяц) на живом сервере с демо-школой."
    )

    @OptionGroup var options: LiveBenchOptions

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let database = try await BenchDemo.open(name: "reports", students: options.students, workDir: options.workDir)
        do {
            let target = try await Self.target(in: database)
            let hash = PasswordHasher(cost: 4).hash(JournalBenchCommand.password)
            try await database.write { sql in
                try await AccountStore.setPassword(school: target.school, account: target.deputyAccount, hash: hash, now: Date(), in: sql)
            }
            let period = target.period.id
            // The last whole month of lessons: the demo's lessons run up to yesterday.
            let yesterday = SchoolCalendar.today(Date()).adding(days: -1)
            let monthEnd = LocalDate(year: yesterday.year, month: yesterday.month, day: 1)!.adding(days: -1)
            let month = DateSpan(LocalDate(year: monthEnd.year, month: monthEnd.month, day: 1)!, monthEnd)
            var rows = [
                try await Self.inProcess(database, target, runs: options.runs),
                try await Self.control(database, target, month: month, runs: options.runs),
            ]
            rows += try await BenchServer.serve(database) { base -> [AccessBenchCommand.Figure] in
                let http = HTTP(base: base)
                let token = try await http.token(login: "deputy", password: JournalBenchCommand.password)
                var rows: [AccessBenchCommand.Figure] = []
                for (name, path) in [
                    ("GET /api/v1/reports/metrics (по классам)", "/api/v1/reports/metrics?periodId=\(period)&groupBy=class"),
                    ("GET /api/v1/reports/metrics (по предметам)", "/api/v1/reports/metrics?periodId=\(period)&groupBy=subject"),
                    ("GET /api/v1/reports/metrics (по учителям)", "/api/v1/reports/metrics?periodId=\(period)&groupBy=teacher"),
                    ("GET /api/v1/reports/metrics/pupils (списки)", "/api/v1/reports/metrics/pupils?periodId=\(period)"),
                    ("GET /reports/metrics (страница со списками и графиками)", "/reports/metrics?periodId=\(period)"),
                    (
                        "GET /api/v1/reports/journal-control (месяц, вся школа)",
                        "/api/v1/reports/journal-control?from=\(month.start.iso)&to=\(month.end.iso)"
                    ),
                    ("GET /reports/journal-control (страница, месяц)", "/reports/journal-control?from=\(month.start.iso)&to=\(month.end.iso)"),
                ] {
                    rows.append(
                        try await RequestTiming.measure(name, options.runs, database: database) { _ in
                            let (status, _) = try await http.call("GET", path, token: token)
                            guard status == 200 else { throw CommandError(message: "\(path): \(status)") }
                        }
                    )
                }
                return rows
            }
            await database.close()
            say("")
            say("демо-школа: \(target.pupils) учеников, \(target.period.title) (\(target.period.span.start.iso)–\(target.period.span.end.iso))")
            say("| что | медиана, мс | p90, мс | SQL-запросов на запрос |")
            say("|---|---|---|---|")
            for row in rows {
                say(
                    "| \(row.name) | \(AccessBenchCommand.ms(row.median)) | \(AccessBenchCommand.ms(row.p90)) | \(row.statements.map(String.init) ?? "—") |"
                )
            }
        } catch {
            await database.close()
            throw CommandFailure.report(error)
        }
    }

    struct Target {
        let school: Int
        let deputyAccount: Int
        let period: SchoolResults.Period
        let pupils: Int
    }

    /// The demo school's deputy and its first quarter of the current year.
    static func target(in database: Database) async throws -> Target {
        try await database.read { sql in
            guard let row = try await sql.raw("SELECT school_id, id FROM accounts WHERE login = 'deputy' ORDER BY school_id LIMIT 1").first()
            else { throw CommandError(message: "в демо-школе нет заместителя") }
            let school = try row.decode(column: "school_id", as: Int.self)
            let today = SchoolCalendar.today(Date())
            let periods = try await SchoolResults.periods(school: school, in: sql)
            guard let quarter = periods.first(where: { $0.kind == .quarter && $0.number == 1 && $0.span.start <= today }) else {
                throw CommandError(message: "в демо-школе нет начавшейся первой четверти")
            }
            let (results, _) = try await SchoolResults.results(school: school, period: quarter, on: quarter.referenceDay(today: today), in: sql)
            return Target(school: school, deputyAccount: try row.decode(column: "id", as: Int.self), period: quarter, pupils: results.pupils.count)
        }
    }

    /// The read and the arithmetic without HTTP: the part of the metrics that grows with the school.
    static func inProcess(_ database: Database, _ target: Target, runs: Int) async throws -> AccessBenchCommand.Figure {
        let day = target.period.referenceDay(today: SchoolCalendar.today(Date()))
        return try await RequestTiming.measure("метрики четверти по классам без HTTP (чтение и расчёт)", runs, database: database) { _ in
            let (results, _) = try await database.read {
                try await SchoolResults.results(school: target.school, period: target.period, on: day, in: $0)
            }
            guard !results.rows(by: .schoolClass).isEmpty else { throw CommandError(message: "нет строк") }
        }
    }

    /// The journal-keeping control's reads and judgement for a month without HTTP.
    static func control(_ database: Database, _ target: Target, month: DateSpan, runs: Int) async throws -> AccessBenchCommand.Figure {
        let today = SchoolCalendar.today(Date())
        return try await RequestTiming.measure("контроль журналов за месяц без HTTP (чтение и суждение)", runs, database: database) { _ in
            let facts = try await database.read { sql -> JournalKeeping.Facts in
                guard let year = try await YearCalendars.current(school: target.school, today: today, in: sql) else {
                    throw CommandError(message: "нет учебного года")
                }
                return try await JournalKeeping.facts(school: target.school, year: year, span: month, today: today, in: sql)
            }
            let rules = JournalControl.Rules(
                today: today,
                homeworkMinutes: facts.settings.homeworkDeadlineMinutes,
                editWindowDays: facts.settings.editWindowDays
            )
            guard !JournalControl.rows(facts.lessons, rules: rules).isEmpty else { throw CommandError(message: "нет строк") }
        }
    }
}
