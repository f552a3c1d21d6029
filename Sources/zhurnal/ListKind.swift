import ArgumentParser

/// The lists `import` and `export` know. Staff, classes, curriculum, timetable and thematic plans are still to come
/// (issue 6).
enum ListKind: String, ExpressibleByArgument, CaseIterable {
    case pupils
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
