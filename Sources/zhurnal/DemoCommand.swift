import ArgumentParser
import Foundation
import Logging
import ZhurnalCore
import ZhurnalDemo
import ZhurnalStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Создать демонстрационную школу в пустой базе и записать её учётные записи в CSV."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var demo: DemoArguments

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let options = try demo.options()
        let accounts = try AccountsFile.reserve(demo.accounts)
        do {
            let db = try await database.openMigrated(logger: Logs.logger())
            do {
                try await DemoRun.create(in: db, options: options, accounts: accounts)
                await db.close()
            } catch {
                await db.close()
                throw CommandFailure.report(error)
            }
        } catch {
            accounts.abandon()
            throw error
        }
    }
}

/// The demo's knobs, shared by `demo` and `serve --demo`.
struct DemoArguments: ParsableArguments {
    @Option(help: "Сколько учеников (по умолчанию 600).")
    var students: Int = 600

    @Option(help: "Зерно генератора: одно и то же зерно даёт ту же школу (пароли всегда случайные).")
    var seed: UInt64 = 1

    @Option(help: "До какой даты (ГГГГ-ММ-ДД) проведены уроки (по умолчанию сегодня).")
    var until: String?

    @Option(help: "Куда записать учётные записи (CSV: login,password,roles,fullName).")
    var accounts: String = "demo-accounts.csv"

    func validate() throws {
        guard (20...20_000).contains(students) else {
            throw ValidationError("--students: от 20 до 20000 учеников, указано \(students)")
        }
        if let until, LocalDate(iso: until) == nil {
            throw ValidationError("--until: «\(until)» не дата; пример 2026-11-27")
        }
    }

    func options(now: Date = Date()) throws -> DemoOptions {
        let day = until.flatMap(LocalDate.init(iso:)) ?? SchoolCalendar.today(now)
        return DemoOptions(students: students, seed: seed, until: day, hasher: PasswordHasher())
    }

}

enum DemoRun {
    /// Builds the school, writes the accounts and prints one account per role.
    static func create(in database: Database, options: DemoOptions, accounts: AccountsFile) async throws {
        let started = ContinuousClock.now
        say("Создаю демонстрационную школу: \(options.students) учеников, уроки до \(options.until.russian)…")
        let summary = try await DemoSchool.create(in: database, options: options) { line in
            say("  " + line)
        }
        try accounts.commit(DemoSchool.accountsCSV(summary.accounts))
        let elapsed = ContinuousClock.now - started
        say("Готово за \(elapsed.components.seconds) с. Учётные записи (\(summary.accounts.count)) — в \(accounts.path).")
        say("Для входа, по одной на роль (пароль одноразовый, при первом входе его нужно сменить):")
        for (role, account) in summary.samples {
            say("  \(role.russianTitle): \(account.login) / \(account.password) — \(account.fullName)")
        }
    }
}
