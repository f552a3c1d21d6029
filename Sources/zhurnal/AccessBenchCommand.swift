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
            let figures = try await serve(database) { base in
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

    /// Runs the real application on a free loopback port for the duration of `body`.
    func serve<T: Sendable>(_ database: Database, _ body: @escaping @Sendable (String) async throws -> T) async throws -> T {
        // Believes X-Forwarded-For, so that the failure figures can come from many addresses.
        let router = try await buildRouter(AppDependencies(database: database, security: WebSecurity(trustProxy: true)))
        let port = PortBox()
        // The server is stopped by cancelling it, which Hummingbird reports at error level: not news here.
        var quiet = Logs.logger()
        quiet.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.set(channel.localAddress?.port ?? 0) },
            logger: quiet
        )
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            while port.value == 0 { try await Task.sleep(for: .milliseconds(20)) }
            let result = try await body("http://127.0.0.1:\(port.value)")
            group.cancelAll()
            return result
        }
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

private final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0
    var value: Int { lock.withLock { port } }
    func set(_ value: Int) { lock.withLock { port = value } }
}

/// A minimal HTTP client over URLSession: no redirects followed, cookies handled by hand.
private struct HTTP: Sendable {
    let base: String

    final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
        func urlSession(
            _ session: URLSession,
            task: URLSessionTask,
            willPerformHTTPRedirection response: HTTPURLResponse,
            newRequest request: URLRequest,
            completionHandler: @escaping (URLRequest?) -> Void
        ) {
            completionHandler(nil)
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    @discardableResult
    func get(_ path: String, cookie: String?) async throws -> (Data, HTTPURLResponse) {
        var request = URLRequest(url: URL(string: base + path)!)
        if let cookie { request.setValue(cookie, forHTTPHeaderField: "Cookie") }
        return try await send(request)
    }

    /// Signs in through the form and returns the session's `Cookie` header value.
    func signIn(_ login: String, _ password: String) async throws -> String {
        let (page, answer) = try await get("/login", cookie: nil)
        let anonymous = Self.cookie(answer)
        let html = String(decoding: page, as: UTF8.self)
        guard let start = html.range(of: "name=\"_csrf\" value=\""),
            let end = html[start.upperBound...].firstIndex(of: "\"")
        else { throw CommandError(message: "на странице входа нет токена формы") }
        let token = String(html[start.upperBound..<end])
        var request = URLRequest(url: URL(string: base + "/login")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue(anonymous, forHTTPHeaderField: "Cookie")
        let form = ["login": login, "password": password, "_csrf": token]
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        request.httpBody = Data(form.utf8)
        let (_, response) = try await send(request)
        guard response.statusCode == 303 else { throw CommandError(message: "вход не удался: \(response.statusCode)") }
        return Self.cookie(response)
    }

    /// `POST /api/v1/auth/token` from the address `from`; the status.
    func token(login: String, password: String, from address: String) async throws -> Int {
        var request = URLRequest(url: URL(string: base + "/api/v1/auth/token")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(address, forHTTPHeaderField: "X-Forwarded-For")
        request.httpBody = try JSONSerialization.data(withJSONObject: ["login": login, "password": password])
        let (_, response) = try await Self.session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    private func send(_ request: URLRequest) async throws -> (Data, HTTPURLResponse) {
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw CommandError(message: "не HTTP-ответ") }
        guard http.statusCode < 400 else { throw CommandError(message: "\(request.url?.path ?? ""): \(http.statusCode)") }
        return (data, http)
    }

    static func cookie(_ response: HTTPURLResponse) -> String {
        let header = response.value(forHTTPHeaderField: "Set-Cookie") ?? ""
        return String(header.split(separator: ";").first ?? "")
    }
}
