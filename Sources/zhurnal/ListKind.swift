import ArgumentParser

/// The lists `import` and `export` know. The curriculum and thematic plans go through their pages and the API; the
/// timetable as a file is still to come (issue 6).
enum ListKind: String, ExpressibleByArgument, CaseIterable {
    case pupils
    case classes
    case staff

    var sheetName: String {
        switch self {
        case .pupils: "Ученики"
        case .classes: "Классы"
        case .staff: "Сотрудники"
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
