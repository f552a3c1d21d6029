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
        abstract:
            "Загрузить список из файла CSV или XLSX: pupils — ученики с классами и представителями, classes — классы, staff — сотрудники, "
            + "timetable — недельное расписание классов.",
        discussion:
            "Файл проверяется целиком; если хоть одна строка отклонена, не записывается ничего. Повторная загрузка того же файла ничего не меняет. "
            + "Новые сотрудники получают учётные записи: их листки (ФИО, логин, одноразовый пароль) пишутся в файл --slips."
    )

    @OptionGroup var list: ListFileArguments

    @Flag(name: .customLong("dry-run"), help: "Только проверить и показать, что будет сделано.")
    var dryRun = false

    @Option(help: "Для staff: файл CSV, куда записать листки новых сотрудников с одноразовыми паролями.")
    var slips: String?

    @Option(help: "Для timetable: дата (ГГГГ-ММ-ДД), с которой действует расписание; по умолчанию сегодня.")
    var from: String?

    func validate() throws {
        if list.kind == .staff, !dryRun, slips == nil {
            throw ValidationError("Для списка сотрудников укажите --slips ФАЙЛ: туда запишутся одноразовые пароли новых сотрудников.")
        }
    }

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
        let outcome: (summary: String, refusals: [ImportRefusal], changed: Bool)
        do {
            outcome = try await apply(table, to: db)
            await db.close()
        } catch let refusal as RuleRefusal {
            await db.close()
            throw CommandFailure.report(CommandError(message: refusal.russianMessage))
        } catch {
            await db.close()
            throw CommandFailure.report(error)
        }
        progress.step(dryRun || !outcome.refusals.isEmpty ? "проверено" : "проверено и записано")
        say(outcome.summary)
        for refusal in outcome.refusals {
            say("  строка \(refusal.line): \(refusal.russianMessage)")
        }
        if !outcome.refusals.isEmpty {
            say("Отклонено строк: \(outcome.refusals.count). Ничего не записано.")
            throw ExitCode.failure
        }
        say(dryRun ? "Проверка: ошибок нет, ничего не записано (--dry-run)." : outcome.changed ? "Записано." : "Ничего не изменилось.")
    }

    private func apply(_ table: SheetTable, to db: Database) async throws -> (summary: String, refusals: [ImportRefusal], changed: Bool) {
        let today = SchoolCalendar.today(Date())
        switch list.kind {
        case .pupils:
            let plan = try await PupilListImport.run(
                header: table.header,
                rows: table.rows,
                school: list.school,
                today: today,
                now: Date(),
                write: !dryRun,
                in: db
            )
            return (
                "Строк: \(plan.rows). Новых учеников: \(plan.newPupils), уже известных: \(plan.knownPupils), "
                    + "новых представителей: \(plan.newGuardians), новых связей: \(plan.guardianships.count).",
                plan.refusals,
                !plan.changesNothing
            )
        case .classes:
            let outcome = try await ClassListImport.run(
                header: table.header,
                rows: table.rows,
                school: list.school,
                today: today,
                write: !dryRun,
                in: db
            )
            return (
                "Новых классов: \(outcome.classes.count), уже есть: \(outcome.known).",
                outcome.refusals,
                !outcome.classes.isEmpty
            )
        case .staff:
            let plan = try await StaffListImport.plan(header: table.header, rows: table.rows, school: list.school, in: db)
            guard !dryRun, plan.refusals.isEmpty else { return (summary(plan), plan.refusals, false) }
            // The slips' file is made before anything is written: passwords nobody can read would be lost for good.
            guard let slips, FileManager.default.createFile(atPath: slips, contents: Data(), attributes: [.posixPermissions: 0o600]),
                let handle = FileHandle(forWritingAtPath: slips)
            else {
                throw CommandError(message: "файл для листков не создаётся: \(self.slips ?? "")")
            }
            defer { try? handle.close() }
            let passwords = plan.new.map { _ in InitialPassword.generate() }
            let outcome = try await StaffListImport.run(
                header: table.header,
                rows: table.rows,
                school: list.school,
                passwords: passwords,
                hashes: await PasswordHasher().hashAll(passwords),
                by: "command line",
                now: Date(),
                in: db
            )
            let lines = [["ФИО", "Логин", "Пароль"]] + outcome.slips.map { [$0.fullName, $0.login, $0.password] }
            let sheet = SheetTable(header: lines[0], rows: lines.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
            try handle.write(contentsOf: try SheetFormat.csv.write(sheet, sheetName: "Листки"))
            return (summary(outcome.reading), outcome.reading.refusals, outcome.written)
        case .timetable:
            let outcome = try await TimetableListImport.run(
                header: table.header,
                rows: table.rows,
                school: list.school,
                from: try from.map { text in
                    guard let date = LocalDate(iso: text) else { throw CommandError(message: "дата --from — в виде ГГГГ-ММ-ДД: \(text)") }
                    return date
                } ?? today,
                today: today,
                now: Timestamp.string(Date()),
                write: !dryRun,
                in: db
            )
            return (
                "Классов с новым расписанием: \(outcome.weeks.count), без изменений: \(outcome.unchanged); уроков по нему: \(outcome.lessonsCreated).",
                outcome.refusals,
                outcome.written
            )
        }
    }

    private func summary(_ reading: StaffList.Reading) -> String {
        "Новых сотрудников: \(reading.new.count), получили новые роли: \(reading.promotions.count), без изменений: \(reading.unchanged)."
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
            let today = SchoolCalendar.today(Date())
            lines =
                switch list.kind {
                case .pupils: try await PupilListImport.export(school: list.school, today: today, in: db)
                case .classes: try await ClassListImport.export(school: list.school, today: today, in: db)
                case .staff: try await StaffListImport.export(school: list.school, in: db)
                case .timetable: try await TimetableListImport.export(school: list.school, on: today, today: today, in: db)
                }
            await db.close()
        } catch {
            await db.close()
            throw CommandFailure.report((error as? RuleRefusal).map { CommandError(message: $0.russianMessage) } ?? error)
        }
        let table = SheetTable(header: lines[0], rows: lines.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
        do {
            try format.write(table, sheetName: list.kind.sheetName).write(to: URL(fileURLWithPath: list.file))
        } catch {
            throw CommandFailure.report(CommandError(message: "файл не записан: \(list.file)"))
        }
        say("Выгружено строк: \(table.rows.count) в \(list.file).")
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
