import ArgumentParser
import Foundation
import Logging
import SQLKit
import ZhurnalCore
import ZhurnalStore

/// The diary's hot path end to end on a live server with the demo school: a parent's view of his child's last week
/// (page and JSON) against its raw SQL, and — with `--wrk` — week views a second from 4 connections.
struct DiaryBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diary",
        abstract:
            "Замерить неделю дневника, отметки за период (страницы и JSON), главную страницу родителя и ленту уведомлений на живом сервере с демо-школой."
    )

    @OptionGroup var options: LiveBenchOptions

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let database = try await BenchDemo.open(name: "diary", students: options.students, workDir: options.workDir)
        do {
            let target = try await Self.target(in: database)
            let hash = PasswordHasher(cost: 4).hash(JournalBenchCommand.password)
            try await database.write { sql in
                try await AccountStore.setPassword(school: target.school, account: target.parentAccount, hash: hash, now: Date(), in: sql)
            }
            let week = SchoolWeek(containing: SchoolCalendar.today(Date()).adding(days: -1))
            let raw = try await Self.raw(database, target, week: week, runs: options.runs)
            let query = "?week=\(week.monday.iso)"
            let (rows, rate) = try await BenchServer.serve(database) { base -> ([AccessBenchCommand.Figure], Double?) in
                let http = HTTP(base: base)
                let token = try await http.token(login: target.login, password: JournalBenchCommand.password)
                var rows: [AccessBenchCommand.Figure] = []
                for (name, path) in [
                    ("GET /students/{id}/diary (страница недели)", "/students/\(target.student)/diary" + query),
                    ("GET /api/v1/students/{id}/diary (неделя JSON)", "/api/v1/students/\(target.student)/diary" + query),
                    ("GET /students/{id}/marks (отметки за период)", "/students/\(target.student)/marks"),
                    ("GET /api/v1/students/{id}/marks (отметки JSON)", "/api/v1/students/\(target.student)/marks"),
                    ("GET / (главная страница родителя)", "/?student=\(target.student)"),
                    ("GET /api/v1/notifications (лента)", "/api/v1/notifications"),
                ] {
                    rows.append(
                        try await RequestTiming.measure(name, options.runs, database: database) { _ in
                            let (status, _) = try await http.call("GET", path, token: token)
                            guard status == 200 else { throw CommandError(message: "\(path): \(status)") }
                        }
                    )
                }
                guard options.wrk else { return (rows, nil) }
                let rate = try await WrkRun.requestsPerSecond(
                    url: base + "/students/\(target.student)/diary" + query,
                    headers: ["Authorization: Bearer \(token)"],
                    seconds: options.wrkSeconds
                )
                return (rows, rate)
            }
            await database.close()
            say("")
            say("ученик \(target.student), неделя \(week.title): \(target.lessons) уроков; родитель \(target.login)")
            say("| что | медиана, мс | p90, мс | SQL-запросов на запрос |")
            say("|---|---|---|---|")
            say("| сырой SQL недели (факты ученика и неделя) | \(AccessBenchCommand.ms(raw.median)) | \(AccessBenchCommand.ms(raw.p90)) | 2 |")
            for row in rows {
                say(
                    "| \(row.name) | \(AccessBenchCommand.ms(row.median)) | \(AccessBenchCommand.ms(row.p90)) | \(row.statements.map(String.init) ?? "—") |"
                )
            }
            if let rate {
                say(String(format: "wrk, страница недели, 4 соединения, %d с: %.0f страниц в секунду", options.wrkSeconds, rate))
            }
        } catch {
            await database.close()
            throw CommandFailure.report(error)
        }
    }

    struct Target {
        let school: Int
        let student: Int
        let parentAccount: Int
        let login: String
        let lessons: Int
    }

    /// The child with an open diary and the most marks, and his first parent with an account.
    static func target(in database: Database) async throws -> Target {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT g.school_id, g.student_id, a.id AS account_id, a.login,
                           (SELECT COUNT(*) FROM marks m WHERE m.school_id = g.school_id AND m.student_id = g.student_id) AS marks
                    FROM guardianships g
                    JOIN people p ON p.school_id = g.school_id AND p.id = g.student_id AND p.family_consent_on IS NOT NULL
                    JOIN accounts a ON a.school_id = g.school_id AND a.person_id = g.guardian_id
                    ORDER BY marks DESC, g.student_id, a.id
                    LIMIT 1
                    """
                ).first()
            else { throw CommandError(message: "в демо-школе нет родителей") }
            let school = try row.decode(column: "school_id", as: Int.self)
            let student = try row.decode(column: "student_id", as: Int.self)
            let week = SchoolWeek(containing: SchoolCalendar.today(Date()).adding(days: -1))
            let lessons = try await DiaryQueries.week(school: school, student: student, week: week, in: sql).lessons.count
            return Target(
                school: school,
                student: student,
                parentAccount: try row.decode(column: "account_id", as: Int.self),
                login: try row.decode(column: "login", as: String.self),
                lessons: lessons
            )
        }
    }

    /// The reader's two statements alone, in one snapshot as the page reads them.
    static func raw(_ database: Database, _ target: Target, week: SchoolWeek, runs: Int) async throws -> (median: Double, p90: Double) {
        let today = SchoolCalendar.today(Date())
        var timings: [Double] = []
        for run in 0..<(runs + 10) {
            let start = ContinuousClock.now
            _ = try await database.read { sql in
                _ = try await AccessFacts.student(school: target.school, student: target.student, today: today, in: sql)
                return try await DiaryQueries.week(school: target.school, student: target.student, week: week, in: sql)
            }
            if run >= 10 { timings.append(AccessBenchCommand.seconds(ContinuousClock.now - start)) }
        }
        timings.sort()
        return (timings[timings.count / 2], timings[timings.count * 9 / 10])
    }
}
