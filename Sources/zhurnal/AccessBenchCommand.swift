import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import ZhurnalCore
import ZhurnalDemo
import ZhurnalStore
import ZhurnalWeb

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The cost of signing in (bcrypt) and of deciding access on every request, measured on a real server over
/// loopback with the demo school: a signed-in request against `/healthz`, which touches no session, and the policy
/// alone in a loop.
struct AccessBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Замерить вход (bcrypt) и проверку сеанса и прав на каждом запросе."
    )

    @Option(help: "Сколько запросов каждого вида.")
    var runs: Int = 300

    @Option(help: "Папка для файла SQLite.")
    var workDir: String = FileManager.default.temporaryDirectory.path

    func validate() throws {
        guard runs >= 10 else { throw ValidationError("--runs: хотя бы 10") }
    }

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let hasher = PasswordHasher()
        let stored = hasher.hash("зелёный слон 2026")
        let bcrypt = try Self.median(30) { _ = hasher.verify("зелёный слон 2026", against: stored) }
        let policy = Self.policyNanoseconds()

        let path = (workDir as NSString).appendingPathComponent("zhurnal-bench-access.sqlite")
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let database = try await Database.open(.sqlite(path: path), logger: Logs.logger())
        do {
            try await Migrator(database: database).migrate()
            say("Создаю демо-школу (40 учеников)…")
            let summary = try await DemoSchool.create(
                in: database,
                options: DemoOptions(students: 40, seed: 1, until: LocalDate(year: 2026, month: 10, day: 9)!, hasher: hasher)
            ) { _ in }
            let teacher = try requireAccount(summary, .teacher)
            let logins = summary.accounts.map(\.login)
            let figures = try await BenchServer.serve(database) { base in
                try await self.measure(base: base, login: teacher.login, password: teacher.password, database: database)
                    + self.measureFailures(base: base, knownLogins: logins)
            }
            await database.close()
            say("")
            say("| что | медиана, мс | p90, мс | SQL-запросов на запрос |")
            say("|---|---|---|---|")
            say("| bcrypt (cost 10), одна проверка пароля | \(Self.ms(bcrypt.median)) | \(Self.ms(bcrypt.p90)) | — |")
            for row in figures {
                say("| \(row.name) | \(Self.ms(row.median)) | \(Self.ms(row.p90)) | \(row.statements.map(String.init) ?? "—") |")
            }
            say("| AccessPolicy.decide, один вызов | \(String(format: "%.0f нс", policy)) | — | 0 |")
        } catch {
            await database.close()
            throw CommandFailure.report(error)
        }
    }

    struct Figure {
        let name: String
        let median: Double
        let p90: Double
        /// Per request; nil where it is not what the row is about.
        let statements: Int?
    }

    func measure(base: String, login: String, password: String, database: Database) async throws -> [Figure] {
        let http = HTTP(base: base)
        var figures: [Figure] = []
        func timed(_ name: String, _ count: Int, _ request: () async throws -> Void) async throws {
            for _ in 0..<5 { try await request() }
            var timings: [Double] = []
            let before = database.statements.value
            for _ in 0..<count {
                let start = ContinuousClock.now
                try await request()
                timings.append(Self.seconds(ContinuousClock.now - start))
            }
            timings.sort()
            let statements = (database.statements.value - before) / count
            figures.append(Figure(name: name, median: timings[timings.count / 2], p90: timings[timings.count * 9 / 10], statements: statements))
        }
        try await timed("вход через форму (POST /login)", 20) { _ = try await http.signIn(login, password) }
        let cookie = try await http.signIn(login, password)
        try await timed("GET /healthz (без сеанса)", runs) { try await http.get("/healthz", cookie: nil) }
        try await timed("GET /api/v1/me (сеанс + политика)", runs) { try await http.get("/api/v1/me", cookie: cookie) }
        try await timed("GET /api/v1/courses (сеанс + политика + список)", runs) { try await http.get("/api/v1/courses", cookie: cookie) }
        try await timed("GET / (сеанс + страница)", runs) { try await http.get("/", cookie: cookie) }
        return figures
    }

    /// SECURITY.md: the same answer and timing for an unknown login and a wrong password. Each attempt comes from
    /// its own address and each known login is tried once, so the limiter's fast refusals do not enter the figures.
    func measureFailures(base: String, knownLogins: [String]) async throws -> [Figure] {
        let http = HTTP(base: base)
        let count = min(60, knownLogins.count)
        var unknown: [Double] = []
        var wrong: [Double] = []
        for index in 0..<count {
            for (login, into) in [("nobody\(index)", 0), (knownLogins[index], 1)] {
                let start = ContinuousClock.now
                let status = try await http.token(
                    login: login,
                    password: "неверный пароль \(index)",
                    from: "10.\(into).\(index / 250).\(index % 250)"
                )
                let elapsed = Self.seconds(ContinuousClock.now - start)
                guard status == 401 else { throw CommandError(message: "неверный вход ответил \(status), а не 401") }
                if into == 0 { unknown.append(elapsed) } else { wrong.append(elapsed) }
            }
        }
        unknown.sort()
        wrong.sort()
        return [
            Figure(name: "токен: неизвестный логин (401)", median: unknown[count / 2], p90: unknown[count * 9 / 10], statements: nil),
            Figure(name: "токен: неверный пароль (401)", median: wrong[count / 2], p90: wrong[count * 9 / 10], statements: nil),
        ]
    }

    /// A mix of decisions a page makes: allowed and refused, on every kind of resource.
    static func policyNanoseconds() -> Double {
        let teacher = Actor(accountID: 5, personID: 5, schoolID: 1, roles: [.teacher, .homeroom])
        let resources: [AccessResource] = [
            .course(CourseFacts(schoolID: 1, courseID: 3, teacherIDs: [5, 9], homeroomTeacherIDs: [7])),
            .student(StudentFacts(schoolID: 1, studentID: 40, homeroomTeacherIDs: [5], teacherIDs: [5, 6], guardianIDs: [41])),
            .school(id: 1), .school(id: 2), .session(SessionFacts(schoolID: 1, accountID: 5)),
        ]
        let iterations = 1_000_000
        var allowed = 0
        let start = ContinuousClock.now
        for index in 0..<iterations {
            let action = AccessAction.allCases[index % AccessAction.allCases.count]
            if AccessPolicy.decide(teacher, action, resources[index % resources.count]).isAllowed { allowed += 1 }
        }
        let elapsed = seconds(ContinuousClock.now - start)
        precondition(allowed > 0)
        return elapsed / Double(iterations) * 1e9
    }

    static func median(_ count: Int, _ body: () throws -> Void) throws -> (median: Double, p90: Double) {
        var timings: [Double] = []
        for _ in 0..<count {
            let start = ContinuousClock.now
            try body()
            timings.append(seconds(ContinuousClock.now - start))
        }
        timings.sort()
        return (timings[count / 2], timings[count * 9 / 10])
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func ms(_ seconds: Double) -> String { String(format: "%.3f", seconds * 1000) }
}

/// The demo account of one role, or a readable failure.
private func requireAccount(_ summary: DemoSummary, _ role: Role) throws -> DemoAccount {
    guard let account = summary.samples.first(where: { $0.role == role })?.account else {
        throw CommandError(message: "в демо-школе нет учётной записи с ролью \(role.rawValue)")
    }
    return account
}
