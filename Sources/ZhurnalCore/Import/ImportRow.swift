/// A row of an imported list as the file gave it: its line (the header is line 1) and its cells as text.
public struct ImportRow: Sendable, Hashable {
    public let line: Int
    public let cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }

    /// The trimmed text of a column, empty when the row is shorter or the column is absent.
    public subscript(column: Int?) -> String {
        guard let column, column < cells.count else { return "" }
        return cells[column].trimmingWhitespace()
    }
}

/// A row the import will not take, and why: shown to the administrator by line so that he fixes the file.
public struct ImportRefusal: Sendable, Hashable {
    public let line: Int
    public let code: String
    public let russianMessage: String

    public init(line: Int, _ refusal: RuleRefusal) {
        self.line = line
        self.code = refusal.code
        self.russianMessage = refusal.russianMessage
    }
}

/// The columns of a list: headings match ignoring case, surrounding spaces and «ё».
public struct ImportColumns: Sendable {
    private let positions: [String: Int]

    public init(header: [String], expected: [String], required: [String]) throws(RuleRefusal) {
        var positions: [String: Int] = [:]
        for heading in expected {
            if let position = header.firstIndex(where: { Self.key($0) == Self.key(heading) }) { positions[heading] = position }
        }
        let missing = required.filter { positions[$0] == nil }
        guard missing.isEmpty else {
            throw RuleRefusal(
                code: "missing_column",
                russianMessage: "В файле нет столбца \(missing.map { "«\($0)»" }.joined(separator: ", ")). "
                    + "Первая строка файла — заголовки: \(expected.joined(separator: "; "))."
            )
        }
        self.positions = positions
    }

    public subscript(heading: String) -> Int? { positions[heading] }

    static func key(_ heading: String) -> String {
        heading.trimmingWhitespace().lowercased().replacing("ё", with: "е")
    }
}

extension ImportRow {
    /// Refuses the row when one of `headings` is empty.
    func requireFilled(_ headings: [String], _ columns: ImportColumns) throws(RuleRefusal) {
        for heading in headings where self[columns[heading]].isEmpty {
            throw RuleRefusal(code: "missing_field", russianMessage: "Не заполнено поле «\(heading)».")
        }
    }

    /// The person the row's surname, name and patronymic columns name; `field` says whose name it is in a refusal.
    func personalName(
        _ columns: ImportColumns,
        _ headings: (last: String, first: String, patronymic: String),
        field: String
    ) throws(RuleRefusal)
        -> PersonalName
    {
        try PersonalName.parse(
            lastName: self[columns[headings.last]],
            firstName: self[columns[headings.first]],
            patronymic: self[columns[headings.patronymic]],
            field: field
        )
    }
}
