import ArgumentParser
import Foundation
import Logging
import SQLKit
import ZhurnalCore
import ZhurnalDemo
import ZhurnalStore

/// The journal's hot paths end to end on a live server with the demo school: the grid page and a course's journal for
/// a period (the grid's data) against their raw SQL, saving a whole lesson's attendance and marks, and — with `--wrk`
/// and Debian's `wrk` installed — grid pages a second from 4 connections in a second process.
struct JournalBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Замерить журнал курса (данные сетки) и сохранение целого урока на живом сервере."
    )

    @OptionGroup var options: LiveBenchOptions

    static let password = "скамейка у окна 2026"

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let database = try await BenchDemo.open(name: "journal", students: options.students, workDir: options.workDir)
        do {
            let target = try await Self.target(in: database)
            // The bench's own database: the teacher gets a known password.
            let hash = PasswordHasher(cost: 4).hash(Self.password)
            try await database.write { sql in
                try await AccountStore.setPassword(school: target.school, account: target.teacherAccount, hash: hash, now: Date(), in: sql)
            }
            let grid = try await GridTiming.raw(database, school: target.school, course: target.course, runs: options.runs)
            let before = try await database.read { sql in
                try await sql.raw("SELECT COALESCE(MAX(id), 0) AS id FROM marks").first()?.decode(column: "id", as: Int.self) ?? 0
            }
            let measured = try await BenchServer.serve(database) { base in
                try await self.measure(base: base, target: target, database: database)
            }
            // The saves added a mark per pupil each time; left in, they would slow the next run's grid.
            try await database.write { sql in
                try await sql.raw("DELETE FROM marks WHERE school_id = \(bind: target.school) AND id > \(bind: before)").run()
            }
            await database.close()
            say("")
            say("курс \(target.course), \(target.pupils) учеников, урок \(target.lesson)")
            say("| что | медиана, мс | p90, мс | SQL-запросов на запрос |")
            say("|---|---|---|---|")
            say("| сырой SQL сетки (шапка курса и ячейки) | \(AccessBenchCommand.ms(grid.median)) | \(AccessBenchCommand.ms(grid.p90)) | 2 |")
            let figures = measured.rows
            for row in figures {
                say(
                    "| \(row.name) | \(AccessBenchCommand.ms(row.median)) | \(AccessBenchCommand.ms(row.p90)) | \(row.statements.map(String.init) ?? "—") |"
                )
            }
            for figure in figures.prefix(2) {
                say(String(format: "Отношение «%@» к сырому SQL сетки: %.1f", figure.name, figure.median / grid.median))
            }
            if let rate = measured.rate {
                say(String(format: "wrk, страница сетки, 4 соединения, %d с: %.0f страниц в секунду", options.wrkSeconds, rate))
            }
        } catch {
            await database.close()
            throw CommandFailure.report(error)
        }
    }

    struct Figures {
        var rows: [AccessBenchCommand.Figure] = []
        var rate: Double?
    }

    func measure(base: String, target: Target, database: Database) async throws -> Figures {
        let http = HTTP(base: base)
        let token = try await http.token(login: target.login, password: Self.password)
        var figures = Figures()
        func timed(_ name: String, _ count: Int, _ request: (Int) async throws -> Void) async throws {
            figures.rows.append(try await RequestTiming.measure(name, count, database: database, request))
        }
        try await timed("GET /courses/{id}/journal (страница сетки)", options.runs) { _ in
            let (status, _) = try await http.call("GET", "/courses/\(target.course)/journal", token: token)
            guard status == 200 else { throw CommandError(message: "страница сетки: \(status)") }
        }
        try await timed("GET /api/v1/courses/{id}/journal (данные сетки)", options.runs) { _ in
            let (status, _) = try await http.call("GET", "/api/v1/courses/\(target.course)/journal", token: token)
            guard status == 200 else { throw CommandError(message: "журнал: \(status)") }
        }
        // Before the saves, which leave a hundred marks in one column until the bench removes them.
        if options.wrk {
            figures.rate = try await WrkRun.requestsPerSecond(
                url: base + "/courses/\(target.course)/journal",
                headers: ["Authorization: Bearer \(token)"],
                seconds: options.wrkSeconds
            )
        }
        // Each save changes every pupil's attendance and adds one mark each: the whole class, every time.
        let saves = min(options.runs, 100)
        try await timed("PUT /api/v1/lessons/{id}/entries (\(target.pupils) учеников: посещаемость и отметка каждому)", saves) { index in
            let entries = target.members.map { student -> [String: Any] in
                [
                    "studentId": student, "attendance": index % 2 == 0 ? "оп" : "н",
                    "marks": [["value": "\(3 + index % 3)", "workType": target.workType]],
                ]
            }
            let body = try JSONSerialization.data(withJSONObject: ["entries": entries])
            let (status, data) = try await http.call("PUT", "/api/v1/lessons/\(target.lesson)/entries", token: token, json: body)
            guard status == 200 else { throw CommandError(message: "урок: \(status) \(String(decoding: data, as: UTF8.self))") }
        }
        return figures
    }

    struct Target {
        let school: Int
        let course: Int
        let lesson: Int
        let teacherAccount: Int
        let login: String
        let workType: Int
        let members: [Int]
        var pupils: Int { members.count }
    }

    /// The class course with the most pupils, its latest lesson (yesterday's or the last before), and its teacher.
    static func target(in database: Database) async throws -> Target {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT l.school_id, l.course_id, l.id AS lesson_id, l.teacher_id, a.id AS account_id, a.login,
                           (SELECT MIN(id) FROM work_types w WHERE w.school_id = l.school_id) AS work_type
                    FROM lessons l
                    JOIN courses c ON c.school_id = l.school_id AND c.id = l.course_id AND c.group_id IS NULL
                    JOIN course_teachers t ON t.school_id = c.school_id AND t.course_id = c.id AND t.teacher_id = l.teacher_id
                    JOIN accounts a ON a.school_id = l.school_id AND a.person_id = l.teacher_id
                    WHERE l.status = 'held'
                    ORDER BY l.lesson_date DESC,
                             (SELECT COUNT(*) FROM enrolments e WHERE e.school_id = c.school_id AND e.class_id = c.class_id) DESC,
                             l.id
                    LIMIT 1
                    """
                ).first()
            else { throw CommandError(message: "в демо-школе нет уроков") }
            let school = try row.decode(column: "school_id", as: Int.self)
            guard let lesson = try await LessonFacts.load(school: school, lesson: try row.decode(column: "lesson_id", as: Int.self), in: sql)
            else { throw CommandError(message: "урок пропал") }
            return Target(
                school: school,
                course: try row.decode(column: "course_id", as: Int.self),
                lesson: lesson.lessonID,
                teacherAccount: try row.decode(column: "account_id", as: Int.self),
                login: try row.decode(column: "login", as: String.self),
                workType: try row.decode(column: "work_type", as: Int.self),
                members: try await lesson.members(in: sql).sorted()
            )
        }
    }
}

/// The grid's two statements alone (the course's head, then the period's cells), in one snapshot as the page reads
/// them, without HTTP, the policy or rendering: what the page's time is compared with.
enum GridTiming {
    static func raw(_ database: Database, school: Int, course: Int, runs: Int) async throws -> (median: Double, p90: Double) {
        let today = SchoolCalendar.today(Date())
        var timings: [Double] = []
        for run in 0..<(runs + 10) {
            let start = ContinuousClock.now
            _ = try await database.read { sql in
                guard let period = try await CourseJournalHead.load(school: school, course: course, today: today, in: sql)?.period(nil, today: today)
                else { throw CommandError(message: "у курса нет периода") }
                return try await JournalQueries.grid(school: school, course: course, span: period.span, termPeriod: period.id, in: sql)
            }
            if run >= 10 { timings.append(AccessBenchCommand.seconds(ContinuousClock.now - start)) }
        }
        timings.sort()
        return (timings[timings.count / 2], timings[timings.count * 9 / 10])
    }
}
