import Foundation
import Hummingbird
import ZhurnalCore
import ZhurnalSheets
import ZhurnalStore

/// The pupils' list as a file, for the administrator's page and the API alike: an import planned (and written when
/// asked and clean) from a CSV or XLSX file, and the export in either format. Both under `.manageStructure`: the list
/// names children and their parents.
struct PupilListFiles: Sendable {
    let database: Database
    let access: Access
    let clock: @Sendable () -> Date

    /// The largest list accepted: a whole school with its parents is a few hundred kilobytes.
    static let maxBytes = 5 * 1024 * 1024

    func importFile(_ data: Data, write: Bool, context: AppRequestContext, path: String) async throws -> PupilImportPlan {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let table = try Self.table(data)
        do {
            return try await PupilListImport.run(
                header: table.header,
                rows: table.rows,
                school: actor.schoolID,
                today: SchoolCalendar.today(clock()),
                now: clock(),
                write: write,
                in: database
            )
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
    }

    func exportFile(_ format: SheetFormat, context: AppRequestContext, path: String) async throws -> Response {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        let lines: [[String]]
        do {
            lines = try await PupilListImport.export(school: actor.schoolID, today: today, in: database)
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
        let table = SheetTable(header: lines[0], rows: lines.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
        return try SheetDownload.response(table, format: format, sheetName: "Ученики", fileName: "pupils-\(today.iso)")
    }
}

extension PupilListFiles {
    /// The classes' list from a file: read, checked, and written when asked and nothing is refused.
    func importClasses(_ data: Data, write: Bool, context: AppRequestContext, path: String) async throws -> ClassListImport.Outcome {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let table = try Self.table(data)
        do {
            return try await ClassListImport.run(
                header: table.header,
                rows: table.rows,
                school: actor.schoolID,
                today: SchoolCalendar.today(clock()),
                write: write,
                in: database
            )
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
    }

    func exportClasses(_ format: SheetFormat, context: AppRequestContext, path: String) async throws -> Response {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let lines: [[String]]
        do {
            lines = try await ClassListImport.export(school: actor.schoolID, today: SchoolCalendar.today(clock()), in: database)
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
        let table = SheetTable(header: lines[0], rows: lines.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
        return try SheetDownload.response(table, format: format, sheetName: "Классы", fileName: "classes")
    }

    /// The school's timetable from a file, every class it names from `from` on.
    func importTimetable(
        _ data: Data,
        from text: String,
        write: Bool,
        context: AppRequestContext,
        path: String
    ) async throws -> TimetableListImport.Outcome {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        guard let from = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw AppError.invalid("bad_date", "Дата начала расписания — в виде ГГГГ-ММ-ДД.")
        }
        let table = try Self.table(data)
        do {
            return try await TimetableListImport.run(
                header: table.header,
                rows: table.rows,
                school: actor.schoolID,
                from: from,
                today: SchoolCalendar.today(clock()),
                now: Timestamp.string(clock()),
                write: write,
                in: database
            )
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
    }

    func exportTimetable(_ format: SheetFormat, on date: LocalDate?, context: AppRequestContext, path: String) async throws -> Response {
        let actor = try await access.require(.manageStructure, on: .school(id: try context.requireActor().schoolID), context: context, path: path)
        let today = SchoolCalendar.today(clock())
        let lines: [[String]]
        do {
            lines = try await TimetableListImport.export(school: actor.schoolID, on: date ?? today, today: today, in: database)
        } catch let refusal as RuleRefusal {
            throw AppError.invalid(refusal)
        }
        let table = SheetTable(header: lines[0], rows: lines.dropFirst().enumerated().map { .init(line: $0.offset + 2, cells: $0.element) })
        return try SheetDownload.response(table, format: format, sheetName: "Расписание", fileName: "timetable-\((date ?? today).iso)")
    }

    /// A file's table, or the 422 that says why it is none.
    static func table(_ data: Data) throws -> SheetTable {
        guard data.count <= maxBytes else {
            throw AppError(status: .contentTooLarge, code: "file_too_large", message: "Файл больше 5 МБ: разделите список по параллелям.")
        }
        do {
            return try SheetFormat.of(data).read(data)
        } catch {
            throw AppError.invalid(error.code, error.russianMessage)
        }
    }
}

extension PupilImportPlan {
    /// «Все 25 строк в порядке: 20 новых учеников, …» — the outcome in one sentence for the page.
    var russianSummary: String {
        "Строк в файле: \(rows). Новых учеников: \(newPupils), уже известных: \(knownPupils), новых представителей: \(newGuardians), "
            + "новых связей ученик — представитель: \(guardianships.count)."
    }
}
