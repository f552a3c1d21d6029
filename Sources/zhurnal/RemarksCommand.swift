import ArgumentParser
import Foundation
import Logging
import ZhurnalCore
import ZhurnalStore
import ZhurnalWeb

/// The weekly remarks of the journal-keeping control for a given week, as the server makes them every Monday 00:00.
struct RemarksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remarks",
        abstract: "Сделать еженедельные замечания по ведению журналов (как сервер в понедельник в 00:00).",
        discussion:
            "Замечания делаются на понедельник недели, в которую попадает --date (по умолчанию сегодня). Повторный запуск за ту же неделю ничего не повторяет."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Дата ГГГГ-ММ-ДД: проверка на 00:00 понедельника её недели.")
    var date: String?

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let day: LocalDate
        if let date {
            guard let parsed = LocalDate(iso: date) else { throw CommandFailure.report(CommandError(message: "--date: дата в виде ГГГГ-ММ-ДД")) }
            day = parsed
        } else {
            day = SchoolCalendar.today(Date())
        }
        let db = try await database.openMigrated(logger: Logs.logger())
        do {
            let monday = SchoolWeek(containing: day).monday
            let outcome = try await RemarkRun(database: db, clock: { Date() }).weekly(monday: monday)
            say("Проверка на \(monday.russian): новых замечаний \(outcome.made), закрыто \(outcome.closed).")
            await db.close()
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
    }
}
