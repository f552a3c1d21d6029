import ArgumentParser
import Foundation
import Logging
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// `zhurnal import pupils FILE`: the same import as the administrator's page, for large files and scripts. Every
/// refused row is printed with its line, and then nothing is written.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Загрузить список из файла CSV или XLSX (сейчас: pupils — ученики с классами и представителями).",
        discussion:
            "Файл проверяется целиком; если хоть одна строка отклонена, не записывается ничего. Повторная загрузка того же файла ничего не меняет."
    )

    @OptionGroup var list: ListFileArguments

    @Flag(name: .customLong("dry-run"), help: "Только проверить и показать, что будет сделано.")
    var dryRun = false

    func run() async throws {
        Logs.bootstrap(level: .warning)
        let progress = StageTimer()
        guard let data = FileManager.default.contents(atPath: list.file) else {
            throw CommandFailure.report(CommandError(message: "файл не читается: \(list.file)"))
        }
        let table: SheetTable
        do {
            table = try SheetFormat.of(data).read(data)
        } catch {
            throw CommandFailure.report(CommandError(message: error.russianMessage))
        }
        progress.step("прочитано строк: \(table.rows.count) (\(SheetFormat.of(data).rawValue.uppercased()))")
        let db = try await list.database.openMigrated(logger: Logs.logger())
        let plan: PupilImportPlan
        do {
            plan = try await PupilListImport.run(
                header: table.header,
                rows: table.rows,
                school: list.school,
                today: SchoolCalendar.today(Date()),
                now: Date(),
                write: !dryRun,
                in: db
            )
            await db.close()
        } catch let refusal as RuleRefusal {
            await db.close()
            throw CommandFailure.report(CommandError(message: refusal.russianMessage))
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
        progress.step(dryRun || !plan.refusals.isEmpty ? "проверено" : "проверено и записано")
        say(
            "Строк: \(plan.rows). Новых учеников: \(plan.newPupils), уже известных: \(plan.knownPupils), новых представителей: \(plan.newGuardians), новых связей: \(plan.guardianships.count)."
        )
        for refusal in plan.refusals {
            say("  строка \(refusal.line): \(refusal.russianMessage)")
        }
        if !plan.refusals.isEmpty {
            say("Отклонено строк: \(plan.refusals.count). Ничего не записано.")
            throw ExitCode.failure
        }
        say(dryRun ? "Проверка: ошибок нет, ничего не записано (--dry-run)." : plan.changesNothing ? "Ничего не изменилось." : "Записано.")
    }
}

/// `zhurnal export pupils FILE`: the list in the columns the import reads; the extension chooses CSV or XLSX.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Выгрузить список в файл CSV или XLSX (по расширению имени файла)."
    )

    @OptionGroup var list: ListFileArguments

    func run() async throws {
        Logs.bootstrap(level: .warning)
        guard let format = SheetFormat(rawValue: URL(fileURLWithPath: list.file).pathExtension.lowercased()) else {
            throw CommandFailure.report(CommandError(message: "имя файла должно кончаться на .csv или .xlsx: \(list.file)"))
        }
        let db = try await list.database.openMigrated(logger: Logs.logger())
        let lines: [[String]]
        do {
            lines = try await PupilListImport.export(school: list.school, today: SchoolCalendar.today(Date()), in: db)
            await db.close()
        } catch {
            await db.close()
            throw CommandFailure.report((error as? RuleRefusal).map { CommandError(message: $0.russianMessage) } ?? error)
        }
        let table = SheetTable(header: lines[0], rows: lines.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
        do {
            try format.write(table, sheetName: "Ученики").write(to: URL(fileURLWithPath: list.file))
        } catch {
            throw CommandFailure.report(CommandError(message: "файл не записан: \(list.file)"))
        }
        say("Выгружено учеников: \(table.rows.count) в \(list.file).")
    }
}

/// Stages of a long command on standard error with the time since the start, so the standard output keeps the report.
final class StageTimer {
    private let start = ContinuousClock.now

    func step(_ text: String) {
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        FileHandle.standardError.write(Data("[\(String(format: "%.1f", seconds)) с] \(text)\n".utf8))
    }
}
