import ArgumentParser

/// The lists `import` and `export` know. The curriculum and thematic plans go through their pages and the API.
enum ListKind: String, ExpressibleByArgument, CaseIterable {
    case pupils
    case classes
    case staff
    case timetable

    var sheetName: String {
        switch self {
        case .pupils: "Ученики"
        case .classes: "Классы"
        case .staff: "Сотрудники"
        case .timetable: "Расписание"
        }
    }
}

/// What `import` and `export` both take: the list, its file, the database and the school.
struct ListFileArguments: ParsableArguments {
    @Argument(help: "Какой список: \(ListKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: ListKind

    @Argument(help: "Файл CSV или XLSX (при выгрузке формат — по расширению имени).")
    var file: String

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Номер школы в установке.")
    var school = 1
}
