import ArgumentParser
import Logging
import ZhurnalStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Привести схему базы к версии этой программы."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let logger = Logs.logger()
        let db = try await CommandFailure.guarding {
            try await Database.open(DatabaseLocation(url: database.url), logger: logger)
        }
        do {
            let migrator = Migrator(database: db)
            let applied = try await migrator.migrate()
            if applied.isEmpty {
                say("Схема уже версии \(migrator.knownVersion): менять нечего.")
            } else {
                for step in applied { say("Применено: \(step.version) — \(step.name)") }
                say("Схема версии \(migrator.knownVersion).")
            }
            await db.close()
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
    }
}
