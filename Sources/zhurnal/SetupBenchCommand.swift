import ArgumentParser
import Foundation
import Logging
import ZhurnalCore
import ZhurnalDemo
import ZhurnalSheets
import ZhurnalStore

/// Issue 6's numbers, each run on a fresh copy of the same database — the demo school of 600 with its timetable and
/// only the first school day's lessons: a pupils' list of 2 000 with two guardians each imported from XLSX, then the
/// same file again (which changes nothing); the whole year's lessons generated from the timetable, then again.
struct SetupBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Замерить импорт списка учеников из XLSX (2000 учеников с представителями) и создание уроков на год по расписанию на SQLite."
    )

    @Option(help: "Сколько учеников в файле.")
    var pupils = 2000

    @Option(help: "Сколько раз импортировать.")
    var runs = 5

    @Option(help: "Папка для файлов SQLite.")
    var workDir: String = FileManager.default.temporaryDirectory.path

    func validate() throws {
        guard runs >= 1, (1...20_000).contains(pupils) else { throw ValidationError("--runs ≥ 1, --pupils от 1 до 20000") }
    }

    func run() async throws {
        Logs.bootstrap(level: .warning)
        try await CommandFailure.guarding {
            let base = (workDir as NSString).appendingPathComponent("zhurnal-bench-setup-base.sqlite")
            let copy = (workDir as NSString).appendingPathComponent("zhurnal-bench-setup-run.sqlite")
            let today = SchoolCalendar.today(Date())
            try await Self.school(at: base, today: today)
            let file = try SheetFormat.xlsx.write(Self.list(pupils), sheetName: "Ученики")
            say("Файл: \(pupils) учеников, \(pupils * 2) представителей, XLSX \(file.count / 1024) КБ")
            var first: [Double] = []
            var again: [Double] = []
            var generation: [Double] = []
            var regeneration: [Double] = []
            var statements = 0
            var generationStatements = 0
            var lessons = 0
            for _ in 0..<runs {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) }
                try FileManager.default.copyItem(atPath: base, toPath: copy)
                let database = try await Database.open(.sqlite(path: copy), logger: Logs.logger())
                let (plan, seconds, count) = try await Self.importFile(file, today: today, into: database)
                guard plan.refusals.isEmpty, plan.newPupils == pupils else {
                    throw CommandError(message: "импорт отклонил строки: \(plan.refusals.prefix(3).map(\.russianMessage))")
                }
                first.append(seconds)
                statements = count
                let (replan, secondsAgain, _) = try await Self.importFile(file, today: today, into: database)
                guard replan.changesNothing else { throw CommandError(message: "повторный импорт что-то изменил") }
                again.append(secondsAgain)
                for pass in 0..<2 {
                    let start = ContinuousClock.now
                    let (outcome, count) = try await database.statements.measure {
                        try await database.write { sql in
                            let calendar = try await YearCalendars.current(school: 1, today: today, in: sql)!
                            let span = DateSpan(calendar.periods.map(\.span.start).min()!, calendar.periods.map(\.span.end).max()!)
                            return try await TimetableLessons.generate(
                                school: 1,
                                calendar: calendar,
                                span: span,
                                now: "2026-09-01T00:00:00Z",
                                in: sql
                            )
                        }
                    }
                    let seconds = AccessBenchCommand.seconds(ContinuousClock.now - start)
                    if pass == 0 {
                        generation.append(seconds)
                        generationStatements = count
                        lessons = outcome.new.count
                    } else {
                        guard outcome.new.isEmpty else { throw CommandError(message: "повторное создание уроков что-то добавило") }
                        regeneration.append(seconds)
                    }
                }
                await database.close()
            }
            say("| что | медиана, с | разброс, с | SQL-запросов |")
            say("|---|---|---|---|")
            say("| импорт \(pupils) учеников из XLSX (чтение, проверка, запись) | \(Self.text(first)) | \(statements) |")
            say("| тот же файл повторно (ничего не меняет) | \(Self.text(again)) | — |")
            say("| уроки на учебный год по расписанию (\(lessons) уроков) | \(Self.text(generation)) | \(generationStatements) |")
            say("| то же повторно (ничего не добавляет) | \(Self.text(regeneration)) | — |")
        }
    }

    static func text(_ values: [Double]) -> String {
        let sorted = values.sorted()
        return String(format: "%.2f | %.2f–%.2f", sorted[sorted.count / 2], sorted.first!, sorted.last!)
    }

    static func importFile(_ file: Data, today: LocalDate, into database: Database) async throws -> (PupilImportPlan, Double, Int) {
        let start = ContinuousClock.now
        let (plan, statements) = try await database.statements.measure {
            let table = try SheetFormat.xlsx.read(file)
            return try await PupilListImport.run(
                header: table.header,
                rows: table.rows,
                school: 1,
                today: today,
                now: Date(),
                write: true,
                in: database
            )
        }
        return (plan, AccessBenchCommand.seconds(ContinuousClock.now - start), statements)
    }

    /// The demo school of 600 with only the first school day's lessons: its year, classes and timetable.
    static func school(at path: String, today: LocalDate) async throws {
        let exists = FileManager.default.fileExists(atPath: path)
        let database = try await Database.open(.sqlite(path: path), logger: Logs.logger())
        // A school kept from an earlier build gets this build's schema steps.
        try await Migrator(database: database).migrate()
        guard !exists else {
            await database.close()
            return
        }
        _ = try await DemoSchool.create(
            in: database,
            options: DemoOptions(students: 600, seed: 1, until: LocalDate(year: 2026, month: 9, day: 1)!, hasher: PasswordHasher(cost: 4))
        ) { _ in }
        await database.close()
    }

    /// Pupils with names no demo pupil has (three name lists crossed), spread over the classes 1А…11Б, each with a
    /// mother and a father.
    static func list(_ count: Int) -> SheetTable {
        let surnames = [
            "Абрамов", "Быков", "Волков", "Гусев", "Денисов", "Ершов", "Жуков", "Зайцев", "Ильин", "Карпов", "Лебедев", "Мухин",
            "Никитин", "Осипов", "Павлов", "Рябов", "Соколов", "Титов", "Устинов", "Фомин", "Харитонов", "Цветков", "Чернов", "Шубин",
            "Щукин", "Юдин", "Яковлев", "Белов", "Виноградов", "Горшков",
        ]
        let boys = [
            "Артемий", "Богдан", "Вадим", "Гордей", "Давид", "Елисей", "Захар", "Игнат", "Кирилл", "Лев", "Марк", "Назар",
            "Остап", "Платон", "Родион", "Савва", "Тимур", "Фёдор", "Ян", "Эмиль",
        ]
        let fathers = [
            ("Алексей", "Алексеевич"), ("Борис", "Борисович"), ("Виктор", "Викторович"), ("Глеб", "Глебович"),
            ("Дмитрий", "Дмитриевич"), ("Егор", "Егорович"), ("Игорь", "Игоревич"), ("Константин", "Константинович"),
            ("Леонид", "Леонидович"), ("Максим", "Максимович"),
        ]
        var rows: [ImportRow] = []
        for index in 0..<count {
            let surname = surnames[index % surnames.count]
            let name = boys[(index / surnames.count) % boys.count]
            let (father, patronymic) = fathers[(index / (surnames.count * boys.count)) % fathers.count]
            let parallel = 1 + index % 11
            let letter = (index / 11) % 2 == 0 ? "А" : "Б"
            let born = LocalDate(year: 2019 - parallel + 1, month: 1 + index % 12, day: 1 + index % 28)!
            rows.append(
                ImportRow(
                    line: index + 2,
                    cells: [
                        surname, name, patronymic, born.russian, "\(parallel)\(letter)", "",
                        "\(surname)а Анна Сергеевна", "мать", "\(surname) \(father) Иванович", "отец",
                    ]
                )
            )
        }
        return SheetTable(header: PupilList.headings, rows: rows)
    }
}
