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
        let accounts = try demo.reserveAccountsFile()
        do {
            let db = try await database.openMigrated(logger: Logs.logger())
            do {
                try await DemoRun.create(in: db, options: options, accountsFile: accounts)
                await db.close()
            } catch {
                await db.close()
                throw CommandFailure.report(error)
            }
        } catch {
            // Half a school's accounts in a file would be worse than none.
            try? FileManager.default.removeItem(atPath: accounts)
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

    /// Creates the accounts file before any work, so that an unwritable path fails at once with nothing written.
    func reserveAccountsFile() throws -> String {
        guard FileManager.default.createFile(atPath: accounts, contents: Data(), attributes: [.posixPermissions: 0o600])
        else {
            throw CommandFailure.report(CommandError(message: "не удалось создать файл «\(accounts)» для учётных записей: проверьте путь и права"))
        }
        return accounts
    }
}

enum DemoRun {
    /// Builds the school, writes the accounts and prints one account per role.
    static func create(in database: Database, options: DemoOptions, accountsFile: String) async throws {
        let started = ContinuousClock.now
        print("Создаю демонстрационную школу: \(options.students) учеников, уроки до \(options.until.russian)…")
        let summary = try await DemoSchool.create(in: database, options: options) { line in
            print("  " + line)
        }
        try Data(DemoSchool.accountsCSV(summary.accounts).utf8).write(to: URL(fileURLWithPath: accountsFile))
        let elapsed = ContinuousClock.now - started
        print("Готово за \(elapsed.components.seconds) с. Учётные записи (\(summary.accounts.count)) — в \(accountsFile).")
        print("Для входа, по одной на роль (пароль одноразовый, при первом входе его нужно сменить):")
        for (role, account) in summary.samples {
            print("  \(role.russianTitle): \(account.login) / \(account.password) — \(account.fullName)")
        }
    }
}
