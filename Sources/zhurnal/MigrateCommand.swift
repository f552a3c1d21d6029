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
                print("Схема уже версии \(migrator.knownVersion): менять нечего.")
            } else {
                for step in applied { print("Применено: \(step.version) — \(step.name)") }
                print("Схема версии \(migrator.knownVersion).")
            }
            await db.close()
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
    }
}
