import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ZhurnalStore
import ZhurnalWeb

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Запустить веб-сервер Zhurnal."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Адрес, на котором слушать (или ZHURNAL_HOST; по умолчанию 127.0.0.1).")
    var host: String?

    @Option(help: "Порт (или ZHURNAL_PORT; по умолчанию 8080).")
    var port: Int?

    @Option(help: "Адрес сайта для людей (или ZHURNAL_PUBLIC_URL); https:// включает защищённые cookie `__Host-`.")
    var publicURL: String?

    @Flag(help: "Верить заголовку X-Forwarded-For (или ZHURNAL_TRUST_PROXY=1): только за своим обратным прокси.")
    var trustProxy = false

    @Flag(help: "Если база пуста, сначала создать демонстрационную школу.")
    var demo = false

    @OptionGroup(title: "Демонстрационная школа (с --demo)") var demoArguments: DemoArguments

    @Option(help: "Подробность журнала: trace, debug, info, notice, warning, error.")
    var logLevel: String = ProcessInfo.processInfo.environment["ZHURNAL_LOG_LEVEL"] ?? "info"

    func run() async throws {
        Logs.bootstrap(level: Logger.Level(rawValue: logLevel) ?? .info)
        let logger = Logs.logger()
        let environment = ProcessInfo.processInfo.environment
        let configuration = try await CommandFailure.guarding {
            AppConfiguration(
                host: host ?? environment["ZHURNAL_HOST"] ?? "127.0.0.1",
                port: try port ?? environment["ZHURNAL_PORT"].map(Self.parsePort) ?? 8080
            )
        }
        let db = try await database.openMigrated(logger: logger)
        do {
            if demo, try await db.read({ try await SchoolOverview.schoolCount(in: $0) }) == 0 {
                let accounts = try AccountsFile.reserve(demoArguments.accounts)
                do {
                    try await DemoRun.create(in: db, options: try demoArguments.options(), accounts: accounts)
                } catch {
                    accounts.abandon()
                    throw error
                }
            }
            let security = WebSecurity(
                publicURL: publicURL ?? environment["ZHURNAL_PUBLIC_URL"] ?? "http://\(configuration.host):\(configuration.port)",
                trustProxy: trustProxy || environment["ZHURNAL_TRUST_PROXY"] == "1"
            )
            let dependencies = AppDependencies(database: db, security: security)
            let app = try await buildApplication(configuration, dependencies: dependencies, logger: logger)
            say("Zhurnal: http://\(configuration.host):\(configuration.port)/ (база \(db.location))")
            // The journal-keeping remarks run beside the server and stop with it, before the database closes.
            let remarks = Task { await RemarkSchedule(database: db, logger: logger).start() }
            do {
                // Stops on SIGINT or SIGTERM after the requests in flight are answered.
                try await app.runService()
            } catch {
                remarks.cancel()
                await remarks.value
                throw error
            }
            remarks.cancel()
            await remarks.value
            await db.close()
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
    }

    static func parsePort(_ text: String) throws -> Int {
        guard let port = Int(text), (1...65_535).contains(port) else {
            throw CommandError(message: "ZHURNAL_PORT: «\(text)» не номер порта (1–65535)")
        }
        return port
    }
}
